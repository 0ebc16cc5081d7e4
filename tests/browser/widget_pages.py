"""Shared names for the browser tests: the widget pages and small helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEMO = "demo/"
SECOND = "topics/how-veins-and-valves-work/"
CHECKLIST = "checklist/"


@dataclass
class Recorded:
    """A page plus everything it did: requests, console errors, uncaught exceptions."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def wasm_requests(self) -> int:
        return sum(1 for url in self.requests if url.endswith("pyodide.asm.wasm"))


def wait_for_state(page: Any, widget: str, state: str, timeout_ms: float = 90_000) -> None:
    page.wait_for_function(
        "([w, s]) => document.querySelector(`[data-widget=\"${w}\"]`)?.dataset.state === s",
        arg=[widget, state],
        timeout=timeout_ms,
    )
