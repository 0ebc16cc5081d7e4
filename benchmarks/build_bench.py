"""How long ``second-heart build`` takes, cold and warm, and what the offline copy weighs.

    .venv/bin/python -m benchmarks.build_bench [--runs N] [--skip-stages]

Prints, from one run on this machine (its load first: other work on a shared machine slows
every figure, which is why each is set beside a baseline measured in the same run):

- build time (the whole command, interpreter start included, and the build's own figure;
  ``--no-handouts``: printing the PDFs is Chromium's time, not the build's):
  * baseline: the model cache switched off (``SECOND_HEART_CACHE=off``), as before #12;
  * cold, fresh clone: an empty cache folder with no plan (the scenario reports run in
    parallel processes, the rest in-process);
  * cold, after a model change: an empty cache folder holding the last build's plan
    (every model run in parallel processes first);
  * warm: the same folder again (nothing to run);
- the stages of one warm build, timed in this process (content, charts, widgets, pages,
  MkDocs' Markdown, the offline worker): content/ is read once for every language; the
  stages after it are the first language's (the others build meanwhile in a process of
  their own, generators/build.py ``_Others``, which this timer does not see);
- Markdown per page: the glossary's abbreviations as one block (before #12) and one per
  block (now), over the generated pages, with the same HTML out;
- the offline precache: files, bytes, bytes gzip-compressed (under about 1 MB is the aim).

Builds run on a copy of the project in a temporary folder (content copied, code linked: its
own build lock and ``build/``), so nothing of this checkout's ``site/`` or ``build/`` is
touched and no one else's build is waited for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "generators.cli"]


def load() -> str:
    """The load average (1, 5, 15 minutes), as `uptime` shows it."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


#: What a project copy shares with this checkout (read-only) rather than copies.
SHARED = ("generators", "interactive", "node_modules", "pyproject.toml")


def project_copy(work: Path) -> Path:
    """A project of its own: content/ copied (a benchmark may edit it), the code linked. Its
    builds take its own lock and write its own build/, never this checkout's."""
    project = work / "project"
    project.mkdir()
    shutil.copytree(PROJECT / "content", project / "content")
    # MkDocs resolves the config file's path: a link would lead back to this checkout.
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    if (PROJECT / "clinics").is_dir():
        shutil.copytree(PROJECT / "clinics", project / "clinics")
    for name in SHARED:
        (project / name).symlink_to(PROJECT / name)
    (project / "build" / "docs").mkdir(parents=True)
    return project


def timed_build(project: Path, site: Path, cache: str) -> tuple[float, float]:
    """(wall seconds of the command, seconds the build reports)."""
    env = {**os.environ, "SECOND_HEART_CACHE": cache}
    started = time.perf_counter()
    # --no-handouts: printing the PDFs is Chromium's time (the handouts have their own figures)
    command = [*CLI, "--project", str(project), "build", "--site-dir", str(site), "--no-handouts"]
    done = subprocess.run(command, cwd=work_dir(site), env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stderr[-2000:]}")
    reported = re.search(r" in ([0-9.]+) s", done.stdout)
    return wall, float(reported.group(1)) if reported else float("nan")


def work_dir(site: Path) -> Path:
    return site.parent


def build_times(project: Path, runs: int, work: Path) -> dict[str, list[tuple[float, float]]]:
    site = work / "site"
    rows: dict[str, list[tuple[float, float]]] = {"baseline (no model cache)": [], "cold, fresh clone": [],
                                                  "cold, after a model change": [], "warm": []}
    for n in range(runs):
        rows["baseline (no model cache)"].append(timed_build(project, site, "off"))
        fresh = work / f"cache-fresh-{n}"
        rows["cold, fresh clone"].append(timed_build(project, site, str(fresh)))
        rows["warm"].append(timed_build(project, site, str(fresh)))
        changed = work / f"cache-changed-{n}"
        changed.mkdir()
        shutil.copy(fresh / "runs.json", changed / "runs.json")  # the plan survives a model edit
        rows["cold, after a model change"].append(timed_build(project, site, str(changed)))
    return rows


