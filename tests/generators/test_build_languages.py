"""A build reads content/ once for all its languages (generators/build.py ``load_languages``),
and each language gets exactly the context reading it alone gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.build import PROJECT, load_checked, load_languages
from generators.edition import Edition
from generators.languages import translations


@pytest.mark.parametrize("edition", [Edition(), Edition(clinic=Path("clinics/example.yml"))],
                         ids=["the generic site", "a clinic's site"])
def test_one_reading_gives_each_language_the_context_of_its_own_reading(edition: Edition) -> None:
    contexts = load_languages(PROJECT, edition)
    # The first language, then those built into its folders (a clinic may offer fewer).
    assert list(contexts) == ["en", *translations(load_checked(PROJECT, edition))]
    for lang, ctx in contexts.items():
        assert ctx == load_checked(PROJECT, Edition(lang, edition.clinic))


def test_the_generic_site_is_built_in_both_languages() -> None:
    assert list(load_languages(PROJECT)) == ["en", "es"]


def test_a_translation_built_alone_has_no_languages_built_into_it() -> None:
    assert list(load_languages(PROJECT, Edition("es"))) == ["es"]
