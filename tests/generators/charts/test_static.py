"""A chart's first paint is a build-time picture of the same figure: it shows the numbers
in the data table, obeys the Content-Security-Policy, follows the colour scheme, and a
build whose charts did not change draws nothing again."""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
import types
from pathlib import Path

import pytest

from generators.charts import static
from generators.charts.spec import chart_block, figure_json
from generators.charts.static import SIZES, clean_svg, static_svgs
from generators.errors import BuildError
from tests.generators.charts.test_charts import PROJECT, travel_chart

WORDS = {"explore": "Explore the chart", "loading": "Loading", "done": "Done", "failed": "Failed",
         "show_table": "Show the numbers as a table"}


@pytest.fixture(scope="module")
def travel_pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").is_file():
        pytest.skip("no Chromium to draw with")
    project = _project(tmp_path_factory.mktemp("project"))
    return static_svgs({"travel-clot-risk": figure_json(travel_chart())}, project)["travel-clot-risk"]


def _project(folder: Path) -> Path:
    """A project folder with the real front-end packages and an empty cache."""
    (folder / "node_modules").symlink_to(PROJECT / "node_modules")
    return folder


def _ticks(svg: str, axis: str) -> list[tuple[float, float]]:
    """(pixel position, value) of each labelled tick on the x or y axis."""
    out = []
    for group in re.findall(rf'<g class="{axis}tick">(.*?)</g>', svg):
        position = re.search(r'translate\(([-\d.]+),([-\d.]+)\)', group)
        label = re.search(r">([^<]+)</text>", group)
        if position and label:
            pixel = float(position.group(1) if axis == "x" else position.group(2))
            out.append((pixel, float(label.group(1).replace("\u2212", "-"))))
    return out


def _linear(ticks: list[tuple[float, float]]) -> tuple[float, float]:
    """Value = a * pixel + b, from the first and last tick."""
    (p0, v0), (p1, v1) = ticks[0], ticks[-1]
    a = (v1 - v0) / (p1 - p0)
    return a, v0 - a * p0


@pytest.mark.parametrize("variant", sorted(SIZES))
def test_the_pictures_line_goes_through_every_value_in_the_data_table(
        travel_pictures: dict[str, str], variant: str) -> None:
    svg = travel_pictures[variant]
    plot_area = re.search(r'id="clip-travel-clot-risk-\w+xy"><rect x="([\d.]+)" y="([\d.]+)"', svg)
    assert plot_area, "the picture has a plot area"
    left, top = float(plot_area.group(1)), float(plot_area.group(2))
    xa, xb = _linear(_ticks(svg, "x"))
    ya, yb = _linear(_ticks(svg, "y"))
    path = re.search(r'<path class="js-line" d="M([^"]+)"', svg)
    assert path, "the picture draws the line"
    points = [(xa * (left + float(x)) + xb, ya * (top + float(y)) + yb)
              for x, y in (pair.split(",") for pair in path.group(1).split("L"))]
    rows = [(float(hours), float(risk)) for hours, risk in travel_chart().table_rows]
    assert len(points) == len(rows)
    for (x, y), (hours, risk) in zip(points, rows, strict=True):
        assert x == pytest.approx(hours, abs=0.05)
        assert y == pytest.approx(risk, abs=0.02)


def test_the_picture_has_no_style_attribute_and_takes_its_colours_from_the_page(
        travel_pictures: dict[str, str]) -> None:
    for svg in travel_pictures.values():
        assert "style=" not in svg and "<style" not in svg and "<script" not in svg
        assert "rgb(1, 2, 3)" not in svg and "rgb(4, 5, 6)" not in svg  # placeholders all replaced
        assert 'class="sh-chart__svg' in svg and 'aria-hidden="true"' in svg
        assert "sh-svg-text" in svg and "sh-svg-grid" in svg
        assert "Atkinson Hyperlegible" in svg


def test_the_same_figure_gives_the_same_picture_and_a_second_build_needs_no_browser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").is_file():
        pytest.skip("no Chromium to draw with")
    project = _project(tmp_path)
    figures = {"travel-clot-risk": figure_json(travel_chart())}
    first = static_svgs(figures, project)
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(Path, "is_file", _no_browser(Path.is_file))
    assert static_svgs(figures, project) == first


