"""Checks on the words themselves, run after the schema: readability and citations.

Rules as data: each rule is a small named function ``(ctx) -> list[ContentError]``,
run in order by ``check_content``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from generators.content.context import SiteContext
from generators.content.crossrefs import strings
from generators.content.markdown import citations, plain_text
from generators.content.readability import MEASURES
from generators.content.schema import PageBase
from generators.errors import ContentError

PAGE_GRADE_LIMIT = MEASURES["en"].page_limit  # each language's limits: readability.MEASURES
STEP_GRADE_LIMIT = MEASURES["en"].step_limit

# Prose fields a reader sees on an item's page (structure fields like ids are not prose).
_SKIP = {"id", "picture", "refs", "related", "review", "changeable", "kind", "care_level", "order",
         "charts", "widgets", "risk_factors", "preset"}


def prose(item: BaseModel) -> list[str]:
    out: list[str] = []

    def walk(value: Any, name: str) -> None:
        if name in _SKIP:
            return
        if isinstance(value, BaseModel):
            for field in type(value).model_fields:
                walk(getattr(value, field), field)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v, name)
        elif isinstance(value, str):
            out.append(plain_text(value))

    walk(item, "")
    return out


def page_text(item: BaseModel) -> str:
    """All prose of an item, one block per line, as the readability measure sees it."""
    return "\n".join(t for t in prose(item) if t)


def _measured(ctx: SiteContext) -> Iterator[tuple[str, PageBase]]:
    """The pages written in ``ctx``'s language (not those a partial translation borrows)."""
    return ((kind, item) for kind, item in ctx.all_pages() if not ctx.is_fallback(kind, item.id))


def readability_of_pages(ctx: SiteContext) -> list[ContentError]:
    measure = MEASURES.get(ctx.lang)
    if measure is None:
        return []
    errors = []
    for kind, item in _measured(ctx):
        grade = measure.score(page_text(item))
        if not measure.passes(grade, measure.page_limit):
            errors.append(ContentError(
                ctx.source_of(kind, item.id), "",
                f"{measure.limit_words(measure.page_limit)} for the page",
                f"{'grade' if ctx.lang == 'en' else 'score'} {grade:.1f}",
                "use shorter sentences and everyday words; "
                "`second-heart check --grades` lists every page's grade"))
    return errors


def readability_of_steps(ctx: SiteContext) -> list[ContentError]:
    measure = MEASURES.get(ctx.lang)
    if measure is None:
        return []
    errors = []
    for exercise in ctx.exercises.values():
        if ctx.is_fallback("exercise", exercise.id):
            continue
        for index, step in enumerate(exercise.steps):
            grade = measure.score(plain_text(step))
            if not measure.passes(grade, measure.step_limit):
                errors.append(ContentError(
                    ctx.source_of("exercise", exercise.id), f"steps[{index}]",
                    f"{measure.limit_words(measure.step_limit)} for an exercise step",
                    f"{'grade' if ctx.lang == 'en' else 'score'} {grade:.1f} ('{step[:50]}')",
                    "split the step in two or use shorter words"))
    return errors


def every_page_cites(ctx: SiteContext) -> list[ContentError]:
    """A content page with no citation at all cannot be traced to evidence."""
    errors = []
    for kind, item in ctx.all_pages():
        cited = any(citations(text) for _path, text in strings(item))
        if not cited and not getattr(item, "evidence", None):
            errors.append(ContentError(
                ctx.source_of(kind, item.id), "", "at least one citation like [@reference-id]",
                "none", "cite the source of each medical statement"))
    return errors


RULES: list[Callable[[SiteContext], list[ContentError]]] = [
    every_page_cites,
    readability_of_pages,
    readability_of_steps,
]


def check_content(ctx: SiteContext) -> list[ContentError]:
    return [error for rule in RULES for error in rule(ctx)]


def grades(ctx: SiteContext) -> list[tuple[str, float]]:
    """Every page's reading level in its language's measure (``MEASURES``); none when the
    language has no measure."""
    measure = MEASURES.get(ctx.lang)
    if measure is None:
        return []
    return [(ctx.url_of(kind, item.id).rstrip("/"), measure.score(page_text(item)))
            for kind, item in _measured(ctx)]
