"""Render the cross-linked context into Markdown pages for MkDocs, with Jinja2.

Each page gets its own ``PageRenderer``: it numbers the page's citations in the order
they appear, turns ``[@id]`` into a link to the page's "Sources" list, and resolves
``exercise:id`` style links into relative links that MkDocs checks in strict mode.

Nothing a person typed reaches a page unescaped. The templates autoescape: every value
they print is shown as text (``markdown.plain``) unless it is ``Markup``, and only this
module and stage 2's blocks make ``Markup``: ``PageRenderer.md`` (a Markdown field that
passes safety.py's rules; one that does not is shown as text), citations, item links,
the sources list and references, each escaping the words it holds. The JSON-LD and the
front matter escape what MkDocs and Material print without escaping.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generators.content import markdown, safety
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


def as_text(value: object) -> Markup:
    """What a template prints: ``Markup`` as it is, anything else as plain text."""
    if isinstance(value, Markup):
        return value
    return Markup(markdown.plain("" if value is None else str(value)))


def markdown_field(text: str) -> Markup:
    """A Markdown field printed as it is (no citations or item links in it to rewrite)."""
    return Markup(text) if safety.is_safe(text) else Markup(markdown.plain(text))


@functools.cache  # one per process: `serve` rebuilds reuse the compiled templates (auto_reload
def make_env() -> Environment:  # recompiles one whose file changed)
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Every printed value is text unless it is Markup (macros' output is): the output
        # is Markdown, so "text" also means no links, attribute lists or snippets.
        autoescape=True,
        finalize=as_text,
    )
    env.filters["esc"] = as_text
    env.filters["markdown"] = markdown_field
    env.globals["kinds"] = KINDS
    return env


def format_reference(ref: Reference) -> Markup:
    """One reference in a short Vancouver-like style, as HTML (every field escaped)."""
    _text = markdown.plain
    authors = ref.authors if len(ref.authors) <= 3 else [*ref.authors[:3], "et al"]
    parts = ([_sentence(_text(", ".join(authors)))] if authors else []) + [_sentence(_text(ref.title))]
    where = ref.journal or ""
    if where:
        detail = f"<i>{_text(where)}</i> {ref.year}"
        if ref.volume:
            detail += f";{_text(ref.volume)}"
        if ref.pages:
            detail += f":{_text(ref.pages)}"
        parts.append(detail + ".")
    else:
        parts.append(f"{ref.year}.")
    links = []
    if ref.doi:
        links.append(f'<a href="https://doi.org/{_text(ref.doi)}">doi:{_text(ref.doi)}</a>')
    if ref.pmid:
        links.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/">PMID {ref.pmid}</a>')
    if ref.url:
        links.append(f'<a href="{_text(ref.url)}">{_text(_host(ref.url))}</a>')
    return Markup(" ".join(parts + links))


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

    def link(self, kind: str, item_id: str) -> Markup:
        item = self.ctx.items_of(kind)[item_id]
        label = getattr(item, "name", None) or item.title
        words = " ".join(str(label).split())  # one line, or the link would break
        return Markup(f"[{markdown.plain(words)}]({self.doc(kind, item_id)})")

    def date(self, day: dt.date) -> str:
        """A date in the page's language (ui.yml ``dates``): "29 November 2026"."""
        return format_date(self.ctx, day)

    # -- citations
    def number(self, ref_id: str) -> int:
        if ref_id not in self.cited:
            self.cited.append(ref_id)
        return self.cited.index(ref_id) + 1

    def cite(self, ref_ids: Iterable[str]) -> Markup:
        numbers = sorted({self.number(r) for r in ref_ids})
        inner = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        words = self.ctx.words("pages")
        label = escape(words["source_many" if len(numbers) > 1 else "source_one"].replace(
            "{numbers}", ", ".join(map(str, numbers))))
        return Markup(f'<sup class="sh-cite" aria-label="{label}">[{inner}]</sup>')

    def md(self, text: str, embeds: Callable[[str], str] | None = None) -> Markup:
        """Content Markdown → page Markdown: citations numbered, item links resolved, and
        in a free page ``embeds(name)`` made for each ``{{ name }}``. A field that breaks
        safety.py's rules (stage 1 refuses it) is shown as text, whole."""
        if not safety.is_safe(text):
            return Markup(markdown.plain(text))
        if embeds is not None:
            text = markdown.replace_embeds(text, embeds)
        return Markup(markdown.rewrite(text, lambda kind, item_id, anchor: self.doc(kind, item_id) + anchor,
                                       self.cite))

    def sources_html(self) -> Markup:
        if not self.cited:
            return Markup("")
        words = self.ctx.words("pages")
        more = escape(words["more"])
        items = "\n".join(
            f'<li id="source-{i}">{format_reference(self.ctx.references[r])} '
            f'<a class="sh-ref-more" href="{self.url_rel("references/")}#{r}" '
            f'aria-label="{escape(words["more_label"].replace("{number}", str(i)))}">{more}</a></li>'
            for i, r in enumerate(self.cited, 1)
        )
        return Markup(f'<ol class="sh-sources">\n{items}\n</ol>')


def format_date(ctx: SiteContext, day: dt.date) -> str:
    words = ctx.words("dates")
    months = [month.strip() for month in words["months"].split(",")]
    return (words["date"].replace("{day}", str(day.day)).replace("{month}", months[day.month - 1])
            .replace("{year}", str(day.year)))


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
        "reviewedBy": ({"@type": "Person", "name": reviewer.name, "jobTitle": reviewer.role}
                       if reviewer.kind == "person" else
                       {"@type": "Organization", "name": reviewer.name, "description": reviewer.role}),
        "publisher": {"@type": "Organization", "name": ctx.settings.publisher},
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "about": {
            "@type": BY_NAME[kind].schema_type if kind in BY_NAME else "MedicalEntity",
            "name": getattr(item, "name", None) or item.title,
        },
        "citation": [citation_ld(ctx.references[r]) for r in ref_ids],
    }
    return script_json(data)


#: Characters that could end a <script> element or start markup, as JSON escapes.
_SCRIPT_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: the same data, with no ``</script>``,
    ``<!--`` or ``&`` anywhere in its text."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_JSON)


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


def html_text(text: str) -> str:
    """Text for a place MkDocs or Material print as HTML: ``& < > "`` as entities."""
    return escape(text, quote=False).replace('"', "&quot;")


#: Front-matter keys whose values Material prints as HTML without escaping them
#: (<title>, <meta name="description">, the header, the search index).
HTML_META = ("title", "description")


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter; values are JSON, which YAML reads as the same values. The
    title and description are HTML-escaped, because Material prints them as HTML."""
    shown = {key: html_text(value) if key in HTML_META and isinstance(value, str) else value
             for key, value in meta.items()}
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in shown.items()]
    return "\n".join([*lines, "---", ""])

