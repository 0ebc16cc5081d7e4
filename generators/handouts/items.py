"""One handout per content page: the essentials of a topic, exercise, symptom or risk factor.

What goes on paper is what a reader needs away from the screen: a topic's key points (and
its diagrams); an exercise's dose, every step with its picture, when to do it and when to
take care; a symptom's signs, what to do and when to get help; whether a risk factor can
be changed, what helps, the moves that help and the warning signs. The rest (why it
happens, the research, related pages) stays online, one QR code away.
"""

from __future__ import annotations

from html import escape

from generators.content.context import SiteContext
from generators.content.schema import Exercise, PageBase, RiskFactor, Symptom, Topic
from generators.handouts.care import when_to_get_help
from generators.handouts.citations import Citations
from generators.handouts.document import DEMO_URL, Handout, Link, Look, document
from generators.pictures import renderer

#: Topics that explain how the pump works: their handouts also lead to the demo.
MECHANISM_TOPICS = frozenset({"how-veins-and-valves-work", "when-the-pump-weakens"})


def _list(cites: Citations, texts: list[str], css: str) -> str:
    items = "".join(f"<li>{cites.inline(text)}</li>" for text in texts)
    return f'<ul class="{css}">{items}</ul>'


def _words(ctx: SiteContext) -> dict[str, str]:
    """The handouts' own words (ui.yml ``handouts``), escaped for HTML."""
    return {key: escape(value) for key, value in ctx.words("handouts").items()}


def _figure(ctx: SiteContext, picture_id: str, alt: str, caption: str = "", small: bool = False) -> str:
    css = "figure figure--small" if small else "figure"
    text = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="{css}">{renderer(ctx.words("pictures"))(picture_id, alt)}{text}</figure>'


def topic_body(ctx: SiteContext, cites: Citations, topic: Topic) -> str:
    # Made in reading order, so that sources are numbered as the reader meets them.
    points = _list(cites, topic.key_points, "points")
    figures = "".join(_figure(ctx, f.picture, f.alt, cites.inline(f.caption)) for f in topic.figures)
    return f"<h2>{_words(ctx)['key_points']}</h2>{points}{figures}"


def _steps(ctx: SiteContext, exercise: Exercise) -> str:
    render = renderer(ctx.words("pictures"))
    if not exercise.pictures:
        items = "".join(f'<li class="step" data-step="{n}">{escape(step)}</li>'
                        for n, step in enumerate(exercise.steps, 1))
        return f'<ol class="steps steps--text">{items}</ol>'
    columns = 3 if len(exercise.steps) <= 6 else 4  # at most two rows of pictures
    cards = []
    for n, step in enumerate(exercise.steps, 1):
        # One picture per step (stage 1 checks it); a step without one still gets its card.
        picture = exercise.pictures[n - 1] if n <= len(exercise.pictures) else None
        drawn = render(picture.picture, picture.alt) if picture else ""
        cards.append(f'<li class="step" data-step="{n}"><div class="step__picture">{drawn}</div>'
                     f'<div class="step__text"><span class="step__n" aria-hidden="true">{n}</span>'
                     f"<span>{escape(step)}</span></div></li>")
    return f'<ol class="steps steps--{columns}">{"".join(cards)}</ol>'


def exercise_body(ctx: SiteContext, cites: Citations, exercise: Exercise) -> str:
    w = _words(ctx)
    facts = [(w["how_much"], exercise.dose.amount), (w["how_often"], exercise.dose.how_often),
             (w["where"], ", ".join(exercise.where))]
    dose = "".join(f"<dt>{label}</dt><dd>{escape(value)}</dd>" for label, value in facts)
    parts = [f'<dl class="facts">{dose}</dl>', f"<h2>{w['how_to_do_it']}</h2>", _steps(ctx, exercise)]
    if exercise.routines:
        routines = "; ".join(escape(routine) for routine in exercise.routines)
        parts.append(f'<p class="routines"><strong>{w["tie_it_to_your_day"]}</strong> {routines}.</p>')
    parts.append(f"<h2>{w['take_care']}</h2>")
    parts.append(_list(cites, [caution.text for caution in exercise.take_care], "cautions"))
    parts.extend(_figure(ctx, c.picture.picture, c.picture.alt, escape(c.picture.alt), small=True)
                 for c in exercise.take_care if c.picture)
    parts.append(when_to_get_help(ctx, cites, "exercises", exercise.id, "name",
                                  heading=ctx.words("handouts")["stop_and_get_help"]))
    return "".join(parts)


