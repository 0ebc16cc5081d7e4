"""Stage 1 of the build: read content/, validate everything, cross-check, measure.

Phase 1 reads and validates each file on its own (YAML syntax, then the schema).
Phase 2 checks what spans files (``crossrefs``): ids match file names and are unique,
every link, citation, chart, widget and embed names something that exists. Phase 3 runs
the rules on the words (``checks``): citations present, reading grades. All problems are
collected and raised together as one ``ContentErrors``, so an editor fixes them in one
pass. ``second-heart check`` runs exactly ``load_checked``, as the build does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from generators.content import checks
from generators.content.context import SiteContext
from generators.content.crossrefs import Embeds, Sources, cross_check
from generators.content.kinds import KINDS
from generators.content.messages import schema_error
from generators.content.schema import (
    DATA_FILES,
    CareCard,
    DataFile,
    GlossaryTerm,
    Page,
    PageBase,
    Reference,
    Settings,
    SiteText,
)
from generators.content.svg import check_svg
from generators.content.yaml_source import FrontMatter, InvalidYaml, KeyPath, YamlFile, describe
from generators.errors import ContentError, ContentErrors

M = TypeVar("M", bound=BaseModel)

_FRONT_MATTER_END = "\n---\n"


class Loader:
    """Collects every problem while reading content/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[ContentError] = []
        # Ids of items that exist but failed validation: references to them are not
        # reported again as "does not exist", which would only bury the real problem.
        self.broken: set[str] = set()

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> YamlFile | None:
        if not path.is_file():
            self.errors.append(
                ContentError(
                    self.rel(path), "", "this file to exist", "no file",
                    "create it (see README: 'Adding or editing content')",
                )
            )
            return None
        try:
            return YamlFile(path, self.rel(path))
        except InvalidYaml as invalid:
            self.errors.append(invalid.error)
            return None

    def one(self, path: Path, model: type[M]) -> tuple[M, YamlFile] | None:
        file = self.read(path)
        value = None if file is None else self.validate(file, file.data, model, ())
        return None if file is None or value is None else (value, file)

    def many(self, path: Path, model: type[M]) -> list[tuple[M, YamlFile, int]]:
        """A file holding a YAML list of items."""
        file = self.read(path)
        if file is None:
            return []
        if not isinstance(file.data, list):
            self.errors.append(
                ContentError(file.rel, "", f"a list of {model.__name__} entries",
                             describe(file.data), "start each entry with '- id: ...'", 1)
            )
            return []
        out = []
        for index, item in enumerate(file.data):
            value = self.validate(file, item, model, (index,))
            if value is not None:
                out.append((value, file, index))
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                self.broken.add(item["id"])
        return out

    def validate(self, file: YamlFile, data: object, model: type[M], prefix: KeyPath) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                self.errors.append(schema_error(file, model, err, prefix))
            return None

    def folder(self, folder: Path, model: type[PageBase]) -> dict[str, tuple[PageBase, YamlFile]]:
        items: dict[str, tuple[PageBase, YamlFile]] = {}
        if not folder.is_dir():
            self.errors.append(
                ContentError(self.rel(folder), "", "a folder of YAML files", "no folder",
                             f"create {self.rel(folder)}/ with one .yml file per item")
            )
            return items
        for path in sorted(folder.glob("*.y*ml")):
            file = self.read(path)
            item = None if file is None else self.validate(file, file.data, model, ())
            if file is None or item is None:
                self.broken.add(path.stem)
                continue
            if item.id != path.stem:
                self.errors.append(
                    ContentError(file.rel, "id", f"'{path.stem}' (the file name without .yml)",
                                 f"'{item.id}'",
                                 "make the id and the file name the same; ids never change once published",
                                 file.line_of(("id",)))
                )
                self.broken.add(path.stem)
                continue
            items[item.id] = (item, file)
        return items

    def data_files(self, folder: Path) -> dict[str, tuple[DataFile, YamlFile]]:
        """content/data/*.yml: published numbers that charts draw. A missing file is
        reported by the cross-check, where a chart that needs it is named."""
        found: dict[str, tuple[DataFile, YamlFile]] = {}
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            model = DATA_FILES.get(path.stem)
            if model is None:
                self.errors.append(ContentError(
                    self.rel(path), "", "a data file the build uses: "
                    + ", ".join(f"{name}.yml" for name in sorted(DATA_FILES)),
                    "a file it does not use", "correct the file name, or remove the file"))
                continue
            loaded = self.one(path, model)
            if loaded is None:
                self.broken.add(path.stem)
            else:
                found[path.stem] = cast(tuple[DataFile, YamlFile], loaded)
        return found


