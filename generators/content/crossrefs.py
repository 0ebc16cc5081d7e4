"""Checks that span files or fields: every link, citation, sign, chart, widget and embed
resolves (links themselves: ``links.py``), the safety net (care.yml) holds together with
the pages it names, every review is due after it was done, and a data file holds numbers
its chart can draw.

They run on the partial context even when some files failed validation, so an editor
sees every problem at once; an item that exists but failed validation (``broken``) is
not reported again as missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generators.content import links, markdown
from generators.content.context import SiteContext
from generators.content.data_schema import DoseResponse
from generators.content.kinds import KINDS
from generators.content.schema import (
    CareCard,
    Exercise,
    Page,
    Review,
    RiskFactor,
    SiteText,
    Symptom,
    Topic,
)
from generators.content.yaml_source import KeyPath, YamlFile, dotted
from generators.errors import ContentError


@dataclass(frozen=True)
class Embeds:
    """What the later stages can place on a page, by id, so that stage 1 can check names
    without importing them. ``charts`` maps a chart id to the content/data file it draws
    (or None)."""

    charts: dict[str, str | None] = field(default_factory=dict)
    widgets: frozenset[str] = frozenset()
    #: exercise demo presets (``demo: preset:`` of an exercise; calf_pump.presets)
    demo_presets: frozenset[str] = frozenset()
    page_embeds: frozenset[str] = frozenset()
    pictures: frozenset[str] = frozenset()
    #: Markdown files of the pages the build makes besides one per item and free page
    #: (``index.md``, ``glossary.md``...): where relative links in content may lead.
    built_pages: frozenset[str] = frozenset()


@dataclass
class Sources:
    """Where each validated item came from, for locating problems."""

    files: list[tuple[BaseModel, YamlFile, KeyPath]]  # item, its file, its key path there
    care_file: YamlFile | None
    pages: dict[str, tuple[Page, str]]  # page id -> front matter, body
    broken: set[str]
    # page id -> its front matter file, and the line of the file where the body starts
    page_files: dict[str, tuple[YamlFile, int]] = field(default_factory=dict)
    references_read: bool = True  # False: references.yml could not be read; citations go unchecked


def strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string inside a validated model, with its key path."""
    return ((key, text) for key, text in _walk(value, path) if isinstance(text, str))


def cross_check(ctx: SiteContext, sources: Sources, embeds: Embeds | None) -> list[ContentError]:
    errors: list[ContentError] = []
    broken = sources.broken
    docs = _docs(ctx, broken, embeds)

    def check_refs(file: YamlFile, path: KeyPath, ref_ids: Iterable[str]) -> None:
        for ref_id in ref_ids:
            if ref_id not in ctx.references and ref_id not in broken and sources.references_read:
                errors.append(
                    ContentError(file.rel, dotted(path), "the id of an entry in content/references.yml",
                                 f"'{ref_id}', which is not there",
                                 "add the source to content/references.yml or correct the id",
                                 file.line_of(path))
                )

    def check_text(file: YamlFile, base: KeyPath, item: BaseModel) -> None:
        published_in = _published_in(ctx, item)
        for path, text in strings(item):
            full = (*base, *path)
            if path and path[-1] == "refs":
                continue
            check_refs(file, full, markdown.citations(text))
            line = file.line_of(full)
            errors.extend(links.item_link_errors(ctx, file.rel, dotted(full), line, text, broken))
            errors.extend(links.link_errors(ctx, file.rel, dotted(full), line, text, published_in, docs))

    for item, file, base in sources.files:
        errors.extend(_check_step_pictures(item, file))
        check_text(file, base, item)
        source = getattr(item, "source", None)  # a data file names the reference it comes from
        if isinstance(source, str):
            check_refs(file, (*base, "source"), [source])
        for path, value in strings(item):
            if (path and path[-1] == "refs") or (len(path) >= 2 and path[-2] == "refs"):
                check_refs(file, (*base, *path), [value])
        related = getattr(item, "related", None)
        if related is None:
            continue
        for kind in KINDS:
            for index, target in enumerate(getattr(related, kind.field)):
                if target not in ctx.items_of(kind.name) and target not in broken:
                    path = ("related", kind.field, index)
                    folder = f"content/{ctx.lang}/{kind.folder}"
                    errors.append(
                        ContentError(file.rel, dotted(path),
                                     f"the id of one of the {kind.folder} in {folder}/",
                                     f"'{target}', which does not exist",
                                     f"correct the id or add {folder}/{target}.yml", file.line_of(path))
                    )
    if sources.care_file is not None and ctx.care is not None:
        errors += _check_safety_net(ctx, sources, sources.care_file)
    for page_id, (page, body) in sources.pages.items():
        errors += _check_free_page(ctx, sources, page_id, page, body, docs)
    for item, file, base in sources.files:
        errors += _check_review_dates(item, file, base)
        if isinstance(item, DoseResponse):
            errors += _check_dose_response(item, file)
    for page_id, (head, _line) in sources.page_files.items():
        errors += _check_review_dates(sources.pages[page_id][0], head, ())
    if embeds is not None:
        errors += _check_embeds(ctx, sources, embeds)
    return errors


