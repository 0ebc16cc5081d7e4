"""Content pages in a real browser: nothing is fetched from another host, nothing errors,
a chart's table is one click away, search works offline, pages fit a 320 px screen."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.widget_pages import Recorded

PAGES = [
    "",
    "get-help-now/",
    "topics/when-the-pump-weakens/",
    "topics/who-benefits-most/",
    "risk-factors/long-travel/",
    "exercises/calf-raises/",
    "symptoms/dvt-warning-signs/",
    "references/",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_content_page_loads_everything_from_this_site_with_no_errors(
    recorded: Recorded, site_url: str, path: str
) -> None:
    recorded.page.goto(site_url + path, wait_until="networkidle")
    host = urlsplit(site_url).netloc
    outside = [u for u in recorded.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != host]
    assert outside == []
    assert recorded.errors == []
    fonts = recorded.page.evaluate("document.fonts.check('16px \"Atkinson Hyperlegible\"')")
    assert fonts is True


def test_a_charts_table_is_one_click_away(recorded: Recorded, site_url: str) -> None:
    """(How the chart itself loads is tests/browser/test_charts.py.)"""
    page = recorded.page
    page.goto(site_url + "topics/when-the-pump-weakens/", wait_until="networkidle")
    summary = page.locator(".sh-chart__table summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(".sh-chart__table table").first.is_visible()


def test_search_finds_pages_without_the_network(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("calf raises")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Calf raises" in t for t in titles)


def test_content_pages_fit_a_320_pixel_screen(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for path in ("", "risk-factors/long-travel/", "topics/how-veins-and-valves-work/", "references/"):
            page.goto(site_url + path, wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    finally:
        context.close()
