"""The risk checklist's build-time side: its data (``checklist.json``) and its HTML form.

Everything comes from content/: questions from each item's ``checklist``, URLs from the
context, care cards from ``care.yml``. The form is real, printable HTML that works
without JavaScript; with Python running, ``interactive/web/checklist.js`` runs
``risk_checklist`` on the ticks in the worker and writes the result into the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from generators.content.context import SiteContext
from generators.content.markdown import to_html
from generators.errors import BuildError


def _warning_sign_ids(ctx: SiteContext) -> list[str]:
    on_cards = set(ctx.care.emergency.signs) | set(ctx.care.urgent.signs)
    return [s.id for s in ctx.symptoms.values() if s.kind == "warning-sign" or s.id in on_cards]


def checklist_data(ctx: SiteContext) -> dict[str, Any]:
    """The checklist as JSON-able data: the input of ``risk_checklist.Checklist.from_dict``.

    Everything comes from content/: questions from each item's ``checklist``, URLs from
    ``ctx.url_of`` (relative to the site root), care cards from ``care.yml``.
    """
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
    warning_signs = [
        {
            "id": sign.id,
            "name": sign.name,
            "question": sign.checklist.question,
            "detail": sign.checklist.detail,
            "urgency": sign.urgency,
            "url": ctx.url_of("symptom", sign.id),
        }
        for sign in (ctx.symptoms[i] for i in _warning_sign_ids(ctx))
    ]
    care = {
        level: {
            "title": card.title,
            "action_html": to_html(card.action),
            "signs": list(card.signs),
        }
        for level, card in (("emergency", ctx.care.emergency), ("urgent", ctx.care.urgent))
    }
    return {
        "version": 1,
        "risk_factors": risk_factors,
        "warning_signs": warning_signs,
        "exercises": {
            i: {"id": i, "name": ctx.exercises[i].name, "url": ctx.url_of("exercise", i)}
            for i in exercise_ids
        },
        "care": care,
        "emergency_number": ctx.site.emergency_number,
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
            helps = f'<span class="sh-checklist__helps">What helps: {links}</span>'
        return (
            '<li class="sh-checklist__item"'
            f' data-kind="{kind}" data-changeable="{_e(entry.get("changeable"))}">'
            f'<input type="checkbox" id="{field_id}" name="item" value="{_e(entry["id"])}">'
            f'<label for="{field_id}">{_e(entry["question"])}</label>'
            f"{detail}<span class=\"sh-checklist__more\">{link}{helps}</span></li>"
        )

    def care_card(level: str) -> str:
        card = data["care"][level]
        signs = "".join(
            f"<li>{_e(ctx.symptoms[s].name)}</li>" for s in card["signs"] if s in ctx.symptoms
        )
        return (
            f'<div class="sh-care sh-care--{level}" data-care-level="{level}">'
            f'<p class="sh-care__title"><strong>{_e(card["title"])}</strong></p>'
            f'<div class="sh-care__action">{card["action_html"]}</div>'
            f'<p class="sh-care__signs-label">Signs:</p><ul class="sh-care__signs">{signs}</ul></div>'
        )

    risk_items = "".join(item("risk", f, f"About {f['name'].lower()}") for f in data["risk_factors"])
    sign_items = "".join(item("sign", s, f"About {s['name'].lower()}") for s in data["warning_signs"])
    lines = [
        '<div class="sh-widget sh-checklist" data-widget="risk-checklist" data-state="idle">',
        '<p class="sh-checklist__private"><strong>Private and not a diagnosis.</strong> '
        "Your answers stay on this device: nothing is sent anywhere, and nothing is kept unless "
        "you choose “Save on this device”. This checklist cannot tell you whether you have a "
        "vein problem; a health professional can.</p>",
        # method="dialog" outside a dialog submits nowhere: even without JavaScript the
        # answers never leave the page in a URL.
        '<form class="sh-checklist__form" method="dialog" aria-label="Leg health checklist">',
        '<fieldset class="sh-checklist__group"><legend>Things that can weaken the calf pump</legend>',
        f'<ul class="sh-checklist__items">{risk_items}</ul></fieldset>',
        '<fieldset class="sh-checklist__group sh-checklist__group--signs">'
        "<legend>Warning signs: do you have any of these now?</legend>",
        f'<ul class="sh-checklist__items">{sign_items}</ul></fieldset>',
        '<div class="sh-checklist__actions" hidden>',
        '<button type="button" class="md-button md-button--primary"'
        ' data-action="print">Print my summary</button>',
        '<button type="button" class="md-button" data-action="save">Save on this device</button>',
        '<button type="button" class="md-button" data-action="forget">Forget my answers</button>',
        "</div>",
        '<p class="sh-checklist__saved" role="status"></p>',
        "</form>",
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        '<span class="sh-widget__loading-text">Starting the checklist…</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">Try again</button></div>',
        '<section class="sh-checklist__result" aria-live="polite" hidden></section>',
        '<section class="sh-checklist__care" aria-label="When to get help">',
        '<p class="sh-checklist__care-intro"><strong>If you ticked a warning sign, '
        "do not wait:</strong></p>",
        care_card("emergency"),
        care_card("urgent"),
        "</section>",
        '<p class="sh-checklist__print-hint sh-widget__noscript">To keep a copy, tick your answers '
        "and use your browser’s Print command.</p>",  # noqa: RUF001  typographic apostrophe for readers
        "</div>",
    ]
    return "\n".join(lines)
