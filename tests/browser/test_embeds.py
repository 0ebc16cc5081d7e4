"""Embeds (generators/embeds/) in Chromium: another site's page, served from another origin
(another port), frames the embed views with the code the "Embed this page" panel gives.

The site is served as a host that reads its ``_headers`` file serves it, path by path; for
most tests the embed views' ``frame-ancestors`` names the host page's origin, as a clinic's
``embed: frame_ancestors:`` would (the default, ``https:``, refuses this http test host, and
one test checks that it does). The host page and the site are the only two origins.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from benchmarks.harness import header_rules, headers_for_path, serve
from tests.browser.conftest import _cannot_run, _site

PUBLISHED = "https://second-heart.example.org/"  # settings.yml site_url, in the panel's code
TOPIC = "topics/how-veins-and-valves-work/"  # has a <details> (a chart's data table)
DEMO = "demo/"
CHECKLIST = "checklist/"
FRAME = "iframe[data-second-heart-embed]"
MESSAGE = "second-heart:height"
#: A widget has started Python and is ready (a function: the site's policy forbids eval).
READY = "(kind) => document.querySelector(`[data-widget=\"${kind}\"]`)?.dataset.state === 'ready'"
#: What a frame keeps in storage (a browser that blocks storage in frames: nothing).
STORED = ("(() => { try { return [...Object.keys(localStorage), ...Object.keys(sessionStorage)]; } "
          "catch { return []; } })()")


def panel_code(site: Path, page: str, field: str) -> str:
    """The code the full page's "Embed this page" panel gives (its read-only field)."""
    text = (site / page / "index.html").read_text("utf-8")
    found = re.search(rf'<textarea id="sh-embed-{field}"[^>]*>([^<]*)</textarea>', text)
    assert found, f"{page} has no embed code ({field})"
    return html.unescape(found.group(1))


@dataclass
class Host:
    """The host page, and every address it and its frames asked for."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught exceptions
    console: list[str] = field(default_factory=list)  # console errors (a 404, a refused script...)


class Origins:
    """The site (two names for one server: 127.0.0.1 ours, localhost a foreign origin) and
    the host page's server (localhost, another port)."""

    def __init__(self, site: str, host: str, rules: list[tuple[str, dict[str, str]]]) -> None:
        self.site = site
        self.foreign = site.replace("127.0.0.1", "localhost")  # the site's server, by another name
        self.host = host
        self.rules = rules  # the site's _headers, as built


def _frame_ancestors(policy: str, sources: str) -> str:
    return re.sub(r"frame-ancestors [^;]*", f"frame-ancestors {sources}", policy)


@pytest.fixture(scope="module")
def origins() -> Iterator[Origins]:
    site = _site()
    if not (site / "embed" / TOPIC / "index.html").is_file():
        _cannot_run(f"{site} has no embed views: build it with './.venv/bin/second-heart build'")
    rules = header_rules(site)
    host_origin: dict[str, str] = {}

    def site_headers_for(path: str) -> dict[str, str]:
        headers = headers_for_path(rules, path)
        if path.startswith("/embed/") and host_origin:  # as a clinic's settings name its site
            headers["Content-Security-Policy"] = _frame_ancestors(
                headers["Content-Security-Policy"], host_origin["value"])
        return headers

    with serve(site, headers_for=site_headers_for) as site_url:
        frame_code = {page: panel_code(site, page, "frame").replace(PUBLISHED, site_url)
                      for page in (TOPIC, DEMO, CHECKLIST)}
        script = panel_code(site, TOPIC, "script").replace(PUBLISHED, site_url)
        foreign = frame_code[TOPIC].replace(site_url, site_url.replace("127.0.0.1", "localhost"))
        full_page = frame_code[TOPIC].replace("/embed/", "/")
        pages = {
            "/topic.html": _host(frame_code[TOPIC], script),
            "/demo.html": _host(frame_code[DEMO], script),
            "/checklist.html": _host(frame_code[CHECKLIST], script),
            "/strict.html": _host(frame_code[TOPIC], script),
            "/no-script.html": _host(frame_code[TOPIC], ""),
            "/foreign.html": _host(frame_code[TOPIC] + foreign, script),
            "/full-page.html": _host(full_page, ""),
        }
        strict = (f"default-src 'none'; frame-src {site_url.rstrip('/')}; "
                  f"script-src {site_url.rstrip('/')}")

        def host_headers_for(path: str) -> dict[str, str]:
            return {"Content-Security-Policy": strict} if path == "/strict.html" else {}

        with serve(site, pages=pages, headers_for=host_headers_for) as served:
            host = served.replace("127.0.0.1", "localhost")  # another host and port than the site's
            host_origin["value"] = host.rstrip("/")
            yield Origins(site_url, host, rules)


