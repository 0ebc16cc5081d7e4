"""Read a clinic file as content is read: safe YAML with line numbers, the schema
(``model.py``), the rules every text field keeps (no HTML: ``safety.py``), then the
values (``checks.py``) and, against the content being built, the reviewer's date and
the pages left out. Every problem is reported at once, each with file, line and key.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from generators.clinic.checks import check_values
from generators.clinic.model import ClinicFile, for_language
from generators.content import safety
from generators.content.context import SiteContext
from generators.content.messages import schema_error
from generators.content.schema import BuiltPage, Page, PageBase
from generators.content.text_file import Unreadable, read_text
from generators.content.yaml_source import InvalidYaml, YamlFile, describe, dotted
from generators.errors import ContentError, ContentErrors

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ClinicErrors(ContentErrors):
    """Every problem in one clinic file."""

    def __init__(self, rel: str, errors: list[ContentError]) -> None:
        self.rel = rel
        super().__init__(errors)

    def report(self) -> str:
        count = len(self.errors)
        head = f"{self.rel} has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])


@dataclass(frozen=True)
class LoadedClinic:
    id: str  # the file name without .yml: the default output folder, site-clinics/<id>/
    path: Path
    file: YamlFile
    clinic: ClinicFile


def rel_name(path: Path, project: Path) -> str:
    """How messages name a clinic file: relative to the project when it is inside it."""
    resolved = path.resolve()
    if resolved.is_relative_to(project):
        return resolved.relative_to(project).as_posix()
    return os.path.abspath(path)


def load_clinic(project: Path, path: Path, lang: str | None = None) -> LoadedClinic:
    """The validated clinic file, or ``ClinicErrors`` listing every problem in it; with
    ``lang``, its per-language words resolved to that language's."""
    project = project.resolve()
    rel = rel_name(path, project)
    if path.suffix not in (".yml", ".yaml") or not _ID.match(path.stem):
        raise ClinicErrors(rel, [ContentError(
            rel, "", "a file named <id>.yml, the id in lowercase letters, digits and single hyphens",
            f"'{path.name}'", "rename it, e.g. clinics/riverside-vein-clinic.yml")])
    if not path.is_file():
        raise ClinicErrors(rel, [ContentError(rel, "", "a clinic file", "no file at that path",
                                              "check the path, or copy clinics/example.yml and fill it in")])
    try:
        file = YamlFile(rel, read_text(path, rel, path.resolve().parent))
    except (Unreadable, InvalidYaml) as problem:
        raise ClinicErrors(rel, problem.errors) from None
    if file.empty or not isinstance(file.data, dict):
        received = "an empty file" if file.empty else describe(file.data)
        raise ClinicErrors(rel, [ContentError(rel, "", "the keys of a clinic file (see clinics/example.yml)",
                                              received, "copy clinics/example.yml and fill it in", 1)])
    try:
        clinic = ClinicFile.model_validate(file.data)
    except ValidationError as exc:
        errors = [_here(schema_error(file, ClinicFile, err, ())) for err in exc.errors()]
        raise ClinicErrors(rel, errors) from None
    errors = [ContentError(rel, dotted(key), problem.expected, problem.found, problem.hint, file.line_of(key))
              for key, text, _markdown in safety.fields(clinic)
              for problem in safety.problems(text, markdown=False)]
    errors += check_values(clinic, file, project)
    if errors:
        raise ClinicErrors(rel, errors)
    return LoadedClinic(id=path.stem, path=path, file=file,
                        clinic=clinic if lang is None else for_language(clinic, lang))


def _here(error: ContentError) -> ContentError:
    """Schema hints point at this package's model, not the content schema."""
    hint = error.hint.replace("generators/content/schema.py", "generators/clinic/model.py")
    return replace(error, hint=hint)


def check_against(loaded: LoadedClinic, ctx: SiteContext, today: dt.date | None = None) -> None:
    """What can only be checked with the content in hand: the reviewer signed off every
    page as it is now (not before its last review, and not in the future), and the
    pages left out exist."""
    clinic, file = loaded.clinic, loaded.file
    errors: list[ContentError] = []
    signed = clinic.reviewer.date
    latest = max(item.review.last_reviewed for item in reviewed_items(ctx))
    today = today or dt.date.today()
    key = ("reviewer", "date")
    if signed > today:
        errors.append(ContentError(file.rel, dotted(key), f"a date on or before today ({today.isoformat()})",
                                   f"a date ({signed.isoformat()})",
                                   "write the day the reviewer signed the pages off", file.line_of(key)))
    elif signed < latest:
        errors.append(ContentError(
            file.rel, dotted(key), f"a date on or after the pages' latest review ({latest.isoformat()})",
            f"a date ({signed.isoformat()}), before some pages last changed",
            "ask the reviewer to read the current pages, then write the day they signed them off",
            file.line_of(key)))
    for index, page_id in enumerate(clinic.leave_out):
        if page_id not in ctx.pages:
            where = ("leave_out", index)
            errors.append(ContentError(
                file.rel, dotted(where), f"the id of a free page ({', '.join(sorted(ctx.pages))})",
                describe(page_id), "only free pages (content/<lang>/pages/<id>.md) can be left out: every "
                "other page is linked from the care cards and the other pages", file.line_of(where)))
    if errors:
        raise ClinicErrors(file.rel, errors)


def reviewed_items(ctx: SiteContext) -> list[PageBase | Page | BuiltPage]:
    """Every page with a review: items, free pages and the three built pages."""
    return [*(item for _kind, item in ctx.all_pages()), *ctx.pages.values(),
            ctx.site.get_help, ctx.site.demo, ctx.site.checklist]
