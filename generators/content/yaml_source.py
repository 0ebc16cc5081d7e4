"""YAML with line numbers: parse a content file's text and say which line a key is on.

Content YAML is plain YAML. What a clinic's editor could type by mistake, or an attacker
on purpose, is refused with a located message instead of a traceback or a hang: anchors
and aliases (no content file needs them, and nested aliases expand exponentially: the
"billion laughs"), nesting deeper than ``MAX_DEPTH``, a key written twice in one mapping
(YAML would silently keep the last), dates that do not exist (``2026-13-45``), numbers
that are not finite (``.inf``, ``.nan``), and tags beyond plain values (``!!binary``,
``!!python/...``).

Also how values are named in error messages (``describe``) and how key paths are
written (``dotted``: ``steps[2]``, ``related.exercises[0]``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterator
from typing import Any, ClassVar, cast

import yaml

from generators.errors import ContentError

KeyPath = tuple[str | int, ...]

#: Levels of lists and mappings inside one another; content needs about five.
MAX_DEPTH = 20

_SYNTAX_HINT = ("check the indentation and quoting on this line and the one before; text containing ': ' "
                "or starting with a quote must be quoted as a whole")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


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
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat(sep=' ')})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    return f"a {type(value).__name__} ({value})"


def dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def nodes(node: yaml.Node, path: KeyPath = ()) -> Iterator[tuple[KeyPath, yaml.Node, yaml.Node]]:
    """(key path, key or item node, value node) for every key and list item under ``node``."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            sub = (*path, str(key_node.value))
            yield sub, key_node, value_node
            yield from nodes(value_node, sub)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = (*path, index)
            yield sub, item, item
            yield from nodes(item, sub)


class _Refused(Exception):
    """Something plain YAML would accept that content may not hold (found while composing)."""

    def __init__(self, mark: yaml.Mark, expected: str, received: str, hint: str) -> None:
        super().__init__(received)
        self.line = mark.line + 1
        self.expected, self.received, self.hint = expected, received, hint


_NO_ALIASES = ("no YAML anchors or aliases (&name, *name)",
               "write the value out in full wherever it is needed")


