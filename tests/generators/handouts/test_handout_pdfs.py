"""The printed handouts: real PDFs from headless Chromium, read back with pypdf.

Pictures of some first pages are saved in build/test-artifacts/handouts/ (pdftoppm) so a
person can look at them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.handouts import MANIFEST, Handout, Written, fresh_pdfs, write_handouts
from generators.handouts import pdf as pdf_module
from generators.handouts.output import digest
from tests.generators.handouts.conftest import ARTIFACTS

#: First pages saved as pictures: one of each kind, and the two sheets.
LOOK_AT = ("exercises/calf-raises", "exercises/compression-stockings", "symptoms/dvt-warning-signs",
           "topics/how-veins-and-valves-work", "risk-factors/long-sitting", "exercise-log", "my-plan")
POINTS_PER_MM = 72 / 25.4


def words(text: str) -> str:
    """Text as a reader sees it: one space between words, whatever the line breaks."""
    return " ".join(text.split())


@dataclass(frozen=True)
class ReadBack:
    pages: int
    text: str  # every page's text, words(...) joined
    size_mm: list[int]  # the first page's sides, shorter first


@pytest.fixture(scope="session")
def read_back(printed: Written, handouts: list[Handout]) -> dict[str, ReadBack]:
    """Every PDF read once with pypdf (text extraction is the slow part)."""
    found = {}
    for handout in handouts:
        reader = PdfReader(printed.folder / handout.pdf)
        box = reader.pages[0].mediabox
        found[handout.path] = ReadBack(
            pages=len(reader.pages), text=words(" ".join(page.extract_text() for page in reader.pages)),
            size_mm=sorted(round(float(side) / POINTS_PER_MM) for side in (box.width, box.height)))
    return found


def test_every_handout_prints_on_one_or_two_pages(read_back: dict[str, ReadBack]) -> None:
    assert {path: pdf.pages for path, pdf in read_back.items() if pdf.pages not in (1, 2)} == {}


def test_the_pdf_text_can_be_read_and_has_the_title_the_disclaimer_and_the_review_date(
        read_back: dict[str, ReadBack], handouts: list[Handout], site_ctx: SiteContext) -> None:
    for handout in handouts:
        text = read_back[handout.path].text
        assert words(handout.title) in text, handout.pdf
        assert "not medical advice" in text
        if handout.item_id is not None:
            review = site_ctx.items_of(handout.kind)[handout.item_id].review
            assert f"Last reviewed: {review.last_reviewed:%-d %B %Y}" in text, handout.pdf


def test_each_pdf_was_printed_from_its_handout_as_it_is_now(printed: Written,
                                                            handouts: list[Handout]) -> None:
    manifest = json.loads((printed.folder / MANIFEST).read_text("utf-8"))["handouts"]
    recorded = {path: entry["sha256"] for path, entry in manifest.items()}
    assert recorded == {h.path: digest(h.html) for h in handouts}


def test_symptom_pdfs_show_each_red_flag_after_its_care_level(
        read_back: dict[str, ReadBack], handouts: list[Handout], site_ctx: SiteContext) -> None:
    for handout in (h for h in handouts if h.kind == "symptom"):
        text = read_back[handout.path].text
        assert handout.item_id is not None
        for flag in site_ctx.care.flags_on("symptoms", handout.item_id):
            title = site_ctx.care.level(flag.level).title
            shown = words(flag.name) + "."  # as a flag starts; the words may also be in the text
            assert shown in text, (handout.pdf, flag.id)
            assert title in text[: text.index(shown)], (handout.pdf, flag.id)


def test_the_page_box_is_a4_wide_and_letter_high_so_it_prints_on_both(read_back: dict[str, ReadBack]) -> None:
    # A4 is 210 x 297 mm, US Letter 216 x 279 mm: 210 x 279 fits either at 100%.
    assert {path: pdf.size_mm for path, pdf in read_back.items() if pdf.size_mm != [210, 279]} == {}


def save_page_one(pdf: Path, name: str) -> Path | None:
    """A picture of the PDF's first page, ``<artifacts>/<name>.png``; None without pdftoppm."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    target = ARTIFACTS / name
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                   check=True, timeout=60)
    return target.with_suffix(".png")


