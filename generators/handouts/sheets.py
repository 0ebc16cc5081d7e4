"""Two sheets to write on: a weekly exercise log and a "my plan" template for the checklist.

Both are made from the context like the handouts (the exercises and their doses, the risk
factors, the red flags), so they change when content does. The log is a table of days
by exercises with tick boxes; the plan has blank lines to fill in with the online
checklist or with a doctor or nurse. The checklist's own "Print my summary" stays as it
is; this is the empty form for people who plan on paper.
"""

from __future__ import annotations

from html import escape

from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME
from generators.content.schema import Exercise, RedFlag, Review, Reviewer
from generators.handouts.care import care_boxes, care_card
from generators.handouts.citations import Citations
from generators.handouts.document import CHECKLIST_URL, Handout, Link, Look, document

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Tick boxes in each day's cell: one for each time the move is done (up to 3 a day).
TIMES_A_DAY = 3
BOX = '<span class="box" aria-hidden="true"></span>'


def _lines(count: int) -> str:
    return '<div class="lines">' + '<div class="line"></div>' * count + "</div>"


def _fill(label: str) -> str:
    return f'<strong>{escape(label)}:</strong> <span class="fill"></span>'


def combined_review(exercises: list[Exercise]) -> Review:
    """A sheet made from many pages is as current as its stalest page: the latest
    review, the earliest next review, and their reviewer when they share one."""
    reviewers = {(e.review.reviewer.name, e.review.reviewer.role) for e in exercises}
    reviewer = (Reviewer(name=next(iter(reviewers))[0], role=next(iter(reviewers))[1]) if len(reviewers) == 1
                else Reviewer(name="The reviewers of each exercise page", role="named on each page online"))
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
    head = "".join(f'<th scope="col">{day}</th>' for day in DAYS)
    cell = "<td>" + BOX * TIMES_A_DAY + "</td>"
    rows = "".join(
        f'<tr data-exercise="{escape(e.id)}"><th scope="row">{escape(e.name)} '
        f'<span class="dose">{escape(e.dose.amount)}, {escape(e.dose.how_often)}</span></th>'
        + cell * len(DAYS) + "</tr>" for e in exercises)
    rows += ('<tr><th scope="row">Other: <span class="fill fill--short"></span></th>'
             + cell * len(DAYS) + "</tr>")
    body = "".join([
        f'<p>{_fill("Name")} &nbsp; {_fill("Week starting")}</p>',
        f'<table class="log"><colgroup><col class="log__move">{"<col>" * len(DAYS)}</colgroup>',
        '<thead><tr><th scope="col">Move <span class="dose">'
        "(a box for morning, afternoon, evening)</span></th>",
        f"{head}</tr></thead><tbody>{rows}</tbody></table>",
        # Page 2: notes beside the signs to stop for, so the table has page 1 to itself.
        '<div class="columns new-page"><section><h2>Notes</h2>',
        '<p class="hint">How did your legs feel? Any swelling, pain or cramps? '
        "What made it easy or hard?</p>",
        _lines(8),
        "</section><section><h2>Stop and get help</h2>",
        care_card(ctx, cites, _stop_flags(ctx)),
        "</section></div>",
    ])
    page_url = ctx.settings.site_url + BY_NAME["exercise"].folder + "/"
    html = document(ctx, look, cites, kind_label="Weekly log", title="My exercise week",
                    lead="Tick a box each time you do a move. Bring this sheet to your next visit.",
                    body=body, links=[Link("The moves", "How to do each move", page_url)],
                    review=combined_review(exercises), landscape=True)
    return Handout(path="exercise-log", kind="sheet", item_id=None, title="My exercise week",
                   page_url=page_url, demo_url=None, html=html)


def my_plan(ctx: SiteContext, look: Look) -> Handout:
    cites = Citations(ctx)
    factors = "".join(f'<li data-risk-factor="{escape(f.id)}">{BOX}{escape(getattr(f, "name", f.title))}</li>'
                      for f in ctx.ordered("risk-factor"))
    moves = ", ".join(escape(getattr(e, "name", e.title)) for e in ctx.ordered("exercise"))
    blank_rows = "<tr><td></td><td></td><td></td><td></td></tr>" * 3
    body = "".join([
        f'<p>{_fill("Name")} &nbsp; {_fill("Date")}</p>',
        "<h2>What raises my risk</h2>",
        f'<ul class="ticks">{factors}</ul>',
        "<h2>My moves</h2>",
        f'<p class="hint">Choose one to three to start: {moves}.</p>',
        '<table class="plan"><thead><tr><th scope="col">Move</th><th scope="col">How much</th>'
        f'<th scope="col">How often</th><th scope="col">When in my day</th></tr></thead>'
        f"<tbody>{blank_rows}</tbody></table>",
        "<h2>My goal for the next month</h2>", _lines(2),
        "<h2>Questions for my doctor or nurse</h2>", _lines(3),
        '<h2 class="new-page">When to get help</h2>',
        # The signs the checklist asks about, as its own care card lists them.
        care_boxes(ctx, cites, [flag for flag in ctx.care.red_flags if flag.question], "name"),
    ])
    page_url = ctx.settings.site_url + CHECKLIST_URL
    page = ctx.site.checklist
    html = document(ctx, look, cites, kind_label=page.title, title="My leg health plan",
                    lead="Fill this in with the online checklist, or with your doctor or nurse. "
                         "Keep it where you will see it.",
                    body=body, links=[Link("The checklist", "Do the checklist online", page_url)],
                    review=page.review)
    return Handout(path="my-plan", kind="sheet", item_id=None, title="My leg health plan",
                   page_url=page_url, demo_url=None, html=html)
