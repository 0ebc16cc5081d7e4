"""The build, top to bottom: content → charts and widgets → pages → MkDocs → site/.

    stage 1  content/   read, validate, cross-link, measure   → SiteContext
    stage 2  charts/    figures and tables                    → blocks + files
             widgets/   the in-browser widgets                → blocks + files
    stage 3  pages/     Markdown pages and the navigation     → files
    stage 4  here       write build/docs (only what changed), then MkDocs → site/

``generate`` runs stages 1 to 3 and writes ``build/docs``; MkDocs runs it from the hook in
``generators/mkdocs_hooks.py``, so ``mkdocs build`` and ``second-heart build`` are the
same build. ``build_site`` builds into a temporary folder and swaps it into place only
when everything succeeded: a failed build leaves the previous ``site/`` as it was.

The site folder rule (``check_site_dir``): the build writes only into a folder that does
not exist yet, is empty, or holds the marker file ``SITE_MARKER`` that every build writes;
never into, around or inside the project's own folders (``SOURCES``). The check runs
before anything is touched. Errors from the disk (full, read-only) become one-line
``BuildError`` messages that name the path.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generators import cache, csp, languages, offline
from generators.charts import CHART_EMBEDS, CHARTS, PAGE_EMBEDS, build_charts
from generators.clinic import ClinicSite, apply_clinic, check_left_out, clinic_site, load_clinic
from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.crossrefs import Embeds
from generators.content.kinds import KINDS
from generators.content.loader import load_all_checked
from generators.content.loader import load_checked as load_content_checked
from generators.edition import GENERIC, Edition, build_lock
from generators.errors import BuildError
from generators.fonts import font_files
from generators.handouts.output import read_manifest
from generators.handouts.site import HandoutMode, SiteHandouts, site_handouts
from generators.language_builds import Building, Others, build_language, cancel
from generators.pages import pages
from generators.pages.facts import FACTS
from generators.pictures import ALL_PICTURES, renderer
from generators.widgets import DEMO_PRESETS, WIDGETS, build_widgets

PROJECT = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).parent / "assets"

# Files copied from npm packages (package-lock.json pins them) into the site.
NODE_ASSETS = {
    "plotly.js-basic-dist-min/plotly-basic.min.js": "assets/vendor/plotly-basic.min.js",
}  # and the font, cut to the characters the pages use: generators/fonts.py
SITE_SCRIPTS: list[dict[str, Any] | str] = [
    {"path": "assets/javascripts/charts.js", "type": "module"},
    {"path": "assets/javascripts/scroll-regions.js", "type": "module"},
    {"path": "assets/javascripts/embed-panel.js", "type": "module"},  # "Embed this page" (generators/embeds)
]
SITE_STYLES = ["assets/stylesheets/site.css"]  # the font faces first: one render-blocking file

#: Pages stage 3 makes besides one per item and free page (generators/pages/pages.py;
#: tests/generators/test_site_dir.py keeps the two in step): relative links may lead here.
BUILT_PAGES = frozenset({
    "index.md", "get-help-now.md", "demo.md", "checklist.md", "glossary.md", "references.md",
    *(f"{kind.folder}/index.md" for kind in KINDS if kind.has_index),
})

#: What stages 2 and 3 can make, by id: stage 1 checks content against these.
EMBEDS = Embeds(
    charts={chart_id: entry.data for chart_id, entry in CHARTS.items()},
    widgets=frozenset(WIDGETS),
    demo_presets=DEMO_PRESETS,
    page_embeds=frozenset(PAGE_EMBEDS) | frozenset(CHART_EMBEDS) | frozenset(FACTS),
    pictures=frozenset(ALL_PICTURES),
    built_pages=BUILT_PAGES,
)

#: Written into every site the build makes: only a folder holding it may be replaced.
SITE_MARKER = ".second-heart-site"
#: The project's own folders: a site is never built into, around or inside one of them.
SOURCES = ("content", "clinics", "generators", "interactive", "tests", "benchmarks", "build",
           "node_modules", ".git", ".venv")


@dataclass
class Generated:
    ctx: SiteContext
    nav: list[Any]
    extra_javascript: list[dict[str, Any] | str]
    extra_css: list[str]
    pages: int
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # files sync deleted from the docs folder
    clinic: ClinicSite | None = None  # a clinic's build: its logo, colours and footer (generators/clinic)


def load_checked(project: Path = PROJECT, edition: Edition = GENERIC) -> SiteContext:
    """Stage 1 alone (what ``second-heart check`` runs): every content problem, at once;
    for a clinic's edition, the context made the clinic's own (generators/clinic)."""
    ctx = load_content_checked(project / "content", EMBEDS, lang=edition.lang)
    if edition.clinic is not None:
        ctx = apply_clinic(load_clinic(project, edition.clinic, edition.lang), ctx)
    return ctx


def load_languages(project: Path = PROJECT, edition: Edition = GENERIC) -> dict[str, SiteContext]:
    """Stage 1 for a build of ``edition``: its context and those of the languages built
    into folders of its site (``languages.translations``), in that order, content/ read
    and checked once for all of them. Each is the context ``load_checked`` makes."""
    every = load_all_checked(project / "content", EMBEDS)
    if edition.lang not in every:  # not a language of content/: stage 1 says why
        return {edition.lang: load_checked(project, edition)}

    def made(lang: str) -> SiteContext:  # for a clinic's edition, the clinic's own (generators/clinic)
        if edition.clinic is None:
            return every[lang]
        return apply_clinic(load_clinic(project, edition.clinic, lang), every[lang])

    first = made(edition.lang)
    return {edition.lang: first, **{lang: made(lang) for lang in languages.translations(first)}}


def check_site_dir(project: Path, site_dir: Path) -> None:
    """Refuse a site folder the build could destroy: the project, a folder around it, one of
    its source folders or anything inside them, a file, or a non-empty folder that a build
    did not make (no ``SITE_MARKER``). Touches nothing."""
    project, site = project.resolve(), site_dir.resolve()
    refuse = f"will not build the site into {os.path.abspath(site_dir)}:"
    other = f"Choose another folder with --site-dir (the default is {project / 'site'})."
    if site == project:
        raise BuildError(f"{refuse} it is the project folder, which a build would replace with the site. "
                         + other)
    if project.is_relative_to(site):
        raise BuildError(f"{refuse} it contains the project folder {project}, which a build would delete. "
                         + other)
    for name in SOURCES:
        source = (project / name).resolve()
        if site == source:
            where = "is the project's"
        elif site.is_relative_to(source):
            where = "is inside the project's"
        elif source.is_relative_to(site):
            where = "contains the project's"
        else:
            continue
        raise BuildError(f"{refuse} it {where} {name}/ folder, which holds the project's own files. {other}")
    if site.is_file() or (site.exists() and not site.is_dir()):
        raise BuildError(f"{refuse} it is a file, not a folder. {other}")
    if site.is_dir() and not (site / SITE_MARKER).is_file() and any(site.iterdir()):
        raise BuildError(f"{refuse} it is not empty and has no {SITE_MARKER} file, so no build made it, and "
                         "building would delete what is in it. Empty or delete it yourself (once, for a site "
                         "built before this rule), or choose another folder with --site-dir.")


def disk_error(exc: OSError, site_dir: Path) -> BuildError:
    """A full disk, a read-only folder...: one line that names the path."""
    path = exc.filename or site_dir
    reason = exc.strerror or str(exc)
    advice = {
        errno.ENOSPC: " Free some disk space and build again.",
        errno.EDQUOT: " Free some disk space and build again.",
        errno.EACCES: " Check that you may write there, or choose another folder with --site-dir.",
        errno.EPERM: " Check that you may write there, or choose another folder with --site-dir.",
        errno.EROFS: " The disk is read-only: choose another folder with --site-dir.",
    }.get(exc.errno or 0, "")
    return BuildError(f"could not build the site: {path}: {reason}.{advice}")


def generate(project: Path = PROJECT, docs_dir: Path | None = None, edition: Edition = GENERIC,
             handouts: HandoutMode = "fresh", ctx: SiteContext | None = None) -> Generated:
    """Stages 1 to 4. ``handouts``: "print" the handouts that changed (``second-heart build``),
    use only the "fresh" ones already printed (serve, plain mkdocs build), or "none".
    ``ctx``: stage 1's result for ``edition``, when the caller has it already."""
    docs_dir = docs_dir or edition.docs_dir(project)
    ctx = ctx if ctx is not None else load_checked(project, edition)           # stage 1
    clinic = None  # a clinic's build: its logo, colours, footer and handout branding
    if edition.clinic is not None:
        clinic = clinic_site(load_clinic(project, edition.clinic, edition.lang), ctx, project)
    folder = docs_dir.parent / "handouts"
    if handouts == "fresh" and not read_manifest(folder):  # none printed: none can be fresh
        printed = SiteHandouts()
    else:
        printed = site_handouts(ctx, project, folder, handouts,                # stage 2d
                                branding=clinic.branding if clinic else None)
    with cache.session(project / "build" / "cache", seed=model_seed()):       # model results
        charts = build_charts(ctx, project)                                    # stage 2a
        widgets = build_widgets(ctx, project)                                  # stage 2b
    drawn = renderer(ctx.words("pictures"))  # pictures labelled in the edition's language
    made = pages.Embeds(charts.blocks, widgets.blocks, charts.page_embeds, picture=drawn,
                        exercise_demos=widgets.exercise_demos, handouts=frozenset(printed.files))
    site = pages.render_site(ctx, made)                                        # stage 3
    if clinic is not None:  # no page may link to one the clinic left out
        check_left_out(clinic.loaded, site.pages)
    files = {page.path: page.text.encode() for page in site.pages}
    files["../includes/abbreviations.md"] = abbreviations(ctx).encode()
    files.update(charts.files)
    files.update(widgets.files)
    files.update(printed.files)
    files.update(static_files(project))
    # The font is cut to the characters the pages use: each once is all it needs to see.
    files.update(font_files(project, ["".join(set().union(*(page.text for page in site.pages)))]))
    files.update(clinic.files if clinic else {})
    removed: list[str] = []
    written = sync(docs_dir, files, removed)                                   # stage 4
    return Generated(
        ctx=ctx,
        nav=site.nav,
        extra_javascript=[*SITE_SCRIPTS, *widgets.extra_javascript],
        extra_css=[*SITE_STYLES, *widgets.extra_css, *(clinic.extra_css if clinic else [])],
        pages=len(site.pages),
        written=written,
        removed=removed,
        clinic=clinic,
    )


