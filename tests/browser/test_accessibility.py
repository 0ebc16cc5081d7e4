"""WCAG 2.2 A/AA rules that a machine can check (axe-core, from npm), on every kind of
page, in the light and the dark scheme, plus the best-practice rules Lighthouse's
accessibility score counts that these pages could break (``EXTRA_RULES``). Widgets are
checked once they are ready."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.widget_pages import wait_for_state

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: Best-practice rules outside the WCAG tags that Lighthouse's accessibility score counts:
#: every dialog (Material's search) needs an accessible name, headings are not empty and
#: do not skip levels.
EXTRA_RULES = ["aria-dialog-name", "aria-text", "empty-heading", "heading-order"]
PAGES = {
    "": None,
    "get-help-now/": None,
    "topics/how-veins-and-valves-work/": "vein-valve",
    "topics/when-the-pump-weakens/": None,
    "risk-factors/long-travel/": None,
    "exercises/calf-raises/": None,
    "symptoms/dvt-warning-signs/": None,
    "demo/": "vein-valve",
    "checklist/": "risk-checklist",
    "glossary/": None,
    "references/": None,
    "about/model-comparison/": None,
    "embed/exercises/calf-raises/": None,  # an embed view, as other sites frame it (generators/embeds)
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_breaks_a_machine_checkable_wcag_rule(browser: Any, site_url: str, scheme: str) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci`")
    # Reduced motion turns transitions off (site.css), so colours are measured at rest,
    # not halfway through the header's fade when the page scrolls to a widget.
    # bypass_csp: axe is added as an inline script, which the site's policy rightly blocks
    # (tests/browser/test_csp.py checks the pages under that policy).
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    found = []
    try:
        for path, widget in PAGES.items():
            page.goto(site_url + path, wait_until="networkidle")
            if widget:
                page.locator(f'[data-widget="{widget}"]').scroll_into_view_if_needed()
                wait_for_state(page, widget, "ready")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                """async ([tags, extra]) => (await axe.run(document, {
                       runOnly: {type: "tag", values: tags},
                       rules: Object.fromEntries(extra.map((rule) => [rule, {enabled: true}]))}))
                     .violations.map((v) => `${v.id} (${v.impact}): ` +
                        v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "))""",
                [TAGS, EXTRA_RULES],
            )
            found += [f"{path or '/'}: {v}" for v in violations]
    finally:
        context.close()
    assert found == []
