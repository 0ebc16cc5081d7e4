"""Every item the brief requires has its page in the built site."""

from __future__ import annotations

import pytest

from tests.site.html_index import Page

REQUIRED = {
    "topics": ["what-is-the-calf-muscle-pump", "how-veins-and-valves-work", "why-it-matters",
               "when-the-pump-weakens", "how-to-strengthen-it", "devices-that-imitate-it",
               "who-benefits-most", "making-it-a-habit"],
    "risk-factors": ["long-sitting", "long-travel", "standing-jobs", "aging", "obesity", "pregnancy",
                     "family-history", "previous-dvt-or-leg-injury"],
    "symptoms": ["heavy-tired-legs", "ankle-swelling", "leg-cramps", "varicose-veins",
                 "skin-changes-and-ulcers", "dvt-warning-signs", "pulmonary-embolism-warning-signs"],
    "exercises": ["calf-raises", "ankle-pumps", "ankle-circles", "walking", "walking-breaks",
                  "leg-elevation", "staying-hydrated", "compression-stockings"],
}


@pytest.mark.parametrize("path", [f"{folder}/{item}/index.html" for folder, items in REQUIRED.items()
                                  for item in items])
def test_each_required_item_has_its_page(pages: dict[str, Page], path: str) -> None:
    assert path in pages, f"{path} is missing from the built site"


def test_the_glossary_and_references_are_substantial(pages: dict[str, Page]) -> None:
    assert len([i for i in pages["references/index.html"].ids if "-" in i]) >= 20
    assert len(pages["glossary/index.html"].ids) >= 10


def test_warning_sign_pages_show_the_care_card_of_their_level(pages: dict[str, Page]) -> None:
    for name, title in (("symptoms/dvt-warning-signs/index.html", "Get seen today"),
                        ("symptoms/pulmonary-embolism-warning-signs/index.html",
                         "Call your emergency number now")):
        assert title in pages[name].prose, name