def symptom_body(ctx: SiteContext, cites: Citations, symptom: Symptom) -> str:
    # Made in reading order, so that sources are numbered as the reader meets them.
    parts = []
    if symptom.kind == "warning-sign":  # the page of one red flag: how fast comes first
        parts.append(when_to_get_help(ctx, cites, "symptoms", symptom.id, "action"))
    w = _words(ctx)
    parts.append(f"<h2>{w['what_you_notice']}</h2>{cites.html(symptom.what_you_notice)}")
    parts.append(f"<h2>{w['what_to_do']}</h2>{cites.html(symptom.what_to_do)}")
    if symptom.kind != "warning-sign":
        parts.append(when_to_get_help(ctx, cites, "symptoms", symptom.id, "action"))
    return "".join(parts)


def risk_factor_body(ctx: SiteContext, cites: Citations, factor: RiskFactor) -> str:
    w = _words(ctx)
    answer = escape(ctx.words("pages")[f"changeable_{factor.changeable}"])  # as the page says it
    parts = [f'<p class="answer"><strong>{w["can_you_change_it"]}</strong> {answer}</p>',
             f"<h2>{w['what_helps']}</h2>{cites.html(factor.what_helps)}"]
    moves = [ctx.exercises[i] for i in factor.related.exercises if i in ctx.exercises]
    if moves:
        items = "".join(f"<li><strong>{escape(m.name)}:</strong> {escape(m.dose.amount)}, "
                        f"{escape(m.dose.how_often)}</li>" for m in moves)
        parts.append(f"<h3>{w['moves_that_help']}</h3><ul>{items}</ul>")
    parts.append(when_to_get_help(ctx, cites, "risk_factors", factor.id, "name",
                                  heading=ctx.words("handouts")["warning_signs"]))
    return "".join(parts)


def _kind_label(ctx: SiteContext, kind: str, item: object) -> str:
    """The kicker above the title: ui.yml handouts ``kind_<kind>`` (an exercise's or a
    symptom's own kind: exercise or habit, symptom or warning sign)."""
    sub = getattr(item, "kind", None) if kind in ("exercise", "symptom") else kind
    return ctx.words("handouts")["kind_" + str(sub).replace("-", "_")]


def body_of(ctx: SiteContext, cites: Citations, item: PageBase) -> str:
    """The kind-specific middle of an item's handout."""
    if isinstance(item, Topic):
        return topic_body(ctx, cites, item)
    if isinstance(item, Exercise):
        return exercise_body(ctx, cites, item)
    if isinstance(item, Symptom):
        return symptom_body(ctx, cites, item)
    if isinstance(item, RiskFactor):
        return risk_factor_body(ctx, cites, item)
    raise TypeError(f"no handout for a {type(item).__name__}: add its body to generators/handouts/items.py")


def item_handouts(ctx: SiteContext, look: Look) -> list[Handout]:
    """A handout for every topic, exercise, symptom and risk-factor page, in site order."""
    made = []
    for kind, item in ctx.all_pages():
        cites = Citations(ctx)
        body = body_of(ctx, cites, item)
        words = ctx.words("handouts")
        page_url = ctx.site_url + ctx.url_of(kind, item.id)  # the page in the handout's language
        links = [Link(words["this_page"], words["read_online"], page_url)]
        demo_url = None
        if kind == "exercise" or (kind == "topic" and item.id in MECHANISM_TOPICS):
            demo_url = ctx.site_url + DEMO_URL
            links.append(Link(words["the_demo"], words["see_the_demo"], demo_url))
        html = document(ctx, look, cites, kind_label=_kind_label(ctx, kind, item), title=item.title,
                        lead=item.description, body=body, links=links, review=item.review)
        made.append(Handout(path=ctx.url_of(kind, item.id).rstrip("/"), kind=kind, item_id=item.id,
                            title=item.title, page_url=page_url, demo_url=demo_url, html=html))
    return made
