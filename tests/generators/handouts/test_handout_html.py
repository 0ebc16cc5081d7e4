"""What each handout holds, read from its HTML (fast: no browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno

from generators.content.context import SiteContext
from generators.content.schema import Exercise, Symptom
from generators.errors import BuildError
from generators.handouts import Branding, Handout, Look, make_handouts
from generators.handouts.items import MECHANISM_TOPICS
from generators.handouts.output import check_out_dir
from generators.pictures import render
from tests.generators.handouts.helpers import drawn_qr_codes, red_flags_by_level

LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>')


def by_path(handouts: list[Handout]) -> dict[str, Handout]:
    return {h.path: h for h in handouts}


def expected_matrix(url: str) -> list[list[bool]]:
    return [[bool(m) for m in row] for row in segno.make(url, error="m", micro=False).matrix]


def test_every_topic_exercise_symptom_and_risk_factor_page_has_one_handout_and_there_are_two_sheets(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    pages = [site_ctx.url_of(kind, item.id).rstrip("/") for kind, item in site_ctx.all_pages()]
    assert [h.path for h in handouts] == [*pages, "exercise-log", "my-plan"]
    kinds = ("topic", "exercise", "symptom", "risk-factor")
    assert len(pages) == sum(len(site_ctx.items_of(kind)) for kind in kinds)


def test_each_qr_code_encodes_its_online_page_and_exercises_and_mechanism_topics_also_the_demo(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    site_url = site_ctx.settings.site_url
    for handout in handouts:
        wanted = [handout.page_url]
        if handout.kind == "exercise" or (handout.kind == "topic" and handout.item_id in MECHANISM_TOPICS):
            wanted.append(site_url + "demo/")
        if handout.item_id is not None:
            assert handout.page_url == site_url + site_ctx.url_of(handout.kind, handout.item_id)
        assert drawn_qr_codes(handout.html) == [expected_matrix(url) for url in wanted], handout.path


def test_the_qr_reader_would_notice_a_code_for_another_address(handouts: list[Handout]) -> None:
    drawn = drawn_qr_codes(handouts[0].html)[0]
    assert drawn != expected_matrix(handouts[0].page_url + "x")


def test_an_exercise_handout_shows_every_step_with_its_picture(site_ctx: SiteContext,
                                                                handouts: list[Handout]) -> None:
    found = by_path(handouts)
    for exercise in site_ctx.exercises.values():
        assert isinstance(exercise, Exercise)
        html = found[f"exercises/{exercise.id}"].html
        steps = re.findall(r'<li class="step" data-step="(\d+)">(.*?)</li>', html)
        assert [int(n) for n, _ in steps] == list(range(1, len(exercise.steps) + 1))
        for (_, step_html), text, picture in zip(steps, exercise.steps, exercise.pictures, strict=True):
            assert render(picture.picture, picture.alt) in step_html
            assert f"<span>{text}</span>" in step_html.replace("&#x27;", "'")
        assert exercise.dose.amount in html and exercise.dose.how_often in html
        for caution in exercise.take_care:
            assert caution.picture is None or render(caution.picture.picture, caution.picture.alt) in html


def test_a_symptom_handout_lists_its_red_flags_each_under_its_own_care_level(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    found = by_path(handouts)
    for symptom in site_ctx.symptoms.values():
        assert isinstance(symptom, Symptom)
        html = found[f"symptoms/{symptom.id}"].html
        flags = site_ctx.care.flags_on("symptoms", symptom.id)
        assert flags, f"{symptom.id} has no red flags: the test would check nothing"
        assert red_flags_by_level(html) == [(flag.id, flag.level) for flag in flags]
        for flag in flags:
            level = site_ctx.care.level(flag.level)
            assert f'data-care-level="{level.id}"><h3 class="care__title">{level.title}</h3>' in html


def test_risk_factor_and_exercise_handouts_list_the_red_flags_their_pages_list(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    found = by_path(handouts)
    for kind, field in (("risk-factor", "risk_factors"), ("exercise", "exercises")):
        for item_id in site_ctx.items_of(kind):
            html = found[site_ctx.url_of(kind, item_id).rstrip("/")].html
            flags = site_ctx.care.flags_on(field, item_id)
            assert red_flags_by_level(html) == [(flag.id, flag.level) for flag in flags], item_id


def test_every_handout_says_education_not_medical_advice_and_gives_its_review_dates(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    for handout in handouts:
        assert "<strong>Education, not medical advice.</strong>" in handout.html
        if handout.item_id is not None:
            review = site_ctx.items_of(handout.kind)[handout.item_id].review
            assert f"{review.last_reviewed:%-d %B %Y}" in handout.html
            assert f"{review.next_review:%-d %B %Y}" in handout.html


def test_sources_are_numbered_in_the_order_the_handout_cites_them(site_ctx: SiteContext,
                                                                   handouts: list[Handout]) -> None:
    html = by_path(handouts)["topics/how-veins-and-valves-work"].html
    body, sources = html.split('<section class="sources', 1)
    numbers = [int(n) for group in re.findall(r"<sup>([\d,]+)</sup>", body) for n in group.split(",")]
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == list(range(1, len(first_seen) + 1))
    listed = re.findall(r"<li>(.*?)</li>", sources)
    assert len(listed) == len(first_seen)
    assert "Uhl JF, Gillot C. 2015." in listed[0]  # the first key point cites uhl-gillot-2015
    assert "<i>Phlebology</i>" in listed[0]


def test_a_handout_loads_nothing_from_anywhere(handouts: list[Handout]) -> None:
    for handout in handouts:
        assert "<script" not in handout.html
        assert not re.search(r'\b(?:src|href)="(?!https?://|data:|#)', handout.html), handout.path
        assert not re.search(r'\bsrc="https?:', handout.html)
        assert not re.search(r"url\((?!data:)", handout.html)


def test_without_branding_a_handout_shows_the_site_name_and_with_it_the_clinic(site_ctx: SiteContext) -> None:
    plain = make_handouts(site_ctx)[0].html
    assert '<div class="brand__name">Second Heart</div>' in plain
    clinic = Branding(name="Riverside Vein Clinic", logo=LOGO, phone="0123 456 789",
                      address="1 River Road, Townsville", primary="#00695c", accent="#4a148c")
    branded = make_handouts(site_ctx, Look(branding=clinic))[0].html
    assert '<div class="brand__name">Riverside Vein Clinic</div>' in branded
    assert "Phone 0123 456 789" in branded and "1 River Road, Townsville" in branded
    assert 'src="data:image/svg+xml;base64,' in branded and 'alt="Riverside Vein Clinic logo"' in branded
    assert "--primary: #00695c; --accent: #4a148c;" in branded
    assert 'content: "Riverside Vein Clinic · from Second Heart · ' in branded  # the running footer


@pytest.mark.parametrize(("fields", "message"), [
    ({"primary": "teal"},
     "Branding.primary must be a colour written #rrggbb, got 'teal'. Fix: write it like #0d47a1"),
    ({"accent": "#ffeb3b"}, "Branding.accent #ffeb3b has a contrast of 1.2:1 on white paper; text needs at "
                            "least 4.5:1. Fix: choose a darker colour"),
    ({"logo": b"GIF89a..."}, "Branding.logo must be the bytes of an SVG or PNG file; got neither. Fix: "
                             "give the logo file's contents, e.g. Path('logo.svg').read_bytes()"),
    ({"name": " "}, "Branding.name is empty. Fix: give the clinic's name as patients know it"),
])
def test_branding_that_cannot_be_printed_as_asked_is_refused_with_the_reason(
        fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        Branding(**{"name": "Clinic", **fields})  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_the_exercise_log_has_a_row_of_tick_boxes_for_every_exercise_and_day(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    html = by_path(handouts)["exercise-log"].html
    rows = re.findall(r'<tr data-exercise="([a-z-]+)">(.*?)</tr>', html)
    assert sorted(i for i, _ in rows) == sorted(site_ctx.exercises)
    for _, row in rows:
        assert row.count("<td>") == 7 and row.count('class="box"') == 7 * 3
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    assert all(f'<th scope="col">{day}</th>' in html for day in days)
    assert "<h2>Notes</h2>" in html and '<div class="line">' in html


def test_the_plan_sheet_has_a_box_for_each_risk_factor_and_lines_to_fill_in(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    html = by_path(handouts)["my-plan"].html
    assert sorted(re.findall(r'data-risk-factor="([a-z-]+)"', html)) == sorted(site_ctx.risk_factors)
    assert html.count('<div class="line"></div>') >= 4
    asked = [flag for flag in site_ctx.care.red_flags if flag.question]
    assert sorted(red_flags_by_level(html)) == sorted((flag.id, flag.level) for flag in asked)
    assert drawn_qr_codes(html) == [expected_matrix(site_ctx.settings.site_url + "checklist/")]


def test_the_fonts_are_embedded_when_given_and_the_system_font_is_used_otherwise(
        site_ctx: SiteContext, handouts: list[Handout]) -> None:
    assert "@font-face" in handouts[0].html and "font/woff2;base64," in handouts[0].html
    assert "@font-face" not in make_handouts(site_ctx)[0].html


def test_the_page_box_fits_both_a4_and_us_letter_unless_one_is_asked_for(site_ctx: SiteContext,
                                                                         handouts: list[Handout]) -> None:
    assert "size: 210mm 279.4mm;" in handouts[0].html
    assert "size: 279.4mm 210mm;" in by_path(handouts)["exercise-log"].html  # landscape
    assert "size: A4;" in make_handouts(site_ctx, Look(paper="a4"))[0].html


def test_handouts_are_never_written_over_a_folder_that_a_run_did_not_make(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        check_out_dir(folder)
    assert str(raised.value) == (
        f"will not write the handouts into {folder}: it is not empty and has no handouts.json, so no "
        "handouts run made it, and writing would delete what is in it. Fix: choose an empty or new folder "
        "with --out")
    assert (folder / "notes.txt").read_text("utf-8") == "keep me"
