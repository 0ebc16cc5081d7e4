// On every page, a few hundred bytes: each chart shows a picture drawn at build time, and
// its "explore" button loads the drawing code (charts-explore.js) and plotly.js only when
// a reader presses it. Without JavaScript the picture, summary and table are the chart.
function wire() {
  for (const button of document.querySelectorAll(".sh-chart__explore:not([data-wired])")) {
    button.dataset.wired = "";
    button.addEventListener("click", () => import("./charts-explore.js").then((m) => m.explore(button)));
  }
}
wire();
window.document$?.subscribe(wire);
