"""Markdown helpers built on markdown-it-py: plain text for the checks, links, fragments.

MkDocs renders the pages; these helpers read the same Markdown for the content checks
(readability needs plain text, link checks need links) and render small standalone
HTML fragments outside MkDocs.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": True}).enable("table")
_CITATION = re.compile(r"\s*\[@[^\]\s]+\]")
_TAG = re.compile(r"<[^>]+>")


def strip_citations(text: str) -> str:
    return _CITATION.sub("", text)


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


def links(markdown: str) -> list[str]:
    """Every link target in a Markdown text, in order."""
    found: list[str] = []
    for token in _md.parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(str(child.attrs.get("href", "")))
    return found


def headings(markdown: str) -> list[str]:
    tokens = _md.parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def to_html(markdown: str) -> str:
    """A standalone HTML fragment (for handouts and embeds rendered outside MkDocs)."""
    html: str = _md.render(strip_citations(markdown))  # MarkdownIt.render is typed as Any
    return html
