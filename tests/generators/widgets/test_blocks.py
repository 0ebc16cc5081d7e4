"""The HTML blocks the page generator inserts: useful before (and without) JavaScript."""

from __future__ import annotations

import copy
import html
import json
import re
from typing import Any

import markdown
import pytest

from generators.content.context import SiteContext
from generators.widgets import assets, vein_valve, vein_valve_svg
from generators.widgets.checklist import checklist_block


def _as_page(block: str) -> str:
    """Render the block the way MkDocs does (Python-Markdown with md_in_html)."""
    return markdown.markdown("# Page\n\nIntro.\n\n" + block + "\n\nAfter.\n",
                             extensions=["md_in_html", "attr_list"])


@pytest.mark.parametrize("name", ["vein", "checklist"])
def test_blocks_survive_markdown_unchanged(ctx: SiteContext, name: str) -> None:
    block = vein_valve.vein_valve_block(ctx) if name == "vein" else checklist_block(ctx)
    assert "\n\n" not in block, "a blank line would end the raw HTML block"
    assert not re.search(r"^ {4}", block, re.M), "indented lines would become code blocks"
    assert block in _as_page(block)


def test_vein_valve_block_starts_idle_with_a_preview_from_the_model(ctx: SiteContext) -> None:
    block = vein_valve.vein_valve_block(ctx)
    preview = vein_valve.model_preview()
    assert block.startswith(
        '<div class="sh-widget sh-vv" data-widget="vein-valve" data-state="idle" data-reflux="false" '
        'data-words="'
    )
    words = json.loads(html.unescape(re.search(r' data-words="([^"]*)"', block).group(1)))  # type: ignore[union-attr]
    assert words["play"] == ctx.words("vein_valve")["play"]  # the live view's words, from ui.yml
    assert words["stage_download"] == ctx.words("widget")["stage_download"]
    standing = round(preview.standing["ankle_pressure_mmhg"])
    assert f"about {standing} mmHg" in block
    assert f"falls to about {round(preview.walking_ankle_mmhg)} mmHg" in block
    assert preview.walking_ankle_mmhg < preview.standing["ankle_pressure_mmhg"]
    for valve in vein_valve_svg.VALVES:
        assert f'data-valve="{valve}"' in block
    for segment in vein_valve_svg.SEGMENTS:
        assert f'data-segment="{segment}"' in block
    assert '<span data-readout="reflux">none</span>' in block


def _standing_with(valve: str, **state: Any) -> dict[str, Any]:
    snapshot = copy.deepcopy(dict(vein_valve.model_preview().standing))
    snapshot["valves"][valve].update(state)
    return snapshot


def test_the_preview_marks_reflux_only_past_the_clinical_cut_off_like_the_live_view(ctx: SiteContext) -> None:
    # A healthy valve lets a little blood back while it shuts: reverse, but not reflux.
    words = ctx.words("vein_valve")
    shutting = vein_valve_svg.leg_svg(_standing_with("saphenous", reverse=True, reflux=False), words)
    assert '<g class="sh-vv__valve" data-valve="saphenous" data-reflux="false"' in shutting
    leaking = _standing_with("saphenous", reverse=True, reflux=True)
    svg = vein_valve_svg.leg_svg(leaking, words)
    assert '<g class="sh-vv__valve" data-valve="saphenous" data-reflux="true"' in svg
    refluxing = vein_valve_svg.refluxing_valves(leaking, words)
    assert refluxing == ["surface-vein valve at the groin"]
    readout = vein_valve_svg.reflux_readout(refluxing, vein_valve_svg.reflux_words(words))
    assert readout == "backflow at the surface-vein valve at the groin"


def test_the_preview_arrows_point_back_only_for_the_models_reverse_flow(ctx: SiteContext) -> None:
    snapshot = copy.deepcopy(dict(vein_valve.model_preview().standing))
    snapshot["segments"]["perforator"] = {"flow_ml_s": -0.04, "reverse": False}
    snapshot["segments"]["thigh_out"] = {"flow_ml_s": -0.5, "reverse": True}
    svg = vein_valve_svg.leg_svg(snapshot, ctx.words("vein_valve"))
    assert re.search(r'data-segment="perforator" data-reverse="false">[^>]*>'
                     r'<path [^>]*rotate\(-77\.7\)" style="opacity:0"', svg)
    assert re.search(r'data-segment="thigh_out" data-reverse="true">[^>]*>'
                     r'<path [^>]*rotate\(182\.1\)" style="opacity:1"', svg)


def test_vein_valve_controls_are_labelled_native_controls(ctx: SiteContext) -> None:
    block = vein_valve.vein_valve_block(ctx)
    for name in ("activity", "scenario", "compression"):
        assert re.search(rf'<label class="sh-vv__control">[^<]+<select name="{name}">', block)
    assert '<input type="range" name="speed"' in block
    for action in ("play", "step", "reset", "retry"):
        assert '<button type="button" class="md-button' in block and f'data-action="{action}"' in block
    assert 'aria-live="polite"' in block


def test_vein_valve_choices_are_names_the_model_knows() -> None:
    from calf_pump import ACTIVITIES, SCENARIOS

    assert {a for a, _ in vein_valve.ACTIVITY_CHOICES} <= set(ACTIVITIES)
    assert {s for s, _ in vein_valve.CONDITION_CHOICES} <= set(SCENARIOS)


def test_checklist_block_is_a_form_that_sends_nothing_anywhere(ctx: SiteContext) -> None:
    block = checklist_block(ctx)
    assert block.startswith(
        '<div class="sh-widget sh-checklist" data-widget="risk-checklist" data-state="idle" data-words="'
    )
    assert '<form class="sh-checklist__form" method="dialog"' in block
    assert not re.search(r"<form[^>]*\saction=", block)
    assert 'type="submit"' not in block
    assert "not a diagnosis" in block


def test_checklist_block_asks_every_question_from_content(ctx: SiteContext) -> None:
    block = checklist_block(ctx)
    for factor in ctx.risk_factors.values():
        assert f'type="checkbox" id="sh-check-{factor.id}" name="item" value="{factor.id}"' in block
        assert factor.checklist.question in block
    assert 'value="leg-cramps"' not in block  # ordinary symptoms are not warning signs


def test_checklist_block_shows_both_care_cards_without_javascript(ctx: SiteContext) -> None:
    block = checklist_block(ctx)
    assert "Call an ambulance now" in block and "See a doctor today" in block
    assert "<strong>your local emergency number</strong>" in block


def test_checklist_links_are_relative_to_the_page_it_sits_on(ctx: SiteContext) -> None:
    assert 'href="../exercises/ankle-pumps/"' in checklist_block(ctx, "checklist/")
    assert 'href="../../exercises/ankle-pumps/"' in checklist_block(ctx, "tools/checklist/")


def test_loader_is_an_async_module_so_python_can_start_before_the_page_finishes() -> None:
    assert assets.extra_javascript() == [
        {"path": "assets/widgets/loader.js", "type": "module", "async": True}
    ]
    assert assets.extra_css() == []  # widgets.css comes with a widget: loader.js adds it
