"""Render the tiny fixture project the same way for the golden test and its updater."""

from __future__ import annotations

from pathlib import Path

from generators.content.loader import load_content
from generators.pages.pages import Embeds, render_site

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mini" / "content"
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "mini"
#: The fixture's interface words are a copy of the project's (update_golden refreshes it).
PROJECT_UI = Path(__file__).resolve().parents[2] / "content" / "en" / "ui.yml"

# Widget blocks are the widgets' own business (tested in tests/widgets); fixed text here
# keeps the golden files about the pages.
BLOCKS = Embeds(widgets={"vein-valve": '<div data-widget="vein-valve"></div>',
                         "risk-checklist": '<div data-widget="risk-checklist"></div>'})


def render_fixture() -> dict[str, str]:
    ctx = load_content(FIXTURE)
    site = render_site(ctx, BLOCKS)
    pages = {page.path: page.text for page in site.pages}
    pages["_nav.txt"] = repr(site.nav) + "\n"
    return pages
