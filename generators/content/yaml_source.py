"""YAML with line numbers: parse a content file and say which line a key is on.

Also how values are named in error messages (``describe``) and how key paths are
written (``dotted``: ``steps[2]``, ``related.exercises[0]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generators.errors import ContentError

KeyPath = tuple[str | int, ...]


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
            raise InvalidYaml(
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


class InvalidYaml(Exception):
    """A file that is not valid YAML; carries the located error."""

    def __init__(self, error: ContentError) -> None:
        self.error = error


class FrontMatter(YamlFile):
    """The YAML front matter of a Markdown page, with its line numbers."""

    def __init__(self, rel: str, text: str) -> None:
        self.rel = rel
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        self.data = None
        self.lines = {path: line + 1 for path, line in key_lines(node)} if node is not None else {}
