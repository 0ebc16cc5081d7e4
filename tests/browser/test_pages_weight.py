"""What an article costs a reader on a phone, in a real browser: it fetches only what its
first screen needs, and everything held back still works when the reader asks for it.

- The search index (about 75 KB compressed, more than the rest of an article) is fetched
  when the reader heads for the search box, not with every page
  (assets/javascripts/theme/md-globals.js); search then finds pages as before.
- Glossary terms show their meaning when the reader points at, taps or focuses them
  (assets/javascripts/tooltips.js), with nothing set up per term while the page opens
  (Material's content.tooltips did, for every titled element).
- A page whose only italics are its sources' journal titles fetches no italic font file,
  and those titles are still slanted (assets/stylesheets/site.css).
- The reader's saved colour scheme is applied from <head> (assets/javascripts/theme/
  md-globals.js, data-md-palette), before the first frame, rather than by a script in the middle of the
  header, which made the browser paint the header first and the text later.
- Pages do not load Material's palette.css (generators/theme/main.html drops its link):
  the part of it this site uses, the dark scheme, is in site.css, one request fewer before
  the first paint. Its named colours were dead weight (the site's colours are custom), and
  its ``[data-md-color-switching] *`` rule made every page restyle all its elements twice
  while starting. The rules kept must be Material's own, and the link dropped the one
  Material's base.html writes, or an upgrade would silently bring it back.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import material  # type: ignore[import-untyped]  # Material ships no type hints

from tests.browser.widget_pages import Recorded

ARTICLE = "topics/what-is-the-calf-muscle-pump/"
THEME = Path(__file__).resolve().parents[2] / "generators" / "theme"
MATERIAL = Path(material.__file__).parent / "templates"
#: A function (the page's policy allows no string evaluated as script): is the tooltip shown?
SHOWN = "() => !!document.getElementById('sh-tooltip')?.classList.contains('md-tooltip2--active')"


def _fetched(recorded: Recorded, part: str) -> list[str]:
    return [url for url in recorded.requests if part in url]


def test_an_article_fetches_the_search_index_only_when_the_reader_goes_to_search(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert _fetched(recorded, "search_index.json") == []
    page.keyboard.press("/")  # Material's shortcut: focus in the search box
    page.keyboard.type("calf raises")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert any("Calf raises" in t for t in page.locator(".md-search-result__item").all_inner_texts())
    assert len(_fetched(recorded, "search_index.json")) == 1
    assert recorded.errors == []


def test_a_tap_on_the_search_button_of_a_phone_starts_loading_the_index(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    with page.expect_request(lambda request: request.url.endswith("search/search_index.json")):
        page.locator('label.md-header__button[for="__search"]').click()
    page.keyboard.type("ankle")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)


def test_a_page_opened_from_a_search_result_highlights_the_words_searched_for(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ARTICLE + "?h=valves", wait_until="networkidle")
    page.wait_for_selector("mark[data-md-highlight]", timeout=30_000)


def test_sources_in_italics_fetch_no_italic_font_and_are_still_slanted(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    title = page.locator(".sh-sources i").first
    assert title.evaluate("element => getComputedStyle(element).fontStyle") == "italic"
    assert _fetched(recorded, "-italic.woff2") == []
    assert len(_fetched(recorded, "-400-normal.woff2")) == 1  # one file for both family names


def test_the_text_is_drawn_in_the_site_font_without_a_preload_holding_up_the_first_paint(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    assert page.locator("link[rel=preload][as=font]").count() == 0  # main.html says why
    loaded = "document.fonts.ready.then(() => document.fonts.check('1em \"Atkinson Hyperlegible\"'))"
    assert page.evaluate(loaded), "the regular weight arrived and is in use"
    assert "Atkinson Hyperlegible" in page.locator("article p").first.evaluate(
        "element => getComputedStyle(element).fontFamily")


def test_the_dark_scheme_still_applies_and_switches_back(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    seen = set()
    for _ in range(3):  # system -> light -> dark -> system, whatever the start
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        page.wait_for_timeout(300)
        seen.add(page.evaluate(background))
    assert light in seen and len(seen) == 2  # a light and a dark background
    assert recorded.errors == []


def test_a_saved_dark_scheme_is_there_in_the_first_frame_of_the_next_page(
        browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    try:
        page.add_init_script("""requestAnimationFrame(() => { window.__firstFrame =
            [document.body?.dataset.mdColorScheme, !!document.querySelector("article h1")]; });""")
        page.goto(site_url + ARTICLE, wait_until="load")
        assert page.evaluate("() => window.__firstFrame") == ["default", True]
        toggle = page.locator("label.md-header__button[for^='__palette']:visible").first
        while page.evaluate("() => document.body.dataset.mdColorScheme") != "slate":
            toggle.click()
        page.goto(site_url + "topics/how-veins-and-valves-work/", wait_until="load")
        assert page.evaluate("() => window.__firstFrame") == ["slate", True]
    finally:
        context.close()


def test_pages_load_materials_dark_scheme_from_site_css_and_not_its_palette_css(site_url: str) -> None:
    site = Path(os.environ.get("SECOND_HEART_SITE", Path(__file__).resolve().parents[2] / "site"))
    page = (site / ARTICLE / "index.html").read_text("utf-8")
    assert "palette." not in "".join(re.findall(r"<link[^>]*stylesheet[^>]*>", page))
    assert "data-md-palette" in page  # the saved palette is still applied (md-globals.js)...
    assert page.index("data-md-palette") < page.index("<body")  # ...from <head>
    link = r"assets/stylesheets/(palette\.[0-9a-f]+\.min\.css)"
    name = re.findall(link, (MATERIAL / "base.html").read_text())
    assert [name[0]] == re.findall(link, (THEME / "main.html").read_text())  # the link main.html drops
    theirs = (MATERIAL / "assets" / "stylesheets" / name[0]).read_text()
    site_css = (THEME.parent / "assets" / "stylesheets" / "site.css").read_text()
    kept = re.search(r"@media screen\{(\[data-md-color-scheme=slate\]\{.*?\})\}", site_css, re.S)
    assert kept, "site.css holds Material's dark scheme"
    rules = re.findall(r"[^{}]+\{[^{}]*\}", kept.group(1))
    assert rules and "".join(rules) == kept.group(1)
    for rule in rules:
        assert rule in theirs, rule  # Material's own rules, unchanged
    assert "data-md-color-switching" not in site_css


def _tooltip(page: Any) -> Any:
    return page.evaluate("""() => {
        const tip = document.getElementById("sh-tooltip");
        return tip && {shown: tip.classList.contains("md-tooltip2--active"), text: tip.textContent,
                       role: tip.getAttribute("role")};
    }""")


def test_a_glossary_term_shows_its_meaning_to_the_pointer_a_tap_and_the_keyboard(
        browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + ARTICLE, wait_until="networkidle")
        assert _tooltip(page) is None  # nothing drawn until a reader asks
        term = page.locator("article abbr").first
        meaning = term.get_attribute("title")
        assert meaning
        term.hover()
        page.wait_for_function(SHOWN)
        assert _tooltip(page) == {"shown": True, "text": meaning, "role": "tooltip"}
        assert term.get_attribute("aria-describedby") == "sh-tooltip"
        assert term.get_attribute("title") is None  # no second, native tooltip
        page.mouse.move(5, 700)
        page.wait_for_function(f"() => !({SHOWN})()")
        assert term.get_attribute("title") == meaning
        term.tap()
        assert _tooltip(page)["shown"] is True
        page.locator("h2").first.tap()
        assert _tooltip(page)["shown"] is False
        term.focus()  # each term is a stop for the keyboard
        assert _tooltip(page)["shown"] is True
        page.keyboard.press("Escape")
        assert _tooltip(page)["shown"] is False
    finally:
        context.close()


def test_a_tooltip_shows_its_definition_as_text_never_as_markup(browser: Any, site_url: str) -> None:
    """The build escapes each definition for Material, which showed titles as HTML
    (generators/content/markdown.py abbreviation); read the same way, it is text."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + ARTICLE, wait_until="networkidle")
        page.evaluate("""() => {
            const term = document.querySelector("article abbr");
            term.setAttribute("title", "&lt;b&gt;bold&lt;/b&gt; &amp;amp; <i>x</i>");
        }""")
        page.locator("article abbr").first.hover()
        page.wait_for_function(SHOWN)
        inner = page.locator("#sh-tooltip > .md-tooltip2__inner")
        assert inner.inner_text() == "<b>bold</b> &amp; x"
        assert inner.evaluate("element => element.children.length") == 0
    finally:
        context.close()
