// The vein-valve animation's view. The model (calf_pump) runs in the worker; this file
// only turns snapshots into pictures, numbers and words.
//
// The drawing is the build's (generators/widgets/vein_valve_svg.py): this view moves the
// elements it finds there, with the numbers and words in the SVG's data-geometry and the
// formulas of vein-valve-geometry.js. It holds no coordinate, scale or word of the drawing.
//
// Time: the page keeps a short buffer of model snapshots ahead of what it shows and asks
// for the next chunk while drawing the current one, so there is never a round trip per
// frame. Each frame advances "shown time" by the real elapsed time (rAF timestamps) times
// the speed, and draws the snapshot interpolated at that time: smooth at any frame rate.

import { callPython, fill, startPython, wordsOf } from "./runtime.js";
import { arrowState, chartPoint, gaugeAngle, leafletPaths, muscleShape, refluxReadout, vesselWidth } from "./vein-valve-geometry.js";

const SAMPLE_S = 1 / 60; // model time between snapshots
const LEAD_S = 0.3; // how far ahead of the shown time the buffer should reach (at 1x)
const STEP_S = 0.2; // one press of "Step"
const DESCRIBE_EVERY_MS = 3000;
const REDUCED_FRAME_MS = 500; // with reduced motion: a still picture twice a second
const CHART_EVERY_MS = 100; // the mini-chart redraws at most ten times a second

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

function interpolate(a, b, f) {
  if (typeof a === "number" && typeof b === "number") return a + (b - a) * f;
  if (a && b && typeof a === "object") {
    const out = {};
    for (const key in b) out[key] = interpolate(a[key], b[key], f);
    return out;
  }
  return f < 0.5 && a !== undefined ? a : b;
}

// Dash speed grows with flow but stays readable: 1 mL/s -> 25 px/s, 16 mL/s -> 100 px/s.
const dashSpeed = (flow) => Math.sign(flow) * Math.min(140, 25 * Math.sqrt(Math.abs(flow)));

