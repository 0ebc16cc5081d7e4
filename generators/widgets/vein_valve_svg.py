"""The vein-valve drawing: leg and chart SVG for a model snapshot, and the geometry the live view reads."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from html import escape
from typing import Any

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
#: The point the foot turns about (x, y).
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
#: Which model compartment's pressure sets each vessel's width.
VESSEL_COMPARTMENT = {"foot": "foot", "deep": "deep_calf", "superficial": "superficial"}
#: Valves: position, and the angle that turns "flow goes up" into the vessel's direction.
VALVES = {
    "lower_deep": (141.0, 308.0, -11.9),
    "perforator": (158.0, 227.0, -78.0),
    "upper_deep": (141.0, 105.0, 2.9),
    "saphenous": (168.0, 17.0, -66.3),
    "femoral": (144.0, 40.0, 2.1),
}
#: The valves and postures the readout and the screen-reader describer name: their words
#: are in ui.yml, section ``vein_valve``, as ``valve_<name>`` and ``posture_<name>``.
POSTURES = ("standing", "sitting", "lying", "lying_leg_up")


def reflux_words(words: Mapping[str, str]) -> dict[str, str]:
    """The "Valve backflow" readout: ``{valves}`` in ``some`` becomes the refluxing valves' words."""
    return {"none": words["reflux_none"], "some": words["reflux_some"]}


@dataclass(frozen=True)
class Gauge:
    """The ankle-pressure dial. Needle angle in degrees, 0 = straight up, clockwise positive;
    0 mmHg sits at -sweep/2 and ``max_mmhg`` (and above) at +sweep/2."""

    cx: float
    cy: float
    r: float
    max_mmhg: float
    sweep_deg: float


@dataclass(frozen=True)
class VesselWidth:
    """Stroke width (user units) grows linearly from ``min`` at 0 mmHg to ``max`` at ``full_mmhg``."""

    min: float
    max: float
    full_mmhg: float


@dataclass(frozen=True)
class Muscle:
    """The calf at squeeze s (0..1): scale (1 + scale_x*s, 1 + scale_y*s) about its centre,
    fill opacity ``opacity + opacity_gain*s``."""

    scale_x: float
    scale_y: float
    opacity: float
    opacity_gain: float


@dataclass(frozen=True)
class Leaflet:
    """Two valve cusps in the valve's own frame (flow goes up, -y), mirrored about x = 0:
    ``M-root_x root_y Q-bend_x bend_y -tip_x tip_y`` and its mirror. The tip moves from its
    closed point (nearer the middle for a competent valve) to the open one."""

    root_x: float
    root_y: float
    bend_x: float
    bend_y: float
    tip_x_closed: float
    tip_x_leaky: float
    tip_x_open: float
    tip_y_closed: float
    tip_y_open: float


@dataclass(frozen=True)
class Chart:
    """The mini-chart of ankle pressure: the last ``window_s`` seconds from ``left`` to
    ``right``; 0 mmHg at ``bottom``, ``max_mmhg`` (and above) at ``top`` (user units)."""

    left: float
    right: float
    top: float
    bottom: float
    max_mmhg: float
    window_s: float


GAUGE = Gauge(cx=268, cy=160, r=38, max_mmhg=120.0, sweep_deg=240.0)
VESSEL_WIDTH = VesselWidth(min=6.0, max=11.0, full_mmhg=100.0)
MUSCLE = Muscle(scale_x=0.14, scale_y=-0.07, opacity=0.55, opacity_gain=0.4)
LEAFLET = Leaflet(root_x=5.5, root_y=6, bend_x=5, bend_y=0, tip_x_closed=0.6, tip_x_leaky=2.6,
                  tip_x_open=4.2, tip_y_closed=-3.0, tip_y_open=-8.0)
CHART = Chart(left=30, right=296, top=10, bottom=80, max_mmhg=120.0, window_s=20)


# The per-frame formulas. interactive/web/vein-valve-geometry.js has the same ones, with
# the same names in camelCase and the same order of operations; its parameters come from
# ``geometry()`` through the SVG's data-geometry, and
# tests/generators/widgets/test_vein_valve_geometry.py runs both on the same inputs.

