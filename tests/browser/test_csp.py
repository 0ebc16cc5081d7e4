"""The site under its own Content-Security-Policy, sent as a real header (the build's
``_headers`` file) as well as the pages' <meta> tag: every kind of page with zero
violations, both widgets ready, charts drawn, and Material's search, instant navigation
and palette toggle working."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.harness import serve, serve_sitemap_locally, site_headers
from tests.browser.conftest import _cannot_run, _site
from tests.browser.widget_pages import wait_for_state

#: Every violation the page reports, as text (the listener is in place before any script).
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} `
  + e.sample));"""
#: One page of each kind: path -> the widget it must get ready, "chart", or None.
PAGE_KINDS: dict[str, tuple[str, str | None]] = {
    "home": ("", None),
    "topic with a chart": ("topics/when-the-pump-weakens/", "chart"),
    "topic with the animation": ("topics/how-veins-and-valves-work/", "vein-valve"),
    "section index": ("risk-factors/", None),
    "risk factor": ("risk-factors/long-travel/", None),
    "symptom": ("symptoms/dvt-warning-signs/", None),
    "exercise": ("exercises/calf-raises/", None),
    "get help now": ("get-help-now/", None),
    "demo": ("demo/", "vein-valve"),
    "checklist": ("checklist/", "risk-checklist"),
    "glossary": ("glossary/", None),
    "references": ("references/", None),
    "about page": ("about/myths-and-facts/", None),
    "about page with model tables": ("about/model-comparison/", None),
    "404": ("404.html", None),
}


@pytest.fixture(scope="module")
def csp_url() -> Iterator[str]:
    site = _site()
    if not (site / "_headers").is_file():
        _cannot_run(f"{site} has no _headers file: build it with './.venv/bin/second-heart build'")
    with serve(site, headers=site_headers(site)) as url:
        yield url


@pytest.fixture
def page(browser: Any, csp_url: str) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.add_init_script(LISTEN)
    serve_sitemap_locally(page, csp_url)  # so instant navigation works on a local port
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def _violations(page: Any) -> list[str]:
    return list(page.evaluate("() => window.__violations"))


def test_the_policy_is_sent_as_a_header_and_every_page_carries_it_too(csp_url: str) -> None:
    headers = site_headers(_site())
    header = headers["Content-Security-Policy"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in header
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert 'http-equiv="Content-Security-Policy"' in (_site() / "index.html").read_text("utf-8")


def test_every_kind_of_page_works_with_zero_violations(page: Any, csp_url: str) -> None:
    found: dict[str, list[str]] = {}
    for kind, (path, needs) in PAGE_KINDS.items():
        page.goto(csp_url + path, wait_until="networkidle")
        if needs == "chart":  # the build-time picture first, then plotly.js on request
            page.locator(".sh-chart__explore").first.click()
            page.wait_for_selector(".sh-chart__plot.is-drawn")
        elif needs:
            page.locator(f'[data-widget="{needs}"]').scroll_into_view_if_needed()
            wait_for_state(page, needs, "ready")
        found[kind] = _violations(page)
    assert {kind: v for kind, v in found.items() if v} == {}
    assert page.errors == []


def test_search_instant_navigation_and_the_palette_work_under_the_policy(page: Any, csp_url: str) -> None:
    page.goto(csp_url + "topics/when-the-pump-weakens/", wait_until="networkidle")
    page.evaluate("() => { window.__stayed = true; }")

    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("calf raises")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.keyboard.press("Escape")

    schemes = []
    for _ in range(2):  # automatic -> light -> dark
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        schemes.append(page.evaluate("() => document.body.dataset.mdColorScheme"))
    assert schemes[-1] == "slate"

    page.locator(".md-sidebar--primary a[href$='exercises/calf-raises/']").first.click()
    page.wait_for_url("**/exercises/calf-raises/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__stayed") is True, "instant navigation kept the page: no reload"
    assert _violations(page) == []
    assert page.errors == []


def test_the_listener_sees_what_the_policy_blocks(page: Any) -> None:
    """The zero above would be vacuous if violations went unseen: an inline script and an
    inline style, served with the site's header, are both reported."""
    probe = '<!doctype html><p style="color:red">x</p><script>window.ran = true</script>'
    with serve(_site(), headers=site_headers(_site()), pages={"/probe/": probe}) as url:
        page.goto(url + "probe/", wait_until="networkidle")
        assert page.evaluate("() => window.ran") is None
        assert [v.split(" ")[0] for v in _violations(page)] == ["style-src-attr", "script-src-elem"]