def _published_in(ctx: SiteContext, item: BaseModel) -> str | None:
    """The Markdown file an item's text is shown in; None when it is shown in several
    folders (care.yml, the glossary) or nowhere as a page (data files)."""
    for kind in KINDS:
        if isinstance(item, kind.model):
            return ctx.doc_of(kind.name, getattr(item, "id", ""))
    return "index.md" if isinstance(item, SiteText) else None  # the home, help, demo and checklist pages


def _docs(ctx: SiteContext, broken: set[str], embeds: Embeds | None) -> frozenset[str] | None:
    """Every Markdown file of the site, or None when the build's own pages are not known."""
    if embeds is None:
        return None
    ids = {kind.name: {*ctx.items_of(kind.name), *broken} for kind in KINDS}
    return frozenset({*embeds.built_pages, *(f"{links.FREE_PAGES}/{p}.md" for p in {*ctx.pages, *broken}),
                      *(ctx.doc_of(kind, item_id) for kind, found in ids.items() for item_id in found)})


def _line_in(body: str, needle: str, first_line: int) -> int:
    at = body.find(needle)
    return first_line + (body.count("\n", 0, at) if at >= 0 else 0)


def _check_free_page(ctx: SiteContext, sources: Sources, page_id: str, page: Page, body: str,
                     docs: frozenset[str] | None) -> list[ContentError]:
    """A free page's sources, item links and relative links, located in its file."""
    errors: list[ContentError] = []
    head, body_line = sources.page_files.get(page_id, (None, 1))
    rel = head.rel if head else f"content/{ctx.lang}/pages/{page_id}.md"

    def missing(ref_id: str, key: str, line: int | None) -> None:
        if ref_id not in ctx.references and ref_id not in sources.broken and sources.references_read:
            errors.append(ContentError(rel, key, "the id of an entry in content/references.yml",
                                       f"'{ref_id}', which is not there",
                                       "add the source to content/references.yml or correct the id", line))

    for index, ref_id in enumerate(page.refs):
        missing(ref_id, f"refs[{index}]", head.line_of(("refs", index)) if head else None)
    for ref_id in markdown.citations(body):
        missing(ref_id, "", _line_in(body, f"[@{ref_id}]", body_line))
    for line_no, line in enumerate(body.split("\n"), start=body_line):
        if ":" in line:
            errors += links.item_link_errors(ctx, rel, "", line_no, line, sources.broken)
    errors += links.link_errors(ctx, rel, "", body_line, body, f"{links.FREE_PAGES}/{page_id}.md", docs)
    return errors


def _check_review_dates(item: BaseModel, file: YamlFile, base: KeyPath) -> list[ContentError]:
    """Every review is due after it was done."""
    errors = []
    for path, value in _walk(item, base):
        if isinstance(value, Review) and value.next_review <= value.last_reviewed:
            key = (*path, "next_review")
            errors.append(ContentError(
                file.rel, dotted(key), f"a date after last_reviewed ({value.last_reviewed.isoformat()})",
                value.next_review.isoformat(), "set next_review to the date the page is next due for review",
                file.line_of(key)))
    return errors


#: A dose-response chart draws at most this many points, and a trend this steep per step.
MAX_CHART_POINTS = 100
MAX_RELATIVE_RISK_PER_STEP = 10


def _check_dose_response(data: DoseResponse, file: YamlFile) -> list[ContentError]:
    """Numbers the travel chart can draw: a range that goes forward, a sensible number of
    points and a trend that stays finite."""
    errors = []

    def error(key: str, expected: str, received: str, hint: str) -> None:
        errors.append(ContentError(file.rel, key, expected, received, hint, file.line_of((key,))))

    span = data.max_hours - data.baseline_hours
    if span <= 0:
        error("max_hours", f"a number of hours greater than baseline_hours ({data.baseline_hours:g})",
              f"{data.max_hours:g}", "set max_hours to the longest trip the chart should show")
    elif span / data.step_hours > MAX_CHART_POINTS:
        error("step_hours", f"a step that gives at most {MAX_CHART_POINTS} points from baseline_hours to "
              "max_hours", f"{data.step_hours:g} ({span / data.step_hours:.0f} points)",
              "use the step the source reports, e.g. 2 for 'per 2 hours'")
    if data.relative_risk > MAX_RELATIVE_RISK_PER_STEP:
        error("relative_risk", f"a relative risk per step of at most {MAX_RELATIVE_RISK_PER_STEP}",
              f"{data.relative_risk:g}", "write the relative risk as published, e.g. 1.18 for 18% higher")
    return errors


