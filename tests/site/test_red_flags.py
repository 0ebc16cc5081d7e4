"""The red flags in the built site: each sign on the "Get help now" page under the heading
and in the box of its care level, and on the pages a reader of that topic needs it.

The new red flags of issue #8 are listed here on their own, with the level and the pages
the clinical review asked for, so that a content edit that drops one fails a named test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generators.content.loader import load_content

PROJECT = Path(__file__).resolve().parents[2]

#: How each level is shown: the heading on "Get help now" and the Material box type.
LEVELS = {
    "emergency": ("Call your emergency number now", "danger"),
    "urgent": ("Get seen today", "warning"),
    "soon": ("See your doctor or nurse soon", "note"),
}

#: red flag id -> (level, pages that must list it, words its block must hold)
NEW_RED_FLAGS: dict[str, tuple[str, list[str], list[str]]] = {
    "cold-painful-leg": ("emergency", ["symptoms/heavy-tired-legs", "symptoms/leg-cramps",
                                       "exercises/leg-elevation"], ["cold", "pale", "numb"]),
    "cellulitis": ("urgent", ["symptoms/ankle-swelling", "symptoms/skin-changes-and-ulcers"],
                   ["red, hot, swollen", "cellulitis"]),
    "infected-ulcer": ("urgent", ["symptoms/skin-changes-and-ulcers", "exercises/compression-stockings"],
                       ["fever", "getting bigger"]),
    "bleeding-varicose-vein": ("urgent", ["symptoms/varicose-veins"], [
        "Lie down", "raise the leg", "Press firmly", "Call your emergency number now"]),
    "pre-eclampsia": ("urgent", ["risk-factors/pregnancy", "symptoms/ankle-swelling"],
                      ["face, hands or feet", "headache", "problems seeing", "below the ribs"]),
    "diabetic-foot-wound": ("urgent", ["symptoms/skin-changes-and-ulcers", "exercises/compression-stockings"],
                            ["diabetes", "wound"]),
    "swelling-with-breathlessness": ("urgent", ["symptoms/ankle-swelling", "exercises/leg-elevation"],
                                     ["lie flat", "struggling to breathe"]),
}


@dataclass
class Flag:
    level: str
    box: str  # the Material admonition type around it
    heading: str  # the last h2 before it
    text: str = ""


@dataclass
class FlagPage:
    flags: dict[str, Flag] = field(default_factory=dict)
    links_by_box: list[tuple[str, str]] = field(default_factory=list)  # (href, box type)


class _FlagParser(HTMLParser):
    """Collects every ``data-red-flag`` block with its level, box and heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = FlagPage()
        self.stack: list[tuple[str, str | None, str | None]] = []  # (tag, box type, flag id)
        self.heading = ""
        self.in_h2 = False

    def box(self) -> str:
        return next((b for _tag, b, _flag in reversed(self.stack) if b), "")

    def flag(self) -> str | None:
        return next((f for _tag, _box, f in reversed(self.stack) if f), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        box = next((c for c in classes if c in ("danger", "warning", "note")), None) \
            if "admonition" in classes else None
        flag = a.get("data-red-flag")
        if flag:
            self.page.flags[flag] = Flag(a.get("data-level", ""), self.box(), self.heading)
        if tag == "a" and a.get("href", "").startswith("#"):
            self.page.links_by_box.append((a["href"], self.box()))
        if tag == "h2":
            self.in_h2, self.heading = True, ""
        if tag not in ("br", "img", "input", "hr", "meta", "link"):
            self.stack.append((tag, box, flag))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self.in_h2 = False
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_h2:
            self.heading += data.strip().rstrip("¶").strip()
        flag = self.flag()
        if flag:
            self.page.flags[flag].text += data


def flag_page(site_dir: Path, url: str) -> FlagPage:
    parser = _FlagParser()
    parser.feed((site_dir / url / "index.html").read_text("utf-8"))
    return parser.page


@pytest.fixture(scope="module")
def get_help(site_dir: Path) -> FlagPage:
    return flag_page(site_dir, "get-help-now")


@pytest.mark.parametrize("flag_id", sorted(NEW_RED_FLAGS))
def test_each_new_red_flag_is_at_its_level_on_get_help_now_and_on_the_pages_that_need_it(
    site_dir: Path, get_help: FlagPage, flag_id: str
) -> None:
    level, pages, words = NEW_RED_FLAGS[flag_id]
    heading, box = LEVELS[level]
    on_get_help = get_help.flags[flag_id]
    assert (on_get_help.level, on_get_help.box, on_get_help.heading) == (level, box, heading)
    for word in words:
        assert word in " ".join(on_get_help.text.split()), f"'{word}' is not in the {flag_id} sign"
    for url in pages:
        shown = flag_page(site_dir, url).flags.get(flag_id)
        assert shown is not None, f"{url} does not list {flag_id}"
        assert (shown.level, shown.box, shown.heading) == (level, box, "When to get help"), url


@pytest.mark.parametrize("flag_id", ["bleeding-varicose-vein", "swelling-with-breathlessness", "cellulitis"])
def test_signs_that_can_become_an_emergency_are_also_in_the_emergency_box(
    get_help: FlagPage, flag_id: str
) -> None:
    assert (f"#{flag_id}", "danger") in get_help.links_by_box


def test_get_help_now_lists_every_red_flag_of_the_content_under_its_level(get_help: FlagPage) -> None:
    care = load_content(PROJECT / "content").care
    assert set(get_help.flags) == {flag.id for flag in care.red_flags}
    for flag in care.red_flags:
        assert get_help.flags[flag.id].heading == care.level(flag.level).title, flag.id


def test_every_page_a_red_flag_names_lists_it(site_dir: Path) -> None:
    ctx = load_content(PROJECT / "content")
    folders = {"symptoms": "symptoms", "risk_factors": "risk-factors", "exercises": "exercises"}
    missing = []
    for flag in ctx.care.red_flags:
        for field_name, folder in folders.items():
            for item_id in getattr(flag.shown_on, field_name):
                if flag.id not in flag_page(site_dir, f"{folder}/{item_id}").flags:
                    missing.append(f"{folder}/{item_id}: {flag.id}")
    assert missing == []


def test_every_symptom_and_risk_factor_page_ends_with_when_to_get_help(site_dir: Path) -> None:
    ctx = load_content(PROJECT / "content")
    for folder, ids in (("symptoms", ctx.symptoms), ("risk-factors", ctx.risk_factors)):
        for item_id in ids:
            page = flag_page(site_dir, f"{folder}/{item_id}")
            assert page.flags, f"{folder}/{item_id} has no red flag"
            assert {flag.heading for flag in page.flags.values()} == {"When to get help"}, item_id
