"""The exercise pages' mini-demo, as the build writes it: one per exercise page that has a
model analogue, preset to that exercise, with the model's own numbers before any script."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import markdown
import pytest
from calf_pump.presets import PRESETS, run_preset

from generators.build import EMBEDS, PROJECT, load_checked
from generators.content.context import SiteContext
from generators.content.loader import load_content
from generators.content.readability import fk_grade
from generators.errors import ContentErrors
from generators.pages.pages import Embeds, render_site
from generators.widgets import exercise_demo
from tests.generators.golden import FIXTURE

BLOCK = re.compile(r'<div class="sh-widget sh-xd" data-widget="exercise-demo".*?\n</div>', re.S)
#: Exercise page -> the preset its content names; staying-hydrated has no model analogue.
EXPECTED = {
    "calf-raises": "calf-raises",
    "ankle-pumps": "seated-ankle-pumps",
    "ankle-circles": "ankle-circles",
    "walking": "walking",
    "walking-breaks": "walking-break",
    "leg-elevation": "leg-up",
    "compression-stockings": "stockings-walking",
}


@pytest.fixture(scope="module")
def site_ctx() -> SiteContext:
    return load_checked(PROJECT)


@pytest.fixture(scope="module")
def exercise_pages(site_ctx: SiteContext) -> dict[str, str]:
    """Every exercise page, rendered with the real demo blocks (other blocks stubbed)."""
    topics = site_ctx.topics.values()
    embeds = Embeds(
        charts={c: f'<div data-chart="{c}"></div>' for t in topics for c in t.charts},
        widgets={w: f'<div data-widget="{w}"></div>' for t in topics for w in t.widgets}
        | {"vein-valve": "<div></div>", "risk-checklist": "<div></div>"},
        page_embeds={name: "" for name in EMBEDS.page_embeds},
        exercise_demos=exercise_demo.exercise_demo_blocks(site_ctx),
    )
    site = render_site(site_ctx, embeds)
    return {page.item_id: page.text for page in site.pages if page.kind == "exercise" and page.item_id}


def test_each_exercise_page_has_exactly_one_demo_preset_to_its_exercise(
    exercise_pages: dict[str, str],
) -> None:
    assert set(exercise_pages) == {*EXPECTED, "staying-hydrated"}
    for page_id, preset in EXPECTED.items():
        blocks = BLOCK.findall(exercise_pages[page_id])
        assert len(blocks) == 1, page_id
        assert f'data-preset="{preset}"' in blocks[0]
        assert 'data-state="idle"' in blocks[0] and 'data-start="button"' in blocks[0]
        points = re.search(r'<polyline class="sh-xd__trace" data-trace fill="none"\s+points="([^"]+)"',
                           blocks[0])
        assert points and len(points.group(1).split()) == round(PRESETS[preset].total_s)


def test_staying_hydrated_has_no_demo_because_the_model_has_no_water(exercise_pages: dict[str, str]) -> None:
    assert "exercise-demo" not in exercise_pages["staying-hydrated"]


def test_the_preview_shows_the_models_numbers_for_its_preset(site_ctx: SiteContext) -> None:
    exercise = site_ctx.exercises["ankle-pumps"]
    block = exercise_demo.exercise_demo_block(site_ctx, exercise)
    result, _trace = run_preset("seated-ankle-pumps")
    for readout, part, key in (("baseline-ankle", "baseline", "ankle_pressure_mmhg"),
                               ("exercise-ankle", "exercise", "ankle_pressure_mmhg"),
                               ("baseline-return", "baseline", "blood_returned_ml_min"),
                               ("exercise-return", "exercise", "blood_returned_ml_min")):
        value = result[part][key]
        found = re.search(rf'data-readout="{readout}" data-value="([^"]+)">([^<]+)<', block)
        assert found, readout
        assert float(found.group(1)) == pytest.approx(value, rel=1e-9)
        assert found.group(2) == str(round(value))
    # sitting still, then ankle pumps: the pressure falls and more blood goes back up
    assert result["exercise"]["ankle_pressure_mmhg"] < result["baseline"]["ankle_pressure_mmhg"] - 20
    assert ">Sitting still</th>" in block and ">Doing ankle pumps</th>" in block


def test_the_block_is_labelled_and_operable_and_survives_markdown(site_ctx: SiteContext) -> None:
    block = exercise_demo.exercise_demo_block(site_ctx, site_ctx.exercises["walking"])
    assert "\n\n" not in block and not re.search(r"^ {4}", block, re.M)
    assert block in markdown.markdown("# Page\n\n" + block + "\n\nAfter.\n", extensions=["md_in_html"])
    button = ('<button type="button" class="md-button md-button--primary" data-action="start">'
              "Run the model</button>")
    assert button in block
    assert 'role="status" aria-live="polite" data-describe' in block
    title_id = re.search(r'<svg class="sh-xd__svg"[^>]* role="img" aria-labelledby="([^"]+)"', block)
    assert title_id and f'<title id="{title_id.group(1)}">' in block
    assert '<th scope="col">Standing still</th>' in block and '<th scope="row">' in block
    assert "style=" not in block and "<script" not in block  # nothing the CSP would refuse


def test_every_word_of_the_block_comes_from_ui_yml(site_ctx: SiteContext) -> None:
    section = dict(site_ctx.words("exercise_demo"))
    changed = {key: f"«{key}»" for key in section}
    ui = {**site_ctx.ui, "exercise_demo": changed}
    other = dataclasses.replace(site_ctx, ui=ui)
    block = exercise_demo.exercise_demo_block(other, other.exercises["calf-raises"])
    for key in ("start", "intro", "ankle_pressure", "blood_returned", "standing_still", "chart_title",
                "status_preview", "noscript", "loading", "try_again", "table_caption"):
        assert f"«{key}»" in block, key
    for english in ("Run the model", "Standing still", "Pressure in the ankle veins", "mL a minute"):
        assert english not in block, english


def test_the_demo_words_read_at_grade_6_or_lower(site_ctx: SiteContext) -> None:
    words = site_ctx.words("exercise_demo")
    texts = [words[key] for key in ("intro", "status_preview", "noscript", "status_running")]
    for exercise in site_ctx.exercises.values():
        if exercise.demo:
            texts += [exercise.demo.note] if exercise.demo.note else []  # (labels are two or three words)
    for text in texts:
        plain = re.sub(r"\{\w+\}", "it", text)
        assert fk_grade(plain) <= 6.0, text


def test_an_unknown_preset_in_content_is_a_located_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "en/exercises/ankle-pumps.yml"
    text = path.read_text("utf-8")
    demo = 'demo:\n  preset: jogging\n  doing: "Jogging"\n'
    path.write_text(text.replace("evidence:\n", demo + "evidence:\n", 1), "utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(content, embeds=EMBEDS)
    assert [str(e) for e in caught.value.errors] == [
        "content/en/exercises/ankle-pumps.yml:29: at 'demo.preset' expected one of the exercise demo presets "
        + ", ".join(sorted(PRESETS))
        + ", got 'jogging'. Fix: use one of the listed presets, or remove 'demo:'"]


def test_a_known_preset_in_the_fixture_content_is_accepted(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "en/exercises/ankle-pumps.yml"
    text = path.read_text("utf-8")
    demo = 'demo:\n  preset: seated-ankle-pumps\n  doing: "Ankle pumps"\n'
    path.write_text(text.replace("evidence:\n", demo + "evidence:\n", 1), "utf-8")
    ctx = load_content(content, embeds=EMBEDS)
    demo = ctx.exercises["ankle-pumps"].demo
    assert demo is not None and demo.preset == "seated-ankle-pumps" and demo.note is None
