// One Python per tab, shared by every widget and kept across Material's instant navigation.
//
// The Worker lives in this module's scope: ES modules are evaluated once per page load,
// and instant navigation swaps the page content without reloading scripts, so moving
// between pages never downloads or starts Python again.

const WIDGETS_BASE = new URL("./", import.meta.url);
export const SITE_ROOT = new URL("../../", import.meta.url);
const BOOT_TIMEOUT_MS = 120_000;
// Calls that start a widget: their round trip is marked for benchmarks/widgets_bench.py.
const TIMED = new Set(["leg.create", "checklist.fetch"]);

let worker = null;
let bootPromise = null;
let nextCallId = 1;
const pending = new Map();
const listeners = new Set();
const prepared = new Set(); // Python packages the page's widgets will import
// `stage` names the step of starting (start, download, packages, bridge, ready) and
// `error` says what went wrong; the widgets show them in the page's language, with the
// words the build wrote into each widget (`wordsOf`).
export const status = { state: "idle", progress: 0, stage: "", error: "" };

function publish(changes) {
  Object.assign(status, changes);
  for (const listener of listeners) listener(status);
}

/** Call `listener(status)` now and on every change; returns an unsubscribe function. */
export function onStatus(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

/**
 * The words the build wrote into a widget's data-words (generators/widgets/words.py):
 * ui.yml's `widget` section and the widget's own, in the page's language. An attribute,
 * not a script block: instant navigation re-creates scripts as inline ones.
 */
export function wordsOf(root) {
  try {
    return JSON.parse(root.dataset.words ?? "{}");
  } catch {
    return {};
  }
}

/** One of the page's words with its `{name}` places filled in. */
export function fill(text, values = {}) {
  return Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text ?? "");
}

/** Start Python if it is not running; resolves when ready. Safe to call many times. */
export function startPython() {
  if (bootPromise) return bootPromise;
  publish({ state: "loading", progress: 2, stage: "start", error: "" });
  performance.mark("second-heart:start");
  bootPromise = new Promise((resolve, reject) => {
    // A widget page starts the worker from an inline script in <head> (see
    // generators/theme/main.html), long before this module runs: adopt it and replay
    // what it has said so far.
    const early = window.__secondHeartEarlyWorker;
    delete window.__secondHeartEarlyWorker;
    worker = early?.worker ?? new Worker(new URL("./worker.js", WIDGETS_BASE), { type: "module", name: "second-heart-python" });
    const timer = setTimeout(() => fail("it took more than two minutes to load."), BOOT_TIMEOUT_MS);
    function fail(message) {
      clearTimeout(timer);
      worker?.terminate();
      worker = null;
      spare = null; // its model was in that worker
      bootPromise = null; // so "Try again" starts from scratch
      failAll(message);
      publish({ state: "error", error: message });
      reject(new Error(message));
    }
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || "the background script (worker.js) could not be loaded.");
    });
    function onMessage({ data }) {
      if (data.type === "progress") {
        // Read by `second-heart bench`; stamped with the worker's time, since messages sent
        // before this module ran are replayed late.
        const startTime = data.at === undefined ? undefined : Math.max(0, data.at - performance.timeOrigin);
        performance.mark(`second-heart:${data.stage}`, { startTime });
        // Some stages are only timeline marks (no value): the progress bar stays as it is.
        if (data.value !== undefined) publish({ progress: data.value, stage: data.stage });
      }
      else if (data.type === "ready") {
        clearTimeout(timer);
        publish({ state: "ready", progress: 100, stage: "ready" });
        resolve();
      } else if (data.type === "boot-error") fail(data.message);
      else if (data.type === "result") {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if (!call) return;
        if (call.timed) {
          // A widget's first call: when the worker answered and when this page heard it.
          performance.mark(`second-heart:${call.op}-answered`, { startTime: Math.max(0, data.at - performance.timeOrigin) });
          performance.mark(`second-heart:${call.op}-received`);
        }
        if (data.error !== undefined) call.reject(new Error(data.error));
        else call.resolve(JSON.parse(data.json));
      }
    }
    worker.addEventListener("message", onMessage);
    // Booting twice is harmless: the worker boots once and answers "ready" to each.
    worker.postMessage({ type: "boot" });
    for (const module of prepared) worker.postMessage({ type: "prepare", module });
    // Replay after this executor returns, so a replayed failure resets bootPromise
    // after it has been assigned (and "Try again" really starts again).
    const earlier = early?.take() ?? [];
    queueMicrotask(() => earlier.forEach((data) => onMessage({ data })));
  });
  bootPromise.catch(() => {}); // callers handle it; avoid "unhandled rejection" noise
  return bootPromise;
}

/**
 * A widget on this page will use the Python package `module` (an import name): the worker
 * imports it as soon as Python is up, while its "ready" travels to the page and the view's
 * first call travels back. Does not start Python.
 */
export function prepare(module) {
  if (prepared.has(module)) return;
  prepared.add(module);
  worker?.postMessage({ type: "prepare", module });
}

/** Run one operation of bridge.py in the worker; resolves with its JSON result. */
export function callPython(op, args = {}) {
  if (op === "leg.create") return createLeg(args);
  return call(op, args);
}

function call(op, args) {
  // Once Python is ready, post at once: after an instant navigation the page is busy with
  // Material's own queued work, and waiting even one promise turn put this call behind it.
  if (status.state === "ready" && worker) return send(op, args);
  return startPython().then(() => send(op, args));
}

// The next page's animation (after instant navigation) asks for a model with its form's
// settings, usually the ones asked for last: a spare made with them a moment after each
// new model answers at once, instead of after the page's busy swap. A new model's first
// snapshot depends only on its settings, so the spare's is the same one.
const SPARE_AFTER_MS = 1000;
let spare = null; // {key, result}

function createLeg(args) {
  const key = JSON.stringify(args);
  let result;
  if (spare?.key === key) {
    ({ result } = spare);
    spare = null;
    performance.mark("second-heart:leg.create-spare");
  } else {
    result = call("leg.create", args);
  }
  result.then(() => setTimeout(() => {
    if (spare || status.state !== "ready") return;
    spare = { key, result: send("leg.create", args, false) };
    spare.result.catch(() => { spare = null; });
  }, SPARE_AFTER_MS), () => {});
  return result;
}

function send(op, args, timed = TIMED.has(op)) {
  return new Promise((resolve, reject) => {
    const id = nextCallId++;
    pending.set(id, { resolve, reject, timed, op });
    if (timed) performance.mark(`second-heart:${op}-sent`);
    worker.postMessage({ type: "call", id, op, args });
  });
}

export const CHECKLIST_URL = new URL("./checklist.json", WIDGETS_BASE).href;
