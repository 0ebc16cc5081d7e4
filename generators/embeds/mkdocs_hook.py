"""MkDocs hook: in every embed view, links leave the frame (links.py), so the host page
stays and the full page opens in a new tab."""

from __future__ import annotations

from typing import Any

from generators.embeds.links import retarget
from generators.embeds.views import TEMPLATE


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if (page.meta or {}).get("template") != TEMPLATE:
        return html
    return retarget(html, page.url)
