"""The page kinds, once: one ``Kind`` record per kind of content item with a page.

Everything that differs between topics, risk factors, symptoms and exercises lives in
its record: how content links to it (``exercise:calf-raises``), its folder under
``content/<lang>/`` and in the site, its schema model, its page template, its section
in the navigation and its schema.org type. Adding a fifth kind is one record here, one
model in ``schema.py`` and one template in ``generators/pages/templates/``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generators.content.schema import Exercise, PageBase, RiskFactor, Symptom, Topic

#: One group of a section index page: the ui.yml key of its heading (section ``sections``),
#: and which items go under it.
Group = tuple[str, Callable[[PageBase], bool]]


@dataclass(frozen=True)
class Kind:
    """A kind's words are in ui.yml, section ``sections``, under keys named by its
    ``field``: ``<field>_title`` (its section in the navigation), ``<field>_intro`` (its
    index page, when ``has_index``) and ``<field>_related`` (the heading of its links
    under "Related pages")."""

    name: str  # as written in content links and ids: "risk-factor"
    folder: str  # content/<lang>/<folder>/<id>.yml, and the page's URL prefix
    model: type[PageBase]
    template: str  # in generators/pages/templates/
    has_index: bool  # the section has an index page listing its items
    schema_type: str  # schema.org type of what the page is about (JSON-LD)
    groups: tuple[Group, ...] = ()  # the index page's groups, in order

    @property
    def field(self) -> str:
        """The attribute naming this kind in ``Related`` and in ``SiteContext``."""
        return self.folder.replace("-", "_")

    def title(self, words: Mapping[str, str]) -> str:
        return words[f"{self.field}_title"]

    def intro(self, words: Mapping[str, str]) -> str:
        return words[f"{self.field}_intro"]

    def related_label(self, words: Mapping[str, str]) -> str:
        return words[f"{self.field}_related"]

    def sort_key(self, item: PageBase) -> tuple[int, str]:
        """Topics follow their ``order``; the others are listed by name."""
        order = getattr(item, "order", 0)
        return order, str(getattr(item, "name", item.title)).lower()


def _where(attribute: str, *values: str) -> Callable[[PageBase], bool]:
    return lambda item: getattr(item, attribute) in values


KINDS: tuple[Kind, ...] = (
    Kind("topic", "topics", Topic, "topic.md.j2", False, "MedicalEntity"),
    Kind("risk-factor", "risk-factors", RiskFactor, "risk_factor.md.j2", True, "MedicalRiskFactor",
         (("risk_factors_changeable", _where("changeable", "yes", "partly")),
          ("risk_factors_fixed", _where("changeable", "no")))),
    Kind("symptom", "symptoms", Symptom, "symptom.md.j2", True, "MedicalSignOrSymptom",
         (("symptoms_warning", _where("kind", "warning-sign")),
          ("symptoms_common", _where("kind", "symptom")))),
    Kind("exercise", "exercises", Exercise, "exercise.md.j2", True, "ExercisePlan",
         (("exercises_exercises", _where("kind", "exercise")),
          ("exercises_habits", _where("kind", "habit")))),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
