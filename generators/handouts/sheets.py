"""Two sheets to write on: a weekly exercise log and a "my plan" template for the checklist.

Both are made from the context like the handouts (the exercises and their doses, the risk
factors, the red flags), so they change when content does. The log is a table of days
by exercises with tick boxes; the plan has blank lines to fill in with the online
checklist or with a doctor or nurse. The checklist's own "Print my summary" stays as it
is; this is the empty form for people who plan on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME
from generators.content.schema import Exercise, RedFlag, Review, Reviewer
from generators.handouts.care import care_boxes, care_card
from generators.handouts.citations import Citations
from generators.handouts.document import CHECKLIST_URL, Handout, Link, Look, document

#: Tick boxes in each day's cell: one for each time the move is done (up to 3 a day).
TIMES_A_DAY = 3
BOX = '<span class="box" aria-hidden="true"></span>'


def _lines(count: int) -> str:
    return '<div class="lines">' + '<div class="line"></div>' * count + "</div>"


def _fill(label: str) -> str:
    return f'<strong>{escape(label)}:</strong> <span class="fill"></span>'


def combined_review(exercises: list[Exercise], words: Mapping[str, str]) -> Review:
    """A sheet made from many pages is as current as its stalest page: the latest
    review, the earliest next review, and their reviewer when they share one."""
    reviewers = {(e.review.reviewer.name, e.review.reviewer.role) for e in exercises}
    reviewer = (Reviewer(name=next(iter(reviewers))[0], role=next(iter(reviewers))[1]) if len(reviewers) == 1
                else Reviewer(name=words["every_reviewer"], role=words["every_reviewer_role"]))
    return Review(last_reviewed=max(e.review.last_reviewed for e in exercises),
                  next_review=min(e.review.next_review for e in exercises), reviewer=reviewer)


def _stop_flags(ctx: SiteContext) -> list[RedFlag]:
    """The signs to stop for on a sheet about moving: those that need the most urgent help,
    and those with a warning-sign page of their own (a clot in the leg or the lung). Each
    exercise's handout lists the rest that apply to it."""
    urgent = ctx.care.most_urgent.id
    return [flag for flag in ctx.care.red_flags if flag.level == urgent or flag.page]


def exercise_log(ctx: SiteContext, look: Look) -> Handout:
    exercises = [e for e in ctx.ordered("exercise") if isinstance(e, Exercise)]
    cites = Citations(ctx)
    words = ctx.words("handouts")
    w = {key: escape(value) for key, value in words.items()}
    days = [day.strip() for day in words["days"].split(",")]
    head = "".join(f'<th scope="col">{escape(day)}</th>' for day in days)
    cell = "<td>" + BOX * TIMES_A_DAY + "</td>"
    rows = "".join(
        f'<tr data-exercise="{escape(e.id)}"><th scope="row">{escape(e.name)} '
        f'<span class="dose">{escape(e.dose.amount)}, {escape(e.dose.how_often)}</span></th>'
        + cell * len(days) + "</tr>" for e in exercises)
    rows += (f'<tr><th scope="row">{w["other"]}: <span class="fill fill--short"></span></th>'
             + cell * len(days) + "</tr>")
    body = "".join([
        f'<p>{_fill(words["name"])} &nbsp; {_fill(words["week_starting"])}</p>',
        f'<table class="log"><colgroup><col class="log__move">{"<col>" * len(days)}</colgroup>',
        f'<thead><tr><th scope="col">{w["move"]} <span class="dose">{w["move_boxes"]}</span></th>',
        f"{head}</tr></thead><tbody>{rows}</tbody></table>",
        # Page 2: notes beside the signs to stop for, so the table has page 1 to itself.
        f'<div class="columns new-page"><section><h2>{w["notes"]}</h2>',
        f'<p class="hint">{w["notes_hint"]}</p>',
        _lines(8),
        f'</section><section><h2>{w["stop_and_get_help"]}</h2>',
        care_card(ctx, cites, _stop_flags(ctx)),
        "</section></div>",
    ])
    page_url = ctx.site_url + BY_NAME["exercise"].folder + "/"
    html = document(ctx, look, cites, kind_label=words["log_kind"], title=words["log_title"],
                    lead=words["log_lead"], body=body,
                    links=[Link(words["the_moves"], words["each_move"], page_url)],
                    review=combined_review(exercises, words), landscape=True)
    return Handout(path="exercise-log", kind="sheet", item_id=None, title=words["log_title"],
                   page_url=page_url, demo_url=None, html=html)


def my_plan(ctx: SiteContext, look: Look) -> Handout:
    cites = Citations(ctx)
    words = ctx.words("handouts")
    w = {key: escape(value) for key, value in words.items()}
    factors = "".join(f'<li data-risk-factor="{escape(f.id)}">{BOX}{escape(getattr(f, "name", f.title))}</li>'
                      for f in ctx.ordered("risk-factor"))
    moves = ", ".join(escape(getattr(e, "name", e.title)) for e in ctx.ordered("exercise"))
    blank_rows = "<tr><td></td><td></td><td></td><td></td></tr>" * 3
    body = "".join([
        f'<p>{_fill(words["name"])} &nbsp; {_fill(words["date"])}</p>',
        f"<h2>{w['my_risks']}</h2>",
        f'<ul class="ticks">{factors}</ul>',
        f"<h2>{w['my_moves']}</h2>",
        f'<p class="hint">{escape(words["choose_moves"]).replace("{moves}", moves)}</p>',
        f'<table class="plan"><thead><tr><th scope="col">{w["move"]}</th><th scope="col">{w["how_much"]}</th>'
        f'<th scope="col">{w["how_often"]}</th><th scope="col">{w["when_in_my_day"]}</th></tr></thead>'
        f"<tbody>{blank_rows}</tbody></table>",
        f"<h2>{w['my_goal']}</h2>", _lines(2),
        f"<h2>{w['my_questions']}</h2>", _lines(3),
        f'<h2 class="new-page">{w["when_to_get_help"]}</h2>',
        # The signs the checklist asks about, as its own care card lists them.
        care_boxes(ctx, cites, [flag for flag in ctx.care.red_flags if flag.question], "name"),
    ])
    page_url = ctx.site_url + CHECKLIST_URL
    page = ctx.site.checklist
    html = document(ctx, look, cites, kind_label=page.title, title=words["plan_title"],
                    lead=words["plan_lead"], body=body,
                    links=[Link(words["the_checklist"], words["do_the_checklist"], page_url)],
                    review=page.review)
    return Handout(path="my-plan", kind="sheet", item_id=None, title=words["plan_title"],
                   page_url=page_url, demo_url=None, html=html)
