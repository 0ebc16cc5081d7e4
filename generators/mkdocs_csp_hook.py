"""MkDocs hook: after MkDocs has written the site, add its Content-Security-Policy and
Subresource Integrity (generators/csp.py), for ``second-heart build``, ``serve`` and plain
``mkdocs build`` alike, then the offline service worker and app manifest
(generators/offline; not for ``serve``). It runs before any other post-build step (such as moving a plain
``mkdocs build`` into place), so the site is finished before anyone sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generators import offline
from generators.csp import EMBED_FRAME_ANCESTORS, finish
from generators.errors import SecondHeartError

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_post_build(config: Any) -> None:
    try:
        # The live preview's server adds an inline script to every page: no <meta> policy there.
        # Who may frame the embed views: settings.yml's embed: (or a clinic's file), which
        # generators/mkdocs_hooks.py put in config.extra when it generated the pages.
        embed = config.extra.get("embed_frame_ancestors") or EMBED_FRAME_ANCESTORS
        finish(Path(config.site_dir), embed_frame_ancestors=embed,
               base_path=urlsplit(config.site_url or "/").path, meta_tag=not _serving)
        # Then the offline copy, over the finished files (generators/offline; not in serve,
        # whose pages do not ask for it: generators/mkdocs_hooks.py).
        if config.extra.get("offline"):
            project = Path(config.config_file_path).resolve().parent
            offline.finish(project, Path(config.site_dir), config.extra["offline"])
    except SecondHeartError as exc:
        raise PluginError(str(exc)) from exc
