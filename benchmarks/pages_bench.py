"""How fast the pages load on a phone, beside stock MkDocs Material with the same Markdown.

One run builds two sites from today's content, serves each gzip-compressed on 127.0.0.1
(as a real static host does), runs Lighthouse (the pinned npm package, mobile form
factor, simulated throttling: its defaults) against the same pages of both with the
system Chromium, and prints per page: the performance score, first and largest
contentful paint, total blocking time, layout shift, bytes transferred and requests, and
what of that is fonts, chart code (plotly.js) and widget or Pyodide files.

* ours:  ``second-heart build`` into a temporary folder (or ``--site``, a site built before);
* stock: the Markdown our generator writes, built by MkDocs Material with nothing of ours:
  no theme overrides, hooks, scripts or styles; ``theme.font: false`` (Material's default
  loads Roboto from Google's servers, which a site held to "no other hosts" cannot use,
  and which this machine cannot reach), the search plugin and the same Markdown extensions.

Run from the project folder (needs ``npm ci`` for Lighthouse and a Chromium):

    .venv/bin/python -m benchmarks.pages_bench [--runs N] [--site DIR] [--json]

Figures depend on the machine: it prints them and never asserts on them. Targets (issue
#12): an article at least as good as stock on every figure; the chart page's score 0.95
or more. Library code raises; only ``main`` prints and chooses the exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.harness import CHROMIUM_ARGS, chromium_path, serve
from generators.errors import SecondHeartError

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"

#: The pages measured (label, address under the site root): an article with no chart or
#: widget, the chart page, and the two widget pages.
PAGES = (
    ("article", "topics/what-is-the-calf-muscle-pump/"),
    ("chart page", "topics/how-veins-and-valves-work/"),
    ("demo", "demo/"),
    ("checklist", "checklist/"),
)

#: The stock build: Material as it comes, on the same Markdown (see the module docstring).
_STOCK_CONFIG = """site_name: Second Heart
docs_dir: {docs}
site_dir: {site}
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.snippets:
      base_path: [{includes}]
      auto_append: [abbreviations.md]
      check_paths: true
"""


@dataclass
class PageFigures:
    """One Lighthouse run of one page. Times in ms, sizes in bytes as transferred."""

    score: float
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    bytes: int
    requests: int
    font_bytes: int
    plotly_bytes: int
    widget_bytes: int


def figures_from_report(report: dict[str, Any]) -> PageFigures:
    """The figures this bench prints, from a Lighthouse JSON report."""
    audits = report["audits"]
    if report.get("runtimeError") or audits["largest-contentful-paint"].get("numericValue") is None:
        error = report.get("runtimeError", {}).get("message", "no largest contentful paint")
        raise RuntimeError(f"Lighthouse could not measure {report.get('requestedUrl')}: {error}")
    requests = audits["network-requests"]["details"]["items"]

    def sent(match: str) -> int:
        return sum(int(r.get("transferSize") or 0) for r in requests if match in r["url"])

    return PageFigures(
        score=float(report["categories"]["performance"]["score"]),
        fcp_ms=float(audits["first-contentful-paint"]["numericValue"]),
        lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
        tbt_ms=float(audits["total-blocking-time"]["numericValue"]),
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=sum(1 for r in requests if not r["url"].startswith("data:")),
        font_bytes=sent("/assets/fonts/"),
        plotly_bytes=sent("plotly"),
        widget_bytes=sent("/assets/widgets/") + sent("/assets/pyodide/"),
    )


def lighthouse(url: str, chromium: str, keep: Path | None = None) -> PageFigures:
    """One Lighthouse run (mobile, simulated throttling) of ``url``; its JSON report is
    copied to ``keep`` when given (for bootup-time, long tasks, network requests...)."""
    if not LIGHTHOUSE.is_file():
        raise FileNotFoundError(f"{LIGHTHOUSE} is missing. Fix: run 'npm ci' in the project folder")
    flags = " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless=new") + " --headless=new"
    with tempfile.TemporaryDirectory(prefix="pages-bench-lh-") as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance", f"--chrome-flags={flags}"],
            env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300,
        )
        if done.returncode != 0 or not out.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}: {done.stderr.strip()[-600:]}")
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, keep)
        return figures_from_report(json.loads(out.read_text("utf-8")))


def build_ours(into: Path) -> Path:
    from generators.build import build_site

    return build_site(REPO, into).site_dir


def build_stock(work: Path) -> Path:
    """Our generated Markdown (written into ``work``, never build/docs), built by stock Material."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generators.build import generate

    docs, site, includes = work / "docs", work / "stock-site", work / "includes"
    generate(REPO, docs)  # writes the pages into docs/ and abbreviations.md into includes/
    # The embed views (embed/**) use our theme's embed.html, which stock Material has not;
    # they are not measured, so the stock site goes without them.
    shutil.rmtree(docs / "embed", ignore_errors=True)
    config_file = work / "stock-mkdocs.yml"
    config_file.write_text(_STOCK_CONFIG.format(docs=docs, site=site, includes=includes), "utf-8")
    mkdocs_build(load_config(str(config_file)))
    return site


