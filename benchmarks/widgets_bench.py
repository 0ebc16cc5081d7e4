"""How fast the in-browser Python widgets load and animate.

Serves the built site/ on 127.0.0.1, drives Chromium (Playwright) and prints:

* cold load: navigation to the demo widget's data-state="ready", empty cache;
* bare Pyodide boot in the same browser and server (a minimal page, not part of site/),
  once before the widget page and once after it, so the difference from their mean is
  what the widgets add;
* warm load: the second widget page after Material's instant navigation;
* the longest main-thread task while loading (PerformanceObserver "longtask");
* bytes transferred, and layout shift on the widget page (its styles arrive with the widget);
* a plain content page: its requests and bytes, and how many of them are widget files
  (assets/widgets/, assets/pyodide/);
* animation frame times (median and 95th percentile) while walking;
* the cold and warm timelines: the worker's and the page's performance marks.

Run from the project folder, after `./dev test` (Playwright is a test extra):

    .venv/bin/python -m benchmarks.widgets_bench widgets [--runs N] [--json]

It prints figures and never asserts on them: timings depend on the machine.
Library code raises; only `main` prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks.harness import CHROMIUM_ARGS, chromium_path, serve, serve_sitemap_locally

REPO = Path(__file__).resolve().parents[1]
#: Where the bench's own minimal page lives on the local server (never written to site/).
BARE_PAGE = "/__bench__/bare.html"

# The bare page boots Pyodide in a module worker from the site's own copy, exactly as the
# widgets do, but loads no packages and runs no project code. Its worker reports when it
# started, when the WebAssembly module was running (before the interpreter) and when
# Python answered, in ms since the epoch origin (turned into the page's time below).
_BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
const base = new URL("/assets/pyodide/", location).href;
const code = `const now = () => performance.timeOrigin + performance.now();
const started = now();
let instantiated = 0;
const { loadPyodide } = await import("${base}pyodide.mjs");
const py = await loadPyodide({indexURL: "${base}", packageBaseUrl: "${base}",
  lockFileURL: "${base}pyodide-lock.json", fsInit: async () => { instantiated = now(); }});
py.runPython("1+1");
const wasm = performance.getEntriesByName("${base}pyodide.asm.wasm")[0];
const at = (t) => wasm ? performance.timeOrigin + t : 0;
postMessage({started, instantiated, python: now(), wasm: at(wasm?.responseEnd),
  wasmAsked: at(wasm?.startTime), wasmFirstByte: at(wasm?.responseStart)});`;
const url = URL.createObjectURL(new Blob([code], {type: "text/javascript"}));
const worker = new Worker(url, {type: "module"});
worker.onmessage = (e) => {
  const page = (at) => at - performance.timeOrigin;
  window.bareBoot = {total: performance.now(), marks: {"worker started": page(e.data.started),
    "wasm asked for": page(e.data.wasmAsked), "wasm first byte": page(e.data.wasmFirstByte),
    "wasm downloaded": page(e.data.wasm), "wasm running": page(e.data.instantiated),
    "python up": page(e.data.python)}};
};
</script>"""

# Long tasks, layout shifts and clicks are recorded from the first script on; read back by
# the bench.
_OBSERVE_JS = """
window.__bench = {longtasks: [], clicks: [], shift: 0};
document.addEventListener("click", () => window.__bench.clicks.push(performance.now()), true);
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__bench.longtasks.push({start: e.startTime, duration: e.duration});
    }
  }).observe({type: "longtask", buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.shift += e.value;
  }).observe({type: "layout-shift", buffered: true});
} catch (e) {}
"""

#: Where the widget files live in the site: a plain page should request none of them.
WIDGET_PATHS = ("/assets/widgets/", "/assets/pyodide/")

