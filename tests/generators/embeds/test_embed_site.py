"""The built site's embed views, "Embed this page" panels and handout links.

Reads the site a build made: $SECOND_HEART_SITE, or site/ (`./dev test` builds it first);
skips, with the reason, when neither is built.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from benchmarks.harness import header_rules, headers_for_path
from generators.build import PROJECT, load_checked
from generators.content.context import SiteContext

KINDS = ("topic", "exercise", "symptom", "risk-factor")
BUILT = ("get-help-now/", "demo/", "checklist/")
SITE_CHROME = ('class="md-header', 'class="md-tabs', 'data-md-type="navigation"', 'class="md-search',
               'class="md-footer', "bundle.", "sh-help-now", "data-md-palette")


@pytest.fixture(scope="module")
def site() -> Path:
    folder = Path(os.environ.get("SECOND_HEART_SITE", PROJECT / "site"))
    if not (folder / "embed").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{folder} has no embed views: build the site first")
        pytest.skip(f"{folder} has no embed views: build it with './.venv/bin/second-heart build'")
    return folder


@pytest.fixture(scope="module")
def ctx() -> SiteContext:
    return load_checked(PROJECT)


def _field(text: str, name: str) -> str:
    """The code in one of the panel's read-only fields."""
    found = re.search(rf'<textarea id="sh-embed-{name}"[^>]*>([^<]*)<', text)
    assert found, f"no {name} code"
    return html.unescape(found.group(1))


def medical_pages(ctx: SiteContext) -> list[str]:
    """Every page with a review: the items, the built pages and the free pages."""
    items = [ctx.url_of(kind, item_id) for kind in KINDS for item_id in ctx.items_of(kind)]
    return [*items, *BUILT, *(f"about/{page_id}/" for page_id in ctx.pages)]


def test_every_medical_page_the_demo_and_the_checklist_have_an_embed_view(
        site: Path, ctx: SiteContext) -> None:
    pages = medical_pages(ctx)
    assert len(pages) > 30
    missing = [page for page in pages if not (site / "embed" / page / "index.html").is_file()]
    assert missing == []
    embed = site / "embed"
    extra = {path.parent.relative_to(embed).as_posix() + "/" for path in embed.rglob("index.html")}
    assert extra == set(pages), "an embed view for each of these pages and nothing else"


def test_embed_views_hold_the_content_without_the_sites_navigation_search_or_storage(
        site: Path, ctx: SiteContext) -> None:
    for page in medical_pages(ctx):
        text = (site / "embed" / page / "index.html").read_text("utf-8")
        assert [chrome for chrome in SITE_CHROME if chrome in text] == [], page
        assert "<h1" in text and 'class="sh-embed-footer"' in text, page
        assert '<meta name="robots" content="noindex">' in text
        assert f'<link rel="canonical" href="{ctx.settings.site_url}{page}">' in text
        assert "embed-frame.js" in text


def test_the_care_card_and_the_footer_come_with_the_embed(site: Path, ctx: SiteContext) -> None:
    symptom = next(iter(ctx.symptoms))
    text = (site / "embed" / ctx.url_of("symptom", symptom) / "index.html").read_text("utf-8")
    assert "data-care-level=" in text, "the When to get help card"
    footer = text[text.index('<footer class="sh-embed-footer"'):]
    footer = footer[:footer.index("</footer>")]
    assert f"From {ctx.site.name}" in footer and "Last reviewed" in footer
    links = re.findall(r'<a href="([^"]+)" target="_blank" rel="noopener">', footer)
    assert f"../../../{ctx.url_of('symptom', symptom)}" in links, "the full page, in a new tab"


def test_no_link_in_an_embed_view_opens_a_full_page_inside_the_frame(site: Path) -> None:
    for path in (site / "embed").rglob("index.html"):
        for tag in re.findall(r"<a\b[^>]*>", path.read_text("utf-8")):
            href = re.search(r'href="([^"]*)"', tag)
            if href and not href.group(1).startswith("#"):
                assert 'target="_blank"' in tag, f"{path.relative_to(site)}: {tag}"


def test_every_embed_view_may_be_framed_by_other_sites_and_no_other_page_may(
        site: Path, ctx: SiteContext) -> None:
    rules = header_rules(site)
    for page in medical_pages(ctx):
        embed = headers_for_path(rules, "/embed/" + page)["Content-Security-Policy"]
        full = headers_for_path(rules, "/" + page)["Content-Security-Policy"]
        assert embed.count("frame-ancestors") == full.count("frame-ancestors") == 1
        assert embed.endswith("frame-ancestors " + " ".join(ctx.settings.embed.frame_ancestors))
        assert full.endswith("frame-ancestors 'self'")


def test_the_panel_gives_a_frame_of_the_embed_view_and_the_resizer(site: Path, ctx: SiteContext) -> None:
    for page in medical_pages(ctx):
        text = (site / page / "index.html").read_text("utf-8")
        assert text.count('<details class="sh-embed-panel" data-search-exclude>') == 1, page
        frame = _field(text, "frame")
        assert re.fullmatch(
            rf'<iframe src="{re.escape(ctx.settings.site_url)}embed/{re.escape(page)}" title="[^"<>]+" '
            r'width="100%" height="\d+" loading="lazy" scrolling="auto" data-second-heart-embed></iframe>',
            frame)
        script = _field(text, "script")
        assert script == f'<script src="{ctx.settings.site_url}assets/javascripts/embed.js" async></script>'
    assert (site / "assets" / "javascripts" / "embed.js").is_file()


def test_every_handout_link_in_the_site_leads_to_a_pdf(site: Path, ctx: SiteContext) -> None:
    found = 0
    for path in site.rglob("*.html"):
        for href in re.findall(r'<a href="([^"]+\.pdf)"', path.read_text("utf-8")):
            target = (path.parent / href).resolve()
            where = f"{path.relative_to(site)}: {href}"
            assert target.is_file() and target.read_bytes()[:5] == b"%PDF-", where
            found += 1
    if (site / "handouts").is_dir():
        assert found > 0
    else:  # built with --no-handouts: no links to them either
        assert found == 0


def test_every_topic_exercise_symptom_and_risk_factor_page_links_its_handout(
        site: Path, ctx: SiteContext) -> None:
    if not (site / "handouts").is_dir():
        pytest.skip(f"{site} was built with --no-handouts")
    for kind in KINDS:
        for item_id in ctx.items_of(kind):
            page = ctx.url_of(kind, item_id)
            pdf = f"handouts/{page.rstrip('/')}.pdf"
            full = (site / page / "index.html").read_text("utf-8")
            assert f'<p class="sh-handout-link"><a href="{"../" * page.count("/")}{pdf}">' in full, page
            embed = (site / "embed" / page / "index.html").read_text("utf-8")
            assert f'href="{"../" * (page.count("/") + 1)}{pdf}" target="_blank"' in embed, page
    for sheet in ("exercise-log.pdf", "my-plan.pdf"):
        assert (site / "handouts" / sheet).is_file()
