"""The site on the reader's device after one visit: a service worker and a web app manifest.

Runs after MkDocs has written a site (and after its Content-Security-Policy and integrity
hashes, ``generators/mkdocs_csp_hook.py``), on the finished files:

- ``sw.js`` at the site's root: ``generators/offline/sw.js`` with the build's settings, and
  Workbox's precache list written in by ``workbox-build``'s ``injectManifest``
  (``inject.mjs``, run with Node). Precached: every page, stylesheet, script, font,
  picture and the search index (``PRECACHE_GLOBS``), less what only some readers need
  (``PRECACHE_IGNORES``: the Python runtime and wheels, plotly.js and chart data, other
  languages' search stemmers, embed views, handouts). Those are cached when first used, in
  a cache named after a hash of their bytes (``RUNTIME_FOLDERS``).
- ``assets/workbox/``: Workbox's four runtime files, copied from node_modules.
- ``manifest.webmanifest`` and its icons (``generators/offline/manifest.py``).

Pages register the worker with ``assets/javascripts/offline.js`` (an external module: no
inline script), which never registers inside a frame or under ``embed/``; every page
works without it. ``second-heart serve`` makes no worker (a preview must never be cached).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators import cache
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.offline.manifest import BACKGROUND_COLOR, THEME_COLOR, write_manifest

HERE = Path(__file__).resolve().parent
#: The registration script every page loads (MkDocs' extra_javascript entry).
SCRIPT: dict[str, Any] = {"path": "assets/javascripts/offline.js", "type": "module", "async": True}
WORKER = "sw.js"
WORKBOX_DIR = "assets/workbox"
#: Workbox's runtime, in the order the files must load (each extends the one before).
WORKBOX_FILES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
#: Cache names: ``<prefix><scope path>-<hash of the runtime files>``.
RUNTIME_CACHE_PREFIX = "second-heart-runtime-"

PRECACHE_GLOBS = ["**/*.{html,css,js,mjs,json,woff2,svg,png,webmanifest}", "assets/widgets/*.py"]
PRECACHE_IGNORES = [
    WORKER, f"{WORKBOX_DIR}/**",
    "assets/pyodide/**", "assets/vendor/**", "assets/charts/**",  # cached when first used
    "assets/javascripts/lunr/**",  # other languages' stemmers: SITE_LUNR adds this one's
    "embed/**", "handouts/**",  # views for other sites' frames; PDFs
]
#: Cached the first time a widget starts (or a chart is explored), not on the first visit.
RUNTIME_FOLDERS = ("assets/pyodide/", "assets/vendor/", "assets/charts/")
#: The per-language files Material's search needs besides its worker, by language.
LUNR_FILES = ("lunr.stemmer.support.min.js", "lunr.multi.min.js")


@dataclass(frozen=True)
class Offline:
    """What the worker precaches (site paths) and how many bytes; the runtime files."""

    site_dir: Path
    precached: tuple[str, ...]
    raw_bytes: int
    runtime_files: tuple[str, ...]

    def gzip_bytes(self) -> int:
        """The precache as a host sends it: text gzip-compressed, fonts and PNGs as they are."""
        return sum(_gzip_size(self.site_dir / url) for url in self.precached)


def settings(ctx: SiteContext) -> dict[str, Any]:
    """What the pages and ``finish`` need (MkDocs' ``config.extra["offline"]``): the words
    of the notice and the manifest's name and colours. A clinic's build replaces the name
    and colours in that dict with its own before MkDocs runs."""
    return {
        "words": dict(ctx.words("offline")),
        "name": ctx.site.name, "short_name": ctx.site.name, "description": ctx.site.description,
        "lang": ctx.lang, "theme_color": THEME_COLOR, "background_color": BACKGROUND_COLOR,
    }


def finish(project: Path, site_dir: Path, offline: dict[str, Any], *,
           ignore: tuple[str, ...] = ()) -> PendingWorker:
    """After MkDocs (and the CSP hook): the manifest and its icons, then the worker, which
    Node writes in the background (``wait()`` for it). ``ignore``: folders of ``site_dir``
    that are none of this worker's (another language's site, built there meanwhile)."""
    with cache.session(project / "build" / "cache"):
        write_manifest(site_dir, offline["name"], offline["short_name"], offline["theme_color"],
                       offline["background_color"], description=offline["description"],
                       lang=offline["lang"])
    return start_worker(project, site_dir, ignore=ignore)


def lunr_globs(site_dir: Path) -> list[str]:
    """The search index's languages' stemmers (English needs none)."""
    try:
        config = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["config"]
    except (OSError, ValueError, KeyError):
        return []
    langs = [lang for lang in config.get("lang", []) if lang != "en"]
    if not langs:
        return []
    names = [*LUNR_FILES, *(f"lunr.{lang}.min.js" for lang in langs)]
    return [f"assets/javascripts/lunr/min/{name}" for name in names]


def _runtime_files(site_dir: Path) -> list[str]:
    return sorted(path.relative_to(site_dir).as_posix()
                  for folder in RUNTIME_FOLDERS if (site_dir / folder).is_dir()
                  for path in (site_dir / folder).rglob("*") if path.is_file())


def _digest(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((site_dir / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def copy_workbox(project: Path, site_dir: Path) -> None:
    target = site_dir / WORKBOX_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in WORKBOX_FILES:
        source = project / "node_modules" / name / "build" / f"{name}.prod.js"
        if not source.is_file():
            raise BuildError(f"{source} is missing: the front-end packages are not installed. "
                             "Run `npm ci` in the project folder (./dev build does it for you).")
        text = source.read_text("utf-8").replace(f"//# sourceMappingURL={name}.prod.js.map", "")
        (target / f"{name}.prod.js").write_text(text.rstrip() + "\n", encoding="utf-8")


def write_worker(project: Path, site_dir: Path) -> Offline:
    """Write ``sw.js`` and Workbox's files into the built site (see the module docstring)."""
    return start_worker(project, site_dir).wait()