export class VeinValveView {
  constructor(root) {
    this.root = root;
    const q = (selector) => root.querySelector(selector);
    this.svg = q(".sh-vv__svg");
    this.geometry = JSON.parse(this.svg.dataset.geometry);
    this.words = wordsOf(root); // ui.yml's vein_valve words, in the page's language
    this.numberFormat = null; // see `number`
    const { arrows, vessels, words } = this.geometry;
    this.muscle = q("[data-muscle]");
    this.foot = q("[data-foot]");
    this.gravity = q("[data-gravity]");
    this.postureLabel = q("[data-posture-label]");
    this.vessels = [...root.querySelectorAll("[data-vessel]")].map((el) => ({ el, compartment: vessels[el.dataset.vessel] }));
    this.segments = [...root.querySelectorAll("[data-segment]")].map((group) => ({
      name: group.dataset.segment,
      group,
      flow: group.querySelector(".sh-vv__flow"),
      arrow: group.querySelector(".sh-vv__arrow"),
      at: arrows[group.dataset.segment],
      offset: 0,
    }));
    this.valves = [...root.querySelectorAll("[data-valve]")].map((group) => ({
      name: group.dataset.valve,
      words: words.valves[group.dataset.valve],
      group,
      leaflets: [...group.querySelectorAll(".sh-vv__leaflet")],
    }));
    this.needle = q(".sh-vv__needle");
    this.gaugeValue = q(".sh-vv__gauge-value");
    this.readouts = Object.fromEntries([...root.querySelectorAll("[data-readout]")].map((el) => [el.dataset.readout, el]));
    this.chart = q("[data-chart]");
    this.describeRegion = q("[data-describe]");
    this.form = q(".sh-vv__controls");
    this.playButton = q('[data-action="play"]');

    this.leg = null;
    this.started = false;
    this.disposed = false;
    this.buffer = [];
    this.generation = 0; // bumps on every change, so chunks computed before it are dropped
    this.requesting = false;
    this.shownTime = 0;
    this.stepTarget = null;
    this.playing = true;
    this.speed = 1;
    this.history = [];
    this.lastFrame = 0;
    this.lastDraw = 0;
    this.lastChart = 0;
    this.lastDescribe = { at: -Infinity, text: "" };
    this.frame = this.frame.bind(this);

    this.onChange = (event) => this.control(event.target);
    this.onInput = (event) => event.target.name === "speed" && this.control(event.target);
    this.onClick = (event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action) this.button(action);
    };
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("change", this.onChange);
    this.form.addEventListener("input", this.onInput);
    this.form.addEventListener("click", this.onClick);
  }

  /**
   * Numbers as the page's language writes them ("1,5" in Spanish), for the speed control.
   * Made when first needed, or when the page is idle after the first picture: a page's
   * first Intl.NumberFormat costs 30-50 ms of main thread (locale data), which at mount
   * time would compete with Python's start.
   */
  get number() {
    this.numberFormat ??= new Intl.NumberFormat(document.documentElement.lang || undefined);
    return this.numberFormat;
  }

  settings() {
    const data = new FormData(this.form);
    return {
      activity: data.get("activity"),
      scenario: data.get("scenario"),
      compression_mmhg: Number(data.get("compression")),
    };
  }

  async start() {
    if (this.started) return;
    this.started = true;
    try {
      const { leg, snapshot } = await callPython("leg.create", this.settings());
      if (this.disposed) {
        callPython("leg.dispose", { leg });
        return;
      }
      this.leg = leg;
      this.buffer = [snapshot];
      this.shownTime = snapshot.time_s;
      this.draw(snapshot, 0);
      this.setPlaying(this.playing);
      this.root.dataset.state = "ready";
      performance.mark(`second-heart:${this.root.dataset.widget}-ready`);
      this.root.removeAttribute("aria-busy");
      this.lastFrame = 0;
      requestAnimationFrame(this.frame);
      (window.requestIdleCallback ?? setTimeout)(() => this.number);
    } catch (err) {
      this.fail(err);
    }
  }

  fail(err) {
    // Stop: the frame loop ends, and "Try again" (loader.js) calls start() for a new model.
    this.started = false;
    this.leg = null;
    this.generation += 1;
    this.root.dataset.state = "error";
    const message = this.root.querySelector(".sh-widget__message");
    message.hidden = false;
    console.warn("[second-heart]", err.message); // a translation's sentence may leave the detail out
    message.querySelector(".sh-widget__message-text").textContent = fill(this.words.stopped, { error: err.message });
  }

  control(input) {
    if (input.name === "speed") {
      this.speed = Number(input.value);
      const speed = this.number.format(this.speed);
      const words = this.speed === 1 ? this.words.speed_normal : fill(this.words.speed_times, { speed });
      input.setAttribute("aria-valuetext", words);
      this.form.querySelector('output[name="speed-out"]').textContent = `${speed}×`;
      return;
    }
    if (!this.leg) {
      startPython(); // the choice is read from the form when the model is created
      return;
    }
    const change = {
      activity: { activity: input.value },
      scenario: { scenario: input.value },
      compression: { compression_mmhg: Number(input.value) },
    }[input.name];
    if (!change) return;
    this.generation += 1;
    this.buffer = this.keepShown();
    callPython("leg.configure", { leg: this.leg, ...change }).catch((err) => this.fail(err));
    this.lastDescribe.at = -Infinity; // say what changed without waiting
  }

  keepShown() {
    // The snapshot on screen stays, so the picture moves smoothly into the new chunk.
    const kept = this.buffer.filter((s) => s.time_s <= this.shownTime);
    return kept.length ? kept.slice(-1) : this.buffer.slice(0, 1);
  }

  button(action) {
    if (action === "retry") return;
    if (!this.leg) {
      startPython();
      if (action === "play") this.setPlaying(!this.playing);
      return;
    }
    if (action === "play") this.setPlaying(!this.playing);
    else if (action === "step") {
      this.setPlaying(false);
      this.stepTarget = (this.stepTarget ?? this.shownTime) + STEP_S;
    } else if (action === "reset") {
      this.generation += 1;
      callPython("leg.reset", { leg: this.leg }).then(({ snapshot }) => {
        this.buffer = [snapshot];
        this.shownTime = snapshot.time_s;
        this.stepTarget = null;
        this.history = [];
        this.draw(snapshot, 0);
      }, (err) => this.fail(err));
    }
  }

  setPlaying(playing) {
    this.playing = playing;
    if (playing) this.stepTarget = null;
    this.playButton.textContent = playing ? this.words.pause : this.words.play;
    this.playButton.setAttribute("aria-pressed", String(playing));
    this.root.dataset.playing = String(playing);
  }

  bufferEnd() {
    return this.buffer.length ? this.buffer[this.buffer.length - 1].time_s : this.shownTime;
  }

  requestMore() {
    const lead = LEAD_S * Math.max(1, this.speed);
    const wanted = Math.max(this.shownTime + (this.playing ? lead : 0), this.stepTarget ?? 0);
    if (this.requesting || this.leg === null || this.bufferEnd() >= wanted) return;
    this.requesting = true;
    const generation = this.generation;
    callPython("leg.advance", { leg: this.leg, duration_s: Math.max(lead, 0.2), sample_s: SAMPLE_S })
      .then(({ snapshots }) => {
        if (generation === this.generation && !this.disposed) this.buffer.push(...snapshots);
      }, (err) => this.fail(err))
      .finally(() => {
        this.requesting = false;
      });
  }

  snapshotAt(time) {
    const buffer = this.buffer;
    while (buffer.length > 2 && buffer[1].time_s <= time) buffer.shift();
    const [a, b] = buffer;
    if (!b || time <= a.time_s) return a;
    return interpolate(a, b, Math.min(1, (time - a.time_s) / (b.time_s - a.time_s)));
  }

  frame(now) {
    if (this.disposed || !this.started) return;
    const elapsed = this.lastFrame ? Math.min((now - this.lastFrame) / 1000, 0.1) : 0;
    this.lastFrame = now;
    const before = this.shownTime;
    if (this.playing) this.shownTime = Math.min(this.shownTime + elapsed * this.speed, this.bufferEnd());
    else if (this.stepTarget !== null) {
      this.shownTime = Math.min(this.stepTarget, this.bufferEnd());
      if (this.shownTime >= this.stepTarget) this.stepTarget = null;
    }
    this.requestMore();
    const snapshot = this.snapshotAt(this.shownTime);
    if (snapshot) {
      this.record(snapshot);
      // Reduced motion: a still picture every half second while playing (no gliding, no
      // moving dashes); paused or stepping, each change shows at once.
      const reduced = reducedMotion.matches;
      const interval = reduced && this.playing ? REDUCED_FRAME_MS : 0;
      if (now - this.lastDraw >= interval) {
        this.lastDraw = now;
        this.draw(snapshot, reduced ? 0 : this.shownTime - before);
      }
      if (now - this.lastChart >= Math.max(CHART_EVERY_MS, interval)) {
        this.lastChart = now;
        this.drawChart();
      }
      this.describe(snapshot, now);
    }
    requestAnimationFrame(this.frame);
  }

  record(snapshot) {
    const last = this.history[this.history.length - 1];
    if (last && snapshot.time_s < last[0]) this.history = []; // after a reset
    if (!last || snapshot.time_s - last[0] >= 0.1) this.history.push([snapshot.time_s, snapshot.ankle_pressure_mmhg]);
    const windowS = this.geometry.chart.window_s;
    while (this.history.length && this.history[0][0] < snapshot.time_s - windowS) this.history.shift();
  }

  draw(s, modelSeconds) {
    const g = this.geometry;
    const [scaleX, scaleY, opacity] = muscleShape(s.calf_squeeze, g.muscle);
    this.muscle.style.transform = `scale(${scaleX.toFixed(3)}, ${scaleY.toFixed(3)})`;
    this.muscle.style.fillOpacity = opacity.toFixed(2);
    this.foot.setAttribute("transform", `rotate(${(s.ankle_angle_deg ?? 0).toFixed(1)} ${g.ankle[0]} ${g.ankle[1]})`);
    for (const { el, compartment } of this.vessels) {
      el.style.strokeWidth = vesselWidth(s.compartments[compartment].pressure_mmhg, g.vessel_width).toFixed(1);
    }
    for (const segment of this.segments) {
      const flow = s.segments[segment.name].flow_ml_s;
      const [shown, reverse, angle] = arrowState(flow, segment.at.angle, g.arrow_min_flow_ml_s);
      segment.group.dataset.reverse = String(reverse);
      segment.arrow.style.opacity = shown ? "1" : "0";
      segment.arrow.setAttribute("transform", `translate(${segment.at.x} ${segment.at.y}) rotate(${angle.toFixed(1)})`);
      if (modelSeconds > 0) {
        segment.offset = (segment.offset - dashSpeed(flow) * modelSeconds) % 1200;
        segment.flow.style.strokeDashoffset = segment.offset.toFixed(1);
      }
    }
    for (const valve of this.valves) {
      const state = s.valves[valve.name];
      const [left, right] = leafletPaths(state.open_fraction, state.competent, g.leaflet);
      valve.leaflets[0].setAttribute("d", left);
      valve.leaflets[1].setAttribute("d", right);
      // Only reverse flow past the clinical cut-off is reflux (the model's "reflux"): a
      // healthy valve lets a little blood back for a moment while it shuts.
      valve.group.dataset.reflux = String(Boolean(state.reflux));
      valve.group.dataset.competent = String(Boolean(state.competent));
    }
    const refluxing = this.refluxing(s);
    const ankle = s.ankle_pressure_mmhg;
    this.needle.setAttribute("transform", `rotate(${gaugeAngle(ankle, g.gauge).toFixed(1)} ${g.gauge.cx} ${g.gauge.cy})`);
    this.gaugeValue.textContent = ankle.toFixed(0);
    this.readouts.ankle.textContent = ankle.toFixed(0);
    this.readouts.return.textContent = s.venous_return_ml_min.toFixed(0);
    const refill = s.refill_time_s;
    this.readouts.refill.textContent = refill == null ? "–" : refill.toFixed(0);
    this.readouts["refill-unit"].hidden = refill == null;
    this.readouts.reflux.textContent = refluxReadout(refluxing, g.words.reflux);
    this.root.dataset.reflux = String(refluxing.length > 0);
    this.gravity.dataset.posture = s.posture;
    this.postureLabel.textContent = g.words.postures[s.posture] ?? s.posture;
  }

  refluxing(s) {
    return this.valves.filter((valve) => s.valves[valve.name].reflux).map((valve) => valve.words);
  }

  drawChart() {
    if (!this.history.length) return;
    const chart = this.geometry.chart;
    const end = this.history[this.history.length - 1][0];
    const points = this.history.map(([t, p]) => chartPoint(end - t, p, chart));
    // One reading so far: draw it as a flat line across the whole chart.
    if (points.length === 1) points.unshift([chartPoint(chart.window_s, 0, chart)[0], points[0][1]]);
    this.chart.setAttribute("points", points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
  }

  describe(s, now) {
    if (now - this.lastDescribe.at < DESCRIBE_EVERY_MS) return;
    const activity = this.form.elements.activity.selectedOptions[0].textContent;
    const words = [
      activity,
      s.calf_squeeze > 0.25 ? this.words.describe_squeezes : this.words.describe_relaxed,
      s.valves.lower_deep.open_fraction < 0.2 ? this.words.describe_valve_closed : this.words.describe_valve_open,
    ];
    const backflow = this.refluxing(s);
    if (backflow.length) words.push(fill(this.words.describe_backflow, { valves: backflow.join(this.words.describe_and) }));
    words.push(fill(this.words.describe_pressure, { mmhg: Math.round(s.ankle_pressure_mmhg / 5) * 5 }));
    const text = `${words.join("; ")}.`;
    if (text === this.lastDescribe.text) return;
    this.lastDescribe = { at: now, text };
    this.describeRegion.textContent = text;
  }

  dispose() {
    this.disposed = true;
    if (this.leg !== null) callPython("leg.dispose", { leg: this.leg }).catch(() => {});
    this.form.removeEventListener("change", this.onChange);
    this.form.removeEventListener("input", this.onInput);
    this.form.removeEventListener("click", this.onClick);
  }
}
