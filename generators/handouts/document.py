"""The frame every handout shares: a standalone HTML document around a handout's body.

Top: whose handout it is (the clinic's logo, name and contact, or the site's name), what
kind of page, the title and its one-line summary. Bottom: QR codes to the online page
(and the demo), the review dates, "Education, not medical advice", and the numbered
sources. Everything is inline (CSS, fonts, pictures, QR codes, logo): the document loads
nothing from anywhere, so Chromium prints it from a ``file://`` address offline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from generators.content.context import SiteContext
from generators.content.schema import Review
from generators.handouts.branding import SITE_ACCENT, SITE_PRIMARY, Branding
from generators.handouts.citations import Citations
from generators.handouts.qr import qr_svg
from generators.handouts.style import BASE_CSS, Paper, font_faces, page_css

#: Built pages a handout's QR codes lead to (generators/build.py BUILT_PAGES).
DEMO_URL = "demo/"
CHECKLIST_URL = "checklist/"


@dataclass(frozen=True)
class Look:
    """What every handout of one run shares: who hands it out, the paper, the fonts."""

    branding: Branding | None = None
    paper: Paper = "fit"
    font_dir: Path | None = None  # the site's font files; None: the system's sans-serif


@dataclass(frozen=True)
class Handout:
    """One printable document. Its PDF goes to ``<handouts folder>/<path>.pdf``."""

    path: str  # e.g. "exercises/calf-raises", or "exercise-log" for a sheet
    kind: str  # "topic", "exercise", "symptom", "risk-factor" or "sheet"
    item_id: str | None
    title: str
    page_url: str  # the online page the first QR code leads to
    demo_url: str | None  # the demo, for exercises and mechanism topics
    html: str

    @property
    def pdf(self) -> str:
        return f"{self.path}.pdf"


@dataclass(frozen=True)
class Link:
    """A QR code, the words under it, and its address written out beside it."""

    caption: str  # under the code, e.g. "This page"
    label: str  # before the written address, e.g. "Read this page online"
    url: str


def long_date(ctx: SiteContext, day: dt.date) -> str:
    """As the site's review box writes dates, in the handout's language: "21 November 2026"."""
    words = ctx.words("dates")
    months = [month.strip() for month in words["months"].split(",")]
    return (words["date"].replace("{day}", str(day.day)).replace("{month}", months[day.month - 1])
            .replace("{year}", str(day.year)))


def _header(ctx: SiteContext, branding: Branding | None) -> str:
    if branding is None:
        return (f'<header class="brand"><div class="brand__id"><div><div class="brand__name">'
                f'{escape(ctx.site.name)}</div><div class="brand__tagline">{escape(ctx.site.tagline)}</div>'
                "</div></div></header>")
    logo = branding.logo_data_url()
    words = ctx.words("handouts")
    alt = words["logo"].replace("{name}", branding.name)
    image = f'<img class="brand__logo" src="{logo}" alt="{escape(alt)}">' if logo else ""
    contact = []  # the phone first and strongest: it is what a patient looks for
    if branding.phone:
        contact.append(f"<strong>{escape(words['phone'])} {escape(branding.phone)}</strong>")
    if branding.address:
        contact.append(escape(branding.address))
    if branding.website:
        contact.append(escape(branding.website.removeprefix("https://")))
    return (f'<header class="brand"><div class="brand__id">{image}<div class="brand__name">'
            f'{escape(branding.name)}</div></div>'
            f'<div class="brand__contact">{"<br>".join(contact)}</div></header>')


def _breakable(url: str) -> str:
    """An address that may wrap after each slash, not in the middle of a word."""
    return "/<wbr>".join(escape(part) for part in url.split("/"))


def _online(ctx: SiteContext, links: list[Link]) -> str:
    """The QR codes side by side, each with a caption (the addresses go in the text)."""
    name = ctx.words("handouts")["qr_code"]
    codes = "".join(
        f'<figure class="online__item" data-qr="{index}">'
        f'{qr_svg(link.url, name.replace("{label}", link.label))}'
        f"<figcaption>{escape(link.caption)}</figcaption></figure>"
        for index, link in enumerate(links))
    return f'<div class="online">{codes}</div>'


def _addresses(links: list[Link]) -> str:
    lines = "<br>".join(f"<strong>{escape(link.label)}:</strong> "
                        f"{_breakable(link.url.removeprefix('https://'))}" for link in links)
    return f'<p class="addresses">{lines}</p>'


def _review(ctx: SiteContext, review: Review) -> str:
    reviewer = review.reviewer
    w = {key: escape(value) for key, value in ctx.words("pages").items()}  # as the pages say it
    return (f'<p class="review"><strong>{w["last_reviewed"]}</strong> '
            f"{long_date(ctx, review.last_reviewed)} · "
            f'<strong>{w["next_review"]}</strong> {long_date(ctx, review.next_review)} · '
            f'<strong>{w["reviewed_by"]}</strong> {escape(reviewer.name)} ({escape(reviewer.role)})</p>')


def document(ctx: SiteContext, look: Look, cites: Citations, *, kind_label: str, title: str,
             lead: str, body: str, links: list[Link], review: Review, landscape: bool = False) -> str:
    """A whole handout as one HTML document. ``body`` is HTML made from the context;
    ``lead`` and ``title`` are text."""
    branding = look.branding
    words = ctx.words("handouts")
    source = ctx.site.name if branding is None else (
        words["from_site"].replace("{clinic}", branding.name).replace("{site}", ctx.site.name))
    css = "\n".join([font_faces(look.font_dir), BASE_CSS, page_css(
        look.paper, f"{source} · {title}",
        branding.primary if branding else SITE_PRIMARY, branding.accent if branding else SITE_ACCENT,
        landscape, words["page_of"])])
    disclaimer = cites.inline(ctx.site.disclaimer)
    end = "".join([
        f'<div class="end__row">{_online(ctx, links)}<div class="end__text">{_addresses(links)}'
        f"{_review(ctx, review)}",
        f'<p class="disclaimer"><strong>{escape(words["disclaimer_title"])}</strong> {disclaimer}</p>'
        "</div></div>",
        cites.sources_html(),
    ])
    return "".join([
        f'<!doctype html><html lang="{escape(ctx.lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(words['handout_title'].replace('{title}', title).replace('{site}', ctx.site.name))}"
        "</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{css}</style></head><body>",
        _header(ctx, branding),
        f'<main><p class="kicker">{escape(kind_label)}</p><h1>{escape(title)}</h1>',
        f'<p class="lead">{escape(lead)}</p>{body}</main>',
        f'<footer class="end">{end}</footer></body></html>\n',
    ])
