"""A clinic's edition of the context: the same validated content, made the clinic's own.

- Its address is the site's address, its languages the languages built. (Its name is the
  site's name in the header and every page title: ``site.py``; the content keeps its own
  name, so handouts say "<clinic> · from Second Heart".)
- Its emergency number is in every "call now" sentence, and its same-day help in every
  "get seen today" one: the generic site's words for them (``generic_emergency`` and
  ``generic_helpline`` in ui.yml's ``clinic`` section, and site.yml's
  ``emergency_number``) are replaced wherever content says them.
- Its reviewer has signed off every page: each page's review names them (a Person in the
  JSON-LD), dated the day they signed off.
- Its contact is ``settings.clinic``, which the care cards, the "Get help now" page and the
  handouts show.
- The free pages it leaves out are gone (``site.py`` checks nothing links to them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from generators.clinic.load import LoadedClinic, check_against
from generators.clinic.locale import CallWords, call_words
from generators.clinic.model import in_language
from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.schema import Clinic, Review, Reviewer


def apply_clinic(loaded: LoadedClinic, ctx: SiteContext) -> SiteContext:
    """``ctx`` as the clinic's site shows it. Raises ``ClinicErrors`` when the clinic file
    does not fit this content (a reviewer's date before a page's last review...)."""
    check_against(loaded, ctx)
    clinic = loaded.clinic
    words = ctx.words("clinic")
    where = clinic.locale
    calls = call_words(where.country, where.emergency_number, where.urgent_care, words)
    say = _replacer(ctx, words, calls)
    signed = clinic.reviewer
    reviewer = Reviewer(name=signed.name, role=in_language(signed.role, ctx.lang) or "", kind="person")

    def reviewed(item: Any) -> Any:
        review = Review(last_reviewed=signed.date, next_review=item.review.next_review, reviewer=reviewer)
        return _strings(item, say).model_copy(update={"review": review})

    site = _strings(ctx.site, say)
    site = site.model_copy(update={
        "emergency_number": calls.emergency_number,
        "get_help": reviewed(site.get_help), "demo": reviewed(site.demo),
        "checklist": reviewed(site.checklist),
    })
    contact = clinic.contact
    settings = ctx.settings.model_copy(update={
        "site_url": clinic.site_url,
        "embed": clinic.embed or ctx.settings.embed,
        "clinic": Clinic(name=clinic.name, phone=contact.phone,
                         address=in_language(contact.address, ctx.lang), website=contact.website,
                         opening_hours=in_language(contact.opening_hours, ctx.lang),
                         ask_us=in_language(contact.ask_us, ctx.lang)),
    })
    kept = {page_id: page for page_id, page in ctx.pages.items() if page_id not in clinic.leave_out}
    return replace(
        ctx,
        settings=settings,
        site=site,
        care=_strings(ctx.care, say),
        glossary={key: _strings(term, say) for key, term in ctx.glossary.items()},
        items={kind: {key: reviewed(item) for key, item in found.items()}
               for kind, found in ctx.items.items()},
        pages={page_id: reviewed(page) for page_id, page in kept.items()},
        page_bodies={page_id: _reviewed(say(ctx.page_bodies[page_id]), words, reviewed_line(loaded, ctx))
                     for page_id in kept},
        languages={lang: ctx.languages.get(lang, lang) for lang in where.languages},
    )


def reviewed_line(loaded: LoadedClinic, ctx: SiteContext) -> str:
    """"Pages checked for this clinic by <name> (<role>), <date>." as plain text."""
    signed = loaded.clinic.reviewer
    words = ctx.words("clinic")
    role = in_language(signed.role, ctx.lang)
    return f"{words['reviewed_by']} {signed.name} ({role}), {local_date(ctx, signed.date)}."


def local_date(ctx: SiteContext, day: dt.date) -> str:
    """A date in the words of ui.yml's ``dates`` section, as the pages write dates."""
    words = ctx.words("dates")
    months = [month.strip() for month in words["months"].split(",")]
    return (words["date"].replace("{day}", str(day.day)).replace("{month}", months[day.month - 1])
            .replace("{year}", str(day.year)))


def _reviewed(body: str, words: Mapping[str, str], statement: str) -> str:
    """A free page's section headed ``generic_review_heading`` ("No clinician has checked
    these pages yet"), up to the next heading of its level or above, says who checked
    them for the clinic instead."""
    lines = body.split("\n")
    for start, line in enumerate(lines):
        level = len(line) - len(line.lstrip("#"))
        if 0 < level <= 6 and line[level:].strip() == words["generic_review_heading"]:
            end = next((i for i in range(start + 1, len(lines))
                        if 0 < len(lines[i]) - len(lines[i].lstrip("#")) <= level
                        and lines[i][len(lines[i]) - len(lines[i].lstrip("#"))] == " "), len(lines))
            section = ["#" * level + " " + words["review_heading"], "", markdown.plain(statement), ""]
            return "\n".join([*lines[:start], *section, *lines[end:]])
    return body


def _replacer(ctx: SiteContext, words: Mapping[str, str], calls: CallWords) -> Callable[[str], str]:
    """Replace the generic wording with the clinic's, longest phrase first; a phrase may
    be wrapped over lines in a Markdown body."""
    phrases = [(ctx.site.emergency_number, calls.emergency_number),
               (words["generic_helpline"], calls.urgent_care),
               (words["generic_emergency"], calls.emergency_number)]
    patterns = [(re.compile(r"\s+".join(map(re.escape, phrase.split()))), new)
                for phrase, new in sorted(phrases, key=lambda p: -len(p[0]))]

    def say(text: str) -> str:
        for pattern, new in patterns:
            text = pattern.sub(new.replace("\\", "\\\\"), text)
        return text

    return say


def _strings(value: Any, say: Callable[[str], str]) -> Any:
    """``value`` with ``say`` applied to every string inside it (models stay models)."""
    if isinstance(value, str):
        return say(value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _strings(getattr(value, name), say)
                                        for name in type(value).model_fields})
    if isinstance(value, list):
        return [_strings(each, say) for each in value]
    if isinstance(value, tuple):
        return tuple(_strings(each, say) for each in value)
    if isinstance(value, dict):
        return {key: _strings(each, say) for key, each in value.items()}
    return value
