"""The vein-valve drawing has one source: the live view's formulas give what the build's give,
with the parameters the build writes into the drawing, and the view holds none of its own."""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generators.content.context import SiteContext
from generators.widgets import vein_valve, vein_valve_svg
from generators.widgets.vein_valve_svg import (
    Chart,
    Gauge,
    Leaflet,
    Muscle,
    VesselWidth,
    arrow_state,
    chart_point,
    gauge_angle,
    leaflet_paths,
    muscle_shape,
    reflux_readout,
    vessel_width,
)

WEB = Path(__file__).resolve().parents[3] / "interactive" / "web"

OPEN_FRACTIONS = [0.0, 0.1, 0.33, 0.5, 0.77, 1.0]
PRESSURES = [-5.0, 0.0, 12.3, 45.6, 81.2, 99.9, 100.0, 119.4, 120.0, 140.0]
SQUEEZES = [0.0, 0.25, 0.5, 0.9, 1.0]
FLOWS = [-3.2, -0.06, -0.05, -0.01, 0.0, 0.04, 0.05, 0.051, 2.5]
AGES = [0.0, 5.5, 13.3, 20.0]
REFLUXING = [[], ["thigh valve"], ["perforator valve", "surface-vein valve at the groin"]]

# Runs every formula of vein-valve-geometry.js on the inputs and prints the results as JSON.
# The module is imported from a data: URL so that Node needs no package.json "type".
DRIVER = r"""
const source = Buffer.from(process.argv[2], "base64").toString("utf8");
const g = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const { geometry: shape, cases } = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => resolve(text));
}));
console.log(JSON.stringify({
  leaflets: cases.leaflets.map(([f, competent]) => g.leafletPaths(f, competent, shape.leaflet)),
  widths: cases.pressures.map((p) => g.vesselWidth(p, shape.vessel_width)),
  gauge: cases.pressures.map((p) => g.gaugeAngle(p, shape.gauge)),
  muscle: cases.squeezes.map((s) => g.muscleShape(s, shape.muscle)),
  arrows: cases.arrows.map(([name, flow]) =>
    g.arrowState(flow, shape.arrows[name].angle, shape.arrow_min_flow_ml_s)),
  chart: cases.chart.map(([age, p]) => g.chartPoint(age, p, shape.chart)),
  reflux: cases.refluxing.map((names) => g.refluxReadout(names, shape.words.reflux)),
}));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed; install Node 20+ to run the JavaScript parity test")
    return node


@pytest.fixture(scope="module")
def shape(ctx: SiteContext) -> dict[str, Any]:
    """The geometry as the browser gets it: read back from the built block's SVG."""
    block = vein_valve.vein_valve_block(ctx)
    found = re.search(r'<svg class="sh-vv__svg"[^>]* data-geometry="([^"]*)"', block)
    assert found, "the leg SVG has no data-geometry"
    parsed: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return parsed


def _python(shape: dict[str, Any], cases: dict[str, Any]) -> dict[str, Any]:
    leaflet, width = Leaflet(**shape["leaflet"]), VesselWidth(**shape["vessel_width"])
    gauge, muscle, chart = Gauge(**shape["gauge"]), Muscle(**shape["muscle"]), Chart(**shape["chart"])
    return {
        "leaflets": [list(leaflet_paths(f, competent, leaflet)) for f, competent in cases["leaflets"]],
        "widths": [vessel_width(p, width) for p in cases["pressures"]],
        "gauge": [gauge_angle(p, gauge) for p in cases["pressures"]],
        "muscle": [list(muscle_shape(s, muscle)) for s in cases["squeezes"]],
        "arrows": [list(arrow_state(flow, shape["arrows"][name]["angle"], shape["arrow_min_flow_ml_s"]))
                   for name, flow in cases["arrows"]],
        "chart": [list(chart_point(age, p, chart)) for age, p in cases["chart"]],
        "reflux": [reflux_readout(names, shape["words"]["reflux"]) for names in cases["refluxing"]],
    }


