"""The safety net on paper: red flags grouped under their care level, as care.yml says.

A handout lists the same red flags as its page's "When to get help" section, most urgent
level first, each level a box with its title and how to get that help. How much each flag
says depends on the handout, so that it stays within two pages and the rest is one QR
code away: ``full`` (what you notice, what to do, when to call the emergency number
instead) for the sign a warning-sign handout is about; ``action`` (its name, what to do,
when to call instead) for the other signs on a symptom's handout; ``name`` (its name and
when to call instead) on the plan sheet; and on exercises, risk factors and the log, a
compact card with a row per level, its title beside its signs (``care_card``).
``data-care-level`` and ``data-red-flag`` name them, as on the site, so tests can check
every flag's level.
"""

from __future__ import annotations

from html import escape
from typing import Literal

from generators.content.context import SiteContext
from generators.content.schema import RedFlag
from generators.handouts.citations import Citations

Detail = Literal["full", "action", "name"]


def _flag(ctx: SiteContext, cites: Citations, flag: RedFlag, detail: Detail) -> str:
    name = f'<span class="flag__name">{escape(flag.name)}.</span>'
    escalate = ""
    if flag.emergency_if:
        escalate = (f'<span class="flag__escalate">{escape(ctx.care.most_urgent.title)}</span> '
                    f"if {cites.inline(flag.emergency_if)}.")
    if detail == "name":
        parts = [f"<p>{_flag_line(ctx, cites, flag)}</p>"]
    else:
        notice = f" {cites.inline(flag.notice)}" if detail == "full" else ""
        parts = [f"<p>{name}{notice}</p>", f"<p>{cites.inline(flag.action)}{cites.cite(flag.refs)}</p>"]
        if escalate:
            parts.append(f"<p>{escalate}</p>")
    return f'<div class="flag flag--{detail}" data-red-flag="{escape(flag.id)}">{"".join(parts)}</div>'


def care_boxes(ctx: SiteContext, cites: Citations, flags: list[RedFlag], detail: Detail = "full",
               details: dict[str, Detail] | None = None) -> str:
    """One box per care level that has flags here, most urgent first, with how to get
    that help; ``details`` gives some flags (by id) another detail than ``detail``."""
    boxes = []
    for level in ctx.care.levels:
        at = [flag for flag in flags if flag.level == level.id]
        if not at:
            continue
        boxes.append(
            f'<section class="care care--{escape(level.admonition)}" data-care-level="{escape(level.id)}">'
            f'<h3 class="care__title">{escape(level.title)}</h3>'
            f'<div class="care__action">{cites.html(level.action)}</div>'
            + "".join(_flag(ctx, cites, flag, (details or {}).get(flag.id, detail)) for flag in at)
            + "</section>")
    return "".join(boxes)


def care_card(ctx: SiteContext, cites: Citations, flags: list[RedFlag]) -> str:
    """The compact form: one card, a row per care level, its title beside its signs' names
    (and when to call the emergency number instead)."""
    rows = []
    for level in ctx.care.levels:
        at = [flag for flag in flags if flag.level == level.id]
        if at:
            signs = "".join(f'<li data-red-flag="{escape(flag.id)}">{_flag_line(ctx, cites, flag)}</li>'
                            for flag in at)
            rows.append(f'<div class="card__row care--{escape(level.admonition)}" '
                        f'data-care-level="{escape(level.id)}">'
                        f'<p class="card__level">{escape(level.title)}</p>'
                        f'<ul class="card__signs">{signs}</ul></div>')
    return f'<section class="card">{"".join(rows)}</section>'


def _flag_line(ctx: SiteContext, cites: Citations, flag: RedFlag) -> str:
    line = escape(flag.name) + "."
    if flag.emergency_if:
        line += (f' <span class="flag__escalate">{escape(ctx.care.most_urgent.title)}</span> '
                 f"{escape(ctx.words('pages')['if'])} {cites.inline(flag.emergency_if)}.")
    return line


def when_to_get_help(ctx: SiteContext, cites: Citations, field: str, item_id: str, detail: Detail,
                     heading: str | None = None) -> str:
    """The "When to get help" section of an item's handout, or nothing if no flag names it.
    The flag a warning-sign symptom explains is always given in full on its own handout."""
    flags = ctx.care.flags_on(field, item_id)
    if not flags:
        return ""
    own = ctx.care.flag_explained_by(item_id) if field == "symptoms" else None
    details: dict[str, Detail] = {own.id: "full"} if own else {}
    shown = (care_card(ctx, cites, flags) if detail == "name" and not details
             else care_boxes(ctx, cites, flags, detail, details))
    heading = ctx.words("handouts")["when_to_get_help"] if heading is None else heading
    return f'<h2 id="when-to-get-help">{escape(heading)}</h2>{shown}'
