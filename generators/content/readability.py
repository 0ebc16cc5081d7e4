"""Reading level, measured offline: Flesch-Kincaid grade for English, INFLESZ
(Szigriszt-Pazos) and Fernández-Huerta for Spanish (below); ``MEASURES`` by language.

FK grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Syllables are counted with a rule-based English counter (vowel groups, silent final
"e", "-le", "-ed" and a short list of exceptions) so the suite needs no dictionary
download. On common prose it agrees with dictionary counts to within about a tenth
of a grade; the unit tests pin known words.

Input is plain text: strip Markdown first (see ``generators.content.markdown.plain_text``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+(?:['\N{RIGHT SINGLE QUOTATION MARK}][A-Za-z]+)*")
# A sentence ends at . ! ? : or ; followed by space/end, or at a line break that ends
# a list item or heading (plain text keeps one item per line).
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)|\n+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Words the rules get wrong. Lower case; value is the syllable count.
_EXCEPTIONS: dict[str, int] = {
    "every": 2, "everyone": 3, "everything": 3, "evening": 2, "different": 3,
    "business": 2, "area": 3, "idea": 3, "ideas": 3, "being": 2, "doing": 2,
    "going": 2, "seeing": 2, "create": 2, "created": 3, "people": 2, "table": 2,
    "tired": 2, "fire": 2, "hour": 1, "hours": 1, "our": 1, "ours": 1, "poem": 2,
    "quiet": 2, "science": 2, "diet": 2, "fluid": 2, "fluids": 2, "doctor": 2,
    "naive": 2, "some": 1, "one": 1, "once": 1, "done": 1, "gone": 1, "come": 1,
    "movement": 2, "movements": 2, "sometimes": 2, "something": 2,
    "somewhere": 2, "themselves": 2, "therefore": 2, "vein": 1, "veins": 1,
    "valve": 1, "valves": 1, "calf": 1, "calves": 1, "squeeze": 1, "squeezes": 2,
    "squeezed": 1, "stockings": 2, "stocking": 2, "varicose": 3, "edema": 3,
    "oedema": 3, "ulcer": 2, "ulcers": 2, "pulmonary": 4, "embolism": 4,
    "thrombosis": 3, "deep": 1, "lying": 2, "dying": 2, "trying": 2, "flying": 2,
    "toes": 1, "shoes": 1, "knees": 1, "cause": 1, "causes": 2, "because": 2,
    "real": 1, "really": 2, "usually": 4, "actually": 4, "pregnancy": 3,
    "pregnant": 2, "ankle": 2, "ankles": 2, "muscle": 2, "muscles": 2,
}


def count_syllables(word: str) -> int:
    """Syllables in one English word (at least 1)."""
    w = word.lower().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    w = w.split("'")[0] or w  # "don't" -> "don", "it's" -> "it"
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if len(w) <= 3:
        return 1
    if w.endswith("s") and w[:-1] in _EXCEPTIONS:
        return _EXCEPTIONS[w[:-1]]
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "make", "pressure"
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy" and count == 1:
        count += 1  # "ble", "ple" after a consonant: counted above already unless single
    if w.endswith("ed") and count > 1 and w[-3] not in "td":
        count -= 1  # "walked", "raised" (but "rested", "added" keep it)
    if w.endswith("es") and count > 1 and w[-3] not in "szcgx" and not w.endswith("ies"):
        count -= 1  # "makes", "takes" (but "boxes", "pieces" keep it)
    if re.search(r"[^aeiou]ia|io[^n]|ua|eo|iu|uo", w):
        count += len(re.findall(r"[^aeiou]ia|io[^n]|ua|eo|iu|uo", w))  # "media", "radio"
    return max(1, count)


@dataclass(frozen=True)
class ReadabilityScore:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level (0 for empty text)."""
        if self.words == 0:
            return 0.0
        return (
            0.39 * (self.words / self.sentences)
            + 11.8 * (self.syllables / self.words)
            - 15.59
        )


