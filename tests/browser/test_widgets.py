"""The widgets in Chromium against the built site: ready, keyboard, reflux, care card,
privacy, fallback, instant navigation, refused wheels, and what each page loads."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.widget_pages import CHECKLIST, DEMO, SECOND, Recorded, wait_for_state

pytestmark = pytest.mark.browser

VV = '[data-widget="vein-valve"]'
RC = '[data-widget="risk-checklist"]'


def _ankle(page: Any) -> float:
    return float(page.locator(f'{VV} [data-readout="ankle"]').text_content())


def _only_local(recorded: Recorded, site_url: str) -> None:
    outside = [u for u in recorded.requests if not u.startswith((site_url, "data:", "blob:"))]
    assert outside == [], f"requests left localhost: {outside}"


def test_vein_valve_reaches_ready_with_no_errors_and_no_outside_requests(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.goto(site_url + DEMO)
    assert page.locator(VV).get_attribute("data-state") in ("idle", "loading")
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "ready")
    assert page.locator(f"{VV} .sh-widget__loading").is_hidden()
    page.wait_for_timeout(1000)  # a second of animation: errors in the frame loop show up here
    assert recorded.errors == []
    _only_local(recorded, site_url)
    assert recorded.wasm_requests() == 1


@pytest.mark.parametrize(("path", "widget", "data"), [
    (DEMO, "vein-valve", "calf_pump-"),
    (CHECKLIST, "risk-checklist", "checklist.json"),
])
def test_a_cold_widget_page_fetches_each_python_file_once(
    recorded: Recorded, site_url: str, path: str, widget: str, data: str
) -> None:
    """The runtime, the wheels (with their bytecode), the checklist's data (asked for while
    Python boots) and the widget code arrive once each: a file asked for twice would be
    its bytes downloaded twice on a reader's phone."""
    page = recorded.page
    page.goto(site_url + path)
    page.locator(f'[data-widget="{widget}"]').scroll_into_view_if_needed()
    wait_for_state(page, widget, "ready")
    page.wait_for_timeout(500)  # anything asked for just after the first picture
    ours = [u for u in recorded.requests if "/assets/pyodide/" in u or "/assets/widgets/" in u]
    assert {u for u in ours if ours.count(u) > 1} == set()
    names = {u.rsplit("/", 1)[-1] for u in ours}
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", "worker.js"} <= names
    assert any(name.startswith(data) for name in names)
    assert recorded.errors == []


def test_checklist_reaches_ready_with_no_errors(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    page.locator(RC).scroll_into_view_if_needed()
    wait_for_state(page, "risk-checklist", "ready")
    assert page.locator(f"{RC} .sh-checklist__result").is_visible()
    assert "not a diagnosis" in page.locator(f"{RC} .sh-checklist__result").text_content()
    assert recorded.errors == []
    _only_local(recorded, site_url)


def test_keyboard_alone_changes_the_activity_and_the_numbers(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + DEMO)
    select = page.locator(f'{VV} select[name="activity"]')
    select.focus()  # focusing is intent: Python starts
    wait_for_state(page, "vein-valve", "ready")
    page.wait_for_timeout(1500)
    standing = _ankle(page)
    page.keyboard.press("ArrowDown")  # "Stand still" -> "Walk"
    assert select.input_value() == "walk"
    page.wait_for_function(
        f"(limit) => Number(document.querySelector('{VV} [data-readout=\"ankle\"]').textContent) < limit",
        arg=standing - 20,
        timeout=30_000,
    )
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "scenario"
    assert page.locator(f'{VV} [data-describe]').text_content().startswith("Walk")
    assert recorded.errors == []


def test_leaky_valves_show_backflow_in_the_drawing_and_in_words(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + DEMO)
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "ready")
    page.select_option(f'{VV} select[name="scenario"]', "superficial_reflux")
    page.select_option(f'{VV} select[name="activity"]', "walk")
    page.wait_for_selector(f'{VV} [data-valve="saphenous"][data-reflux="true"]', timeout=30_000)
    page.wait_for_function(
        f"() => document.querySelector('{VV} [data-readout=\"reflux\"]')"
        ".textContent.includes('surface-vein valve')",
        timeout=30_000,
    )
    assert page.locator(f'{VV} [data-valve="saphenous"] .sh-vv__backflow').is_visible()
    assert recorded.errors == []


