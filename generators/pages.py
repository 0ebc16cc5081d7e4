"""Which pages the site has, rendered from the context, and the navigation that lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generators.context import KINDS, SiteContext
from generators.render import (
    PageRenderer,
    RenderedPage,
    format_reference,
    front_matter,
    jsonld,
    make_env,
)
from generators.schema import Exercise, PageBase, RiskFactor, Symptom

SECTION_TITLES = {
    "topic": "Learn",
    "risk-factor": "Risk factors",
    "symptom": "Symptoms and warning signs",
    "exercise": "Exercises and habits",
}

SECTION_INTROS = {
    "risk-factor": "These things make the calf pump work less well, or make leg vein problems "
    "more likely. Some you can change. Pick one to see what it does and what helps.",
    "symptom": "Most leg symptoms build up slowly. A few are warning signs of a blood clot. "
    "Those need help the same day, or right away.",
    "exercise": "Small moves, done often, keep the calf pump working. Most need no kit and "
    "can be done at home, at work or on a trip.",
}


@dataclass
class WidgetBlocks:
    """HTML blocks for the in-browser widgets, made by generators.widgets."""

    vein_valve: str
    checklist: str


@dataclass
class Site:
    pages: list[RenderedPage] = field(default_factory=list)
    nav: list[Any] = field(default_factory=list)


def render_site(
    ctx: SiteContext,
    charts: dict[str, str],
    widgets: WidgetBlocks,
    model_table: Callable[[], str] | None = None,
) -> Site:
    env = make_env()
    site = Site()

    def add(path: str, template: str, page_title: str, page_description: str, *,
            page_kind: str = "page", item: PageBase | None = None, **values: Any) -> RenderedPage:
        r = PageRenderer(ctx, path)
        body = env.get_template(template).render(ctx=ctx, r=r, item=item, **values)
        meta: dict[str, Any] = {"title": page_title, "description": page_description}
        if template == "widget_page.md.j2":
            meta["widget_page"] = True
        if item is not None:
            url = (path.removesuffix(".md").removesuffix("index")
                   + ("/" if not path.endswith("index.md") else ""))
            meta["last_reviewed"] = item.review.last_reviewed.isoformat()
            meta["sources"] = list(r.cited)
            meta["jsonld"] = jsonld(ctx, page_kind, item, r.cited, url)
        page = RenderedPage(path, page_title, front_matter(meta) + body, page_kind,
                            item.id if item else None, list(r.cited))
        site.pages.append(page)
        return page

    topics = sorted(ctx.topics.values(), key=lambda t: t.order)
    add("index.md", "home.md.j2", ctx.site.name, ctx.site.description, topics=topics)
    add("get-help-now.md", "get_help.md.j2", "Get help now",
        "Warning signs of a blood clot in the leg or lung, and who to call.")

    for topic in topics:
        path = ctx.doc_of("topic", topic.id)
        blocks = [widgets.vein_valve] if topic.id == "how-veins-and-valves-work" else []
        add(path, "topic.md.j2", topic.title, topic.description, page_kind="topic", item=topic,
            charts=[charts[c] for c in topic.charts], widgets=blocks)

    warning_ids = {s for level in (ctx.care.emergency, ctx.care.urgent) for s in level.signs}
    for kind, items, template in (
        ("risk-factor", ctx.risk_factors, "risk_factor.md.j2"),
        ("symptom", ctx.symptoms, "symptom.md.j2"),
        ("exercise", ctx.exercises, "exercise.md.j2"),
    ):
        folder = KINDS[kind]
        ordered = sorted(items.values(), key=lambda i: getattr(i, "name", i.title).lower())
        # The isinstance checks only narrow the type: each branch sees one kind of item.
        groups: list[tuple[str, list[PageBase]]]
        if kind == "symptom":
            symptoms = [s for s in ordered if isinstance(s, Symptom)]
            groups = [("Warning signs: get help", [s for s in symptoms if s.kind == "warning-sign"]),
                      ("Common symptoms", [s for s in symptoms if s.kind == "symptom"])]
        elif kind == "exercise":
            exercises = [e for e in ordered if isinstance(e, Exercise)]
            groups = [("Exercises", [e for e in exercises if e.kind == "exercise"]),
                      ("Habits", [e for e in exercises if e.kind == "habit"])]
        else:
            factors = [i for i in ordered if isinstance(i, RiskFactor)]
            groups = [("Things you can change", [i for i in factors if i.changeable != "no"]),
                      ("Things you cannot change", [i for i in factors if i.changeable == "no"])]
        add(f"{folder}/index.md", "section_index.md.j2", SECTION_TITLES[kind],
            SECTION_INTROS[kind], title=SECTION_TITLES[kind], intro=SECTION_INTROS[kind],
            kind=kind, groups=[g for g in groups if g[1]], show_care=kind == "symptom")
        for item in ordered:
            extra: dict[str, Any] = {}
            if kind == "risk-factor":
                extra["warning_signs"] = bool(warning_ids & set(item.related.symptoms))
                extra["charts"] = [charts[c] for c in getattr(item, "charts", [])]
            add(ctx.doc_of(kind, item.id), template, item.title, item.description,
                page_kind=kind, item=item, **extra)

    add("demo.md", "widget_page.md.j2", "Circulation demo",
        "Play with a working model of the calf muscle pump and its valves.",
        title="Circulation demo",
        intro="See how your calf muscle pushes blood up your leg, and what happens when "
        "valves leak or a vein is blocked. The demo runs on your device. Nothing is sent anywhere.",
        block=widgets.vein_valve,
        after="This is a simple model, not a test of your own legs."
        + (" [How the model compares with measurements](about/model-comparison.md)."
           if "model-comparison" in ctx.pages else ""))
    add("checklist.md", "widget_page.md.j2", "Leg health checklist",
        "Tick what applies to you and get a short plan. Private: nothing leaves your device.",
        title="Leg health checklist",
        intro="Tick the boxes that are true for you. You will get a short plan and links to "
        "exercises. This is not a diagnosis. Your answers stay on your device.",
        block=widgets.checklist, after="")

    for page_id, page in ctx.pages.items():
        body = ctx.page_bodies[page_id]
        if model_table is not None and "{{ model_report_table }}" in body:
            body = body.replace("{{ model_report_table }}", model_table())
        add(f"about/{page_id}.md", "free_page.md.j2", page.title, page.description,
            page_kind="page", item=page, body=body)  # type: ignore[arg-type]

    add("glossary.md", "glossary.md.j2", "Glossary",
        "Plain-language meanings of the words used on this site.",
        terms=sorted(ctx.glossary.values(), key=lambda t: t.term.lower()))

    cited_by: dict[str, list[tuple[str, str]]] = {}
    for rendered in site.pages:
        href = (rendered.path.removesuffix(".md").removesuffix("index")
                + ("/" if not rendered.path.endswith("index.md") else ""))
        for ref_id in rendered.ref_ids:
            cited_by.setdefault(ref_id, []).append((rendered.title, "../" + href))
    add("references.md", "references.md.j2", "References",
        "Every source this site cites, with links to the paper or guideline.",
        references=sorted(ctx.references.values(),
                          key=lambda r: ((r.authors[0] if r.authors else r.title).lower(), r.year)),
        fmt=format_reference, cited_by=cited_by)

    site.nav = build_nav(ctx, site)
    return site


def build_nav(ctx: SiteContext, site: Site) -> list[Any]:
    titles = {p.path: p.title for p in site.pages}

    def section(kind: str) -> dict[str, Any]:
        folder = KINDS[kind]
        entries: list[Any] = [f"{folder}/index.md"] if f"{folder}/index.md" in titles else []
        entries += [
            {titles[p.path]: p.path} for p in site.pages
            if p.kind == kind and p.path.startswith(folder + "/") and not p.path.endswith("index.md")
        ]
        return {SECTION_TITLES[kind]: entries}

    topics = sorted(ctx.topics.values(), key=lambda t: t.order)
    return [
        {"Home": "index.md"},
        {"Get help now": "get-help-now.md"},
        {SECTION_TITLES["topic"]: [{t.title: ctx.doc_of("topic", t.id)} for t in topics]},
        section("risk-factor"),
        section("symptom"),
        section("exercise"),
        {"Try it": [{"Circulation demo": "demo.md"}, {"Leg health checklist": "checklist.md"}]},
        {"About": [
            *({ctx.pages[i].title: f"about/{i}.md"} for i in ctx.pages),
            {"Glossary": "glossary.md"},
            {"References": "references.md"},
        ]},
    ]