class ContentYamlLoader(yaml.SafeLoader):
    """PyYAML's safe loader, narrowed to what content needs; records bad values by node."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {
        tag: constructor for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag not in {f"tag:yaml.org,2002:{t}" for t in ("binary", "omap", "pairs", "set")}}

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.bad_values: list[tuple[yaml.Node, str, str, str]] = []  # node, expected, received, hint

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = cast(yaml.Mark, event.start_mark)
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(mark, _NO_ALIASES[0], f"the alias '*{anchor}'", _NO_ALIASES[1])
        if anchor is not None:
            raise _Refused(mark, _NO_ALIASES[0], f"the anchor '&{anchor}'", _NO_ALIASES[1])
        nested = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        self.depth += nested
        if self.depth > MAX_DEPTH:
            raise _Refused(mark, f"at most {MAX_DEPTH} levels of lists and mappings inside one "
                           "another", "more", "check the indentation and the brackets here; content never "
                           "needs more than a few levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= nested

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            self.bad_values.append((node, "a date that exists (YYYY-MM-DD)",
                                    f"'{node.value}' ({_why_no_date(str(node.value))})", "correct the date"))
            return node.value

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_float(node)
        if math.isinf(value) or math.isnan(value):
            self.bad_values.append((node, "a number", f"'{node.value}', which is not a finite number",
                                    "write the number itself"))
        return value

    def construct_undefined(self, node: yaml.Node) -> Any:
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        self.bad_values.append((node, "a plain value without a YAML tag", f"the tag '{tag}'",
                                "remove the tag (the word starting with '!') and write the value as text, "
                                "a number, a date, a list or a mapping"))
        return None


ContentYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", ContentYamlLoader.construct_yaml_timestamp)
ContentYamlLoader.add_constructor("tag:yaml.org,2002:float", ContentYamlLoader.construct_yaml_float)
ContentYamlLoader.add_constructor(None, ContentYamlLoader.construct_undefined)


def _why_no_date(text: str) -> str:
    match = _DATE.match(text)
    if match is None:
        return "not a date YAML can read"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return "there is no year 0"
    if day < 1:
        return "there is no day 0"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


class YamlFile:
    """One parsed YAML text, able to say which line a key path is on.

    ``first_line`` is the file's line number of the text's first line (2 for the front
    matter of a Markdown page). Raises ``InvalidYaml`` with every problem found.
    """

    def __init__(self, rel: str, text: str, first_line: int = 1) -> None:
        self.rel = rel
        self.first_line = first_line
        loader = ContentYamlLoader(text)
        try:
            node = loader.get_single_node()
            problems = self._problems(node, loader) if node is not None else []
            if problems:
                raise InvalidYaml(problems)
            self.data: Any = loader.construct_document(node) if node is not None else None
        except _Refused as refused:
            raise InvalidYaml([ContentError(rel, "", refused.expected, refused.received, refused.hint,
                                            refused.line + first_line - 1)]) from refused
        except yaml.MarkedYAMLError as exc:
            raise InvalidYaml([self._syntax_error(exc)]) from exc
        except yaml.YAMLError as exc:
            error = ContentError(rel, "", "valid YAML", f"an error ({exc})", _SYNTAX_HINT)
            raise InvalidYaml([error]) from exc
        finally:
            loader.dispose()
        if node is not None and loader.bad_values:
            where = {id(value): path for path, _key, value in nodes(node)}
            raise InvalidYaml([
                ContentError(rel, dotted(where.get(id(bad), ())), expected, received, hint,
                             bad.start_mark.line + first_line)
                for bad, expected, received, hint in loader.bad_values
            ])
        self.empty = node is None
        self.lines = {path: key.start_mark.line + first_line for path, key, _ in nodes(node)} if node else {}

    def _problems(self, node: yaml.Node, loader: ContentYamlLoader) -> list[ContentError]:
        """Keys written twice in one mapping (a composed tree is enough to see them)."""
        problems = []
        for path, _key, value in [((), node, node), *nodes(node)]:
            if not isinstance(value, yaml.MappingNode):
                continue
            seen: dict[str, int] = {}
            for key_node, _ in value.value:
                key = str(key_node.value)
                line = key_node.start_mark.line + self.first_line
                if key in seen:
                    problems.append(ContentError(
                        self.rel, dotted((*path, key)), "each key once in a mapping",
                        f"'{key}' again (first on line {seen[key]})",
                        "keep one of the two and delete the other (YAML would silently use the last one)",
                        line))
                else:
                    seen[key] = line
        return problems

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> ContentError:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + self.first_line if mark else None
        problem = (exc.problem or "invalid YAML").strip()
        if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
            return ContentError(self.rel, "", "valid YAML", "a quote that is never closed",
                                "close the quote at the end of the text, or remove it (text without ': ' "
                                "needs no quotes)", exc.context_mark.line + self.first_line)
        if isinstance(exc, yaml.composer.ComposerError) and "another document" in problem:
            return ContentError(self.rel, "", "one YAML document", "a second one (after a line '---')",
                                "remove the '---' line, or move what follows it into a file of its own", line)
        return ContentError(self.rel, "", "valid YAML", f"a syntax error ({problem})", _SYNTAX_HINT, line)

    def line_of(self, path: KeyPath) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


class InvalidYaml(Exception):
    """A text that is not valid content YAML; carries its located errors."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__("; ".join(map(str, errors)))
        self.errors = errors


_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_NEEDS_FRONT_MATTER = ("YAML front matter between two '---' lines at the top",
                       "start the file with '---', the page's id, title, description and review, then '---'")


def front_matter(rel: str, text: str) -> tuple[YamlFile, str, int]:
    """Split a Markdown page into its parsed front matter, its body and the body's first
    line number in the file; ``InvalidYaml`` when the front matter is missing or broken."""
    opening = _FENCE.match(text)
    if opening is None:
        received = "an empty file" if not text.strip() else "none"
        expected, hint = _NEEDS_FRONT_MATTER
        raise InvalidYaml([ContentError(rel, "", expected, received, hint, 1)])
    closing = _FENCE.search(text, opening.end() + 1)
    if closing is None:
        raise InvalidYaml([ContentError(
            rel, "", "a line '---' that ends the front matter", "none",
            "add a line '---' after the page's review, before its text", 1)])
    head = text[opening.end() + 1:closing.start()]
    body_line = text.count("\n", 0, closing.end()) + 2
    return YamlFile(rel, head, first_line=2), text[closing.end() + 1:], body_line
