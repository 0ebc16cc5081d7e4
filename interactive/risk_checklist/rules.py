"""The checklist's rules: small named functions with one signature, run in order.

Each rule reads the answers and what earlier rules found from an :class:`Evaluation` and
adds its own findings to it, like markdown-it-py's core rules. To change what the
checklist says, add, remove or reorder entries of :data:`RULES`; each rule is tested on
its own, through :func:`evaluate`, and as properties over every warning sign and every
set of risk factors (tests/interactive/risk_checklist/test_safety_properties.py).

The safety rules, in words:

* a ticked warning sign means no exercise plan at all: the care card of the most urgent
  level ticked, and "do not exercise that leg until it has been checked";
* every step of a plan carries the exercise's own cautions that apply to the answers
  (and those it always carries, such as "only if a clinician advises it").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from risk_checklist.checklist import (
    CareLevel,
    Caution,
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
    cautions: tuple[Caution, ...]  # the exercise's cautions that apply to the answers


@dataclass
class Evaluation:
    """The answers and everything the rules have found so far."""

    checklist: Checklist
    answers: frozenset[str]
    factors: list[RiskItem] = field(default_factory=list)
    changeable: list[RiskItem] = field(default_factory=list)
    not_changeable: list[RiskItem] = field(default_factory=list)
    warning_signs: list[WarningSign] = field(default_factory=list)
    care: CareLevel | None = None
    plan: list[PlanStep] = field(default_factory=list)
    stop_exercise: bool = False  # a warning sign is ticked: no plan, exercise must wait


Rule = Callable[[Evaluation], None]


def applicable_cautions(exercise: ExerciseLink, answers: Iterable[str]) -> tuple[Caution, ...]:
    """The exercise's cautions for these answers, in the exercise's own order."""
    ticked = frozenset(answers)
    return tuple(caution for caution in exercise.cautions if caution.applies_to(ticked))


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


def collect_warning_signs(state: Evaluation) -> None:
    state.warning_signs = [s for s in state.checklist.warning_signs if s.id in state.answers]


def choose_care_level(state: Evaluation) -> None:
    """The most urgent level among the ticked signs wins (levels are listed most urgent
    first). A ticked sign also means: no exercise until that leg has been checked."""
    if not state.warning_signs:
        state.care = None
        state.stop_exercise = False
        return
    rank = state.checklist.rank
    most_urgent = min(state.warning_signs, key=lambda sign: rank(sign.level))
    state.care = state.checklist.care_levels[rank(most_urgent.level)]
    state.stop_exercise = True


def plan_exercises(state: Evaluation) -> None:
    """A short plan, unless a warning sign is ticked: then there is none at all.

    Exercises that help the most ticked factors come first; ties keep content order.
    Factors that cannot be changed still count: moving the calf helps whatever the cause.
    Each step carries the exercise's cautions for these answers.
    """
    if state.stop_exercise:
        state.plan = []
        return
    helps: dict[str, list[str]] = {}
    for factor in (*state.changeable, *state.not_changeable):
        for exercise_id in factor.exercises:
            helps.setdefault(exercise_id, []).append(factor.name)
    exercises = state.checklist.exercises
    ranked = sorted(helps, key=lambda i: -len(helps[i]))  # stable: keeps content order
    state.plan = [
        PlanStep(exercises[i], tuple(helps[i]), applicable_cautions(exercises[i], state.answers))
        for i in ranked[:PLAN_LENGTH]
    ]


RULES: list[tuple[str, Rule]] = [
    ("check_answers", check_answers),
    ("collect_factors", collect_factors),
    ("split_changeable", split_changeable),
    ("collect_warning_signs", collect_warning_signs),
    ("choose_care_level", choose_care_level),
    ("plan_exercises", plan_exercises),
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
    no_exercise_html: str | None  # set when a warning sign is ticked
    words: Mapping[str, str]  # the checklist's sentences, in the page's language

    def summary(self) -> str:
        """One plain sentence for screen readers and the top of the printout."""
        parts: list[str] = []
        count = len(self.factors)
        if count == 0:
            parts.append(self.words["summary_none"])
        else:
            sentence = self.words["summary_one" if count == 1 else "summary_many"]
            changeable = str(len(self.changeable))
            parts.append(sentence.replace("{count}", str(count)).replace("{changeable}", changeable))
        if self.care is not None:
            parts.append(self.words["summary_warning"].replace("{level}", self.care.title))
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
                    "cautions_html": [caution.text_html for caution in step.cautions],
                }
                for step in self.plan
            ],
            "warning_signs": [
                {"id": s.id, "name": s.name, "level": s.level, "url": s.url,
                 "action_html": s.action_html, "emergency_if_html": s.emergency_if_html}
                for s in self.warning_signs
            ],
            "care": None
            if self.care is None
            else {
                "level": self.care.id,
                "title": self.care.title,
                "style": self.care.style,
                "action_html": self.care.action_html,
            },
            "no_exercise_html": self.no_exercise_html,
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
        no_exercise_html=checklist.no_exercise_html if state.stop_exercise else None,
        words=checklist.words,
    )
