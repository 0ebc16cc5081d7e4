"""Stage 1 of the build: read content/, validate everything, cross-check, measure.

Phase 0 surveys content/ (``layout``): which files exist, which may be read, and the
rule for file names. Phase 1 reads and validates each file on its own: its bytes as
UTF-8 text (``text_file``), its YAML (``yaml_source``), then the schema. Phase 2 checks
what spans files (``crossrefs``): ids match file names and are unique, every link,
citation, chart, widget and embed names something that exists, languages match their
folders. Phase 3 runs the rules on the words (``checks``): citations present, reading
grades. All problems are collected and raised together as one ``ContentErrors``, so an
editor fixes them in one pass. ``second-heart check`` runs exactly ``load_checked``, as
the build does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar, cast

from pydantic import BaseModel, ValidationError

from generators.content import checks, languages, safety
from generators.content.context import SiteContext
from generators.content.crossrefs import Embeds, Sources, cross_check
from generators.content.data_schema import DATA_FILES, DataFile
from generators.content.kinds import KINDS
from generators.content.layout import YAML, Layout, survey
from generators.content.messages import schema_error
from generators.content.schema import (
    CareCard,
    GlossaryTerm,
    Page,
    PageBase,
    Reference,
    Settings,
    SiteText,
    TermPair,
    UiWords,
)
from generators.content.svg import check_svg
from generators.content.text_file import Unreadable, read_text
from generators.content.yaml_source import InvalidYaml, KeyPath, YamlFile, describe, front_matter
from generators.errors import ContentError, ContentErrors

M = TypeVar("M", bound=BaseModel)

#: YAML texts parsed before, by (file, text): the live preview reads content/ again on
#: every save, and most files have not changed. Only texts that parsed are kept.
_PARSED: dict[tuple[str, str], YamlFile] = {}
_PARSED_MAX = 4096


class Loader:
    """Collects every problem while reading content/."""

    def __init__(self, root: Path, layout: Layout) -> None:
        self.root = root
        self.layout = layout
        self.errors: list[ContentError] = list(layout.errors)
        # Ids of items that exist but failed validation: references to them are not
        # reported again as "does not exist", which would only bury the real problem.
        self.broken: set[str] = set(layout.broken_ids)
        self.failed: set[Path] = set()  # files that could not be read as a whole

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return str(path)

    def text(self, path: Path) -> str | None:
        """A file's text, or None (and the reason recorded) when it cannot be read."""
        if not self.layout.allows(path):
            return None  # the survey has said why
        if not path.is_file():
            self.errors.append(ContentError(self.rel(path), "", "this file to exist", "no file",
                                            "create it (see README: 'Adding or editing content')"))
            return None
        try:
            return read_text(path, self.rel(path), self.root)
        except Unreadable as unreadable:
            self.errors.extend(unreadable.errors)
            return None

    def read(self, path: Path) -> YamlFile | None:
        text = self.text(path)
        if text is None:
            self.failed.add(path)
            return None
        key = (self.rel(path), text)
        if key in _PARSED:
            return _PARSED[key]
        try:
            parsed = YamlFile(*key)
        except InvalidYaml as invalid:
            self.errors.extend(invalid.errors)
            self.failed.add(path)
            return None
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = parsed
        return parsed

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
            self.failed.add(path)
            received = "an empty file" if file.empty else describe(file.data)
            self.errors.append(
                ContentError(file.rel, "", f"a list of {model.__name__} entries",
                             received, "start each entry with '- id: ...'", 1)
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
        if file.empty and not prefix:
            received = "an empty file" if file.first_line == 1 else "nothing between the two '---' lines"
            self.errors.append(ContentError(
                file.rel, "", f"the keys of {model.__name__} (see generators/content/schema.py)",
                received, "fill it in (a file of the same kind shows the keys), or delete it",
                file.first_line))
            return None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                self.errors.append(schema_error(file, model, err, prefix))
            return None

    def with_id(self, path: Path, file: YamlFile, item_id: str, others: set[str]) -> bool:
        """The id written in a file is its file name (links, pages and embeds use it)."""
        if item_id == path.stem:
            return True
        taken = f", the id of {self.rel(path.with_stem(item_id))}" if item_id in others else ""
        self.errors.append(
            ContentError(file.rel, "id", f"'{path.stem}' (the file name without {path.suffix})",
                         f"'{item_id}'{taken}",
                         "make the id and the file name the same; ids never change once published",
                         file.line_of(("id",)))
        )
        self.broken.add(path.stem)
        return False

    def folder(self, folder: Path, model: type[PageBase]) -> dict[str, tuple[PageBase, YamlFile]]:
        items: dict[str, tuple[PageBase, YamlFile]] = {}
        if not folder.is_dir():
            if self.layout.allows(folder):
                self.errors.append(
                    ContentError(self.rel(folder), "", "a folder of YAML files", "no folder",
                                 f"create {self.rel(folder)}/ with one .yml file per item"))
            return items
        paths = self.layout.files_in(folder, YAML)
        for path in paths:
            file = self.read(path)
            item = None if file is None else self.validate(file, file.data, model, ())
            if file is None or item is None:
                self.broken.add(path.stem)
            elif self.with_id(path, file, item.id, {p.stem for p in paths}):
                items[item.id] = (item, file)
        return items

    def data_files(self, folder: Path) -> dict[str, tuple[DataFile, YamlFile]]:
        """content/data/*.yml: published numbers that charts draw. A missing file is
        reported by the cross-check, where a chart that needs it is named."""
        found: dict[str, tuple[DataFile, YamlFile]] = {}
        for path in self.layout.files_in(folder, YAML):
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

    def pages(self, folder: Path) -> tuple[dict[str, tuple[Page, str]], dict[str, tuple[YamlFile, int]]]:
        """Free pages: Markdown with front matter. By id: (front matter, body) and
        (front matter file, first line of the body)."""
        pages: dict[str, tuple[Page, str]] = {}
        files: dict[str, tuple[YamlFile, int]] = {}
        paths = self.layout.files_in(folder, (".md",))
        for path in paths:
            text = self.text(path)
            if text is None:
                continue
            try:
                head, body, body_line = front_matter(self.rel(path), text)
            except InvalidYaml as invalid:
                self.errors.extend(invalid.errors)
                continue
            page = self.validate(head, head.data, Page, ())
            if page is not None and self.with_id(path, head, page.id, {p.stem for p in paths}):
                pages[page.id] = (page, body)
                files[page.id] = (head, body_line)
        return pages, files


def load_checked(content: Path, embeds: Embeds | None = None, lang: str = "en") -> SiteContext:
    """Stage 1: ``load_content`` plus the rules on the words; every problem at once."""
    return load_content(content, lang, embeds, run_checks=True)


def load_all_checked(content: Path, embeds: Embeds | None = None) -> dict[str, SiteContext]:
    """Stage 1 for every language at once, by code, the first listed first: each context
    is the one ``load_checked`` makes for its language, the files read and checked once
    (a build of every language need not read content/ once per language)."""
    return _load(content, None, embeds, run_checks=True)


def load_content(root: Path, lang: str = "en", embeds: Embeds | None = None, *,
                 run_checks: bool = False) -> SiteContext:
    """Read, validate and cross-check all of content/; raise ``ContentErrors`` on any problem.

    ``lang`` is the language the site is built in; the other languages listed in
    settings.yml are read and checked the same way. ``embeds`` lists the charts, widgets,
    page embeds and pages the build can make; without it their ids and relative links are
    not checked (for tests of the loader alone).
    """
    return _load(root, lang, embeds, run_checks=run_checks)[lang]


def _load(root: Path, lang: str | None, embeds: Embeds | None, *, run_checks: bool) -> dict[str, SiteContext]:
    """``load_content`` for ``lang``, or (None) for every language: the contexts wanted, by
    code; the rules on the words (``run_checks``) run on each of them."""
    root = root.resolve()
    if not root.is_dir():
        raise ContentErrors([ContentError(root.name, "", "the content folder", "no folder",
                                          f"check the project folder: {root} does not exist")])
    loader = Loader(root, survey(root))
    settings = loader.one(root / "settings.yml", Settings)
    references = _unique(loader, loader.many(root / "references.yml", Reference))
    data = loader.data_files(root / "data")
    loader.errors.extend(safety.check_shared(settings, references))  # no script from content
    for svg in sorted(p for files in loader.layout.files.values() for p in files if p.suffix == ".svg"):
        loader.errors.extend(check_svg(svg.read_bytes(), loader.rel(svg)))
    # The first language is read first: the others are checked against it (languages.py).
    first = settings[0].languages[0] if settings else (lang or "en")
    built = first if lang is None else lang  # every language: as the first one's build reads them
    others = _check_languages(loader, settings, built)
    data_files: list[tuple[BaseModel, YamlFile, KeyPath]] = [(v, f, ()) for v, f in data.values()]
    shared = _Shared(settings[0] if settings else None, {k: v[0] for k, v in references.items()},
                     {k: v[0] for k, v in data.items()}, data_files,
                     references_read=root / "references.yml" not in loader.failed)
    contexts: dict[str, SiteContext] = {}
    for each in dict.fromkeys([first, built, *others]):
        if each == built or each in others:
            contexts[each] = _load_language(loader, each, shared, embeds, contexts.get(first))
    names = {each: contexts[each].ui.get("site", {}).get("language_name", each) for each in contexts}
    listed = settings[0].languages if settings else [built]
    named = {each: names[each] for each in listed if each in names}
    wanted = [built] if lang is not None else list(contexts)
    out = {each: replace(contexts[each], languages=named) for each in wanted}
    if run_checks and not loader.errors:
        for ctx in out.values():
            loader.errors.extend(checks.check_content(ctx))
    if loader.errors:
        raise ContentErrors(list(dict.fromkeys(loader.errors)))
    return out


@dataclass(frozen=True)
class _Shared:
    """What every language shares: settings, references and data files."""

    settings: Settings | None
    references: dict[str, Reference]
    data: dict[str, DataFile]
    data_files: list[tuple[BaseModel, YamlFile, KeyPath]]
    references_read: bool  # False: references.yml could not be read, so citations are not checked


def _load_language(loader: Loader, lang: str, shared: _Shared, embeds: Embeds | None,
                   first: SiteContext | None = None) -> SiteContext:
    """One language's files, cross-checked with the shared ones (references, data), and a
    translation with ``first``, the language it is translated from (languages.py)."""
    text_root = loader.root / lang
    site = loader.one(text_root / "site.yml", SiteText)
    care = loader.one(text_root / "care.yml", CareCard)
    ui = loader.one(text_root / "ui.yml", UiWords) if (text_root / "ui.yml").exists() else None
    glossary = _unique(loader, loader.many(text_root / "glossary.yml", GlossaryTerm))
    folders = {kind.name: loader.folder(text_root / kind.folder, kind.model) for kind in KINDS}
    pages, page_files = loader.pages(text_root / "pages")

    # Cross-checks run even when some files failed, so every problem is reported at
    # once; items that failed validation are simply absent from the partial context.
    ctx = SiteContext(
        root=loader.root,
        lang=lang,
        settings=cast(Settings, shared.settings),
        site=cast(SiteText, site and site[0]),
        care=cast(CareCard, care and care[0]),
        references=shared.references,
        glossary={k: v[0] for k, v in glossary.items()},
        items={name: {k: v[0] for k, v in found.items()} for name, found in folders.items()},
        pages={k: v[0] for k, v in pages.items()},
        page_bodies={k: v[1] for k, v in pages.items()},
        data=shared.data,
        ui=ui[0].root if ui else {},
    )
    translated = first is not None and None not in (site, care, first.site, first.care)
    if translated and ctx.site.partial:
        ctx = languages.fill_missing(cast(SiteContext, first), ctx)  # before links are checked
    files: list[tuple[BaseModel, YamlFile, KeyPath]] = [
        (item, file, ()) for found in folders.values() for item, file in found.values()
    ]
    files += [(term, file, (index,)) for term, file, index in glossary.values()]
    if site is not None:
        files.append((site[0], site[1], ()))
    if care is not None:
        files.append((care[0], care[1], ()))
    files += shared.data_files
    sources = Sources(files, care[1] if care else None, pages, loader.broken, page_files,
                      references_read=shared.references_read)
    loader.errors.extend(cross_check(ctx, sources, embeds))
    loader.errors.extend(safety.check_sources(sources))  # no script from content (safety.py)
    if (text_root / "terms.yml").exists():  # its shape; tests/generators/i18n hold the words to it
        loader.many(text_root / "terms.yml", TermPair)
    if translated:
        loader.errors.extend(languages.check_translation(cast(SiteContext, first), ctx, loader.broken))
    return ctx


def _check_languages(loader: Loader, settings: tuple[Settings, YamlFile] | None, lang: str) -> list[str]:
    """Language folders and settings.yml agree; returns the listed languages besides ``lang``
    that have a folder (they are read and checked too)."""
    if settings is None:
        return []
    listed = settings[0].languages
    present = loader.layout.languages
    for folder in present:
        if folder not in listed:
            loader.errors.append(ContentError(
                f"content/{folder}", "", "a language listed under 'languages' in content/settings.yml "
                f"({', '.join(listed)})", f"the folder '{folder}'",
                f"add {folder} to 'languages' in content/settings.yml, or move the folder out of content/"))
    for index, listed_lang in enumerate(listed):
        if listed_lang not in present and listed_lang != lang:
            loader.errors.append(ContentError(
                settings[1].rel, f"languages[{index}]", f"a folder content/{listed_lang}/ with the pages in "
                "this language", "no folder", f"create content/{listed_lang}/ (a translated copy of "
                f"content/{lang}/), or remove '{listed_lang}' from 'languages'",
                settings[1].line_of(("languages", index))))
    return [other for other in listed if other != lang and other in present]


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