def test_ticking_warning_signs_shows_the_care_card(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    signs = page.locator(f'{RC} [data-kind="sign"] input[type="checkbox"]')
    assert signs.count() > 0
    signs.first.check()  # a tick is intent too
    wait_for_state(page, "risk-checklist", "ready")
    care = page.locator(f"{RC} .sh-checklist__result .sh-result__care")
    care.wait_for(state="visible")
    level = care.get_attribute("data-care-level")
    assert level in ("urgent", "emergency")
    title = page.locator(
        f'{RC} .sh-checklist__care [data-care-level="{level}"] .sh-care__title'
    ).text_content()
    assert care.locator(".sh-care__title").text_content() == title
    for index in range(signs.count()):
        signs.nth(index).check()
    page.wait_for_selector(f'{RC} .sh-result__care[data-care-level="emergency"]')
    assert recorded.errors == []


def test_checklist_stores_nothing_until_asked_and_forgets(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + CHECKLIST)
    box = page.locator(f'{RC} [data-kind="risk"] input[type="checkbox"]').first
    box.check()
    wait_for_state(page, "risk-checklist", "ready")
    ours = "() => Object.keys(localStorage).filter((key) => key.startsWith('second-heart'))"
    assert page.evaluate(ours) == []  # (Material keeps its own settings there)
    page.click(f'{RC} [data-action="save"]')
    assert page.evaluate(ours) == ["second-heart:checklist:v1"]
    page.reload()
    assert page.locator(f'{RC} [data-kind="risk"] input[type="checkbox"]').first.is_checked()
    page.click(f'{RC} [data-action="forget"]')
    assert page.evaluate(ours) == []
    assert not box.is_checked()
    _only_local(recorded, site_url)


def test_without_pyodide_the_page_keeps_its_preview_and_says_what_happened(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + DEMO)
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "error")
    message = page.locator(f"{VV} .sh-widget__message")
    assert message.is_visible()
    assert "could not start" in message.text_content()
    assert page.locator(f'{VV} [data-action="retry"]').is_visible()
    assert page.locator(f"{VV} svg.sh-vv__svg").is_visible()  # the static preview stays
    assert page.locator(f"{VV} .sh-vv__caption").is_visible()
    # Retry works once the files are reachable again.
    page.unroute("**/pyodide/**")
    page.click(f'{VV} [data-action="retry"]')
    wait_for_state(page, "vein-valve", "ready")


def test_a_wheel_that_does_not_match_the_lockfile_is_refused(recorded: Recorded, site_url: str) -> None:
    page = recorded.page

    def tamper(route: Any) -> None:
        body = bytearray(route.fetch().body())
        body[-30] ^= 0xFF
        route.fulfill(body=bytes(body), content_type="application/zip")

    page.route("**/risk_checklist-*.whl", tamper)
    page.goto(site_url + CHECKLIST)
    page.locator(RC).scroll_into_view_if_needed()
    wait_for_state(page, "risk-checklist", "error")
    assert page.locator(f"{RC} .sh-widget__message").is_visible()
    recorded.errors.clear()  # the refused download is logged as an error on purpose


def test_instant_navigation_keeps_python_running(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + DEMO)
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "ready")
    assert recorded.wasm_requests() == 1
    page.evaluate("() => { window.__sameDocument = true; }")  # survives only instant navigation
    link = page.locator(f'a[href*="{SECOND.rstrip("/")}"]:visible').first
    # Material changes the URL before it swaps the content: mark the old widget so the
    # wait below is for the new page's widget.
    page.evaluate("() => document.querySelector('[data-widget]').classList.add('old-page')")
    link.click()
    page.wait_for_url(f"**/{SECOND}")
    page.wait_for_function(
        "() => { const w = document.querySelector('[data-widget=\"vein-valve\"]');"
        " return w && !w.classList.contains('old-page') && w.dataset.state === 'ready'; }",
        timeout=10_000,
    )
    assert page.evaluate("() => window.__sameDocument === true"), "navigation reloaded the page"
    assert recorded.wasm_requests() == 1
    assert recorded.errors == []


