"""Flesch-Kincaid grade level, measured offline.

FK grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Syllables are counted with a rule-based English counter (vowel groups, silent final
"e", "-le", "-ed" and a short list of exceptions) so the suite needs no dictionary
download. On common prose it agrees with dictionary counts to within about a tenth
of a grade; the unit tests pin known words.

Input is plain text: strip Markdown first (see ``generators.content.markdown.plain_text``).
"""

from __future__ import annotations

import re
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
