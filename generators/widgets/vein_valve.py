"""The vein-valve animation's build-time side: its controls, drawing and static preview.

The same ``calf_pump`` model that runs in the browser runs here first, so the page shows
a true picture and true numbers before any JavaScript or Python starts. The live view
(``interactive/web/vein-valve.js``) animates the very elements drawn here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from generators.errors import BuildError

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

# Drawing: a lower leg seen from the side, toes to the right. Units are SVG user units
# in a 320 x 440 box; the model supplies only numbers, the view decides where things go.
VIEWBOX = (320, 440)
LEG_OUTLINE = (
    "M80 0 L200 0 C205 40 205 80 200 100 C198 200 190 280 186 346 L120 346 "
    "C110 300 40 262 45 190 C48 140 80 116 88 100 C82 70 78 30 80 0 Z"
)
FOOT_OUTLINE = (
    "M118 340 L188 340 C205 352 250 368 288 382 "
    "C296 386 294 398 284 398 L120 398 C106 396 104 360 118 340 Z"
)
ANKLE = (152, 350)
CALF_MUSCLE = {"cx": 90, "cy": 200, "rx": 33, "ry": 86}
#: Vessel centre lines. Each flow segment is drawn from upstream to downstream, so dashes
#: moving "forward" along the path show normal flow.
VESSELS = {
    "foot": "M262 384 C230 378 190 372 158 360",
    "deep": "M152 352 L139 300 C131 250 131 170 140 120 L142 80 L145 0",
    "superficial": "M190 368 L181 320 C177 250 190 150 192 92 C193 52 184 24 147 12",
}
SEGMENTS = {
    "foot_to_deep": "M152 352 L139 300",
    "foot_to_superficial": "M190 368 L181 320",
    "perforator": "M181 232 L135 222",
    "deep_up": "M139 300 C131 250 131 170 140 120 L142 80",
    "superficial_up": "M181 320 C177 250 190 150 192 92 C193 52 184 24 147 12",
    "thigh_out": "M142 80 L145 0",
}
#: Where each segment's direction arrow sits (x, y) on its path.
SEGMENT_ARROWS: dict[str, tuple[float, float]] = {
    "foot_to_deep": (146, 328),
    "foot_to_superficial": (186, 346),
    "perforator": (170, 230),
    "deep_up": (133, 200),
    "superficial_up": (186, 170),
    "thigh_out": (143, 56),
}
#: Which vessel colour/width a segment's pressure comes from.
VESSEL_COMPARTMENT = {"foot": "foot", "deep": "deep_calf", "superficial": "superficial"}
#: Valves: position, and the angle that turns "flow goes up" into the vessel's direction.
VALVES = {
    "lower_deep": (141.0, 308.0, -11.9),
    "perforator": (158.0, 227.0, -78.0),
    "upper_deep": (141.0, 105.0, 2.9),
    "saphenous": (168.0, 17.0, -66.3),
    "femoral": (144.0, 40.0, 2.1),
}
GAUGE = {"cx": 268, "cy": 160, "r": 38, "max_mmhg": 120.0, "sweep_deg": 240.0}


def _segment_angle(name: str) -> float:
    """Direction of normal flow at a segment's arrow, from the path's end points."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", SEGMENTS[name])]
    (x0, y0), (x1, y1) = numbers[0:2], numbers[-2:]
    return math.degrees(math.atan2(x1 - x0, -(y1 - y0)))


def _leaflets(open_fraction: float, competent: bool) -> tuple[str, str]:
    """Two valve cusps in the valve's own frame (flow goes up, -y); same formula as the JS."""
    closed_x = 2.6 if not competent else 0.6
    tip_x = closed_x + (4.2 - closed_x) * open_fraction
    tip_y = -3.0 - 5.0 * open_fraction
    left = f"M-5.5 6 Q-5 0 {-tip_x:.2f} {tip_y:.2f}"
    right = f"M5.5 6 Q5 0 {tip_x:.2f} {tip_y:.2f}"
    return left, right


def _vessel_width(pressure_mmhg: float) -> float:
    return 6.0 + 5.0 * min(max(pressure_mmhg, 0.0), 100.0) / 100.0


def _gauge_angle(pressure_mmhg: float) -> float:
    fraction = min(max(pressure_mmhg, 0.0), GAUGE["max_mmhg"]) / GAUGE["max_mmhg"]
    return -GAUGE["sweep_deg"] / 2 + GAUGE["sweep_deg"] * fraction


