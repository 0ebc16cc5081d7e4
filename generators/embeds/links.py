"""Links in an embed view lead out of the frame: the host page stays, the full page opens in a
new tab. Applied to the HTML MkDocs made of an embed view (mkdocs_hook.py), so it works
without any script; assets/javascripts/embed-frame.js does the same for links a widget adds
later.

A link inside the page (``#source-1``) stays as it is. Every other link gets
``target="_blank" rel="noopener"``. A relative link that lands in ``embed/`` was written for
the full page, one folder up (a widget's block, made once for the full page): it is pointed
at the page it meant, which is the same path without ``embed/``. (The full pages refuse to be
framed by other sites, so a link must never open one inside the frame.)
"""

from __future__ import annotations

import posixpath
import re

from generators.content.links import hrefs
from generators.embeds.views import EMBED_FOLDER

_ANCHOR = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r'\shref="([^"]*)"')
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _full_page(href: str, page_url: str) -> str:
    """``href`` as written in the embed view at ``page_url`` (``embed/topics/x/``), or the
    address it meant if it lands in ``embed/``."""
    if _SCHEME.match(href) or href.startswith("/"):
        return href
    path, hash_mark, fragment = href.partition("#")
    landed = posixpath.normpath(posixpath.join(page_url, path))
    if not landed.startswith(EMBED_FOLDER + "/"):
        return href
    meant = landed.removeprefix(EMBED_FOLDER + "/")
    relative = posixpath.relpath(meant, page_url.rstrip("/") or ".")
    if path.endswith("/"):
        relative += "/"
    return relative + hash_mark + fragment


def retarget(html: str, page_url: str) -> str:
    """Every link of an embed view's content (at site address ``page_url``) that leaves the
    page opens the full page in a new tab."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or href.group(1).startswith("#"):
            return tag
        tag = tag.replace(href.group(0), f' href="{_full_page(href.group(1), page_url)}"', 1)
        if " target=" not in tag:
            tag = tag[:-1] + ' target="_blank" rel="noopener">'
        return tag

    return _ANCHOR.sub(fix, html)


def rebase(text: str) -> str:
    """A content Markdown field for an embed view: relative links are written from the full
    page's folder (``../references.md`` from ``about/``), and the embed view sits one folder
    deeper (``embed/about/``), so each gets one more ``../``. Item links, web addresses and
    anchors stay as they are."""
    relative = {href for href, _line in hrefs(text) if href and not _SCHEME.match(href)
                and not href.startswith(("#", "/"))}
    for href in sorted(relative, key=len, reverse=True):
        target = r"(\]\(\s*|\]:\s*)" + re.escape(href) + r"(?=[\s)]|$)"
        text = re.sub(target, r"\g<1>" + ("../" + href).replace("\\", "\\\\"), text)
    return text
