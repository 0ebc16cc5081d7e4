"""Every way of breaking a content file in the corpus (malformed.py) gives its exact,
located messages through both `second-heart check` and `second-heart build`, exit 1, no
traceback, and leaves a previously built site/ byte for byte as it was."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generators.build import SITE_MARKER
from generators.cli import main
from tests.generators.content.malformed import ACCEPTED, CASES, Case, expected_messages
from tests.generators.golden import FIXTURE

PROJECT = Path(__file__).resolve().parents[3]
EXPECTED = expected_messages()
GROUPS = {"encoding", "size", "characters", "yaml", "dates", "layout", "symlinks", "languages", "ids",
          "pages", "links", "data"}


def key(case: Case) -> str:
    return f"{case.group}: {case.name}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the fixture content and a site/ an earlier build made."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root / "content")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    site = root / "site"
    (site / "exercises" / "ankle-pumps").mkdir(parents=True)
    (site / "index.html").write_text("<p>the previous site</p>")
    (site / "exercises" / "ankle-pumps" / "index.html").write_bytes(b"<p>ankle pumps</p>\x00\xff")
    (site / SITE_MARKER).write_text("built by second-heart\n")
    (tmp_path / "outside").mkdir()
    return root


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def test_the_corpus_tries_at_least_eighty_ways_in_every_group_each_with_its_messages() -> None:
    counts = Counter(case.group for case in CASES)
    assert len(CASES) >= 80
    assert set(counts) == GROUPS
    assert len({key(case) for case in CASES}) == len(CASES), "two cases share a name"
    assert sorted(EXPECTED) == sorted(key(case) for case in CASES), "messages.txt and malformed.py differ"
    assert all(EXPECTED.values()), "a case without its messages"


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", CASES, ids=key)
def test_malformed_content_gives_its_exact_located_messages_and_leaves_the_site_as_it_was(
    project: Path, capsys: pytest.CaptureFixture[str], case: Case, command: str
) -> None:
    outside = project.parent / "outside"
    site_before = snapshot(project / "site")
    case.break_it(project / "content", outside)

    assert main(["--project", str(project), command]) == 1
    err = capsys.readouterr().err
    messages = [message.replace("{outside}", str(outside)) for message in EXPECTED[key(case)]]
    head = f"content/ has {len(messages)} problem{'s' if len(messages) != 1 else ''}:"
    tail = ["Nothing was built; site/ is unchanged."] if command == "build" else []
    assert err.splitlines() == [head, *(f"  {message}" for message in messages), *tail]
    assert "Traceback" not in err
    assert snapshot(project / "site") == site_before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "site"]


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_files_that_look_odd_but_are_fine_are_accepted(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    ACCEPTED[name](project / "content", project.parent / "outside")
    assert main(["--project", str(project), "check"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("content/ is valid: 1 topics")
