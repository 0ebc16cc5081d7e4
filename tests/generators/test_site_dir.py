"""Never destroy what is not ours: the site folder rule, disk errors, and the two other
ways MkDocs runs the build (plain `mkdocs build`, and `serve`'s rebuilds).

The build writes only into a folder that is new, empty, or holds SITE_MARKER (which every
build writes); never into, around or inside the project's own folders; and it says why in
one line before anything is touched.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generators.build import SITE_MARKER, SOURCES, check_site_dir
from generators.cli import main
from generators.errors import BuildError
from tests.generators.golden import FIXTURE

PROJECT = Path(__file__).resolve().parents[2]
SHARED = ("generators", "interactive", "node_modules", "pyproject.toml")  # what a real build reads


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the fixture content; no site yet."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root / "content")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("generators", "interactive", "tests"):
        (root / name).mkdir()
        (root / name / "keep.txt").write_text(f"the project's {name}\n")
    return root


@pytest.fixture
def buildable(tmp_path: Path) -> Path:
    """A project a real build can run in: the fixture content, and the code it shares."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root / "content")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for name in SHARED:
        (root / name).symlink_to(PROJECT / name)
    return root


# ------------------------------------------------------------------ refused destinations

REFUSED = {
    "the project folder": (".", "it is the project folder, which a build would replace with the site."),
    "the folder around the project": ("..", "it contains the project folder {project}, which a build would "
                                            "delete."),
    "content/": ("content", "it is the project's content/ folder, which holds the project's own files."),
    "a folder inside content/": ("content/en", "it is inside the project's content/ folder, which holds the "
                                               "project's own files."),
    "a new folder inside content/": ("content/site", "it is inside the project's content/ folder, which "
                                                     "holds the project's own files."),
    "clinics/, even before it exists": ("clinics", "it is the project's clinics/ folder, which holds the "
                                                   "project's own files."),
    "generators/": ("generators", "it is the project's generators/ folder, which holds the project's own "
                                  "files."),
    "tests/": ("tests/site", "it is inside the project's tests/ folder, which holds the project's own "
                             "files."),
    "build/docs, where the pages are generated": ("build/docs", "it is inside the project's build/ folder, "
                                                                "which holds the project's own files."),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_site_folder_that_is_around_or_inside_the_sources_is_refused_before_anything_is_touched(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    where, reason = REFUSED[name]
    site_dir = project / where
    before = snapshot(project.parent)
    assert main(["--project", str(project), "build", "--site-dir", str(site_dir)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"second-heart: will not build the site into {os.path.abspath(site_dir)}: "
        + reason.format(project=project)
        + f" Choose another folder with --site-dir (the default is {project / 'site'}).",
        f"Nothing was built; {os.path.abspath(site_dir)} is unchanged.",
    ]
    assert snapshot(project.parent) == before


def test_every_source_folder_of_the_project_is_protected(project: Path) -> None:
    for name in SOURCES:
        with pytest.raises(BuildError, match=f"the project's {name}/ folder"):
            check_site_dir(project, project / name / "site")


def test_a_folder_linked_into_the_sources_is_refused_too(project: Path, tmp_path: Path) -> None:
    (tmp_path / "public").symlink_to(project / "content")
    with pytest.raises(BuildError, match=r"it is the project's content/ folder"):
        check_site_dir(project, tmp_path / "public")


def test_a_folder_the_build_did_not_make_is_refused_and_kept(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("Dear clinic")
    assert main(["--project", str(project), "build", "--site-dir", str(mine)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"second-heart: will not build the site into {mine}: it is not empty and has no {SITE_MARKER} file, "
        "so no build made it, and building would delete what is in it. Empty or delete it yourself (once, "
        "for a site built before this rule), or choose another folder with --site-dir.",
        f"Nothing was built; {mine} is unchanged.",
    ]
    assert snapshot(mine) == {"letter.txt": b"Dear clinic"}


def test_a_file_is_refused_as_a_site_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = project / "notes.txt"
    notes.write_text("notes")
    assert main(["--project", str(project), "build", "--site-dir", str(notes)]) == 1
    assert "it is a file, not a folder." in capsys.readouterr().err
    assert notes.read_text() == "notes"


def test_a_new_or_empty_folder_or_one_holding_the_marker_is_accepted(project: Path, tmp_path: Path) -> None:
    check_site_dir(project, tmp_path / "new" / "site")
    (tmp_path / "empty").mkdir()
    check_site_dir(project, tmp_path / "empty")
    (tmp_path / "built").mkdir()
    (tmp_path / "built" / "index.html").write_text("old")
    (tmp_path / "built" / SITE_MARKER).write_text("")
    check_site_dir(project, tmp_path / "built")
    check_site_dir(project, project / "site")


def test_a_project_folder_without_mkdocs_yml_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(tmp_path), "build"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"second-heart: {tmp_path} has no mkdocs.yml: give --project the project folder (the one holding "
        "mkdocs.yml and content/).")


# --------------------------------------------------------------- real builds, disk errors


def test_a_build_from_another_folder_writes_the_marker_and_a_failed_build_keeps_the_site_byte_identical(
    buildable: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # pymdownx.snippets used to look for build/includes here
    assert main(["--project", str(buildable), "build"]) == 0, capsys.readouterr().err
    site = buildable / "site"
    assert (site / SITE_MARKER).is_file()
    assert (site / "exercises" / "ankle-pumps" / "index.html").is_file()
    assert site.stat().st_mode & 0o755 == 0o755  # a web server can read it
    assert main(["--project", str(buildable), "build"]) == 0  # the marker lets the next build replace it
    before = snapshot(site)

    topic = buildable / "content" / "en" / "topics" / "calf-pump.yml"
    topic.write_text(topic.read_text().replace("last_reviewed: 2026-11-21", "last_reviewed: 2026-13-45"))
    capsys.readouterr()
    assert main(["--project", str(buildable), "build"]) == 1
    err = capsys.readouterr().err
    assert "content/en/topics/calf-pump.yml:6: at 'review.last_reviewed' expected a date that exists" in err
    assert "Traceback" not in err
    assert snapshot(site) == before
    assert leftovers(buildable) == []


def test_a_full_disk_while_mkdocs_writes_is_one_line_naming_the_path_and_the_old_site_is_kept(
    buildable: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = buildable / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text("")
    (site / "index.html").write_text("<p>the previous site</p>")

    def disk_full(content: bytes, output_path: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)

    monkeypatch.setattr("mkdocs.utils.write_file", disk_full)
    assert main(["--project", str(buildable), "build"]) == 1
    first, second = capsys.readouterr().err.splitlines()[-2:]
    assert first.startswith(f"second-heart: could not build the site: {buildable}/.site-")
    assert first.endswith(": No space left on device. Free some disk space and build again.")
    assert second == "Nothing was built; site/ is unchanged."
    assert (site / "index.html").read_text() == "<p>the previous site</p>"
    assert leftovers(buildable) == []


def test_a_destination_whose_folder_cannot_be_written_is_one_line_naming_the_path(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"

    def permission_denied(prefix: str, dir: str) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dir)

    monkeypatch.setattr("tempfile.mkdtemp", permission_denied)
    assert main(["--project", str(project), "build", "--site-dir", str(locked / "site")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"second-heart: could not build the site: {locked}: Permission denied. Check that you may write "
        "there, or choose another folder with --site-dir.",
        f"Nothing was built; {locked / 'site'} is unchanged.",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_parent_folder_is_one_line_and_the_old_site_is_kept(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = tmp_path / "read-only"
    (parent / "site").mkdir(parents=True)
    (parent / "site" / SITE_MARKER).write_text("")
    parent.chmod(0o555)
    try:
        assert main(["--project", str(project), "build", "--site-dir", str(parent / "site")]) == 1
    finally:
        parent.chmod(0o755)
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"second-heart: could not build the site: {parent}")
    assert "Traceback" not in "\n".join(err)
    assert sorted(p.name for p in (parent / "site").iterdir()) == [SITE_MARKER]


def test_if_the_new_site_cannot_be_moved_in_the_old_one_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generators.build import swap

    site, new = tmp_path / "site", tmp_path / ".site-new"
    site.mkdir()
    (site / "index.html").write_text("old")
    new.mkdir()
    real_rename = Path.rename

    def rename(self: Path, target: Any) -> Path:
        if self == new:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        swap(new, site)
    assert (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-new", "site"]


# ----------------------------------------------------- plain `mkdocs build`, and serve


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=project.parent, timeout=300, check=False)


def test_plain_mkdocs_build_refuses_a_folder_no_build_made(buildable: Path) -> None:
    (buildable / "build" / "docs").mkdir(parents=True)
    (buildable / "site").mkdir()
    (buildable / "site" / "notes.txt").write_text("mine")
    done = _mkdocs(buildable)
    assert done.returncode != 0
    assert f"will not build the site into {buildable / 'site'}: it is not empty" in done.stderr
    assert snapshot(buildable / "site") == {"notes.txt": b"mine"}


def test_plain_mkdocs_build_swaps_a_whole_site_into_place(buildable: Path) -> None:
    (buildable / "build" / "docs").mkdir(parents=True)
    done = _mkdocs(buildable)
    assert done.returncode == 0, done.stderr
    assert (buildable / "site" / SITE_MARKER).is_file()
    assert (buildable / "site" / "index.html").is_file()
    assert leftovers(buildable) == []


def test_the_swap_runs_after_every_other_hook_has_finished_the_site(buildable: Path, tmp_path: Path) -> None:
    (buildable / "build" / "docs").mkdir(parents=True)
    last = _load(buildable, "build", tmp_path / "site").plugins.events["post_build"][-1]
    assert (last.__module__, last.__name__) == ("generators/mkdocs_hooks.py", "on_post_build")


def _load(project: Path, command: str, site_dir: Path) -> Any:
    """A configuration as MkDocs makes it for ``command`` (hooks loaded, on_startup run)."""
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command=command, dirty=False)
    return config


def test_a_plain_build_that_strict_mode_aborts_leaves_the_old_site(
    buildable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    site = buildable / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text("")
    (site / "index.html").write_text("<p>the previous site</p>")
    (buildable / "build" / "docs").mkdir(parents=True)
    real_build_page = mkdocs_build._build_page

    def warn_then_build(*args: Any, **kwargs: Any) -> None:
        logging.getLogger("mkdocs.commands.build").warning("a link that leads nowhere")
        real_build_page(*args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", warn_then_build)
    with pytest.raises(Abort, match="in strict mode"):
        mkdocs_build.build(_load(buildable, "build", site))
    assert snapshot(site) == {SITE_MARKER: b"", "index.html": b"<p>the previous site</p>"}
    assert leftovers(buildable) == []


def test_a_failed_rebuild_while_serving_names_file_and_line_and_keeps_the_last_good_site(
    buildable: Path, tmp_path: Path
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort

    served = tmp_path / "served"  # serve's own temporary folder
    served.mkdir()
    (buildable / "build" / "docs").mkdir(parents=True)
    build(_load(buildable, "serve", served), serve_url="http://127.0.0.1:8000/")
    good = snapshot(served)
    assert "index.html" in good

    topic = buildable / "content" / "en" / "topics" / "calf-pump.yml"
    topic.write_text(topic.read_text().replace("order: 1", "order: first"))
    config = _load(buildable, "serve", served)
    with pytest.raises(Abort) as caught:
        build(config, serve_url="http://127.0.0.1:8000/")
    assert snapshot(served) == good
    from mkdocs.exceptions import PluginError

    error = caught.value.__context__
    assert isinstance(error, PluginError)
    assert str(error).splitlines() == [
        "content/ has 1 problem:",
        "  content/en/topics/calf-pump.yml:4: at 'order' expected a whole number, got text ('first'). "
        "Fix: write a number without quotes",
        "The preview still shows the last good build; save a fix and it rebuilds.",
    ]