def _walk(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Any]]:
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _check_picture_ids(item: BaseModel, file: YamlFile, known: frozenset[str]) -> list[ContentError]:
    """Every picture id names one the build draws."""
    return [
        ContentError(file.rel, dotted(path), "the id of a picture the build draws (generators/pictures)",
                     f"'{picture_id}'", "use one of the ids in generators/pictures/poses.py or diagrams.py",
                     file.line_of(path))
        for path, picture_id in strings(item)
        if path and path[-1] == "picture" and picture_id not in known
    ]


def _check_step_pictures(item: BaseModel, file: YamlFile) -> list[ContentError]:
    """Every exercise step has its picture: a reader follows the moves by eye."""
    if not isinstance(item, Exercise) or len(item.pictures) == len(item.steps):
        return []
    steps = f"{len(item.steps)} step{'s' if len(item.steps) != 1 else ''}"
    return [ContentError(
        file.rel, "pictures", f"one picture for each of the {steps}, in order",
        f"{len(item.pictures)}", "add a '- picture: ... alt: ...' entry for each step",
        file.line_of(("pictures",)))]


def _check_embeds(ctx: SiteContext, sources: Sources, embeds: Embeds) -> list[ContentError]:
    """Chart, widget, picture and page-embed ids name something the build can make."""
    errors: list[ContentError] = []
    for item, file, _base in sources.files:
        errors += _check_picture_ids(item, file, embeds.pictures)
        if isinstance(item, Exercise) and item.demo and item.demo.preset not in embeds.demo_presets:
            demo_path = ("demo", "preset")
            presets = ", ".join(sorted(embeds.demo_presets))
            errors.append(ContentError(
                file.rel, dotted(demo_path), f"one of the exercise demo presets {presets}",
                f"'{item.demo.preset}'", "use one of the listed presets, or remove 'demo:'",
                file.line_of(demo_path)))
        if not isinstance(item, Topic):
            continue
        for index, chart_id in enumerate(item.charts):
            path = ("charts", index)
            if chart_id not in embeds.charts:
                errors.append(ContentError(
                    file.rel, dotted(path), "one of the charts " + ", ".join(sorted(embeds.charts)),
                    f"'{chart_id}'", "use one of the listed chart ids", file.line_of(path)))
                continue
            data_name = embeds.charts[chart_id]
            if data_name is not None and data_name not in ctx.data and data_name not in sources.broken:
                errors.append(ContentError(
                    f"content/data/{data_name}.yml", "", f"this file to exist (the chart '{chart_id}' "
                    f"in {file.rel} draws it)", "no file",
                    f"restore it (git checkout -- content/data/{data_name}.yml) or remove the chart "
                    f"from {file.rel}"))
        for index, widget_id in enumerate(item.widgets):
            path = ("widgets", index)
            if widget_id not in embeds.widgets:
                errors.append(ContentError(
                    file.rel, dotted(path), "one of the widgets " + ", ".join(sorted(embeds.widgets)),
                    f"'{widget_id}'", "use one of the listed widget ids", file.line_of(path)))
    for page_id, (_page, body) in sources.pages.items():
        for name in markdown.embeds(body):
            if name not in embeds.page_embeds:
                errors.append(ContentError(
                    f"content/{ctx.lang}/pages/{page_id}.md", "",
                    "one of the embeds " + ", ".join("{{ " + e + " }}" for e in sorted(embeds.page_embeds)),
                    "{{ " + name + " }}", "use one of the listed embeds, or write the text out"))
    return errors


