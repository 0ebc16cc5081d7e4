"""The build's handouts (generators/handouts/site.py): printed into the site by default,
reprinting only what changed; left out with --no-handouts; never printed by the preview."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generators.build import PROJECT, load_checked
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.handouts import chromium_path, make_handouts, site_look, write_handouts
from generators.handouts.site import FONTS, site_handouts

#: Printed once and kept between runs, like the handout tests' own PDFs.
ARTIFACTS = Path(os.environ.get("SECOND_HEART_ARTIFACTS", PROJECT / "build" / "test-artifacts"))
PRINTED = ARTIFACTS / "handouts" / "pdf"


@pytest.fixture(scope="module")
def ctx() -> SiteContext:
    return load_checked(PROJECT)


@pytest.fixture(scope="module")
def printed(ctx: SiteContext) -> Path:
    """Every handout printed (only those whose HTML changed since the last run)."""
    try:
        chromium_path()
    except BuildError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    write_handouts(make_handouts(ctx, site_look(ctx, PROJECT / FONTS)), PRINTED)
    return PRINTED


def test_without_handouts_the_build_prints_and_publishes_none(ctx: SiteContext, tmp_path: Path) -> None:
    made = site_handouts(ctx, PROJECT, tmp_path / "handouts", "none")
    assert made.files == {} and made.printed == []
    assert not (tmp_path / "handouts").exists()


def test_a_warm_build_reprints_only_the_handout_whose_content_changed(
        ctx: SiteContext, printed: Path, tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    shutil.copytree(printed, folder)
    manifest = json.loads((folder / "handouts.json").read_text("utf-8"))
    changed = "exercises/calf-raises"
    manifest["handouts"][changed]["sha256"] = "0" * 64  # as if its content had changed since
    (folder / "handouts.json").write_text(json.dumps(manifest), encoding="utf-8")

    preview = site_handouts(ctx, PROJECT, folder, "fresh")  # serve: no Chromium, the fresh ones only
    assert preview.printed == [] and f"handouts/{changed}.pdf" not in preview.files
    assert len(preview.files) == len(manifest["handouts"]) - 1

    built = site_handouts(ctx, PROJECT, folder, "print")
    assert built.printed == [f"{changed}.pdf"]
    every = sorted(f"handouts/{entry['pdf']}" for entry in manifest["handouts"].values())
    assert sorted(built.files) == every
    assert all(pdf[:5] == b"%PDF-" for pdf in built.files.values())
    assert site_handouts(ctx, PROJECT, folder, "print").printed == [], "nothing changed: nothing printed"


def test_the_build_prints_handouts_unless_told_not_to() -> None:
    from generators.cli import _parser

    assert _parser().parse_args(["build"]).handouts is True
    assert _parser().parse_args(["build", "--no-handouts"]).handouts is False


def test_a_build_that_cannot_print_says_how_to_build_without_handouts(
        ctx: SiteContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(BuildError) as refused:
        site_handouts(ctx, PROJECT, tmp_path / "handouts", "print")
    assert str(refused.value) == (
        f"CHROMIUM is set to {tmp_path / 'no-chromium'}, which is not a program that can run. Fix: point it "
        "at the Chromium binary, or unset it to use the installed one. Or build the site without handouts: "
        "second-heart build --no-handouts")
    assert not (tmp_path / "handouts").exists(), "nothing half-printed is left"
