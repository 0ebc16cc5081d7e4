"""Links written in content lead somewhere: item links name an item of that kind, other
links are web addresses or relative links to a page the build makes.

A link in content is one of:

* an item link, ``[ankle pumps](exercise:ankle-pumps)`` (the dialect, ``markdown.py``);
  the id must be an item of that kind;
* a web address (``https:``, ``http:``, ``mailto:``, ``tel:``) or an anchor (``#when-to-get-help``);
* a relative link to another page of the site: ``../references.md`` resolves from the
  Markdown file the text is published in (as MkDocs does), ``../../demo/`` from the page's
  web address (as a browser does). It must lead to a page the build makes.

A link to the root of the web server (``/demo/``) is an error: the site may be published in
a sub-folder. Text shown on pages in several folders (care.yml, the glossary) cannot hold
relative links: they would lead somewhere else on each page. Which schemes a link may use
at all (no ``javascript:``, no ``exercises:``) is ``safety.py``'s rule.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt

from generators.content import markdown, safety
from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME, KINDS
from generators.errors import ContentError

#: Where free pages (content/<lang>/pages/<id>.md) are published in the site.
FREE_PAGES = "about"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ITEM_LINK_HELP = ("an item link (topic:, risk-factor:, symptom: or exercise: and an id) or a web address "
                   "(https://...)")
_md = MarkdownIt("commonmark").enable("table")


def hrefs(text: str) -> Iterator[tuple[str, int]]:
    """Every link target in a Markdown text, with its line (0-based) in the text."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return iter(())  # no link can be there; parsing every field would slow the check down
    return iter(_hrefs(text))


@functools.lru_cache(maxsize=8192)  # the live preview checks every field again on each save
def _hrefs(text: str) -> tuple[tuple[str, int], ...]:
    return tuple(_parse_hrefs(text))


def _parse_hrefs(text: str) -> Iterator[tuple[str, int]]:
    lines = text.split("\n")
    for token in _md.parse(text):
        if token.type != "inline" or token.map is None:
            continue
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                found = [i for i in range(*token.map) if i < len(lines) and href in lines[i]]
                yield href, found[0] if found else token.map[0]


def url_of_doc(doc: str) -> str:
    """``a/b.md`` → ``a/b``, ``a/index.md`` → ``a``, ``index.md`` → ``''`` (no slashes)."""
    return doc.removesuffix(".md").removesuffix("index").rstrip("/")


def item_link_errors(ctx: SiteContext, rel: str, key: str, line: int | None, text: str,
                     broken: set[str]) -> list[ContentError]:
    """Every ``kind:id`` link in ``text`` names an item of that kind."""
    errors = []
    for kind, target, _anchor in markdown.item_links(text):
        if target in ctx.items_of(kind) or target in broken:
            continue
        folder = f"content/{ctx.lang}/{BY_NAME[kind].folder}"
        other = next((k.name for k in KINDS if target in ctx.items_of(k.name)), None)
        fix = (f"'{target}' is {_article(other)} {other}: write {other}:{target}" if other
               else f"correct the id or add {folder}/{target}.yml")
        errors.append(ContentError(rel, key, f"the id of {_article(kind)} {kind} in content/{ctx.lang}/",
                                   f"a link to '{kind}:{target}', which does not exist", fix, line))
    return errors


def link_errors(ctx: SiteContext, rel: str, key: str, line: int, text: str, published_in: str | None,
                docs: frozenset[str] | None) -> list[ContentError]:
    """Every link in ``text`` that is neither an item link, a web address, an anchor nor a
    relative link to a page in ``docs``. ``published_in`` is the Markdown file the text is
    shown in (None: shown in several folders); ``line`` is the text's first line in the file."""
    errors = []
    for href, offset in hrefs(text):
        where = (rel, key, line + offset)
        if href.startswith("#") or _SCHEME.match(href) or not safety.url_allowed(href):
            continue  # an anchor, a web address or an item link; safety.py refuses other schemes
        if href.startswith("/"):
            errors.append(ContentError(*where[:2], "a relative link such as ../demo/, an item link or a web "
                                       "address", f"'{href}', which starts at the web server's root",
                                       "write it relative to this page (the site may be published in a "
                                       "sub-folder of its web address)", where[2]))
        elif published_in is None:
            errors.append(ContentError(*where[:2], _ITEM_LINK_HELP, f"the relative link '{href}'",
                                       "write an item link or a web address (this text is shown on pages in "
                                       "several folders, where a relative link would lead to different "
                                       "places)", where[2]))
        elif docs is not None:
            dead = _dead(href, published_in, docs)
            if dead is not None:
                errors.append(ContentError(*where[:2], "a link to a page of this site",
                                           f"'{href}', which leads {dead}",
                                           "correct the link, or write an item link such as "
                                           "exercise:ankle-pumps", where[2]))
    return errors


def _dead(href: str, published_in: str, docs: frozenset[str]) -> str | None:
    """Where a relative link leads ("to x/, a page the build does not make"), if that is not a
    page of the site; None if it is one (or a file such as a picture: this check leaves those
    alone)."""
    target = re.split(r"[#?]", href, maxsplit=1)[0]
    if not target:
        return None
    if target.endswith(".md"):
        doc = posixpath.normpath(posixpath.join(posixpath.dirname(published_in), target))
        return None if doc in docs else _nowhere(doc)
    if "." in posixpath.basename(target.rstrip("/")):
        return None
    here = url_of_doc(published_in)
    url = posixpath.normpath(posixpath.join(here, target))
    url = "" if url == "." else url
    if url in {url_of_doc(doc) for doc in docs}:
        return None
    return _nowhere(f"{url}/")


def _nowhere(target: str) -> str:
    if target.startswith("../"):
        return "outside the site"
    return f"to {target}, a page the build does not make"


def _article(word: str | None) -> str:
    return "an" if (word or "")[:1] in "aeiou" else "a"