def _gauge_svg(pressure_mmhg: float) -> str:
    cx, cy, r = GAUGE["cx"], GAUGE["cy"], GAUGE["r"]
    ticks = []
    for value in range(0, int(GAUGE["max_mmhg"]) + 1, 20):
        angle = math.radians(_gauge_angle(value))
        x0, y0 = cx + (r - 6) * math.sin(angle), cy - (r - 6) * math.cos(angle)
        x1, y1 = cx + r * math.sin(angle), cy - r * math.cos(angle)
        ticks.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"/>')
        if value % 40 == 0:
            xt, yt = cx + (r - 14) * math.sin(angle), cy - (r - 14) * math.cos(angle) + 3
            ticks.append(f'<text x="{xt:.1f}" y="{yt:.1f}" class="sh-vv__tick">{value}</text>')
    start, end = math.radians(_gauge_angle(0)), math.radians(_gauge_angle(GAUGE["max_mmhg"]))
    arc = (
        f"M{cx + r * math.sin(start):.1f} {cy - r * math.cos(start):.1f} "
        f"A{r} {r} 0 1 1 {cx + r * math.sin(end):.1f} {cy - r * math.cos(end):.1f}"
    )
    return (
        f'<g class="sh-vv__gauge" aria-hidden="true">'
        f'<circle cx="{cx}" cy="{cy}" r="{r + 6}" class="sh-vv__gauge-face"/>'
        f'<path d="{arc}" class="sh-vv__gauge-arc"/>'
        f'<g class="sh-vv__gauge-ticks">{"".join(ticks)}</g>'
        f'<line x1="{cx}" y1="{cy + 6}" x2="{cx}" y2="{cy - r + 8}" class="sh-vv__needle" '
        f'transform="rotate({_gauge_angle(pressure_mmhg):.1f} {cx} {cy})"/>'
        f'<circle cx="{cx}" cy="{cy}" r="3.5" class="sh-vv__needle-hub"/>'
        f'<text x="{cx}" y="{cy + 26}" class="sh-vv__gauge-value">{pressure_mmhg:.0f}</text>'
        f'<text x="{cx}" y="{cy + 38}" class="sh-vv__gauge-unit">mmHg at ankle</text></g>'
    )


def leg_svg(snapshot: Mapping[str, Any]) -> str:
    """The leg drawing for one model snapshot. The live view animates these same elements
    (found by their ``data-*`` names), so the static preview and the animation match."""
    width, height = VIEWBOX
    compartments = snapshot["compartments"]
    squeeze = float(snapshot["calf_squeeze"])
    ankle_angle = float(snapshot.get("ankle_angle_deg") or 0.0)
    parts = [
        f'<svg class="sh-vv__svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="sh-vv-title" focusable="false">',
        '<title id="sh-vv-title">A lower leg from the side: the calf muscle, the deep vein and '
        "the surface vein with their valves, and a gauge of the blood pressure at the ankle.</title>",
        "<defs>"
        '<pattern id="sh-vv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" class="sh-vv__hatch-line"/></pattern>'
        '<marker id="sh-vv-arrowhead" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse">'
        '<path d="M0 0 L10 5 L0 10 Z" class="sh-vv__arrowhead"/></marker>'
        "</defs>",
        # Gravity: a plain arrow and a word, dimmed when lying down.
        '<g class="sh-vv__gravity" data-gravity>'
        '<line x1="20" y1="40" x2="20" y2="130" marker-end="url(#sh-vv-arrowhead)"/>'
        '<text x="28" y="60" class="sh-vv__label">gravity</text>'
        '<text x="28" y="74" class="sh-vv__label sh-vv__posture"'
        f' data-posture-label>{_e(str(snapshot.get("posture", "standing")))}</text></g>',
        f'<path d="{LEG_OUTLINE}" class="sh-vv__skin"/>',
        f'<g class="sh-vv__foot" data-foot transform="rotate({ankle_angle:.1f} {ANKLE[0]} {ANKLE[1]})">'
        f'<path d="{FOOT_OUTLINE}" class="sh-vv__skin"/>'
        f'<path d="{VESSELS["foot"]}" class="sh-vv__vessel" data-vessel="foot" '
        f'style="stroke-width:{_vessel_width(compartments["foot"]["pressure_mmhg"]):.1f}"/></g>',
        f'<ellipse class="sh-vv__muscle" data-muscle cx="{CALF_MUSCLE["cx"]}" cy="{CALF_MUSCLE["cy"]}" '
        f'rx="{CALF_MUSCLE["rx"]}" ry="{CALF_MUSCLE["ry"]}" '
        f'style="transform:scale({1 + 0.14 * squeeze:.3f},{1 - 0.07 * squeeze:.3f})"/>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 4}" class="sh-vv__muscle-label">calf</text>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 17}"'
        ' class="sh-vv__muscle-label">muscle</text>',
    ]
    for vessel in ("deep", "superficial"):
        pressure = compartments[VESSEL_COMPARTMENT[vessel]]["pressure_mmhg"]
        parts.append(
            f'<path d="{VESSELS[vessel]}" class="sh-vv__vessel" data-vessel="{vessel}" '
            f'style="stroke-width:{_vessel_width(pressure):.1f}"/>'
        )
    for name, path in SEGMENTS.items():
        segment = snapshot["segments"][name]
        reverse = "true" if segment["reverse"] else "false"
        x, y = SEGMENT_ARROWS[name]
        angle = _segment_angle(name) + (180 if segment["reverse"] else 0)
        shown = 1 if abs(segment["flow_ml_s"]) > 0.05 else 0
        parts.append(
            f'<g class="sh-vv__segment" data-segment="{name}" data-reverse="{reverse}">'
            f'<path d="{path}" class="sh-vv__flow"/>'
            f'<path d="M0 5 L0 -5 M-4 -1 L0 -5 L4 -1" class="sh-vv__arrow" '
            f'data-angle="{_segment_angle(name):.1f}"'
            f' transform="translate({x} {y}) rotate({angle:.1f})" style="opacity:{shown}"/></g>'
        )
    for name, (x, y, angle) in VALVES.items():
        valve = snapshot["valves"][name]
        left, right = _leaflets(float(valve["open_fraction"]), bool(valve["competent"]))
        parts.append(
            f'<g class="sh-vv__valve" data-valve="{name}"'
            f' data-reflux="{str(bool(valve["reverse"])).lower()}" '
            f'data-competent="{str(bool(valve["competent"])).lower()}" '
            f'transform="translate({x} {y}) rotate({angle}) scale(1.5)">'
            '<ellipse cx="0" cy="0" rx="6.5" ry="8" class="sh-vv__sinus"/>'
            f'<path d="{left}" class="sh-vv__leaflet"/><path d="{right}" class="sh-vv__leaflet"/>'
            f'<text x="7" y="2" class="sh-vv__backflow" transform="rotate({-angle})">backflow</text></g>'
        )
    parts += [
        '<g class="sh-vv__callouts" aria-hidden="true">'
        '<line x1="188" y1="262" x2="224" y2="262"/>'
        '<text x="228" y="266" class="sh-vv__label">surface vein</text>'
        '<line x1="136" y1="282" x2="224" y2="290"/>'
        '<text x="228" y="294" class="sh-vv__label">deep vein</text>'
        '<line x1="150" y1="104" x2="224" y2="96"/><text x="228" y="100" class="sh-vv__label">valve</text>'
        "</g>",
        _gauge_svg(float(snapshot["ankle_pressure_mmhg"])),
        "</svg>",
    ]
    return "".join(parts)


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


