"""The reading-grade measure counts like a person would."""

from __future__ import annotations

import pytest

from generators.content.readability import count_syllables, fk_grade


@pytest.mark.parametrize(("word", "syllables"), [
    ("walk", 1), ("walking", 2), ("pressure", 2), ("gravity", 3), ("circulation", 4), ("valve", 1),
    ("ankle", 2), ("muscle", 2), ("compression", 3), ("insufficiency", 5), ("raised", 1), ("rested", 2),
    ("serious", 3), ("heavy", 2), ("people", 2), ("exercise", 3),
])
def test_syllables_are_counted_like_a_dictionary_would(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_short_plain_sentences_score_low_and_dense_prose_scores_high() -> None:
    plain = "Stand up. Rise onto your toes. Hold for a second. Lower slowly."
    dense = ("Intermittent pneumatic compression substantially accelerates femoral venous "
             "velocity, consequently diminishing postoperative thromboembolic complications.")
    assert fk_grade(plain) < 3
    assert fk_grade(dense) > 16
