"""One English term, one translation: content/<lang>/terms.yml pairs, held to every
translated field (generators/content/languages.py ``term_errors``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generators.content.languages import _pattern, term_errors
from generators.content.loader import load_content
from tests.generators.i18n.conftest import PROJECT, edit


@pytest.mark.parametrize(("term", "text"), [
    ("vena", "las venas profundas"),  # a plural
    ("hinchado", "una pierna hinchada"),  # agreement
    ("la OMS (Organización Mundial de la Salud)", "según la OMS, camine"),  # the short form alone
    ("la OMS (Organización Mundial de la Salud)", "la Organización Mundial de la Salud dice"),
    ("el NICE", "la guía del NICE"),  # the article may change
    ("coágulo de sangre", "un coágulo de sangre"),
])
def test_a_translated_term_is_found_in_its_usual_forms(term: str, text: str) -> None:
    assert _pattern(term, "es").search(text)


@pytest.mark.parametrize(("term", "text"), [
    ("vena", "una ventana"),  # not inside another word
    ("TVP", "tvp"),  # an abbreviation as written
])
def test_a_translated_term_is_not_found_in_other_words(term: str, text: str) -> None:
    assert not _pattern(term, "es").search(text)


def test_an_english_abbreviation_is_matched_only_in_capitals() -> None:
    who = _pattern("WHO", "en")
    assert who.search("The WHO says") and not who.search("people who walk")
    assert _pattern("vein", "en").search("leg veins")


def _pair(translated: Callable[..., Path], pairs: str) -> tuple[Path, list[dict[str, str]]]:
    content = translated()
    (content / "es" / "terms.yml").write_text(pairs, "utf-8")
    return content, yaml.safe_load(pairs)


def test_a_field_that_uses_another_word_for_a_term_is_reported(translated: Callable[..., Path]) -> None:
    content, pairs = _pair(translated, '- {en: "walking", es: "caminar"}\n')
    edit(content / "es" / "exercises" / "walking.yml", 'title: "Walking"', 'title: "Andar"')
    errors = term_errors(load_content(content, "en"), load_content(content, "es"), pairs)
    where = [(e.file, e.key) for e in errors]
    assert ("content/es/exercises/walking.yml", "title") in where
    assert str(next(e for e in errors if e.key == "title" and e.file.endswith("/walking.yml"))) == (
        "content/es/exercises/walking.yml: at 'title' expected 'caminar', the translation of 'walking' in "
        "content/es/terms.yml, got 'Andar'. Fix: use the term list's word (or add the form you need to "
        "terms.yml)")


def test_the_longer_of_two_overlapping_terms_is_the_one_used(translated: Callable[..., Path]) -> None:
    content, pairs = _pair(translated, '- {en: "calf", es: "pantorrilla"}\n'
                                       '- {en: "calf raises", es: "elevaciones de talones"}\n')
    path = content / "es" / "exercises" / "calf-raises.yml"
    text = path.read_text("utf-8")
    # Every "calf raises" becomes the list's words; every other "calf" becomes "pantorrilla".
    for old, new in (("Calf raises", "Elevaciones de talones"), ("calf raises", "elevaciones de talones"),
                     ("Calf", "Pantorrilla"), ("calf", "pantorrilla"), ("[Pantorrilla", "[Calf"),
                     ("pantorrilla-raises", "calf-raises")):
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    errors = term_errors(load_content(content, "en"), load_content(content, "es"), pairs)
    assert [e for e in errors if e.file.endswith("calf-raises.yml")] == []


def test_ids_links_and_review_fields_are_not_words(translated: Callable[..., Path]) -> None:
    content, pairs = _pair(translated, '- {en: "walking", es: "caminar"}\n')
    errors = term_errors(load_content(content, "en"), load_content(content, "es"), pairs)
    assert all(not e.key.startswith(("related", "id", "review", "demo.preset")) for e in errors)


def test_every_translation_of_the_project_uses_its_term_list() -> None:
    """The real content: each language with a terms.yml holds every translated field to it."""
    first = load_content(PROJECT / "content")
    for lang in list(first.languages)[1:]:
        terms = PROJECT / "content" / lang / "terms.yml"
        if not terms.is_file():
            continue
        pairs = yaml.safe_load(terms.read_text("utf-8"))
        errors = term_errors(first, load_content(PROJECT / "content", lang), pairs)
        assert [str(e) for e in errors] == []
