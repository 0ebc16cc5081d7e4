"""MkDocs hook: after MkDocs has written the site, add its Content-Security-Policy and
Subresource Integrity (generators/csp.py), for ``second-heart build``, ``serve`` and plain
``mkdocs build`` alike. It runs before any other post-build step (such as moving a plain
``mkdocs build`` into place), so the site is finished before anyone sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generators.csp import finish
from generators.errors import SecondHeartError

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_post_build(config: Any) -> None:
    try:
        # The live preview's server adds an inline script to every page: no <meta> policy there.
        finish(Path(config.site_dir), meta_tag=not _serving)
    except SecondHeartError as exc:
        raise PluginError(str(exc)) from exc
