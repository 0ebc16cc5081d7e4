"""The checklist's safety rules as properties, not hand-picked cases.

The rules run over every warning sign combined with every set of risk factors (all
2**n subsets), and over every set of warning signs combined with the small sets of
risk factors, on two checklists: the real one (checklist.json made from content/ by the
generators, as the site ships it) and the hand-made fixture (tests/fixture_context.py).
Each property says what a reader must be able to rely on:

* a ticked warning sign never comes with an exercise plan, and always with the care
  card of the most urgent level ticked and "do not exercise that leg";
* every plan step carries exactly the exercise's cautions that apply to the answers;
* what a step says it helps with was ticked, and the plan stays short.

The real content adds its own: compression stockings never appear without "only if a
clinician advises it, after a check of the leg's circulation", and never because of a
past clot; pregnancy brings its cautions to every step that has one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from risk_checklist import Checklist, Result, evaluate
from risk_checklist.rules import PLAN_LENGTH

from generators.content.loader import load_content
from generators.widgets.checklist import checklist_data
from tests.fixture_context import make_context

PROJECT = Path(__file__).resolve().parents[3]


def _checklist(source: str) -> Checklist:
    ctx = load_content(PROJECT / "content") if source == "content" else make_context()
    return Checklist.from_dict(json.loads(json.dumps(checklist_data(ctx))))  # what the browser reads


@pytest.fixture(scope="module", params=["content", "fixture"])
def checklist(request: pytest.FixtureRequest) -> Checklist:
    return _checklist(request.param)


@pytest.fixture(scope="module")
def content_checklist() -> Checklist:
    return _checklist("content")


def subsets(ids: list[str], largest: int | None = None) -> Iterator[frozenset[str]]:
    for size in range(0, (len(ids) if largest is None else largest) + 1):
        for chosen in combinations(ids, size):
            yield frozenset(chosen)


def factor_ids(checklist: Checklist) -> list[str]:
    return [factor.id for factor in checklist.risk_factors]


def sign_ids(checklist: Checklist) -> list[str]:
    return [sign.id for sign in checklist.warning_signs]


def broken_promises(checklist: Checklist, answers: frozenset[str], result: Result) -> list[str]:
    """Every safety property the result breaks for these answers (none, we hope)."""
    broken: list[str] = []
    ticked_signs = [sign for sign in checklist.warning_signs if sign.id in answers]
    if ticked_signs:
        most_urgent = min(ticked_signs, key=lambda sign: checklist.rank(sign.level))
        if result.plan:
            broken.append("an exercise plan next to a warning sign")
        if result.care is None or result.care.id != most_urgent.level:
            broken.append(f"care card {result.care and result.care.id}, not the most urgent "
                          f"'{most_urgent.level}'")
        if result.no_exercise_html != checklist.no_exercise_html:
            broken.append("no 'do not exercise that leg' with a warning sign")
        if [sign.id for sign in result.warning_signs] != [sign.id for sign in ticked_signs]:
            broken.append("the care card does not name every ticked sign")
    else:
        if result.care is not None or result.no_exercise_html is not None:
            broken.append("a care card without a warning sign")
        helpful = [f for f in checklist.risk_factors if f.id in answers and f.exercises]
        if helpful and not result.plan:
            broken.append("no plan for risk factors that have exercises")
    if len(result.plan) > PLAN_LENGTH:
        broken.append("a plan longer than PLAN_LENGTH")
    if len({step.exercise.id for step in result.plan}) != len(result.plan):
        broken.append("the same exercise twice in a plan")
    ticked_names = {f.name for f in checklist.risk_factors if f.id in answers}
    helps = [len(step.because) for step in result.plan]
    if helps != sorted(helps, reverse=True):
        broken.append("a step that helps with fewer answers ranked above one that helps with more")
    for step in result.plan:
        applies = tuple(c for c in step.exercise.cautions
                        if c.always_in_plan or not set(c.risk_factors).isdisjoint(answers))
        if step.cautions != applies:
            broken.append(f"'{step.exercise.id}' carries the wrong cautions")
        if not step.because or not set(step.because) <= ticked_names:
            broken.append(f"'{step.exercise.id}' helps with something not ticked")
    return broken


def run_all(checklist: Checklist, answer_sets: Iterator[frozenset[str]]) -> tuple[int, list[str]]:
    count, failures = 0, []
    for answers in answer_sets:
        count += 1
        for promise in broken_promises(checklist, answers, evaluate(checklist, answers)):
            failures.append(f"{sorted(answers)}: {promise}")
    return count, failures


def test_no_warning_sign_every_set_of_risk_factors_gets_a_safe_plan(checklist: Checklist) -> None:
    count, failures = run_all(checklist, subsets(factor_ids(checklist)))
    assert count == 2 ** len(checklist.risk_factors)
    assert failures[:10] == []


def test_each_warning_sign_with_every_set_of_risk_factors_gives_no_plan(checklist: Checklist) -> None:
    def answers() -> Iterator[frozenset[str]]:
        for sign in sign_ids(checklist):
            for factors in subsets(factor_ids(checklist)):
                yield factors | {sign}

    count, failures = run_all(checklist, answers())
    assert count == len(checklist.warning_signs) * 2 ** len(checklist.risk_factors)
    assert count >= 2 * 8  # the fixture's 2 signs x 2**3; the real content's is 8 x 2**11
    assert failures[:10] == []


def test_every_set_of_warning_signs_gets_the_most_urgent_level(checklist: Checklist) -> None:
    """All 2**signs combinations of signs, with no, one or two risk factors ticked."""
    def answers() -> Iterator[frozenset[str]]:
        for signs in subsets(sign_ids(checklist)):
            if signs:
                for factors in subsets(factor_ids(checklist), largest=2):
                    yield signs | factors

    count, failures = run_all(checklist, answers())
    assert count > 0 and failures[:10] == []


def test_every_level_a_sign_can_have_is_reachable_and_wins_over_every_less_urgent_one(
    checklist: Checklist,
) -> None:
    for high, low in combinations(checklist.warning_signs, 2):
        if checklist.rank(high.level) == checklist.rank(low.level):
            continue
        expected = min((high, low), key=lambda sign: checklist.rank(sign.level)).level
        result = evaluate(checklist, [high.id, low.id])
        assert result.care is not None and result.care.id == expected, (high.id, low.id)


def test_results_are_plain_json_for_every_single_answer(checklist: Checklist) -> None:
    for item in sorted(checklist.item_ids()):
        result = evaluate(checklist, [item]).to_dict()
        assert json.loads(json.dumps(result)) == result
        assert not (result["plan"] and result["care"]), item


# ------------------------------------------------------------------ the real content


def steps_of(checklist: Checklist, exercise_id: str) -> Iterator[tuple[frozenset[str], Result]]:
    """Every set of risk factors whose plan has this exercise, with its result."""
    for answers in subsets(factor_ids(checklist)):
        result = evaluate(checklist, answers)
        if any(step.exercise.id == exercise_id for step in result.plan):
            yield answers, result


def step(result: Result, exercise_id: str) -> tuple[str, ...]:
    found = next(s for s in result.plan if s.exercise.id == exercise_id)
    return tuple(caution.text_html for caution in found.cautions)


def test_compression_stockings_never_appear_without_the_clinician_and_circulation_caveat(
    content_checklist: Checklist,
) -> None:
    seen = 0
    for answers, result in steps_of(content_checklist, "compression-stockings"):
        seen += 1
        first = step(result, "compression-stockings")[0]
        assert "Only if a clinician advises it, after a check of your leg's circulation" in first, answers
        assert any("peripheral arterial disease" in text for text in step(result, "compression-stockings"))
    assert seen > 0  # the plans do offer them, so the property is not empty


def test_compression_stockings_are_never_a_step_because_of_a_past_clot(content_checklist: Checklist) -> None:
    past_clot = next(f for f in content_checklist.risk_factors if f.id == "previous-dvt-or-leg-injury")
    assert "compression-stockings" not in past_clot.exercises
    assert evaluate(content_checklist, [past_clot.id]).plan  # a plan, just not stockings
    for answers, result in steps_of(content_checklist, "compression-stockings"):
        found = next(s for s in result.plan if s.exercise.id == "compression-stockings")
        assert past_clot.name not in found.because
        after_a_clot = any("After a clot" in text for text in step(result, "compression-stockings"))
        assert after_a_clot == (past_clot.id in answers), answers


def test_pregnancy_brings_its_cautions_to_every_step_that_has_one(content_checklist: Checklist) -> None:
    checked = 0
    for answers in subsets(factor_ids(content_checklist)):
        if "pregnancy" not in answers:
            continue
        for plan_step in evaluate(content_checklist, answers).plan:
            for caution in plan_step.exercise.cautions:
                if "pregnancy" in caution.risk_factors:
                    checked += 1
                    assert caution in plan_step.cautions, (sorted(answers), plan_step.exercise.id)
    assert checked > 0
    result = evaluate(content_checklist, ["pregnancy", "standing-jobs"])
    lying_down = step(result, "leg-elevation")
    assert any("do not lie flat on your back" in text and "Lie on your side" in text for text in lying_down)
    assert result.plan[0].exercise.id != "leg-elevation"


def test_every_warning_sign_of_the_content_is_a_red_flag_with_a_level(content_checklist: Checklist) -> None:
    ids = sign_ids(content_checklist)
    for flag in ("cold-painful-leg", "dvt-warning-signs", "pulmonary-embolism-warning-signs", "cellulitis",
                 "infected-ulcer", "pre-eclampsia", "diabetic-foot-wound", "swelling-with-breathlessness"):
        assert flag in ids
    assert [level.id for level in content_checklist.care_levels] == ["emergency", "urgent", "soon"]
