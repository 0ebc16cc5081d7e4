"""The checklist's rules: small named functions with one signature, run in order.

Each rule reads the answers and what earlier rules found from an :class:`Evaluation` and
adds its own findings to it, like markdown-it-py's core rules. To change what the
checklist says, add, remove or reorder entries of :data:`RULES`; each rule is tested on
its own and through :func:`evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from risk_checklist.checklist import (
    CARE_LEVELS,
    CareLevel,
    Checklist,
    ExerciseLink,
    RiskItem,
    WarningSign,
)

#: How many exercises a plan lists at most: a short plan is one people start.
PLAN_LENGTH = 4


@dataclass(frozen=True)
class PlanStep:
    exercise: ExerciseLink
    because: tuple[str, ...]  # names of the ticked risk factors it helps with


@dataclass
class Evaluation:
    """The answers and everything the rules have found so far."""

    checklist: Checklist
    answers: frozenset[str]
    factors: list[RiskItem] = field(default_factory=list)
    changeable: list[RiskItem] = field(default_factory=list)
    not_changeable: list[RiskItem] = field(default_factory=list)
    plan: list[PlanStep] = field(default_factory=list)
    warning_signs: list[WarningSign] = field(default_factory=list)
    care: CareLevel | None = None


Rule = Callable[[Evaluation], None]


def check_answers(state: Evaluation) -> None:
    """Unknown ids mean the page and checklist.json disagree: say so rather than ignore them."""
    unknown = sorted(state.answers - state.checklist.item_ids())
    if unknown:
        raise ValueError(
            f"answers name items that are not in the checklist: {', '.join(unknown)}; "
            "reload the page so it matches the current checklist"
        )


def collect_factors(state: Evaluation) -> None:
    state.factors = [f for f in state.checklist.risk_factors if f.id in state.answers]


def split_changeable(state: Evaluation) -> None:
    """"partly" counts as changeable: something can be done, even if not everything."""
    state.changeable = [f for f in state.factors if f.changeable in ("yes", "partly")]
    state.not_changeable = [f for f in state.factors if f.changeable == "no"]


def plan_exercises(state: Evaluation) -> None:
    """Exercises that help the most ticked factors first; ties keep content order.

    Factors that cannot be changed still count: moving the calf helps whatever the cause.
    """
    helps: dict[str, list[str]] = {}
    for factor in (*state.changeable, *state.not_changeable):
        for exercise_id in factor.exercises:
            helps.setdefault(exercise_id, []).append(factor.name)
    ranked = sorted(helps.items(), key=lambda pair: -len(pair[1]))  # stable: keeps order
    state.plan = [
        PlanStep(state.checklist.exercises[exercise_id], tuple(names))
        for exercise_id, names in ranked[:PLAN_LENGTH]
    ]


def collect_warning_signs(state: Evaluation) -> None:
    state.warning_signs = [s for s in state.checklist.warning_signs if s.id in state.answers]


def choose_care_card(state: Evaluation) -> None:
    """Emergency beats urgent. A sign belongs to the level whose card lists it; a sign no
    card lists falls back to its own urgency, and to urgent if that names neither level."""
    ticked = {s.id: s for s in state.warning_signs}
    if not ticked:
        state.care = None
        return
    levels_needed: set[str] = set()
    for sign_id, sign in ticked.items():
        listed = [lvl for lvl in CARE_LEVELS if sign_id in state.checklist.care[lvl].signs]
        if listed:
            levels_needed.update(listed)
        else:
            levels_needed.add(sign.urgency if sign.urgency in CARE_LEVELS else "urgent")
    state.care = next(state.checklist.care[lvl] for lvl in CARE_LEVELS if lvl in levels_needed)


RULES: list[tuple[str, Rule]] = [
    ("check_answers", check_answers),
    ("collect_factors", collect_factors),
    ("split_changeable", split_changeable),
    ("plan_exercises", plan_exercises),
    ("collect_warning_signs", collect_warning_signs),
    ("choose_care_card", choose_care_card),
]


@dataclass(frozen=True)
class Result:
    """What the page shows. ``to_dict`` is the JSON the Web Worker sends back."""

    factors: tuple[RiskItem, ...]
    changeable: tuple[RiskItem, ...]
    not_changeable: tuple[RiskItem, ...]
    plan: tuple[PlanStep, ...]
    warning_signs: tuple[WarningSign, ...]
    care: CareLevel | None

    def summary(self) -> str:
        """One plain sentence for screen readers and the top of the printout."""
        parts: list[str] = []
        count = len(self.factors)
        if count == 0:
            parts.append("None of the risk factors is ticked.")
        else:
            noun = "risk factor applies" if count == 1 else "risk factors apply"
            parts.append(f"{count} {noun}; you can do something about {len(self.changeable)}.")
        if self.care is not None:
            parts.append(f"You ticked a warning sign: {self.care.title}")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        def factor(f: RiskItem) -> dict[str, Any]:
            return {"id": f.id, "name": f.name, "changeable": f.changeable, "url": f.url}

        return {
            "summary": self.summary(),
            "factors": [factor(f) for f in self.factors],
            "changeable": [f.id for f in self.changeable],
            "not_changeable": [f.id for f in self.not_changeable],
            "plan": [
                {
                    "id": step.exercise.id,
                    "name": step.exercise.name,
                    "url": step.exercise.url,
                    "because": list(step.because),
                }
                for step in self.plan
            ],
            "warning_signs": [
                {"id": s.id, "name": s.name, "urgency": s.urgency, "url": s.url}
                for s in self.warning_signs
            ],
            "care": None
            if self.care is None
            else {
                "level": self.care.level,
                "title": self.care.title,
                "action_html": self.care.action_html,
            },
        }


def evaluate(
    checklist: Checklist, answers: Iterable[str], rules: list[tuple[str, Rule]] | None = None
) -> Result:
    """Run every rule in order over the ticked item ids and return what they found."""
    state = Evaluation(checklist=checklist, answers=frozenset(answers))
    for _name, rule in RULES if rules is None else rules:
        rule(state)
    return Result(
        factors=tuple(state.factors),
        changeable=tuple(state.changeable),
        not_changeable=tuple(state.not_changeable),
        plan=tuple(state.plan),
        warning_signs=tuple(state.warning_signs),
        care=state.care,
    )
