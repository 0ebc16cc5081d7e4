"""Every speed figure of issue #12 from one run, in one table.

    .venv/bin/python -m benchmarks [--runs N] [--serve-edits N] [--json]

One run on this machine, in this order (each part is its own script too; see their
docstrings for what exactly they measure):

1. the build (``benchmarks/build_bench.py``) on a copy of the project: without the model
   cache (the baseline, as before #12), cold (a fresh clone's empty cache), warm;
2. ``second-heart serve``: a content edit until the browser shows it;
3. the offline precache the warm build wrote: files and bytes gzip-compressed;
4. Lighthouse (``benchmarks/pages_bench.py``) on that warm build and on stock MkDocs
   Material built from the same Markdown: an article, the chart page, the demo, the checklist;
5. the widgets (``benchmarks/widgets_bench.py``) on that warm build: cold and warm start
   beside a bare Pyodide boot in the same browser.

It prints figures, ratios against the baseline measured in the same run, and whether each
meets the issue's target; it never fails on a figure (the exit code says only whether every
part ran). The load average is printed before and after: on a busy machine every figure is
slower, which is why each is set beside a baseline from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import build_bench, pages_bench, widgets_bench

#: Issue #12's targets, as (figure, target, how it is met).
BUILD_TARGET_S = 8.0
SERVE_TARGET_S = 1.5
PRECACHE_TARGET_KB = 1024.0
WIDGET_COLD_OVER_BARE_MS = 300.0
WIDGET_WARM_MS = 150.0
CHART_PAGE_SCORE = 0.95


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"


def build_part(work: Path, runs: int, serve_edits: int) -> tuple[Path, dict[str, Any]]:
    """The build, serve and precache figures; the warm build's site for the browser parts."""
    project = build_bench.project_copy(work)
    times = build_bench.build_times(project, runs, work)
    figures: dict[str, Any] = {"build": {label: {"command s": statistics.median(w for w, _ in rows),
                                                 "build s": statistics.median(r for _, r in rows)}
                                         for label, rows in times.items()}}
    if serve_edits:
        served = build_bench.serve_latency(project, serve_edits)
        figures["serve"] = {"edit to browser, s": served["edit to browser, s"],
                            "median s": statistics.median(served["edit to browser, s"])}
    site = work / "site"
    figures["precache"] = build_bench.precache(project, site)
    return site, figures


def pages_part(work: Path, site: Path, runs: int) -> dict[str, Any]:
    stock = pages_bench.build_stock(work)
    results = pages_bench.measure(site, stock, runs)
    return {label: {build: asdict(pages_bench.median(figs)) for build, figs in builds.items()}
            for label, builds in results.items()}


def widgets_part(site: Path, runs: int) -> dict[str, Any]:
    results = [widgets_bench.run_widgets_bench(site, plain=pages_bench.PAGES[0][1]) for _ in range(runs)]
    cold = [r.cold_ready_ms for r in results]
    bare = [r.bare_boot_ms for r in results]
    return {"cold ready ms": statistics.median(cold), "bare boot ms": statistics.median(bare),
            "cold over bare ms": statistics.median(c - b for c, b in zip(cold, bare, strict=True)),
            "warm ready ms": statistics.median(r.warm_ready_ms for r in results),
            "plain page widget requests": statistics.median(r.plain_widget_requests for r in results),
            "plain page widget bytes": statistics.median(r.plain_widget_bytes for r in results),
            "plain page widget files": results[-1].plain_widget_files,
            "runs": len(results)}


def _build_lines(figures: dict[str, Any]) -> list[str]:
    build = figures["build"]
    base = build["baseline (no model cache)"]["command s"]
    lines = ["Build (second-heart build --no-handouts, on a copy of the project; median)",
             f"  {'':28s} {'command s':>9} {'build s':>8} {'vs baseline':>11}"]
    for label, row in build.items():
        target = ""
        if label == "warm":
            target = f"  target <= {BUILD_TARGET_S:g} s, met: {_met(row['build s'] <= BUILD_TARGET_S)}"
        lines.append(f"  {label:28s} {row['command s']:9.2f} {row['build s']:8.2f} "
                     f"{row['command s'] / base:10.2f}x{target}")
    if "serve" in figures:
        serve = figures["serve"]
        each = ", ".join(f"{s:.2f}" for s in serve["edit to browser, s"])
        lines.append(f"Serve: a content edit shown in the browser after {each} s; median "
                     f"{serve['median s']:.2f} s (target <= {SERVE_TARGET_S:g} s, "
                     f"met: {_met(serve['median s'] <= SERVE_TARGET_S)})")
    pre = figures["precache"]
    kb = pre["gzip"] / 1024
    lines.append(f"Offline precache (the larger of {pre['workers']} language workers): "
                 f"{pre['files']:.0f} files, {kb:.0f} KB gzip "
                 f"(target about {PRECACHE_TARGET_KB:.0f} KB, met: {_met(kb <= PRECACHE_TARGET_KB)})")
    return lines


