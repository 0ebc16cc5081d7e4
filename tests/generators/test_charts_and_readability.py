"""Charts carry a text and table alternative; the reading-grade measure counts like a person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generators.charts import chart_block, figure_json, load_dose_response, travel_clot_chart
from generators.errors import ContentErrors
from generators.readability import count_syllables, fk_grade

PROJECT = Path(__file__).resolve().parents[2]


def travel_chart():  # type: ignore[no-untyped-def]
    data = load_dose_response(PROJECT / "content/data/travel-clot-risk.yml", {"chandra-2009"})
    return travel_clot_chart(data)


def test_the_travel_chart_follows_the_published_trend_of_18_percent_per_2_hours() -> None:
    chart = travel_chart()
    rows = {int(r[0]): float(r[1]) for r in chart.table_rows}
    assert rows[0] == 1.0
    assert rows[2] == pytest.approx(1.18, abs=0.005)
    assert rows[16] == pytest.approx(1.18 ** 8, abs=0.005)
    assert "18% higher" in chart.summary


def test_a_chart_block_has_a_summary_a_data_table_and_a_local_data_file() -> None:
    block = chart_block(travel_chart())
    assert 'data-chart-src="assets/charts/travel-clot-risk.json"' in block
    assert 'class="sh-chart__summary"' in block and "<table>" in block and "<caption>" in block
    assert block.count("<tr>") == 1 + 9  # header and 0, 2, ... 16 hours


def test_figure_json_leaves_colours_to_the_page_theme() -> None:
    figure = json.loads(figure_json(travel_chart()))
    assert set(figure) == {"data", "layout"}
    assert "template" not in figure["layout"]


def test_chart_data_must_name_a_known_reference(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "travel.yml"
    path.write_text((PROJECT / "content/data/travel-clot-risk.yml").read_text())
    with pytest.raises(ContentErrors) as caught:
        load_dose_response(path, set())
    assert str(caught.value.errors[0]) == (
        "content/data/travel.yml: at 'source' expected the id of an entry in content/references.yml, got "
        "'chandra-2009', which is not there. Fix: add the source to content/references.yml or correct the id")


@pytest.mark.parametrize(("word", "syllables"), [
    ("walk", 1), ("walking", 2), ("pressure", 2), ("gravity", 3), ("circulation", 4), ("valve", 1),
    ("ankle", 2), ("muscle", 2), ("compression", 3), ("insufficiency", 5), ("raised", 1), ("rested", 2),
    ("serious", 3), ("heavy", 2), ("people", 2), ("exercise", 3),
])
def test_syllables_are_counted_like_a_dictionary_would(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_short_plain_sentences_score_low_and_dense_prose_scores_high() -> None:
    plain = "Stand up. Rise onto your toes. Hold for a second. Lower slowly."
    dense = ("Intermittent pneumatic compression substantially accelerates femoral venous "
             "velocity, consequently diminishing postoperative thromboembolic complications.")
    assert fk_grade(plain) < 3
    assert fk_grade(dense) > 16
