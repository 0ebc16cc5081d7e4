"""No script from content, tried as an attacker would: every payload (tests/injection_payloads.py)
in every field a person types (tests/injection_site.py), built into a real site and opened
in Chromium with a marker (``__pwned.push(id)``, a request to ``/pwned/``) that fires if
any of it runs.

Stage 1 refuses the attacks (tests/generators/content/test_html_safety.py), so here it is
switched off, and so is the site's <meta> policy: what is tested is that everything behind
stage 1 (the autoescaping templates, the escaped navigation, titles, JSON-LD, tooltips,
checklist data and search index, the post-build check) keeps every payload as text on its
own. The plain-text payloads (snippet includes, Jinja text) go through the real stage 1
and are shown as written, and no file from outside content/ reaches the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from benchmarks.harness import serve, serve_sitemap_locally, site_headers
from generators.content import checks, safety
from tests.browser.widget_pages import wait_for_state
from tests.injection_payloads import PAYLOADS, SENTINEL, composite
from tests.injection_site import ADDRESSES, fill, make_project

MARKERS = ("__pwned", "/pwned/", "evil.example")
LISTEN = """window.__pwned = []; window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.effectiveDirective} ${e.blockedURI || "inline"} ${e.sample}`));"""
INERT = [p for p in PAYLOADS if p.inert]
#: Attributes that load or run what they hold: a marker there is a live payload.
ACTIVE_ATTRIBUTES = ("style", "src", "srcdoc", "srcset", "data", "action", "formaction")
#: Links that hold a payload only as part of a harmless address (a reference's url and doi,
#: a heading's anchor made from its words).
INERT_LINKS = ("https://example.org/", "https://doi.org/", "#")


def _build(folder: Path, make: Any, *, stage_one: bool) -> Path:
    """A site from the fixture content with ``make(field, key)`` in every editable field."""
    from generators import csp
    from generators.build import build_site

    project = make_project(folder / "project")
    fill(project, make)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "RULES", [])  # payloads are neither cited nor easy to read
        if not stage_one:
            patch.setattr(safety, "check_sources", lambda sources: [])
            patch.setattr(safety, "check_shared", lambda settings, references: [])
            finish = csp.finish
            patch.setattr(csp, "finish", lambda site_dir, **_: finish(site_dir, meta_tag=False))
        build_site(project, folder / "site")
    return folder / "site"


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every payload in every field, stage 1 and the <meta> policy switched off."""
    def make(field: int, key: str) -> str:
        return ADDRESSES[key].replace("{id}", str(field * 100 + 99)) if key in ADDRESSES else composite(field)

    return _build(tmp_path_factory.mktemp("attacked"), make, stage_one=False)


@pytest.fixture(scope="module")
def plain_text_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every plain-text payload in every field, through the real stage 1."""
    addresses = {"url": "https://example.org/{{x}}", "doi": "10.1234/{{x}}", "website": "https://example.org/"}

    def make(field: int, key: str) -> str:
        if key in addresses:
            return addresses[key]
        return "Words. " + "\n\n".join(p.at(field * 100 + n) for n, p in enumerate(INERT))

    return _build(tmp_path_factory.mktemp("plain"), make, stage_one=True)


class _ActiveMarkup(HTMLParser):
    """Where a payload marker sits in a page: as text (fine) or as something that acts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.active: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        executable = dict(attrs).get("type", "") in ("", "module", "text/javascript")
        self._raw = tag if tag == "style" or (tag == "script" and executable) else None
        for name, value in attrs:
            value = value or ""
            if not any(marker in value for marker in MARKERS):
                continue
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if (name.startswith("on") or name in ACTIVE_ATTRIBUTES
                    or (name == "href" and not url.startswith(INERT_LINKS))
                    or (name == "title" and re.search(r"<[a-z/!]", value, re.IGNORECASE))):
                self.active.append(f"<{tag} {name}={value[:80]!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw and any(marker in data for marker in MARKERS):
            self.active.append(f"<{self._raw}> {data[:80]!r}")


def _active(html: str) -> list[str]:
    scan = _ActiveMarkup()
    scan.feed(html)
    scan.close()
    return scan.active


def test_with_stage_one_off_no_payload_survives_as_active_html_anywhere(attacked_site: Path) -> None:
    found = [f"{page.relative_to(attacked_site)}: {what}"
             for page in sorted(attacked_site.rglob("*.html")) for what in _active(page.read_text("utf-8"))]
    checklist = json.loads((attacked_site / "assets/widgets/checklist.json").read_text("utf-8"))
    found += [f"checklist.json: {what}" for html in _html_fields(checklist) for what in _active(html)]
    index = json.loads((attacked_site / "search/search_index.json").read_text("utf-8"))
    found += [f"search index: {what}" for doc in index["docs"]
              for what in _active(doc["title"]) + _active(doc["text"])]
    assert found == []
    text = (attacked_site / "topics/calf-pump/index.html").read_text("utf-8")
    assert "&lt;script&gt;__pwned.push(" in text, "the payloads are on the page, as text"


def _html_fields(data: Any) -> Iterator[str]:
    """Every HTML fragment in checklist.json (keys ending in _html), which the view shows as HTML."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.endswith("_html") and isinstance(value, str):
                yield value
            elif key.endswith("_html") and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _html_fields(value)
    elif isinstance(data, list):
        for item in data:
            yield from _html_fields(item)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.add_init_script(LISTEN)
    requests: list[str] = []
    page.on("request", lambda request: any(m in request.url for m in MARKERS)
            and requests.append(request.url))
    page.on("dialog", lambda dialog: (requests.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.marker_requests = requests
    yield page
    context.close()


def _pages(site: Path) -> list[str]:
    return sorted(("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
                  for p in site.rglob("index.html"))


def test_with_stage_one_and_the_policy_off_no_payload_runs_in_chromium(
        page: Any, attacked_site: Path) -> None:
    """Every page opened, every tooltip shown (Material renders tooltips as HTML), the
    checklist run with every box ticked (it writes HTML from checklist.json), and the
    search run over the payloads (its results are HTML too)."""
    ran: dict[str, list[Any]] = {}
    with serve(attacked_site) as url:
        serve_sitemap_locally(page, url)
        for path in _pages(attacked_site):
            page.goto(url + path, wait_until="networkidle")
            page.evaluate("""() => document.querySelectorAll("article [title]").forEach((el) => {
                el.dispatchEvent(new MouseEvent("mouseenter")); el.focus(); })""")
            ran[path or "/"] = page.evaluate("() => window.__pwned")
        page.goto(url + "checklist/", wait_until="networkidle")
        page.locator('[data-widget="risk-checklist"]').scroll_into_view_if_needed()
        wait_for_state(page, "risk-checklist", "ready")
        page.evaluate("() => document.querySelectorAll('.sh-checklist input[type=checkbox]')"
                      ".forEach((box) => box.click())")
        page.wait_for_selector(".sh-checklist__result:not([hidden])")
        assert "<script>__pwned.push(" in page.locator(".sh-checklist__result").inner_text()
        page.keyboard.press("/")
        page.keyboard.type("Tap here")
        page.wait_for_selector(".md-search-result__item")
        ran["checklist, search"] = page.evaluate("() => window.__pwned")
    assert {path: ids for path, ids in ran.items() if ids} == {}
    assert page.marker_requests == []


def test_plain_text_that_looks_like_code_is_shown_as_written_and_includes_no_file(
        plain_text_site: Path) -> None:
    leaked = [str(path.relative_to(plain_text_site)) for path in plain_text_site.rglob("*")
              if path.is_file() and SENTINEL.encode() in path.read_bytes()]
    assert leaked == [], "a snippet include brought a file from outside content/ into the site"
    page = (plain_text_site / "topics/calf-pump/index.html").read_text("utf-8")
    shown = re.sub(r"\s+", " ", _text_of(page))
    for expected in ('--8<-- "README.md"', '--8<-- "/etc/hostname"', '--8<-- "leak.md"', "../../secret.txt",
                     "before --8<-- [start:x] after", "{{ config.site_name }} {{ 7 * 7 }}",
                     '{% include "base.html" %}{% for x in range(3) %}loop{% endfor %}',
                     "{{ model_report_table }}", "a pressure < 20 and 3<4"):
        assert expected in shown


def _text_of(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    article = html[html.index("<article"):html.index("</article>")]
    parser = Text()
    parser.feed(article)
    return "".join(parser.parts)


def test_plain_text_payloads_run_nothing_and_break_no_rule_of_the_policy(
        page: Any, plain_text_site: Path) -> None:
    found: dict[str, list[Any]] = {}
    with serve(plain_text_site, headers=site_headers(plain_text_site)) as url:
        serve_sitemap_locally(page, url)
        for path in _pages(plain_text_site):
            page.goto(url + path, wait_until="networkidle")
            found[path or "/"] = page.evaluate("() => [...window.__pwned, ...window.__violations]")
    assert {path: what for path, what in found.items() if what} == {}
    assert page.marker_requests == []


def test_the_markers_fire_when_a_payload_does_run(page: Any, attacked_site: Path) -> None:
    """The tests above would pass vacuously if the markers could not fire: here a page with
    live payloads (served from memory, no policy) sets both off."""
    probe = '<img src=x onerror="__pwned.push(1)"><img src="/pwned/2"><p title="<b>x</b>">t</p>'
    with serve(attacked_site, pages={"/probe/": probe}) as url:
        page.goto(url + "probe/", wait_until="networkidle")
        assert page.evaluate("() => window.__pwned") == [1]
    assert [url.rsplit("/", 2)[-2:] for url in page.marker_requests] == [["pwned", "2"]]
    assert _active(probe) == ["<img onerror='__pwned.push(1)'>", "<img src='/pwned/2'>"]
