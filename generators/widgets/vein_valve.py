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

from generators.errors import BuildError
from generators.widgets.vein_valve_svg import (
    REFLUX_WORDS,
    chart_svg,
    leg_svg,
    reflux_readout,
    refluxing_valves,
)

#: What the animation offers. Ids are calf_pump's names; the words are the widget's.
ACTIVITY_CHOICES = (
    ("stand", "Stand still"),
    ("walk", "Walk"),
    ("calf_raises", "Calf raises"),
    ("ankle_pumps", "Ankle pumps (lying)"),
    ("sit", "Sit"),
    ("lie_leg_up", "Lie with leg up"),
)
CONDITION_CHOICES = (
    ("healthy", "Healthy veins"),
    ("superficial_reflux", "Leaky valves in the surface vein"),
    ("deep_reflux", "Leaky valves in the deep vein"),
    ("obstruction", "Blocked deep vein (after a clot)"),
    ("weak_calf", "Weak calf muscle"),
    ("stiff_ankle", "Stiff ankle"),
)
#: Representative ankle pressures of each stocking class (class 1: 15-20, class 2: 23-32 mmHg).
COMPRESSION_CHOICES = (
    (0.0, "No stockings"),
    (18.0, "Class 1 stockings (about 18 mmHg)"),
    (28.0, "Class 2 stockings (about 28 mmHg)"),
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
    """Run calf_pump at build time: one minute standing, then one minute walking."""
    try:
        from calf_pump import LegModel
    except ImportError as err:
        raise BuildError(
            f"the vein-valve preview needs the calf_pump model, which could not be imported ({err}). "
            "Fix: check interactive/calf_pump/__init__.py and reinstall with "
            "'.venv/bin/pip install -e . --no-deps'"
        ) from err
    model = LegModel(scenario="healthy", compression_mmhg=0.0)
    model.set_activity("stand")
    standing = _run(model, 60.0)[-1]
    model.set_activity("walk", speed_kmh=4.0)
    last_part = [s for s in _run(model, 60.0, chunk_s=0.1)[-100:]]
    walking = sum(float(s["ankle_pressure_mmhg"]) for s in last_part) / len(last_part)
    walking_return = sum(float(s["venous_return_ml_min"]) for s in last_part) / len(last_part)
    return Preview(standing, walking, walking_return)


def _options(choices: Iterable[tuple[Any, str]], selected: Any) -> str:
    return "".join(
        f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
        f"{escape(label)}</option>"
        for value, label in choices
    )


def vein_valve_block() -> str:
    """The vein-valve animation: static drawing and numbers from the model, live controls."""
    preview = model_preview()
    standing = preview.standing
    standing_mmhg = float(standing["ankle_pressure_mmhg"])
    refluxing = refluxing_valves(standing)
    caption = (
        f"Standing still, the blood pressure in the veins at the ankle is about {standing_mmhg:.0f} mmHg: "
        f"the weight of the blood column. After a minute of walking it falls to about "
        f"{preview.walking_ankle_mmhg:.0f} mmHg, because each step the calf muscle squeezes the deep vein "
        "and its valves stop the blood falling back."
    )
    readouts = (
        '<dl class="sh-vv__readouts">'
        '<div><dt>Ankle pressure</dt><dd>'
        f'<span data-readout="ankle">{standing_mmhg:.0f}</span> mmHg</dd></div>'
        '<div><dt>Blood returned</dt><dd>'
        f'<span data-readout="return">{float(standing["venous_return_ml_min"]):.0f}</span> mL/min</dd></div>'
        '<div><dt>Refill time after stopping</dt><dd><span data-readout="refill">–</span>'  # noqa: RUF001  en dash: "no value yet"
        ' <span data-readout="refill-unit" hidden>s</span></dd></div>'
        '<div><dt>Valve backflow</dt><dd>'
        f'<span data-readout="reflux">{escape(reflux_readout(refluxing, REFLUX_WORDS))}</span></dd></div>'
        "</dl>"
    )
    controls = (
        '<form class="sh-vv__controls" method="dialog" aria-label="Animation controls">'
        '<label class="sh-vv__control">Activity '
        f'<select name="activity">{_options(ACTIVITY_CHOICES, "stand")}</select></label>'
        '<label class="sh-vv__control">Veins '
        f'<select name="scenario">{_options(CONDITION_CHOICES, "healthy")}</select></label>'
        '<label class="sh-vv__control">Compression '
        f'<select name="compression">{_options(COMPRESSION_CHOICES, 0.0)}</select></label>'
        '<div class="sh-vv__buttons">'
        '<button type="button" class="md-button md-button--primary"'
        ' data-action="play" aria-pressed="false">Play</button>'
        '<button type="button" class="md-button" data-action="step">Step</button>'
        '<button type="button" class="md-button" data-action="reset">Reset</button>'
        "</div>"
        '<label class="sh-vv__control sh-vv__speed">Speed '
        '<input type="range" name="speed" min="0.25" max="2" '
        'step="0.25" value="1" aria-valuetext="normal speed"> <output name="speed-out">1×</output></label>'  # noqa: RUF001  multiplication sign: "1 times" speed
        "</form>"
    )
    lines = [
        '<div class="sh-widget sh-vv" data-widget="vein-valve" data-state="idle"'
        f' data-reflux="{str(bool(refluxing)).lower()}">',
        '<div class="sh-vv__stage">',
        f'<figure class="sh-vv__figure">{leg_svg(standing)}',
        f'<figcaption class="sh-vv__caption">{escape(caption)}</figcaption></figure>',
        f'<div class="sh-vv__side">{readouts}{chart_svg(standing_mmhg)}</div>',
        "</div>",
        controls,
        '<p class="sh-vv__describe sh-visually-hidden" aria-live="polite" data-describe></p>',
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        '<span class="sh-widget__loading-text">Starting the animation…</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">Try again</button></div>',
        '<p class="sh-widget__noscript">'
        'This picture and its numbers come from the same model as the live animation. '
        "To move the leg and try the controls, turn on JavaScript.</p>",
        "</div>",
    ]
    return "\n".join(lines)
