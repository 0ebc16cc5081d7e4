"""MkDocs hook: generate build/docs from content/ before every build (and live rebuild).

Plain ``mkdocs build`` is made as safe as ``second-heart build``: the site folder must
pass the same rule (``generators.build.check_site_dir``: a folder a build made, or an
empty or new one, never one of the project's own folders), MkDocs builds into a
temporary folder beside it, and the result is swapped into place only when the build
succeeded, strict-mode warnings included. ``second-heart build`` does the swap itself,
and ``serve`` builds into a temporary folder of its own; for those the hook only
generates. A failed rebuild during ``serve`` raises before MkDocs touches its folder, so
the preview keeps showing the last good site; the message names the file and line.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

from generators import languages, offline
from generators import preview as live
from generators.build import (
    Generated,
    check_site_dir,
    disk_error,
    generate,
    new_site_folder,
    swap,
)
from generators.errors import SecondHeartError
from generators.language_builds import BUILDING
from generators.pages.abbr import first_use_only

SERVE_NOTE = "The preview still shows the last good build; save a fix and it rebuilds."

_command: str | None = None  # what MkDocs was started for: "build", "serve", "gh-deploy"
_pending: list[tuple[Path, Path]] = []  # (temporary folder, site folder) of a plain `mkdocs build`


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(50)  # before the search plugin's, which reads theme.language (generators/languages.py)
def on_config(config: Any) -> Any:
    project = Path(config.config_file_path).resolve().parent
    site_dir = Path(config.site_dir).resolve()
    _absolute_snippet_paths(config, project)
    if site_dir in BUILDING:  # second-heart build: it swaps, and reports errors itself
        building = BUILDING[site_dir]
        made = generate(project, Path(config.docs_dir), building.edition, building.handouts, ctx=building.ctx)
        return _use(config, made, switch=True)
    plain = _command != "serve"
    try:
        if plain:
            check_site_dir(project, site_dir)
        result = generate(project, Path(config.docs_dir))
        if _command == "serve" and live.ACTIVE is not None:  # second-heart serve: full or incremental
            live.ACTIVE.decide(config, result.nav, result.extra_javascript, result.extra_css,
                               result.written, result.removed)
        if plain:
            temp = new_site_folder(site_dir)
            _pending.append((temp, site_dir))
            config.site_dir = str(temp)
    except SecondHeartError as exc:
        raise PluginError(f"{exc}\n{SERVE_NOTE}" if _command == "serve" else str(exc)) from exc
    except OSError as exc:
        raise PluginError(str(disk_error(exc, site_dir))) from exc
    return _use(config, result)


def _use(config: Any, result: Generated, switch: bool = False) -> Any:
    """Give MkDocs what the generator made: the navigation, scripts and styles, and the
    edition's language (``switch``: its other languages are built beside it)."""
    languages.configure(config, result.ctx, switch=switch)
    config.nav = result.nav
    config.extra_javascript = [*config.extra_javascript, *map(_script, result.extra_javascript)]
    config.extra_css = [*config.extra_css, *result.extra_css]
    if _command != "serve":  # the offline copy (generators/offline); a live preview is never cached
        config.extra["offline"] = offline.settings(result.ctx)
        config.extra_javascript = [*config.extra_javascript, _script(offline.SCRIPT)]
    if result.clinic is not None:  # a clinic's build: its logo in the header, its contact in the footer
        result.clinic.configure(config)
    # For the CSP hook (generators/mkdocs_csp_hook.py): who may frame the embed views.
    config.extra["embed_frame_ancestors"] = list(result.ctx.settings.embed.frame_ancestors)
    return config


@event_priority(-100)  # last, after every other hook has finished the site (the CSP hook)
def on_post_build(config: Any) -> None:
    """The offline worker, over the finished site; then swap a plain ``mkdocs build`` into
    place, unless strict mode is about to abort it."""
    try:
        _offline(config)
    except SecondHeartError as exc:
        raise PluginError(str(exc)) from exc
    if _command == "serve" and live.ACTIVE is not None:
        live.ACTIVE.finished(Path(config.site_dir))
    if not _pending:
        return
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    if config.strict and any(counter.get_counts() for counter in counters):
        return  # MkDocs raises Abort next; on_build_error removes the temporary folder
    temp, site_dir = _pending.pop()
    try:
        swap(temp, site_dir)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise PluginError(str(disk_error(exc, site_dir))) from exc
    config.site_dir = str(site_dir)  # what comes next (gh-deploy) finds the site where it now is


def _offline(config: Any) -> None:
    """The app manifest and the offline service worker (generators/offline), written after
    every other step has written its files (the search index among them), which it
    precaches. Not in serve, whose pages do not ask for it (``_use``). In a
    ``second-heart build`` Node writes the worker while the next language builds, and
    ``build_site`` waits for it."""
    if not config.extra.get("offline"):
        return
    project = Path(config.config_file_path).resolve().parent
    site_dir = Path(config.site_dir).resolve()
    building = BUILDING.get(site_dir)
    worker = offline.finish(project, site_dir, config.extra["offline"],
                            ignore=building.nested if building else ())
    if building is None:
        worker.wait()
    else:
        building.workers.append(worker)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """``serve`` watches content/, interactive/ and generators/ (mkdocs.yml's ``watch``);
    build/docs is made from them by each rebuild, so watching it too (MkDocs does, as the
    docs folder) made every edit rebuild twice: once for the edit, once for the pages the
    first rebuild wrote."""
    server.unwatch(config.docs_dir)
    return server


class _TemplateBytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per process, not once per MkDocs build: MkDocs
    makes a new Jinja environment for every build (each language of ``second-heart
    build``, every rebuild of ``serve``). Keyed by template and source text, so an edited
    template is compiled again; every environment is the theme's, with the same options."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _TemplateBytecode()


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    env.bytecode_cache = _BYTECODE
    if _command == "serve" and live.ACTIVE is not None:
        live.ACTIVE.read_titles(config, files)
    return env


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Glossary tooltips on a term's first use only (generators/pages/abbr.py)."""
    if _command == "serve" and live.ACTIVE is not None:  # the pages an incremental preview rebuilt
        live.ACTIVE.page_built(page)
    return first_use_only(html)


def on_build_error(error: Exception) -> None:
    if live.ACTIVE is not None:
        live.ACTIVE.failed()
    while _pending:
        temp, _site_dir = _pending.pop()
        shutil.rmtree(temp, ignore_errors=True)


def _absolute_snippet_paths(config: Any, project: Path) -> None:
    """pymdownx.snippets reads base_path from the current folder; make it the edition's
    includes folder (``build/includes`` beside ``build/docs``, or beside the edition's own
    docs folder), so a build works from any folder and editions never share one."""
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        paths = snippets["base_path"]
        paths = [paths] if isinstance(paths, str) else paths
        docs_parent = (project / config.docs_dir).parent
        snippets["base_path"] = [str(docs_parent / Path(path).name) for path in paths]


def _script(entry: str | dict[str, Any]) -> str | ExtraScriptValue:
    """Hooks run after validation, so build the value MkDocs would have made from YAML."""
    if isinstance(entry, str):
        return entry
    value = ExtraScriptValue(entry["path"])
    value.type = entry.get("type", "")
    value.defer = bool(entry.get("defer", False))
    value.async_ = bool(entry.get("async", False))
    return value
