"""Who may frame the embed views: settings.yml's ``embed: frame_ancestors:``, checked like all
content, and written per path into ``_headers`` and the nginx snippet (generators/csp.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.harness import header_rules, headers_for_path
from generators import csp
from generators.content.loader import load_content
from generators.errors import ContentErrors
from tests.generators.golden import FIXTURE

EXPECTED = ("a site that may frame the embed pages: https: (any https site), 'self', or an origin such "
            "as https://clinic.example (no path)")
FIX = ("write the clinic site's address as scheme and host only, in lowercase, e.g. "
       "https://www.clinic.example; README: 'Embedding pages'")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def _settings(content: Path, embed: str) -> list[str]:
    settings = content / "settings.yml"
    settings.write_text(settings.read_text("utf-8") + embed, encoding="utf-8")
    try:
        load_content(content)
    except ContentErrors as caught:
        return [str(e) for e in caught.errors]
    return []


def test_without_an_embed_block_any_https_site_may_frame_the_embed_views(content: Path) -> None:
    assert load_content(content).settings.embed.frame_ancestors == ["https:"]


def test_a_clinics_origins_are_accepted(content: Path) -> None:
    origins = "[https://clinic.example, 'https://*.clinic.example:8443', 'https:']"
    assert _settings(content, f"embed:\n  frame_ancestors: {origins}\n") == []


def test_an_address_with_a_path_is_a_located_error(content: Path) -> None:
    embed = "embed:\n  frame_ancestors:\n    - https://clinic.example/\n    - 'https:'\n"
    assert _settings(content, embed) == [
        f"content/settings.yml:7: at 'embed.frame_ancestors[0]' expected {EXPECTED}, got text "
        f"('https://clinic.example/'). Fix: {FIX}"]


@pytest.mark.parametrize(("value", "found"), [
    ("'*'", "text ('*')"),
    ("\"'none'\"", "text (''none'')"),
    ("http://Clinic.example", "text ('http://Clinic.example')"),
    ("javascript:alert(1)", "text ('javascript:alert(1)')"),
])
def test_what_is_not_an_origin_is_refused(content: Path, value: str, found: str) -> None:
    errors = _settings(content, f"embed:\n  frame_ancestors: [{value}]\n")
    assert errors == [f"content/settings.yml:6: at 'embed.frame_ancestors[0]' expected {EXPECTED}, "
                      f"got {found}. Fix: {FIX}"]


@pytest.mark.parametrize(("embed", "message"), [
    ("frame_ancestors: []", "at 'embed.frame_ancestors' expected list should have at least 1 item"),
    ("frame_ancestors: https://clinic.example", "at 'embed.frame_ancestors' expected a list, got text"),
    ("frame_ancestor: [https://clinic.example]", "at 'embed.frame_ancestor' expected one of the known keys, "
     "got the unknown key 'frame_ancestor'. Fix: remove it or correct its spelling; known keys here are: "
     "frame_ancestors"),
])
def test_an_empty_list_a_single_address_and_an_unknown_key_are_located_errors(
        content: Path, embed: str, message: str) -> None:
    errors = _settings(content, f"embed:\n  {embed}\n")
    assert len(errors) == 1 and errors[0].startswith("content/settings.yml:6: " + message), errors


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for page in ("index.html", "topics/x/index.html", "embed/topics/x/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text('<!doctype html><html><head><meta charset="utf-8"></head></html>')
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    return tmp_path


def test_every_path_gets_exactly_one_policy_and_only_embed_views_may_be_framed_elsewhere(site: Path) -> None:
    done = csp.finish(site, embed_frame_ancestors=["https://clinic.example"])
    rules = header_rules(site)
    policy = {path: headers_for_path(rules, path)["Content-Security-Policy"]
              for path in ("/", "/index.html", "/topics/x/", "/sitemap.xml", "/embed/topics/x/")}
    assert policy["/embed/topics/x/"] == done.embed_policy
    assert done.embed_policy.endswith("frame-ancestors https://clinic.example")
    assert {policy[path] for path in ("/", "/index.html", "/topics/x/", "/sitemap.xml")} == {done.policy}
    assert done.policy.endswith("frame-ancestors 'self'")
    assert [pattern for pattern, _ in rules] == ["/embed/*", "/", "/index.html", "/sitemap.xml", "/topics/*"]


def test_the_default_lets_any_https_site_frame_the_embed_views_and_no_meta_tag_holds_it(site: Path) -> None:
    done = csp.finish(site)
    assert done.embed_policy.endswith("frame-ancestors https:")
    page = (site / "embed" / "topics" / "x" / "index.html").read_text()
    assert "frame-ancestors" not in page  # browsers ignore it in a <meta> policy


def test_the_nginx_snippet_picks_the_policy_by_path(site: Path) -> None:
    done = csp.finish(site, base_path="/docs/")
    nginx = (site / "nginx-csp.conf").read_text()
    assert f'set $second_heart_csp "{done.policy}";' in nginx
    assert ('if ($uri ~ "^/docs/([a-z][a-z]/)?embed/") {\n'
            f'    set $second_heart_csp "{done.embed_policy}";\n}}') in nginx
    assert nginx.endswith("add_header Content-Security-Policy $second_heart_csp always;\n")
    assert [pattern for pattern, _ in header_rules(site)][:2] == ["/docs/embed/*", "/docs/"]
