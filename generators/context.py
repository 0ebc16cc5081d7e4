"""The one cross-linked context every page, the checklist and the handouts are built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

# Link kind (as written in content, e.g. "exercise:calf-raises") -> folder and URL prefix.
KINDS: dict[str, str] = {
    "topic": "topics",
    "risk-factor": "risk-factors",
    "symptom": "symptoms",
    "exercise": "exercises",
}


@dataclass(frozen=True)
class SiteContext:
    root: Path
    lang: str
    settings: Settings
    site: SiteText
    care: CareCard
    references: dict[str, Reference]
    glossary: dict[str, GlossaryTerm]
    topics: dict[str, Topic]
    risk_factors: dict[str, RiskFactor]
    symptoms: dict[str, Symptom]
    exercises: dict[str, Exercise]
    pages: dict[str, Page]
    page_bodies: dict[str, str]
    extras: dict[str, Any] = field(default_factory=dict)

    def items_of(self, kind: str) -> dict[str, Any]:
        by_kind: dict[str, dict[str, Any]] = {
            "topic": self.topics,
            "risk-factor": self.risk_factors,
            "symptom": self.symptoms,
            "exercise": self.exercises,
        }
        return by_kind[kind]

    def url_of(self, kind: str, item_id: str) -> str:
        """Site-relative URL of an item's page, e.g. ``exercises/calf-raises/``."""
        return f"{KINDS[kind]}/{item_id}/"

    def doc_of(self, kind: str, item_id: str) -> str:
        """Path of an item's generated Markdown file inside the docs folder."""
        return f"{KINDS[kind]}/{item_id}.md"

    def all_pages(self) -> list[tuple[str, PageBase]]:
        """(kind, item) for every content item that has a page of its own."""
        out: list[tuple[str, PageBase]] = []
        out += [("topic", t) for t in sorted(self.topics.values(), key=lambda t: t.order)]
        out += [("risk-factor", r) for r in self.risk_factors.values()]
        out += [("symptom", s) for s in self.symptoms.values()]
        out += [("exercise", e) for e in self.exercises.values()]
        return out

    def backlinks(self, kind: str, item_id: str) -> dict[str, list[str]]:
        """Items of each kind whose ``related`` list names this item (links go both ways)."""
        group = KINDS[kind].replace("-", "_")
        found: dict[str, list[str]] = {k: [] for k in KINDS}
        for other_kind, item in self.all_pages():
            if item_id in getattr(item.related, group):
                found[other_kind].append(item.id)
        return found
