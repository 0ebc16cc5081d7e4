"""Relative links are checked against the pages the build makes: stage 1's list of them
(build.BUILT_PAGES, links.FREE_PAGES) is kept in step with what stage 3 renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.build import BUILT_PAGES
from generators.content import links
from generators.content.kinds import KINDS
from generators.content.loader import load_content
from generators.embeds.views import EMBED_FOLDER
from generators.pages.pages import render_site
from tests.generators.content.malformed import PAGE, PAGE_TEXT
from tests.generators.golden import BLOCKS, FIXTURE


def test_the_pages_stage_one_checks_links_against_are_the_pages_stage_three_makes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / PAGE).parent.mkdir()
    (content / PAGE).write_text(PAGE_TEXT)
    ctx = load_content(content)
    made = {page.path for page in render_site(ctx, BLOCKS).pages}
    # Embed views (embed/<path>) are for other sites' iframes, never a target of content links.
    rendered = {path for path in made if not path.startswith(f"{EMBED_FOLDER}/")}
    assert {path.removeprefix(f"{EMBED_FOLDER}/") for path in made - rendered} <= rendered  # mirrors
    items = {ctx.doc_of(kind.name, item_id) for kind in KINDS for item_id in ctx.items_of(kind.name)}
    free = {f"{links.FREE_PAGES}/{page_id}.md" for page_id in ctx.pages}
    assert rendered == BUILT_PAGES | items | free


@pytest.mark.parametrize(("href", "published_in", "dead"), [
    ("../references.md", "about/faq.md", None),
    ("../../demo/", "topics/calf-pump.md", None),
    ("demo.md", "index.md", None),
    ("checklist/", "index.md", None),
    ("../exercises/ankle-pumps.md#how", "topics/calf-pump.md", None),
    ("../pictures/leg.svg", "topics/calf-pump.md", None),  # a file, not a page: left alone
    ("../referenses.md", "about/faq.md", "to referenses.md, a page the build does not make"),
    ("../../demos/", "topics/calf-pump.md", "to demos/, a page the build does not make"),
    ("../../../x/", "topics/calf-pump.md", "outside the site"),
])
def test_a_relative_link_resolves_as_mkdocs_and_browsers_resolve_it(href: str, published_in: str,
                                                                    dead: str | None) -> None:
    docs = frozenset({"index.md", "demo.md", "checklist.md", "references.md", "about/faq.md",
                      "topics/calf-pump.md", "exercises/ankle-pumps.md"})
    assert links._dead(href, published_in, docs) == dead