def _page_target(label: str, ours: dict[str, Any], stock: dict[str, Any]) -> str:
    if label == "article":
        ok = (ours["score"] >= stock["score"] and ours["lcp_ms"] <= stock["lcp_ms"]
              and ours["tbt_ms"] <= stock["tbt_ms"] and ours["bytes"] <= stock["bytes"])
        return f"every figure as good as stock, met: {_met(ok)}"
    if label == "chart page":
        return f"perf >= {CHART_PAGE_SCORE}, met: {_met(ours['score'] >= CHART_PAGE_SCORE)}"
    return ""


def _pages_lines(figures: dict[str, Any]) -> list[str]:
    lines = [f"Pages (Lighthouse, mobile, simulated throttling, gzip; median of {figures['runs']}), "
             "each figure ours|stock",
             f"  {'page':11s} {'perf':>11} {'LCP ms':>13} {'TBT ms':>11} {'KB':>13}  target"]
    for label, rows in figures["pages"].items():
        o, s = rows["ours"], rows["stock"]
        lines.append(f"  {label:11s} {o['score']:5.2f}|{s['score']:<5.2f} "
                     f"{o['lcp_ms']:6.0f}|{s['lcp_ms']:<6.0f} {o['tbt_ms']:5.0f}|{s['tbt_ms']:<5.0f} "
                     f"{o['bytes'] / 1024:6.0f}|{s['bytes'] / 1024:<6.0f}  {_page_target(label, o, s)}")
    return lines


def _widget_lines(w: dict[str, Any]) -> list[str]:
    over, warm = w["cold over bare ms"], w["warm ready ms"]
    return [f"Widgets (Chromium, local server; median of {w['runs']})",
            f"  bare Pyodide boot {w['bare boot ms']:.0f} ms; the demo, cold, ready after "
            f"{w['cold ready ms']:.0f} ms: {over:.0f} ms over the bare boot "
            f"(target <= {WIDGET_COLD_OVER_BARE_MS:g}, met: {_met(over <= WIDGET_COLD_OVER_BARE_MS)})",
            f"  warm, after instant navigation: {warm:.0f} ms "
            f"(target <= {WIDGET_WARM_MS:g}, met: {_met(warm <= WIDGET_WARM_MS)})",
            f"  a page without widgets: {w['plain page widget requests']:.0f} widget or Pyodide requests, "
            f"{w['plain page widget bytes']:.0f} bytes ({', '.join(w['plain page widget files']) or 'none'})"]


def table(figures: dict[str, Any]) -> str:
    return "\n".join([*_build_lines(figures), *_pages_lines(figures), *_widget_lines(figures["widgets"])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="repeat each measurement (medians printed)")
    parser.add_argument("--serve-edits", type=int, default=3,
                        help="content edits to time under serve (0: none)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON after the table")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    started = time.perf_counter()
    load_before = build_bench.load()
    with tempfile.TemporaryDirectory(prefix="benchmarks-") as temp:
        work = Path(temp)
        try:
            print("1-3 of 5: build, serve, precache ...", file=sys.stderr, flush=True)
            site, figures = build_part(work, runs, args.serve_edits)
            print("4 of 5: Lighthouse, ours and stock Material ...", file=sys.stderr, flush=True)
            figures["pages"] = pages_part(work, site, runs)
            print("5 of 5: widgets ...", file=sys.stderr, flush=True)
            figures["widgets"] = widgets_part(site, runs)
        except (OSError, RuntimeError, TimeoutError) as err:
            print(f"benchmarks: a part could not run: {err}", file=sys.stderr)
            return 1
    figures["runs"] = runs
    print(f"Second Heart benchmarks, {time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores; "
          f"load average (1, 5, 15 min) before {load_before}, after {build_bench.load()}; "
          f"took {time.perf_counter() - started:.0f} s")
    print(table(figures))
    if args.json:
        print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
