"""Charts in a real browser: the first paint is the build-time picture, plotly.js is fetched
only when the reader asks to explore the chart, and the explorable chart takes the
picture's place without moving anything on the page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.widget_pages import Recorded

CHART_PAGE = "topics/when-the-pump-weakens/"
CHART = "#chart-apg-chart"


def _chart_files(requests: list[str]) -> list[str]:
    return [u for u in requests if "plotly" in u or "/assets/charts/" in u or "charts-explore.js" in u]


def _box(page: Any, selector: str) -> dict[str, float]:
    return dict(page.eval_on_selector(selector, "el => el.getBoundingClientRect().toJSON()"))


def test_a_chart_page_shows_the_picture_and_fetches_no_chart_code_until_the_reader_asks(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.goto(site_url + CHART_PAGE, wait_until="networkidle")
    page.locator(f"{CHART} .sh-chart__svg").first.wait_for(state="attached")
    shown = page.locator(f"{CHART} .sh-chart__svg:visible")
    assert shown.count() == 1
    assert shown.first.bounding_box()["height"] > 200
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    assert _chart_files(recorded.requests) == []
    assert recorded.errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_exploring_the_chart_swaps_in_plotly_in_place_without_moving_the_page(
    recorded: Recorded, site_url: str, width: int
) -> None:
    page = recorded.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + CHART_PAGE, wait_until="networkidle")
    button = page.locator(f"{CHART} .sh-chart__explore")
    button.scroll_into_view_if_needed()
    plot_before = _box(page, f"{CHART} .sh-chart__plot")
    summary_before = _box(page, f"{CHART} .sh-chart__summary")
    button.focus()
    page.keyboard.press("Enter")  # a keyboard reader can ask too
    page.wait_for_selector(f"{CHART} .sh-chart__plot.is-drawn .sh-chart__live .main-svg", timeout=60_000)
    assert any(u.endswith("assets/vendor/plotly-basic.min.js") for u in recorded.requests)
    assert page.locator(f"{CHART} .sh-chart__svg").count() == 0  # the picture made way
    plot_after = _box(page, f"{CHART} .sh-chart__plot")
    summary_after = _box(page, f"{CHART} .sh-chart__summary")
    assert plot_after["height"] == pytest.approx(plot_before["height"], abs=1)
    assert summary_after["top"] == pytest.approx(summary_before["top"], abs=1)
    # The explorable chart draws the same lines as the picture, in the same space.
    lines = page.locator(f"{CHART} .sh-chart__live .scatterlayer .trace").count()
    assert lines == 2
    live = _box(page, f"{CHART} .sh-chart__live .main-svg")
    assert live["height"] == pytest.approx(plot_before["height"], abs=1)
    assert button.get_attribute("aria-disabled") == "true"
    assert recorded.errors == []


@pytest.mark.parametrize(("width", "shown"), [(320, "narrow"), (1280, "wide")])
def test_a_phone_gets_the_narrow_picture_and_a_wide_screen_the_wide_one(
    browser: Any, site_url: str, width: int, shown: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + CHART_PAGE, wait_until="networkidle")
        visible = page.locator(f"{CHART} .sh-chart__svg:visible")
        assert visible.count() == 1
        assert f"sh-chart__svg--{shown}" in (visible.first.get_attribute("class") or "")
        text = page.locator(f"{CHART} .sh-chart__svg:visible text.sh-svg-text").first
        size = float(text.evaluate("el => el.getBoundingClientRect().height"))
        assert size >= 10, f"chart text is {size:.1f} px high at {width} px wide"
    finally:
        context.close()
