"""The built site in each language: the Spanish pages say nothing in the interface's
English, every language has its own sitemap and search index, and each page names the
same page in the other languages."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.site.conftest import PROJECT
from tests.site.html_index import VOID, Page

#: The content the site was built from ($SECOND_HEART_CONTENT for a site built from another project).
CONTENT = Path(os.environ.get("SECOND_HEART_CONTENT", PROJECT / "content"))
#: Attributes whose values a reader hears or sees.
SPOKEN = {"aria-label", "title", "alt", "placeholder", "aria-valuetext", "data-clipboard-text"}


class _Shown(HTMLParser):
    """What a page shows or says, in its own language: text, spoken attributes, the words
    written into widgets (``data-words``, the drawing's ``words``). Left out: text
    marked as another language (the switch's "English"), the cited papers' own titles
    (mostly English) and any <cite>d title, scripts, styles and the JSON-LD."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, shown)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        shown = (not self.stack or self.stack[-1][1]) and a.get("lang", self.lang) == self.lang
        shown = shown and tag not in ("style", "script", "cite") and a.get("class", "") not in (
            "sh-sources", "sh-references")  # <cite>: the title of a work, in its own language
        if shown:
            self.parts += [a[name] for name in SPOKEN if name in a]
            if tag == "meta" and a.get("name") == "description":
                self.parts.append(a.get("content", ""))
            if "data-words" in a:
                self.parts += _strings(json.loads(a["data-words"]))
            if "data-geometry" in a:
                self.parts += _strings(json.loads(a["data-geometry"]).get("words", {}))
        if tag not in VOID:
            self.stack.append((tag, shown))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1][1]:
            self.parts.append(data)


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def shown_text(page: str, lang: str) -> str:
    parser = _Shown(lang)
    parser.feed(page)
    return "\n".join(parser.parts)


#: Pages of a translation still partly in English, and why. The model-comparison page's
#: tables are made from content/data/model-validation.yml and generators/charts/validation.py
#: and model_table.py, which have no translation yet (shared data files hold English text).
KNOWN_ENGLISH: set[str] = set()


def _words(lang: str) -> dict[tuple[str, str], str]:
    data = yaml.safe_load((CONTENT / lang / "ui.yml").read_text("utf-8"))
    return {(section, key): str(value) for section, entries in data.items() for key, value in entries.items()}


def _translations(site_dir: Path) -> list[str]:
    return sorted(p.name for p in site_dir.iterdir() if re.fullmatch(r"[a-z]{2}", p.name)
                  and (p / "index.html").is_file())


@pytest.fixture(scope="module")
def translations(site_dir: Path) -> list[str]:
    found = _translations(site_dir)
    if not found:
        pytest.skip("this site is built in one language only (content/settings.yml languages)")
    return found


def test_no_english_interface_words_reach_a_translated_page(site_dir: Path, translations: list[str]) -> None:
    english = _words("en")
    leaks = []
    for lang in translations:
        own = _words(lang)
        # Words the translation writes the same way (mmHg, NHS 111) are not a leak; each
        # placeholder-free stretch of a longer phrase is looked for on its own.
        phrases = {part.strip() for key, text in english.items() if own.get(key) != text
                   for part in re.split(r"\{[a-z_]+\}", text) if len(part.strip()) >= 4}
        phrases -= {part.strip() for text in own.values() for part in re.split(r"\{[a-z_]+\}", text)}
        for path in sorted((site_dir / lang).rglob("*.html")):
            text = re.sub(r"\{[a-z_]+\}", " ", shown_text(path.read_text("utf-8"), lang))  # {placeholders}
            found = [phrase for phrase in sorted(phrases)
                     if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)]
            name = path.relative_to(site_dir / lang).as_posix()
            if name in KNOWN_ENGLISH:
                assert found, f"{lang}/{name} is translated now: take it out of KNOWN_ENGLISH"
                continue
            leaks += [f"{lang}/{name}: {phrase!r}" for phrase in found]
    assert leaks == []


def test_each_language_has_its_own_sitemap_and_search_with_its_stemmer(
        site_dir: Path, translations: list[str]) -> None:
    for lang, folder in [("en", site_dir)] + [(lang, site_dir / lang) for lang in translations]:
        sitemap = (folder / "sitemap.xml").read_text("utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locations and all(("/es/" in loc) == (lang == "es") for loc in locations), lang
        index = json.loads((folder / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]


def test_every_page_names_its_language_and_the_same_page_in_the_others(
        pages: dict[str, Page], site_dir: Path, translations: list[str]) -> None:
    checked = 0
    for lang in translations:
        for name in pages:
            if not name.startswith(f"{lang}/") or not name.endswith("index.html") or "/embed/" in name:
                continue  # embed views (generators/embeds) are for other sites' frames, not for search
            rest = name.removeprefix(f"{lang}/")
            assert rest in pages, f"{name} has no page in the first language"
            own = (site_dir / name).read_text("utf-8")
            first = (site_dir / rest).read_text("utf-8")
            assert f'<html lang="{lang}"' in own and '<html lang="en"' in first
            url = rest.removesuffix("index.html")
            link = '<link rel=" alternate" hreflang="{}" href="[^"]*/{}">'
            assert re.search(link.format("en", re.escape(url)), own), name
            assert re.search(link.format(lang, f"{lang}/{re.escape(url)}"), first), rest
            checked += 1
    assert checked >= 40
