"""Load content/: read every file, validate everything, then cross-check.

Phase 1 reads and validates each file on its own (YAML syntax, then the schema).
Phase 2 checks what spans files: ids match file names and are unique, every
cross-reference and citation names an item that exists. All problems are collected
and raised together as one ``ContentErrors``, so an editor fixes them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from generators.context import KINDS, SiteContext
from generators.errors import ContentError, ContentErrors
from generators.schema import (
    CareCard,
    Exercise,
    GlossaryTerm,
    Page,
    PageBase,
    Reference,
    RiskFactor,
    Settings,
    SiteText,
    Symptom,
    Topic,
)

M = TypeVar("M", bound=BaseModel)
KeyPath = tuple[str | int, ...]

CITATION = re.compile(r"\[@([^\]\s]+)\]")
ITEM_LINK = re.compile(r"\]\((topic|risk-factor|symptom|exercise):([^)\s#]+)(#[^)\s]*)?\)")
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)

_FOLDERS: dict[str, type[PageBase]] = {
    "topics": Topic,
    "risk-factors": RiskFactor,
    "symptoms": Symptom,
    "exercises": Exercise,
}


# ------------------------------------------------------------------ describing values


def describe(value: Any) -> str:
    """Name a YAML value the way an editor thinks of it, with a short excerpt."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ('{shown}')"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"a {type(value).__name__} ({value})"


def dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# ------------------------------------------------------------------ YAML with line numbers


