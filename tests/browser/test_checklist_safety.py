"""The checklist's safety rules as a reader meets them in Chromium: a ticked warning sign
takes the exercise plan away and says not to exercise that leg; unticking brings the
plan back; plan steps show their cautions."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.widget_pages import CHECKLIST, Recorded, wait_for_state

pytestmark = pytest.mark.browser

RC = '[data-widget="risk-checklist"]'
RESULT = f"{RC} .sh-checklist__result"
PLAN = f"{RESULT} .sh-checklist__plan"
CARE = f"{RESULT} .sh-result__care"


def _only_local(recorded: Recorded, site_url: str) -> None:
    outside = [url for url in recorded.requests if not url.startswith((site_url, "data:", "blob:"))]
    assert outside == []
    assert recorded.errors == []


def _tick(page: Any, item_id: str, checked: bool = True) -> None:
    box = page.locator(f"{RC} #sh-check-{item_id}")
    if checked:
        box.check()
    else:
        box.uncheck()


def test_ticking_a_warning_sign_takes_the_plan_away_and_unticking_brings_it_back(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    _tick(page, "long-sitting")
    wait_for_state(page, "risk-checklist", "ready")
    page.wait_for_selector(PLAN)
    assert page.locator(f"{PLAN} > li").count() > 0
    assert page.locator(CARE).count() == 0

    sign = page.locator(f'{RC} [data-kind="sign"] input[type="checkbox"]').first
    sign.check()
    page.wait_for_selector(CARE)
    page.wait_for_selector(PLAN, state="detached")
    stop = page.locator(f"{CARE} .sh-checklist__stop").text_content() or ""
    assert "do not exercise that leg" in stop.lower()
    assert page.locator(f"{CARE} .sh-care__ticked > li").count() == 1
    assert page.locator(f"{RESULT} h3").count() == 0  # no "short plan" heading either

    sign.uncheck()
    page.wait_for_selector(PLAN)
    assert page.locator(CARE).count() == 0
    assert page.locator(f"{RC}[data-care-level]").count() == 0
    _only_local(recorded, site_url)


def test_every_warning_sign_alone_shows_its_care_card_and_no_plan(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    _tick(page, "long-travel")
    wait_for_state(page, "risk-checklist", "ready")
    page.wait_for_selector(PLAN)
    signs = page.locator(f'{RC} [data-kind="sign"] input[type="checkbox"]')
    assert signs.count() >= 8
    for index in range(signs.count()):
        sign_id = signs.nth(index).get_attribute("value")
        signs.nth(index).check()
        page.wait_for_selector(f'{CARE} [data-red-flag="{sign_id}"]')
        assert page.locator(PLAN).count() == 0, sign_id
        signs.nth(index).uncheck()
        page.wait_for_selector(PLAN)
    _only_local(recorded, site_url)


def test_plan_steps_show_the_cautions_for_the_ticked_answers(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    _tick(page, "pregnancy")
    _tick(page, "standing-jobs")
    wait_for_state(page, "risk-checklist", "ready")
    page.wait_for_selector(f'{PLAN} > li[data-exercise="leg-elevation"] .sh-checklist__cautions')
    elevation = page.locator(f'{PLAN} > li[data-exercise="leg-elevation"]').text_content() or ""
    assert "do not lie flat on your back" in elevation
    stockings = page.locator(f'{PLAN} > li[data-exercise="compression-stockings"]').text_content() or ""
    assert "Only if a clinician advises it, after a check of your leg's circulation" in stockings

    # A caution's link to another exercise leads into the site, from wherever it is shown.
    for item_id in ("pregnancy", "standing-jobs"):
        _tick(page, item_id, checked=False)
    for item_id in ("aging", "stiff-ankles"):
        _tick(page, item_id)
    link = page.locator(f'{PLAN} > li[data-exercise="calf-raises"] .sh-checklist__cautions a')
    link.wait_for()
    assert link.get_attribute("href") == site_url + "exercises/ankle-pumps/"
    _only_local(recorded, site_url)