#: Each step of a cold start, as (name, from mark, to mark), marks as in the cold timeline
#: (``python: <stage>`` from interactive/web/worker.js and runtime.js, ``page: ...``). The
#: steps from "wheels on sys.path" on are what the widgets add to a bare boot; the others
#: are the boot itself, which a bare boot also pays (the bare steps below have the same
#: names and starting points: the worker's script running), so on a busy machine they
#: show where a slower cold start came from.
COLD_STEPS = (
    ("worker created (since navigation)", None, "python: worker-created"),
    ("worker script running", "python: worker-created", "python: worker-script"),
    ("pyodide.mjs imported", "python: worker-script", "python: runtime-script"),
    ("wheels fetched + verified (parallel)", "python: worker-script", "python: wheels-verified"),
    ("wasm asked for", "python: worker-script", "python: wasm-requested"),
    ("wasm asked for -> first byte", "python: wasm-requested", "python: wasm-first-byte"),
    ("wasm downloaded", "python: worker-script", "python: wasm-downloaded"),
    ("wasm compiled + running", "python: worker-script", "python: runtime-instantiated"),
    ("interpreter start (loadPyodide rest)", "python: runtime-instantiated", "python: packages"),
    ("wheels on sys.path + bridge.py", "python: packages", "python: ready"),
    ("import calf_pump (after ready)", "python: ready", "python: imported-calf_pump"),
    ("first state (leg.create) to ready", "python: imported-calf_pump", "python: vein-valve-ready"),
    ("after Python is up, to widget ready", "python: packages", "python: vein-valve-ready"),
)
#: The bare boot's steps (its worker's own marks; see _BARE_HTML).
BARE_STEPS = (
    ("worker started (since navigation)", None, "worker started"),
    ("wasm asked for", "worker started", "wasm asked for"),
    ("wasm asked for -> first byte", "wasm asked for", "wasm first byte"),
    ("wasm downloaded", "worker started", "wasm downloaded"),
    ("wasm compiled + running", "worker started", "wasm running"),
    ("interpreter start (loadPyodide rest)", "wasm running", "python up"),
)


def step_durations(marks: dict[str, float], steps: Sequence[tuple[str, str | None, str]]) -> dict[str, float]:
    """``{step: ms}`` for each step whose marks were both made (``None``: navigation start)."""
    out = {}
    for name, start, end in steps:
        if end in marks and (start is None or start in marks):
            out[name] = marks[end] - (marks[start] if start else 0.0)
    return out

_FRAMES_JS = """async (seconds) => {
  const times = [];
  let last = null;
  await new Promise((resolve) => {
    const end = performance.now() + seconds * 1000;
    function tick(now) {
      if (last !== null) times.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else resolve();
    }
    requestAnimationFrame(tick);
  });
  return times;
}"""


@dataclass
class BenchResult:
    cold_ready_ms: float = 0.0
    bare_boot_ms: float = 0.0
    bare_boots: list[float] = field(default_factory=list)
    bare_marks: dict[str, list[float]] = field(default_factory=dict)
    warm_ready_ms: float = 0.0
    longest_task_ms: float = 0.0
    long_tasks: list[float] = field(default_factory=list)
    bytes_transferred: int = 0
    requests: int = 0
    frame_median_ms: float = 0.0
    frame_p95_ms: float = 0.0
    frames: int = 0
    frames_over_20_ms: int = 0
    wasm_requests_after_navigation: int = 0
    marks: dict[str, float] = field(default_factory=dict)
    warm_marks: dict[str, float] = field(default_factory=dict)
    longest_task_after_start_ms: float = 0.0
    long_task_starts: list[float] = field(default_factory=list)
    layout_shift: float = 0.0
    plain_page: str = ""
    plain_bytes: int = 0
    plain_requests: int = 0
    plain_widget_bytes: int = 0
    plain_widget_requests: int = 0
    plain_widget_files: list[str] = field(default_factory=list)

    def cold_steps(self) -> dict[str, float]:
        return step_durations(self.marks, COLD_STEPS)

    def bare_steps(self) -> dict[str, float]:
        return step_durations({k: statistics.fmean(v) for k, v in self.bare_marks.items()}, BARE_STEPS)

    def overhead_parts(self) -> dict[str, float]:
        """The cold start's overhead over the bare boot, split where the two timelines meet:
        the worker starting, the runtime downloaded and compiled (until the WebAssembly
        runs), the interpreter starting (the same code in both: on a busy machine its
        difference is mostly noise), and what the widgets do once Python is up."""
        cold, bare = self.marks, {k: statistics.fmean(v) for k, v in self.bare_marks.items()}
        nan = float("nan")

        def at(marks: dict[str, float], name: str) -> float:
            return marks.get(name, nan)

        parts = {
            "worker started later": at(cold, "python: worker-script") - at(bare, "worker started"),
            "runtime downloaded + compiled (to wasm running) slower":
                (at(cold, "python: runtime-instantiated") - at(cold, "python: worker-script"))
                - (at(bare, "wasm running") - at(bare, "worker started")),
            "interpreter start slower (same code; noise)":
                (at(cold, "python: packages") - at(cold, "python: runtime-instantiated"))
                - (at(bare, "python up") - at(bare, "wasm running")),
            "widgets' own work after Python is up":
                at(cold, "python: vein-valve-ready") - at(cold, "python: packages"),
        }
        parts["overhead without the interpreter-start noise"] = (
            sum(parts.values()) - parts["interpreter start slower (same code; noise)"])
        return parts

    def report(self) -> str:
        overhead = self.cold_ready_ms - self.bare_boot_ms
        lines = [
            "Second Heart widgets benchmark (Chromium, local server, cold cache)",
            f"  cold: navigation -> vein-valve ready      {self.cold_ready_ms:8.0f} ms",
            f"  bare Pyodide boot (same server, worker)   {self.bare_boot_ms:8.0f} ms"
            f"   (mean of {' and '.join(f'{b:.0f}' for b in self.bare_boots)}: before and after)",
            f"  overhead over bare boot                   {overhead:8.0f} ms   (target <= 300)",
            f"  warm: instant navigation -> ready         {self.warm_ready_ms:8.0f} ms   (target <= 150)",
            f"  longest main-thread task while loading    {self.longest_task_ms:8.0f} ms"
            f"   [{len(self.long_tasks)} long task(s) in all]",
            f"  ... of those, after Python started        {self.longest_task_after_start_ms:8.0f} ms"
            "   (target <= 50)",
            f"  bytes transferred (cold page)             {self.bytes_transferred / 1e6:8.2f} MB"
            f" in {self.requests} requests",
            f"  layout shift on the widget page (CLS)     {self.layout_shift:8.3f}",
            f"  pyodide.asm.wasm requests after nav       {self.wasm_requests_after_navigation:8d}",
            f"  plain page ({self.plain_page}): {self.plain_requests} requests,"
            f" {self.plain_bytes / 1e3:.1f} kB; widget files: {self.plain_widget_requests} requests,"
            f" {self.plain_widget_bytes / 1e3:.1f} kB"
            + (f" ({', '.join(self.plain_widget_files)})" if self.plain_widget_files else ""),
            f"  animation frame time median / p95         {self.frame_median_ms:5.1f}"
            f" / {self.frame_p95_ms:.1f} ms"
            f"   (target p95 <= 16.7; {self.frames} frames, {self.frames_over_20_ms} over 20 ms)",
            "  overhead over bare boot, by part (ms):",
            *(f"    {name:58s}{ms:8.0f}" for name, ms in self.overhead_parts().items()),
            "  cold start by step (ms):",
            *(f"    {name:40s}{ms:8.0f}" for name, ms in self.cold_steps().items()),
            "  bare boot by step (ms, mean of both):",
            *(f"    {name:40s}{ms:8.0f}" for name, ms in self.bare_steps().items()),
            "  bare boot timeline (ms since navigation start, mean of both):",
            *(f"    {name:34s}{statistics.fmean(ats):8.0f}" for name, ats in self.bare_marks.items()),
            "  cold timeline (ms since navigation start):",
            *(f"    {name:34s}{at:8.0f}" for name, at in sorted(self.marks.items(), key=lambda m: m[1])),
            *(f"    long task at {start:.0f} ms lasting {duration:.0f} ms"
              for start, duration in zip(self.long_task_starts, self.long_tasks, strict=True)),
            "  warm timeline (ms since the click):",
            *(f"    {name:34s}{at:8.0f}" for name, at in sorted(self.warm_marks.items(), key=lambda m: m[1])),
        ]
        return "\n".join(lines)


def _wait_ready(page: Any, selector: str, timeout_ms: float) -> None:
    page.wait_for_function(
        """(sel) => { const el = document.querySelector(sel);
             if (el && el.dataset.state === "error") throw new Error("widget error: " +
               (el.querySelector(".sh-widget__message-text")?.textContent || ""));
             return el && el.dataset.state === "ready"; }""",
        arg=selector,
        timeout=timeout_ms,
    )


def _bare_boot(browser: Any, base: str, timeout_ms: float, result: BenchResult) -> None:
    """Navigation to a booted bare Pyodide (the bench's own page), in a fresh context."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + BARE_PAGE.lstrip("/"))
        page.wait_for_function("() => window.bareBoot", timeout=timeout_ms)
        result.bare_boots.append(float(page.evaluate("() => window.bareBoot.total")))
        for name, at in page.evaluate("() => window.bareBoot.marks").items():
            result.bare_marks.setdefault(name, []).append(float(at))
    finally:
        context.close()


def _plain_page(browser: Any, url: str, result: BenchResult) -> None:
    """Load a page without widgets in a fresh context; count everything it fetched."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[tuple[str, int]] = []

    def on_finished(request: Any) -> None:
        with contextlib.suppress(Exception):
            fetched.append((request.url, int(request.sizes()["responseBodySize"])))

    page.on("requestfinished", on_finished)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # anything a script asks for after the network went quiet
    context.close()
    widget = [(u, n) for u, n in fetched if any(p in urlsplit(u).path for p in WIDGET_PATHS)]
    result.plain_requests = len(fetched)
    result.plain_bytes = sum(n for _, n in fetched)
    result.plain_widget_requests = len(widget)
    result.plain_widget_bytes = sum(n for _, n in widget)
    result.plain_widget_files = [urlsplit(u).path.rsplit("/", 1)[-1] for u, _ in widget]


def run_widgets_bench(site: Path, demo: str = "demo/", second: str = "topics/how-veins-and-valves-work/",
                      seconds: float = 5.0, timeout_s: float = 120.0,
                      plain: str = "topics/what-is-the-calf-muscle-pump/") -> BenchResult:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise RuntimeError("Playwright is not installed; it is a test extra: "
                           "run `.venv/bin/pip install -e '.[test]'` (./dev test does it)") from err

    result = BenchResult()
    timeout_ms = timeout_s * 1000
    with serve(site, pages={BARE_PAGE: _BARE_HTML}) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            # A bare boot before the widget page and one after it, each in its own context
            # (cold cache too): their mean is what the widget page is compared with, so
            # a machine that gets busier or quieter during the run shifts both alike.
            _bare_boot(browser, base, timeout_ms, result)

            context = browser.new_context()
            context.add_init_script(_OBSERVE_JS)
            page = context.new_page()
            sizes: list[int] = []
            wasm_urls: list[str] = []

            def on_finished(request: Any) -> None:
                with contextlib.suppress(Exception):
                    sizes.append(int(request.sizes()["responseBodySize"]))
                if request.url.endswith("pyodide.asm.wasm"):
                    wasm_urls.append(request.url)

            page.on("requestfinished", on_finished)
            serve_sitemap_locally(page, base)
            page.goto(base + demo)
            # Scroll the widget into view: that is the intent that starts Python.
            page.locator('[data-widget="vein-valve"]').scroll_into_view_if_needed()
            _wait_ready(page, '[data-widget="vein-valve"]', timeout_ms)
            marks = page.evaluate(
                """() => Object.fromEntries(performance.getEntriesByType("mark")
                     .filter(m => m.name.startsWith("second-heart:"))
                     .map(m => [m.name.slice(13), m.startTime]))"""
            )
            nav = page.evaluate(
                """() => { const n = performance.getEntriesByType("navigation")[0];
                     return {"page: DOMContentLoaded": n.domContentLoadedEventEnd,
                             "page: load": n.loadEventEnd}; }"""
            )
            result.marks = {
                **{k: float(v) for k, v in nav.items()},
                **{f"python: {k}": float(v) for k, v in marks.items()},
            }
            result.cold_ready_ms = float(marks["vein-valve-ready"])
            page.wait_for_timeout(300)  # let the long-task observer deliver
            tasks = page.evaluate("() => window.__bench.longtasks")
            result.long_tasks = [float(t["duration"]) for t in tasks]
            result.long_task_starts = [float(t["start"]) for t in tasks]
            # A task that began before Python was asked for is the page's own (Material's
            # bundle, layout); one that ends after it could be ours.
            started = result.marks.get("python: start", 0.0)
            result.longest_task_after_start_ms = max(
                (float(t["duration"]) for t in tasks if t["start"] + t["duration"] > started), default=0.0
            )
            result.longest_task_ms = max(result.long_tasks, default=0.0)
            result.bytes_transferred = sum(sizes)
            result.requests = len(sizes)
            result.layout_shift = float(page.evaluate("() => window.__bench.shift"))

            # Animation: walk and measure frame intervals.
            page.select_option('[data-widget="vein-valve"] select[name="activity"]', "walk")
            page.wait_for_timeout(500)
            frames = page.evaluate(_FRAMES_JS, seconds)
            if frames:
                ordered = sorted(frames)
                result.frames = len(ordered)
                result.frame_median_ms = statistics.median(ordered)
                result.frame_p95_ms = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
                result.frames_over_20_ms = sum(1 for f in ordered if f > 20.0)

            # Warm: instant navigation to the second widget page via a link in the page.
            wasm_before = len(wasm_urls)
            # Any visible link to the page: in the text, or Material's navigation.
            link = page.locator(f'a[href*="{second.rstrip("/")}"]:visible').first
            # Material changes the URL before it swaps the content: mark the old widget so
            # the wait below cannot be satisfied by it.
            page.evaluate(
                "() => document.querySelectorAll('[data-widget]').forEach(e => e.dataset.benchOld = '1')"
            )
            link.click()
            page.wait_for_url(f"**/{second}")
            _wait_ready(page, '[data-widget="vein-valve"]:not([data-bench-old])', timeout_ms)
            if not page.evaluate("() => window.__bench !== undefined"):
                raise RuntimeError(
                    f"clicking the link to {second} reloaded the page: instant navigation is off"
                )
            result.warm_ready_ms = float(page.evaluate(
                """() => performance.getEntriesByName("second-heart:vein-valve-ready").at(-1).startTime
                         - window.__bench.clicks.at(-1)"""
            ))
            # What happened after the click: the marks made since, and when Material's
            # instant navigation fetched the page (its resource timing).
            page.wait_for_timeout(300)
            result.warm_marks = {k: float(v) for k, v in page.evaluate(
                """(second) => { const click = window.__bench.clicks.at(-1);
                     const out = {};
                     for (const m of performance.getEntriesByType("mark"))
                       if (m.name.startsWith("second-heart:") && m.startTime >= click)
                         out["python: " + m.name.slice(13)] = m.startTime - click;
                     const fetched = performance.getEntriesByType("resource")
                       .filter(r => r.startTime >= click && r.name.includes(second));
                     if (fetched.length) out["page: fetched"] = fetched[0].responseEnd - click;
                     window.__bench.longtasks.filter(t => t.start >= click).forEach((t, i) => {
                       const name = `page: long task ${i + 1} (${Math.round(t.duration)} ms) starts`;
                       out[name] = t.start - click; });
                     return out; }""",
                second.rstrip("/"),
            ).items()}
            result.wasm_requests_after_navigation = len(wasm_urls) - wasm_before
            context.close()

            _bare_boot(browser, base, timeout_ms, result)
            result.bare_boot_ms = statistics.fmean(result.bare_boots)
            result.plain_page = plain
            _plain_page(browser, base + plain, result)
        finally:
            browser.close()
    return result


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.widgets_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    widgets = sub.add_parser("widgets", help="load and animation figures for the Python widgets")
    widgets.add_argument("--site", type=Path, default=REPO / "site",
                         help="built site folder (default: site/)")
    widgets.add_argument("--demo", default="demo/", help="first widget page, relative to the site root")
    widgets.add_argument("--second", default="topics/how-veins-and-valves-work/",
                         help="widget page reached by instant navigation from the first")
    widgets.add_argument("--plain", default="topics/what-is-the-calf-muscle-pump/",
                         help="a page without widgets, to count what it fetches")
    widgets.add_argument("--seconds", type=float, default=5.0, help="how long to measure frames")
    widgets.add_argument("--runs", type=int, default=1, help="repeat, then also print medians")
    widgets.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(list(argv))
    results = []
    for run in range(args.runs):
        try:
            result = run_widgets_bench(args.site, args.demo, args.second, args.seconds, plain=args.plain)
        except (FileNotFoundError, TimeoutError, RuntimeError) as err:
            print(f"widgets bench: {err}")
            return 1
        except Exception as err:  # Playwright's own errors: report plainly, not as a traceback
            print(f"widgets bench: the browser run failed: {err}")
            return 1
        results.append(result)
        if args.json:
            print(json.dumps(result.__dict__, indent=1))
        else:
            print(f"run {run + 1} of {args.runs}\n{result.report()}")
    if args.runs > 1 and not args.json:
        print(median_report(results))
    return 0


def median_report(results: list[BenchResult]) -> str:
    """Medians (and ranges) over runs: single runs swing a lot on a busy machine."""

    def fig(values: list[float], fmt: str = ".0f") -> str:
        return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"

    def of(name: str) -> list[float]:
        return [float(getattr(r, name)) for r in results]

    overhead = [r.cold_ready_ms - r.bare_boot_ms for r in results]
    last = results[-1]
    return "\n".join([
        f"medians (and ranges) of {len(results)} runs",
        f"  cold ready {fig(of('cold_ready_ms'))} ms, bare boot {fig(of('bare_boot_ms'))} ms",
        f"  overhead over bare boot {fig(overhead)} ms (target <= 300)",
        f"  warm ready {fig(of('warm_ready_ms'))} ms (target <= 150)",
        f"  longest main-thread task {fig(of('longest_task_ms'))} ms;"
        f" after Python start {fig(of('longest_task_after_start_ms'))} ms (target <= 50)",
        f"  bytes (cold widget page) {statistics.median(of('bytes_transferred')) / 1e6:.2f} MB"
        f" in {statistics.median(of('requests')):.0f} requests",
        f"  layout shift on the widget page {fig(of('layout_shift'), '.3f')}",
        f"  plain page ({last.plain_page}): {statistics.median(of('plain_requests')):.0f} requests,"
        f" {statistics.median(of('plain_bytes')) / 1e3:.1f} kB; widget files"
        f" {statistics.median(of('plain_widget_requests')):.0f} requests,"
        f" {statistics.median(of('plain_widget_bytes')) / 1e3:.1f} kB",
        f"  frame p95 {fig(of('frame_p95_ms'), '.1f')} ms (target <= 16.7)",
        "  overhead over bare boot, by part (medians of per-run differences, ms):",
        *(f"    {name:58s}{fig([r.overhead_parts()[name] for r in results])}"
          for name in results[0].overhead_parts()),
        "  cold start by step (ms)",
        *(f"    {name:40s}{fig([r.cold_steps().get(name, float('nan')) for r in results])}"
          for name, _start, _end in COLD_STEPS),
        "  bare boot by step (ms)",
        *(f"    {name:40s}{fig([r.bare_steps().get(name, float('nan')) for r in results])}"
          for name, _start, _end in BARE_STEPS),
    ])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
