"""The exercise pages' mini-demo: still, then the exercise, from the calf-pump model.

An exercise names its demo in content (``demo: preset: seated-ankle-pumps``); the preset
(``calf_pump.presets``) says what the model does. The build runs that preset here, in
CPython, and writes its numbers and its ankle-pressure trace into the page, so the page
shows a true picture before (and without) any JavaScript. Pressing the block's button
starts the site's one Python worker (``interactive/web/exercise-demo.js``), which runs the
very same preset and redraws the trace and numbers as it goes: the same steps, so the same
numbers. Units: s, mmHg, mL/min.

The block follows the widget contract (``data-widget``, ``data-state`` idle → loading →
ready, or error) and starts on the button alone (``data-start="button"``): nothing of
Python is fetched before the reader asks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from calf_pump.presets import PRESETS, run_preset

from generators.cache import model_run
from generators.content.context import SiteContext
from generators.content.schema import Exercise

WIDGET_ID = "exercise-demo"
#: The presets content may name under ``demo: preset:``.
DEMO_PRESETS = frozenset(PRESETS)
#: The trace's samples: the mean ankle pressure over each second (the live run's too).
SAMPLE_S = 1.0

# The trace, in SVG user units: a 320 x 168 box, readable on a 320 px screen.
VIEWBOX = (320, 168)
PLOT = {"left": 34.0, "right": 312.0, "top": 26.0, "bottom": 140.0}
MAX_MMHG = 100.0
TICKS_MMHG = (0, 50, 100)


@dataclass(frozen=True)
class DemoPreview:
    """What the preset gives, run at build time: the numbers and the ankle-pressure trace."""

    preset: str
    baseline_ankle_mmhg: float
    baseline_return_ml_min: float
    exercise_ankle_mmhg: float
    exercise_return_ml_min: float
    exercise_starts_s: float
    total_s: float
    trace: tuple[tuple[float, float], ...]  # (time s, mean ankle pressure mmHg) each second


@model_run("exercise_demo.preview")
def _preview_data(preset_id: str) -> dict[str, Any]:
    """The preset run once (JSON, so the build cache can keep it)."""
    result, trace = run_preset(preset_id, SAMPLE_S)
    preset = PRESETS[preset_id]
    return {
        "result": result,
        "trace": [list(sample) for sample in trace],
        "exercise_starts_s": preset.baseline.seconds,
        "total_s": preset.total_s,
    }


def preview(preset_id: str) -> DemoPreview:
    data = _preview_data(preset_id)
    result = data["result"]
    return DemoPreview(
        preset=preset_id,
        baseline_ankle_mmhg=result["baseline"]["ankle_pressure_mmhg"],
        baseline_return_ml_min=result["baseline"]["blood_returned_ml_min"],
        exercise_ankle_mmhg=result["exercise"]["ankle_pressure_mmhg"],
        exercise_return_ml_min=result["exercise"]["blood_returned_ml_min"],
        exercise_starts_s=data["exercise_starts_s"],
        total_s=data["total_s"],
        trace=tuple((t, p) for t, p in data["trace"]),
    )


def shown(value: float) -> str:
    """How a number is shown, here and by the live view: whole numbers ("-3", never "-0")."""
    rounded = round(value)
    return str(rounded if rounded != 0 else 0)


def _x(t: float, total_s: float) -> float:
    return PLOT["left"] + (PLOT["right"] - PLOT["left"]) * t / total_s


def _y(mmhg: float) -> float:
    clamped = min(max(mmhg, 0.0), MAX_MMHG)
    return PLOT["bottom"] - (PLOT["bottom"] - PLOT["top"]) * clamped / MAX_MMHG


def trace_points(trace: tuple[tuple[float, float], ...], total_s: float) -> str:
    """The polyline's points; ``exercise-demo.js`` draws the live trace with the same formula."""
    return " ".join(f"{_x(t, total_s):.1f},{_y(p):.1f}" for t, p in trace)


