"""Every picture renders as a small, safe, scalable SVG that names itself, and every step of
every exercise has one."""

from __future__ import annotations

import ast
import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from generators.content.readability import fk_grade
from generators.content.svg import check_svg
from generators.pictures import ALL_PICTURES, DIAGRAMS, PICTURES, render
from generators.pictures.svgdoc import CLASS_RULES, COLOURS, STYLE

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = ROOT / "content" / "en" / "exercises"
TOPICS = ROOT / "content" / "en" / "topics"
SVG = "{http://www.w3.org/2000/svg}"
IDS = sorted(ALL_PICTURES)


def _yaml(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return loaded


def _all_entries() -> list[dict[str, Any]]:
    """Every picture the English content places: exercise steps, cautions, topic figures."""
    entries: list[dict[str, Any]] = []
    for path in sorted(EXERCISES.glob("*.yml")):
        exercise = _yaml(path)
        entries += exercise.get("pictures", [])
        entries += [c["picture"] for c in exercise["take_care"] if c.get("picture")]
    for path in sorted(TOPICS.glob("*.yml")):
        entries += _yaml(path).get("figures", [])
    return entries


@pytest.mark.parametrize("picture_id", IDS)
def test_each_picture_is_a_scalable_svg_named_by_its_alt_text(picture_id: str) -> None:
    svg = render(picture_id, "A person <rises> on their toes & back")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    box = [float(v) for v in root.attrib["viewBox"].split()]
    assert len(box) == 4 and box[2] > 0 and box[3] > 0
    assert "width" not in root.attrib and "height" not in root.attrib  # scales to a 320 px phone
    assert root.attrib["role"] == "img"
    title = root[0]
    assert title.tag == f"{SVG}title" and title.text == "A person <rises> on their toes & back"
    assert "&lt;rises&gt;" in svg and "&amp; back" in svg


@pytest.mark.parametrize("picture_id", IDS)
def test_each_picture_passes_the_authored_svg_check_and_is_under_10_kb(picture_id: str) -> None:
    data = render(picture_id, "alt").encode("utf-8")
    assert check_svg(data, f"{picture_id}.svg") == []
    assert len(data) < 10_240


@pytest.mark.parametrize("picture_id", IDS)
def test_each_picture_can_sit_many_times_on_one_page(picture_id: str) -> None:
    """No ids (they would clash when a page inlines several pictures), no scripts, and
    coordinates rounded to one decimal."""
    svg = render(picture_id, "alt")
    assert " id=" not in svg and "<script" not in svg and "href" not in svg
    assert not re.search(r"\d\.\d\d", svg)


def test_the_same_input_gives_the_same_bytes_in_a_fresh_interpreter() -> None:
    here = hashlib.sha256("".join(render(i, f"alt {i}") for i in IDS).encode()).hexdigest()
    code = ("import hashlib;from generators.pictures import ALL_PICTURES, render;"
            "print(hashlib.sha256(''.join(render(i, f'alt {i}') for i in sorted(ALL_PICTURES)).encode())"
            ".hexdigest())")
    fresh = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345", "PATH": ""}, timeout=60)
    assert fresh.stdout.strip() == here
    assert render("calf-raises-rise", "x") == render("calf-raises-rise", "x")


def test_start_and_end_labels_come_in_the_page_language() -> None:
    svg = render("calf-raises-rise", "alt", ("début", "fin <"))
    assert ">début</text>" in svg and ">fin &lt;</text>" in svg
    assert ">start</text>" in render("calf-raises-rise", "alt")


def test_an_unknown_picture_id_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        render("calf-raise-rise", "alt")


def test_the_style_follows_the_page_in_light_dark_and_print() -> None:
    assert STYLE.startswith(".sh-pic{fill:none;stroke:currentColor;")
    assert '[data-md-color-scheme="slate"] .sh-pic{--sh-pic-body:#28524c;' in STYLE
    assert "@media print{.sh-pic,[data-md-color-scheme] .sh-pic{color:#000;--sh-pic-body:#fff;" in STYLE
    assert "font-family:inherit" in STYLE and "@import" not in STYLE


@pytest.mark.parametrize("picture_id", IDS)
def test_each_picture_styles_every_class_it_uses(picture_id: str) -> None:
    svg = render(picture_id, "alt")
    used = {name for found in re.findall(r'class="([^"]*)"', svg) for name in found.split()} - {"sh-pic"}
    assert used <= set(CLASS_RULES)
    style = svg[svg.index("<style>"):svg.index("</style>")]
    assert all(f".sh-pic .{name}" in style for name in used)
    assert all(f"--sh-pic-{var}:" in style for var in re.findall(r"var\(--sh-pic-([a-z-]+)\)", style))


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", ["ghost", "arrow", "back", "heart"])
def test_coloured_lines_meet_3_to_1_on_white_and_on_the_dark_scheme(name: str) -> None:
    """WCAG 1.4.11 (non-text contrast); other lines are currentColor, the text colour."""
    light, dark, _print = COLOURS[name]
    assert _contrast(light, "#ffffff") >= 3.0
    assert _contrast(dark, "#1e2029") >= 3.0  # Material's slate background


def test_every_step_of_every_exercise_has_a_picture() -> None:
    files = sorted(EXERCISES.glob("*.yml"))
    assert files
    for path in files:
        exercise = _yaml(path)
        pictures = exercise.get("pictures", [])
        assert len(pictures) == len(exercise["steps"]), f"{path.stem}: one picture per step"


def test_every_mapped_picture_exists_and_every_picture_is_used() -> None:
    used = [entry["picture"] for entry in _all_entries()]
    assert set(used) <= set(ALL_PICTURES)
    assert set(ALL_PICTURES) <= set(used)


def test_alt_texts_are_plain_words_at_grade_6_or_lower() -> None:
    for entry in _all_entries():
        assert entry["alt"].strip() and "<" not in entry["alt"]
        assert fk_grade(entry["alt"]) <= 6.0, entry["alt"]


def test_the_diagrams_are_placed_on_the_mechanism_topics_with_a_caption() -> None:
    placed = {path.stem: _yaml(path).get("figures", []) for path in sorted(TOPICS.glob("*.yml"))}
    assert {topic for topic, figures in placed.items() if figures} == {
        "how-veins-and-valves-work", "when-the-pump-weakens"}
    for figures in placed.values():
        for entry in figures:
            assert entry["picture"] in DIAGRAMS and entry["caption"].strip()


def test_the_diagrams_carry_their_labels_as_text_and_the_poses_carry_none_but_start_and_end() -> None:
    words = re.compile(r"<text[^>]*>([^<]*)</text>")
    assert set(words.findall(render("diagram-calf-pump", "alt"))) >= {"calf muscle", "deep vein", "valve"}
    assert "blood falls back" in words.findall(render("diagram-valves", "alt"))
    for picture_id in PICTURES:
        assert set(words.findall(render(picture_id, "alt"))) <= {"start", "end"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_pictures_use_only_the_standard_library_and_each_other() -> None:
    """Nothing from a later stage (pages, widgets, charts, build, command line)."""
    files = sorted((ROOT / "generators" / "pictures").glob("*.py"))
    assert files
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for path in files:
        for name in _imports(path):
            assert name.split(".")[0] in allowed or name.startswith("generators.pictures"), (path.name, name)


def test_the_svg_check_is_stage_1_and_standard_library_only() -> None:
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for name in _imports(ROOT / "generators" / "content" / "svg.py"):
        assert name.split(".")[0] in allowed or name == "generators.errors", name