def model_seed() -> list[cache.Run]:
    """What a build with an empty cache and no plan yet (a fresh clone) runs in parallel
    first: the model's report for every scenario (generators/cache.py)."""
    from calf_pump import SCENARIO_NAMES

    from generators.charts.model_table import report_run

    return [cache.Run("model.report", report_run, (name, 0.0)) for name in SCENARIO_NAMES]


def static_files(project: Path) -> dict[str, bytes]:
    """The site's own assets (generators/assets) and the pinned npm files (fonts, plotly.js)."""
    files: dict[str, bytes] = {}
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
    return files


def abbreviations(ctx: SiteContext) -> str:
    """Glossary terms as Markdown abbreviations: Material shows them as tooltips.

    One definition per block (a blank line between them): Python-Markdown's abbr takes
    one definition off a block and hands the rest back to every block processor, so one
    block of n lines costs n² (about 30 ms a page here); the abbreviations are the same."""
    lines = []
    for term in sorted(ctx.glossary.values(), key=lambda t: -len(t.term)):
        definition = term.definition  # made safe, one line, by markdown.abbreviation (#13)
        for label in [term.term, *term.aliases]:
            lines.append(markdown.abbreviation(label, definition))
            if label[:1].islower():
                lines.append(markdown.abbreviation(label[:1].upper() + label[1:], definition))
    return "\n\n".join(lines) + "\n"


