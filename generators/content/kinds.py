"""The page kinds, once: one ``Kind`` record per kind of content item with a page.

Everything that differs between topics, risk factors, symptoms and exercises lives in
its record: how content links to it (``exercise:calf-raises``), its folder under
``content/<lang>/`` and in the site, its schema model, its page template, its section
in the navigation and its schema.org type. Adding a fifth kind is one record here, one
model in ``schema.py`` and one template in ``generators/pages/templates/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generators.content.schema import Exercise, PageBase, RiskFactor, Symptom, Topic

#: One group of a section index page: a heading, and which items go under it.
Group = tuple[str, Callable[[PageBase], bool]]


@dataclass(frozen=True)
class Kind:
    name: str  # as written in content links and ids: "risk-factor"
    folder: str  # content/<lang>/<folder>/<id>.yml, and the page's URL prefix
    model: type[PageBase]
    template: str  # in generators/pages/templates/
    section_title: str  # its section in the navigation
    section_intro: str | None  # the section's index page; None: no index page
    schema_type: str  # schema.org type of what the page is about (JSON-LD)
    related_label: str  # heading of this kind's links under "Related pages"
    groups: tuple[Group, ...] = ()  # the index page's groups, in order

    @property
    def field(self) -> str:
        """The attribute naming this kind in ``Related`` and in ``SiteContext``."""
        return self.folder.replace("-", "_")

    def sort_key(self, item: PageBase) -> tuple[int, str]:
        """Topics follow their ``order``; the others are listed by name."""
        order = getattr(item, "order", 0)
        return order, str(getattr(item, "name", item.title)).lower()


def _where(attribute: str, *values: str) -> Callable[[PageBase], bool]:
    return lambda item: getattr(item, attribute) in values


KINDS: tuple[Kind, ...] = (
    Kind("topic", "topics", Topic, "topic.md.j2", "Learn", None, "MedicalEntity", "Read more"),
    Kind(
        "risk-factor", "risk-factors", RiskFactor, "risk_factor.md.j2", "Risk factors",
        "These things make the calf pump work less well, or make leg vein problems more likely. "
        "Some you can change. Pick one to see what it does and what helps.",
        "MedicalRiskFactor", "Risk factors",
        (("Things you can change", _where("changeable", "yes", "partly")),
         ("Things you cannot change", _where("changeable", "no"))),
    ),
    Kind(
        "symptom", "symptoms", Symptom, "symptom.md.j2", "Symptoms and warning signs",
        "Most leg symptoms build up slowly. A few are warning signs, such as a blood clot. "
        "Those need help the same day, or right away. Each page says how fast to get help.",
        "MedicalSignOrSymptom", "Signs to know",
        (("Warning signs: get help", _where("kind", "warning-sign")),
         ("Common symptoms", _where("kind", "symptom"))),
    ),
    Kind(
        "exercise", "exercises", Exercise, "exercise.md.j2", "Exercises and habits",
        "Small moves, done often, keep the calf pump working. Most need no kit and "
        "can be done at home, at work or on a trip.",
        "ExercisePlan", "Exercises and habits that help",
        (("Exercises", _where("kind", "exercise")), ("Habits", _where("kind", "habit"))),
    ),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
