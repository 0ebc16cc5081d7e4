"""``second-heart serve``: the live preview, rebuilt on every save, only as much as it must be.

MkDocs' development server (livereload) watches content/, interactive/ and generators/
(mkdocs.yml's ``watch``). On a save, the hook (generators/mkdocs_hooks.py) generates
build/docs again, all of it (stages 1 to 4: only files whose bytes changed are written),
and ``Preview.plan`` decides how much MkDocs must build from what was written:

- **only pages** (the edited page, and the pages that show its words: an index page, a
  related link): an *incremental* build. MkDocs' "dirty" build turns those pages' Markdown
  into HTML again and leaves every other page as it is; the search index keeps the other
  pages' entries (``merge_search_index``), and the Content-Security-Policy step finishes
  only the rebuilt pages (generators/csp.py).
- **anything else**: the navigation (a title, an order, a page added or removed), the
  glossary's abbreviations (on every page), a script, style, picture or chart file (their
  integrity hashes are on every page), the theme, mkdocs.yml, nothing at all (a change
  outside build/docs, such as the theme), or a first build or one after a failed build: a
  *full* build, as MkDocs' own ``serve`` makes every time.

So the preview always shows what a full build would, every page up to date; a build
writes the same pages either way (tests/generators/test_preview.py).

Plain ``mkdocs serve`` (not ``second-heart serve``) does not use this: it builds in full.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("mkdocs.second_heart.preview")

#: How often the watcher looks for saved files (MkDocs' default is 0.5 s).
POLL_SECONDS = 0.1
#: Files besides pages that may change in an incremental build: a page's handout PDF
#: (printed, or left out once the page's content no longer matches it). No page but its
#: own links to it, and its page is rebuilt with it.
INCREMENTAL_FOLDERS = ("handouts/",)
_DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Plan:
    """What one rebuild must build: every page (``full``), or only those whose Markdown changed."""

    full: bool
    reason: str
    rebuilt: list[Path] = field(default_factory=list)  # the HTML files MkDocs wrote (abs_dest_path)


@dataclass
class Preview:
    """What the last good build of the preview was made from, to compare the next with."""

    site_dir: Path
    nav: Any = None  # None: no good build yet (or the last one failed)
    scripts: Any = None
    styles: Any = None
    config_text: bytes = b""
    search: list[Any] | None = None  # the search index's entries, as the last build left them
    style_hashes: set[str] = field(default_factory=set)  # of every page, for the header files
    plan: Plan | None = None

    def decide(self, config: Any, nav: Any, scripts: Any, styles: Any, written: list[str],
               removed: list[str]) -> Plan:
        """Incremental when only pages changed (and handouts); full otherwise (module doc).
        Call after the pages are generated, before MkDocs builds; a full plan empties the
        site folder (as MkDocs' clean build does)."""
        config_text = Path(config.config_file_path).read_bytes()
        pages = [rel for rel in written if rel.endswith(".md") and not rel.startswith("../")]
        others = [rel for rel in [*written, *removed] if rel not in pages]
        if self.nav is None:
            reason = "first build"
        elif config_text != self.config_text:
            reason = "mkdocs.yml changed"
        elif (nav, scripts, styles) != (self.nav, self.scripts, self.styles):
            reason = "the navigation, scripts or styles changed"
        elif not pages:
            reason = "no page changed (the theme or code may have)"
        elif changed := [rel for rel in others if not rel.startswith(INCREMENTAL_FOLDERS)]:
            reason = "files besides pages changed: " + ", ".join(changed[:3]) + ("..." if changed[3:] else "")
        else:  # a page not in the navigation may be new: MkDocs builds it, having no HTML for it
            reason = ""
        self.nav, self.scripts, self.styles, self.config_text = nav, scripts, styles, config_text
        self.plan = Plan(full=bool(reason), reason=reason or f"{len(pages)} page(s) changed")
        if self.plan.full:
            _empty(self.site_dir)
            self.search, self.style_hashes = None, set()
        else:
            for rel in removed:  # a handout left out: not in the site either
                (self.site_dir / rel).unlink(missing_ok=True)
            # The pages' own files only: 404.html and the sitemap list pages, which have not changed.
            config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        log.info(f"Preview: {'full' if self.plan.full else 'incremental'} build ({self.plan.reason})")
        return self.plan

    def read_titles(self, config: Any, files: Any) -> None:
        """In an incremental build, the pages MkDocs did not read still give their titles
        (their front matter) to the pages that link to them: the footer's "Next: ..."."""
        if self.plan is None or self.plan.full:
            return
        for file in files.documentation_pages():
            if file.page is not None and file.page.markdown is None:
                file.page.read_source(config)

    def page_built(self, page: Any) -> None:
        if self.plan is not None:
            self.plan.rebuilt.append(Path(page.file.abs_dest_path))

    def pages_to_finish(self) -> list[Path] | None:
        """The HTML files the CSP step must finish: None (all) in a full build."""
        return None if self.plan is None or self.plan.full else list(self.plan.rebuilt)

    def finished(self, site_dir: Path) -> None:
        """After the build: the search index made whole again (incremental), and remembered."""
        if self.plan is None:
            return
        index = site_dir / "search" / "search_index.json"
        if index.is_file():
            data = json.loads(index.read_text("utf-8"))
            if not self.plan.full and self.search is not None:
                urls = [_page_url(site_dir, path) for path in self.plan.rebuilt]
                data["docs"] = merge_search_index(self.search, data["docs"], urls)
                index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
            self.search = data["docs"]

    def failed(self) -> None:
        """A failed build may have left the site half-written: the next one is full."""
        self.nav = None
        self.plan = None


def merge_search_index(previous: list[dict[str, Any]], rebuilt: list[dict[str, Any]],
                       urls: list[str]) -> list[dict[str, Any]]:
    """The search entries of a whole site from the last build's (``previous``) and those of
    the pages rebuilt since (``rebuilt``, whose page addresses are ``urls``): each rebuilt
    page's entries take the place of its old ones, so the order is a full build's."""
    def page_of(entry: dict[str, Any]) -> str:
        return str(entry["location"]).split("#", 1)[0]

    fresh: dict[str, list[dict[str, Any]]] = {url: [] for url in urls}
    for entry in rebuilt:
        fresh.setdefault(page_of(entry), []).append(entry)
    merged: list[dict[str, Any]] = []
    for entry in previous:
        url = page_of(entry)
        if url in fresh:
            merged.extend(fresh.pop(url))
        elif url not in urls:
            merged.append(entry)
    for entries in fresh.values():  # a rebuilt page that had no entries before
        merged.extend(entries)
    return merged


def _page_url(site_dir: Path, html: Path) -> str:
    """``topics/calf-pump/index.html`` → ``topics/calf-pump/`` (the search index's locations)."""
    rel = html.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html")


def _empty(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def rebuild(config: Any, serve_url: str) -> None:
    """One build of the preview: always "dirty" (MkDocs builds the pages whose Markdown is
    newer than their HTML); a full build first empties the folder, so every page is built
    (``Preview.decide``)."""
    from mkdocs.commands.build import build

    quiet = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(each, _NoDirtyWarning) for each in quiet.filters):
        quiet.addFilter(_NoDirtyWarning())
    build(config, serve_url=serve_url, dirty=True)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns that a "dirty" build may show stale navigation; ``Preview`` builds
    incrementally only when the navigation is unchanged, and in strict mode the warning
    would abort the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


#: The preview being served by this process (``serve``), which the hooks consult; None
#: for every other build (``second-heart build``, plain ``mkdocs build`` or ``mkdocs serve``).
ACTIVE: Preview | None = None


def serve(project: Path, dev_addr: str) -> None:
    """MkDocs' ``serve`` (mkdocs/commands/serve.py), with each rebuild as ``Preview`` plans it."""
    global ACTIVE
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    config_file = str(project / "mkdocs.yml")
    ACTIVE = Preview(site_dir)

    def get_config() -> Any:
        return load_config(config_file=config_file, site_dir=str(site_dir), dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config: Any = None) -> None:
        log.info("Building documentation...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        rebuild(config, serve_url)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir),
                              mount_path=mount_path, polling_interval=POLL_SECONDS)

    def error_handler(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_handler
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        ACTIVE = None
        shutil.rmtree(site_dir, ignore_errors=True)
