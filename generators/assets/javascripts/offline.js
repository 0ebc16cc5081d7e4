// Registers the site's service worker (sw.js, made by generators/offline), so the site,
// its search and its widgets work with the network off after one visit.
//
// - Never inside a frame or on an embed/ view: pages shown on other sites stay plain
//   pages. Every page works the same without a worker (or without this script).
// - When a newer build has been saved on the device, a quiet status line says so (its
//   words come from the page: <script type="application/json" id="sh-offline">, from
//   content/<lang>/ui.yml section offline). The open page stays the old build, whole; the
//   next page the reader opens is loaded in full from the new one.
// - The first time a widget starts, the worker is asked to save the Python files, which
//   may have been fetched before the worker was in charge of the page.

const root = new URL("../../", import.meta.url); // this file is <site>/assets/javascripts/
const framed = (() => {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent
  }
})();
const embedded = location.pathname.startsWith(`${root.pathname}embed/`);

function words() {
  const block = document.getElementById("sh-offline");
  try {
    return block ? JSON.parse(block.textContent) : {};
  } catch {
    return {};
  }
}

let updateReady = false;

function announce() {
  if (updateReady) return;
  updateReady = true;
  const text = words().updated;
  if (!text) return;
  const status = document.createElement("p");
  status.className = "sh-offline-status";
  status.setAttribute("role", "status"); // polite: read out when the reader is not busy
  document.body.append(status);
  // Filled a moment after it is attached, so screen readers notice the change.
  requestAnimationFrame(() => { status.textContent = text; });
}

function isSiteLink(link, event) {
  if (!link || event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (link.target && link.target !== "_self") return false;
  if (link.hasAttribute("download") || link.origin !== location.origin) return false;
  if (!link.pathname.startsWith(root.pathname)) return false;
  return !(link.pathname === location.pathname && link.hash); // a jump within this page
}

function takeOver(registration, go) {
  const waiting = registration.waiting;
  if (!waiting) {
    go();
    return;
  }
  navigator.serviceWorker.addEventListener("controllerchange", go, { once: true });
  waiting.postMessage({ type: "SKIP_WAITING" });
}

function watchUpdates(registration) {
  const check = (worker) => {
    if (!worker) return;
    const settled = () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
    };
    worker.addEventListener("statechange", settled);
    settled();
  };
  check(registration.waiting);
  check(registration.installing);
  registration.addEventListener("updatefound", () => check(registration.installing));
  // With an update waiting, the next page is a full load from the new build (instant
  // navigation would put new pages into the old page's scripts and styles).
  document.addEventListener("click", (event) => {
    if (!updateReady) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!isSiteLink(link, event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    takeOver(registration, () => location.assign(link.href));
  }, true);
  window.addEventListener("popstate", (event) => {
    if (!updateReady) return;
    event.stopImmediatePropagation();
    takeOver(registration, () => location.reload());
  }, true);
  // Instant navigation loads no new document, so the browser would not look for a new
  // build until the next full load: look when the reader comes back to the tab.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

function saveWidgetFiles() {
  let asked = false;
  const ask = () => {
    if (asked || !document.querySelector("[data-widget]:not([data-state='idle'])")) return;
    asked = true;
    observer.disconnect();
    navigator.serviceWorker.ready.then((registration) => {
      registration.active?.postMessage({ type: "WIDGET_STARTED" });
    });
  };
  const observer = new MutationObserver(ask);
  observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ["data-state"] });
  ask();
}

/** Once the page has loaded and no widget is starting: the first visit's precache (about
 * 1 MB) never competes with the page itself or with Python's download. */
function whenQuiet(callback) {
  const starting = () => document.querySelector("[data-widget][data-state='loading']");
  const go = () => {
    if (!starting()) {
      callback();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!starting()) {
        observer.disconnect();
        callback();
      }
    });
    observer.observe(document.body, { subtree: true, attributeFilter: ["data-state"] });
  };
  if (document.readyState === "complete") go();
  else window.addEventListener("load", go, { once: true });
}

if ("serviceWorker" in navigator && !framed && !embedded) {
  whenQuiet(() => {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname })
      .then(watchUpdates)
      .catch(() => {}); // no worker (a private window, a host without it): the site still works
    saveWidgetFiles();
  });
}
