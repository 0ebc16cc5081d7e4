"""Which files and folders content/ may hold, and the rule for their names.

    content/            settings.yml, references.yml, *.svg
      data/             <name>.yml   published numbers that charts draw
      images/           <name>.svg   authored pictures (logos, diagrams)
      <lang>/           site.yml, ui.yml, care.yml, glossary.yml, *.svg; <lang> is two letters (en)
        topics/, risk-factors/, symptoms/, exercises/   <id>.yml, one item each
        pages/          <id>.md      free pages
        images/         <name>.svg

A file name is its id and part of a web address, so it is lowercase letters a-z, digits
and single hyphens, then ``.yml`` (``.yaml`` is read too), ``.md`` or ``.svg``. Names
starting with a dot (editor and system files such as .DS_Store) are ignored. Every other
file or folder is an error that names it, so nothing is silently left unpublished (a
misspelt folder) or published from outside content/ (a link to a file elsewhere:
links must stay inside content/, and links to folders are refused).

``survey`` walks content/ once; the loader reads only what it accepts.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generators.content.kinds import KINDS
from generators.errors import ContentError

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
YAML = (".yml", ".yaml")
NOT_A_FILE = "something that is neither a file nor a folder (a pipe or a device)"
NAME_RULE = ("a file name of lowercase letters a-z, digits and single hyphens "
             "(it is used as an id and in web addresses)")


@dataclass(frozen=True)
class _Folder:
    """What one kind of folder may hold."""

    what: str  # "YAML files, one item each", for messages
    suffixes: tuple[str, ...]  # files it reads, besides the fixed ones
    fixed: tuple[str, ...] = ()  # files with fixed names
    folders: tuple[str, ...] = ()  # sub-folders, by name (languages are matched by pattern)


_ITEMS = _Folder("a .yml file", YAML)
_PAGES = _Folder("a .md file", (".md",))
_IMAGES = _Folder("an .svg file", (".svg",))
_DATA = _Folder("a .yml file", YAML)
_LANGUAGE = _Folder("one of the files site.yml, ui.yml, care.yml, glossary.yml, terms.yml or an .svg picture",
                    (".svg",), ("care.yml", "glossary.yml", "site.yml", "terms.yml", "ui.yml"),
                    tuple(sorted([kind.folder for kind in KINDS] + ["images", "pages"])))
_ROOT = _Folder("one of the files settings.yml, references.yml or an .svg picture", (".svg",),
                ("references.yml", "settings.yml"), ("data", "images"))
_SUB = {"data": _DATA, "images": _IMAGES, "pages": _PAGES, **{kind.folder: _ITEMS for kind in KINDS}}


@dataclass
class Layout:
    root: Path
    errors: list[ContentError] = field(default_factory=list)
    files: dict[Path, list[Path]] = field(default_factory=dict)  # folder -> files the loader may read
    languages: list[str] = field(default_factory=list)  # language folders present
    refused: set[Path] = field(default_factory=set)  # reported already: the loader skips them
    broken_ids: set[str] = field(default_factory=set)  # ids whose file was refused

    def files_in(self, folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
        return [path for path in self.files.get(folder, []) if path.suffix in suffixes]

    def allows(self, path: Path) -> bool:
        return not any(part in self.refused for part in (path, *path.parents))

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root.parent).as_posix()

    def refuse(self, path: Path, expected: str, received: str, hint: str) -> None:
        self.refused.add(path)
        self.broken_ids |= {path.stem, _slug(path.stem)}
        self.errors.append(ContentError(self.rel(path), "", expected, received, hint))


def survey(root: Path) -> Layout:
    """Walk content/ (``root``, resolved) and sort every entry into read, ignored or refused."""
    layout = Layout(root)
    if root.is_dir():
        _visit(layout, root, _ROOT)
    return layout


def _visit(layout: Layout, folder: Path, spec: _Folder) -> None:
    accepted: list[Path] = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        path = folder / entry.name
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _link_stays_inside(layout, path):
            continue
        if entry.is_dir():
            sub = _sub_folder(layout, path, spec)
            if sub is not None:
                _visit(layout, path, sub)
        elif not entry.is_file():  # reading a named pipe would wait for ever
            layout.refuse(path, "a file", NOT_A_FILE, "remove it")
        elif _file_ok(layout, path, spec):
            accepted.append(path)
    layout.files[folder] = _one_file_per_id(layout, accepted)


def _link_stays_inside(layout: Layout, path: Path) -> bool:
    target = path.resolve()
    if not target.exists():
        layout.refuse(path, "a file inside content/", f"a link to {target}, which does not exist",
                      "remove the link, or copy the file it meant into content/")
    elif not target.is_relative_to(layout.root):
        what = "folder" if target.is_dir() else "file"
        layout.refuse(path, f"a {what} inside content/", f"a link to {target}, outside content/",
                      f"copy the {what} into content/ instead of linking to it")
    elif target.is_dir():
        layout.refuse(path, "a folder", f"a link to the folder {layout.rel(target)}",
                      "replace the link with the folder itself")
    else:
        return True
    return False


def _sub_folder(layout: Layout, path: Path, spec: _Folder) -> _Folder | None:
    name = path.name
    if spec is _ROOT and LANGUAGE.match(name):
        layout.languages.append(name)
        return _LANGUAGE
    if name in spec.folders:
        return _SUB[name]
    if name in spec.fixed:
        layout.refuse(path, "a file", "a folder", f"replace the folder with the file {name}")
        return None
    parent = layout.rel(path.parent)
    if not spec.folders:
        layout.refuse(path, f"only files in {parent}/", f"the folder '{name}'",
                      f"move its files into {parent}/ or out of content/")
        return None
    known = ", ".join(spec.folders) + (" or a language such as en" if spec is _ROOT else "")
    close = difflib.get_close_matches(name.lower(), spec.folders, n=1, cutoff=0.6)
    fix = (f"rename it to {close[0]} (or move its files there)" if close
           else "move its files into one of those folders, or out of content/")
    layout.refuse(path, f"one of the folders in {parent}/ ({known})", f"the folder '{name}'", fix)
    return None


def _file_ok(layout: Layout, path: Path, spec: _Folder) -> bool:
    name = path.name
    if name in spec.fixed:
        return True
    stem, suffix = (name.rsplit(".", 1)[0], "." + name.rsplit(".", 1)[1]) if "." in name else (name, "")
    if suffix not in spec.suffixes:
        close = difflib.get_close_matches(name.lower(), spec.fixed, n=1, cutoff=0.8)
        if close:
            fix = f"rename it to {close[0]}"
        elif suffix.lower() in spec.suffixes:
            fix = f"rename it to {stem}{suffix.lower()}"
        elif suffix in YAML and spec in (_LANGUAGE, _PAGES):
            fix = "move it into the folder of its kind: " + ", ".join(f"{k.folder}/" for k in KINDS)
        else:
            fix = "move it out of content/ (it would not be published)"
        layout.refuse(path, f"{spec.what} in {layout.rel(path.parent)}/", f"'{name}'", fix)
        return False
    if not NAME.match(stem):
        suggestion = _slug(stem)
        fix = (f"rename it to {suggestion}{suffix}" if suggestion
               else "rename it using only a-z, 0-9 and hyphens")
        layout.refuse(path, NAME_RULE, f"'{name}'", fix)
        return False
    return True


def _one_file_per_id(layout: Layout, files: list[Path]) -> list[Path]:
    """``x.yml`` and ``x.yaml`` in one folder would be one id twice: neither is read."""
    kept = []
    by_stem: dict[str, list[Path]] = {}
    for path in files:
        if path.suffix in YAML:
            by_stem.setdefault(path.stem, []).append(path)
    for path in files:
        twins = by_stem.get(path.stem, [path])
        if len(twins) == 1 or path.suffix not in YAML:
            kept.append(path)
        elif path == twins[0]:
            names = " and ".join(p.name for p in twins)
            layout.refuse(path, f"one file for the id '{path.stem}'", f"two: {names}",
                          "keep one of them and delete the other")
    return kept


def _slug(stem: str) -> str:
    ascii_only = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")
