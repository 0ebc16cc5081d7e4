"""What HTML content may contain: the policy, checked in stage 1 and again where it is rendered.

Nothing a clinic types may run as script on a reader's screen. The rules (README, "What
HTML content may contain"):

* **Markdown fields** (bodies, key points, evidence, actions, captions, free pages) are
  Markdown, plus a few inline HTML tags written bare, without attributes (``RAW_TAGS``:
  ``<sup>2</sup>``, ``<br>``...).
* **Text fields** (titles, names, descriptions, steps, alt texts, questions, glossary
  entries, references, settings) are plain text: no HTML at all.
* **Links** go to ``https://``, ``http://``, ``mailto:`` or ``tel:`` addresses, to a page
  of this site (a relative address or ``#anchor``) or to an item (``exercise:calf-raises``).
  **Images** come from this site only (a relative address). No ``javascript:``, ``data:``,
  ``vbscript:`` or other schemes, however they are spelt (``&#106;avascript:``, ``JaVa
  Script:``).
* Nothing may add attributes: attribute lists (``{: onclick=... }``, ``{: .class }``) are
  refused, as are HTML comments, declarations and unfinished tags (``<img src=x ...`` with
  no ``>``), which could join with the page around them.

A field is checked twice over: the raw text (every ``<`` that could start a tag must start
an allowed one), and the HTML that Python-Markdown, configured like the site, makes of it
(every element, attribute and address is on the allow-list). Breaking a rule is a located
content error (``check_sources``), so an editor learns what is not allowed; the page
renderer and the widgets run ``problems`` again and show a field that fails as plain text,
so content that never went through stage 1 cannot run either.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser

import markdown as python_markdown  # type: ignore[import-untyped]  # Python-Markdown ships no type hints
from markdown.extensions.tables import TableExtension  # type: ignore[import-untyped]
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generators.content.kinds import KINDS
from generators.content.schema import Markdown, Reference, Settings
from generators.content.yaml_source import KeyPath, YamlFile, dotted
from generators.errors import ContentError

if typing.TYPE_CHECKING:  # crossrefs renders Markdown with markdown.py, which uses this module
    from generators.content.crossrefs import Sources

#: Inline tags a Markdown field may write bare (no attributes), e.g. ``m<sup>2</sup>``.
RAW_TAGS = frozenset({"b", "br", "cite", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
                      "small", "strong", "sub", "sup", "u"})
#: Elements Markdown itself makes, with the attributes it may give them.
MARKDOWN_ELEMENTS: Mapping[str, frozenset[str]] = {
    **{tag: frozenset() for tag in ("blockquote", "ul", "li", "pre", "code", "hr", "table", "thead",
                                    "tbody", "tr", "summary", "h1", "h2", "h3", "h4", "h5", "h6")},
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
    # Admonitions (!!! note "Title") and details (??? note): the class names their type.
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "details": frozenset({"class", "open"}),
}
ALLOWED: Mapping[str, frozenset[str]] = {**{tag: frozenset() for tag in RAW_TAGS}, **MARKDOWN_ELEMENTS}
#: Where a link may go, by scheme; anything without a scheme is an address on this site.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", *(kind.name for kind in KINDS)})
_CLASS = re.compile(r"^[a-z0-9 _-]*$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
#: What a browser ignores in a URL: ASCII whitespace and control characters (``java\tscript:``).
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
#: Where a tag could start: ``<`` then a letter, ``/``, ``!`` or ``?``.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_BARE_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[ \t]*/?>")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_EXCERPT = 40

#: Python-Markdown as the site configures it (mkdocs.yml), minus what only pages use
#: (tables of contents, snippets): what a field would become on a page.
_PAGE_MARKDOWN = python_markdown.Markdown(extensions=[
    "abbr", "admonition", "attr_list", "md_in_html", "pymdownx.details",
    TableExtension(use_align_attribute=True),
])


@dataclass(frozen=True)
class Problem:
    """One rule broken in one field: what was found, the rule, and the fix."""

    found: str
    expected: str
    hint: str
    needle: str  # text to look for in the source, to say which line it is on


_MARKDOWN_EXPECTED = ("Markdown, with HTML limited to the bare tags "
                      + ", ".join(f"<{tag}>" for tag in sorted(RAW_TAGS)))
_TEXT_EXPECTED = "plain text, without HTML (this field is shown as text)"
_POLICY = "README: 'What HTML content may contain'"


def problems(text: str, *, markdown: bool = True) -> list[Problem]:
    """Every rule ``text`` breaks, first those of the raw text, then (when it has none)
    those of the HTML it becomes. ``markdown=False`` for a text field: no tags at all.

    Tags written with character references (``&lt;img ...&gt;``) count as tags: Material
    shows a tooltip's text (an abbreviation's or a link's title) as HTML, which decodes
    them once more.
    """
    return list(_problems(text, markdown))


@functools.lru_cache(maxsize=16384)
def _problems(text: str, markdown: bool) -> tuple[Problem, ...]:
    """``problems``, remembered: stage 1 checks every field, the pages ask again of the
    ones they render, and the live preview asks of every field on every save."""
    raw = _raw_problems(text, markdown)
    if "&" in text and not raw:
        raw = [replace(problem, found=problem.found.replace(" (", " written with character references (", 1))
               for problem in _raw_problems(unescape(text), markdown)]
    if raw:
        return tuple(raw)
    if not any(mark in text for mark in "<[{&!?"):
        return ()  # nothing that can make a link, an image, an attribute or a class
    return tuple(_html_problems(text))


def is_safe(text: str, *, markdown: bool = True) -> bool:
    return not problems(text, markdown=markdown)


def url_allowed(url: str, *, image: bool = False) -> bool:
    """A link (or, with ``image``, an image address) content may use, however spelt."""
    bare = _IGNORED_IN_URL.sub("", url).lower()
    if bare.startswith(("//", "\\\\", "/\\", "\\/")):
        return False  # another host, without saying which scheme
    scheme = _SCHEME.match(bare)
    if scheme is None:
        return True
    return not image and scheme.group(1) in LINK_SCHEMES


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 3] + "..."


def _raw_problems(text: str, markdown: bool) -> list[Problem]:
    found: list[Problem] = []
    for start in _TAG_START.finditer(text):
        position = start.start()
        autolink = _AUTOLINK.match(text, position)
        if autolink and url_allowed(autolink.group(1)):
            continue
        bare = _BARE_TAG.match(text, position)
        name = bare.group(1).lower() if bare else None
        if bare and markdown and name in RAW_TAGS:
            continue
        end = text.find(">", position)
        if end < 0 or "<" in text[position + 1:end]:
            found.append(Problem(
                f"an unfinished HTML tag ('{_excerpt(text[position:])}')",
                _MARKDOWN_EXPECTED if markdown else _TEXT_EXPECTED,
                "finish or remove it; to write a less-than sign, put a space after it ('< 20')",
                text[position:position + 12]))
            continue
        tag = text[position:end + 1]
        what = _describe_markup(tag)
        hint = ("remove it, or write the text out in Markdown (**bold**, *italic*, [a link](https://...)); "
                if markdown else "remove it: this field cannot hold HTML; ") + _POLICY
        if not any(problem.found.startswith(what + " (") for problem in found):
            expected = _MARKDOWN_EXPECTED if markdown else _TEXT_EXPECTED
            found.append(Problem(f"{what} ('{_excerpt(tag)}')", expected, hint, tag[:12]))
    return _unique(found)


def _describe_markup(tag: str) -> str:
    if tag.startswith("<!--"):
        return "an HTML comment"
    if tag.startswith(("<!", "<?")):
        return "an HTML declaration"
    name = re.match(r"</?([^\s/>]*)", tag)
    label = name.group(1).lower() if name else ""
    return f"the HTML tag <{label}>" if label else "an HTML tag"


class _Inspector(HTMLParser):
    """Walks the HTML a field becomes and notes everything not on the allow-list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Problem] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = ALLOWED.get(tag)
        if allowed is None:
            self._element(tag)
            return
        for name, value in attrs:
            value = value or ""
            if name not in allowed or (name == "class" and not _CLASS.match(value)):
                self.found.append(Problem(
                    f"the attribute {name}=\"{_excerpt(value)}\" on <{tag}>",
                    "no HTML attributes: content cannot add attributes, classes, styles or event handlers",
                    "remove the attribute list {: ... } (or the HTML) that adds it; " + _POLICY,
                    name))
            elif name in ("href", "src") and not url_allowed(value, image=name == "src"):
                self.found.append(_address_problem(tag, value))
            elif name == "title" and _TAG_START.search(value):
                self.found.append(Problem(
                    f"a tooltip with HTML in it ('{_excerpt(value)}')",
                    "a tooltip (a link's or an abbreviation's title) in plain words",
                    "remove the tags from the title: tooltips are shown as HTML", value[:12]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED:
            self._element(tag)

    def handle_comment(self, data: str) -> None:
        self.found.append(Problem("an HTML comment", _MARKDOWN_EXPECTED, "remove it", "<!--"))

    def handle_decl(self, decl: str) -> None:
        self.found.append(Problem("an HTML declaration", _MARKDOWN_EXPECTED, "remove it", "<!"))

    def handle_pi(self, data: str) -> None:
        self.handle_decl(data)

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)

    def _element(self, tag: str) -> None:
        self.found.append(Problem(f"the HTML element <{tag}>", _MARKDOWN_EXPECTED,
                                  "remove it, or write the text out in Markdown; " + _POLICY, tag))


def _address_problem(tag: str, value: str) -> Problem:
    if tag == "img":
        return Problem(f"an image from '{_excerpt(value)}'",
                       "an image from this site (a relative address)",
                       "remove the image: pictures are placed by id (figures, pictures)", value[:12])
    return Problem(f"a link to '{_excerpt(value)}'",
                   "a link to an https://, http://, mailto: or tel: address, a page of this site "
                   "or an item (exercise:calf-raises)",
                   "link to a web page with https://, or remove the link", value[:12])


def _html_problems(text: str) -> list[Problem]:
    _PAGE_MARKDOWN.reset()
    inspector = _Inspector()
    inspector.feed(_PAGE_MARKDOWN.convert(text))
    inspector.close()
    return _unique(inspector.found)


def _unique(found: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for problem in found:
        if problem.found not in seen:
            seen.add(problem.found)
            out.append(problem)
    return out


# ------------------------------------------------------------------ stage 1: located errors

def _is_markdown(annotation: object) -> bool:
    """Whether a type is (a list of, or an optional) ``Markdown``."""
    if annotation == Markdown:
        return True
    if typing.get_origin(annotation) in (list, tuple, typing.Union, types.UnionType):
        return any(_is_markdown(arg) for arg in typing.get_args(annotation))
    return False


def _field_is_markdown(info: FieldInfo) -> bool:
    # pydantic moves the constraints of a plain ``Markdown`` field into its metadata.
    return _is_markdown(info.annotation) or (info.annotation is str
                                             and list(info.metadata) == list(typing.get_args(Markdown)[1:]))


def fields(value: object, path: KeyPath = (), markdown: bool = False) -> Iterator[tuple[KeyPath, str, bool]]:
    """(key path, text, whether it is Markdown) for every string inside a validated model."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from fields(getattr(value, name), (*path, name), _field_is_markdown(info))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from fields(item, (*path, index), markdown)
    elif isinstance(value, str):
        yield path, value, markdown


def _error(rel: str, key: str, problem: Problem, line: int | None) -> ContentError:
    return ContentError(rel, key, problem.expected, problem.found, problem.hint, line)


def check_items(items: Iterable[tuple[BaseModel, YamlFile, KeyPath]]) -> list[ContentError]:
    """Every string of every validated item: (model, its file, its key path there)."""
    errors: list[ContentError] = []
    for item, file, base in items:
        for path, text, markdown in fields(item):
            full = (*base, *path)
            errors += [_error(file.rel, dotted(full), problem, file.line_of(full))
                       for problem in problems(text, markdown=markdown)]
    return errors


def check_shared(settings: tuple[Settings, YamlFile] | None,
                 references: Mapping[str, tuple[Reference, YamlFile, int]]) -> list[ContentError]:
    """settings.yml and references.yml, which every language shares."""
    items: list[tuple[BaseModel, YamlFile, KeyPath]] = [
        (reference, file, (index,)) for reference, file, index in references.values()]
    if settings is not None:
        items.append((settings[0], settings[1], ()))
    return check_items(items)


def check_sources(sources: Sources) -> list[ContentError]:
    """One language's files as the cross-check has them: items, glossary, site and care
    texts, data files, and free pages (front matter and body)."""
    errors = check_items(sources.files)
    for page_id, (page, body) in sources.pages.items():
        head, body_line = sources.page_files.get(page_id, (None, None))
        rel = head.rel if head is not None else f"{page_id}.md"
        if head is not None:
            errors += check_items([(page, head, ())])
        for problem in problems(body):
            errors.append(_error(rel, "", problem, _line_in(body, problem.needle, body_line)))
    return errors


def _line_in(body: str, needle: str, first_line: int | None) -> int | None:
    at = body.lower().find(needle.lower()) if needle else -1
    return None if at < 0 or first_line is None else first_line + body.count("\n", 0, at)
