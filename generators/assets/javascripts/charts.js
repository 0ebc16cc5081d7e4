// Draw Plotly charts from assets/charts/<id>.json with the local plotly.js, in the page's
// colour scheme. Loads plotly.js only on pages that have a chart. Without JavaScript the
// chart's summary and data table stand in for it.

const config = JSON.parse(document.getElementById("__config")?.textContent ?? "{}");
const siteBase = new URL(config.base ?? ".", location.href);
let plotlyReady = null;

function loadPlotly() {
  plotlyReady ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("assets/vendor/plotly-basic.min.js", siteBase).href;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error("plotly.js could not be loaded"));
    document.head.append(script);
  });
  return plotlyReady;
}

function themeLayout(el) {
  const style = getComputedStyle(el);
  const fg = style.getPropertyValue("--md-default-fg-color").trim() || "#222";
  const grid = style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd";
  const font = style.getPropertyValue("--md-text-font-family").trim() || "sans-serif";
  return {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { color: fg, family: font, size: 14 },
    xaxis: { gridcolor: grid, zerolinecolor: grid },
    yaxis: { gridcolor: grid, zerolinecolor: grid },
    colorway: ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"],
  };
}

function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) && typeof base[key] === "object"
      ? merge(base[key], value) : value;
  }
  return out;
}

async function draw(el) {
  try {
    const [Plotly, figure] = await Promise.all([
      loadPlotly(),
      fetch(new URL(el.dataset.chartSrc, siteBase)).then((r) => {
        if (!r.ok) throw new Error(`chart data ${r.status}`);
        return r.json();
      }),
    ]);
    el.classList.add("is-drawn");
    const layout = merge(figure.layout, themeLayout(el));
    const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
    await Plotly.react(el, figure.data, { ...layout, autosize: true, transition: reduce ? undefined : layout.transition },
      // No mode bar: zoom and pan buttons confuse more readers than they help, and
      // focusable buttons inside role="img" hide them from screen readers.
      { responsive: true, displaylogo: false, displayModeBar: false });
    el.figure = figure;
  } catch (error) {
    el.classList.remove("is-drawn");
    el.dataset.error = String(error);
    // The summary and the table below remain: nothing more to do.
  }
}

function drawAll() {
  document.querySelectorAll(".sh-chart__plot[data-chart-src]").forEach((el) => draw(el));
}

// Redraw in the new colours when the reader switches light/dark.
new MutationObserver(() => {
  document.querySelectorAll(".sh-chart__plot.is-drawn").forEach((el) => {
    if (el.figure && window.Plotly) window.Plotly.relayout(el, themeLayout(el));
  });
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

if (window.document$) window.document$.subscribe(drawAll);
else drawAll();
