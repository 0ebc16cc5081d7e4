"""The product of stage 1: one validated, cross-linked context.

Every page, chart, widget, the checklist and (later) handouts are built from this
object alone; nothing after stage 1 reads a content file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from generators.content.data_schema import DataFile
from generators.content.kinds import BY_NAME, KINDS
from generators.content.schema import (
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
from generators.errors import BuildError


@dataclass(frozen=True)
class SiteContext:
    root: Path
    lang: str
    settings: Settings
    site: SiteText
    care: CareCard
    references: dict[str, Reference]
    glossary: dict[str, GlossaryTerm]
    items: Mapping[str, dict[str, PageBase]]  # kind name -> id -> item
    pages: dict[str, Page]
    page_bodies: dict[str, str]
    data: Mapping[str, DataFile]  # content/data/<name>.yml, by name
    ui: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # content/<lang>/ui.yml
    # Every language of settings.yml, in its order → its own name (ui.yml site.language_name).
    languages: Mapping[str, str] = field(default_factory=dict)
    # Pages of a partial translation shown in the first language: "kind:id" ("page:id").
    fallback: frozenset[str] = frozenset()

    def words(self, section: str) -> Mapping[str, str]:
        """The interface words of one ui.yml section (``ctx.words("charts")["explore"]``)."""
        try:
            return self.ui[section]
        except KeyError:
            raise BuildError(f"content/{self.lang}/ui.yml has no section '{section}:'. Fix: add it with the "
                             f"words the {section} part of the site shows (see content/en/ui.yml)") from None

    @property
    def site_url(self) -> str:
        """Where this language's site is published: the first language at settings' site_url,
        every other in a folder named by its code (``https://.../es/``)."""
        folder = "" if self.lang == self.first_lang else f"{self.lang}/"
        return self.settings.site_url + folder

    @property
    def first_lang(self) -> str:
        """The language the others are translated from: built at the site's root."""
        return next(iter(self.languages), self.lang)

    def is_fallback(self, kind: str, item_id: str) -> bool:
        """Shown in the first language because this partial translation lacks it."""
        return f"{kind}:{item_id}" in self.fallback

    # Typed views of ``items`` for templates and generators.
    @property
    def topics(self) -> dict[str, Topic]:
        return cast(dict[str, Topic], self.items["topic"])

    @property
    def risk_factors(self) -> dict[str, RiskFactor]:
        return cast(dict[str, RiskFactor], self.items["risk-factor"])

    @property
    def symptoms(self) -> dict[str, Symptom]:
        return cast(dict[str, Symptom], self.items["symptom"])

    @property
    def exercises(self) -> dict[str, Exercise]:
        return cast(dict[str, Exercise], self.items["exercise"])

    def items_of(self, kind: str) -> dict[str, PageBase]:
        return self.items[kind]

    def url_of(self, kind: str, item_id: str) -> str:
        """Site-relative URL of an item's page, e.g. ``exercises/calf-raises/``."""
        return f"{BY_NAME[kind].folder}/{item_id}/"

    def doc_of(self, kind: str, item_id: str) -> str:
        """Path of an item's generated Markdown file inside the docs folder."""
        return f"{BY_NAME[kind].folder}/{item_id}.md"

    def source_of(self, kind: str, item_id: str) -> str:
        """The content file an item was read from, as error messages name it."""
        return f"content/{self.lang}/{BY_NAME[kind].folder}/{item_id}.yml"

    def ordered(self, kind: str) -> list[PageBase]:
        """A kind's items in the order its section lists them."""
        return sorted(self.items[kind].values(), key=BY_NAME[kind].sort_key)

    def all_pages(self) -> Iterator[tuple[str, PageBase]]:
        """(kind, item) for every content item that has a page of its own."""
        for kind in KINDS:
            # Topics by their ``order``; the rest as read (file-name order): a stable sort.
            for item in sorted(self.items[kind.name].values(), key=lambda i: getattr(i, "order", 0)):
                yield kind.name, item

    def backlinks(self, kind: str, item_id: str) -> dict[str, list[str]]:
        """Items of each kind whose ``related`` list names this item (links go both ways)."""
        field = BY_NAME[kind].field
        found: dict[str, list[str]] = {k.name: [] for k in KINDS}
        for other_kind, item in self.all_pages():
            if item_id in getattr(item.related, field):
                found[other_kind].append(item.id)
        return found