def sync(docs_dir: Path, files: dict[str, bytes], removed: list[str] | None = None) -> list[str]:
    """Make docs_dir hold exactly ``files``; touch only what changed (so live preview
    does not loop on its own output). Returns the files written; ``removed`` gets those
    deleted (paths relative to docs_dir)."""
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
            if removed is not None:
                removed.append(path.relative_to(root).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


@dataclass
class BuildReport:
    pages: int
    seconds: float
    site_dir: Path


def build_site(project: Path = PROJECT, site_dir: Path | None = None, edition: Edition = GENERIC,
               handouts: bool = True) -> BuildReport:
    """Build one edition of the site into a temporary folder, then swap it into ``site_dir``;
    with its handouts printed into it unless ``handouts`` is False."""
    started = time.perf_counter()
    project = project.resolve()
    site_dir = Path(os.path.abspath(site_dir or project / "site"))  # as given: messages name it so
    if not (project / "mkdocs.yml").is_file():
        raise BuildError(f"{project} has no mkdocs.yml: give --project the project folder (the one "
                         "holding mkdocs.yml and content/).")
    check_site_dir(project, site_dir)  # before anything is touched
    # Fail fast, before MkDocs starts, with every content problem listed. The other
    # languages are built into sub-folders of the first's site (generators/languages.py).
    contexts = load_languages(project, edition)
    parts = [(replace(edition, lang=lang), "" if lang == edition.lang else lang) for lang in contexts]
    nested = tuple(folder for _, folder in parts if folder)
    mode: HandoutMode = "print" if handouts else "none"
    styles: set[str] = set()
    workers: list[offline.PendingWorker] = []
    with build_lock(project, ".lock" if edition.clinic is None else f".lock-clinic-{edition.clinic.stem}"):
        try:
            temp = new_site_folder(site_dir)
        except OSError as exc:
            raise disk_error(exc, site_dir) from exc
        others = None  # the other languages, built meanwhile in a process of their own
        try:
            if nested and (os.cpu_count() or 1) > 1:
                others = Others(project, parts[1:], contexts, mode, new_site_folder(site_dir))
                parts = parts[:1]
            root_config: Any = None  # the first language's MkDocs config: site address, embed framing
            for part, folder in parts:
                config = build_language(project, part, (temp / folder).resolve(), Building(
                    part, contexts[part.lang], mode, () if folder else nested, styles, workers))
                root_config = root_config or config
            if others is not None:
                styles |= others.join(temp)
            while workers:  # the offline workers Node wrote meanwhile
                workers.pop(0).wait()
            if nested:  # one _headers and nginx snippet for every language's pages
                csp.publish_translations(temp, embed_frame_ancestors=root_config.extra.get(
                    "embed_frame_ancestors") or csp.EMBED_FRAME_ANCESTORS,
                    base_path=urlsplit(root_config.site_url or "/").path, style_hashes=styles)
            pages_built = len(list(temp.rglob("index.html")))
            swap(temp, site_dir)
        except OSError as exc:
            cancel(workers, others)
            shutil.rmtree(temp, ignore_errors=True)
            raise disk_error(exc, site_dir) from exc
        except BaseException:
            cancel(workers, others)
            shutil.rmtree(temp, ignore_errors=True)
            raise
    return BuildReport(pages=pages_built, seconds=time.perf_counter() - started, site_dir=site_dir)


def new_site_folder(site_dir: Path) -> Path:
    """An empty folder beside ``site_dir`` to build into (same disk, so the swap is a rename)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    temp.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    return temp


def swap(new: Path, site_dir: Path) -> None:
    """Mark ``new`` as a built site and put it in place of ``site_dir`` (two renames);
    if the second fails, the old site is put back."""
    marker = "A site built by second-heart. The next build replaces this whole folder.\n"
    (new / SITE_MARKER).write_text(marker, encoding="utf-8")
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent)) / "site"
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except OSError:
        if old is not None:  # put the old site back; should that fail too, it stays in .site-old-*
            old.rename(site_dir)
            old.parent.rmdir()
        raise
    if old is not None:
        shutil.rmtree(old.parent, ignore_errors=True)
