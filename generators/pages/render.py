"""Render the cross-linked context into Markdown pages for MkDocs, with Jinja2.

Each page gets its own ``PageRenderer``: it numbers the page's citations in the order
they appear, turns ``[@id]`` into a link to the page's "Sources" list, and resolves
``exercise:id`` style links into relative links that MkDocs checks in strict mode.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME, KINDS
from generators.content.schema import BuiltPage, PageBase, Reference

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class RenderedPage:
    path: str  # inside docs_dir, e.g. "exercises/calf-raises.md"
    title: str
    text: str
    kind: str = "page"
    item_id: str | None = None
    ref_ids: list[str] = field(default_factory=list)


def url_of_doc(path: str) -> str:
    """The site URL of a docs file, as MkDocs makes it: ``a/b.md`` → ``a/b/``,
    ``a/index.md`` → ``a/``."""
    return path.removesuffix(".md").removesuffix("index") + ("" if path.endswith("index.md") else "/")


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # output is Markdown; HTML in it is escaped where built
    )
    env.filters["esc"] = escape
    env.globals["kinds"] = KINDS
    return env


def format_reference(ref: Reference) -> str:
    """One reference in a short Vancouver-like style, as HTML."""
    authors = ref.authors if len(ref.authors) <= 3 else [*ref.authors[:3], "et al"]
    parts = ([_sentence(escape(", ".join(authors)))] if authors else []) + [_sentence(escape(ref.title))]
    where = ref.journal or ""
    if where:
        detail = f"<i>{escape(where)}</i> {ref.year}"
        if ref.volume:
            detail += f";{escape(ref.volume)}"
        if ref.pages:
            detail += f":{escape(ref.pages)}"
        parts.append(detail + ".")
    else:
        parts.append(f"{ref.year}.")
    links = []
    if ref.doi:
        links.append(f'<a href="https://doi.org/{ref.doi}">doi:{escape(ref.doi)}</a>')
    if ref.pmid:
        links.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/">PMID {ref.pmid}</a>')
    if ref.url:
        links.append(f'<a href="{escape(ref.url)}">{escape(_host(ref.url))}</a>')
    return " ".join(parts + links)


def _sentence(text: str) -> str:
    """End with one full stop, never two ("et al.." or "Why?.")."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0]


class PageRenderer:
    """Per-page state: citation numbers and the page's own location for relative links."""

    def __init__(self, ctx: SiteContext, path: str) -> None:
        self.ctx = ctx
        self.path = path
        self.cited: list[str] = []

    # -- links
    def rel(self, target_doc: str) -> str:
        return posixpath.relpath(target_doc, posixpath.dirname(self.path) or ".")

    def url_rel(self, target_url: str) -> str:
        """A link for raw HTML, which MkDocs does not rewrite: relative to the page's URL."""
        relative = posixpath.relpath(target_url or ".", url_of_doc(self.path) or ".")
        return relative + ("/" if target_url.endswith("/") else "")

    def doc(self, kind: str, item_id: str) -> str:
        return self.rel(self.ctx.doc_of(kind, item_id))

    def link(self, kind: str, item_id: str) -> str:
        item = self.ctx.items_of(kind)[item_id]
        label = getattr(item, "name", None) or item.title
        return f"[{label}]({self.doc(kind, item_id)})"

    # -- citations
    def number(self, ref_id: str) -> int:
        if ref_id not in self.cited:
            self.cited.append(ref_id)
        return self.cited.index(ref_id) + 1

    def cite(self, ref_ids: Iterable[str]) -> str:
        numbers = sorted({self.number(r) for r in ref_ids})
        inner = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        label = "Source" + ("s " if len(numbers) > 1 else " ") + ", ".join(map(str, numbers))
        return f'<sup class="sh-cite" aria-label="{label}">[{inner}]</sup>'

    def md(self, text: str) -> str:
        """Content Markdown → page Markdown: citations numbered, item links resolved."""

        return markdown.rewrite(text, lambda kind, item_id, anchor: self.doc(kind, item_id) + anchor,
                                self.cite)

    def sources_html(self) -> str:
        if not self.cited:
            return ""
        items = "\n".join(
            f'<li id="source-{i}">{format_reference(self.ctx.references[r])} '
            f'<a class="sh-ref-more" href="{self.url_rel("references/")}#{r}" '
            f'aria-label="more about source {i} in the reference list">more</a></li>'
            for i, r in enumerate(self.cited, 1)
        )
        return f'<ol class="sh-sources">\n{items}\n</ol>'


def jsonld(ctx: SiteContext, kind: str, item: PageBase | BuiltPage, ref_ids: list[str], url: str) -> str:
    """schema.org MedicalWebPage for one content page (serialized JSON)."""
    reviewer = item.review.reviewer
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": item.title,
        "description": item.description,
        "url": ctx.settings.site_url + url,
        "inLanguage": ctx.lang,
        "lastReviewed": item.review.last_reviewed.isoformat(),
        "reviewedBy": {"@type": "Organization", "name": reviewer.name, "description": reviewer.role},
        "publisher": {"@type": "Organization", "name": ctx.settings.publisher},
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "about": {
            "@type": BY_NAME[kind].schema_type if kind in BY_NAME else "MedicalEntity",
            "name": getattr(item, "name", None) or item.title,
        },
        "citation": [citation_ld(ctx.references[r]) for r in ref_ids],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def citation_ld(ref: Reference) -> dict[str, Any]:
    kind = {"article": "ScholarlyArticle", "review": "ScholarlyArticle", "book": "Book"}.get(
        ref.kind, "CreativeWork"
    )
    out: dict[str, Any] = {"@type": kind, "name": ref.title, "datePublished": str(ref.year)}
    if ref.authors:
        out["author"] = ref.authors
    if ref.doi:
        out["sameAs"] = f"https://doi.org/{ref.doi}"
    elif ref.url:
        out["sameAs"] = ref.url
    if ref.journal:
        out["isPartOf"] = ref.journal
    return out


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter; values are JSON, which YAML reads as the same values."""
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", ""])

