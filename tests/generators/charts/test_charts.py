"""Charts carry a text and table alternative, and draw the cited data as published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generators.charts.spec import ChartSpec, chart_block, figure_json
from generators.charts.travel import travel_clot_chart
from generators.content.data_schema import DoseResponse

PROJECT = Path(__file__).resolve().parents[3]


def travel_chart() -> ChartSpec:
    data = yaml.safe_load((PROJECT / "content/data/travel-clot-risk.yml").read_text())
    words = yaml.safe_load((PROJECT / "content/en/ui.yml").read_text())["chart_text"]
    return travel_clot_chart(DoseResponse.model_validate(data), words)


def test_the_travel_chart_follows_the_published_trend_of_18_percent_per_2_hours() -> None:
    chart = travel_chart()
    rows = {int(r[0]): float(r[1]) for r in chart.table_rows}
    assert rows[4] == 1.0
    assert rows[6] == pytest.approx(1.18, abs=0.005)
    assert rows[16] == pytest.approx(1.18 ** 6, abs=0.005)
    assert "18% higher" in chart.summary


def test_the_travel_chart_never_draws_the_trend_below_its_baseline_and_says_what_it_compares_with() -> None:
    chart = travel_chart()
    assert min(int(r[0]) for r in chart.table_rows) == 4
    assert chart.table_columns[1] == "Risk compared with a 4-hour trip (times)"
    assert "A 16-hour trip carries about 2.7 times the risk of a 4-hour trip." in chart.summary
    assert "about 2 to 3 times as likely as not traveling" in chart.summary
    assert "1 in 4,600 flights over 4 hours" in chart.summary


def test_a_chart_block_has_a_summary_a_data_table_and_a_local_data_file() -> None:
    block = chart_block(travel_chart(), {"narrow": "<svg></svg>"}, {
        "explore": "Explore", "loading": "Loading", "done": "Done", "failed": "Failed",
        "show_table": "Show the numbers as a table"})
    assert 'data-chart-src="assets/charts/travel-clot-risk.json"' in block
    assert 'class="sh-chart__summary"' in block and "<table>" in block and "<caption>" in block
    assert block.count("<tr>") == 1 + 7  # header and 4, 6, ... 16 hours


def test_figure_json_leaves_colours_to_the_page_theme() -> None:
    figure = json.loads(figure_json(travel_chart()))
    assert set(figure) == {"data", "layout", "narrow"}  # narrow: changes for a phone's column
    assert "template" not in figure["layout"]
    assert "color" not in figure["layout"]["font"]  # the page's scheme gives text and grid colours
