"""Which pages the site has, rendered from the context, and the navigation that lists them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup

from generators.content import markdown, safety
from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME, KINDS
from generators.content.schema import BuiltPage, PageBase, Topic
from generators.embeds import links, views
from generators.pages.facts import FACTS
from generators.pages.render import (
    PageRenderer,
    RenderedPage,
    format_reference,
    front_matter,
    html_text,
    jsonld,
    make_env,
    url_of_doc,
)


def _no_picture(picture_id: str, alt: str) -> str:
    """A stand-in for tests of the pages alone: names the picture, draws nothing."""
    return (f'<svg role="img" viewBox="0 0 1 1" data-picture="{escape(picture_id)}">'
            f"<title>{escape(alt)}</title></svg>")


@dataclass(frozen=True)
class Embeds:
    """What stage 2 made for the pages to hold, by id."""

    charts: Mapping[str, str] = field(default_factory=dict)  # chart id -> HTML block
    widgets: Mapping[str, str] = field(default_factory=dict)  # widget id -> HTML block
    page_embeds: Mapping[str, str] = field(default_factory=dict)  # {{ name }} -> Markdown
    picture: Callable[[str, str], str] = _no_picture  # (picture id, alt text) -> inline SVG
    exercise_demos: Mapping[str, str] = field(default_factory=dict)  # exercise id -> demo block
    handouts: frozenset[str] = frozenset()  # handout PDFs in the site: "handouts/<section>/<id>.pdf"


class _EmbedRenderer(PageRenderer):
    """Renders an embed view (``embed/<path>``): links the content wrote relative to the full
    page are rebased (generators/embeds/links.py); the renderer's own links start here."""

    def md(self, text: str, embeds: Callable[[str], str] | None = None) -> Markup:
        return super().md(links.rebase(text), embeds)


@dataclass
class Site:
    pages: list[RenderedPage] = field(default_factory=list)
    nav: list[Any] = field(default_factory=list)


def render_site(ctx: SiteContext, embeds: Embeds) -> Site:
    env = make_env()
    site = Site()

    def picture(picture_id: str, alt: str) -> Markup:  # stage 2's drawing, its alt text escaped there
        return Markup(embeds.picture(picture_id, alt))

    def add(path: str, template: str, page_title: str, page_description: str, *,
            page_kind: str = "page", item: PageBase | BuiltPage | None = None, **values: Any) -> RenderedPage:
        r = PageRenderer(ctx, path)
        body = env.get_template(template).render(ctx=ctx, r=r, item=item, picture=picture, **values)
        if item is not None and ctx.is_fallback(page_kind, getattr(item, "id", "")):
            body = _fallback_note(ctx, body)
        meta: dict[str, Any] = {"title": page_title, "description": page_description}
        if template == "widget_page.md.j2":
            meta["widget_page"] = True
        if item is not None:  # a medical page: its review date, sources and JSON-LD
            meta["last_reviewed"] = item.review.last_reviewed.isoformat()
            meta["sources"] = list(r.cited)
            meta["jsonld"] = jsonld(ctx, page_kind, item, r.cited, url_of_doc(path))
        if item is not None:  # a medical page: its handout, and its embed view for other sites
            pdf = views.handout_pdf(ctx, page_kind, getattr(item, "id", None))
            pdf = pdf if pdf in embeds.handouts else None
            view = views.embed_view(path)
            body += (views.handout_link(ctx, r.rel(pdf)) if pdf else "") + views.panel(
                ctx, view, page_title, r.url_rel(view.url))
            add_embed(view, template, page_title, page_description, page_kind, item, pdf, values)
        text = markdown.inert_snippets(front_matter(meta) + body)  # content never includes a file
        page = RenderedPage(path, page_title, text, page_kind,
                            getattr(item, "id", None), list(r.cited))
        site.pages.append(page)
        return page

    def add_embed(view: views.EmbedView, template: str, page_title: str, page_description: str,
                  page_kind: str, item: PageBase | BuiltPage, pdf: str | None,
                  values: dict[str, Any]) -> None:
        """The page's embed view (generators/embeds/): the same content, for other sites' frames."""
        r = _EmbedRenderer(ctx, view.doc)
        body = env.get_template(template).render(ctx=ctx, r=r, item=item, picture=picture, **values)
        if ctx.is_fallback(page_kind, getattr(item, "id", "")):
            body = _fallback_note(ctx, body)
        meta = view.meta(page_title, page_description, widget_page=template == "widget_page.md.j2")
        text = (front_matter(meta) + views.help_banner(ctx, view, "get-help-now.md") + body
                + views.footer(ctx, view, item.review.last_reviewed, pdf))
        site.pages.append(RenderedPage(view.doc, page_title, markdown.inert_snippets(text), "embed",
                                       getattr(item, "id", None)))

    topics = ctx.ordered("topic")
    add("index.md", "home.md.j2", ctx.site.name, ctx.site.description, topics=topics)
    get_help = ctx.site.get_help
    add("get-help-now.md", "get_help.md.j2", get_help.title, get_help.description, item=get_help)

    for topic in topics:
        assert isinstance(topic, Topic)
        kind = BY_NAME["topic"]
        add(ctx.doc_of("topic", topic.id), kind.template, topic.title, topic.description,
            page_kind="topic", item=topic, charts=[Markup(embeds.charts[c]) for c in topic.charts],
            widgets=[Markup(embeds.widgets[w]) for w in topic.widgets])

    sections, page_words = ctx.words("sections"), ctx.words("pages")
    for kind in KINDS:
        if not kind.has_index:
            continue
        ordered = ctx.ordered(kind.name)
        groups = [(sections[key], [i for i in ordered if belongs(i)]) for key, belongs in kind.groups]
        title, intro = kind.title(sections), kind.intro(sections)
        add(f"{kind.folder}/index.md", "section_index.md.j2", title, intro, title=title, intro=intro,
            kind=kind.name, groups=[g for g in groups if g[1]], show_care=kind.name == "symptom")
        for item in ordered:
            demo = embeds.exercise_demos.get(item.id) if kind.name == "exercise" else None
            add(ctx.doc_of(kind.name, item.id), kind.template, item.title, item.description,
                page_kind=kind.name, item=item, demo=Markup(demo) if demo else None)

    for path, widget_id, words in (("demo.md", "vein-valve", ctx.site.demo),
                                   ("checklist.md", "risk-checklist", ctx.site.checklist)):
        add(path, "widget_page.md.j2", words.title, words.description, item=words,
            block=Markup(embeds.widgets[widget_id]))

    made = {**embeds.page_embeds, **{name: fact(ctx) for name, fact in FACTS.items()}}
    for page_id, page in ctx.pages.items():
        add(f"about/{page_id}.md", "free_page.md.j2", page.title, page.description,
            page_kind="page", item=page, body=ctx.page_bodies[page_id],  # type: ignore[arg-type]
            embed=lambda name: embeds.charts.get(name) or _checked(made[name]))

    add("glossary.md", "glossary.md.j2", page_words["glossary_title"], page_words["glossary_description"],
        terms=sorted(ctx.glossary.values(), key=lambda t: t.term.lower()))

    cited_by: dict[str, list[tuple[str, str]]] = {}
    for rendered in site.pages:
        for ref_id in rendered.ref_ids:
            cited_by.setdefault(ref_id, []).append((rendered.title, "../" + url_of_doc(rendered.path)))
    add("references.md", "references.md.j2", page_words["references_title"],
        page_words["references_description"],
        references=sorted(ctx.references.values(),
                          key=lambda r: ((r.authors[0] if r.authors else r.title).lower(), r.year)),
        fmt=format_reference, cited_by=cited_by)

    site.nav = build_nav(ctx, site)
    return site


