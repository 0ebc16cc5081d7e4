"""MkDocs hook: after MkDocs has written the site, add its Content-Security-Policy and
Subresource Integrity (generators/csp.py), for ``second-heart build``, ``serve`` and plain
``mkdocs build`` alike. It runs before any other post-build step, so the pages are
finished before anyone sees them; the offline worker, which hashes them, is written last
(generators/mkdocs_hooks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generators import preview as live
from generators.csp import EMBED_FRAME_ANCESTORS, finish
from generators.errors import SecondHeartError
from generators.language_builds import BUILDING

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
        site_dir = Path(config.site_dir).resolve()
        building = BUILDING.get(site_dir)  # second-heart build: one language of several
        preview = live.ACTIVE if _serving else None  # second-heart serve: maybe a few pages only
        pages = preview.pages_to_finish() if preview else None
        known = preview.style_hashes if preview is not None and pages is not None else set()
        finished = finish(site_dir, embed_frame_ancestors=embed,
                          base_path=urlsplit(config.site_url or "/").path, meta_tag=not _serving,
                          pages=pages, known_styles=known)
        if preview is not None:
            preview.style_hashes = set(finished.style_hashes)
        if building is not None:  # for the header files of every language (csp.publish_translations)
            building.styles.update(finished.style_hashes)
    except SecondHeartError as exc:
        raise PluginError(str(exc)) from exc
