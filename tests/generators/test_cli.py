"""The command line: content problems exit non-zero, list every problem, and leave site/ alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.build import SITE_MARKER
from generators.cli import main
from tests.generators.golden import FIXTURE

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the fixture content and an already-built site/."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>the previous site</p>")
    (tmp_path / "site" / SITE_MARKER).write_text("built by second-heart\n")
    return tmp_path


def test_check_accepts_valid_content_and_reports_its_size_and_grades(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project), "check", "--grades"]) == 0
    out = capsys.readouterr().out
    assert "content/ is valid: 1 topics, 1 risk factors, 1 symptoms, 1 exercises" in out
    assert "Reading grade (Flesch-Kincaid): highest" in out
    assert "exercises/ankle-pumps" in out


def test_a_build_with_bad_content_exits_1_lists_the_problem_and_keeps_the_old_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    topic = project / "content/en/topics/calf-pump.yml"
    topic.write_text(topic.read_text().replace("order: 1", "order: first"))
    assert main(["--project", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "content/ has 1 problem:",
        "  content/en/topics/calf-pump.yml:4: at 'order' expected a whole number, got text ('first'). "
        "Fix: write a number without quotes",
        "Nothing was built; site/ is unchanged.",
    ]
    assert (project / "site" / "index.html").read_text() == "<p>the previous site</p>"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []


def test_a_page_that_reads_too_hard_is_a_content_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    step = "  - Sit with your feet flat."
    hard = ("  - Subsequently, contemporaneous bilateral plantarflexion necessitates "
            "considerable gastrocnemius activation.")
    exercise = project / "content/en/exercises/ankle-pumps.yml"
    exercise.write_text(exercise.read_text().replace(step, hard))
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert ("content/en/exercises/ankle-pumps.yml: at 'steps[0]' expected a Flesch-Kincaid grade of 6 or "
            "lower for an exercise step, got grade 40.6 "
            "('Subsequently, contemporaneous bilateral plantarfle'). "
            "Fix: split the step in two or use shorter words") in err


# What `check` accepts the build accepts: both run stage 1 and report the same located
# message, with no traceback, for problems that only a later stage used to notice.
STAGE_ONE_CASES = {
    "a chart's data file is missing": (
        "charts: [travel-clot-risk]",
        "  content/data/travel-clot-risk.yml: expected this file to exist (the chart 'travel-clot-risk' in "
        "content/en/topics/calf-pump.yml draws it), got no file. Fix: restore it (git checkout -- "
        "content/data/travel-clot-risk.yml) or remove the chart from content/en/topics/calf-pump.yml",
    ),
    "an unknown chart id": (
        "charts: [no-such-chart]",
        "  content/en/topics/calf-pump.yml:19: at 'charts[0]' expected one of the charts apg-chart, "
        "avp-chart, travel-clot-risk, got 'no-such-chart'. Fix: use one of the listed chart ids",
    ),
    "an unknown widget id": (
        "widgets: [no-such-widget]",
        "  content/en/topics/calf-pump.yml:19: at 'widgets[0]' expected one of the widgets risk-checklist, "
        "vein-valve, got 'no-such-widget'. Fix: use one of the listed widget ids",
    ),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", sorted(STAGE_ONE_CASES))
def test_check_and_build_reject_the_same_content_with_the_same_located_message(
    project: Path, capsys: pytest.CaptureFixture[str], command: str, case: str
) -> None:
    line, message = STAGE_ONE_CASES[case]
    topic = project / "content/en/topics/calf-pump.yml"
    topic.write_text(topic.read_text() + line + "\n")
    assert main(["--project", str(project), command]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[:2] == ["content/ has 1 problem:", message]
    assert "Traceback" not in err


def test_a_deleted_data_file_stops_the_real_content_in_a_separate_process(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content" / "data" / "travel-clot-risk.yml").unlink()
    for command in ("check", "build"):
        done = subprocess.run([sys.executable, "-m", "generators.cli", "--project", str(tmp_path), command],
                              capture_output=True, text=True, cwd=PROJECT, check=False)
        assert done.returncode == 1
        assert "content/data/travel-clot-risk.yml: expected this file to exist" in done.stderr
        assert "Traceback" not in done.stderr


def test_the_installed_command_runs_as_a_separate_process(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generators.cli", "--project", str(project), "check"],
                            capture_output=True, text=True, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content/ is valid")


def test_a_build_that_fails_inside_mkdocs_also_keeps_the_old_site(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mkdocs.exceptions import Abort

    for shared in ("generators", "interactive", "node_modules"):  # what mkdocs.yml points at
        (project / shared).symlink_to(PROJECT / shared)

    def fail_in_mkdocs(config: object) -> None:
        raise Abort("Aborted with 1 warnings in strict mode!")

    monkeypatch.setattr("mkdocs.commands.build.build", fail_in_mkdocs)
    assert main(["--project", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "second-heart: MkDocs could not build the site: Aborted with 1 warnings in strict mode!" in err
    assert "Nothing was built; site/ is unchanged." in err
    assert (project / "site" / "index.html").read_text() == "<p>the previous site</p>"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []
