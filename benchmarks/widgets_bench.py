"""How fast the in-browser Python widgets load and animate.

Serves the built site/ on 127.0.0.1, drives Chromium (Playwright) and prints:

* cold load: navigation to the demo widget's data-state="ready", empty cache;
* bare Pyodide boot in the same browser and server (a minimal page, not part of site/),
  so the difference is what the widgets add;
* warm load: the second widget page after Material's instant navigation;
* the longest main-thread task while loading (PerformanceObserver "longtask");
* bytes transferred;
* animation frame times (median and 95th percentile) while walking.

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

from benchmarks.harness import CHROMIUM_ARGS, chromium_path, serve, serve_sitemap_locally

REPO = Path(__file__).resolve().parents[1]
#: Where the bench's own minimal page lives on the local server (never written to site/).
BARE_PAGE = "/__bench__/bare.html"

# The bare page boots Pyodide in a module worker from the site's own copy, exactly as the
# widgets do, but loads no packages and runs no project code.
_BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
const base = new URL("/assets/pyodide/", location).href;
const code = `import { loadPyodide } from "${base}pyodide.mjs";
const t0 = performance.now();
const py = await loadPyodide({indexURL: "${base}", packageBaseUrl: "${base}",
  lockFileURL: "${base}pyodide-lock.json"});
py.runPython("1+1");
postMessage(performance.now() - t0);`;
const url = URL.createObjectURL(new Blob([code], {type: "text/javascript"}));
const started = performance.now();
const worker = new Worker(url, {type: "module"});
worker.onmessage = (e) => { window.bareBoot = {total: performance.now(), inWorker: e.data}; };
</script>"""

# Long tasks and frames are recorded from the first script on; read back by the bench.
_OBSERVE_JS = """
window.__bench = {longtasks: [], clicks: []};
document.addEventListener("click", () => window.__bench.clicks.push(performance.now()), true);
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__bench.longtasks.push({start: e.startTime, duration: e.duration});
    }
  }).observe({type: "longtask", buffered: true});
} catch (e) {}
"""

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
    longest_task_after_start_ms: float = 0.0
    long_task_starts: list[float] = field(default_factory=list)

    def report(self) -> str:
        overhead = self.cold_ready_ms - self.bare_boot_ms
        lines = [
            "Second Heart widgets benchmark (Chromium, local server, cold cache)",
            f"  cold: navigation -> vein-valve ready      {self.cold_ready_ms:8.0f} ms",
            f"  bare Pyodide boot (same server, worker)   {self.bare_boot_ms:8.0f} ms",
            f"  overhead over bare boot                   {overhead:8.0f} ms   (target <= 300)",
            f"  warm: instant navigation -> ready         {self.warm_ready_ms:8.0f} ms   (target <= 150)",
            f"  longest main-thread task while loading    {self.longest_task_ms:8.0f} ms"
            f"   [{len(self.long_tasks)} long task(s) in all]",
            f"  ... of those, after Python started        {self.longest_task_after_start_ms:8.0f} ms"
            "   (target <= 50)",
            f"  bytes transferred (cold page)             {self.bytes_transferred / 1e6:8.2f} MB"
            f" in {self.requests} requests",
            f"  pyodide.asm.wasm requests after nav       {self.wasm_requests_after_navigation:8d}",
            f"  animation frame time median / p95         {self.frame_median_ms:5.1f}"
            f" / {self.frame_p95_ms:.1f} ms"
            f"   (target p95 <= 16.7; {self.frames} frames, {self.frames_over_20_ms} over 20 ms)",
            "  cold timeline (ms since navigation start):",
            *(f"    {name:34s}{at:8.0f}" for name, at in sorted(self.marks.items(), key=lambda m: m[1])),
            *(f"    long task at {start:.0f} ms lasting {duration:.0f} ms"
              for start, duration in zip(self.long_task_starts, self.long_tasks, strict=True)),
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


def run_widgets_bench(site: Path, demo: str = "demo/", second: str = "topics/how-veins-and-valves-work/",
                      seconds: float = 5.0, timeout_s: float = 120.0) -> BenchResult:
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
            # Bare boot first, in its own context (cold cache too).
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + BARE_PAGE.lstrip("/"))
            page.wait_for_function("() => window.bareBoot", timeout=timeout_ms)
            result.bare_boot_ms = float(page.evaluate("() => window.bareBoot.total"))
            context.close()

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
            result.wasm_requests_after_navigation = len(wasm_urls) - wasm_before
            context.close()
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
    widgets.add_argument("--seconds", type=float, default=5.0, help="how long to measure frames")
    widgets.add_argument("--runs", type=int, default=1, help="repeat, then also print medians")
    widgets.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(list(argv))
    results = []
    for run in range(args.runs):
        try:
            result = run_widgets_bench(args.site, args.demo, args.second, args.seconds)
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
    """Medians over runs: single runs swing a lot on a busy machine."""

    def med(name: str) -> float:
        return float(statistics.median(getattr(r, name) for r in results))

    overhead = statistics.median(r.cold_ready_ms - r.bare_boot_ms for r in results)
    return "\n".join([
        f"medians of {len(results)} runs",
        f"  cold ready {med('cold_ready_ms'):.0f} ms, bare boot {med('bare_boot_ms'):.0f} ms, "
        f"overhead {overhead:.0f} ms (target <= 300)",
        f"  warm ready {med('warm_ready_ms'):.0f} ms (target <= 150)",
        f"  longest task after Python start {med('longest_task_after_start_ms'):.0f} ms (target <= 50)",
        f"  frame p95 {med('frame_p95_ms'):.1f} ms (target <= 16.7)",
    ])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