def stage_times(project: Path, work: Path) -> dict[str, float]:
    """One warm build in this process, each stage wrapped in a timer."""
    import mkdocs.structure.pages as mkdocs_pages

    import generators.build as build
    import generators.offline as offline
    import generators.pages.pages as pages

    spent: dict[str, float] = {}

    def wrap(owner: Any, name: str, label: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - started
        setattr(owner, name, timed)

    wrap(build, "load_languages", "stage 1: content (read, check)")
    wrap(build, "build_charts", "stage 2a: charts and tables")
    wrap(build, "build_widgets", "stage 2b: widgets")
    wrap(pages, "render_site", "stage 3: pages")
    wrap(build, "sync", "stage 4: write build/docs")
    wrap(mkdocs_pages.Page, "render", "MkDocs: Markdown to HTML")
    wrap(offline, "finish", "offline: manifest and worker")
    os.environ["SECOND_HEART_CACHE"] = str(work / "cache-fresh-0")
    started = time.perf_counter()
    build.build_site(project, work / "site", handouts=False)
    spent["whole build (in-process)"] = time.perf_counter() - started
    spent["pages built"] = float(len(list((work / "site").rglob("index.html"))))
    return spent


def markdown_per_page(project: Path) -> dict[str, float]:
    """ms per page over the generated pages, abbreviations in one block vs one per block."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    docs = project / "build" / "docs"
    pages = [path.read_text("utf-8") for path in sorted(docs.rglob("*.md"))]
    lines = [line for line in (project / "build" / "includes" / "abbreviations.md").read_text("utf-8")
             .splitlines() if line.strip()]
    out: dict[str, float] = {"pages": float(len(pages)), "abbreviations": float(len(lines))}
    html: dict[str, list[str]] = {}
    variants = (("one block (before)", "\n".join(lines)), ("one per block (now)", "\n\n".join(lines)))
    for label, text in variants:
        with tempfile.TemporaryDirectory() as includes:
            Path(includes, "abbreviations.md").write_text(text + "\n", encoding="utf-8")
            configs = dict(config.mdx_configs)
            configs["pymdownx.snippets"] = {**configs["pymdownx.snippets"], "base_path": [includes]}
            md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)
            started = time.perf_counter()
            html[label] = []
            for page in pages:
                md.reset()
                html[label].append(md.convert(page))
            out[label] = (time.perf_counter() - started) / max(1, len(pages)) * 1000
    out["same HTML"] = float(html["one block (before)"] == html["one per block (now)"])
    return out


def _sent_bytes(path: Path) -> int:
    """A file as a host sends it: text gzip-compressed, fonts and PNGs as they are."""
    data = path.read_bytes()
    return len(data) if path.suffix in (".woff2", ".png") else len(gzip.compress(data, 6))


def precache(project: Path, site: Path) -> dict[str, Any]:
    """What the built site's workers precache on a first visit, read from the ``sw.js`` the
    build wrote (one per language: a reader's first visit fetches one of them): files and
    bytes of the largest, and the runtime files each caches on the first widget start."""
    from generators.offline import WORKER

    workers = sorted(site.rglob(WORKER))
    if not workers:
        raise SystemExit(f"{site} has no {WORKER}: the build wrote no offline worker")
    sizes = []
    for worker in workers:
        urls = re.findall(r'"url":\s*"([^"]+)"', worker.read_text("utf-8"))
        files = [worker.parent / url for url in urls]
        sizes.append((sum(_sent_bytes(path) for path in files), sum(path.stat().st_size for path in files),
                      len(files), worker.parent.relative_to(site).as_posix() or "."))
    gz, raw, count, where = max(sizes)
    runtime = [path for path in (site / "assets" / "pyodide").glob("*") if path.is_file()]
    return {"files": count, "raw": raw, "gzip": gz, "workers": len(workers), "largest": where,
            "runtime files (cached on first widget start)": len(runtime)}


SERVE_PAGE = "topics/why-it-matters/"
SERVE_FILE = Path("content/en/topics/why-it-matters.yml")
SERVE_HEADING = '- heading: "Vein problems are common"'


def serve_latency(project: Path, edits: int) -> dict[str, Any]:
    """Seconds from saving a content edit to the browser showing it, under ``second-heart
    serve`` (its file watcher, the rebuild, the live reload), and MkDocs' own build time."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    from benchmarks.harness import CHROMIUM_ARGS, chromium_path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    log = (project.parent / "serve.log").open("w")
    print(f"serve log: {project.parent / 'serve.log'}", file=sys.stderr)
    server = subprocess.Popen([*CLI, "--project", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project.parent, stdout=log, stderr=subprocess.STDOUT)
    seconds: list[float] = []
    try:
        for _ in range(600):  # the first build, before the server answers
            try:
                urllib.request.urlopen(url + SERVE_PAGE, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        source = project / SERVE_FILE
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + SERVE_PAGE, wait_until="load")
            for n in range(edits):
                marker = f"Vein problems are common (edit {n + 1})"
                text = source.read_text("utf-8")
                edited = re.sub(r'- heading: "Vein problems are common[^"]*"', f'- heading: "{marker}"', text)
                started = time.perf_counter()
                source.write_text(edited, encoding="utf-8")
                page.wait_for_function("(m) => document.body && document.body.innerText.includes(m)",
                                       arg=marker, timeout=120_000, polling=20)
                seconds.append(time.perf_counter() - started)
                page.wait_for_load_state("load")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    built = [float(x) for x in re.findall(r"Documentation built in ([0-9.]+) seconds",
                                          (project.parent / "serve.log").read_text("utf-8"))]
    return {"edit to browser, s": seconds, "MkDocs rebuild, s": built[1:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=1, help="repeat each build this many times (median)")
    parser.add_argument("--skip-stages", action="store_true", help="no in-process stage timing")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--serve-edits", type=int, default=3,
                        help="content edits to time under `second-heart serve` (0: none)")
    parser.add_argument("--only-serve", action="store_true", help="time serve alone (no builds)")
    args = parser.parse_args(argv)
    print(f"load average (1, 5, 15 min) before: {load()}; cores: {os.cpu_count()}")
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="build-bench-") as temp:
        work = Path(temp)
        project = project_copy(work)
        if args.serve_edits:
            served = serve_latency(project, args.serve_edits)
            edits = served["edit to browser, s"]
            print(f"second-heart serve: content edit shown in the browser after "
                  f"{', '.join(f'{x:.2f}' for x in edits)} s (median {statistics.median(edits):.2f} s; "
                  f"MkDocs' own rebuild {', '.join(f'{x:.2f}' for x in served['MkDocs rebuild, s'])} s)")
            figures["serve"] = served
        if args.only_serve:
            return 0
        times = build_times(project, args.runs, work)
        base = statistics.median(w for w, _ in times["baseline (no model cache)"])
        print("\nsecond-heart build             command s   build s   vs baseline")
        for label, values in times.items():
            wall = statistics.median(w for w, _ in values)
            own = statistics.median(r for _, r in values)
            print(f"  {label:28s} {wall:9.2f} {own:9.2f} {wall / base:10.2f}x")
        figures["build"] = {k: [list(v) for v in vs] for k, vs in times.items()}
        if not args.skip_stages:
            stages = stage_times(project, work)
            print("\none warm build, by stage (in-process)      s")
            for label, seconds in stages.items():
                print(f"  {label:38s} {seconds:7.2f}" if label != "pages built" else
                      f"  {label:38s} {seconds:7.0f}")
            figures["stages"] = stages
        md = markdown_per_page(project)
        print(f"\nMarkdown, {md['pages']:.0f} generated pages, "
              f"{md['abbreviations']:.0f} glossary abbreviations:")
        for label in ("one block (before)", "one per block (now)"):
            print(f"  abbreviations {label:24s} {md[label]:6.1f} ms/page")
        print(f"  same HTML: {'yes' if md['same HTML'] else 'NO'}; "
              f"ratio {md['one block (before)'] / md['one per block (now)']:.1f}x")
        figures["markdown"] = md
        sizes = precache(project, work / "site")
        print(f"\noffline precache (the larger of {sizes['workers']} language workers, {sizes['largest']}): "
              f"{sizes['files']:.0f} files, {sizes['raw'] / 1024:.0f} KB raw, "
              f"{sizes['gzip'] / 1024:.0f} KB gzip; "
              f"{sizes['runtime files (cached on first widget start)']:.0f} runtime files cached on first "
              "widget start")
        figures["precache"] = sizes
    print(f"\nload average after: {load()}")
    if args.json:
        print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