def key_lines(node: yaml.Node, path: KeyPath = ()) -> Iterator[tuple[KeyPath, int]]:
    """Yield (key path, 1-based line) for every key and list item under ``node``."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            sub = (*path, str(key_node.value))
            yield sub, key_node.start_mark.line + 1
            yield from key_lines(value_node, sub)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = (*path, index)
            yield sub, item.start_mark.line + 1
            yield from key_lines(item, sub)


class YamlFile:
    """One parsed YAML file, able to say which line a key path is on."""

    def __init__(self, path: Path, rel: str) -> None:
        self.rel = rel
        text = path.read_text(encoding="utf-8")
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data: Any = yaml.safe_load(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = (exc.problem or "invalid YAML").strip()
            raise _Invalid(
                ContentError(
                    file=rel,
                    key="",
                    expected="valid YAML",
                    received=f"a syntax error ({problem})",
                    hint="check the indentation and quoting on this line and the one before; "
                    "text containing ': ' or starting with a quote must be quoted as a whole",
                    line=line,
                )
            ) from exc
        self.lines = dict(key_lines(node)) if node is not None else {}

    def line_of(self, path: KeyPath) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


class _Invalid(Exception):
    def __init__(self, error: ContentError) -> None:
        self.error = error


# ------------------------------------------------------------------ schema errors


def _schema_error(file: YamlFile, model: type[BaseModel], err: Any, prefix: KeyPath) -> ContentError:
    loc: KeyPath = (*prefix, *err["loc"])
    kind = err["type"]
    value = err.get("input")
    key = dotted(loc)
    line = file.line_of(loc)
    model_name = model.__name__
    if kind == "missing":
        field = str(err["loc"][-1]) if err["loc"] else "?"
        return ContentError(
            file.rel, key, f"a value for the required key '{field}'", "nothing",
            f"add '{field}:' (see {model_name} in generators/schema.py)", line,
        )
    if kind == "extra_forbidden":
        owner = _owner_model(model, err["loc"][:-1])
        allowed = ", ".join(owner.model_fields) if owner else "see generators/schema.py"
        return ContentError(
            file.rel, key, "one of the known keys", f"the unknown key '{loc[-1]}'",
            f"remove it or correct its spelling; known keys here are: {allowed}", line,
        )
    if kind == "value_error":  # a cross-field check in the schema; its message says what is expected
        return ContentError(file.rel, key, str(err["ctx"]["error"]), "none of them",
                            "add the missing key(s)", line)
    expected, hint = _EXPECTATIONS.get(kind, (None, None))
    if expected is None:
        expected = err["msg"][0].lower() + err["msg"][1:]
        hint = f"see {model_name} in generators/schema.py"
    if kind == "literal_error":
        expected = "one of " + err["ctx"]["expected"]
        hint = "use one of the listed values exactly"
    if kind in ("too_short", "too_long"):
        expected = err["msg"][0].lower() + err["msg"][1:]
    if kind == "string_pattern_mismatch" and str(loc[-1]) in _PATTERN_HINTS:
        expected, hint = _PATTERN_HINTS[str(loc[-1])]
    return ContentError(file.rel, key, expected, describe(value), hint or "", line)


_EXPECTATIONS: dict[str, tuple[str, str]] = {
    "string_type": ("text", "write the value as text; put it in quotes if it looks like a number or a date"),
    "int_type": ("a whole number", "write a number without quotes"),
    "int_from_float": ("a whole number", "write a number without a decimal point"),
    "date_type": ("a date (YYYY-MM-DD)", "write the date as YYYY-MM-DD without quotes"),
    "list_type": ("a list", "start each item on its own line with '- '"),
    "model_type": ("a mapping (key: value pairs)", "indent the keys under this one"),
    "dict_type": ("a mapping (key: value pairs)", "indent the keys under this one"),
    "string_pattern_mismatch": (
        "an id of lowercase words joined by hyphens (e.g. 'calf-raises')",
        "use only a-z, 0-9 and single hyphens",
    ),
    "string_too_short": ("text that is not empty", "write the text or remove the key if it is optional"),
    "greater_than_equal": ("a larger number", "see the valid range in generators/schema.py"),
    "less_than_equal": ("a smaller number", "see the valid range in generators/schema.py"),
    "bool_type": ("true or false", "write true or false without quotes"),
}

_PATTERN_HINTS = {
    "doi": ("a DOI such as 10.1152/jappl.1992.72.6.2063",
            "write the DOI without a prefix, e.g. 10.1152/jappl.1992.72.6.2063"),
    "pmid": ("a PubMed id of digits only", "write the PubMed id as digits only, e.g. 1629057"),
    "url": ("a full https:// address", "write a full https:// address"),
    "website": ("a full https:// address", "write a full https:// address"),
    "site_url": ("a full https:// address ending with '/'", "write a full https:// address ending with '/'"),
}


def _owner_model(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for listing allowed keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        is_model = isinstance(current, type) and issubclass(current, BaseModel)
        field = current.model_fields.get(part) if is_model else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# ------------------------------------------------------------------ the loader


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
        except _Invalid as invalid:
            self.errors.append(invalid.error)
            return None

    def one(self, path: Path, model: type[M]) -> M | None:
        file = self.read(path)
        return None if file is None else self.validate(file, file.data, model, ())

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

    def validate(self, file: YamlFile, data: Any, model: type[M], prefix: KeyPath) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                self.errors.append(_schema_error(file, model, err, prefix))
            return None

    def folder[P: PageBase](self, folder: Path, model: type[P]) -> dict[str, tuple[P, YamlFile]]:
        items: dict[str, tuple[P, YamlFile]] = {}
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
            item_id: str = item.id
            if item_id != path.stem:
                self.errors.append(
                    ContentError(file.rel, "id", f"'{path.stem}' (the file name without .yml)",
                                 f"'{item_id}'",
                                 "make the id and the file name the same; ids never change once published",
                                 file.line_of(("id",)))
                )
                self.broken.add(path.stem)
                continue
            items[item_id] = (item, file)
        return items


def load_content(root: Path, lang: str = "en") -> SiteContext:
    """Read, validate and cross-check all of content/; raise ``ContentErrors`` on any problem."""
    root = root.resolve()
    loader = Loader(root)
    text_root = root / lang
    settings = loader.one(root / "settings.yml", Settings)
    site_file = loader.read(text_root / "site.yml")
    site = None if site_file is None else loader.validate(site_file, site_file.data, SiteText, ())
    care_file = loader.read(text_root / "care.yml")
    care = None if care_file is None else loader.validate(care_file, care_file.data, CareCard, ())
    references = _unique(loader, loader.many(root / "references.yml", Reference))
    glossary = _unique(loader, loader.many(text_root / "glossary.yml", GlossaryTerm))
    folders = {name: loader.folder(text_root / name, model) for name, model in _FOLDERS.items()}
    pages = _load_pages(loader, text_root / "pages")

    # Cross-checks run even when some files failed, so every problem is reported at
    # once; items that failed validation are simply absent from the partial context.
    ctx = SiteContext(
        root=root,
        lang=lang,
        settings=cast(Settings, settings),
        site=cast(SiteText, site),
        care=cast(CareCard, care),
        references={k: v[0] for k, v in references.items()},
        glossary={k: v[0] for k, v in glossary.items()},
        topics={k: v[0] for k, v in folders["topics"].items()},  # type: ignore[misc]
        risk_factors={k: v[0] for k, v in folders["risk-factors"].items()},  # type: ignore[misc]
        symptoms={k: v[0] for k, v in folders["symptoms"].items()},  # type: ignore[misc]
        exercises={k: v[0] for k, v in folders["exercises"].items()},  # type: ignore[misc]
        pages={k: v[0] for k, v in pages.items()},
        page_bodies={k: v[1] for k, v in pages.items()},
    )
    files: list[tuple[BaseModel, YamlFile]] = [
        *folders["topics"].values(), *folders["risk-factors"].values(),
        *folders["symptoms"].values(), *folders["exercises"].values(),
        *((term, file) for term, file, _ in _with_index(glossary)),
    ]
    if site is not None and site_file is not None:
        files.append((site, site_file))
    loader.errors.extend(_cross_check(ctx, files, care_file, glossary, pages, loader.broken))
    if loader.errors:
        raise ContentErrors(loader.errors)
    return ctx


def _with_index[T: BaseModel](
    items: dict[str, tuple[T, YamlFile, int]],
) -> Iterator[tuple[T, YamlFile, int]]:
    yield from items.values()


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
        match = FRONT_MATTER.match(text)
        if match is None:
            loader.errors.append(
                ContentError(rel, "", "YAML front matter between two '---' lines at the top",
                             "none", "start the file with '---', the page's id, title, description "
                             "and review, then '---'", 1)
            )
            continue
        page = loader.validate(_FrontMatter(rel, match.group(1)), yaml.safe_load(match.group(1)), Page, ())
        if page is not None:
            pages[page.id] = (page, text[match.end():])
    return pages


class _FrontMatter(YamlFile):
    def __init__(self, rel: str, text: str) -> None:
        self.rel = rel
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        self.data = None
        self.lines = {path: line + 1 for path, line in key_lines(node)} if node is not None else {}


# ------------------------------------------------------------------ cross checks


def _markdown_fields(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string inside a validated model, with its key path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _markdown_fields(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _markdown_fields(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _cross_check(
    ctx: SiteContext,
    files: list[tuple[BaseModel, YamlFile]],
    care_file: YamlFile | None,
    glossary: dict[str, tuple[GlossaryTerm, YamlFile, int]],
    pages: dict[str, tuple[Page, str]],
    broken: set[str],
) -> list[ContentError]:
    errors: list[ContentError] = []
    known: dict[str, Mapping[str, PageBase]] = {
        "topics": ctx.topics, "risk_factors": ctx.risk_factors,
        "symptoms": ctx.symptoms, "exercises": ctx.exercises,
    }

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
        for path, text in _markdown_fields(item):
            full = (*base, *path)
            if path and path[-1] == "refs":
                continue
            check_refs(file, full, CITATION.findall(text))
            for kind, target, _anchor in ITEM_LINK.findall(text):
                if target not in ctx.items_of(kind) and target not in broken:
                    errors.append(
                        ContentError(file.rel, dotted(full), f"the id of a {kind} in content/{ctx.lang}/",
                                     f"a link to '{kind}:{target}', which does not exist",
                                     f"correct the id or add content/{ctx.lang}/{KINDS[kind]}/{target}.yml",
                                     file.line_of(full))
                    )

    for item, file in files:
        base: KeyPath = ()
        if isinstance(item, GlossaryTerm):
            base = (glossary[item.id][2],)
        check_text(file, base, item)
        for path, value in _markdown_fields(item):
            if (path and path[-1] == "refs") or (len(path) >= 2 and path[-2] == "refs"):
                check_refs(file, (*base, *path), [value])
        related = getattr(item, "related", None)
        if related is None:
            continue
        for group, targets in known.items():
            for index, target in enumerate(getattr(related, group)):
                if target not in targets and target not in broken:
                    path = ("related", group, index)
                    folder = group.replace("_", "-")
                    errors.append(
                        ContentError(file.rel, dotted(path),
                                     f"the id of one of the {folder} in content/{ctx.lang}/{folder}/",
                                     f"'{target}', which does not exist",
                                     f"correct the id or add content/{ctx.lang}/{folder}/{target}.yml",
                                     file.line_of(path))
                    )
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
    for page_id, (page, body) in pages.items():
        rel = f"{ctx.lang}/pages/{page_id}.md"
        for ref_id in [*page.refs, *CITATION.findall(body)]:
            if ref_id not in ctx.references:
                errors.append(
                    ContentError(f"content/{rel}", "", "the id of an entry in content/references.yml",
                                 f"'{ref_id}', which is not there",
                                 "add the source to content/references.yml or correct the id")
                )
    return errors