def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def leaflet_paths(open_fraction: float, competent: bool, leaflet: Leaflet) -> tuple[str, str]:
    """Path data of the two cusps at an open fraction 0..1."""
    closed_x = leaflet.tip_x_closed if competent else leaflet.tip_x_leaky
    tip_x = closed_x + (leaflet.tip_x_open - closed_x) * open_fraction
    tip_y = leaflet.tip_y_closed + (leaflet.tip_y_open - leaflet.tip_y_closed) * open_fraction
    x, y, bend_x, bend_y = leaflet.root_x, leaflet.root_y, leaflet.bend_x, leaflet.bend_y
    left = f"M{-x:g} {y:g} Q{-bend_x:g} {bend_y:g} {-tip_x:.2f} {tip_y:.2f}"
    right = f"M{x:g} {y:g} Q{bend_x:g} {bend_y:g} {tip_x:.2f} {tip_y:.2f}"
    return left, right


def vessel_width(pressure_mmhg: float, width: VesselWidth) -> float:
    pressure = _clamp(pressure_mmhg, 0.0, width.full_mmhg)
    return width.min + (width.max - width.min) * pressure / width.full_mmhg


def gauge_angle(pressure_mmhg: float, gauge: Gauge) -> float:
    fraction = _clamp(pressure_mmhg, 0.0, gauge.max_mmhg) / gauge.max_mmhg
    return -gauge.sweep_deg / 2 + gauge.sweep_deg * fraction


def muscle_shape(squeeze: float, muscle: Muscle) -> tuple[float, float, float]:
    """(scale x, scale y, fill opacity) of the calf muscle."""
    return (1 + muscle.scale_x * squeeze, 1 + muscle.scale_y * squeeze,
            muscle.opacity + muscle.opacity_gain * squeeze)


def arrow_state(flow_ml_s: float, angle_deg: float, min_flow_ml_s: float) -> tuple[bool, bool, float]:
    """(shown, reverse, angle) of a segment's arrow. Flow at or below the model's reverse-flow
    threshold counts as none, so "reverse" here is exactly the model's segment ``reverse``."""
    reverse = flow_ml_s < -min_flow_ml_s
    return abs(flow_ml_s) > min_flow_ml_s, reverse, angle_deg + (180 if reverse else 0)


def chart_point(age_s: float, pressure_mmhg: float, chart: Chart) -> tuple[float, float]:
    """Where a reading taken ``age_s`` seconds before the newest one sits on the mini-chart."""
    x = chart.right - age_s / chart.window_s * (chart.right - chart.left)
    pressure = _clamp(pressure_mmhg, 0.0, chart.max_mmhg)
    y = chart.bottom - (chart.bottom - chart.top) * pressure / chart.max_mmhg
    return x, y


def reflux_readout(refluxing: list[str], words: Mapping[str, str]) -> str:
    return words["some"].replace("{valves}", ", ".join(refluxing)) if refluxing else words["none"]