def trace_svg(p: DemoPreview, words: Mapping[str, str], still: str, doing: str, title_id: str) -> str:
    """The ankle-pressure trace: the still part, then the shaded exercise part."""
    left, right, top, bottom = PLOT["left"], PLOT["right"], PLOT["top"], PLOT["bottom"]
    split = _x(p.exercise_starts_s, p.total_s)
    geometry = {**PLOT, "max_mmhg": MAX_MMHG, "total_s": p.total_s}
    parts = [
        f'<svg class="sh-xd__svg" viewBox="0 0 {VIEWBOX[0]} {VIEWBOX[1]}" role="img"'
        f' aria-labelledby="{title_id}" data-geometry="{escape(json.dumps(geometry))}">',
        f'<title id="{title_id}">{escape(words["chart_title"])}</title>',
        f'<rect class="sh-xd__doing-band" x="{split:.1f}" y="{top}" width="{right - split:.1f}"'
        f' height="{bottom - top}"/>',
    ]
    for tick in TICKS_MMHG:
        y = _y(tick)
        parts.append(f'<line class="sh-xd__grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="sh-xd__tick" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{tick}</text>")
    parts += [
        f'<text class="sh-xd__tick" x="{left}" y="{bottom + 16}">0</text>',
        f'<text class="sh-xd__tick" x="{right}" y="{bottom + 16}" text-anchor="end">'
        f'{shown(p.total_s)} {escape(words["seconds"])}</text>',
        f'<text class="sh-xd__tick" x="4" y="14">{escape(words["mmhg"])}</text>',
        f'<text class="sh-xd__label" x="{(left + split) / 2:.1f}" y="{top - 8}" text-anchor="middle">'
        f"{escape(still)}</text>",
        f'<text class="sh-xd__label" x="{(split + right) / 2:.1f}" y="{top - 8}" text-anchor="middle">'
        f"{escape(doing)}</text>",
        f'<polyline class="sh-xd__trace" data-trace fill="none"'
        f' points="{trace_points(p.trace, p.total_s)}"/>',
        "</svg>",
    ]
    return "".join(parts)


def _cell(readout: str, value: float, unit: str) -> str:
    return (f'<td><span class="sh-xd__number" data-readout="{readout}" data-value="{value!r}">'
            f"{shown(value)}</span> {escape(unit)}</td>")


def exercise_demo_block(ctx: SiteContext, exercise: Exercise) -> str:
    """The mini-demo of one exercise: trace, numbers, the button, and the words for the view."""
    demo = exercise.demo
    if demo is None:
        raise ValueError(f"the exercise '{exercise.id}' has no demo")
    words = ctx.words("exercise_demo")
    preset = PRESETS[demo.preset]
    p = preview(demo.preset)
    still = words["sitting_still"] if preset.baseline.activity == "sit" else words["standing_still"]
    doing = demo.doing
    base = f"sh-xd-{exercise.id}"
    # the shared widget words (loading steps, "could not start": widgets.js) and the view's own
    view_words = dict(ctx.words("widget"))
    view_words |= {
        key: words[key]
        for key in ("start", "again", "running", "status_running", "status_done", "mmhg", "ml_per_min")
    }
    view_words |= {"still": still, "doing": doing}
    table = (
        '<table class="sh-xd__table">'
        f'<caption class="sh-visually-hidden">{escape(words["table_caption"])}</caption>'
        f'<thead><tr><td></td><th scope="col">{escape(still)}</th>'
        f'<th scope="col">{escape(doing)}</th></tr></thead>'
        "<tbody>"
        f'<tr><th scope="row">{escape(words["ankle_pressure"])}</th>'
        f'{_cell("baseline-ankle", p.baseline_ankle_mmhg, words["mmhg"])}'
        f'{_cell("exercise-ankle", p.exercise_ankle_mmhg, words["mmhg"])}</tr>'
        f'<tr><th scope="row">{escape(words["blood_returned"])}</th>'
        f'{_cell("baseline-return", p.baseline_return_ml_min, words["ml_per_min"])}'
        f'{_cell("exercise-return", p.exercise_return_ml_min, words["ml_per_min"])}</tr>'
        "</tbody></table>"
    )
    lines = [
        f'<div class="sh-widget sh-xd" data-widget="{WIDGET_ID}" data-state="idle" data-start="button"'
        f' data-preset="{escape(demo.preset)}" data-run="preview" role="group" aria-labelledby="{base}-name"'
        f' data-words="{escape(json.dumps(view_words, ensure_ascii=False))}">',
        f'<p class="sh-xd__intro" id="{base}-name">{escape(words["intro"])}</p>',
        f'<figure class="sh-xd__figure">{trace_svg(p, words, still, doing, base + "-chart")}</figure>',
        table,
    ]
    if demo.note:
        lines.append(f'<p class="sh-xd__note">{escape(demo.note)}</p>')
    lines += [
        '<div class="sh-xd__controls">'
        f'<button type="button" class="md-button md-button--primary" data-action="start">'
        f"{escape(words['start'])}</button></div>",
        '<p class="sh-xd__status" role="status" aria-live="polite" data-describe>'
        f'{escape(words["status_preview"])}</p>',
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        f'<span class="sh-widget__loading-text">{escape(words["loading"])}</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">'
        f'{escape(words["try_again"])}</button></div>',
        f'<p class="sh-widget__noscript">{escape(words["noscript"])}</p>',
        "</div>",
    ]
    return "\n".join(lines)


def exercise_demo_blocks(ctx: SiteContext) -> dict[str, str]:
    """Exercise id -> its demo block, for every exercise whose content names a demo."""
    return {
        exercise.id: exercise_demo_block(ctx, exercise)
        for exercise in ctx.exercises.values()
        if exercise.demo is not None
    }
