"""The built site/: links and assets resolve, nothing comes from another host, pages carry
their metadata, and the words stay readable."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generators.content.readability import MEASURES
from tests.site.html_index import Page

BASE = "http://site.test/"
CONTENT_FOLDERS = ("topics/", "risk-factors/", "symptoms/", "exercises/")
#: A translation's pages sit in a folder named by its language code (site/es/...).
TRANSLATION = re.compile(r"^([a-z]{2})/")


def language_of(name: str) -> tuple[str, str]:
    """(language, the page's path inside that language's site): "es/topics/x/index.html" →
    ("es", "topics/x/index.html"); the first language's pages are at the root ("en")."""
    found = TRANSLATION.match(name)
    return (found.group(1), name[3:]) if found else ("en", name)


def target_file(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).removeprefix("/")
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def internal(page: Page, href: str) -> str | None:
    """The absolute URL of an internal link, or None for other hosts and non-page schemes."""
    if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    absolute = urljoin(BASE + page.url, href)
    return absolute if absolute.startswith(BASE) else None


def test_the_site_has_every_kind_of_page(pages: dict[str, Page]) -> None:
    for required in ("index.html", "get-help-now/index.html", "glossary/index.html",
                     "references/index.html", "demo/index.html", "checklist/index.html",
                     "topics/how-veins-and-valves-work/index.html", "exercises/index.html",
                     "risk-factors/index.html", "symptoms/index.html", "404.html"):
        assert required in pages, f"{required} was not built"


def test_search_works_offline_from_a_local_index(site_dir: Path) -> None:
    index = site_dir / "search" / "search_index.json"
    assert index.is_file() and b"calf" in index.read_bytes()


def test_every_internal_link_and_anchor_resolves(site_dir: Path, pages: dict[str, Page]) -> None:
    broken = []
    for name, page in pages.items():
        for href in page.links:
            url = internal(page, href)
            if url is None:
                continue
            file = target_file(site_dir, url)
            fragment = urlsplit(url).fragment
            if not file.is_file():
                broken.append(f"{name}: {href} -> no file {file.relative_to(site_dir)}")
            elif fragment and file.suffix == ".html":
                target = pages.get(file.relative_to(site_dir).as_posix())
                if target is not None and unquote(fragment) not in target.ids:
                    broken.append(f"{name}: {href} -> no id '{fragment}'")
    assert broken == []


def test_every_script_style_font_image_and_frame_is_served_by_the_site(
    site_dir: Path, pages: dict[str, Page]
) -> None:
    problems = []
    for name, page in pages.items():
        for tag, src in page.fetches:
            url = internal(page, src)
            if url is None:
                problems.append(f"{name}: <{tag}> loads {src} from another host")
            elif not target_file(site_dir, url).is_file():
                problems.append(f"{name}: <{tag}> loads {src}, which is not in the site")
    assert problems == []


def test_stylesheets_load_fonts_and_images_only_from_the_site(site_dir: Path) -> None:
    problems = []
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="replace")):
            if url.startswith(("data:", "#")):
                continue
            if re.match(r"^(https?:)?//", url):
                problems.append(f"{css.relative_to(site_dir)}: url({url}) is on another host")
            elif not (css.parent / urlsplit(url).path).resolve().is_file():
                problems.append(f"{css.relative_to(site_dir)}: url({url}) is missing")
        for _imported in re.findall(r"@import\s+(?:url\()?['\"]?(https?:)?//",
                                    css.read_text(errors="replace")):
            problems.append(f"{css.relative_to(site_dir)}: @import from another host")
    assert problems == []


def test_every_content_page_has_title_description_review_date_and_sources(pages: dict[str, Page]) -> None:
    checked = 0
    for full_name, page in pages.items():
        _lang, name = language_of(full_name)
        if not name.startswith(CONTENT_FOLDERS) or name.count("/") != 2:
            continue
        checked += 1
        assert page.title.strip(), f"{name} has no <title>"
        assert page.description, f"{name} has no meta description"
        medical = [d for d in page.jsonld if d.get("@type") == "MedicalWebPage"]
        assert len(medical) == 1, f"{name} has no MedicalWebPage JSON-LD"
        data = medical[0]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["lastReviewed"]), name
        assert data["reviewedBy"]["name"] and data["about"]["name"], name
        assert data["citation"], f"{name} cites no sources"
        assert "source-1" in page.ids, f"{name} has no Sources list"
    assert checked >= 30


def page_grades(pages: dict[str, Page], lang: str = "en") -> dict[str, float]:
    """Each page's reading level in its language's measure (grade for English, INFLESZ for Spanish)."""
    return {name: MEASURES[lang].score(page.prose) for name, page in pages.items()
            if language_of(name)[0] == lang and language_of(name)[1] != "404.html"}


def test_every_page_reads_at_its_languages_limit(pages: dict[str, Page]) -> None:
    """English: grade 8 or below. Spanish: INFLESZ 65 or above ("bastante fácil")."""
    built = {language_of(name)[0] for name in pages}
    assert "en" in built
    for lang in sorted(built):
        measure = MEASURES[lang]
        grades = page_grades(pages, lang)
        too_hard = {n: round(g, 1) for n, g in grades.items() if not measure.passes(g, measure.page_limit)}
        assert too_hard == {}, lang
        assert measure.passes(statistics.median(grades.values()), measure.page_limit), lang


def test_the_reading_measure_sees_the_words_of_the_page(pages: dict[str, Page]) -> None:
    page = pages["get-help-now/index.html"]
    assert "Get help now" in page.prose
    assert "doi.org" not in page.prose and "Last reviewed" not in page.prose


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_offers_light_and_dark(site_dir: Path, scheme: str) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert {"light": 'data-md-color-scheme="default"', "dark": '"slate"'}[scheme] in html
