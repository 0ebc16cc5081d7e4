"""Checks that span files: every link, citation, sign, chart, widget and embed resolves.

They run on the partial context even when some files failed validation, so an editor
sees every problem at once; an item that exists but failed validation (``broken``) is
not reported again as missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generators.content import markdown
from generators.content.context import SiteContext
from generators.content.kinds import BY_NAME, KINDS
from generators.content.schema import Page, Topic
from generators.content.yaml_source import KeyPath, YamlFile, dotted
from generators.errors import ContentError


@dataclass(frozen=True)
class Embeds:
    """What the later stages can place on a page, by id, so that stage 1 can check names
    without importing them. ``charts`` maps a chart id to the content/data file it draws
    (or None)."""

    charts: dict[str, str | None] = field(default_factory=dict)
    widgets: frozenset[str] = frozenset()
    page_embeds: frozenset[str] = frozenset()


@dataclass
class Sources:
    """Where each validated item came from, for locating problems."""

    files: list[tuple[BaseModel, YamlFile, KeyPath]]  # item, its file, its key path there
    care_file: YamlFile | None
    pages: dict[str, tuple[Page, str]]  # page id -> front matter, body
    broken: set[str]


def strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string inside a validated model, with its key path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def cross_check(ctx: SiteContext, sources: Sources, embeds: Embeds | None) -> list[ContentError]:
    errors: list[ContentError] = []
    broken = sources.broken

    def check_refs(file: YamlFile, path: KeyPath, ref_ids: Iterable[str]) -> None:
        for ref_id in ref_ids:
            if ref_id not in ctx.references and ref_id not in broken:
                errors.append(
                    ContentError(file.rel, dotted(path), "the id of an entry in content/references.yml",
                                 f"'{ref_id}', which is not there",
                                 "add the source to content/references.yml or correct the id",
                                 file.line_of(path))
                )

    def check_text(file: YamlFile, base: KeyPath, item: BaseModel) -> None:
        for path, text in strings(item):
            full = (*base, *path)
            if path and path[-1] == "refs":
                continue
            check_refs(file, full, markdown.citations(text))
            for kind, target, _anchor in markdown.item_links(text):
                if target not in ctx.items_of(kind) and target not in broken:
                    folder = f"content/{ctx.lang}/{BY_NAME[kind].folder}"
                    errors.append(
                        ContentError(file.rel, dotted(full), f"the id of {_article(kind)} {kind} in "
                                     f"content/{ctx.lang}/",
                                     f"a link to '{kind}:{target}', which does not exist",
                                     f"correct the id or add {folder}/{target}.yml", file.line_of(full))
                    )

    for item, file, base in sources.files:
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
    care_file = sources.care_file
    if care_file is not None and ctx.care is not None:
        for level in ("emergency", "urgent"):
            for index, sign in enumerate(getattr(ctx.care, level).signs):
                path = (level, "signs", index)
                if sign not in ctx.symptoms and sign not in broken:
                    errors.append(
                        ContentError(care_file.rel, dotted(path),
                                     f"the id of a symptom in content/{ctx.lang}/symptoms/",
                                     f"'{sign}', which does not exist",
                                     f"correct the id or add content/{ctx.lang}/symptoms/{sign}.yml",
                                     care_file.line_of(path))
                    )
        check_text(care_file, (), ctx.care)
    for page_id, (page, body) in sources.pages.items():
        rel = f"content/{ctx.lang}/pages/{page_id}.md"
        for ref_id in [*page.refs, *markdown.citations(body)]:
            if ref_id not in ctx.references:
                errors.append(
                    ContentError(rel, "", "the id of an entry in content/references.yml",
                                 f"'{ref_id}', which is not there",
                                 "add the source to content/references.yml or correct the id")
                )
    if embeds is not None:
        errors += _check_embeds(ctx, sources, embeds)
    return errors


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _check_embeds(ctx: SiteContext, sources: Sources, embeds: Embeds) -> list[ContentError]:
    """Chart, widget and page-embed ids name something the build can make."""
    errors: list[ContentError] = []
    for item, file, _base in sources.files:
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

