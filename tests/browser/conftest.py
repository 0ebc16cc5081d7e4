"""Fixtures for the browser tests: the built site on 127.0.0.1 and a recorded Chromium page.

The site is site/ (or $SECOND_HEART_SITE). Tests skip, with the reason, when it is not
built or has no widget pages, or when no Chromium is found.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.harness import CHROMIUM_ARGS, chromium_path, serve, serve_sitemap_locally
from tests.browser.widget_pages import CHECKLIST, DEMO, Recorded

REPO = Path(__file__).resolve().parents[2]


def _cannot_run(reason: str) -> None:
    """Skip on a developer's machine; in CI (`./dev test` builds the site and installs a
    browser first) a missing site or browser is a failure, never a silent skip."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _site() -> Path:
    return Path(os.environ.get("SECOND_HEART_SITE", REPO / "site"))


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    site = _site()
    if not (site / "index.html").is_file():
        _cannot_run(f"{site} is not built: run './.venv/bin/second-heart build' first")
    for page in (DEMO, CHECKLIST):
        html = site / page / "index.html"
        if not html.is_file() or "data-widget=" not in html.read_text("utf-8"):
            _cannot_run(f"{html} has no widget yet: build the site with the widget blocks")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    try:
        executable = chromium_path()
    except FileNotFoundError as err:
        _cannot_run(str(err))
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def recorded(browser: Any, site_url: str) -> Iterator[Recorded]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    record = Recorded(page)
    serve_sitemap_locally(page, site_url)  # so instant navigation works on a local port
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and record.errors.append(msg.text))
    page.on("pageerror", lambda exc: record.errors.append(str(exc)))
    yield record
    context.close()
