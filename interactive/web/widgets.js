// Mounts every widget on the page and remounts after each instant navigation. It arrives
// with the first widget entry (<kind>-widget.js) loader.js adds, then follows every page.
//
// A widget is any element with data-widget="vein-valve", "risk-checklist" or
// "exercise-demo"; its data-state goes idle -> loading -> ready (or error). Python starts
// on intent: when a widget scrolls into view or is first touched, whichever comes first;
// a widget marked data-start="button" (the exercise pages' mini-demo) starts it only when
// its [data-action="start"] button is pressed. A kind's code is fetched only when a page
// has that kind of widget.

import { fill, onStatus, prepare, startPython, wordsOf } from "./runtime.js";

const defined = new Map(); // kind -> {View, python}
const asked = new Set(); // kinds whose entry has been asked for
const mounted = new Map(); // element -> {view, unsubscribe}

/**
 * Called by each widget's entry (<kind>-widget.js): its view class and the Python package
 * it uses. Mounts that kind's widgets on the page at once.
 */
export function define(kind, View, python) {
  defined.set(kind, { View, python });
  mountAll();
}

const intentObserver =
  "IntersectionObserver" in window
    ? new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            intentObserver.disconnect();
            startPython();
          }
        },
        { rootMargin: "200px" },
      )
    : null;

function setState(root, status) {
  const loading = root.querySelector(":scope > .sh-widget__loading");
  const message = root.querySelector(":scope > .sh-widget__message");
  if (status.state === "loading") {
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    if (loading) {
      loading.hidden = false;
      loading.querySelector("progress").value = status.progress;
      const label = wordsOf(root)[`stage_${status.stage}`];
      if (label) loading.querySelector(".sh-widget__loading-text").textContent = label;
    }
  } else if (status.state === "error") {
    root.dataset.state = "error";
    root.removeAttribute("aria-busy");
    if (loading) loading.hidden = true;
    if (message) {
      message.hidden = false;
      const words = wordsOf(root);
      // The technical detail is English; a page in another language may leave it out of
      // its sentence, so it is always kept for whoever opens the console.
      console.warn("[second-heart]", status.error);
      message.querySelector(".sh-widget__message-text").textContent =
        fill(words.could_not_start ?? "{error}", { error: status.error });
    }
  } else if (status.state === "ready") {
    // The view says "ready" itself once it has drawn from Python.
    if (loading) loading.hidden = true;
    if (message) message.hidden = true;
  }
}

function mount(root) {
  const kind = root.dataset.widget;
  const widget = defined.get(kind);
  if (mounted.has(root) || !/^[a-z][a-z-]*$/.test(kind ?? "")) return;
  if (!widget) {
    // A kind not loaded yet (a page reached by instant navigation): fetch its entry
    // (generators/widgets writes one per id in WIDGETS), which mounts it. Intent does
    // not wait for that code: Python takes far longer to start.
    if (!asked.has(kind)) {
      asked.add(kind);
      import(`./${kind}-widget.js`).catch(() => {
        asked.delete(kind); // the next page (or "Try again" after a reload) asks again
        for (const el of document.querySelectorAll(`[data-widget="${CSS.escape(kind)}"]`)) {
          setState(el, { state: "error", error: wordsOf(el).script_failed ?? "" });
        }
      });
    }
    watchIntent(root);
    return;
  }
  root.classList.add("sh-widget--enhanced");
  prepare(widget.python);
  const view = new widget.View(root);
  const entry = { view, unsubscribe: () => {} };
  const follow = () => {
    entry.unsubscribe = onStatus((status) => {
      setState(root, status);
      if (status.state === "ready") view.start();
    });
  };
  root.querySelector('[data-action="retry"]')?.addEventListener("click", () => {
    root.querySelector(".sh-widget__message").hidden = true;
    startPython().then(() => view.start(), () => {});
  });
  mounted.set(root, entry);
  performance.mark(`second-heart:${kind}-mounted`); // read by benchmarks/widgets_bench.py
  if (startsOnButton(root)) {
    // Nothing of Python is fetched, and the block stays idle, until the reader asks.
    root.querySelector('[data-action="start"]')?.addEventListener("click", () => {
      follow();
      startPython();
    }, { once: true });
  } else {
    follow();
    watchIntent(root);
  }
}

function startsOnButton(root) {
  return root.dataset.start === "button";
}

const watched = new WeakSet();

/** Start Python on the first touch, or now if the widget is (nearly) on screen. */
function watchIntent(root) {
  if (watched.has(root) || startsOnButton(root)) return;
  watched.add(root);
  const kick = () => startPython();
  for (const type of ["pointerdown", "keydown", "focusin"]) root.addEventListener(type, kick, { once: true });
  // Already on screen: that is intent, and waiting for the observer's first callback
  // would cost a frame or more while the page is still busy loading.
  const box = root.getBoundingClientRect();
  if (box.top < window.innerHeight + 200 && box.bottom > -200 && box.height > 0) startPython();
  else intentObserver?.observe(root);
}

function unmountDetached() {
  for (const [root, { view, unsubscribe }] of mounted) {
    if (root.isConnected) continue;
    unsubscribe();
    view.dispose();
    intentObserver?.unobserve(root);
    mounted.delete(root);
  }
}

function mountAll() {
  unmountDetached();
  const roots = document.querySelectorAll("[data-widget]");
  roots.forEach(mount);
  if (!intentObserver && [...roots].some((root) => !startsOnButton(root))) startPython();
}

// Mount what is on the page now, then follow instant navigation. Material swaps in the
// new page's container (a child of <body>) and only later, once the container's scripts
// have loaded and run, tells `document$`: mounting on the swap itself lets Python draw
// the new widget sooner. `document$` stays as the backstop; mounting twice is harmless.
// Without Material (a plain page) mounting once is enough.
mountAll();
new MutationObserver(() => mountAll()).observe(document.body, { childList: true });
window.document$?.subscribe(() => mountAll());
