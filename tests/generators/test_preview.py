"""The live preview (``second-heart serve``, generators/preview.py): a saved edit is
rebuilt quickly (only the pages it changed), and the preview shows what a full build
would: the edited words, and a changed title in every page's navigation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generators import preview as live
from generators.build import PROJECT
from tests.generators.golden import FIXTURE

SHARED = ("generators", "interactive", "node_modules", "pyproject.toml")
SERVE_URL = "http://127.0.0.1:8000/"
TOPIC = Path("content/en/topics/calf-pump.yml")
SENTENCE = "Each step squeezes the veins in your calf."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root / "content")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for name in SHARED:
        (root / name).symlink_to(PROJECT / name)
    (root / "build" / "docs").mkdir(parents=True)
    return root


@pytest.fixture
def serving(project: Path, tmp_path: Path) -> Iterator[live.Preview]:
    """A preview as ``second-heart serve`` keeps it, after its first build."""
    preview = live.Preview(tmp_path / "served")
    preview.site_dir.mkdir()
    live.ACTIVE = preview
    try:
        serve_build(project, preview.site_dir)
        yield preview
    finally:
        live.ACTIVE = None


def serve_build(project: Path, site_dir: Path) -> None:
    """One (re)build, as serve's builder makes it."""
    from mkdocs.config import load_config

    config: Any = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    live.rebuild(config, SERVE_URL)


def files(folder: Path) -> dict[str, bytes]:
    """Every file a reader's browser may load. Not ``_headers`` (for hosts, not the preview's
    server): a first build writes it before the search index exists, so it names search/
    only once rebuilt."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "_headers"}


def edit(project: Path, old: str, new: str) -> None:
    path = project / TOPIC
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_sentence_is_shown_after_rebuilding_only_the_pages_that_show_it(
    project: Path, serving: live.Preview, tmp_path: Path
) -> None:
    page = serving.site_dir / "topics" / "calf-pump" / "index.html"
    home = serving.site_dir / "index.html"
    home_before = home.stat().st_mtime_ns
    edit(project, SENTENCE, "Each step you take squeezes the veins in your calf.")
    serve_build(project, serving.site_dir)
    assert serving.plan is not None and not serving.plan.full, serving.plan
    assert "Each step you take squeezes the veins" in page.read_text("utf-8")
    assert home.stat().st_mtime_ns == home_before  # not rebuilt: it does not show the sentence
    # What the preview shows is what a full build of the same content shows.
    full = live.Preview(tmp_path / "full")
    full.site_dir.mkdir()
    live.ACTIVE = full
    serve_build(project, full.site_dir)
    assert files(serving.site_dir) == files(full.site_dir)


def test_a_new_title_rebuilds_every_page_so_the_navigation_shows_it(
    project: Path, serving: live.Preview
) -> None:
    edit(project, "title: The calf muscle pump", "title: The calf muscle pump at work")
    serve_build(project, serving.site_dir)
    assert serving.plan is not None and serving.plan.full
    assert "The calf muscle pump at work" in (serving.site_dir / "index.html").read_text("utf-8")


def test_a_rebuild_after_a_failed_one_is_a_full_build(project: Path, serving: live.Preview) -> None:
    from mkdocs.exceptions import Abort

    edit(project, "order: 1", "order: first")
    with pytest.raises(Abort):
        serve_build(project, serving.site_dir)
    edit(project, "order: first", "order: 1")
    serve_build(project, serving.site_dir)
    assert serving.plan is not None and serving.plan.full


def test_the_search_index_keeps_every_page_with_the_rebuilt_pages_entries_in_their_place() -> None:
    previous = [{"location": "", "text": "home"}, {"location": "a/", "text": "old a"},
                {"location": "a/#one", "text": "old a one"}, {"location": "b/", "text": "b"}]
    rebuilt = [{"location": "a/", "text": "new a"}, {"location": "a/#two", "text": "new a two"}]
    assert live.merge_search_index(previous, rebuilt, ["a/"]) == [
        {"location": "", "text": "home"}, {"location": "a/", "text": "new a"},
        {"location": "a/#two", "text": "new a two"}, {"location": "b/", "text": "b"}]
