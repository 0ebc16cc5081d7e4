"""The risk checklist's build-time side: its data (``checklist.json``) and its HTML form.

Everything comes from content/: questions from each risk factor's ``checklist`` and each
red flag's ``question``, plan cautions from each exercise's ``take_care``, care levels and
what to do from ``care.yml``, URLs from the context. The form is real, printable HTML that
works without JavaScript; with Python running, ``interactive/web/checklist.js`` runs
``risk_checklist`` on the ticks in the worker and writes the result into the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.schema import Exercise, RedFlag
from generators.errors import BuildError
from generators.widgets.words import words_attribute

#: The shape of checklist.json; ``risk_checklist.checklist.SCHEMA_VERSION`` must match.
#: 3: ``words``, the summary's sentences in the page's language (ui.yml ``checklist``).
SCHEMA_VERSION = 3
#: The ui.yml ``checklist`` words the rules themselves write (``risk_checklist.rules.Result``).
SUMMARY_WORDS = ("summary_none", "summary_one", "summary_many", "summary_warning")

#: Turns an item link (kind, id, anchor) into a URL.
Linker = Callable[[str, str, str], str]


def _html(text: str, link: Linker) -> str:
    """A content field as an HTML fragment: citations dropped (the fragment points to the
    full pages, where every claim keeps its sources), item links made real URLs."""
    return markdown.to_html(markdown.rewrite(text, link, lambda _ids: ""))


def _site_links(ctx: SiteContext) -> Linker:
    """Item links relative to the site root, as ``checklist.json`` holds every URL."""
    return lambda kind, item_id, anchor: ctx.url_of(kind, item_id) + anchor


def asked_red_flags(ctx: SiteContext) -> list[RedFlag]:
    """The red flags the checklist asks about: those with a question, in care.yml order."""
    return [flag for flag in ctx.care.red_flags if flag.question]


def _cautions(exercise: Exercise, link: Linker) -> list[dict[str, Any]]:
    return [
        {"text_html": _html(caution.text, link), "risk_factors": list(caution.risk_factors),
         "always_in_plan": caution.always_in_plan}
        for caution in exercise.take_care
        if caution.risk_factors or caution.always_in_plan  # the others never reach a plan
    ]


def checklist_data(ctx: SiteContext) -> dict[str, Any]:
    """The checklist as JSON-able data: the input of ``risk_checklist.Checklist.from_dict``."""
    link = _site_links(ctx)
    exercise_ids: list[str] = []
    risk_factors = []
    for factor in ctx.risk_factors.values():
        for exercise_id in factor.related.exercises:
            if exercise_id not in ctx.exercises:
                raise BuildError(
                    f"risk factor '{factor.id}': related exercise '{exercise_id}' does not exist. "
                    f"Fix: add content/{ctx.lang}/exercises/{exercise_id}.yml or remove the link"
                )
            if exercise_id not in exercise_ids:
                exercise_ids.append(exercise_id)
        risk_factors.append(
            {
                "id": factor.id,
                "name": factor.name,
                "question": factor.checklist.question,
                "detail": factor.checklist.detail,
                "changeable": factor.changeable,
                "url": ctx.url_of("risk-factor", factor.id),
                "exercises": list(factor.related.exercises),
            }
        )
    emergency = ctx.care.most_urgent.title
    words = ctx.words("checklist")
    if_word = ctx.words("pages")["if"]
    warning_signs = [
        {
            "id": flag.id,
            "name": flag.name,
            "question": flag.question,
            "detail": words["if_yes"].replace("{level}", ctx.care.level(flag.level).title),
            "level": flag.level,
            "action_html": _html(flag.action, link),
            "emergency_if_html": None if flag.emergency_if is None
            else _html(f"**{emergency}** {if_word} {flag.emergency_if}.", link),
            "url": ctx.url_of("symptom", flag.page) if flag.page else f"get-help-now/#{flag.id}",
        }
        for flag in asked_red_flags(ctx)
    ]
    return {
        "version": SCHEMA_VERSION,
        "risk_factors": risk_factors,
        "warning_signs": warning_signs,
        "exercises": {
            i: {"id": i, "name": ctx.exercises[i].name, "url": ctx.url_of("exercise", i),
                "cautions": _cautions(ctx.exercises[i], link)}
            for i in exercise_ids
        },
        "care_levels": [
            {"id": level.id, "title": level.title, "style": level.admonition,
             "action_html": _html(level.action, link)}
            for level in ctx.care.levels
        ],
        "no_exercise_html": _html(ctx.care.no_exercise, link),
        "emergency_number": ctx.site.emergency_number,
        "words": {key: words[key] for key in SUMMARY_WORDS},
    }


def _relative(page_url: str, target: str) -> str:
    """Link from one site-relative directory URL to another, as MkDocs writes them."""
    depth = len([p for p in page_url.split("/") if p])
    return "../" * depth + target


def _e(text: object) -> str:
    return escape("" if text is None else str(text))


def checklist_block(ctx: SiteContext, page_url: str = "checklist/") -> str:
    """The checklist as a real, printable HTML form that works without JavaScript.

    With Python running, ``checklist.js`` reads the ticks, runs ``risk_checklist`` in the
    worker and writes the summary, plan and care card into the result region. ``page_url``
    is where the block is placed, so its links are relative like the rest of the site.
    """
    data = checklist_data(ctx)
    w = {key: _e(value) for key, value in ctx.words("checklist").items()}

    def page_link(kind: str, item_id: str, anchor: str) -> str:
        return _relative(page_url, ctx.url_of(kind, item_id)) + anchor

    def item(kind: str, entry: Mapping[str, Any], link_text: str) -> str:
        field_id = f"sh-check-{entry['id']}"
        detail = f'<span class="sh-checklist__detail">{_e(entry["detail"])}</span>' if entry["detail"] else ""
        link = f'<a href="{_e(_relative(page_url, entry["url"]))}">{_e(link_text)}</a>'
        helps = ""
        if kind == "risk" and entry["exercises"]:
            links = ", ".join(
                f'<a href="{_e(_relative(page_url, data["exercises"][x]["url"]))}">'
                f'{_e(data["exercises"][x]["name"])}</a>'
                for x in entry["exercises"]
            )
            helps = f'<span class="sh-checklist__helps">{w["what_helps"]} {links}</span>'
        return (
            '<li class="sh-checklist__item"'
            f' data-kind="{kind}" data-changeable="{_e(entry.get("changeable"))}">'
            f'<input type="checkbox" id="{field_id}" name="item" value="{_e(entry["id"])}">'
            f'<label for="{field_id}">{_e(entry["question"])}</label>'
            f"{detail}<span class=\"sh-checklist__more\">{link}{helps}</span></li>"
        )

    def care_card(level_id: str, flags: list[RedFlag]) -> str:
        level = ctx.care.level(level_id)
        signs = "".join(f"<li>{_e(flag.name)}</li>" for flag in flags)
        return (
            f'<div class="sh-care sh-care--{_e(level.admonition)}" data-care-level="{_e(level.id)}">'
            f'<p class="sh-care__title"><strong>{_e(level.title)}</strong></p>'
            f'<div class="sh-care__action">{_html(level.action, page_link)}</div>'
            f'<p class="sh-care__signs-label">{w["signs"]}</p><ul class="sh-care__signs">{signs}</ul></div>'
        )

    asked = asked_red_flags(ctx)
    cards = "".join(
        care_card(level.id, [flag for flag in asked if flag.level == level.id])
        for level in ctx.care.levels if any(flag.level == level.id for flag in asked)
    )
    about = ctx.words("checklist")["about"]
    risk_items = "".join(item("risk", f, about.replace("{name}", f["name"].lower()))
                         for f in data["risk_factors"])
    sign_items = "".join(item("sign", s, ctx.words("checklist")["what_to_do"]) for s in data["warning_signs"])
    lines = [
        '<div class="sh-widget sh-checklist" data-widget="risk-checklist" data-state="idle"'
        f'{words_attribute(ctx, "checklist")}>',
        f'<p class="sh-checklist__private"><strong>{w["private_title"]}</strong> {w["private_text"]}</p>',
        # method="dialog" outside a dialog submits nowhere: even without JavaScript the
        # answers never leave the page in a URL.
        f'<form class="sh-checklist__form" method="dialog" aria-label="{w["form_label"]}">',
        f'<fieldset class="sh-checklist__group"><legend>{w["risks_legend"]}</legend>',
        f'<ul class="sh-checklist__items">{risk_items}</ul></fieldset>',
        '<fieldset class="sh-checklist__group sh-checklist__group--signs">'
        f'<legend>{w["signs_legend"]}</legend>',
        f'<ul class="sh-checklist__items">{sign_items}</ul></fieldset>',
        '<div class="sh-checklist__actions" hidden>',
        '<button type="button" class="md-button md-button--primary"'
        f' data-action="print">{w["print"]}</button>',
        f'<button type="button" class="md-button" data-action="save">{w["save"]}</button>',
        f'<button type="button" class="md-button" data-action="forget">{w["forget"]}</button>',
        "</div>",
        '<p class="sh-checklist__saved" role="status"></p>',
        "</form>",
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        f'<span class="sh-widget__loading-text">{w["loading"]}</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">'
        f'{_e(ctx.words("widget")["try_again"])}</button></div>',
        '<section class="sh-checklist__result" aria-live="polite" hidden></section>',
        f'<section class="sh-checklist__care" aria-label="{w["care_label"]}">',
        f'<p class="sh-checklist__care-intro"><strong>{w["care_intro"]}</strong></p>',
        cards,
        f'<div class="sh-checklist__no-exercise">{_html(ctx.care.no_exercise, page_link)}</div>',
        "</section>",
        f'<p class="sh-checklist__print-hint sh-widget__noscript">{w["print_hint"]}</p>',
        "</div>",
    ]
    return "\n".join(lines)
