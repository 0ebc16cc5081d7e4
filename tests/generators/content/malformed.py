"""The malformed-content corpus: ways a content file can be broken, grouped by kind.

Every case starts from the mini fixture (tests/fixtures/mini/content) and breaks it in one
way; ``MESSAGES`` (tests/fixtures/malformed/messages.txt) holds the exact messages
``second-heart check`` and ``second-heart build`` must print for it, in the order they are
printed (sorted by file, line and key), under a heading ``## <group>: <name>``. ``{outside}``
in a message stands for a folder outside content/ that a case links to. ``ACCEPTED`` lists
files that look odd but are fine. Byte-level cases (encodings, binary files, symlinks,
very large files) are written by the case itself, so nothing odd needs to be committed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: (the content folder to break, a scratch folder outside it)
Break = Callable[[Path, Path], None]

MESSAGES = Path(__file__).resolve().parents[2] / "fixtures" / "malformed" / "messages.txt"

TOPIC = "en/topics/calf-pump.yml"
EXERCISE = "en/exercises/ankle-pumps.yml"
PAGE = "en/pages/faq.md"
DATA = "data/travel-clot-risk.yml"

#: A valid free page and data file (the mini fixture has none), for cases to break.
PAGE_TEXT = """---
id: faq
title: Questions
description: Common questions about the calf pump.
review:
  last_reviewed: 2026-11-21
  next_review: 2027-11-21
  reviewer: {name: Second Heart editorial team, role: Editors}
---
# Questions

Walking helps your legs [@stick-1992]. See the [sources](../references.md).
"""
DATA_TEXT = """source: stick-1992
baseline_hours: 4
step_hours: 2
relative_risk: 1.18
max_hours: 16
# A trend across studies.
"""


@dataclass(frozen=True)
class Case:
    group: str
    name: str
    break_it: Break


# ------------------------------------------------------------------ ways to break a file


def write(rel: str, data: str | bytes) -> Break:
    def apply(content: Path, outside: Path) -> None:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return apply


def edit(rel: str, old: str, new: str, *, encoding: str = "utf-8", prefix: bytes = b"") -> Break:
    """Replace ``old`` (which must be there) and save with ``encoding``, after ``prefix``."""
    def apply(content: Path, outside: Path) -> None:
        path = content / rel
        text = path.read_text("utf-8")
        assert old in text, f"the fixture changed: {old!r} is not in {rel}"
        path.write_bytes(prefix + text.replace(old, new, 1).encode(encoding))
    return apply


def save_as(rel: str, encoding: str) -> Break:
    return edit(rel, "", "", encoding=encoding)


def rename(rel: str, new_rel: str) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (content / new_rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).rename(content / new_rel)
    return apply


def copy(rel: str, new_rel: str) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (content / new_rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(content / rel, content / new_rel)
    return apply


def link(rel: str, target: str) -> Break:
    """Make ``rel`` a symbolic link to ``target`` ("{outside}/..." for a path outside content/)."""
    def apply(content: Path, outside: Path) -> None:
        path = content / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.format(outside=outside), path)
    return apply


def folder_instead_of(rel: str) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (content / rel).unlink()
        (content / rel).mkdir()
    return apply


def line_endings(rel: str, ending: bytes) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (content / rel).write_bytes((content / rel).read_bytes().replace(b"\n", ending))
    return apply


def both(*steps: Break) -> Break:
    def apply(content: Path, outside: Path) -> None:
        for step in steps:
            step(content, outside)
    return apply


def with_page(*steps: Break) -> Break:
    return both(write(PAGE, PAGE_TEXT), *steps)


def with_data(*steps: Break) -> Break:
    return both(write(DATA, DATA_TEXT), *steps)


def page_edit(old: str, new: str) -> Break:
    return with_page(edit(PAGE, old, new))


def data_edit(old: str, new: str) -> Break:
    return with_data(edit(DATA, old, new))


def outside_file(name: str, text: str) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (outside / name).parent.mkdir(parents=True, exist_ok=True)
        (outside / name).write_text(text, "utf-8")
    return apply


def billion_laughs() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


def topic_body(text: str) -> Break:
    """Put ``text`` before the fixture topic's section body (line 18 of calf-pump.yml)."""
    return edit(TOPIC, "      Each step squeezes", f"      {text} Each step squeezes")