def _host(frames: str, script: str) -> str:
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A clinic</title></head>"
            f"<body><h1>Our clinic</h1><p>Read this:</p>{frames}{script}</body></html>")


@pytest.fixture
def host(browser: Any, origins: Origins) -> Iterator[Host]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(120_000)
    recorded = Host(page)
    context.on("request", lambda request: recorded.requests.append(request.url))
    def console(message: Any) -> None:
        if message.type == "error":
            recorded.console.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda exc: recorded.errors.append(str(exc)))
    yield recorded
    assert context.cookies() == [], "an embed set a cookie"
    assert context.service_workers == [], "an embed registered a service worker"
    context.close()


def _frame(page: Any, index: int = 0) -> Any:
    """The index-th embed's frame, once loaded (scrolled to: the code says loading=lazy)."""
    element = page.locator(FRAME).nth(index)
    element.scroll_into_view_if_needed()
    frame = element.element_handle().content_frame()
    assert frame is not None
    frame.wait_for_url(re.compile(r"^http"))
    frame.wait_for_load_state("load")
    frame.evaluate("document.fonts.ready.then(() => true)")
    return frame


def _content_height(frame: Any) -> int:
    return int(frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)"))


def _frame_height(page: Any, index: int = 0) -> float:
    return float(page.locator(FRAME).nth(index).evaluate("el => el.clientHeight"))  # inside its border


def _follows(page: Any, frame: Any, index: int = 0) -> int:
    """Wait until the iframe is as tall as its content (within 2 px) and stays so when read
    again (fonts, pictures and widgets may still change it); returns that height."""
    for _ in range(10):
        height = _content_height(frame)
        page.wait_for_function(
            "([selector, i, h]) => Math.abs(document.querySelectorAll(selector)[i].clientHeight - h) <= 2",
            arg=[FRAME, index, height])
        if abs(_content_height(frame) - height) <= 2:
            return height
    raise AssertionError("the embed's content kept changing height")


def _only_local(host: Host, *origins: str) -> None:
    elsewhere = [url for url in host.requests if not url.startswith(origins) and not url.startswith("data:")]
    assert elsewhere == [], f"requests left the local origins: {elsewhere[:5]}"


def test_an_embedded_page_is_as_tall_as_its_content_and_follows_a_details_opened(
        host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "topic.html")
    frame = _frame(page)
    assert frame.locator("h1").first.is_visible()
    assert frame.locator(".md-header, .md-nav, .md-search, .md-footer").count() == 0
    before = _follows(page, frame)
    assert before != 900, "embed.js sized the frame (900 is the code's fixed height)"
    details = frame.locator("details").first
    details.locator("summary").click()
    assert details.evaluate("el => el.open")
    after = _follows(page, frame)
    assert after > before + 20, "opening the <details> made the page taller, and the frame followed"
    assert frame.evaluate(STORED) == [], "nothing kept in the browser's storage"
    _only_local(host, origins.site, origins.host)
    assert host.errors == []


def test_the_demo_runs_in_its_frame_and_the_frame_follows_it(host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "demo.html")
    frame = _frame(page)
    frame.wait_for_function(READY, arg="vein-valve")
    _follows(page, frame)
    _only_local(host, origins.site, origins.host)


def test_the_checklist_runs_in_its_frame_and_the_frame_follows_its_result(
        host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "checklist.html")
    frame = _frame(page)
    widget = '[data-widget="risk-checklist"]'
    frame.wait_for_function(READY, arg="risk-checklist")
    before = _follows(page, frame)
    for sign in frame.locator(f'{widget} [data-kind="sign"] input[type="checkbox"]').all():
        sign.check()
    frame.locator(f'{widget} .sh-result__care[data-care-level="emergency"]').wait_for(state="visible")
    after = _follows(page, frame)
    assert after != before, "the result changed the page's height, and the frame followed"
    assert frame.evaluate(STORED) == [], "nothing is stored until the reader asks"
    _only_local(host, origins.site, origins.host)


