"""The checklist's rules under CPython: what applies, what can change, the plan and its
cautions, the care card. The same rules as properties over every answer set:
test_safety_properties.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from risk_checklist import RULES, Checklist, Evaluation, evaluate
from risk_checklist.rules import PLAN_LENGTH

from generators.content.context import SiteContext
from generators.widgets.checklist import checklist_data

PACKAGE = Path(__file__).resolve().parents[3] / "interactive" / "risk_checklist"


@pytest.fixture
def data(ctx: SiteContext) -> dict[str, Any]:
    return json.loads(json.dumps(checklist_data(ctx)))  # exactly what the browser reads


@pytest.fixture
def checklist(data: dict[str, Any]) -> Checklist:
    return Checklist.from_dict(data)


def test_ticked_risk_factors_apply_in_the_order_they_are_shown(checklist: Checklist) -> None:
    result = evaluate(checklist, ["aging", "long-sitting"])
    assert [f.id for f in result.factors] == ["long-sitting", "aging"]


def test_nothing_ticked_gives_an_empty_summary_and_no_care_card(checklist: Checklist) -> None:
    result = evaluate(checklist, [])
    assert result.factors == () and result.plan == () and result.care is None
    assert result.summary() == "None of the risk factors is ticked."


def test_partly_changeable_factors_count_as_changeable_and_fixed_ones_do_not(checklist: Checklist) -> None:
    result = evaluate(checklist, ["long-sitting", "stiff-ankles", "aging"])
    assert [f.id for f in result.changeable] == ["long-sitting", "stiff-ankles"]
    assert [f.id for f in result.not_changeable] == ["aging"]
    assert result.summary() == "3 risk factors apply; you can do something about 2."


def test_plan_links_to_the_exercise_pages_of_the_ticked_factors(
    checklist: Checklist, ctx: SiteContext
) -> None:
    result = evaluate(checklist, ["long-sitting"])
    assert [(s.exercise.id, s.exercise.url) for s in result.plan] == [
        ("walking-breaks", ctx.url_of("exercise", "walking-breaks")),
        ("ankle-pumps", ctx.url_of("exercise", "ankle-pumps")),
    ]
    for step in result.plan:
        assert step.exercise.id in ctx.exercises


def test_plan_puts_exercises_that_help_with_more_factors_first(checklist: Checklist) -> None:
    result = evaluate(checklist, ["long-sitting", "stiff-ankles"])
    assert result.plan[0].exercise.id == "ankle-pumps"
    assert result.plan[0].because == ("Long sitting", "Stiff ankles")


def test_plan_includes_exercises_for_factors_that_cannot_change(checklist: Checklist) -> None:
    assert [s.exercise.id for s in evaluate(checklist, ["aging"]).plan] == ["calf-raises"]


def test_plan_is_short(checklist: Checklist) -> None:
    everything = [f.id for f in checklist.risk_factors]
    assert len(evaluate(checklist, everything).plan) <= PLAN_LENGTH


def test_an_urgent_warning_sign_shows_the_urgent_care_card(checklist: Checklist) -> None:
    result = evaluate(checklist, ["dvt-warning-signs"])
    assert result.care is not None and result.care.id == "urgent"
    assert result.care.title == "See a doctor today"


def test_emergency_beats_urgent_when_both_are_ticked(checklist: Checklist) -> None:
    result = evaluate(checklist, ["dvt-warning-signs", "pe-warning-signs", "long-sitting"])
    assert result.care is not None and result.care.id == "emergency"
    assert [s.id for s in result.warning_signs] == ["dvt-warning-signs", "pe-warning-signs"]
    assert result.summary().endswith("You ticked a warning sign: Call an ambulance now")


def test_a_ticked_warning_sign_means_no_plan_and_says_not_to_exercise(checklist: Checklist) -> None:
    calm = evaluate(checklist, ["long-sitting", "stiff-ankles"])
    assert calm.plan and calm.no_exercise_html is None
    worried = evaluate(checklist, ["long-sitting", "stiff-ankles", "dvt-warning-signs"])
    assert worried.plan == ()
    assert worried.no_exercise_html == "<p><strong>Do not exercise that leg</strong> until it is checked.</p>"
    assert [f.id for f in worried.factors] == ["long-sitting", "stiff-ankles"]  # still listed


def test_each_plan_step_carries_the_cautions_for_the_ticked_answers(checklist: Checklist) -> None:
    steps = {s.exercise.id: s for s in evaluate(checklist, ["stiff-ankles"]).plan}
    assert [c.text_html for c in steps["ankle-pumps"].cautions] == [
        "<p><strong>Only if your nurse says so</strong>.</p>",  # always
        "<p><strong>Aging or stiff ankles:</strong> ask first.</p>",
    ]
    assert [c.text_html for c in steps["calf-raises"].cautions] == [
        "<p><strong>Stiff ankles:</strong> go gently.</p>"
    ]
    steps = {s.exercise.id: s for s in evaluate(checklist, ["long-sitting"]).plan}
    assert [c.risk_factors for c in steps["ankle-pumps"].cautions] == [()]  # only the one for everyone


def test_links_in_cautions_point_into_the_site(checklist: Checklist) -> None:
    step = evaluate(checklist, ["long-sitting"]).plan[0]
    assert step.cautions[0].text_html == (
        '<p><strong>Long sitting:</strong> stand up slowly. See <a href="exercises/ankle-pumps/">ankle '
        "pumps</a>.</p>"
    )


def test_care_level_action_is_html_without_citations(checklist: Checklist) -> None:
    action = checklist.care_levels[0].action_html
    assert action == "<p>Call <strong>your local emergency number</strong> now.</p>"


def test_warning_signs_are_the_red_flags_with_a_question(checklist: Checklist, ctx: SiteContext) -> None:
    assert [s.id for s in checklist.warning_signs] == ["dvt-warning-signs", "pe-warning-signs"]
    sign = checklist.warning_signs[0]
    assert sign.detail == "If yes: See a doctor today."
    assert sign.emergency_if_html == (
        "<p><strong>Call an ambulance now</strong> if you are also short of breath.</p>"
    )
    assert sign.url == ctx.url_of("symptom", "dvt-warning-signs")


def test_unknown_answers_are_an_error_that_says_what_to_do(checklist: Checklist) -> None:
    with pytest.raises(ValueError) as err:
        evaluate(checklist, ["long-sitting", "made-up", "also-made-up"])
    assert str(err.value) == (
        "answers name items that are not in the checklist: also-made-up, made-up; "
        "reload the page so it matches the current checklist"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=1), "checklist.json: 'version' should be 3, got 1; "
         "rebuild the site so the checklist and its code match"),
        (lambda d: d["risk_factors"][0].update(changeable="maybe"),
         "checklist.json risk_factors[0]: 'changeable' should be one of yes, partly, no; got 'maybe'"),
        (lambda d: d["risk_factors"][1].pop("question"),
         "checklist.json risk_factors[1]: missing key 'question'"),
        (lambda d: d["warning_signs"][0].update(url=3),
         "checklist.json warning_signs[0]: 'url' should be str, got int"),
        (lambda d: d["exercises"].pop("calf-raises"),
         "checklist.json: risk factor 'stiff-ankles' names exercise 'calf-raises', "
         "which is not in 'exercises'"),
        (lambda d: d["words"].pop("summary_one"),
         "checklist.json words: missing key 'summary_one'"),
        (lambda d: d["warning_signs"].append(dict(d["warning_signs"][0])),
         "checklist.json: item id 'dvt-warning-signs' appears twice"),
        (lambda d: d["warning_signs"][1].update(level="later"),
         "checklist.json: warning sign 'pe-warning-signs' has level 'later', which is not in 'care_levels' "
         "(emergency, urgent, soon)"),
        (lambda d: d["exercises"]["calf-raises"]["cautions"][0].update(risk_factors=["smoking"]),
         "checklist.json: a caution of exercise 'calf-raises' names risk factor 'smoking', which is not in "
         "'risk_factors'"),
        (lambda d: d["exercises"]["ankle-pumps"]["cautions"][0].update(always_in_plan="yes"),
         "checklist.json exercises.ankle-pumps.cautions[0]: 'always_in_plan' should be bool, got str"),
        (lambda d: d.update(care_levels=[]), "checklist.json: 'care_levels' should list at least one level"),
        (lambda d: d.pop("no_exercise_html"), "checklist.json: missing key 'no_exercise_html'"),
    ],
)
def test_a_wrong_checklist_json_fails_with_an_exact_message(
    data: dict[str, Any], change: Any, message: str
) -> None:
    change(data)
    with pytest.raises(ValueError) as err:
        Checklist.from_dict(data)
    assert str(err.value) == message


def test_rules_are_data_run_in_order_and_replaceable(checklist: Checklist) -> None:
    assert [name for name, _ in RULES] == [
        "check_answers", "collect_factors", "split_changeable",
        "collect_warning_signs", "choose_care_level", "plan_exercises",
    ]
    seen: list[str] = []

    def spy(state: Evaluation) -> None:
        seen.append(",".join(f.id for f in state.factors))

    rules = [RULES[1], ("spy", spy)]
    result = evaluate(checklist, ["aging"], rules=rules)
    assert seen == ["aging"] and result.plan == ()


def test_result_is_plain_json_for_the_worker(checklist: Checklist) -> None:
    result = evaluate(checklist, ["stiff-ankles", "pe-warning-signs"]).to_dict()
    assert json.loads(json.dumps(result)) == result
    assert result["care"]["level"] == "emergency" and result["care"]["style"] == "danger"
    assert result["plan"] == [] and result["no_exercise_html"]
    assert result["warning_signs"][0]["action_html"] == "<p>Call now.</p>"
    calm = evaluate(checklist, ["stiff-ankles"]).to_dict()
    assert calm["no_exercise_html"] is None
    assert calm["plan"][0]["cautions_html"] == [
        "<p><strong>Only if your nurse says so</strong>.</p>",
        "<p><strong>Aging or stiff ankles:</strong> ask first.</p>",
    ]
    assert result["factors"] == [
        {"id": "stiff-ankles", "name": "Stiff ankles", "changeable": "partly",
         "url": "risk-factors/stiff-ankles/"}
    ]


def test_the_build_writes_the_checklist_json_version_the_rules_read() -> None:
    from risk_checklist.checklist import SCHEMA_VERSION

    from generators.widgets.checklist import SCHEMA_VERSION as WRITTEN

    assert WRITTEN == SCHEMA_VERSION