def data_file(text: str) -> Break:
    return write(DATA, text)


# ------------------------------------------------------------------------------ the corpus
CASES: list[Case] = [
    # --- bytes and encodings: what a file is saved as
    Case("encoding", "YAML saved as Latin-1",
         edit(TOPIC, "The calf muscle pump", "The calf muscle pump (café)", encoding="latin-1")),
    Case("encoding", "YAML saved as Windows-1252 with curly quotes",
         edit(TOPIC, "How your calf", "\u201cHow\u201d your calf", encoding="cp1252")),
    Case("encoding", "YAML saved as UTF-16 with a byte-order mark", save_as(TOPIC, "utf-16")),
    Case("encoding", "YAML saved as UTF-16 big-endian without a byte-order mark",
         save_as(TOPIC, "utf-16-be")),
    Case("encoding", "YAML saved as UTF-32", save_as(TOPIC, "utf-32")),
    Case("encoding", "a picture saved as a .yml file", write(TOPIC, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
    Case("encoding", "a word-processor document saved as a .yml file",
         write(TOPIC, b"PK\x03\x04\x14\x00\x06\x00word/document.xml")),
    Case("encoding", "a Markdown page saved as Latin-1",
         with_page(edit(PAGE, "Walking helps", "Walking (café) helps", encoding="latin-1"))),
    Case("encoding", "a Markdown page saved as UTF-16", with_page(save_as(PAGE, "utf-16"))),
    Case("encoding", "settings.yml saved as Latin-1",
         edit("settings.yml", "publisher: Second Heart", "publisher: Clinique Léman", encoding="latin-1")),
    Case("encoding", "references.yml saved as UTF-16", save_as("references.yml", "utf-16")),
    Case("encoding", "a data file saved as Latin-1",
         with_data(edit(DATA, "A trend", "A trend (étude)", encoding="latin-1"))),
    # --- empty and very large files
    Case("size", "an empty item file", write(TOPIC, "")),
    Case("size", "an item file holding only a comment", write(TOPIC, "# to be written\n")),
    Case("size", "an empty settings.yml", write("settings.yml", "")),
    Case("size", "an empty references.yml", write("references.yml", "")),
    Case("size", "an empty glossary", write("en/glossary.yml", "\n")),
    Case("size", "an empty Markdown page", write(PAGE, "")),
    Case("size", "an empty data file", write(DATA, "")),
    Case("size", "a YAML file over the size limit", write(TOPIC, "id: calf-pump\n" + "# padding\n" * 60_000)),
    Case("size", "a Markdown page over the size limit", write(PAGE, PAGE_TEXT + "Walk more.\n" * 60_000)),
    # --- characters a word processor pastes
    Case("characters", "a vertical tab in a title", edit(TOPIC, "The calf muscle", "The\x0bcalf muscle")),
    Case("characters", "a bell character in a body", topic_body("Walk\x07 often.")),
    Case("characters", "a form feed in a Markdown page", page_edit("Walking helps", "Walking\x0chelps")),
    Case("characters", "a NUL byte in the middle of a file", edit(TOPIC, "order: 1", "order: 1\x00")),
    Case("characters", "an escape character", edit(EXERCISE, "Lift your toes", "Lift\x1b[1m your toes")),
    Case("characters", "a C1 control character (next line)",
         edit(TOPIC, "The calf muscle", "The\x85calf muscle")),
    Case("characters", "control characters on two lines",
         both(edit(TOPIC, "The calf muscle", "The\x0bcalf muscle"), topic_body("Walk\x08 often."))),
    # --- YAML that parses into something dangerous or ambiguous
    Case("yaml", "nesting thousands of levels deep",
         write(TOPIC, "id: x\nkey: " + "[" * 5000 + "]" * 5000 + "\n")),
    Case("yaml", "block nesting too deep",
         write(TOPIC, "".join("  " * i + f"k{i}:\n" for i in range(30)) + "  " * 30 + "end\n")),
    Case("yaml", "an alias bomb (billion laughs)", write(TOPIC, billion_laughs())),
    Case("yaml", "an anchor", edit(TOPIC, "reviewer:\n", "reviewer: &team\n")),
    Case("yaml", "an alias to an anchor", edit(EXERCISE, "routines: [when you watch TV]",
                                                   "routines: &r [when you watch TV]\nwhere: *r")),
    Case("yaml", "a merge key", edit(TOPIC, "reviewer:\n", "reviewer:\n    <<: *team\n")),
    Case("yaml", "a duplicate key", edit(TOPIC, "order: 1\n", "order: 1\ntitle: Again\n")),
    Case("yaml", "a duplicate key in a nested mapping",
         edit(TOPIC, "  next_review: 2027-11-21\n",
              "  next_review: 2027-11-21\n  last_reviewed: 2026-11-22\n")),
    Case("yaml", "a duplicate key in a list entry",
         edit("en/glossary.yml", "  term: vein\n", "  term: vein\n  term: veins\n")),
    Case("yaml", "a duplicate key in Markdown front matter",
         page_edit("title: Questions\n", "title: Questions\ntitle: FAQ\n")),
    Case("yaml", "two YAML documents in one file", edit(TOPIC, "order: 1\n", "order: 1\n---\nid: more\n")),
    Case("yaml", "a python tag", edit(TOPIC, "order: 1", "order: !!python/object/apply:os.system [echo hi]")),
    Case("yaml", "a binary tag", edit(TOPIC, "title: The calf muscle pump", "title: !!binary aGVsbG8=")),
    Case("yaml", "a set tag",
         edit(EXERCISE, "where: [sitting in a chair, lying in bed]", "where: !!set {a, b}")),
    Case("yaml", "a custom tag", edit(TOPIC, "order: 1", "order: !include other.yml")),
    Case("yaml", "an infinite number", data_edit("relative_risk: 1.18", "relative_risk: .inf")),
    Case("yaml", "not a number", data_edit("step_hours: 2", "step_hours: .nan")),
    Case("yaml", "a syntax error",
         edit(TOPIC, "title: The calf muscle pump", "title: [The calf muscle pump")),
    Case("yaml", "a tab used for indentation", edit(TOPIC, "  next_review", "\tnext_review")),
    Case("yaml", "an unclosed quote",
         edit(TOPIC, "title: The calf muscle pump", 'title: "The calf muscle pump')),
    Case("yaml", "a mapping where a list of entries is expected",
         write("references.yml", "stick-1992: a paper\n")),
    Case("yaml", "a list where a mapping is expected", write("en/site.yml", "- name: Second Heart\n")),
    # --- dates
    Case("dates", "a month that does not exist",
         edit(TOPIC, "last_reviewed: 2026-11-21", "last_reviewed: 2026-13-45")),
    Case("dates", "a day the month does not have",
         edit(TOPIC, "last_reviewed: 2026-11-21", "last_reviewed: 2026-02-30")),
    Case("dates", "day zero", edit(EXERCISE, "next_review: 2027-11-21", "next_review: 2027-11-00")),
    Case("dates", "an impossible date in Markdown front matter",
         page_edit("last_reviewed: 2026-11-21", "last_reviewed: 2026-13-45")),
    Case("dates", "an impossible date in site.yml",
         edit("en/site.yml", "last_reviewed: 2025-01-01", "last_reviewed: 2025-02-29")),
    Case("dates", "a date with a time",
         edit(TOPIC, "last_reviewed: 2026-11-21", "last_reviewed: 2026-11-21 10:30:00")),
    Case("dates", "a date in quotes",
         edit(TOPIC, "last_reviewed: 2026-11-21", 'last_reviewed: "2026-11-21"')),
    Case("dates", "next_review before last_reviewed",
         edit(TOPIC, "next_review: 2027-11-21", "next_review: 2025-11-21")),
    Case("dates", "next_review on the day of last_reviewed",
         edit(TOPIC, "next_review: 2027-11-21", "next_review: 2026-11-21")),
    Case("dates", "next_review before last_reviewed in a Markdown page",
         page_edit("next_review: 2027-11-21", "next_review: 2020-01-01")),
    Case("dates", "next_review before last_reviewed in site.yml",
         edit("en/site.yml", "next_review: 2026-01-01", "next_review: 2024-01-01")),
]

CASES += [
    # --- files and folders: names, places, links
    Case("layout", "a .yaml and a .yml file with the same id", copy(TOPIC, "en/topics/calf-pump.yaml")),
    Case("layout", "two data files with the same name", with_data(copy(DATA, "data/travel-clot-risk.yaml"))),
    Case("layout", "a file name with a space", copy(TOPIC, "en/topics/calf pump.yml")),
    Case("layout", "a file name with capitals", copy(TOPIC, "en/topics/Calf-Pump.yml")),
    Case("layout", "a file name with a non-ASCII letter", copy(TOPIC, "en/topics/mollet-é.yml")),
    Case("layout", "a file name with an underscore", copy(EXERCISE, "en/exercises/ankle_pumps.yml")),
    Case("layout", "a file name with no letters a-z", copy(TOPIC, "en/topics/ü.yml")),
    Case("layout", "a Markdown page name with a space",
         write("en/pages/my faq.md", PAGE_TEXT.replace("id: faq", "id: my-faq"))),
    Case("layout", "an extension in capitals", rename(TOPIC, "en/topics/calf-pump.YML")),
    Case("layout", "a text file among the items", write("en/topics/notes.txt", "ideas")),
    Case("layout", "an editor's backup file", copy(TOPIC, "en/topics/calf-pump.yml~")),
    Case("layout", "a Markdown page with a .markdown extension", write("en/pages/faq.markdown", PAGE_TEXT)),
    Case("layout", "a YAML file among the Markdown pages", copy(TOPIC, "en/pages/calf-pump.yml")),
    Case("layout", "a file in a misspelt kind folder", copy(EXERCISE, "en/exercize/ankle-pumps.yml")),
    Case("layout", "a misspelt top-level folder", with_data(rename("data", "dta"))),
    Case("layout", "a folder with no likely meaning", copy(TOPIC, "content-old/calf-pump.yml")),
    Case("layout", "a folder inside a kind folder", copy(TOPIC, "en/topics/old/calf-pump.yml")),
    Case("layout", "a misspelt fixed file", rename("en/glossary.yml", "en/glosary.yml")),
    Case("layout", "a stray file at the top of content/", write("notes.txt", "ideas")),
    Case("layout", "an item file outside its kind folder", copy(TOPIC, "en/calf-pump.yml")),
    Case("layout", "a folder where a file belongs", folder_instead_of("en/site.yml")),
    Case("layout", "a missing kind folder", lambda content, outside: shutil.rmtree(content / "en/symptoms")),
    Case("layout", "a missing required file", lambda content, outside: (content / "en/care.yml").unlink()),
    Case("layout", "a data file the build does not use", write("data/travel.yml", DATA_TEXT)),
    # --- links that leave content/
    Case("symlinks", "an item file linked from outside content/",
         both(outside_file("calf-pump.yml", "id: calf-pump\n"), link(TOPIC, "{outside}/calf-pump.yml"))),
    Case("symlinks", "a Markdown page linked to a system file", link(PAGE, "/etc/passwd")),
    Case("symlinks", "a folder linked from outside content/",
         both(outside_file("pages/secret.md", PAGE_TEXT), link("en/pages", "{outside}/pages"))),
    Case("symlinks", "a link to a file that does not exist",
         link("en/topics/gone.yml", "{outside}/gone.yml")),
    Case("symlinks", "settings.yml linked from outside content/",
         both(outside_file("settings.yml", "site_url: https://x.org/\n"),
              link("settings.yml", "{outside}/settings.yml"))),
    Case("symlinks", "a link to a folder inside content/", link("en/images", "topics")),
    Case("symlinks", "a link to content/ itself", link("en/topics/loop", "..")),
    # --- languages
    Case("languages", "a language folder settings.yml does not list", copy("en/site.yml", "fr/site.yml")),
    Case("languages", "a listed language with no folder",
         edit("settings.yml", "languages: [en]", "languages: [en, fr]")),
    Case("languages", "a language folder named in full", copy("en/site.yml", "english/site.yml")),
    Case("languages", "a listed language whose files are broken",
         both(edit("settings.yml", "languages: [en]", "languages: [en, fr]"),
              lambda content, outside: shutil.copytree(content / "en", content / "fr"),
              edit("fr/topics/calf-pump.yml", "order: 1", "order: premier"))),
    # --- ids
    Case("ids", "an item id that differs from its file name", edit(TOPIC, "id: calf-pump", "id: calf-pumps")),
    Case("ids", "an item whose id is another item's", copy(TOPIC, "en/topics/the-pump.yml")),
    Case("ids", "a page id that differs from its file name", page_edit("id: faq", "id: questions")),
    Case("ids", "a page whose id is another page's", with_page(copy(PAGE, "en/pages/help.md"))),
    # --- Markdown pages
    Case("pages", "a page without front matter", write(PAGE, "# Questions\n\nWalk more.\n")),
    Case("pages", "front matter that is never closed", page_edit("---\n# Questions", "# Questions")),
    Case("pages", "a YAML error in front matter", page_edit("title: Questions", "title: [Questions")),
    Case("pages", "empty front matter", write(PAGE, "---\n---\n# Questions\n")),
    Case("pages", "front matter that is a list", write(PAGE, "---\n- id: faq\n---\n# Questions\n")),
    Case("pages", "an unknown key in front matter",
         page_edit("title: Questions", "title: Questions\nauthor: Me")),
    Case("pages", "an anchor in front matter", page_edit("reviewer: {name", "reviewer: &r {name")),
    Case("pages", "a citation of an unknown source in a page", page_edit("[@stick-1992]", "[@stick-1993]")),
    # --- links inside the text
    Case("links", "an item link with a plural kind", topic_body("Try [pumps](exercises:ankle-pumps).")),
    Case("links", "an item link with a misspelt kind", topic_body("Try [pumps](excercise:ankle-pumps).")),
    Case("links", "an item link with the wrong kind", topic_body("Try [pumps](topic:ankle-pumps).")),
    Case("links", "an item link to an item that does not exist",
         topic_body("Try [raises](exercise:calf-raises).")),
    Case("links", "an item link in a page to an item that does not exist",
         page_edit("the [sources](../references.md)", "the [raises](exercise:calf-raises)")),
    Case("links", "a relative link to a Markdown file that does not exist",
         topic_body("See [the list](../exercises/calf-raises.md).")),
    Case("links", "a relative link to an address that does not exist",
         topic_body("See [the demo](../../demos/).")),
    Case("links", "a relative link in a page to a page that does not exist",
         page_edit("../references.md", "../referenses.md")),
    Case("links", "a relative link in site.yml to a page that does not exist",
         edit("en/site.yml", "Start with the", "See the [demo](demos.md). Start with the")),
    Case("links", "a relative link that leaves the site", topic_body("See [this](../../../../other/).")),
    Case("links", "a link to the root of the web server", topic_body("See [the demo](/demo/).")),
    Case("links", "a relative link in care.yml",
         edit("en/care.yml", "Do not drive yourself.",
              "Do not drive yourself. See [help](../get-help-now.md).")),
    Case("links", "a Windows file path as a link", topic_body("See [my notes](C:\\notes.doc).")),
    # --- content/data files
    Case("data", "a data file with a YAML error", data_edit("step_hours: 2", "step_hours: [2")),
    Case("data", "a data file with a word for a number",
         data_edit("relative_risk: 1.18", "relative_risk: high")),
    Case("data", "a data file with an unknown key",
         data_edit("max_hours: 16", "max_hours: 16\nmin_hours: 0")),
    Case("data", "a data file missing a key", data_edit("max_hours: 16\n", "")),
    Case("data", "a data file citing an unknown source",
         data_edit("source: stick-1992", "source: chandra-2009")),
    Case("data", "a data file whose range runs backwards", data_edit("max_hours: 16", "max_hours: 2")),
    Case("data", "a data file with a negative step", data_edit("step_hours: 2", "step_hours: -2")),
    Case("data", "a data file with a step too small to draw",
         data_edit("step_hours: 2", "step_hours: 0.001")),
    Case("data", "a data file with an impossible trend",
         data_edit("relative_risk: 1.18", "relative_risk: 1.0e+300")),
    Case("data", "a data file that is a list", data_file("- source: stick-1992\n")),
    Case("data", "a chart whose data file is missing",
         edit(TOPIC, "key_points:", "charts: [travel-clot-risk]\nkey_points:")),
    Case("data", "an unknown chart id", edit(TOPIC, "key_points:", "charts: [travel-chart]\nkey_points:")),
]

#: Files that look unusual but are fine: check and build accept them.
ACCEPTED: dict[str, Break] = {
    "a UTF-8 byte-order mark at the top of a YAML file": edit(TOPIC, "", "", prefix=b"\xef\xbb\xbf"),
    "a UTF-8 byte-order mark at the top of a Markdown page":
        with_page(edit(PAGE, "", "", prefix=b"\xef\xbb\xbf")),
    "Windows line endings in a YAML file": line_endings(TOPIC, b"\r\n"),
    "Windows line endings in a Markdown page": with_page(line_endings(PAGE, b"\r\n")),
    "old Mac line endings in a YAML file": line_endings(TOPIC, b"\r"),
    "a .yaml file": rename(TOPIC, "en/topics/calf-pump.yaml"),
    "hidden system files (.DS_Store)": write("en/topics/.DS_Store", b"\x00\x00\x00\x01Bud1"),
    "a link to another file inside content/": both(rename(TOPIC, "en/topics/.calf-pump-source"),
                                                   link(TOPIC, ".calf-pump-source")),
    "non-ASCII letters inside a file":
        edit(TOPIC, "The calf muscle pump", "The calf muscle pump (le mollet, café)"),
    "a data file and a page": with_page(with_data()),
    "relative links that lead to pages":
        topic_body("See [the demo](../../demo/), [the list](../exercises/ankle-pumps.md), "
                   "[help](../get-help-now.md) and [this](#what-it-does)."),
    "web addresses and an e-mail address": topic_body("See [NICE](https://www.nice.org.uk/) or "
                                                      "[write](mailto:a@example.org)."),
    "an explicit string tag": edit(TOPIC, "title: The calf muscle pump", "title: !!str The calf muscle pump"),
}


def expected_messages() -> dict[str, list[str]]:
    """``MESSAGES`` read: "<group>: <name>" -> its messages."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in MESSAGES.read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:], [])
        elif line and not line.startswith("#"):
            current.append(line)
    return found


def fifo(rel: str) -> Break:
    def apply(content: Path, outside: Path) -> None:
        (content / rel).unlink(missing_ok=True)
        os.mkfifo(content / rel)
    return apply


CASES.append(Case("layout", "a named pipe where a file belongs", fifo(TOPIC)))
