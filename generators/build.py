"""The build, top to bottom: content → checks → pages and assets → MkDocs → site/.

``generate`` writes the Markdown and assets into ``build/docs`` (only files whose bytes
changed, so live preview does not loop). MkDocs runs it from the hook in
``generators/mkdocs_hooks.py``, so ``mkdocs build`` and ``second-heart build`` are the
same build. ``build_site`` builds into a temporary folder and swaps it into place only
when everything succeeded: a failed build leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators import widgets
from generators.charts import ChartSpec, chart_block, figure_json, load_dose_response, travel_clot_chart
from generators.content_checks import check_content
from generators.context import SiteContext
from generators.errors import BuildError, ContentError, ContentErrors
from generators.loader import load_content
from generators.pages import WidgetBlocks, render_site

PROJECT = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).parent / "assets"

# Files copied from npm packages (package-lock.json pins them) into the site.
NODE_ASSETS = {
    "plotly.js-basic-dist-min/plotly-basic.min.js": "assets/vendor/plotly-basic.min.js",
    "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2":
        "assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2",
    "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2":
        "assets/fonts/atkinson-hyperlegible-latin-700-normal.woff2",
    "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff2":
        "assets/fonts/atkinson-hyperlegible-latin-400-italic.woff2",
    "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-italic.woff2":
        "assets/fonts/atkinson-hyperlegible-latin-700-italic.woff2",
}


@dataclass
class Generated:
    ctx: SiteContext
    nav: list[Any]
    extra_javascript: list[Any]
    extra_css: list[str]
    pages: int
    written: list[str] = field(default_factory=list)


def load_checked(project: Path = PROJECT) -> SiteContext:
    """Load content/ and run the content checks; raise ContentErrors listing every problem."""
    ctx = load_content(project / "content")
    problems = check_content(ctx)
    if problems:
        raise ContentErrors(problems)
    return ctx


def generate(project: Path = PROJECT, docs_dir: Path | None = None) -> Generated:
    docs_dir = docs_dir or project / "build" / "docs"
    ctx = load_checked(project)
    files: dict[str, bytes] = {}

    charts = {}
    for chart in _charts(project, ctx):
        charts[chart.id] = chart_block(chart)
        files[f"assets/charts/{chart.id}.json"] = figure_json(chart).encode()
    unknown = [
        ContentError(f"content/{ctx.lang}/topics/{topic.id}.yml", f"charts[{index}]",
                     "one of the charts " + ", ".join(sorted(charts)), f"'{chart_id}'",
                     "use one of the listed chart ids")
        for topic in ctx.topics.values() for index, chart_id in enumerate(topic.charts)
        if chart_id not in charts
    ]
    if unknown:
        raise ContentErrors(unknown)

    blocks = WidgetBlocks(vein_valve=widgets.vein_valve_block(ctx), checklist=widgets.checklist_block(ctx))
    site = render_site(ctx, charts, blocks, model_table=_model_table)
    for page in site.pages:
        files[page.path] = page.text.encode()
    files["../includes/abbreviations.md"] = _abbreviations(ctx).encode()

    node_modules = project / "node_modules"
    for source, target in NODE_ASSETS.items():
        path = node_modules / source
        if not path.is_file():
            raise BuildError(f"{path} is missing: the front-end packages are not installed. "
                             "Run `npm ci` in the project folder (./dev build does it for you).")
        files[target] = path.read_bytes()
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(STATIC).as_posix()] = path.read_bytes()

    staging = Path(tempfile.mkdtemp(prefix="second-heart-widgets-"))
    try:
        widgets.write_widget_assets(staging, ctx)
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                files[path.relative_to(staging).as_posix()] = path.read_bytes()
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    written = _sync(docs_dir, files)
    return Generated(
        ctx=ctx,
        nav=site.nav,
        extra_javascript=[{"path": "assets/javascripts/charts.js", "type": "module"},
                          {"path": "assets/javascripts/scroll-regions.js", "type": "module"},
                          *widgets.extra_javascript()],
        extra_css=["assets/stylesheets/fonts.css", "assets/stylesheets/site.css", *widgets.extra_css()],
        pages=len(site.pages),
        written=written,
    )


def _charts(project: Path, ctx: SiteContext) -> list[ChartSpec]:
    from generators import physiology_charts

    travel = load_dose_response(project / "content" / "data" / "travel-clot-risk.yml", set(ctx.references))
    return [physiology_charts.avp_chart(), physiology_charts.apg_chart(), travel_clot_chart(travel)]


def _model_table() -> str:
    from generators.model_cli import report_table_markdown

    return report_table_markdown()


def _abbreviations(ctx: SiteContext) -> str:
    """Glossary terms as Markdown abbreviations: Material shows them as tooltips."""
    lines = []
    for term in sorted(ctx.glossary.values(), key=lambda t: -len(t.term)):
        definition = term.definition.replace("\n", " ")
        for label in [term.term, *term.aliases]:
            lines.append(f"*[{label}]: {definition}")
            if label[:1].islower():
                lines.append(f"*[{label[:1].upper() + label[1:]}]: {definition}")
    return "\n".join(lines) + "\n"


def _sync(docs_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Make docs_dir hold exactly ``files``; touch only what changed."""
    root = docs_dir.resolve()
    written = []
    for rel, data in files.items():
        target = (root / rel).resolve()
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(rel)
    wanted = {(root / rel).resolve() for rel in files}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


@dataclass
class BuildReport:
    pages: int
    seconds: float
    site_dir: Path


def build_site(project: Path = PROJECT, site_dir: Path | None = None) -> BuildReport:
    """Build the whole site into a temporary folder, then swap it into ``site_dir``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    started = time.perf_counter()
    site_dir = (site_dir or project / "site").resolve()
    # Fail fast, before MkDocs starts, with every content problem listed.
    load_checked(project)
    temp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        (project / "build" / "docs").mkdir(parents=True, exist_ok=True)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(temp), strict=True)
        try:
            mkdocs_build(config)
        except (Abort, MkDocsException) as exc:
            raise BuildError(f"MkDocs could not build the site: {exc}") from exc
        pages = len([p for p in temp.rglob("index.html")])
        _swap(temp, site_dir)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return BuildReport(pages=pages, seconds=time.perf_counter() - started, site_dir=site_dir)


def _swap(new: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".site-old-{os.getpid()}")
        site_dir.rename(old)
    new.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
