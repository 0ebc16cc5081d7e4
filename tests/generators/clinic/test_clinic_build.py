"""A clinic's branded build: the example clinic's name, logo, phone, emergency number and
reviewer are where a patient looks for them, and the generic site's wording is gone.

One build of clinics/example.yml per session (about a minute), read by every test here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generators.clinic import branding, load_clinic
from generators.clinic_builds import build_clinic
from generators.handouts.branding import contrast

PROJECT = Path(__file__).resolve().parents[3]
EXAMPLE = PROJECT / "clinics" / "example.yml"
NAME = "Riverside Vein Clinic (example)"
PHONE = "0161 496 0123"
TEL = 'href="tel:01614960123"'
REVIEWER = "Dr Ada Example, a made-up example reviewer"
ROLE = "Consultant vascular surgeon"
#: The generic site's words for what a clinic's file says instead.
GENERIC = ("not yet reviewed by a clinician", "999, 911 or 112", "your emergency number",
           "your local emergency number", "NHS 111 in the UK")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clinic") / "example"
    report = build_clinic(PROJECT, EXAMPLE, out)
    assert report.pages > 40
    return out


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def main_content(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def care_cards(html: str) -> list[str]:
    """Each care-level box of a page (``data-care-level``), up to the next one, without the
    glossary's tooltips (<abbr>: "Vein" in the clinic's name is a glossary term)."""
    text = re.sub(r"</?abbr[^>]*>", "", main_content(html))
    return re.split(r'(?=<div class="admonition [a-z]+" data-care-level=)', text)[1:]


def test_the_header_shows_the_clinics_logo_and_name(site: Path) -> None:
    html = page(site, "topics/what-is-the-calf-muscle-pump")
    header = html.split('<header class="md-header', 1)[1].split("</header>", 1)[0]
    assert re.search(r'<img src="(\.\./)*assets/clinic/logo\.svg" alt="logo">', header)
    assert NAME in header and "Second Heart" not in header
    logo = (PROJECT / "clinics" / "example-logo.svg").read_bytes()
    assert (site / "assets" / "clinic" / "logo.svg").read_bytes() == logo


def test_the_footer_of_every_page_gives_the_clinics_contact_and_reviewer(site: Path) -> None:
    pages = [path for path in sorted(site.rglob("index.html")) if "embed" not in path.relative_to(site).parts]
    assert len(pages) > 40  # the embed views have no site footer (generators/embeds)
    for path in pages:
        footer = path.read_text("utf-8").split('<footer class="md-footer">', 1)[1]
        contact = footer.split('<div class="sh-clinic-contact">', 1)[1].split("</div>", 1)[0]
        assert f"{TEL}>{PHONE}</a>" in contact, path
        assert "Monday to Friday, 8am to 6pm" in contact
        assert f"Pages checked for this clinic by {REVIEWER} ({ROLE}), 29 November 2026." in contact


def test_every_care_card_gives_the_clinics_phone_and_the_emergency_one_says_999(site: Path) -> None:
    for path in ("get-help-now", "symptoms/dvt-warning-signs", "risk-factors/long-travel",
                 "exercises/walking"):
        cards = care_cards(page(site, path))
        assert cards, path
        for card in cards:
            assert f"Your clinic:</strong> {NAME}, <a {TEL}>{PHONE}</a>" in card, path
        emergency = [card for card in cards if 'data-care-level="emergency"' in card]
        for card in emergency:
            assert "Call 999 now" in card


def test_the_get_help_page_names_999_nhs_111_and_the_clinic(site: Path) -> None:
    text = main_content(page(site, "get-help-now"))
    assert 'id="call-999-now"' in text  # the heading of the emergency level
    assert "Call 999 in an emergency." in text
    assert "or call NHS 111" in text
    assert "Questions about your legs? Ask any of our nurses at your next visit, or call us." in text


def test_every_reviewed_page_names_the_clinics_reviewer_and_its_json_ld_says_so(site: Path) -> None:
    checked = 0
    for path in sorted(site.rglob("index.html")):
        html = path.read_text("utf-8")
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        if found is None or "/embed/" in path.as_posix():
            continue
        data = json.loads(found.group(1))
        assert data["reviewedBy"] == {"@type": "Person", "name": REVIEWER, "jobTitle": ROLE}
        assert data["lastReviewed"] == "2026-11-29"
        assert data["url"].startswith("https://legs.riverside-vein-clinic.example.org/")
        assert f"<strong>Reviewed by:</strong> {REVIEWER} ({ROLE})" in html, path
        checked += 1
    assert checked > 30


def test_no_page_keeps_the_generic_wording(site: Path) -> None:
    for path in sorted([*site.rglob("*.html"), site / "search" / "search_index.json",
                        *site.rglob("checklist.json")]):
        text = path.read_text("utf-8")
        for words in GENERIC:
            assert words not in text, f"{path.relative_to(site)} still says '{words}'"


def test_the_clinics_colours_reach_the_pages_through_a_stylesheet(site: Path) -> None:
    html = page(site, "topics/what-is-the-calf-muscle-pump")
    assert re.search(r'<link rel="stylesheet" href="(\.\./)*assets/stylesheets/clinic\.css"', html)
    css = (site / "assets" / "stylesheets" / "clinic.css").read_text("utf-8")
    light, dark = css.split('[data-md-color-scheme="slate"]')
    assert "--md-primary-fg-color: #00564d;" in light and "--md-accent-fg-color: #7a2e8a;" in light
    assert "--md-typeset-a-color: #e0a8ec;" in dark


def test_the_web_app_manifest_has_the_clinics_name_and_colour(site: Path) -> None:
    manifest = json.loads((site / "manifest.webmanifest").read_text("utf-8"))
    named = (manifest["name"], manifest["short_name"], manifest["theme_color"])
    assert named == (NAME, "Riverside", "#00564d")


def test_the_about_page_says_a_clinician_checked_the_pages_for_this_clinic(site: Path) -> None:
    text = main_content(page(site, "about/about"))
    assert "A clinician has checked these pages for this clinic" in text
    assert f"Pages checked for this clinic by {REVIEWER} ({ROLE}), 29 November 2026." in text
    assert "No clinician has checked these pages yet" not in text


def test_the_clinics_printed_handouts_carry_its_name_phone_and_emergency_number(site: Path) -> None:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(site / "handouts" / "symptoms" /
                                                                 "dvt-warning-signs.pdf").pages)
    assert f"{NAME} · from Second Heart" in text
    assert f"Phone {PHONE}" in text
    assert "Call 999 now" in text and "999, 911 or 112" not in text


def test_a_clinics_handouts_carry_its_name_logo_contact_and_colours() -> None:
    loaded = load_clinic(PROJECT, EXAMPLE)
    brand = branding(loaded, PROJECT)
    assert (brand.name, brand.phone, brand.primary) == (NAME, PHONE, "#00564d")
    assert (brand.logo_data_url() or "").startswith("data:image/svg+xml;base64,")
    assert contrast(brand.accent, "#ffffff") >= 4.5