class PendingWorker:
    """``sw.js`` being written by Node (workbox-build), while the build goes on."""

    def __init__(self, process: subprocess.Popen[str], temp: Path, site_dir: Path,
                 runtime_files: tuple[str, ...]) -> None:
        self.process, self.temp, self.site_dir, self.runtime_files = process, temp, site_dir, runtime_files

    def wait(self) -> Offline:
        try:
            stdout, stderr = self.process.communicate()
        finally:
            shutil.rmtree(self.temp, ignore_errors=True)
        if self.process.returncode != 0:
            reason = (stderr.strip().splitlines() or ["no message"])[-1]
            raise BuildError(f"could not write the offline service worker (workbox-build): {reason}. "
                             "Fix: run `npm ci` in the project folder")
        result = json.loads(stdout)
        return Offline(self.site_dir, tuple(str(url) for url in result["urls"]), int(result["size"]),
                       self.runtime_files)

    def cancel(self) -> None:
        """A build that failed meanwhile: stop Node, remove its files."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.temp, ignore_errors=True)


def start_worker(project: Path, site_dir: Path, *, ignore: tuple[str, ...] = ()) -> PendingWorker:
    """Start writing ``sw.js`` and copy Workbox's files (see ``write_worker``); ``ignore``:
    folders of ``site_dir`` left out of the precache (see ``finish``)."""
    node = shutil.which("node")
    if node is None:
        raise BuildError("Node.js is not installed, and the build needs it to write the offline "
                         "service worker (workbox-build). Install Node.js 20 (./dev checks it).")
    copy_workbox(project, site_dir)
    runtime = _runtime_files(site_dir)
    settings = {
        "runtimeCachePrefix": RUNTIME_CACHE_PREFIX,
        "runtimeDigest": _digest(site_dir, runtime),
        "runtimeFolders": list(RUNTIME_FOLDERS),
        "runtimeFiles": [name for name in runtime if name.startswith("assets/pyodide/")],
    }
    source = (HERE / "sw.js").read_text("utf-8")
    marker = "/* SETTINGS */ {}"
    if marker not in source:
        raise BuildError(f"{HERE / 'sw.js'} has lost its settings marker '{marker}': restore it from git")
    source = source.replace(marker, json.dumps(settings, indent=1))
    temp = Path(tempfile.mkdtemp(prefix="second-heart-sw-"))
    sw_src = temp / "sw.js"
    sw_src.write_text(source, encoding="utf-8")
    options = {
        "globDirectory": str(site_dir), "swSrc": str(sw_src), "swDest": str(site_dir / WORKER),
        "globPatterns": [*PRECACHE_GLOBS, *lunr_globs(site_dir)],
        "globIgnores": [*PRECACHE_IGNORES, *(f"{folder}/**" for folder in ignore)],
        "maximumFileSizeToCacheInBytes": 4_000_000,
    }
    (temp / "options.json").write_text(json.dumps(options), encoding="utf-8")
    process = subprocess.Popen([node, str(HERE / "inject.mjs"), str(temp / "options.json")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=project)
    return PendingWorker(process, temp, site_dir, tuple(settings["runtimeFiles"]))


def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix == ".woff2" or path.suffix == ".png":
        return len(data)  # compressed already: hosts send them as they are
    return len(gzip.compress(data, 6))
