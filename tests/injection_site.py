"""Build a small site whose every editable field holds attack text, for the injection tests.

A project folder is made from the fixture content (plus a free page, a clinic and a chart
drawn from a data file, so that every kind of field exists), with files outside content/
that a snippet include would leak (``SENTINEL``). ``fill`` puts a payload in every field a
person types: every ``Text`` and ``Markdown`` field of every content file, page front
matter and body, and the address fields (reference url and doi, clinic website), which
have their own payloads.
"""

from __future__ import annotations

import shutil
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generators.content import schema
from generators.content.data_schema import DATA_FILES
from generators.content.kinds import KINDS
from tests.injection_payloads import SENTINEL

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "mini" / "content"
#: Address fields keep their pattern (https://..., 10.x/...) and carry a payload after it.
ADDRESSES = {
    "url": 'https://example.org/"><svg/onload=__pwned.push({id})>',
    "website": 'https://example.org/"><svg/onload=__pwned.push({id})>',
    "doi": '10.1234/"><svg/onload=__pwned.push({id})>',
}
#: A glossary term kept as it is (its definition gets a payload), so that pages show its
#: tooltip: the word is in the payloads ("*[calf]: ..."), which every page holds as text.
TOOLTIP_TERM = "calf"
PAGE = """---
id: about-us
title: About us
description: Who writes this site.
review:
  last_reviewed: 2025-01-01
  next_review: 2026-01-01
  reviewer: {name: Test Reviewer, role: Nurse}
---
We write this site [@stick-1992].
"""


def make_project(folder: Path) -> Path:
    """A project folder: fixture content, a free page, a clinic, and files a snippet could leak."""
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    (content / "en" / "pages").mkdir()
    (content / "en" / "pages" / "about-us.md").write_text(PAGE)
    settings = yaml.safe_load((content / "settings.yml").read_text())
    settings["clinic"] = {"name": "Leg Clinic", "phone": "555 0100", "address": "1 High Street",
                          "website": "https://clinic.example.org"}
    (content / "settings.yml").write_text(yaml.safe_dump(settings, sort_keys=False))
    # A chart drawn from a data file, so that chart labels and summaries are attacked too.
    data = yaml.safe_load((ROOT / "content" / "data" / "travel-clot-risk.yml").read_text())
    (content / "data").mkdir()
    (content / "data" / "travel-clot-risk.yml").write_text(
        yaml.safe_dump({**data, "source": "stick-1992"}, sort_keys=False))
    topic = content / "en" / "topics" / "calf-pump.yml"
    topic.write_text(topic.read_text() + "charts: [travel-clot-risk]\n")
    glossary = content / "en" / "glossary.yml"
    glossary.write_text(glossary.read_text()
                        + f"- id: calf\n  term: {TOOLTIP_TERM}\n  definition: The back of the leg.\n")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for shared in ("generators", "interactive", "node_modules", "pyproject.toml"):  # what the build reads
        (folder / shared).symlink_to(ROOT / shared)
    (folder / "README.md").write_text(f"{SENTINEL} README\n")
    (folder / "secret.txt").write_text(f"{SENTINEL} secret\n")
    (folder / "build" / "includes").mkdir(parents=True)
    (folder / "build" / "includes" / "leak.md").write_text(f"{SENTINEL} leak\n")
    return folder


def _free_text(info: FieldInfo | None, annotation: Any) -> bool:
    """A ``Text`` or ``Markdown`` field, or a list or optional of one."""
    if annotation in (schema.Text, schema.Markdown):
        return True
    if info is not None and annotation is str:
        return list(info.metadata) in (list(schema.Text.__metadata__), list(schema.Markdown.__metadata__))
    return any(_free_text(None, arg) for arg in typing.get_args(annotation))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def inject(data: Any, model: type[BaseModel], text: Callable[[str], str]) -> Any:
    """``data`` (as read from YAML) with every free-text value replaced by ``text(key)``."""
    if isinstance(data, list):
        return [inject(item, model, text) for item in data]
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for key, value in data.items():
        info = model.model_fields.get(key)
        if info is None:
            continue
        if model is schema.GlossaryTerm and key == "term" and value == TOOLTIP_TERM:
            continue
        if isinstance(value, str) and (key in ADDRESSES or _free_text(info, info.annotation)):
            out[key] = text(key)
        elif _free_text(info, info.annotation) and isinstance(value, list):
            out[key] = [text(key) for _ in value]
        elif (inner := _model_in(info.annotation)) is not None:
            out[key] = inject(value, inner, text)
    return out


def fill(project: Path, make: Callable[[int, str], str]) -> int:
    """Put ``make(field number, key)`` in every editable field of the project's content;
    returns how many fields were filled."""
    count = 0

    def text(key: str) -> str:
        nonlocal count
        count += 1
        return make(count, key)

    content = project / "content"
    models: dict[Path, type[BaseModel]] = {
        content / "settings.yml": schema.Settings, content / "references.yml": schema.Reference,
        content / "en" / "site.yml": schema.SiteText, content / "en" / "care.yml": schema.CareCard,
        content / "en" / "glossary.yml": schema.GlossaryTerm,
        content / "data" / "travel-clot-risk.yml": DATA_FILES["travel-clot-risk"],
    }
    for kind in KINDS:
        models.update({path: kind.model for path in sorted((content / "en" / kind.folder).glob("*.yml"))})
    for path, model in models.items():
        data = yaml.safe_load(path.read_text())
        path.write_text(yaml.safe_dump(inject(data, model, text), sort_keys=False, allow_unicode=True))
    page = content / "en" / "pages" / "about-us.md"
    _, head, body = page.read_text().split("---\n", 2)
    front = inject(yaml.safe_load(head), schema.Page, text)
    page.write_text("---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"
                    + body + "\n" + text("body") + "\n")
    return count