def _segment_angle(name: str) -> float:
    """Direction of normal flow at a segment's arrow, from the path's end points."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", SEGMENTS[name])]
    (x0, y0), (x1, y1) = numbers[0:2], numbers[-2:]
    return round(math.degrees(math.atan2(x1 - x0, -(y1 - y0))), 1)


def geometry(words: Mapping[str, str]) -> dict[str, Any]:
    """Everything the live view needs to animate the drawing, as written into the SVG's
    ``data-geometry`` (JSON). The contract is described in interactive/web/README.md."""
    from calf_pump.model import REVERSE_FLOW_THRESHOLD_ML_S

    return {
        "ankle": list(ANKLE),
        "gauge": asdict(GAUGE),
        "vessel_width": asdict(VESSEL_WIDTH),
        "vessels": dict(VESSEL_COMPARTMENT),
        "muscle": asdict(MUSCLE),
        "leaflet": asdict(LEAFLET),
        "arrows": {name: {"x": x, "y": y, "angle": _segment_angle(name)}
                   for name, (x, y) in SEGMENT_ARROWS.items()},
        "arrow_min_flow_ml_s": REVERSE_FLOW_THRESHOLD_ML_S,
        "chart": asdict(CHART),
        "words": {"valves": {name: words[f"valve_{name}"] for name in VALVES},
                  "postures": {name: words[f"posture_{name}"] for name in POSTURES},
                  "reflux": reflux_words(words)},
    }


def refluxing_valves(snapshot: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    """The words for each valve whose reverse flow is past the clinical cut-off (``reflux``)."""
    return [words[f"valve_{name}"] for name in VALVES if snapshot["valves"][name]["reflux"]]


def _gauge_svg(pressure_mmhg: float, unit: str) -> str:
    cx, cy, r = GAUGE.cx, GAUGE.cy, GAUGE.r
    ticks = []
    for value in range(0, int(GAUGE.max_mmhg) + 1, 20):
        angle = math.radians(gauge_angle(value, GAUGE))
        x0, y0 = cx + (r - 6) * math.sin(angle), cy - (r - 6) * math.cos(angle)
        x1, y1 = cx + r * math.sin(angle), cy - r * math.cos(angle)
        ticks.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"/>')
        if value % 40 == 0:
            xt, yt = cx + (r - 14) * math.sin(angle), cy - (r - 14) * math.cos(angle) + 3
            ticks.append(f'<text x="{xt:.1f}" y="{yt:.1f}" class="sh-vv__tick">{value}</text>')
    start, end = math.radians(gauge_angle(0, GAUGE)), math.radians(gauge_angle(GAUGE.max_mmhg, GAUGE))
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
        f'transform="rotate({gauge_angle(pressure_mmhg, GAUGE):.1f} {cx} {cy})"/>'
        f'<circle cx="{cx}" cy="{cy}" r="3.5" class="sh-vv__needle-hub"/>'
        f'<text x="{cx}" y="{cy + 26}" class="sh-vv__gauge-value">{pressure_mmhg:.0f}</text>'
        f'<text x="{cx}" y="{cy + 38}" class="sh-vv__gauge-unit">{escape(unit)}</text></g>'
    )


def leg_svg(snapshot: Mapping[str, Any], words: Mapping[str, str]) -> str:
    """The leg drawing for one model snapshot. The live view animates these same elements
    (found by their ``data-*`` names) with the numbers in ``data-geometry``."""
    width, height = VIEWBOX
    shape = geometry(words)
    w = {key: escape(value) for key, value in words.items()}
    compartments = snapshot["compartments"]
    scale_x, scale_y, opacity = muscle_shape(float(snapshot["calf_squeeze"]), MUSCLE)
    ankle_angle = float(snapshot.get("ankle_angle_deg") or 0.0)
    posture = str(snapshot.get("posture", "standing"))
    parts = [
        f'<svg class="sh-vv__svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="sh-vv-title" focusable="false" '
        f'data-geometry="{escape(json.dumps(shape, separators=(",", ":")))}">',
        f'<title id="sh-vv-title">{w["drawing_title"]}</title>',

        "<defs>"
        '<pattern id="sh-vv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" class="sh-vv__hatch-line"/></pattern>'
        '<marker id="sh-vv-arrowhead" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse">'
        '<path d="M0 0 L10 5 L0 10 Z" class="sh-vv__arrowhead"/></marker>'
        "</defs>",
        # Gravity: a plain arrow and a word, dimmed when lying down.
        f'<g class="sh-vv__gravity" data-gravity data-posture="{escape(posture)}">'
        '<line x1="20" y1="40" x2="20" y2="130" marker-end="url(#sh-vv-arrowhead)"/>'
        f'<text x="28" y="60" class="sh-vv__label">{w["gravity"]}</text>'
        '<text x="28" y="74" class="sh-vv__label sh-vv__posture"'
        f' data-posture-label>{escape(shape["words"]["postures"].get(posture, posture))}</text></g>',
        f'<path d="{LEG_OUTLINE}" class="sh-vv__skin"/>',
        f'<g class="sh-vv__foot" data-foot transform="rotate({ankle_angle:.1f} {ANKLE[0]} {ANKLE[1]})">'
        f'<path d="{FOOT_OUTLINE}" class="sh-vv__skin"/>'
        f'<path d="{VESSELS["foot"]}" class="sh-vv__vessel" data-vessel="foot" style="stroke-width:'
        f'{vessel_width(compartments[VESSEL_COMPARTMENT["foot"]]["pressure_mmhg"], VESSEL_WIDTH):.1f}"/></g>',
        f'<ellipse class="sh-vv__muscle" data-muscle cx="{CALF_MUSCLE["cx"]}" cy="{CALF_MUSCLE["cy"]}" '
        f'rx="{CALF_MUSCLE["rx"]}" ry="{CALF_MUSCLE["ry"]}" '
        f'style="transform:scale({scale_x:.3f},{scale_y:.3f});fill-opacity:{opacity:.2f}"/>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 4}" class="sh-vv__muscle-label">'
        f'{w["muscle_label_1"]}</text>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 17}"'
        f' class="sh-vv__muscle-label">{w["muscle_label_2"]}</text>',
    ]
    for vessel in ("deep", "superficial"):
        pressure = compartments[VESSEL_COMPARTMENT[vessel]]["pressure_mmhg"]
        parts.append(
            f'<path d="{VESSELS[vessel]}" class="sh-vv__vessel" data-vessel="{vessel}" '
            f'style="stroke-width:{vessel_width(pressure, VESSEL_WIDTH):.1f}"/>'
        )
    for name, path in SEGMENTS.items():
        arrow = shape["arrows"][name]
        shown, reverse, angle = arrow_state(
            float(snapshot["segments"][name]["flow_ml_s"]), arrow["angle"], shape["arrow_min_flow_ml_s"]
        )
        parts.append(
            f'<g class="sh-vv__segment" data-segment="{name}" data-reverse="{str(reverse).lower()}">'
            f'<path d="{path}" class="sh-vv__flow"/>'
            '<path d="M0 5 L0 -5 M-4 -1 L0 -5 L4 -1" class="sh-vv__arrow"'
            f' transform="translate({arrow["x"]} {arrow["y"]}) rotate({angle:.1f})"'
            f' style="opacity:{int(shown)}"/></g>'
        )
    for name, (x, y, angle) in VALVES.items():
        valve = snapshot["valves"][name]
        left, right = leaflet_paths(float(valve["open_fraction"]), bool(valve["competent"]), LEAFLET)
        parts.append(
            f'<g class="sh-vv__valve" data-valve="{name}"'
            f' data-reflux="{str(bool(valve["reflux"])).lower()}" '
            f'data-competent="{str(bool(valve["competent"])).lower()}" '
            f'transform="translate({x} {y}) rotate({angle}) scale(1.5)">'
            '<ellipse cx="0" cy="0" rx="6.5" ry="8" class="sh-vv__sinus"/>'
            f'<path d="{left}" class="sh-vv__leaflet"/><path d="{right}" class="sh-vv__leaflet"/>'
            f'<text x="7" y="2" class="sh-vv__backflow" transform="rotate({-angle})">'
            f'{w["backflow"]}</text></g>'
        )
    parts += [
        '<g class="sh-vv__callouts" aria-hidden="true">'
        '<line x1="188" y1="262" x2="224" y2="262"/>'
        f'<text x="228" y="266" class="sh-vv__label">{w["surface_vein"]}</text>'
        '<line x1="136" y1="282" x2="224" y2="290"/>'
        f'<text x="228" y="294" class="sh-vv__label">{w["deep_vein"]}</text>'
        '<line x1="150" y1="104" x2="224" y2="96"/>'
        f'<text x="228" y="100" class="sh-vv__label">{w["valve"]}</text>'
        "</g>",
        _gauge_svg(float(snapshot["ankle_pressure_mmhg"]), words["gauge_unit"]),
        "</svg>",
    ]
    return "".join(parts)


def chart_svg(pressure_mmhg: float, words: Mapping[str, str]) -> str:
    """The mini-chart of the last ``CHART.window_s`` seconds, drawn flat at one pressure."""
    c = CHART
    middle = (c.top + c.bottom) / 2
    grid = "".join(f'<line x1="{c.left:g}" y1="{y:g}" x2="{c.right:g}" y2="{y:g}"/>'
                   for y in (c.top, middle, c.bottom))
    labels = "".join(
        f'<text x="{c.left - 4:g}" y="{y + 3:g}" class="sh-vv__chart-label">{mmhg:g}</text>'
        for y, mmhg in ((c.top, c.max_mmhg), (middle, c.max_mmhg / 2), (c.bottom, 0))
    )
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (chart_point(c.window_s, pressure_mmhg, c),
                                                     chart_point(0, pressure_mmhg, c)))
    return (
        '<figure class="sh-vv__chart-figure">'
        '<svg class="sh-vv__chart" viewBox="0 0 300 90" role="img"'
        f' aria-label="{escape(words["chart_label"].replace("{seconds}", f"{c.window_s:g}"))}">'
        f'<g class="sh-vv__chart-grid">{grid}</g>{labels}'
        f'<polyline class="sh-vv__chart-line" data-chart points="{points}"/></svg>'
        f"<figcaption>{escape(words['chart_caption'].replace('{seconds}', f'{c.window_s:g}'))}"
        "</figcaption></figure>"
    )