def score(text: str) -> ReadabilityScore:
    """Count words, sentences and syllables of plain text."""
    words = _WORD.findall(text)
    chunks = [c for c in _SENTENCE_END.split(text) if _WORD.search(c)]
    return ReadabilityScore(
        words=len(words),
        sentences=max(1, len(chunks)),
        syllables=sum(count_syllables(w) for w in words),
    )


def fk_grade(text: str) -> float:
    return score(text).grade


# --------------------------------------------------------------------------- Spanish
#
# Two offline measures, both Flesch's formula refitted for Spanish (higher is easier):
#
#   Fernández-Huerta (1959), as corrected by Law (2011):
#       206.84 - 60 * (syllables / words) - 1.02 * (words / sentences)
#   Szigriszt-Pazos (1993) perspicuity, read on Barrio-Cantalejo's INFLESZ scale (2008):
#       206.835 - 62.3 * (syllables / words) - (words / sentences)
#       < 40 muy difícil, 40-55 algo difícil, 55-65 normal, 65-80 bastante fácil, > 80 muy fácil
#
# Syllables come from ``syllabify_es``, a rule-based syllabifier (Spanish spelling is
# regular enough): a hyphenation dictionary is not one (pyphen's gives "trom-bo-si-s",
# and never splits a hiatus such as "dí-a").

_WORD_ES = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_STRONG = set("aeoáéíóú")  # an accented i or u is strong: it makes a hiatus ("dí-a")
_WEAK = set("iuüÿ")  # ÿ: a y that is a vowel ("hoy"), written back as y
_VOWELS = _STRONG | _WEAK
_ONSETS = {"pr", "br", "tr", "dr", "cr", "kr", "gr", "fr", "pl", "bl", "cl", "kl", "gl", "fl", "tl"}
_DIGRAPHS = ("ch", "ll", "rr")


def _letters(word: str) -> list[str]:
    """Spelling units: digraphs (ch, ll, rr, and the qu/gu before e or i, whose u is not
    heard) are one consonant; y is a vowel at the end of a word ("hoy", "muy") or alone."""
    w = word.lower()
    units: list[str] = []
    i = 0
    while i < len(w):
        pair = w[i:i + 2]
        if pair in _DIGRAPHS or (pair in ("qu", "gu") and w[i + 2:i + 3] in ("e", "i", "é", "í")):
            units.append(pair)
            i += 2
            continue
        units.append("ÿ" if w[i] == "y" and i == len(w) - 1 else w[i])
        i += 1
    return units


def _nuclei_split(run: list[str]) -> list[list[str]]:
    """A run of vowels as syllable nuclei: two strong vowels, or an accented í or ú beside
    another vowel, are a hiatus (two syllables); anything else is a diphthong or triphthong."""
    nuclei = [[run[0]]]
    for vowel in run[1:]:
        last = nuclei[-1][-1]
        hiatus = ((last in _STRONG and vowel in _STRONG) or last in "íú" or vowel in "íú"
                  or (last in _WEAK and vowel in _WEAK and last == vowel))
        if hiatus:
            nuclei.append([vowel])
        else:
            nuclei[-1].append(vowel)
    return nuclei


