"""Checks on the words themselves, run after the schema: readability and citations.

Rules as data: each rule is a small named function ``(ctx) -> list[ContentError]``,
run in order by ``check_content``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from generators.content.context import SiteContext
from generators.content.crossrefs import strings
from generators.content.markdown import citations, plain_text
from generators.content.readability import fk_grade
from generators.errors import ContentError

PAGE_GRADE_LIMIT = 8.0
STEP_GRADE_LIMIT = 6.0

# Prose fields a reader sees on an item's page (structure fields like ids are not prose).
_SKIP = {"id", "picture", "refs", "related", "review", "changeable", "kind", "care_level", "order",
         "charts", "widgets", "risk_factors"}


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


def readability_of_pages(ctx: SiteContext) -> list[ContentError]:
    errors = []
    for kind, item in ctx.all_pages():
        grade = fk_grade(page_text(item))
        if grade > PAGE_GRADE_LIMIT:
            errors.append(ContentError(
                ctx.source_of(kind, item.id), "",
                f"a Flesch-Kincaid grade of {PAGE_GRADE_LIMIT:g} or lower for the page",
                f"grade {grade:.1f}", "use shorter sentences and everyday words; "
                "`second-heart check --grades` lists every page's grade"))
    return errors


def readability_of_steps(ctx: SiteContext) -> list[ContentError]:
    errors = []
    for exercise in ctx.exercises.values():
        for index, step in enumerate(exercise.steps):
            grade = fk_grade(plain_text(step))
            if grade > STEP_GRADE_LIMIT:
                errors.append(ContentError(
                    ctx.source_of("exercise", exercise.id), f"steps[{index}]",
                    f"a Flesch-Kincaid grade of {STEP_GRADE_LIMIT:g} or lower for an exercise step",
                    f"grade {grade:.1f} ('{step[:50]}')", "split the step in two or use shorter words"))
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
    return [(ctx.url_of(kind, item.id).rstrip("/"), fk_grade(page_text(item)))
            for kind, item in ctx.all_pages()]