def _no_browser(is_file):  # type: ignore[no-untyped-def]
    """Path.is_file, blind to every installed Chromium."""
    def check(path: Path) -> bool:
        return False if "chrom" in path.name else bool(is_file(path))
    return check


def test_without_a_browser_and_nothing_drawn_before_the_build_says_how_to_fix_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    monkeypatch.setenv("CHROMIUM", "")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(Path, "is_file", _no_browser(Path.is_file))
    with pytest.raises(BuildError) as err:
        static_svgs({"travel-clot-risk": figure_json(travel_chart())}, project)
    assert str(err.value) == (
        "no Chromium found to draw the charts' first pictures (Plotly's exporter, Kaleido, needs one). "
        "Fix: install it (apt-get install chromium; ./dev build does it for you) or set "
        "CHROMIUM=/path/to/chromium")


def test_cleaning_turns_styles_into_attributes_and_placeholder_colours_into_classes() -> None:
    raw = ('<svg class="main-svg" width="360" height="420" style="" viewBox="0 0 360 420">'
           '<defs id="defs-a1b2c3"><clipPath id="clipa1b2c3xy"><rect/></clipPath></defs>'
           '<text class="xtitle" style="font-family: &quot;Atkinson Hyperlegible&quot;, sans-serif; '
           'font-size: 14px; fill: rgb(1, 2, 3); fill-opacity: 1; white-space: pre;">Hours</text>'
           '<path class="xgrid crisp" d="M0,0v9" style="stroke: rgb(4, 5, 6); stroke-width: 1px;"/>'
           '<g clip-path="url(#clipa1b2c3xy)"/></svg>')
    svg = clean_svg(raw, "travel", "narrow")
    assert svg == (
        '<svg class="sh-chart__svg sh-chart__svg--narrow" viewBox="0 0 360 420" aria-hidden="true" '
        'focusable="false"><defs id="defs--travel-narrow"><clipPath id="clip-travel-narrowxy"><rect/>'
        '</clipPath></defs><text class="xtitle sh-svg-text" font-family="&#x27;Atkinson Hyperlegible&#x27;, '
        'sans-serif" font-size="14px" fill-opacity="1">Hours</text><path class="xgrid crisp sh-svg-grid" '
        'd="M0,0v9" stroke-width="1px"/><g clip-path="url(#clip-travel-narrowxy)"/></svg>')


def test_a_chart_block_shows_the_picture_first_and_a_button_to_explore_it() -> None:
    block = chart_block(travel_chart(), {"narrow": "<svg>N</svg>", "wide": "<svg>W</svg>"}, WORDS)
    assert '<div class="sh-chart__plot" data-chart-src="assets/charts/travel-clot-risk.json"' in block
    assert "<svg>N</svg><svg>W</svg></div>" in block
    assert re.search(r'<button type="button" class="md-button sh-chart__explore" '
                     r'aria-controls="chart-travel-clot-risk"[^>]*>Explore the chart</button>', block)
    assert "<summary>Show the numbers as a table</summary>" in block


class _HungBrowser:
    """Kaleido whose browser never finishes starting (as seen once in CI)."""

    starts = 0

    def __init__(self, **_: object) -> None:
        type(self).starts += 1

    async def __aenter__(self) -> _HungBrowser:
        await asyncio.sleep(3600)
        return self

    async def __aexit__(self, *_: object) -> None:
        return None


def test_a_browser_that_hangs_is_given_up_after_a_second_try_with_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    fake = types.SimpleNamespace(Kaleido=_HungBrowser, PageGenerator=lambda **_: None)
    monkeypatch.setitem(sys.modules, "kaleido", fake)
    monkeypatch.setattr(static, "DRAW_TIMEOUT_S", 0.2)
    monkeypatch.setenv("CHROMIUM", shutil.which("true") or "/bin/true")
    with pytest.raises(BuildError) as err:
        static_svgs({"travel-clot-risk": figure_json(travel_chart())}, project)
    assert _HungBrowser.starts == 2
    assert "Chromium did not draw the charts within 0.2 s, 2 times" in str(err.value)