def _check_safety_net(ctx: SiteContext, sources: Sources, care_file: YamlFile) -> list[ContentError]:
    """care.yml against the rest: level ids, red flags and the pages they name, and that
    every symptom and risk-factor page has at least one red flag to say when to get help."""
    care: CareCard = ctx.care
    rel = care_file.rel
    errors: list[ContentError] = []
    level_ids = [level.id for level in care.levels]
    levels_text = ", ".join(level_ids)

    def error(file: YamlFile, path: KeyPath, expected: str, received: str, hint: str) -> None:
        errors.append(ContentError(file.rel, dotted(path), expected, received, hint, file.line_of(path)))

    def check_level(file: YamlFile, path: KeyPath, level_id: str) -> None:
        if level_id not in level_ids:
            error(file, path, f"one of the care levels in content/{ctx.lang}/care.yml ({levels_text})",
                  f"'{level_id}'", "use one of the listed level ids, or add the level to care.yml")

    for index, level_id in enumerate(level_ids):
        if level_id in level_ids[:index]:
            error(care_file, ("levels", index, "id"), "a level id used only once in this file",
                  f"'{level_id}' again", "give each level its own id")
    flag_ids: list[str] = []
    for index, flag in enumerate(care.red_flags):
        base: KeyPath = ("red_flags", index)
        if flag.id in flag_ids:
            error(care_file, (*base, "id"), "a red flag id used only once in this file",
                  f"'{flag.id}' again", "give one of the two red flags a different id, or merge them")
        flag_ids.append(flag.id)
        check_level(care_file, (*base, "level"), flag.level)
        if flag.emergency_if and flag.level == level_ids[0]:
            error(care_file, (*base, "emergency_if"),
                  f"'emergency_if' only on a red flag less urgent than '{level_ids[0]}'",
                  f"it on a red flag at level '{flag.level}'", "remove 'emergency_if'")
        for kind in KINDS:
            if not hasattr(flag.shown_on, kind.field):
                continue
            for spot, target in enumerate(getattr(flag.shown_on, kind.field)):
                if target not in ctx.items_of(kind.name) and target not in sources.broken:
                    folder = f"content/{ctx.lang}/{kind.folder}"
                    error(care_file, (*base, "shown_on", kind.field, spot),
                          f"the id of one of the {kind.folder} in {folder}/",
                          f"'{target}', which does not exist", f"correct the id or add {folder}/{target}.yml")
        page = ctx.symptoms.get(flag.page) if flag.page else None
        if flag.page and page is None and flag.page not in sources.broken:
            error(care_file, (*base, "page"), f"the id of a warning sign in content/{ctx.lang}/symptoms/",
                  f"'{flag.page}', which does not exist", "correct the id or remove 'page'")
        elif page is not None and page.kind != "warning-sign":
            error(care_file, (*base, "page"),
                  "the id of a warning sign (a symptom with 'kind: warning-sign')",
                  f"'{flag.page}', an ordinary symptom", "list it under 'shown_on.symptoms' instead")
        elif page is not None and page.care_level in level_ids and page.care_level != flag.level:
            source = f"content/{ctx.lang}/symptoms/{page.id}.yml"
            error(care_file, (*base, "level"), f"'{page.care_level}', the care_level of its page {source}",
                  f"'{flag.level}'", "make the two levels the same")

    shown = {kind.field: {i for flag in care.red_flags for i in getattr(flag.shown_on, kind.field, [])}
             for kind in KINDS}
    shown["symptoms"] |= {flag.page for flag in care.red_flags if flag.page}
    for item, file, _base in sources.files:
        if isinstance(item, Symptom):
            check_level(file, ("care_level",), item.care_level)
            explained_by = [flag for flag in care.red_flags if flag.page == item.id]
            if item.kind == "warning-sign" and len(explained_by) != 1:
                error(file, ("kind",), f"one red flag in {rel} with 'page: {item.id}' (a warning sign "
                      "explains one red flag)", f"{len(explained_by) or 'none'}",
                      f"add 'page: {item.id}' to the red flag this page explains, or make it 'kind: symptom'")
            if item.kind == "warning-sign" and item.checklist is not None:
                error(file, ("checklist",), f"no checklist question on a warning sign (the checklist "
                      f"asks the 'question' of its red flag in {rel})", "a question",
                      f"move it to 'question:' of the red flag with 'page: {item.id}'")
        if isinstance(item, Exercise):
            for index, caution in enumerate(item.take_care):
                for spot, factor in enumerate(caution.risk_factors):
                    if factor not in ctx.risk_factors and factor not in sources.broken:
                        error(file, ("take_care", index, "risk_factors", spot),
                              f"the id of one of the risk-factors in content/{ctx.lang}/risk-factors/",
                              f"'{factor}', which does not exist", "correct the id or remove it")
        if isinstance(item, (Symptom, RiskFactor)):
            field_name = "symptoms" if isinstance(item, Symptom) else "risk_factors"
            if item.id not in shown[field_name]:
                error(file, ("id",), f"at least one red flag in {rel} that lists '{item.id}' under "
                      f"shown_on.{field_name}, so that the page says when to get help", "none",
                      f"add '{item.id}' to shown_on.{field_name} of the red flags a reader of this page "
                      "should know")
    return errors
