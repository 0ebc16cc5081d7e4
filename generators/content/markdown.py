"""The content Markdown dialect, defined once: citations, item links, page embeds.

Content prose is Markdown plus three forms of our own:

* a citation right after a statement: ``... lowers ankle vein pressure [@stick-1992].``
  Adjacent citations (``[@a] [@b]``) are shown as one group;
* a link to another item by kind and id: ``[ankle pumps](exercise:ankle-pumps)``, with
  an optional ``#anchor``;
* in free pages, an embed made at build time: ``{{ model_report_table }}``.

The loader and checks read these with the functions below, the page renderer rewrites
them with the same patterns, and widgets render short fields with the one MarkdownIt
configuration here. What HTML a field may hold is ``safety.py``'s to say; the functions
here make what a person typed inert where it is placed: ``plain`` for text shown as
text inside a Markdown page, ``inert_snippets`` for a whole page, ``to_html`` for widgets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html import escape

from markdown_it import MarkdownIt
from pymdownx.snippets import SnippetPreprocessor  # type: ignore[import-untyped]  # no type hints

from generators.content import safety
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
#: Widgets' HTML: raw HTML is only ever the bare tags safety.RAW_TAGS allows (a field that
#: holds more is shown as text), and links go only where safety allows.
_widget_md = MarkdownIt("commonmark", {"html": True}).enable("table")
_widget_md.validateLink = safety.url_allowed  # type: ignore[method-assign]
#: What a tooltip's text must not carry as markup: angle brackets, and an ampersand that
#: starts a character reference (a lone "&" is text at every decoding).
_TOOLTIP_MARKUP = re.compile(r"[<>]|&(?=#?[A-Za-z0-9]+;)")
#: Text shown as text inside a Markdown page: HTML's special characters, the brackets of
#: Markdown's links and images (``]`` too: the text may be a link's label, which a ``](``
#: would end) and the opener of attribute lists (``{``), as character references.
_PLAIN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "[": "&#91;", "]": "&#93;",
                        "{": "&#123;"})


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


@functools.lru_cache(maxsize=8192)  # reading grades: every page's words on every preview save
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
    dropped: these fragments point to the full pages, where every claim keeps its sources.
    A field that breaks safety.py's rules (stage 1 refuses it) is shown as text."""
    text = strip_citations(markdown)
    if not safety.is_safe(text):
        return f"<p>{escape(text)}</p>"
    return str(_widget_md.render(text)).strip()


def plain(text: str) -> str:
    """Text a person typed, to be shown as exactly that text inside a Markdown page: no
    tag, entity, link, image, attribute list or snippet can come out of it."""
    return text.translate(_PLAIN)


def abbreviation(label: str, definition: str) -> str:
    """One glossary term as a Markdown abbreviation line (``*[label]: definition``), which
    Material shows as a tooltip. Each is kept to one line, so no text of a term can become
    a line of its own on every page (the abbreviations are appended to each one). The
    definition becomes the tooltip's title attribute, which Python-Markdown writes with
    its character references kept and Material then shows as HTML: escaped twice, so
    every decoding leaves text."""
    label = " ".join(label.split()).replace("]", ")")
    words = _TOOLTIP_MARKUP.sub(lambda m: {"<": "&amp;lt;", ">": "&amp;gt;"}.get(m.group(0), "&amp;amp;"),
                                " ".join(definition.split()))
    return inert_snippets(f"*[{label}]: {words}")


def inert_snippets(page: str) -> str:
    """A generated page with every snippet instruction (``--8<-- "file"``, ``--8<--``
    blocks, ``--8<-- [start:name]``) escaped the way pymdownx.snippets documents (a leading
    ``;``, which it removes): content can never include a file. The site's own includes
    come from mkdocs.yml (``auto_append``), not from text in a page."""
    lines = page.split("\n")
    for index, line in enumerate(lines):
        if "8<-" not in line:
            continue
        marker = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if marker is None:
            marker = SnippetPreprocessor.RE_SNIPPET_SECTION.match(line)
        if marker is not None and not marker.group("escape"):
            at = marker.start("escape")
            lines[index] = line[:at] + ";" + line[at:]
    return "\n".join(lines)
