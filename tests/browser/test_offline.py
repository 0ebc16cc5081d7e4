"""The site after one visit, with the network off; a new build taking over; no worker where
the site is framed (generators/offline, assets/javascripts/offline.js).

Each test has a browser context of its own (a service worker belongs to its context). The
new-build test copies the built site and makes the one change a rebuild with an edited page
makes for the worker: the page's bytes, then ``sw.js`` written again by the same step of
the build (``generators.offline.write_worker``).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.harness import serve
from generators.offline import write_worker
from tests.browser.conftest import REPO, _site
from tests.browser.widget_pages import CHECKLIST, DEMO, SECOND, wait_for_state

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
RUNTIME_ENTRIES = """async () => {
  const name = (await caches.keys()).find((n) => n.startsWith("second-heart-runtime-"));
  return name ? (await (await caches.open(name)).keys()).length : 0;
}"""
REGISTRATIONS = "async () => (await navigator.serviceWorker.getRegistrations()).length"
UPDATED = yaml.safe_load((REPO / "content" / "en" / "ui.yml").read_text("utf-8"))["offline"]["updated"]


@pytest.fixture
def context(browser: Any, site_url: str) -> Iterator[Any]:
    if not (_site() / "sw.js").is_file():
        pytest.skip(f"{_site()} has no sw.js: build it with `second-heart build` (not serve)")
    context = browser.new_context()
    context.set_default_timeout(90_000)
    yield context
    context.close()


def _pyodide_files(site: Path) -> int:
    return sum(1 for path in (site / "assets" / "pyodide").iterdir() if path.is_file())


def _wait_for_saved_files(page: Any, count: int, timeout_s: float = 90) -> None:
    """Until the runtime cache holds ``count`` files. Polled here: ``wait_for_function``
    takes the Promise an async check returns as true at once, and never waits."""
    deadline = time.monotonic() + timeout_s
    while (saved := page.evaluate(RUNTIME_ENTRIES)) < count:
        assert time.monotonic() < deadline, f"the worker saved {saved} of Python's {count} files"
        page.wait_for_timeout(100)


def _first_visit(page: Any, site_url: str) -> None:
    """One visit online: the demo started, the worker in control, Python's files saved."""
    page.goto(site_url + DEMO)
    wait_for_state(page, "vein-valve", "ready")
    page.wait_for_function(CONTROLLED)
    _wait_for_saved_files(page, _pyodide_files(_site()))


def test_after_one_visit_pages_and_search_work_offline(
        context: Any, site_url: str) -> None:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _first_visit(page, site_url)

    context.set_offline(True)
    probe = "() => fetch('/sitemap.xml?probe', {cache: 'no-store'}).then(() => 'online', () => 'offline')"
    assert page.evaluate(probe) == "offline", "the context is really offline (sitemap.xml is never cached)"

    page.goto(site_url + SECOND)
    assert page.locator("h1").first.is_visible()
    assert "calf" in page.locator("article").inner_text().lower()

    page.keyboard.press("/")  # Material's search, from the precached index and worker
    page.keyboard.type("calf raises")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.keyboard.press("Escape")
    assert errors == []


def test_after_one_visit_the_demo_and_the_checklist_start_offline(context: Any, site_url: str) -> None:
    page = context.new_page()
    _first_visit(page, site_url)
    context.set_offline(True)
    page.goto(site_url + DEMO)
    wait_for_state(page, "vein-valve", "ready")
    page.goto(site_url + CHECKLIST)
    wait_for_state(page, "risk-checklist", "ready")


def test_offline_the_demo_still_starts_after_reading_another_page_and_searching(
        context: Any, site_url: str) -> None:
    page = context.new_page()
    _first_visit(page, site_url)
    context.set_offline(True)
    page.goto(site_url + SECOND)
    page.keyboard.press("/")
    page.keyboard.type("calf raises")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.keyboard.press("Escape")
    page.goto(site_url + DEMO)
    wait_for_state(page, "vein-valve", "ready")


def test_a_new_build_is_announced_and_the_next_page_is_wholly_new(
        context: Any, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(_site(), site)
    changed = site / "topics" / "why-it-matters" / "index.html"
    with serve(site) as url:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(CONTROLLED)

        html = changed.read_text("utf-8")
        changed.write_text(re.sub(r"(<h1[^>]*>)", r"\1New build: ", html, count=1), encoding="utf-8")
        write_worker(REPO, site)

        page.goto(url)  # the next visit finds the new build
        notice = page.locator(".sh-offline-status")
        notice.wait_for()
        assert notice.inner_text() == UPDATED
        assert notice.get_attribute("role") == "status"
        assert "New build" not in page.content(), "the open page stays the old build"

        page.evaluate("() => document.querySelector(\"a[href$='topics/why-it-matters/']\").click()")
        page.wait_for_url("**/topics/why-it-matters/")
        page.wait_for_function(CONTROLLED)
        assert page.locator("h1").first.inner_text().startswith("New build: ")
        state = page.evaluate("""async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {waiting: registration.waiting !== null, active: registration.active.state};
        }""")
        assert state == {"waiting": False, "active": "activated"}
        assert page.locator(".sh-offline-status").count() == 0, "a fresh page: no notice left over"


def test_embed_views_and_framed_pages_register_no_worker(context: Any) -> None:
    site = _site()
    embeds = sorted((site / "embed").rglob("index.html")) if (site / "embed").is_dir() else []
    frame_host = '<!doctype html><title>host</title><iframe src="/topics/why-it-matters/"></iframe>'
    with serve(site, pages={"/host/": frame_host}) as url:
        page = context.new_page()
        if embeds:
            # networkidle: the page's scripts, offline.js included, have loaded and run
            page.goto(url + embeds[0].parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
            assert page.evaluate(REGISTRATIONS) == 0
        page.goto(url + "host/", wait_until="networkidle")
        frame = page.frame_locator("iframe").locator("h1").first
        assert page.evaluate(REGISTRATIONS) == 0
        assert frame.is_visible(), "the framed page works without a worker"
