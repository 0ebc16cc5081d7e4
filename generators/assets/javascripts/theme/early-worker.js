// The widget is the main content of a widget page, so opening the page is the intent to
// use it: start Python now, while the rest of the page loads. generators/theme/main.html
// loads this file in <head>, before the stylesheets (a script waits for every stylesheet
// above it), on widget pages only; the worker's address is the script's data-worker.
// interactive/web/runtime.js adopts this worker and replays its early messages.
(function () {
  if (!("Worker" in window)) return;
  var early = [];
  var worker = new Worker(document.currentScript.dataset.worker, { type: "module", name: "second-heart-python" });
  worker.addEventListener("message", function (event) { if (early) early.push(event.data); });
  worker.addEventListener("error", function (event) {
    event.preventDefault();
    if (early) early.push({ type: "boot-error", message: event.message || "the background script (worker.js) could not be loaded." });
  });
  worker.postMessage({ type: "boot" });
  window.__secondHeartEarlyWorker = {
    worker: worker,
    take: function () { var messages = early; early = null; return messages; }
  };
})();