def test_the_drawing_carries_the_geometry_the_build_drew_it_with(
        shape: dict[str, Any], ctx: SiteContext) -> None:
    assert shape == json.loads(json.dumps(vein_valve_svg.geometry(ctx.words("vein_valve"))))
    assert shape["ankle"] == list(vein_valve_svg.ANKLE)
    assert Gauge(**shape["gauge"]) == vein_valve_svg.GAUGE
    assert Leaflet(**shape["leaflet"]) == vein_valve_svg.LEAFLET
    assert set(shape["arrows"]) == set(vein_valve_svg.SEGMENTS)
    assert set(shape["words"]["valves"]) == set(vein_valve_svg.VALVES)
    assert shape["vessels"] == vein_valve_svg.VESSEL_COMPARTMENT


def test_the_live_views_formulas_give_what_the_static_preview_gives(
    shape: dict[str, Any], tmp_path: Path
) -> None:
    cases = {
        "leaflets": [[f, competent] for f in OPEN_FRACTIONS for competent in (True, False)],
        "pressures": PRESSURES,
        "squeezes": SQUEEZES,
        "arrows": [[name, flow] for name in shape["arrows"] for flow in FLOWS],
        "chart": [[age, p] for age in AGES for p in PRESSURES],
        "refluxing": REFLUXING,
    }
    source = (WEB / "vein-valve-geometry.js").read_bytes()
    driver = tmp_path / "driver.mjs"
    driver.write_text(DRIVER)
    result = subprocess.run(
        [_node(), str(driver), base64.b64encode(source).decode()],
        input=json.dumps({"geometry": shape, "cases": cases}),
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    javascript = json.loads(result.stdout)
    python = _python(shape, cases)
    assert javascript.keys() == python.keys()
    for name, expected in python.items():
        # Same operations in the same order on IEEE doubles: equal, not merely close.
        assert javascript[name] == expected, f"{name}: JavaScript and Python disagree"


def test_an_arrow_points_back_exactly_when_the_model_calls_its_segment_reverse(shape: dict[str, Any]) -> None:
    from calf_pump.model import REVERSE_FLOW_THRESHOLD_ML_S

    threshold = shape["arrow_min_flow_ml_s"]
    assert threshold == REVERSE_FLOW_THRESHOLD_ML_S
    for flow in FLOWS:
        shown, reverse, angle = arrow_state(flow, 10.0, threshold)
        assert reverse == (flow < -REVERSE_FLOW_THRESHOLD_ML_S)
        assert shown == (abs(flow) > REVERSE_FLOW_THRESHOLD_ML_S)
        assert angle == (190.0 if reverse else 10.0)


def _numbers(value: Any) -> set[float]:
    if isinstance(value, dict):
        return set().union(*(_numbers(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_numbers(v) for v in value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {abs(float(value))}
    return set()


#: Numbers the view may hold although the drawing has them too: its own timing.
VIEW_TIMING = {100.0}  # CHART_EVERY_MS in vein-valve.js (and full_mmhg of the vessel width)


def test_the_live_view_holds_no_number_of_the_drawing(shape: dict[str, Any]) -> None:
    # Single digits are everywhere (toFixed(2), / 2, ...); larger or fractional numbers of
    # the drawing belong in data-geometry only.
    drawing = {n for n in _numbers(shape) if n >= 10 or n != int(n)} - VIEW_TIMING
    for name in ("vein-valve.js", "vein-valve-geometry.js"):
        code = re.sub(r"//[^\n]*|/\*.*?\*/", "", (WEB / name).read_text(), flags=re.S)
        literals = {float(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", code)}
        assert literals & drawing == set(), f"{name} repeats numbers of the drawing: {literals & drawing}"


def test_the_live_view_holds_no_words_of_the_drawing(shape: dict[str, Any]) -> None:
    code = (WEB / "vein-valve.js").read_text()
    words = {*shape["words"]["valves"].values(), *shape["words"]["postures"].values()}
    assert [w for w in words if w in code] == []
