"""One site per language (generators/languages.py): where each is built, what its MkDocs
configuration says, and the theme's language switch and alternates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import material

from generators import languages
from generators.content.loader import load_content
from tests.generators.i18n.conftest import PROJECT, edit

THEME = PROJECT / "generators" / "theme"


def _contexts(translated: Callable[..., Path]) -> tuple[Any, Any]:
    content = translated()
    edit(content / "es" / "ui.yml", 'language_name: "English"', 'language_name: "Español"')
    edit(content / "es" / "ui.yml", 'copyright: "', 'copyright: "ES ')
    return load_content(content, "en"), load_content(content, "es")


def test_the_first_language_is_at_the_root_and_the_others_in_their_folders(
        translated: Callable[..., Path]) -> None:
    en, es = _contexts(translated)
    assert languages.folder_of(en, "en") == "" and languages.folder_of(en, "es") == "es/"
    assert languages.translations(en) == ["es"] and languages.translations(es) == []


def test_each_language_links_the_others_from_its_own_root(translated: Callable[..., Path]) -> None:
    en, es = _contexts(translated)
    site = en.settings.site_url
    assert languages.alternates(en) == [
        {"name": "English", "lang": "en", "link": "./", "url": site},
        {"name": "Español", "lang": "es", "link": "es/", "url": site + "es/"},
    ]
    assert [a["link"] for a in languages.alternates(es)] == ["../", "./"]


def _config() -> Any:
    return SimpleNamespace(
        theme={"language": "en", "palette": [{"toggle": {"name": "x"}}, {"toggle": {"name": "y"}},
                                             {"toggle": {"name": "z"}}]},
        plugins={}, site_url="", site_name="", site_description="", copyright="",
        mdx_configs={"toc": {"permalink_title": "x"}}, extra={})


def test_a_translation_builds_with_its_own_language_address_and_words(
        translated: Callable[..., Path]) -> None:
    _en, es = _contexts(translated)
    config = _config()
    languages.configure(config, es, switch=True)
    words = es.words("site")
    assert config.theme["language"] == "es"  # Material's words, <html lang>, and search's stemmer
    assert config.site_url == es.settings.site_url + "es/"  # its own sitemap
    assert config.copyright == words["copyright"] and config.copyright.startswith("ES ")
    assert [p["toggle"]["name"] for p in config.theme["palette"]] == [
        words["palette_to_light"], words["palette_to_dark"], words["palette_to_system"]]
    assert config.mdx_configs["toc"]["permalink_title"] == words["permalink_title"]
    assert [a["lang"] for a in config.extra["alternate"]] == ["en", "es"]
    assert config.extra["words"] == dict(words)


def test_a_build_of_one_language_alone_offers_no_switch(translated: Callable[..., Path]) -> None:
    en, _es = _contexts(translated)
    config = _config()
    config.extra["alternate"] = [{"lang": "old"}]
    languages.configure(config, en, switch=False)
    assert "alternate" not in config.extra


def _site_meta(template: str) -> str:
    block = re.search(r"{% block site_meta %}(.*?){% endblock %}", template, re.S)
    assert block, "no site_meta block"
    return block.group(1)


def _tags(text: str) -> list[str]:
    return [" ".join(tag.split()) for tag in re.findall(r"<(?:meta|link)\b[^>]*>", text)]


def test_the_head_is_materials_except_the_alternates_which_name_the_same_page() -> None:
    ours = _site_meta((THEME / "main.html").read_text("utf-8"))
    theirs = _site_meta((Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8"))
    materials_alternate = ('<link rel="alternate" href="{{ alt.link | url }}" '
                           'hreflang="{{ alt.lang | d(lang.t(\'language\')) }}">')
    assert [t for t in _tags(theirs) if t != materials_alternate] == [
        t for t in _tags(ours) if 'rel=" alternate"' not in t]
    ours_alternate = '<link rel=" alternate" hreflang="{{ alt.lang }}" href="{{ alt.url }}{{ page.url }}">'
    assert ours_alternate in _tags(ours)


def test_the_switch_links_the_same_page_in_each_language() -> None:
    switch = (THEME / "partials" / "alternate.html").read_text("utf-8")
    assert '"../" * here.count("/") ~ (alt.link if alt.link != "./" else "") ~ here' in switch
    assert 'lang="{{ alt.lang }}"' in switch and 'hreflang="{{ alt.lang }}"' in switch


def test_check_reports_the_reading_level_of_every_language(
        translated: Callable[..., Path], capsys: Any) -> None:
    from generators.cli import main

    content = translated()
    edit(content / "es" / "ui.yml", 'language_name: "English"', 'language_name: "Español"')
    assert main(["--project", str(content.parent), "check", "--grades"]) == 0
    out = capsys.readouterr().out
    assert ", in 2 languages." in out
    assert "Reading grade (Flesch-Kincaid): highest" in out
    # The "translation" here is the English text, so its Spanish scores are simply numbers.
    assert re.search(r"^es: INFLESZ score: lowest -?\d+\.\d, median -?\d+\.\d \(\d+ pages\)\.$", out, re.M)
    assert re.search(r"^es: Fernández-Huerta: lowest -?\d+\.\d, median -?\d+\.\d\.$", out, re.M)
    assert re.search(r"^ +-?\d+\.\d  es/exercises/calf-raises$", out, re.M)