def test_a_picture_of_page_one_of_some_handouts_is_saved_for_a_person_to_look_at(
        printed: Written, handouts: list[Handout]) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is missing (Debian: apt-get install poppler-utils): no pictures saved")
    paths = {h.path: h for h in handouts}
    for name in LOOK_AT:
        picture = save_page_one(printed.folder / paths[name].pdf, name.replace("/", "--"))
        assert picture is not None and picture.stat().st_size > 10_000, picture


def test_printing_again_reprints_only_what_changed(printed: Written, handouts: list[Handout]) -> None:
    again = write_handouts(handouts, printed.folder)
    assert (again.printed, len(again.kept)) == ([], len(handouts))


def test_a_build_can_tell_which_pdfs_are_still_current(printed: Written, handouts: list[Handout]) -> None:
    assert sorted(fresh_pdfs(handouts, printed.folder)) == sorted(h.pdf for h in handouts)
    edited = replace(handouts[0], html=handouts[0].html.replace("</main>", "<p>new</p></main>"))
    changed = [edited, *handouts[1:]]
    assert handouts[0].pdf not in fresh_pdfs(changed, printed.folder)
    assert len(fresh_pdfs(changed, printed.folder)) == len(handouts) - 1


def test_without_chromium_the_handouts_command_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generators.cli import main

    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf_module, "CANDIDATES", (str(tmp_path / "no-chromium"),))
    out = tmp_path / "handouts"
    assert main(["handouts", "--out", str(out), "--site-dir", str(tmp_path / "no-site")]) == 1
    said = capsys.readouterr().err
    assert "--site-dir" in said  # the site folder is checked before anything else
    assert main(["handouts", "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert said == (f"second-heart: no Chromium was found to print the handouts (looked at $CHROMIUM, "
                    f"{tmp_path / 'no-chromium'} and the PATH). Fix: install it (Debian/Ubuntu: apt-get "
                    "install chromium) or set CHROMIUM=/path/to/chromium\n"
                    "Nothing was replaced; the previous handouts are unchanged.\n")
    assert not out.exists()


def test_a_chromium_setting_that_is_not_a_program_is_named(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as raised:
        pdf_module.chromium_path({"CHROMIUM": str(tmp_path / "chrome"), "PATH": ""})
    assert str(raised.value) == (
        f"CHROMIUM is set to {tmp_path / 'chrome'}, which is not a program that can run. "
        "Fix: point it at the Chromium binary, or unset it to use the installed one")


def test_the_text_of_an_exercise_pdf_has_every_step(read_back: dict[str, ReadBack], handouts: list[Handout],
                                                     site_ctx: SiteContext) -> None:
    for handout in (h for h in handouts if h.kind == "exercise"):
        text = read_back[handout.path].text
        assert handout.item_id is not None
        for step in site_ctx.exercises[handout.item_id].steps:
            assert re.sub(r"\s+", " ", step) in text, (handout.pdf, step)


def test_a_clinic_branded_handout_prints_with_the_clinics_logo_name_and_phone(
        printed: Written, site_ctx: SiteContext) -> None:
    from generators.handouts import Branding, Look, make_handouts
    from tests.generators.handouts.conftest import FONTS

    logo = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
            b'<rect width="40" height="40" rx="8" fill="#00695c"/>'
            b'<path d="M20 8v24M8 20h24" stroke="#fff" stroke-width="6"/></svg>')
    clinic = Branding(name="Riverside Vein Clinic", logo=logo, phone="0123 456 789",
                      address="1 River Road, Townsville", primary="#00695c", accent="#4a148c")
    branded = [h for h in make_handouts(site_ctx, Look(branding=clinic, font_dir=FONTS))
               if h.path == "exercises/calf-raises"]
    written = write_handouts(branded, ARTIFACTS / "branded-pdf")
    reader = PdfReader(written.folder / branded[0].pdf)
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) in (1, 2)
    assert "Riverside Vein Clinic" in text and "Phone 0123 456 789" in text
    assert "How your calf muscles help" not in text  # the site's own header gives way to the clinic's
    save_page_one(written.folder / branded[0].pdf, "branded--exercises--calf-raises")
