"""`second-heart build --all-clinics`: every clinic file gets its own site; a bad file is
reported and stops only its own clinic, whose previous site stays exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.build import SITE_MARKER
from generators.cli import main

PROJECT = Path(__file__).resolve().parents[3]
SHARED = ("generators", "interactive", "node_modules", "pyproject.toml", "mkdocs.yml", "content")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project that shares the code and content, with two clinics of its own: a good
    one (the example) and one whose phone number cannot be dialled."""
    root = tmp_path / "project"
    (root / "clinics").mkdir(parents=True)
    for name in SHARED:
        (root / name).symlink_to(PROJECT / name)
    if (PROJECT / "build" / "cache").is_dir():  # the model's results: safe to share (written atomically)
        (root / "build").mkdir()
        (root / "build" / "cache").symlink_to(PROJECT / "build" / "cache")
    example = (PROJECT / "clinics" / "example.yml").read_text("utf-8")
    shutil.copy(PROJECT / "clinics" / "example-logo.svg", root / "clinics" / "example-logo.svg")
    (root / "clinics" / "good.yml").write_text(example, "utf-8")
    (root / "clinics" / "bad.yml").write_text(example.replace('"0161 496 0123"', '"ring us"'), "utf-8")
    return root


def test_the_good_clinic_builds_and_the_bad_one_is_reported_with_its_old_site_intact(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = project / "site-clinics" / "bad"
    old.mkdir(parents=True)
    (old / SITE_MARKER).write_text("built before\n")
    (old / "index.html").write_text("<p>Last week's site</p>\n")
    before = {p.name: p.read_bytes() for p in old.iterdir()}

    code = main(["--project", str(project), "build", "--all-clinics"])

    out, err = capsys.readouterr()
    assert code == 1
    assert f"good.yml: built into {project / 'site-clinics' / 'good'} in " in out
    assert f"bad.yml: FAILED; its site {old} is unchanged.\nclinics/bad.yml has 1 problem:\n" in err
    assert "at 'contact.phone' expected a phone number as patients dial it" in err
    assert err.rstrip().endswith("1 of 2 clinic sites built; failed: bad.yml")
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before
    home = (project / "site-clinics" / "good" / "index.html").read_text("utf-8")
    assert "Riverside Vein Clinic (example)" in home
    assert (project / "site-clinics" / "good" / SITE_MARKER).is_file()
    assert sorted(p.name for p in (project / "site-clinics").iterdir()) == ["bad", "good"]  # no leftovers


def test_a_project_without_clinic_files_says_how_to_start_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--project", str(tmp_path), "build", "--all-clinics"]) == 1
    assert (f"second-heart: {tmp_path / 'clinics'} holds no clinic files. Fix: copy clinics/example.yml to "
            "clinics/<your-clinic>.yml and fill it in (README: 'For clinics')") in capsys.readouterr().err