def _fallback_note(ctx: SiteContext, body: str) -> str:
    """A page a partial translation lacks, shown in the first language: say so under its title."""
    title, _, rest = body.partition("\n") if body.startswith("# ") else ("", "", body)
    note = f'!!! note ""\n    {markdown.plain(ctx.words("site")["fallback_note"])}\n\n'
    return f"{title}\n\n{note}{rest}" if title else note + rest


def _checked(embed: str) -> str:
    """A build-time embed, which may hold words from content (settings, data files): shown
    as text if it breaks the rules content keeps (safety.py)."""
    return embed if safety.is_safe(embed) else markdown.plain(embed)


def build_nav(ctx: SiteContext, site: Site) -> list[Any]:
    """The navigation. Material prints its titles as HTML, so they are escaped here."""
    titles = {p.path: html_text(p.title) for p in site.pages}

    def section(kind_name: str) -> dict[str, Any]:
        kind = BY_NAME[kind_name]
        index = f"{kind.folder}/index.md"
        entries: list[Any] = [index] if index in titles else []
        entries += [
            {titles[p.path]: p.path} for p in site.pages
            if p.kind == kind.name and p.path.startswith(kind.folder + "/") and p.path != index
        ]
        return {html_text(kind.title(sections)): entries}

    sections, nav, words = ctx.words("sections"), ctx.words("nav"), ctx.words("pages")
    return [
        {html_text(nav["home"]): "index.md"},
        {html_text(ctx.site.get_help.title): "get-help-now.md"},
        *(section(kind.name) for kind in KINDS),
        {html_text(nav["try_it"]): [{html_text(ctx.site.demo.title): "demo.md"},
                    {html_text(ctx.site.checklist.title): "checklist.md"}]},
        {html_text(nav["about"]): [
            *({html_text(ctx.pages[i].title): f"about/{i}.md"} for i in ctx.pages),
            {html_text(words["glossary_title"]): "glossary.md"},
            {html_text(words["references_title"]): "references.md"},
        ]},
    ]
