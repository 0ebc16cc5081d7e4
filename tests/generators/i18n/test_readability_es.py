"""The Spanish reading measure: the syllabifier on known words, and the two formulas.

No published worked example that states its counts (syllables, words, sentences) and its
score could be found for either formula (searched: legible.es, Law 2011 on the
Fernández-Huerta error, textstat's tests, whose figures come from pyphen's hyphenation and
so are not a syllable count). The scores below are computed by hand from the published
formulas, with the counts written out.
"""

from __future__ import annotations

import pytest

from generators.content.readability import (
    MEASURES,
    count_syllables_es,
    inflesz_band,
    score_es,
    syllabify_es,
)

# Syllable divisions as the Real Academia Española's rules give them (and a dictionary of
# syllabification, e.g. the DLE's, shows them).
KNOWN = {
    "trombosis": "trom-bo-sis",  # pyphen's Spanish hyphenation gives trom-bo-si-s
    "pantorrilla": "pan-to-rri-lla",  # rr and ll are one consonant
    "sangre": "san-gre",  # gr starts a syllable
    "instante": "ins-tan-te",  # three consonants: ns-t
    "obstruir": "obs-truir",  # four consonants: bs-tr; ui is a diphthong
    "día": "dí-a",  # an accented í makes a hiatus
    "aorta": "a-or-ta",  # two strong vowels: a hiatus
    "leer": "le-er",
    "aire": "ai-re",  # a diphthong
    "ciudad": "ciu-dad",  # two weak vowels: a diphthong
    "guerra": "gue-rra",  # gu before e: the u is not heard
    "queso": "que-so",
    "pingüino": "pin-güi-no",  # ü is heard
    "averiguáis": "a-ve-ri-guáis",  # a triphthong
    "hoy": "hoy",  # y at the end is a vowel
    "ayer": "a-yer",  # y before a vowel is a consonant
    "prohibir": "pro-hi-bir",
    "coágulo": "co-á-gu-lo",
    "insuficiencia": "in-su-fi-cien-cia",
    "várices": "vá-ri-ces",
    "ejercicio": "e-jer-ci-cio",
    "compresión": "com-pre-sión",
    "transporte": "trans-por-te",
    "embolia": "em-bo-lia",
    "tobillo": "to-bi-llo",
    "Caminar": "Ca-mi-nar",  # capitals are kept
}


@pytest.mark.parametrize(("word", "syllables"), KNOWN.items())
def test_the_syllabifier_splits_known_words_as_the_spelling_rules_do(word: str, syllables: str) -> None:
    assert "-".join(syllabify_es(word)) == syllables
    assert count_syllables_es(word) == syllables.count("-") + 1


def test_a_word_with_no_vowel_counts_as_one_syllable() -> None:
    assert count_syllables_es("mmHg") == 1


def test_inflesz_and_fernandez_huerta_match_the_formulas_counted_by_hand() -> None:
    # Ca-mi-ne(3) to-dos(2) los(1) dí-as(2). Mue-va(2) los(1) to-bi-llos(3) cuan-do(2)
    # es-té(2) sen-ta-do(3): 21 syllables, 10 words, 2 sentences.
    score = score_es("Camine todos los días. Mueva los tobillos cuando esté sentado.")
    assert (score.syllables, score.words, score.sentences) == (21, 10, 2)
    # INFLESZ = 206.835 - 62.3 * 21/10 - 10/2 = 206.835 - 130.83 - 5
    assert score.inflesz == pytest.approx(71.005)
    # Fernández-Huerta (Law's correction) = 206.84 - 60 * 21/10 - 1.02 * 10/2 = 206.84 - 126 - 5.1
    assert score.fernandez_huerta == pytest.approx(75.74)
    assert inflesz_band(score.inflesz) == "bastante fácil"


def test_longer_words_and_longer_sentences_both_lower_the_score() -> None:
    short = score_es("Su pie sube. Su pie baja.").inflesz
    long_words = score_es("Su tobillo asciende. Su tobillo desciende.").inflesz
    long_sentence = score_es("Su pie sube y su pie baja.").inflesz
    assert long_words < short and long_sentence < short


def test_a_hard_text_scores_as_hard_on_the_inflesz_scale() -> None:
    # In-su-fi-cien-cia(5) ve-no-sa(3) cró-ni-ca(3) con(1) hi-per-ten-sión(4) ve-no-sa(3)
    # am-bu-la-to-ria(5) per-sis-ten-te(4): 28 syllables, 8 words, 1 sentence.
    score = score_es("Insuficiencia venosa crónica con hipertensión venosa ambulatoria persistente.")
    assert (score.syllables, score.words) == (28, 8)
    assert score.inflesz == pytest.approx(206.835 - 62.3 * 28 / 8 - 8)
    assert inflesz_band(score.inflesz) == "muy difícil"


@pytest.mark.parametrize(("score", "band"), [(39.9, "muy difícil"), (40, "algo difícil"), (55, "normal"),
                                             (65, "bastante fácil"), (80, "muy fácil")])
def test_the_inflesz_bands_are_barrio_cantalejos(score: float, band: str) -> None:
    assert inflesz_band(score) == band


def test_spanish_pages_must_be_fairly_easy_and_steps_easier() -> None:
    measure = MEASURES["es"]
    assert measure.page_limit == 65 and measure.step_limit > measure.page_limit
    assert measure.passes(65.0, measure.page_limit) and not measure.passes(64.9, measure.page_limit)
    assert measure.limit_words(65) == "an INFLESZ score of 65 or higher"
    assert MEASURES["en"].limit_words(8) == "a Flesch-Kincaid grade of 8 or lower"