def _delivered(page: Any, frame: Any, messages: list[Any]) -> None:
    """Post ``messages`` to the host from inside the frame, then a marker the test listens
    for: messages arrive in order, so once the marker has, embed.js has seen them all."""
    page.evaluate("() => { window.__marker = new Promise((done) => addEventListener('message', "
                  "(e) => e.data === 'test-marker' && done(true))); }")
    frame.evaluate("(messages) => { for (const m of messages) parent.postMessage(m, '*'); "
                   "parent.postMessage('test-marker', '*'); }", messages)
    assert page.evaluate("window.__marker")


def test_messages_of_the_wrong_shape_or_from_elsewhere_change_nothing(host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "foreign.html")
    ours, foreign = _frame(page, 0), _frame(page, 1)
    height = _follows(page, ours, 0)
    _delivered(page, ours, [
        {"type": MESSAGE, "height": 123.5}, {"type": MESSAGE, "height": 0},
        {"type": MESSAGE, "height": 20000},
        {"type": MESSAGE, "height": "300"}, {"type": "other", "height": 300},
        {"type": MESSAGE, "height": 300, "extra": 1}, {"type": MESSAGE, "height": 300, "id": "not-its-name"},
        [MESSAGE, 300], "300", None,
    ])
    assert abs(_frame_height(page, 0) - height) <= 2
    # The host page itself (not a frame) and a frame of another origin, marked as ours:
    page.evaluate(f"postMessage({{type: '{MESSAGE}', height: 321}}, '*')")
    _delivered(page, foreign, [{"type": MESSAGE, "height": 321}])
    assert abs(_frame_height(page, 0) - height) <= 2
    assert _frame_height(page, 1) == 900, "a frame from another origin is never sized"
    _only_local(host, origins.site, origins.foreign, origins.host)


def test_a_host_page_with_a_strict_policy_shows_and_sizes_the_embed(host: Host, origins: Origins) -> None:
    page = host.page
    response = page.goto(origins.host + "strict.html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    frame = _frame(page)
    assert frame.locator("h1").first.is_visible()
    assert _follows(page, frame) != 900
    assert [e for e in host.console if "Content Security Policy" in e] == []
    _only_local(host, origins.site, origins.host)


def test_the_plain_iframe_works_without_any_script(host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "no-script.html")
    frame = _frame(page)
    assert frame.locator("h1").first.is_visible()
    assert _frame_height(page) == 900
    assert frame.evaluate("document.documentElement.scrollHeight") > 900, "the frame scrolls"


def test_links_in_an_embed_open_the_full_page_in_a_new_tab(host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "topic.html")
    frame = _frame(page)
    full = frame.locator(".sh-embed-footer a").first
    assert full.get_attribute("target") == "_blank" and full.get_attribute("rel") == "noopener"
    with page.context.expect_page() as opened:
        full.click()
    assert opened.value.url == origins.site + TOPIC
    assert frame.url == origins.site + "embed/" + TOPIC, "the frame stayed on the embed view"


def test_the_full_pages_refuse_to_be_framed_by_another_site(host: Host, origins: Origins) -> None:
    page = host.page
    page.goto(origins.host + "full-page.html")
    frame = page.locator("iframe").element_handle().content_frame()
    assert frame is not None
    frame.wait_for_url(re.compile(r"^chrome-error://"))  # frame-ancestors 'self' refused it


def test_the_published_policy_lets_only_https_sites_frame_the_embeds(host: Host, origins: Origins) -> None:
    """The build's own headers (default ``frame_ancestors: [https:]``) refuse this http host."""
    with serve(_site(), headers_for=lambda path: headers_for_path(origins.rules, path)) as published:
        page = host.page
        page.goto(origins.host + "no-script.html")
        assert page.evaluate(  # a new frame of the embed view, once it has loaded (or been refused)
            "(src) => new Promise((done) => { const f = document.createElement('iframe'); "
            "f.addEventListener('load', () => done(true)); f.src = src; document.body.append(f); })",
            published + "embed/" + TOPIC)
        frame = page.locator("iframe").last.element_handle().content_frame()
        assert frame is not None
        assert frame.url.startswith("chrome-error://"), "frame-ancestors https: refused this http host"
    embed = headers_for_path(origins.rules, "/embed/" + TOPIC)["Content-Security-Policy"]
    assert embed.endswith("frame-ancestors https:")
