// One Python per tab, shared by every widget and kept across Material's instant navigation.
//
// The Worker lives in this module's scope: ES modules are evaluated once per page load,
// and instant navigation swaps the page content without reloading scripts, so moving
// between pages never downloads or starts Python again.

const WIDGETS_BASE = new URL("./", import.meta.url);
export const SITE_ROOT = new URL("../../", import.meta.url);
const BOOT_TIMEOUT_MS = 120_000;

let worker = null;
let bootPromise = null;
let nextCallId = 1;
const pending = new Map();
const listeners = new Set();
export const status = { state: "idle", progress: 0, label: "", error: "" };

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

function explain(message) {
  return `The live version could not start: ${message} The picture and text on this page still work.`;
}

/** Start Python if it is not running; resolves when ready. Safe to call many times. */
export function startPython() {
  if (bootPromise) return bootPromise;
  publish({ state: "loading", progress: 2, label: "Starting…", error: "" });
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
      bootPromise = null; // so "Try again" starts from scratch
      failAll(message);
      publish({ state: "error", error: explain(message) });
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
        publish({ progress: data.value, label: data.label });
      }
      else if (data.type === "ready") {
        clearTimeout(timer);
        publish({ state: "ready", progress: 100, label: "Ready" });
        resolve();
      } else if (data.type === "boot-error") fail(data.message);
      else if (data.type === "result") {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if (!call) return;
        if (data.error !== undefined) call.reject(new Error(data.error));
        else call.resolve(JSON.parse(data.json));
      }
    }
    worker.addEventListener("message", onMessage);
    // Booting twice is harmless: the worker boots once and answers "ready" to each.
    worker.postMessage({ type: "boot" });
    // Replay after this executor returns, so a replayed failure resets bootPromise
    // after it has been assigned (and "Try again" really starts again).
    const earlier = early?.take() ?? [];
    queueMicrotask(() => earlier.forEach((data) => onMessage({ data })));
  });
  bootPromise.catch(() => {}); // callers handle it; avoid "unhandled rejection" noise
  return bootPromise;
}

/** Run one operation of bridge.py in the worker; resolves with its JSON result. */
export async function callPython(op, args = {}) {
  await startPython();
  return new Promise((resolve, reject) => {
    const id = nextCallId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: "call", id, op, args });
  });
}

export const CHECKLIST_URL = new URL("./checklist.json", WIDGETS_BASE).href;
