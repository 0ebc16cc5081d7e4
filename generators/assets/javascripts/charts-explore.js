// Swap a chart's build-time picture for the explorable plotly.js chart, in place: the new
// chart gets the picture's height, so nothing on the page moves. Loaded by charts.js when a
// reader presses the chart's "explore" button; the button's data-* attributes hold its words.

const config = JSON.parse(document.getElementById("__config")?.textContent ?? "{}");
const siteBase = new URL(config.base ?? ".", location.href);
let plotlyReady = null;

function loadPlotly() {
  plotlyReady ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("assets/vendor/plotly-basic.min.js", siteBase).href;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      plotlyReady = null; // a later press tries again
      script.remove();
      reject(new Error("plotly.js could not be loaded"));
    };
    document.head.append(script);
  });
  return plotlyReady;
}

// The scheme's colours; everything else (font, line colours) is in the figure already.
function schemeLayout(el) {
  const style = getComputedStyle(el);
  const fg = style.getPropertyValue("--md-default-fg-color").trim() || "#222";
  const grid = style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd";
  const axis = { gridcolor: grid, zerolinecolor: grid, linecolor: grid };
  return { font: { color: fg }, xaxis: axis, yaxis: axis };
}

function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) && typeof base[key] === "object"
      ? merge(base[key], value) : value;
  }
  return out;
}

let watching = false;
function followScheme() {
  if (watching) return;
  watching = true;
  // Redraw in the new colours when the reader switches light/dark.
  new MutationObserver(() => {
    for (const live of document.querySelectorAll(".sh-chart__live")) {
      if (window.Plotly) window.Plotly.relayout(live, schemeLayout(live));
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
}

export async function explore(button) {
  const plot = document.getElementById(button.getAttribute("aria-controls"))?.querySelector(".sh-chart__plot");
  if (!plot || plot.querySelector(".sh-chart__live") || button.getAttribute("aria-busy") === "true") return;
  const label = button.textContent;
  button.setAttribute("aria-busy", "true");
  button.textContent = button.dataset.loading;
  try {
    const [Plotly, figure] = await Promise.all([
      loadPlotly(),
      fetch(new URL(plot.dataset.chartSrc, siteBase)).then((r) => {
        if (!r.ok) throw new Error(`chart data ${r.status}`);
        return r.json();
      }),
    ]);
    // The picture on show (narrow or wide) sets the height; the box keeps it from now on.
    const height = Math.round(plot.getBoundingClientRect().height) || 340;
    plot.style.height = `${height}px`;
    const live = document.createElement("div");
    live.className = "sh-chart__live";
    plot.append(live);
    // A phone's column gets the figure's narrow changes, as the narrow picture did.
    const narrow = plot.getBoundingClientRect().width < 600 ? figure.narrow ?? {} : {};
    const layout = merge(merge({ ...figure.layout, ...narrow }, schemeLayout(plot)),
      { autosize: true, height, width: undefined });
    const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduce) delete layout.transition;
    // No mode bar: zoom and pan buttons confuse more readers than they help, and
    // focusable buttons inside role="img" hide them from screen readers.
    await Plotly.react(live, figure.data, layout, { responsive: true, displaylogo: false, displayModeBar: false });
    for (const picture of plot.querySelectorAll(".sh-chart__svg")) picture.remove();
    plot.classList.add("is-drawn");
    button.textContent = button.dataset.done;
    button.setAttribute("aria-disabled", "true");
    followScheme();
  } catch (error) {
    plot.querySelector(".sh-chart__live")?.remove();
    plot.style.height = "";
    plot.dataset.error = String(error);
    button.textContent = `${button.dataset.failed} ${label}`;
  } finally {
    button.removeAttribute("aria-busy");
  }
}
