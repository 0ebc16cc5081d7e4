"""Content errors: where (file, line, key), what was expected, what was found, how to fix it.

Library code raises these; the command line prints them all and exits non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file."""

    file: str
    key: str
    expected: str
    received: str
    hint: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" at '{self.key}'" if self.key else ""
        return f"{where}:{key} expected {self.expected}, got {self.received}. Fix: {self.hint}"


class SecondHeartError(Exception):
    """Anything the build reports to a person: the command line prints it and exits 1."""

    def report(self) -> str:
        return f"second-heart: {self}"


class ContentErrors(SecondHeartError):
    """Every problem found in content/, reported together rather than one at a time."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.key))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"content/ has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])


class BuildError(SecondHeartError):
    """The site could not be built for a reason that is not a content problem."""
