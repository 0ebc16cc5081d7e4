"""A handout's sources: content Markdown to HTML with numbered citations, and the short list.

Each handout numbers its own sources in the order it cites them, like the site's pages
do; ``[@id]`` becomes a superscript number and ``exercise:id`` links become the online
page's full address (a printed link has to work when typed). The reference style is a
short form of the site's (first authors, year, title, journal, DOI or address), written
here rather than imported from generators/pages, which a handout may not import; if a
third user appears, move ``short_reference`` into generators/content.
"""

from __future__ import annotations

from html import escape

from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.schema import Reference


def short_reference(ref: Reference) -> str:
    """One reference as HTML: ``Stick C, et al. 1992. Title. <i>Journal</i>. doi:10...``."""
    authors = ref.authors if len(ref.authors) <= 2 else [ref.authors[0], "et al"]
    parts = [escape(_sentence(", ".join(authors))) if authors else "", f"{ref.year}.",
             escape(_sentence(ref.title))]
    if ref.journal:
        where = f"<i>{escape(ref.journal)}</i>"
        if not (ref.doi or ref.url or ref.pmid) and ref.volume and ref.pages:  # then this finds it
            where += f" {escape(ref.volume)}:{escape(ref.pages)}"
        parts.append(where + ".")
    if ref.doi:
        parts.append(f'<a href="https://doi.org/{escape(ref.doi)}">doi.org/{escape(ref.doi)}</a>')
    elif ref.url:
        parts.append(f'<a href="{escape(ref.url)}">{escape(ref.url.removeprefix("https://"))}</a>')
    elif ref.pmid:
        parts.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/">PubMed {ref.pmid}</a>')
    return " ".join(part for part in parts if part)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


class Citations:
    """One handout's citation numbers, and its Markdown fields made HTML with them."""

    def __init__(self, ctx: SiteContext) -> None:
        self.ctx = ctx
        self.cited: list[str] = []

    def number(self, ref_id: str) -> int:
        if ref_id not in self.cited:
            self.cited.append(ref_id)
        return self.cited.index(ref_id) + 1

    def cite(self, ref_ids: list[str]) -> str:
        """A citation group as a bare ``<sup>`` (the only markup a Markdown field may hold)."""
        numbers = sorted({self.number(ref_id) for ref_id in ref_ids})
        return f"<sup>{','.join(map(str, numbers))}</sup>"

    def online(self, kind: str, item_id: str, anchor: str = "") -> str:
        """The full address of an item's page on the published site."""
        return self.ctx.settings.site_url + self.ctx.url_of(kind, item_id) + anchor

    def html(self, text: str) -> str:
        """A Markdown field as an HTML fragment, its citations numbered."""
        return markdown.to_html(markdown.rewrite(text, self.online, self.cite))

    def inline(self, text: str) -> str:
        """A one-paragraph Markdown field as inline HTML (no ``<p>`` around it)."""
        html = self.html(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html

    def sources_html(self) -> str:
        """The numbered list of what this handout cited, or nothing when it cited nothing."""
        if not self.cited:
            return ""
        items = "".join(f"<li>{short_reference(self.ctx.references[ref_id])}</li>" for ref_id in self.cited)
        css = "sources sources--columns" if len(self.cited) > 2 else "sources"
        heading = escape(self.ctx.words("handouts")["sources"])
        return f'<section class="{css}"><h2>{heading}</h2><ol>{items}</ol></section>'
