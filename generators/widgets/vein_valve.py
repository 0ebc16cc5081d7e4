"""The vein-valve animation's build-time side: its controls, static preview and HTML block.

The same ``calf_pump`` model that runs in the browser runs here first, so the page shows
a true picture and true numbers before any JavaScript or Python starts. The drawing is
``vein_valve_svg``; the live view (``interactive/web/vein-valve.js``) animates the very
elements drawn there, with the geometry written into them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from generators.cache import model_run
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.widgets.vein_valve_svg import (
    chart_svg,
    leg_svg,
    reflux_readout,
    reflux_words,
    refluxing_valves,
)
from generators.widgets.words import words_attribute

#: What the animation offers: calf_pump's ids, and the ui.yml key (section ``vein_valve``)
#: of the words shown for each.
ACTIVITY_CHOICES = (
    ("stand", "activity_stand"),
    ("walk", "activity_walk"),
    ("calf_raises", "activity_calf_raises"),
    ("ankle_pumps", "activity_ankle_pumps"),
    ("sit", "activity_sit"),
    ("lie_leg_up", "activity_lie_leg_up"),
    ("seated_ankle_pumps", "activity_seated_ankle_pumps"),
    ("ankle_circles", "activity_ankle_circles"),
)
CONDITION_CHOICES = (
    ("healthy", "condition_healthy"),
    ("superficial_reflux", "condition_superficial_reflux"),
    ("deep_reflux", "condition_deep_reflux"),
    ("obstruction", "condition_obstruction"),
    ("weak_calf", "condition_weak_calf"),
    ("stiff_ankle", "condition_stiff_ankle"),
)
#: Representative ankle pressures of each stocking class (class 1: 15-20, class 2: 23-32 mmHg).
COMPRESSION_CHOICES = (
    (0.0, "compression_none"),
    (18.0, "compression_class_1"),
    (28.0, "compression_class_2"),
)


@dataclass(frozen=True)
class Preview:
    """What the model says before any JavaScript runs: standing still and after walking."""

    standing: Mapping[str, Any]
    walking_ankle_mmhg: float
    walking_return_ml_min: float


def _run(model: Any, seconds: float, chunk_s: float = 1.0) -> list[Mapping[str, Any]]:
    snapshots = []
    steps = round(seconds / chunk_s)
    for _ in range(steps):
        model.step(chunk_s)
        snapshots.append(model.snapshot())
    return snapshots


@functools.cache
def model_preview() -> Preview:
    """Run calf_pump at build time (or read build/cache): one minute standing, then walking."""
    try:
        import calf_pump  # noqa: F401  (the run below imports it; a clear message if it cannot)
    except ImportError as err:
        raise BuildError(
            f"the vein-valve preview needs the calf_pump model, which could not be imported ({err}). "
            "Fix: check interactive/calf_pump/__init__.py and reinstall with "
            "'.venv/bin/pip install -e . --no-deps'"
        ) from err
    data = _preview_run()
    return Preview(data["standing"], data["walking_ankle_mmhg"], data["walking_return_ml_min"])


@model_run("widgets.vein_valve.preview")
def _preview_run() -> dict[str, Any]:
    from calf_pump import LegModel

    model = LegModel(scenario="healthy", compression_mmhg=0.0)
    model.set_activity("stand")
    standing = _run(model, 60.0)[-1]
    model.set_activity("walk", speed_kmh=4.0)
    last_part = [s for s in _run(model, 60.0, chunk_s=0.1)[-100:]]
    walking = sum(float(s["ankle_pressure_mmhg"]) for s in last_part) / len(last_part)
    walking_return = sum(float(s["venous_return_ml_min"]) for s in last_part) / len(last_part)
    return {"standing": standing, "walking_ankle_mmhg": walking, "walking_return_ml_min": walking_return}


def _options(choices: Iterable[tuple[Any, str]], selected: Any, words: Mapping[str, str]) -> str:
    # One option a line: text read without the markup (search, reading level) keeps them apart.
    return "\n".join(
        f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
        f"{escape(words[key])}</option>"
        for value, key in choices
    )


def vein_valve_block(ctx: SiteContext) -> str:
    """The vein-valve animation: static drawing and numbers from the model, live controls,
    every word from ui.yml (section ``vein_valve``)."""
    w = ctx.words("vein_valve")
    e = {key: escape(value) for key, value in w.items()}
    preview = model_preview()
    standing = preview.standing
    standing_mmhg = float(standing["ankle_pressure_mmhg"])
    refluxing = refluxing_valves(standing, w)
    caption = (w["caption"].replace("{standing}", f"{standing_mmhg:.0f}")
               .replace("{walking}", f"{preview.walking_ankle_mmhg:.0f}"))
    readouts = (
        '<dl class="sh-vv__readouts">'
        f'<div><dt>{e["ankle_pressure"]}</dt><dd>'
        f'<span data-readout="ankle">{standing_mmhg:.0f}</span> mmHg</dd></div>'
        f'<div><dt>{e["blood_returned"]}</dt><dd>'
        f'<span data-readout="return">{float(standing["venous_return_ml_min"]):.0f}</span> mL/min</dd></div>'
        f'<div><dt>{e["refill_time"]}</dt><dd><span data-readout="refill">–</span>'  # noqa: RUF001  en dash: "no value yet"
        ' <span data-readout="refill-unit" hidden>s</span></dd></div>'
        f'<div><dt>{e["valve_backflow"]}</dt><dd>'
        f'<span data-readout="reflux">{escape(reflux_readout(refluxing, reflux_words(w)))}</span></dd></div>'
        "</dl>"
    )
    controls = (
        f'<form class="sh-vv__controls" method="dialog" aria-label="{e["controls"]}">'
        f'<label class="sh-vv__control">{e["activity"]} '
        f'<select name="activity">{_options(ACTIVITY_CHOICES, "stand", w)}</select></label>'
        f'<label class="sh-vv__control">{e["veins"]} '
        f'<select name="scenario">{_options(CONDITION_CHOICES, "healthy", w)}</select></label>'
        f'<label class="sh-vv__control">{e["compression"]} '
        f'<select name="compression">{_options(COMPRESSION_CHOICES, 0.0, w)}</select></label>'
        '<div class="sh-vv__buttons">'
        '<button type="button" class="md-button md-button--primary"'
        f' data-action="play" aria-pressed="false">{e["play"]}</button>'
        f'<button type="button" class="md-button" data-action="step">{e["step"]}</button>'
        f'<button type="button" class="md-button" data-action="reset">{e["reset"]}</button>'
        "</div>"
        f'<label class="sh-vv__control sh-vv__speed">{e["speed"]} '
        '<input type="range" name="speed" min="0.25" max="2" '
        f'step="0.25" value="1" aria-valuetext="{e["speed_normal"]}"> '
        '<output name="speed-out">1×</output></label>'  # noqa: RUF001  multiplication sign: "1 times" speed
        "</form>"
    )
    lines = [
        '<div class="sh-widget sh-vv" data-widget="vein-valve" data-state="idle"'
        f' data-reflux="{str(bool(refluxing)).lower()}"{words_attribute(ctx, "vein_valve")}>',
        '<div class="sh-vv__stage">',
        f'<figure class="sh-vv__figure">{leg_svg(standing, w)}',
        f'<figcaption class="sh-vv__caption">{escape(caption)}</figcaption></figure>',
        f'<div class="sh-vv__side">{readouts}{chart_svg(standing_mmhg, w)}</div>',
        "</div>",
        controls,
        '<p class="sh-vv__describe sh-visually-hidden" aria-live="polite" data-describe></p>',
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        f'<span class="sh-widget__loading-text">{e["loading"]}</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">'
        f'{escape(ctx.words("widget")["try_again"])}</button></div>',
        f'<p class="sh-widget__noscript">{e["noscript"]}</p>',
        "</div>",
    ]
    return "\n".join(lines)
