"""A translation has the same pages, facts and structure as the first language
(generators/content/languages.py), and the site's languages are data."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from generators.build import EMBEDS
from generators.content.loader import load_content
from generators.errors import ContentErrors
from generators.pages.pages import Embeds, render_site
from tests.generators.i18n.conftest import PROJECT, edit


def problems(content: Path, lang: str = "es") -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(content, lang)
    return [str(error) for error in caught.value.errors]


def test_a_complete_translation_loads_and_names_every_language(translated: Callable[..., Path]) -> None:
    content = translated()
    edit(content / "es" / "ui.yml", 'language_name: "English"', 'language_name: "Español"')
    ctx = load_content(content, "es")
    assert ctx.lang == "es" and ctx.first_lang == "en"
    assert dict(ctx.languages) == {"en": "English", "es": "Español"}
    assert ctx.fallback == frozenset()


def test_a_missing_page_is_an_error_that_names_it(translated: Callable[..., Path]) -> None:
    content = translated()
    (content / "es" / "exercises" / "walking.yml").unlink()
    (content / "es" / "pages" / "about.md").unlink()
    found = problems(content)
    assert ("content/es/exercises/: expected every exercise of content/en/exercises/ translated, with the "
            "same ids, got 1 missing: walking. Fix: translate them (same file names), or mark the "
            "translation unfinished with 'partial: true' in content/es/site.yml") in found
    assert any(p.startswith("content/es/pages/: expected every page of content/en/pages/ translated") and
               "1 missing: about." in p for p in found)


def test_a_page_only_the_translation_has_is_an_error(translated: Callable[..., Path]) -> None:
    content = translated()
    (content / "es" / "exercises" / "walking.yml").rename(content / "es" / "exercises" / "hiking.yml")
    edit(content / "es" / "exercises" / "hiking.yml", "id: walking", "id: hiking")
    found = problems(content)
    assert ("content/es/exercises/: expected only ids that content/en/exercises/ has, got hiking. Fix: add "
            "them to content/en/ first, or correct the file names") in found


def test_a_partial_translation_shows_the_missing_pages_in_english_with_a_note(
        translated: Callable[..., Path]) -> None:
    content = translated()
    (content / "es" / "exercises" / "walking.yml").unlink()
    (content / "es" / "ui.yml").write_text("site:\n  language_name: \"Español\"\n", "utf-8")
    with (content / "es" / "site.yml").open("a", encoding="utf-8") as site:
        site.write("partial: true\n")
    ctx = load_content(content, "es")
    assert ctx.fallback == frozenset({"exercise:walking"})
    english = load_content(content, "en")
    assert ctx.exercises["walking"] == english.exercises["walking"]
    assert ctx.words("pages")["how_to_do_it"] == english.words("pages")["how_to_do_it"]  # words fall back too
    stage_2 = Embeds(charts=defaultdict(str), widgets=defaultdict(str),
                     page_embeds=dict.fromkeys(EMBEDS.page_embeds, ""))
    site = render_site(ctx, stage_2)
    walking = next(page for page in site.pages if page.path == "exercises/walking.md")
    note = ctx.words("site")["fallback_note"]
    assert f'!!! note ""\n    {note}' in walking.text
    assert note not in next(page for page in site.pages if page.path == "exercises/calf-raises.md").text


def test_a_claim_keeps_its_citations(translated: Callable[..., Path]) -> None:
    content = translated()
    path = content / "es" / "exercises" / "walking.yml"
    text = path.read_text("utf-8")
    first_refs = text.index("refs: [", text.index("evidence:"))
    end = text.index("]", first_refs)
    path.write_text(text[:first_refs] + "refs: [nhs-dvt" + text[end:], "utf-8")
    found = problems(content)
    assert any(p.startswith("content/es/exercises/walking.yml: at 'evidence[0].refs' expected the sources of "
                            "the original claim") for p in found), found


def test_an_exercise_keeps_its_steps_and_pictures(translated: Callable[..., Path]) -> None:
    content = translated()
    path = content / "es" / "exercises" / "walking.yml"
    edit(path, '  - "Add a few minutes each week."\n', "")
    edit(path, "picture: walking-shoes", "picture: walking-talk")
    found = problems(content)
    assert ("content/es/exercises/walking.yml: at 'steps' expected 6 steps, as in content/en/, got 5. Fix: "
            "translate each step on its own") in found
    assert any(p.startswith("content/es/exercises/walking.yml: at 'pictures' expected the pictures "
                            "walking-shoes, walking-talk") for p in found)


def test_the_care_card_keeps_its_levels_and_signs(translated: Callable[..., Path]) -> None:
    content = translated()
    path = content / "es" / "care.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("level: urgent", "level: soon", 1), "utf-8")
    found = problems(content)
    assert any(p.startswith("content/es/care.yml: at 'red_flags' expected the same signs at the same levels")
               for p in found), found


def test_ui_words_have_the_same_sections_and_keys(translated: Callable[..., Path]) -> None:
    content = translated()
    edit(content / "es" / "ui.yml", '  play: "Play"\n', "")
    edit(content / "es" / "ui.yml", "site:\n", "site:\n  shout: \"Hey\"\n")
    found = problems(content)
    assert ("content/es/ui.yml: expected every key of content/en/ui.yml, got 1 missing: vein_valve.play. "
            "Fix: translate them under the same section and key") in found
    assert ("content/es/ui.yml: expected only keys content/en/ui.yml has, got site.shout. Fix: add them to "
            "content/en/ui.yml first, or remove them") in found


def test_a_badly_written_ui_key_is_one_error_that_says_how_keys_are_written(
        translated: Callable[..., Path]) -> None:
    content = translated()
    edit(content / "en" / "ui.yml", "  language_name:", "  Language-Name:")
    found = problems(content)
    assert found == [
        "content/en/ui.yml:5: at 'site.Language-Name.[key]' expected a key of lowercase words joined by "
        "underscores (e.g. 'language_name'), got text ('Language-Name'). Fix: use only a-z, 0-9 and "
        "underscores, starting with a letter; every language's ui.yml has the keys content/en/ui.yml has"]


def test_a_third_language_is_a_folder_and_a_line_in_settings(translated: Callable[..., Path]) -> None:
    content = translated("es", "pt")
    edit(content / "pt" / "ui.yml", 'language_name: "English"', 'language_name: "Português"')
    ctx = load_content(content, "pt")
    assert list(ctx.languages) == ["en", "es", "pt"] and ctx.languages["pt"] == "Português"
    assert ctx.first_lang == "en"


def test_every_translated_language_of_the_project_matches_the_first() -> None:
    """The real content: whatever languages settings.yml lists load, each against English."""
    for lang in load_content(PROJECT / "content").languages:
        assert load_content(PROJECT / "content", lang).lang == lang


def test_every_languages_ui_words_have_exactly_the_english_keys() -> None:
    import yaml

    english = yaml.safe_load((PROJECT / "content" / "en" / "ui.yml").read_text("utf-8"))
    keys = {(section, key) for section, words in english.items() for key in words}
    for lang in load_content(PROJECT / "content").languages:
        words = yaml.safe_load((PROJECT / "content" / lang / "ui.yml").read_text("utf-8"))
        assert {(section, key) for section, entries in words.items() for key in entries} == keys, lang


def test_the_fixture_project_speaks_the_projects_interface_words() -> None:
    """tests/fixtures/mini builds with the same ui.yml; `python -m tests.generators.update_golden`
    copies it again after a change."""
    from tests.generators.golden import FIXTURE, PROJECT_UI

    assert (FIXTURE / "en" / "ui.yml").read_text("utf-8") == PROJECT_UI.read_text("utf-8")


#: How each language writes a decimal number: "2.8" in English, "2,8" in Spanish.
DECIMAL_MARK = {"en": ".", "es": ","}


def test_each_language_writes_decimals_its_own_way_everywhere() -> None:
    """"84 mmHg", "2,8 veces": a translation never keeps the English decimal point (nor an
    English thousands comma, "4,600") in a page's words."""
    from generators.content.crossrefs import strings
    from generators.content.markdown import plain_text

    first = load_content(PROJECT / "content")
    for lang in list(first.languages)[1:]:
        if DECIMAL_MARK.get(lang) != ",":
            continue
        ctx = load_content(PROJECT / "content", lang)
        wrong = [f"{ctx.source_of(kind, item.id)}: {match}"
                 for kind, item in ctx.all_pages() if not ctx.is_fallback(kind, item.id)
                 for path, text in strings(item) if "refs" not in path and "picture" not in path
                 for match in re.findall(r"\b\d+\.\d+\b|\b\d{1,3},\d{3}\b", plain_text(text))]
        assert wrong == [], lang