def load_checked(content: Path, embeds: Embeds | None = None, lang: str = "en") -> SiteContext:
    """Stage 1: ``load_content`` plus the rules on the words; every problem at once."""
    return load_content(content, lang, embeds, run_checks=True)


def load_content(root: Path, lang: str = "en", embeds: Embeds | None = None, *,
                 run_checks: bool = False) -> SiteContext:
    """Read, validate and cross-check all of content/; raise ``ContentErrors`` on any problem.

    ``embeds`` lists the charts, widgets and page embeds the build can make; without it
    their ids are not checked (for tests of the loader alone).
    """
    root = root.resolve()
    loader = Loader(root)
    text_root = root / lang
    settings = loader.one(root / "settings.yml", Settings)
    site = loader.one(text_root / "site.yml", SiteText)
    care = loader.one(text_root / "care.yml", CareCard)
    references = _unique(loader, loader.many(root / "references.yml", Reference))
    glossary = _unique(loader, loader.many(text_root / "glossary.yml", GlossaryTerm))
    folders = {kind.name: loader.folder(text_root / kind.folder, kind.model) for kind in KINDS}
    pages = _load_pages(loader, text_root / "pages")
    data = loader.data_files(root / "data")
    for svg in sorted(root.rglob("*.svg")):  # authored drawings (logos, diagrams): safe and small
        loader.errors.extend(check_svg(svg.read_bytes(), loader.rel(svg)))

    # Cross-checks run even when some files failed, so every problem is reported at
    # once; items that failed validation are simply absent from the partial context.
    ctx = SiteContext(
        root=root,
        lang=lang,
        settings=cast(Settings, settings and settings[0]),
        site=cast(SiteText, site and site[0]),
        care=cast(CareCard, care and care[0]),
        references={k: v[0] for k, v in references.items()},
        glossary={k: v[0] for k, v in glossary.items()},
        items={name: {k: v[0] for k, v in found.items()} for name, found in folders.items()},
        pages={k: v[0] for k, v in pages.items()},
        page_bodies={k: v[1] for k, v in pages.items()},
        data={k: v[0] for k, v in data.items()},
    )
    files: list[tuple[BaseModel, YamlFile, KeyPath]] = [
        (item, file, ()) for found in folders.values() for item, file in found.values()
    ]
    files += [(term, file, (index,)) for term, file, index in glossary.values()]
    if site is not None:
        files.append((site[0], site[1], ()))
    if care is not None:
        files.append((care[0], care[1], ()))
    files += [(value, file, ()) for value, file in data.values()]
    sources = Sources(files, care[1] if care else None, pages, loader.broken)
    loader.errors.extend(cross_check(ctx, sources, embeds))
    if run_checks and not loader.errors:
        loader.errors.extend(checks.check_content(ctx))
    if loader.errors:
        raise ContentErrors(loader.errors)
    return ctx


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _unique[T: _HasId](
    loader: Loader, entries: list[tuple[T, YamlFile, int]]
) -> dict[str, tuple[T, YamlFile, int]]:
    seen: dict[str, tuple[T, YamlFile, int]] = {}
    for item, file, index in entries:
        item_id: str = item.id
        if item_id in seen:
            first = seen[item_id]
            loader.errors.append(
                ContentError(file.rel, f"[{index}].id", "an id used only once in this file",
                             f"'{item_id}' again (first used on line {first[1].line_of((first[2], 'id'))})",
                             "give one of the two entries a different id, or merge them",
                             file.line_of((index, "id")))
            )
            continue
        seen[item_id] = (item, file, index)
    return seen


def _load_pages(loader: Loader, folder: Path) -> dict[str, tuple[Page, str]]:
    pages: dict[str, tuple[Page, str]] = {}
    if not folder.is_dir():
        return pages
    for path in sorted(folder.glob("*.md")):
        rel = loader.rel(path)
        text = path.read_text(encoding="utf-8")
        end = text.find(_FRONT_MATTER_END, 3) if text.startswith("---\n") else -1
        if end < 0:
            loader.errors.append(
                ContentError(rel, "", "YAML front matter between two '---' lines at the top",
                             "none", "start the file with '---', the page's id, title, description "
                             "and review, then '---'", 1)
            )
            continue
        head = text[4:end + 1]
        page = loader.validate(FrontMatter(rel, head), yaml.safe_load(head), Page, ())
        if page is not None:
            pages[page.id] = (page, text[end + len(_FRONT_MATTER_END):])
    return pages