def test_widgets_fit_a_320_pixel_screen_and_work_by_touch(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_url + DEMO)
        page.locator(VV).scroll_into_view_if_needed()
        wait_for_state(page, "vein-valve", "ready")
        overflow = page.evaluate(
            f"() => {{ const el = document.querySelector('{VV}'); return el.scrollWidth - el.clientWidth; }}"
        )
        assert overflow <= 1
        page.locator(f'{VV} [data-action="play"]').tap()
        assert page.locator(f'{VV} [data-action="play"]').get_attribute("aria-pressed") == "false"
    finally:
        context.close()


def test_reduced_motion_stops_the_moving_dashes(browser: Any, site_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(site_url + DEMO)
        page.locator(VV).scroll_into_view_if_needed()
        wait_for_state(page, "vein-valve", "ready")
        dash = page.evaluate(
            f"() => getComputedStyle(document.querySelector('{VV} [data-segment=\"deep_up\"] .sh-vv__flow'))"
            ".strokeDasharray"
        )
        assert dash == "none"
    finally:
        context.close()


# ---------------------------------------------------------------- what each page loads

#: Pages without a widget: the home page, an article, an exercise without a demo, the references.
PLAIN_PAGES = ["", "topics/what-is-the-calf-muscle-pump/", "exercises/staying-hydrated/", "references/"]


def _layout(page: Any) -> str:
    """How the animation lays out its drawing and controls: "grid" once its styles apply."""
    return str(page.evaluate(f"() => getComputedStyle(document.querySelector('{VV} .sh-vv__stage')).display"))


def _widget_files(recorded: Recorded) -> list[str]:
    """The widget and Python files a page asked for, by name."""
    return [url.rsplit("/", 1)[-1] for url in recorded.requests
            if "/assets/widgets/" in url or "/assets/pyodide/" in url]


@pytest.mark.parametrize("path", PLAIN_PAGES)
def test_a_page_without_a_widget_fetches_no_widget_code_styles_or_python(
    recorded: Recorded, site_url: str, path: str
) -> None:
    page = recorded.page
    page.goto(site_url + path, wait_until="networkidle")
    page.mouse.wheel(0, 3000)  # scrolling and touching the page is no reason to load them
    page.wait_for_timeout(500)
    assert _widget_files(recorded) == ["loader.js"]  # a few hundred bytes, nothing more
    sheets = page.evaluate("() => [...document.styleSheets].map((sheet) => sheet.href || '')")
    assert not [href for href in sheets if href.endswith("widgets.css")]
    assert recorded.errors == []


def test_a_widget_page_fetches_only_its_own_widget(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + DEMO)
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "ready")
    fetched = _widget_files(recorded)
    assert "widgets.css" in fetched and "vein-valve.js" in fetched
    assert "checklist.js" not in fetched and "checklist.json" not in fetched
    assert _layout(page) == "grid"  # its styles came with it


def test_instant_navigation_from_a_page_without_widgets_brings_the_widget_to_life(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.goto(site_url + PLAIN_PAGES[1], wait_until="networkidle")
    assert _widget_files(recorded) == ["loader.js"]
    page.evaluate("() => { window.__sameDocument = true; }")  # survives only instant navigation
    page.locator(f'a[href*="{SECOND.rstrip("/")}"]:visible').first.click()
    page.wait_for_url(f"**/{SECOND}")
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "ready")
    assert page.evaluate("() => window.__sameDocument === true"), "navigation reloaded the page"
    assert _layout(page) == "grid"
    assert recorded.wasm_requests() == 1
    assert recorded.errors == []


def test_a_tampered_model_wheel_is_refused_with_a_reason_and_try_again_works_once_fixed(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page

    def tamper(route: Any) -> None:
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(body=bytes(body), content_type="application/zip")

    page.route("**/calf_pump-*.whl", tamper)
    page.goto(site_url + DEMO)
    page.locator(VV).scroll_into_view_if_needed()
    wait_for_state(page, "vein-valve", "error")
    message = page.locator(f"{VV} .sh-widget__message")
    assert message.is_visible()
    assert "could not start" in message.text_content()
    assert "checksum" in message.text_content()
    assert page.locator(f"{VV} svg.sh-vv__svg").is_visible()  # the static preview stays
    recorded.errors.clear()  # the refused download is logged as an error on purpose
    page.unroute("**/calf_pump-*.whl")
    page.click(f'{VV} [data-action="retry"]')
    wait_for_state(page, "vein-valve", "ready")
    assert recorded.errors == []
