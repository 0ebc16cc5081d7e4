// Mounts every widget on the page and remounts after each instant navigation.
//
// A widget is any element with data-widget="vein-valve" or "risk-checklist"; its
// data-state goes idle -> loading -> ready (or error). Python starts on intent: when a
// widget scrolls into view or is first touched, whichever comes first.

import { startPython, onStatus } from "./runtime.js";
import { VeinValveView } from "./vein-valve.js";
import { ChecklistView } from "./checklist.js";

const VIEWS = { "vein-valve": VeinValveView, "risk-checklist": ChecklistView };
const mounted = new Map(); // element -> view

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
      loading.querySelector(".sh-widget__loading-text").textContent = status.label;
    }
  } else if (status.state === "error") {
    root.dataset.state = "error";
    root.removeAttribute("aria-busy");
    if (loading) loading.hidden = true;
    if (message) {
      message.hidden = false;
      message.querySelector(".sh-widget__message-text").textContent = status.error;
    }
  } else if (status.state === "ready") {
    // The view says "ready" itself once it has drawn from Python.
    if (loading) loading.hidden = true;
    if (message) message.hidden = true;
  }
}

function mount(root) {
  const View = VIEWS[root.dataset.widget];
  if (!View || mounted.has(root)) return;
  root.classList.add("sh-widget--enhanced");
  const view = new View(root);
  const unsubscribe = onStatus((status) => {
    setState(root, status);
    if (status.state === "ready") view.start();
  });
  const kick = () => startPython();
  for (const type of ["pointerdown", "keydown", "focusin"]) root.addEventListener(type, kick, { once: true });
  root.querySelector('[data-action="retry"]')?.addEventListener("click", () => {
    root.querySelector(".sh-widget__message").hidden = true;
    startPython().then(() => view.start(), () => {});
  });
  mounted.set(root, { view, unsubscribe });
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
  if (!intentObserver && roots.length) startPython();
}

// The module is loaded with `async`, so it may run before Material's bundle has defined
// `document$`: mount what is on the page now, then follow `document$` (which emits each
// new page after instant navigation) as soon as it exists. Without Material (an embed,
// a plain page) mounting once is enough.
let following = false;
function follow() {
  if (!following && window.document$?.subscribe) {
    following = true;
    window.document$.subscribe(() => mountAll());
  }
  return following;
}
mountAll();
if (!follow() && document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => follow() || mountAll(), { once: true });
}
