"""The content Markdown dialect, defined once: citations, item links, page embeds.

Content prose is CommonMark plus three forms of our own:

* a citation right after a statement: ``... lowers ankle vein pressure [@stick-1992].``
  Adjacent citations (``[@a] [@b]``) are shown as one group;
* a link to another item by kind and id: ``[ankle pumps](exercise:ankle-pumps)``, with
  an optional ``#anchor``;
* in free pages, an embed made at build time: ``{{ model_report_table }}``.

The loader and checks read these with the functions below, the page renderer rewrites
them with the same patterns, and widgets render short fields with the one MarkdownIt
configuration here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt

from generators.content.kinds import KINDS

CITATION = re.compile(r"\[@([^\]\s]+)\]")
#: A citation with the space before it, as removed from plain text.
_CITATION_WITH_SPACE = re.compile(r"\s*\[@[^\]\s]+\]")
#: Two or more citations in a row, to be shown as one group.
_CITATION_RUN = re.compile(r"(\[@[^\]\s]+\])(\s*\[@[^\]\s]+\])+")
#: A (possibly grouped) citation as the renderer rewrites it: "[@a]" or "[@a,b]".
_GROUPED_CITATION = re.compile(r"\s?\[@([^\]\s]+)\]")
ITEM_LINK = re.compile(
    r"\]\((" + "|".join(re.escape(kind.name) for kind in KINDS) + r"):([^)\s#]+)(#[^)\s]*)?\)"
)
EMBED = re.compile(r"\{\{ ?([a-z][a-z0-9_]*) ?\}\}")

_md = MarkdownIt("commonmark", {"html": True}).enable("table")
_TAG = re.compile(r"<[^>]+>")


def citations(text: str) -> list[str]:
    """Reference ids cited in a text, in order (repeats kept)."""
    return CITATION.findall(text)


def item_links(text: str) -> list[tuple[str, str, str]]:
    """(kind, id, anchor) for every ``kind:id`` link in a text."""
    return ITEM_LINK.findall(text)


def embeds(text: str) -> list[str]:
    """Names of the build-time embeds a free page asks for."""
    return EMBED.findall(text)


def strip_citations(text: str) -> str:
    return _CITATION_WITH_SPACE.sub("", text)


def rewrite(text: str, link: Callable[[str, str, str], str], cite: Callable[[list[str]], str]) -> str:
    """Content Markdown → page Markdown.

    ``link(kind, id, anchor)`` returns the target of an item link; ``cite(ids)`` returns
    the HTML of one citation group.
    """
    text = ITEM_LINK.sub(lambda m: f"]({link(m.group(1), m.group(2), m.group(3) or '')})", text)
    text = _CITATION_RUN.sub(lambda m: "[@" + ",".join(CITATION.findall(m.group(0))) + "]", text)
    return _GROUPED_CITATION.sub(lambda m: cite(m.group(1).split(",")), text)


def replace_embeds(text: str, made: Callable[[str], str]) -> str:
    return EMBED.sub(lambda m: made(m.group(1)), text)


def plain_text(markdown: str) -> str:
    """The words a reader reads: no markup, citations or HTML tags; one block per line."""
    tokens = _md.parse(strip_citations(markdown))
    lines: list[str] = []
    for token in tokens:
        if token.type == "inline":
            # A soft line break inside a paragraph is a space, not a sentence end.
            words = "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in token.children or []
                if child.type in ("text", "code_inline", "softbreak", "hardbreak")
            )
            lines.append(words.strip())
        elif token.type == "html_block":
            lines.append(_TAG.sub(" ", token.content).strip())
    return "\n".join(line for line in lines if line)


def to_html(markdown: str) -> str:
    """A short field as a standalone HTML fragment (widgets, handouts). Citations are
    dropped: these fragments point to the full pages, where every claim keeps its sources."""
    return str(_md.render(strip_citations(markdown))).strip()