def syllabify_es(word: str) -> list[str]:
    """One Spanish word split into syllables: ``"trombosis"`` → ``["trom", "bo", "sis"]``.

    Between two nuclei one consonant starts the next syllable (ve-na), two are split unless
    they form an onset such as pr, bl, tr (san-gre... co-bre), three or four keep only the
    last onset or consonant with the next (ins-tan-te, obs-truir)."""
    units = _letters(word)
    if not any(u in _VOWELS for u in units):
        return [word] if word else []  # an abbreviation or a stray letter: one syllable
    # Runs of vowels and of consonants, in order.
    groups: list[tuple[bool, list[str]]] = []
    for unit in units:
        vowel = unit in _VOWELS
        if groups and groups[-1][0] == vowel:
            groups[-1][1].append(unit)
        else:
            groups.append((vowel, [unit]))
    syllables: list[str] = []
    onset: list[str] = []
    for index, (vowel, run) in enumerate(groups):
        if vowel:
            parts = _nuclei_split(run)
            for number, nucleus in enumerate(parts):
                syllables.append("".join((onset if number == 0 else []) + nucleus))
            onset = []
            continue
        if not syllables:  # consonants before the first vowel
            onset = run
            continue
        if index == len(groups) - 1:  # consonants after the last vowel
            syllables[-1] += "".join(run)
            continue
        keep = _coda_size(run)
        syllables[-1] += "".join(run[:keep])
        onset = run[keep:]
    # The same letters as written (capitals too): cut the word at the syllables' lengths.
    cuts, start = [], 0
    for syllable in syllables:
        cuts.append(word[start:start + len(syllable)])
        start += len(syllable)
    return cuts


def _coda_size(run: list[str]) -> int:
    """How many consonants between two vowels close the first syllable."""
    if len(run) == 1:
        return 0
    last_two = "".join(run[-2:])
    if len(run) == 2:
        return 0 if last_two in _ONSETS else 1
    return len(run) - (2 if last_two in _ONSETS else 1)


def count_syllables_es(word: str) -> int:
    return max(1, len(syllabify_es(word)))


@dataclass(frozen=True)
class SpanishScore:
    words: int
    sentences: int
    syllables: int

    @property
    def inflesz(self) -> float:
        """Szigriszt-Pazos perspicuity (read on the INFLESZ scale); 100 for empty text."""
        if self.words == 0:
            return 100.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences

    @property
    def fernandez_huerta(self) -> float:
        """Fernández-Huerta readability (Law's correction); 100 for empty text."""
        if self.words == 0:
            return 100.0
        return 206.84 - 60.0 * self.syllables / self.words - 1.02 * self.words / self.sentences


def score_es(text: str) -> SpanishScore:
    """Count words, sentences and syllables of plain Spanish text."""
    words = _WORD_ES.findall(text)
    chunks = [c for c in _SENTENCE_END.split(text) if _WORD_ES.search(c)]
    return SpanishScore(words=len(words), sentences=max(1, len(chunks)),
                        syllables=sum(count_syllables_es(w) for w in words))


def inflesz_band(score: float) -> str:
    """The INFLESZ scale's words for a score."""
    for limit, band in ((40, "muy difícil"), (55, "algo difícil"), (65, "normal"), (80, "bastante fácil")):
        if score < limit:
            return band
    return "muy fácil"


# --------------------------------------------------------------------------- by language


@dataclass(frozen=True)
class Measure:
    """How one language's reading level is measured, and the limits its pages must meet."""

    name: str  # as messages say it: "Flesch-Kincaid grade", "INFLESZ score"
    score: Callable[[str], float]
    page_limit: float
    step_limit: float
    higher_is_easier: bool

    def passes(self, value: float, limit: float) -> bool:
        return value >= limit if self.higher_is_easier else value <= limit

    def limit_words(self, limit: float) -> str:
        return f"{'an' if self.name[0] in 'AEIOU' else 'a'} {self.name} of {limit:g} or " + \
            ("higher" if self.higher_is_easier else "lower")


#: Each language's measure. English: grade 8 for a page, 6 for an exercise step (README).
#: Spanish: INFLESZ 65, the bottom of "bastante fácil", which Flesch's own table puts at
#: grade 8; a step, one short sentence, must be 5 points easier (70): two Flesch-Kincaid
#: grades are 2 / 0.39 = 5 words of sentence length, and INFLESZ takes one point a word.
#: A language with no measure here is not measured (``second-heart check --grades`` says so).
MEASURES: dict[str, Measure] = {
    "en": Measure("Flesch-Kincaid grade", fk_grade, 8.0, 6.0, higher_is_easier=False),
    "es": Measure("INFLESZ score", lambda text: score_es(text).inflesz, 65.0, 70.0, higher_is_easier=True),
}