def measure(site: Path, stock: Path, runs: int,
            reports: Path | None = None) -> dict[str, dict[str, list[PageFigures]]]:
    """{page label: {"ours" | "stock": [figures per run]}}; with ``reports``, every run's
    Lighthouse JSON is kept there as ``<page>-<build>-<run>.json``."""
    chromium = chromium_path()
    results: dict[str, dict[str, list[PageFigures]]] = {
        label: {"ours": [], "stock": []} for label, _ in PAGES}
    with serve(site, gzip=True) as ours_base, serve(stock, gzip=True) as stock_base:
        for run in range(runs):
            for label, path in PAGES:
                for build, base in (("ours", ours_base), ("stock", stock_base)):
                    keep = (reports / f"{label.replace(' ', '-')}-{build}-{run + 1}.json"
                            if reports else None)
                    results[label][build].append(lighthouse(base + path, chromium, keep))
    return results


def median(figures: list[PageFigures]) -> PageFigures:
    """Each figure's median over the runs (so a row may mix runs)."""
    columns = asdict(figures[0]).keys()
    values = {c: statistics.median(getattr(f, c) for f in figures) for c in columns}
    return PageFigures(**{c: type(getattr(figures[0], c))(v) for c, v in values.items()})


def report(results: dict[str, dict[str, list[PageFigures]]], runs: int) -> str:
    head = (f"{'page':<11} {'build':<6} {'perf':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} "
            f"{'KB':>7} {'req':>4} {'font KB':>8} {'plotly KB':>9} {'widget KB':>9}")
    lines = [f"Lighthouse {_lighthouse_version()}, mobile, simulated throttling, gzip; "
             f"median of {runs} run(s) per page", head, "-" * len(head)]
    for label, _path in PAGES:
        rows = {build: median(results[label][build]) for build in ("ours", "stock")}
        for build, f in rows.items():
            lines.append(f"{label:<11} {build:<6} {f.score:>5.2f} {f.fcp_ms:>7.0f} {f.lcp_ms:>7.0f} "
                         f"{f.tbt_ms:>7.0f} {f.cls:>6.3f} {f.bytes / 1024:>7.1f} {f.requests:>4} "
                         f"{f.font_bytes / 1024:>8.1f} {f.plotly_bytes / 1024:>9.1f} "
                         f"{f.widget_bytes / 1024:>9.1f}")
        ours, stock = rows["ours"], rows["stock"]
        lines.append(f"{'':<11} {'ratio':<6} {_ratio(ours.score, stock.score):>5} "
                     f"{_ratio(ours.fcp_ms, stock.fcp_ms):>7} {_ratio(ours.lcp_ms, stock.lcp_ms):>7} "
                     f"{_ratio(ours.tbt_ms, stock.tbt_ms):>7} {'':>6} {_ratio(ours.bytes, stock.bytes):>7}")
    return "\n".join(lines)


def _ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}" if stock else "-"


def _lighthouse_version() -> str:
    package = LIGHTHOUSE.parents[1] / "package.json"
    return str(json.loads(package.read_text("utf-8")).get("version", "?")) if package.is_file() else "?"


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site built before (default: build one now)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (medians printed)")
    parser.add_argument("--json", action="store_true", help="print every run's figures as JSON")
    parser.add_argument("--reports", type=Path,
                        help="keep every Lighthouse JSON report in this folder (to inspect "
                             "bootup-time, long tasks and network requests)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pages-bench-"))
    try:
        site = args.site or build_ours(work / "ours")
        stock = build_stock(work)
        results = measure(site, stock, max(1, args.runs), args.reports)
    except (OSError, RuntimeError, subprocess.SubprocessError, SecondHeartError) as err:
        print(f"pages bench: {err}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps({label: {b: [asdict(f) for f in runs] for b, runs in builds.items()}
                          for label, builds in results.items()}, indent=1))
    else:
        print(report(results, max(1, args.runs)))
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