def _e(text: object) -> str:
    return escape("" if text is None else str(text))


def _options(choices: Iterable[tuple[Any, str]], selected: Any) -> str:
    return "".join(
        f'<option value="{_e(str(value))}"{" selected" if value == selected else ""}>{_e(label)}</option>'
        for value, label in choices
    )


def vein_valve_block() -> str:
    """The vein-valve animation: static drawing and numbers from the model, live controls."""
    preview = model_preview()
    standing = preview.standing
    standing_mmhg = float(standing["ankle_pressure_mmhg"])
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
        '<div><dt>Valve backflow</dt><dd><span data-readout="reflux">none</span></dd></div>'
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
    chart = (
        '<figure class="sh-vv__chart-figure">'
        '<svg class="sh-vv__chart" viewBox="0 0 300 90" role="img"'
        ' aria-label="Ankle pressure over the last 20 seconds">'
        '<g class="sh-vv__chart-grid"><line x1="30" y1="10" x2="296" y2="10"/>'
        '<line x1="30" y1="45" x2="296" y2="45"/>'
        '<line x1="30" y1="80" x2="296" y2="80"/></g>'
        '<text x="26" y="13" class="sh-vv__chart-label">120</text>'
        '<text x="26" y="48" class="sh-vv__chart-label">60</text>'
        '<text x="26" y="83" class="sh-vv__chart-label">0</text>'
        '<polyline class="sh-vv__chart-line" data-chart'
        f' points="30,{80 - 70 * min(standing_mmhg, 120) / 120:.1f} '
        f'296,{80 - 70 * min(standing_mmhg, 120) / 120:.1f}"/></svg>'
        "<figcaption>Ankle pressure (mmHg), last 20 seconds</figcaption></figure>"
    )
    lines = [
        '<div class="sh-widget sh-vv" data-widget="vein-valve" data-state="idle">',
        '<div class="sh-vv__stage">',
        f'<figure class="sh-vv__figure">{leg_svg(standing)}',
        f'<figcaption class="sh-vv__caption">{_e(caption)}</figcaption></figure>',
        f'<div class="sh-vv__side">{readouts}{chart}</div>',
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
