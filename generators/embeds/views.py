"""What stage 3 adds for embedding and printing: the embed view of a page (its address,
front matter and footer), the "Embed this page" panel on the full page, and the link to the
page's handout PDF. Reader-visible words come from ui.yml (sections ``embed`` and
``handout_link``); everything else typed by a person (titles, the site's name) is escaped.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from html import escape
from typing import Any

from generators.content import markdown
from generators.content.context import SiteContext

EMBED_FOLDER = "embed"  # generators/csp.py EMBED_FOLDER: the headers let other sites frame it
TEMPLATE = "embed.html"  # generators/theme/embed.html
HANDOUT_FOLDER = "handouts"  # where the build puts the PDFs (generators/handouts/site.py)
#: The kinds of page that have a handout (generators/handouts/items.py).
HANDOUT_KINDS = ("topic", "exercise", "symptom", "risk-factor")
#: The plain iframe's height (CSS px) before embed.js, if used, sizes it to its content:
#: the first screen of an article; the widget pages need more.
DEFAULT_HEIGHT = 900
HEIGHTS = {"demo.md": 1100, "checklist.md": 1300}
EMBED_SCRIPT = "assets/javascripts/embed.js"


@dataclass(frozen=True)
class EmbedView:
    """The embed view of one page: ``embed/<path>`` beside the full page ``<path>``."""

    doc: str  # inside docs_dir, e.g. "embed/topics/calf-pump.md"
    full_doc: str  # the full page, e.g. "topics/calf-pump.md"

    @property
    def url(self) -> str:
        return _url_of_doc(self.doc)

    @property
    def full_url(self) -> str:
        return _url_of_doc(self.full_doc)

    @property
    def height(self) -> int:
        return HEIGHTS.get(self.full_doc, DEFAULT_HEIGHT)

    def meta(self, title: str, description: str, *, widget_page: bool) -> dict[str, Any]:
        """Front matter: Material shows it with embed.html, leaves it out of search, and the
        template points search engines at the full page (``embed_of``)."""
        meta: dict[str, Any] = {"title": title, "description": description, "template": TEMPLATE,
                                "search": {"exclude": True}, "embed_of": self.full_url}
        if widget_page:
            meta["widget_page"] = True
        return meta

    def rel(self, target_doc: str) -> str:
        """A Markdown link from the embed view to a docs file (MkDocs checks and rewrites it)."""
        return posixpath.relpath(target_doc, posixpath.dirname(self.doc))


def _url_of_doc(path: str) -> str:
    """As generators/pages/render.py url_of_doc: ``a/b.md`` → ``a/b/``, ``a/index.md`` → ``a/``."""
    return path.removesuffix(".md").removesuffix("index") + ("" if path.endswith("index.md") else "/")


def embed_doc(path: str) -> str:
    return f"{EMBED_FOLDER}/{path}"


def embed_view(path: str) -> EmbedView:
    return EmbedView(doc=embed_doc(path), full_doc=path)


def handout_pdf(ctx: SiteContext, kind: str, item_id: str | None) -> str | None:
    """The site path of a page's handout, ``handouts/<section>/<id>.pdf``, as the handouts
    name it (generators/handouts/items.py: the page's address); None for other pages."""
    if kind not in HANDOUT_KINDS or item_id is None:
        return None
    return f"{HANDOUT_FOLDER}/{ctx.url_of(kind, item_id).rstrip('/')}.pdf"


def _text(value: str) -> str:
    """Words for a Markdown line: shown as written, never as Markdown or HTML."""
    return markdown.plain(" ".join(value.split()))


def _fill(template: str, **values: str) -> str:
    """ui.yml words with ``{name}`` places (a translation may leave a place out)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def long_date(ctx: SiteContext, day: dt.date) -> str:
    """A date in the reader's language (ui.yml ``dates``): "21 November 2026"."""
    dates = ctx.words("dates")
    months = [month.strip() for month in dates["months"].split(",")]
    return _fill(dates["date"], day=str(day.day), month=months[day.month - 1], year=str(day.year))


def handout_link(ctx: SiteContext, link: str) -> str:
    """The "Print handout (PDF)" link, as Markdown (MkDocs checks the PDF is in the site)."""
    words = ctx.words("handout_link")
    return f'\n<p class="sh-handout-link" markdown>[{_text(words["label"])}]({link})</p>\n'


def footer(ctx: SiteContext, view: EmbedView, reviewed: dt.date, handout: str | None) -> str:
    """The embed view's footer, as Markdown: where it comes from, when it was reviewed, the
    full page and the handout (links.py makes every link open in a new tab)."""
    words = ctx.words("embed")
    links = [f"[{_text(_fill(words['full_page'], site=ctx.site.name))}]({view.rel(view.full_doc)})"]
    if handout:
        links.append(f"[{_text(ctx.words('handout_link')['label'])}]({view.rel(handout)})")
    return "\n".join([
        "",
        '<footer class="sh-embed-footer" markdown>',
        f"{_text(_fill(words['source'], site=ctx.site.name))} · "
        f"{_text(_fill(words['reviewed'], date=long_date(ctx, reviewed)))}",
        "",
        " · ".join(links),
        "</footer>",
        "",
    ])


def help_banner(ctx: SiteContext, view: EmbedView, get_help_doc: str) -> str:
    """The site's safety net, at the top of every embed view but the "Get help now" page's."""
    if view.full_doc == get_help_doc:
        return ""
    words = ctx.words("embed")
    link = f"[{_text(words['help_now'])}]({view.rel(get_help_doc)})"
    return f'<p class="sh-embed-help" markdown>{link}</p>\n\n'


def panel(ctx: SiteContext, view: EmbedView, title: str, preview: str) -> str:
    """The "Embed this page" panel on the full page: the iframe code (works without any
    script) and the optional embed.js line, as selectable text with progressive copy
    buttons (assets/javascripts/embed-panel.js). ``preview`` is a link (relative to the
    full page's address) to the embed view."""
    words = ctx.words("embed")
    site_url = ctx.settings.site_url
    frame_title = _fill(words["frame_title"], title=title, site=ctx.site.name)
    frame = (f'<iframe src="{escape(site_url + view.url)}" title="{escape(frame_title)}" width="100%" '
             f'height="{view.height}" loading="lazy" scrolling="auto" data-second-heart-embed></iframe>')
    script = f'<script src="{escape(site_url + EMBED_SCRIPT)}" async></script>'

    def code(name: str, label: str, text: str, rows: int) -> str:
        field = f"sh-embed-{name}"
        return (f'<p class="sh-embed-panel__label"><label for="{field}">{escape(label)}</label></p>\n'
                f'<textarea id="{field}" class="sh-embed-panel__code" rows="{rows}" readonly '
                f'spellcheck="false" autocomplete="off">{escape(text)}</textarea>\n'
                '<p class="sh-embed-panel__actions">'
                '<button type="button" class="md-button sh-embed-panel__copy" '
                f'data-copy="{field}" data-copied="{escape(words["copied"])}" '
                f'data-failed="{escape(words["copy_failed"])}" hidden>{escape(words["copy"])}</button> '
                f'<span class="sh-embed-panel__status" role="status"></span></p>\n')

    return "".join([
        '\n<details class="sh-embed-panel" data-search-exclude>\n',
        f'<summary>{escape(words["summary"])}</summary>\n',
        f'<p>{escape(words["intro"])}</p>\n',
        code("frame", words["frame_label"], frame, 4),
        code("script", words["script_label"], script, 2),
        f'<p>{escape(words["privacy"])}</p>\n',
        f'<p><a href="{escape(preview)}">{escape(words["preview"])}</a></p>\n',
        "</details>\n",
    ])
