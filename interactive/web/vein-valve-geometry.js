// The vein-valve drawing's per-frame formulas. The build draws the static picture with the
// same formulas in Python (generators/widgets/vein_valve_svg.py: same names in snake_case,
// same order of operations) and writes their parameters into the SVG's data-geometry;
// nothing here holds a number of the drawing. tests/generators/widgets/
// test_vein_valve_geometry.py runs both versions on the same inputs.

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

/** The two cusps' path data for an open fraction 0..1 (geometry.leaflet). */
export function leafletPaths(openFraction, competent, leaflet) {
  const closedX = competent ? leaflet.tip_x_closed : leaflet.tip_x_leaky;
  const tipX = closedX + (leaflet.tip_x_open - closedX) * openFraction;
  const tipY = leaflet.tip_y_closed + (leaflet.tip_y_open - leaflet.tip_y_closed) * openFraction;
  const { root_x: x, root_y: y, bend_x: bendX, bend_y: bendY } = leaflet;
  return [
    `M${-x} ${y} Q${-bendX} ${bendY} ${(-tipX).toFixed(2)} ${tipY.toFixed(2)}`,
    `M${x} ${y} Q${bendX} ${bendY} ${tipX.toFixed(2)} ${tipY.toFixed(2)}`,
  ];
}

/** A vessel's stroke width for the pressure inside it (geometry.vessel_width). */
export function vesselWidth(pressureMmhg, width) {
  const pressure = clamp(pressureMmhg, 0, width.full_mmhg);
  return width.min + ((width.max - width.min) * pressure) / width.full_mmhg;
}

/** The gauge needle's angle in degrees, 0 = straight up (geometry.gauge). */
export function gaugeAngle(pressureMmhg, gauge) {
  const fraction = clamp(pressureMmhg, 0, gauge.max_mmhg) / gauge.max_mmhg;
  return -gauge.sweep_deg / 2 + gauge.sweep_deg * fraction;
}

/** [scale x, scale y, fill opacity] of the calf muscle at a squeeze 0..1 (geometry.muscle). */
export function muscleShape(squeeze, muscle) {
  return [1 + muscle.scale_x * squeeze, 1 + muscle.scale_y * squeeze, muscle.opacity + muscle.opacity_gain * squeeze];
}

/** [shown, reverse, angle] of a segment's arrow (geometry.arrows[name].angle and
 * geometry.arrow_min_flow_ml_s, the model's reverse-flow threshold). */
export function arrowState(flowMlS, angleDeg, minFlowMlS) {
  const reverse = flowMlS < -minFlowMlS;
  return [Math.abs(flowMlS) > minFlowMlS, reverse, angleDeg + (reverse ? 180 : 0)];
}

/** [x, y] on the mini-chart of a reading ageS seconds older than the newest (geometry.chart). */
export function chartPoint(ageS, pressureMmhg, chart) {
  const x = chart.right - (ageS / chart.window_s) * (chart.right - chart.left);
  const pressure = clamp(pressureMmhg, 0, chart.max_mmhg);
  const y = chart.bottom - ((chart.bottom - chart.top) * pressure) / chart.max_mmhg;
  return [x, y];
}

/** The "Valve backflow" readout (geometry.words.reflux) for the refluxing valves' words. */
export function refluxReadout(refluxing, words) {
  return refluxing.length ? words.some.replace("{valves}", refluxing.join(", ")) : words.none;
}
