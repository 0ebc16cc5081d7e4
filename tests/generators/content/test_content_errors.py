"""Bad content gives one exact, located message per problem, all of them at once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generators.content.loader import load_content
from generators.errors import ContentErrors
from tests.generators.golden import FIXTURE


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    return [str(e) for e in caught.value.errors]


def test_the_fixture_content_is_valid(content: Path) -> None:
    ctx = load_content(content)
    assert set(ctx.exercises) == {"ankle-pumps"}


#: The fixture exercise's cautions, as written in tests/fixtures/mini.
TAKE_CARE = """take_care:
  - text: If one leg is swollen and sore, see a doctor first [@nice-ng158].
  - text: "**Long sitting:** stand up slowly before you start."
    risk_factors: [long-sitting]
"""

CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "malformed yaml": (
        lambda c: edit(c / "en/site.yml", "name: Second Heart", "name: [Second Heart"),
        "content/en/site.yml:2: expected valid YAML, got a syntax error (expected ',' or ']', but got ':'). "
        "Fix: check the indentation and quoting on this line and the one before; text containing ': ' "
        "or starting with a quote must be quoted as a whole",
    ),
    "missing field": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "kind: exercise\n", ""),
        "content/en/exercises/ankle-pumps.yml:1: at 'kind' expected a value for the required key 'kind', "
        "got nothing. Fix: add 'kind:' (see Exercise in generators/content/schema.py)",
    ),
    "wrong type": (
        lambda c: edit(c / "en/topics/calf-pump.yml", "order: 1", "order: first"),
        "content/en/topics/calf-pump.yml:4: at 'order' expected a whole number, got text ('first'). "
        "Fix: write a number without quotes",
    ),
    "wrong value": (
        lambda c: edit(c / "en/risk-factors/long-sitting.yml", 'changeable: "yes"', "changeable: maybe"),
        "content/en/risk-factors/long-sitting.yml:14: at 'changeable' expected one of 'yes', 'partly' or "
        "'no', got text ('maybe'). Fix: use one of the listed values exactly",
    ),
    "unknown key": (
        lambda c: edit(c / "en/topics/calf-pump.yml", "order: 1", "order: 1\nsumary: typo"),
        "content/en/topics/calf-pump.yml:5: at 'sumary' expected one of the known keys, got the unknown "
        "key 'sumary'. Fix: remove it or correct its spelling; known keys here are: id, title, description, "
        "review, related, order, key_points, sections, charts, widgets, figures",
    ),
    "unknown key in a nested mapping": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "  amount: 10 times",
                       "  amount: 10 times\n  sets: 2"),
        "content/en/exercises/ankle-pumps.yml:21: at 'dose.sets' expected one of the known keys, got the "
        "unknown key 'sets'. Fix: remove it or correct its spelling; known keys here are: amount, how_often",
    ),
    "duplicate id": (
        lambda c: (c / "en/glossary.yml").write_text(
            (c / "en/glossary.yml").read_text() + "- id: vein\n  term: veins\n  definition: Again.\n"),
        "content/en/glossary.yml:8: at '[2].id' expected an id used only once in this file, got 'vein' "
        "again (first used on line 1). Fix: give one of the two entries a different id, or merge them",
    ),
    "id that does not match the file name": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "id: ankle-pumps", "id: ankle-pump"),
        "content/en/exercises/ankle-pumps.yml:1: at 'id' expected 'ankle-pumps' (the file name without "
        ".yml), got 'ankle-pump'. Fix: make the id and the file name the same; ids never change once "
        "published",
    ),
    "broken cross-reference": (
        lambda c: edit(c / "en/topics/calf-pump.yml", "exercises: [ankle-pumps]", "exercises: [calf-raises]"),
        "content/en/topics/calf-pump.yml:12: at 'related.exercises[0]' expected the id of one of the "
        "exercises in content/en/exercises/, got 'calf-raises', which does not exist. Fix: correct the id "
        "or add content/en/exercises/calf-raises.yml",
    ),
    "broken inline link": (
        lambda c: edit(c / "en/risk-factors/long-sitting.yml", "(exercise:ankle-pumps)",
                       "(exercise:ankle-pump)"),
        "content/en/risk-factors/long-sitting.yml:16: at 'what_helps' expected the id of an exercise in "
        "content/en/, got a link to 'exercise:ankle-pump', which does not exist. Fix: correct the id or "
        "add content/en/exercises/ankle-pump.yml",
    ),
    "unknown reference id in the text": (
        lambda c: edit(c / "en/symptoms/sudden-breathlessness.yml", "all of a sudden [@nice-ng158]",
                       "all of a sudden [@nice-2020]"),
        "content/en/symptoms/sudden-breathlessness.yml:13: at 'what_you_notice' expected the id of an entry "
        "in content/references.yml, got 'nice-2020', which is not there. Fix: add the source to "
        "content/references.yml or correct the id",
    ),
    "unknown reference id in a refs list": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "    refs: [stick-1992]",
                       "    refs: [stick-1993]"),
        "content/en/exercises/ankle-pumps.yml:30: at 'evidence[0].refs[0]' expected the id of an entry in "
        "content/references.yml, got 'stick-1993', which is not there. Fix: add the source to "
        "content/references.yml or correct the id",
    ),
    "reference with no way to find it": (
        lambda c: edit(c / "references.yml", "  url: https://www.nice.org.uk/guidance/ng158\n", ""),
        "content/references.yml:11: at '[1]' expected a doi, pmid or url (or journal, volume and pages) so "
        "that readers can find the source, got none of them. Fix: add the missing key(s)",
    ),
    "bad date": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "last_reviewed: 2026-11-21",
                       "last_reviewed: soon"),
        "content/en/exercises/ankle-pumps.yml:5: at 'review.last_reviewed' expected a date (YYYY-MM-DD), "
        "got text ('soon'). Fix: write the date as YYYY-MM-DD without quotes",
    ),
    "bad doi": (
        lambda c: edit(c / "references.yml", "doi: 10.1152/", "doi: https://doi.org/10.1152/"),
        "content/references.yml:9: at '[0].doi' expected a DOI such as 10.1152/jappl.1992.72.6.2063, "
        "got text ('https://doi.org/10.1152/jappl.1992.72...'). Fix: write the DOI "
        "without a prefix, e.g. 10.1152/jappl.1992.72.6.2063",
    ),
    # ------------------------------------------------ the safety net (care.yml) and cautions
    "unknown care level on a symptom": (
        lambda c: edit(c / "en/symptoms/sudden-breathlessness.yml", "care_level: emergency",
                       "care_level: asap"),
        "content/en/symptoms/sudden-breathlessness.yml:12: at 'care_level' expected one of the care "
        "levels in "
        "content/en/care.yml (emergency, urgent, soon), got 'asap'. Fix: use one of the listed level ids, or "
        "add the level to care.yml",
    ),
    "unknown care level on a red flag": (
        lambda c: edit(c / "en/care.yml", "    level: urgent", "    level: today"),
        "content/en/care.yml:28: at 'red_flags[1].level' expected one of the care levels in "
        "content/en/care.yml "
        "(emergency, urgent, soon), got 'today'. Fix: use one of the listed level ids, or add the level to "
        "care.yml",
    ),
    "care level without a known look": (
        lambda c: edit(c / "en/care.yml", "admonition: note", "admonition: blue"),
        "content/en/care.yml:12: at 'levels[2].admonition' expected one of 'danger', 'warning' or 'note', "
        "got text ('blue'). Fix: use one of the listed values exactly",
    ),
    "red flag shown on a page that does not exist": (
        lambda c: edit(c / "en/care.yml", "exercises: [ankle-pumps]", "exercises: [ankle-pump]"),
        "content/en/care.yml:36: at 'red_flags[1].shown_on.exercises[0]' expected the id of one of the "
        "exercises in content/en/exercises/, got 'ankle-pump', which does not exist. Fix: correct the id or "
        "add content/en/exercises/ankle-pump.yml",
    ),
    "red flag with no source": (
        lambda c: edit(c / "en/care.yml", "    refs: [nice-ng158]\n    question: Is one",
                       "    question: Is one"),
        "content/en/care.yml:26: at 'red_flags[1].refs' expected a value for the required key 'refs', got "
        "nothing. Fix: add 'refs:' (see CareCard in generators/content/schema.py)",
    ),
    "red flag citing an unknown source": (
        lambda c: edit(c / "en/care.yml", "    refs: [nice-ng158]\n    question: Is one",
                       "    refs: [nice-2020]\n    question: Is one"),
        "content/en/care.yml:32: at 'red_flags[1].refs[0]' expected the id of an entry in "
        "content/references.yml, got 'nice-2020', which is not there. Fix: add the source to "
        "content/references.yml or correct the id",
    ),
    "red flag at another level than its page": (
        lambda c: edit(c / "en/care.yml", "    level: emergency\n    page", "    level: urgent\n    page"),
        "content/en/care.yml:18: at 'red_flags[0].level' expected 'emergency', the care_level of its page "
        "content/en/symptoms/sudden-breathlessness.yml, got 'urgent'. Fix: make the two levels the same",
    ),
    "red flag whose page is an ordinary symptom": (
        lambda c: edit(c / "en/symptoms/sudden-breathlessness.yml", "kind: warning-sign", "kind: symptom"),
        "content/en/care.yml:19: at 'red_flags[0].page' expected the id of a warning sign (a symptom with "
        "'kind: warning-sign'), got 'sudden-breathlessness', an ordinary symptom. Fix: list it under "
        "'shown_on.symptoms' instead",
    ),
    "emergency_if on the most urgent level": (
        lambda c: edit(c / "en/care.yml", "    action: Do not drive yourself.\n",
                       "    action: Do not drive yourself.\n    emergency_if: you feel worse\n"),
        "content/en/care.yml:22: at 'red_flags[0].emergency_if' expected 'emergency_if' only on a red flag "
        "less urgent than 'emergency', got it on a red flag at level 'emergency'. Fix: remove 'emergency_if'",
    ),
    "duplicate red flag id": (
        lambda c: edit(c / "en/care.yml", "  - id: calf-pain-walking", "  - id: swollen-leg"),
        "content/en/care.yml:37: at 'red_flags[2].id' expected a red flag id used only once in this "
        "file, got "
        "'swollen-leg' again. Fix: give one of the two red flags a different id, or merge them",
    ),
    "warning sign that explains no red flag": (
        lambda c: edit(c / "en/care.yml", "    page: sudden-breathlessness\n", ""),
        "content/en/symptoms/sudden-breathlessness.yml:11: at 'kind' expected one red flag in "
        "content/en/care.yml "
        "with 'page: sudden-breathlessness' (a warning sign explains one red flag), got none. Fix: add "
        "'page: sudden-breathlessness' to the red flag this page explains, or make it 'kind: symptom'",
    ),
    "warning sign with a checklist question of its own": (
        lambda c: edit(c / "en/symptoms/sudden-breathlessness.yml", "evidence:",
                       "checklist:\n  question: Are you short of breath?\nevidence:"),
        "content/en/symptoms/sudden-breathlessness.yml:16: at 'checklist' expected no checklist "
        "question on a "
        "warning sign (the checklist asks the 'question' of its red flag in content/en/care.yml), got a "
        "question. Fix: move it to 'question:' of the red flag with 'page: sudden-breathlessness'",
    ),
    "risk-factor page that no red flag names": (
        lambda c: (c / "en/care.yml").write_text(
            (c / "en/care.yml").read_text().replace("risk_factors: [long-sitting]", "risk_factors: []")),
        "content/en/risk-factors/long-sitting.yml:1: at 'id' expected at least one red flag in "
        "content/en/care.yml that lists 'long-sitting' under shown_on.risk_factors, so that the page "
        "says when "
        "to get help, got none. Fix: add 'long-sitting' to shown_on.risk_factors of the red flags a "
        "reader of "
        "this page should know",
    ),
    "take_care written as text, not a list of cautions": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", TAKE_CARE, "take_care: Be careful.\n"),
        "content/en/exercises/ankle-pumps.yml:23: at 'take_care' expected a list, got text ('Be careful.'). "
        "Fix: start each item on its own line with '- '",
    ),
    "caution for a risk factor that does not exist": (
        lambda c: edit(c / "en/exercises/ankle-pumps.yml", "    risk_factors: [long-sitting]",
                       "    risk_factors: [long-sittng]"),
        "content/en/exercises/ankle-pumps.yml:26: at 'take_care[1].risk_factors[0]' expected the id "
        "of one of "
        "the risk-factors in content/en/risk-factors/, got 'long-sittng', which does not exist. Fix: correct "
        "the id or remove it",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_bad_content_gives_its_exact_message(content: Path, case: str) -> None:
    break_it, message = CASES[case]
    break_it(content)
    assert problems(content) == [message]


def test_every_problem_is_reported_in_one_run_not_only_the_first(content: Path) -> None:
    for name in ("wrong type", "unknown key in a nested mapping", "unknown reference id in the text"):
        CASES[name][0](content)
    found = problems(content)
    assert len(found) == 3
    assert [m.split(":")[0] for m in found] == [
        "content/en/exercises/ankle-pumps.yml",
        "content/en/symptoms/sudden-breathlessness.yml",
        "content/en/topics/calf-pump.yml",
    ]


def test_a_missing_folder_is_named_with_how_to_fix_it(content: Path) -> None:
    shutil.rmtree(content / "en/exercises")
    found = problems(content)
    assert ("content/en/exercises: expected a folder of YAML files, got no folder. "
            "Fix: create content/en/exercises/ with one .yml file per item") in found


def test_a_repeated_care_level_is_named_and_the_signs_it_leaves_without_a_level_too(content: Path) -> None:
    edit(content / "en/care.yml", "  - id: soon", "  - id: urgent")
    assert problems(content) == [
        "content/en/care.yml:10: at 'levels[2].id' expected a level id used only once in this file, got "
        "'urgent' again. Fix: give each level its own id",
        "content/en/care.yml:39: at 'red_flags[2].level' expected one of the care levels in "
        "content/en/care.yml "
        "(emergency, urgent, urgent), got 'soon'. Fix: use one of the listed level ids, or add the level to "
        "care.yml",
    ]


def test_an_exercise_step_without_its_picture_is_a_located_error(content: Path) -> None:
    last = "  - picture: ankle-pumps-point\n    alt: The toes point away, down toward the end of the bed.\n"
    edit(content / "en/exercises/ankle-pumps.yml", last, "")
    assert problems(content) == [
        "content/en/exercises/ankle-pumps.yml:31: at 'pictures' expected one picture for each of the 3 "
        "steps, in order, got 2. Fix: add a '- picture: ... alt: ...' entry for each step"]


def test_a_picture_the_build_cannot_draw_is_a_located_error(content: Path) -> None:
    from generators.build import EMBEDS

    edit(content / "en/exercises/ankle-pumps.yml", "picture: ankle-pumps-flex", "picture: ankle-pumps-flx")
    with pytest.raises(ContentErrors) as caught:
        load_content(content, embeds=EMBEDS)
    assert [str(e) for e in caught.value.errors] == [
        "content/en/exercises/ankle-pumps.yml:34: at 'pictures[1].picture' expected the id of a picture the "
        "build draws (generators/pictures), got 'ankle-pumps-flx'. Fix: use one of the ids in "
        "generators/pictures/poses.py or diagrams.py"]
