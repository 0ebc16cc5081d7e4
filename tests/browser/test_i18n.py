"""The Spanish site in Chromium: the language switch keeps the page, search stems Spanish,
and both widgets start and speak Spanish (words from content/es/ui.yml)."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.harness import rebase_sitemap
from tests.browser.conftest import _cannot_run, _site
from tests.browser.widget_pages import CHECKLIST, DEMO, Recorded, wait_for_state

ES = "es/"
PAGE = "topics/how-to-strengthen-it/"


@pytest.fixture(autouse=True)
def spanish_site() -> None:
    if not (_site() / ES / "index.html").is_file():
        _cannot_run(f"{_site()} has no Spanish site ({ES}): add es to languages in content/settings.yml")


def _spanish_sitemap(page: Any, site_url: str) -> None:
    """es/sitemap.xml lists the Spanish pages under site_url + es/: rebase it there."""
    def handle(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=rebase_sitemap(response.text(), site_url + ES))
    page.route("**/es/sitemap.xml", handle)


def _switch_to(page: Any, lang: str) -> None:
    page.locator(".md-header__option .md-select button").first.hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').first.click()


def test_the_switch_goes_to_the_same_page_in_the_other_language_and_back(
        recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    _spanish_sitemap(page, site_url)
    page.goto(site_url + PAGE)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    alternate = page.locator('link[hreflang="es"]').get_attribute("href")
    assert alternate is not None and alternate.endswith(ES + PAGE)
    _switch_to(page, "es")
    page.wait_for_url(f"**/{ES}{PAGE}")
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.locator("h1").inner_text() != ""
    _switch_to(page, "en")
    page.wait_for_url(site_url + PAGE)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert recorded.errors == []


@pytest.mark.parametrize("word", ["tobillo", "tobillos"])
def test_spanish_search_finds_a_page_by_a_word_and_its_plural(
        recorded: Recorded, site_url: str, word: str) -> None:
    page = recorded.page
    _spanish_sitemap(page, site_url)
    page.goto(site_url + ES)
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    links = page.locator(".md-search-result__item a").evaluate_all("(as) => as.map((a) => a.href)")
    assert any(f"/{ES}exercises/ankle-circles/" in href for href in links), links
    assert all(f"/{ES}" in href for href in links), "Spanish search lists only Spanish pages"


def test_the_demo_starts_and_speaks_spanish(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ES + DEMO)
    wait_for_state(page, "vein-valve", "ready")
    root = page.locator('[data-widget="vein-valve"]')
    play = root.locator('[data-action="play"]')
    words = {"Reproducir": "Pausa", "Pausa": "Reproducir"}  # the demo may already be playing
    before = play.inner_text()
    assert before in words
    play.click()
    assert play.inner_text() == words[before]
    if play.inner_text() == "Reproducir":
        play.click()  # playing again, so the live description speaks
    page.wait_for_function(
        "() => document.querySelector('[data-describe]').textContent.includes('presión en el tobillo')",
        timeout=30_000)
    assert "Actividad" in root.locator("form").inner_text()
    assert recorded.errors == []


def test_the_checklist_starts_and_answers_in_spanish(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + ES + CHECKLIST)
    wait_for_state(page, "risk-checklist", "ready")
    root = page.locator('[data-widget="risk-checklist"]')
    root.locator('input[value="long-sitting"]').check()
    page.wait_for_selector(".sh-checklist__summary")
    assert root.locator(".sh-checklist__result-title").inner_text() == "Su resumen"
    assert root.locator(".sh-checklist__summary").inner_text().startswith("Marcó 1 factor de riesgo")
    assert "Un plan corto para empezar" in root.locator(".sh-checklist__result").inner_text()
    assert recorded.errors == []


def test_the_spanish_pages_break_no_machine_checkable_wcag_rule(browser: Any, site_url: str) -> None:
    """The same axe-core rules as test_accessibility.py, on the Spanish pages whose words are
    longest (labels, readouts, the checklist's care cards)."""
    from tests.browser.test_accessibility import AXE, EXTRA_RULES, TAGS

    context = browser.new_context(reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    found = []
    try:
        for path, widget in ((ES, None), (ES + PAGE, None), (ES + DEMO, "vein-valve"),
                             (ES + CHECKLIST, "risk-checklist")):
            page.goto(site_url + path, wait_until="networkidle")
            if widget:
                wait_for_state(page, widget, "ready")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                """async ([tags, extra]) => (await axe.run(document, {
                       runOnly: {type: "tag", values: tags},
                       rules: Object.fromEntries(extra.map((rule) => [rule, {enabled: true}]))}))
                     .violations.map((v) => `${v.id}: ` +
                        v.nodes.slice(0, 3).map((n) => n.target.join(" ")))""",
                [TAGS, EXTRA_RULES])
            found += [f"{path}: {v}" for v in violations]
    finally:
        context.close()
    assert found == []
