"""The exercise pages' mini-demos in Chromium against the built site.

Python boots twice in this file: once on one page to prove the shared path (nothing of
Python before the button, the keyboard, the animated run, the numbers), and once for a
walk through every exercise demo by instant navigation in one tab, with reduced motion
on a 320 px screen (one Python for all of them; each run drawn in one go)."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.harness import serve_sitemap_locally
from tests.browser.widget_pages import Recorded

pytestmark = pytest.mark.browser

XD = '[data-widget="exercise-demo"]'
FIRST = "exercises/ankle-pumps/"
#: Every exercise page with a demo (content names its preset), in the order walked.
DEMO_PAGES = ["exercises/calf-raises/", "exercises/ankle-pumps/", "exercises/ankle-circles/",
              "exercises/walking/", "exercises/walking-breaks/", "exercises/leg-elevation/",
              "exercises/compression-stockings/"]
READOUTS = ("baseline-ankle", "exercise-ankle", "baseline-return", "exercise-return")


def _python_files(recorded: Recorded) -> list[str]:
    return [u for u in recorded.requests if "/assets/pyodide/" in u or u.endswith("/worker.js")]


def _numbers(page: Any) -> dict[str, tuple[str, float]]:
    """Each readout's shown text and exact value (data-value)."""
    return {
        name: (
            page.locator(f'{XD} [data-readout="{name}"]').text_content(),
            float(page.locator(f'{XD} [data-readout="{name}"]').get_attribute("data-value")),
        )
        for name in READOUTS
    }


def _same_numbers(preview: dict[str, tuple[str, float]], live: dict[str, tuple[str, float]]) -> None:
    for name in READOUTS:
        assert live[name][1] == pytest.approx(preview[name][1], rel=0.01), name
        assert abs(float(live[name][0]) - float(preview[name][0])) <= 1, name


def _wait_done(page: Any) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{XD}')?.dataset.run === 'done'", timeout=90_000)


def _count_trace_redraws(page: Any) -> None:
    page.evaluate(
        f"""() => {{
            window.__traceRedraws = 0;
            const trace = document.querySelector('{XD} [data-trace]');
            new MutationObserver((changes) => {{ window.__traceRedraws += changes.length; }})
                .observe(trace, {{ attributes: true, attributeFilter: ['points'] }});
        }}"""
    )


def test_the_page_fetches_no_python_until_the_button_then_runs_by_keyboard_with_the_previews_numbers(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.goto(site_url + FIRST, wait_until="networkidle")
    root = page.locator(XD)
    root.scroll_into_view_if_needed()
    button = page.locator(f'{XD} [data-action="start"]')
    button.focus()  # on screen and focused: still no reason to fetch Python
    button.hover()
    page.wait_for_timeout(800)
    assert _python_files(recorded) == []
    assert root.get_attribute("data-state") == "idle"
    assert "exercise-demo.js" in " ".join(recorded.requests)  # the view is there, waiting
    preview = _numbers(page)
    assert float(preview["exercise-ankle"][0]) < float(preview["baseline-ankle"][0])
    _count_trace_redraws(page)

    page.keyboard.press("Enter")  # the reader asks, by keyboard
    page.wait_for_function(
        f"() => document.querySelector('{XD}').dataset.state === 'ready'", timeout=90_000)
    _wait_done(page)
    live = _numbers(page)
    _same_numbers(preview, live)
    assert page.evaluate("() => window.__traceRedraws") > 5  # drawn as the model ran
    status = page.locator(f"{XD} [data-describe]")
    assert status.get_attribute("aria-live") == "polite"
    text = status.text_content()
    assert text.startswith("Done.") and f"{live['baseline-ankle'][0]} mmHg" in text
    assert button.text_content() == "Run it again"
    assert page.evaluate("() => document.activeElement.dataset.action") == "start"  # focus kept
    assert recorded.wasm_requests() == 1
    assert [u for u in recorded.requests if not u.startswith((site_url, "data:", "blob:"))] == []
    assert recorded.errors == []


def test_every_exercise_demo_runs_in_one_python_without_motion_on_a_small_screen(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(90_000)
    record = Recorded(page)
    serve_sitemap_locally(page, site_url)  # so instant navigation works on a local port
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("pageerror", lambda exc: record.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and record.errors.append(msg.text))
    try:
        page.goto(site_url + DEMO_PAGES[0])
        page.evaluate("() => { window.__sameDocument = true; }")  # survives only instant navigation
        for index, path in enumerate(DEMO_PAGES):
            if index:
                # Instant navigation, as a reader's tap on a link: the tab keeps its Python.
                page.evaluate("() => document.querySelector('[data-widget]')?.classList.add('old-page')")
                page.evaluate(
                    "(href) => { const a = document.createElement('a'); a.href = href;"
                    " a.textContent = 'next'; document.querySelector('article').append(a); a.click(); }",
                    site_url + path,
                )
                page.wait_for_url(f"**/{path}")
                page.wait_for_function(
                    f"() => {{ const w = document.querySelector('{XD}');"
                    " return w && !w.classList.contains('old-page')"
                    " && w.classList.contains('sh-widget--enhanced'); }")
            root = page.locator(XD)
            assert root.count() == 1, path
            assert root.get_attribute("data-state") == "idle", path  # warm Python is no reason either
            overflow = page.evaluate(
                f"() => {{ const el = document.querySelector('{XD}');"
                " return el.scrollWidth - el.clientWidth; }")
            assert overflow <= 1, path
            preview = _numbers(page)
            _count_trace_redraws(page)
            page.locator(f'{XD} [data-action="start"]').click()
            page.wait_for_function(f"() => document.querySelector('{XD}').dataset.state === 'ready'")
            _wait_done(page)
            _same_numbers(preview, _numbers(page))
            assert page.evaluate("() => window.__traceRedraws") == 1, path  # no movement: one picture
        assert page.evaluate("() => window.__sameDocument === true"), "navigation reloaded the page"
        assert record.wasm_requests() == 1
        assert record.errors == []
    finally:
        context.close()


def test_staying_hydrated_has_no_demo_and_fetches_no_widget_code(recorded: Recorded, site_url: str) -> None:
    page = recorded.page
    page.goto(site_url + "exercises/staying-hydrated/", wait_until="networkidle")
    assert page.locator("[data-widget]").count() == 0
    assert [u.rsplit("/", 1)[-1] for u in recorded.requests if "/assets/widgets/" in u] == ["loader.js"]
    assert _python_files(recorded) == []


def test_without_python_the_demo_keeps_its_preview_and_says_what_happened(
    recorded: Recorded, site_url: str
) -> None:
    page = recorded.page
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + "exercises/walking/")
    page.locator(XD).scroll_into_view_if_needed()
    preview = _numbers(page)
    page.locator(f'{XD} [data-action="start"]').click()
    page.wait_for_function(f"() => document.querySelector('{XD}').dataset.state === 'error'")
    message = page.locator(f"{XD} .sh-widget__message")
    assert message.is_visible() and "could not start" in message.text_content()
    assert page.locator(f'{XD} [data-action="retry"]').is_visible()
    assert _numbers(page) == preview  # the build's picture and numbers stay
    assert page.locator(f"{XD} .sh-xd__svg").is_visible()
    recorded.errors.clear()  # the refused downloads are logged as errors on purpose
