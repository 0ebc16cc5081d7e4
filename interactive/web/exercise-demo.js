// The exercise pages' mini-demo: the leg still, then doing the exercise, run by the
// calf_pump model in the page's one Python worker (calf_pump.presets, bridge.py "demo.*").
//
// The build drew the trace and wrote the numbers from the same preset
// (generators/widgets/exercise_demo.py). Python starts only when the reader presses the
// button (data-start="button"; widgets.js). The run then redraws the trace as the model
// goes, about ten model seconds per second; with reduced motion it is computed in one go
// and drawn once. When it ends, the numbers are the live run's and the polite status line
// says them. Every word comes from the block's data-words (content/<lang>/ui.yml).

import { callPython } from "./runtime.js";

const SAMPLE_S = 1; // the trace's samples: mean ankle pressure over each model second
const CHUNK_S = 2; // model time per request while animating
const CHUNK_MS = 200; // ...shown over this much real time: ten model seconds a second

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

/** Whole numbers, as the build shows them (exercise_demo.shown): never "-0". */
export function shown(value) {
  const rounded = Math.round(value);
  return String(rounded === 0 ? 0 : rounded);
}

/** "{name}" in a ui.yml phrase becomes values[name]. */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ExerciseDemoView {
  constructor(root) {
    this.root = root;
    this.words = JSON.parse(root.dataset.words);
    this.preset = root.dataset.preset;
    const svg = root.querySelector(".sh-xd__svg");
    this.geometry = JSON.parse(svg.dataset.geometry);
    this.trace = svg.querySelector("[data-trace]");
    this.button = root.querySelector('[data-action="start"]');
    this.status = root.querySelector("[data-describe]");
    this.readouts = Object.fromEntries(
      [...root.querySelectorAll("[data-readout]")].map((el) => [el.dataset.readout, el]),
    );
    this.ready = false;
    this.running = false;
    this.disposed = false;
    this.button.addEventListener("click", () => {
      if (this.ready && !this.running) this.run();
    });
  }

  /** Python is up (widgets.js calls this once the reader has pressed the button). */
  async start() {
    if (this.ready || this.running) return;
    this.ready = true;
    this.root.dataset.state = "ready";
    this.root.removeAttribute("aria-busy");
    performance.mark("second-heart:exercise-demo-ready");
    await this.run();
  }

  point([t, mmhg]) {
    const { left, right, top, bottom, max_mmhg: max, total_s: total } = this.geometry;
    const clamped = Math.min(Math.max(mmhg, 0), max);
    const x = left + ((right - left) * t) / total;
    const y = bottom - ((bottom - top) * clamped) / max;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  }

  show(which, result) {
    if (!result) return;
    for (const [suffix, key] of [["ankle", "ankle_pressure_mmhg"], ["return", "blood_returned_ml_min"]]) {
      const el = this.readouts[`${which}-${suffix}`];
      el.textContent = shown(result[key]);
      el.dataset.value = String(result[key]);
    }
  }

  async run() {
    this.running = true;
    const { words } = this;
    this.root.dataset.run = "running";
    this.button.textContent = words.running;
    this.button.setAttribute("aria-disabled", "true");
    this.status.textContent = fill(words.status_running, { still: words.still, doing: words.doing });
    for (const el of Object.values(this.readouts)) {
      el.textContent = "–"; // no number until the live run has measured it
      delete el.dataset.value;
    }
    let demo = null;
    try {
      ({ demo } = await callPython("demo.create", { preset: this.preset }));
      const points = [];
      const reduced = reducedMotion.matches;
      // Animated, the line starts again from nothing; without motion, it changes once.
      if (!reduced) this.trace.setAttribute("points", "");
      let result = null;
      let next = performance.now();
      while (!this.disposed && !result?.done) {
        const asked = reduced ? this.geometry.total_s : CHUNK_S;
        const answer = await callPython("demo.advance", { demo, duration_s: asked, sample_s: SAMPLE_S });
        result = answer.result;
        points.push(...answer.samples.map((sample) => this.point(sample)));
        if (reduced && !result.done) continue; // one picture at the end, no movement
        this.trace.setAttribute("points", points.join(" "));
        this.show("baseline", result.baseline);
        this.show("exercise", result.exercise);
        if (!reduced && !result.done) {
          next += CHUNK_MS;
          await wait(Math.max(0, next - performance.now()));
        }
      }
      if (this.disposed) return;
      const values = {
        still: words.still,
        doing: words.doing,
        still_ankle: shown(result.baseline.ankle_pressure_mmhg),
        still_return: shown(result.baseline.blood_returned_ml_min),
        doing_ankle: shown(result.exercise.ankle_pressure_mmhg),
        doing_return: shown(result.exercise.blood_returned_ml_min),
      };
      this.status.textContent = fill(words.status_done, values);
      this.root.dataset.run = "done";
    } catch (err) {
      this.fail(err);
    } finally {
      if (demo !== null) callPython("demo.dispose", { demo }).catch(() => {});
      this.running = false;
      this.button.textContent = this.ready ? words.again : words.start;
      this.button.removeAttribute("aria-disabled");
    }
  }

  fail(err) {
    // The page keeps the build's picture; "Try again" (widgets.js) calls start() anew.
    this.ready = false;
    this.root.dataset.state = "error";
    this.root.dataset.run = "preview";
    const message = this.root.querySelector(".sh-widget__message");
    if (message) {
      message.hidden = false;
      message.querySelector(".sh-widget__message-text").textContent = String(err?.message ?? err);
    }
  }

  dispose() {
    this.disposed = true;
  }
}
