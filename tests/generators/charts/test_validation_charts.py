"""The comparison page's band charts: every published band drawn, the model's value on it,
and the same within/outside verdicts as the validation table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generators.charts import CHART_EMBEDS
from generators.charts.spec import ChartSpec, figure_json
from generators.charts.validation import band, verdicts
from generators.charts.validation_charts import GROUPS, group_rows, validation_charts
from generators.content.data_schema import ModelValidation

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def words() -> dict[str, str]:
    ui = yaml.safe_load((PROJECT / "content/en/ui.yml").read_text("utf-8"))
    return dict(ui["chart_text"])


@pytest.fixture(scope="module")
def charts(data: ModelValidation, words: dict[str, str]) -> dict[str, ChartSpec]:
    return {chart.id: chart for chart in validation_charts(verdicts(data), words)}


def test_both_languages_embed_the_charts_beside_the_table() -> None:
    assert "model_validation_charts" in CHART_EMBEDS
    for lang in ("en", "es"):
        page = (PROJECT / f"content/{lang}/pages/model-comparison.md").read_text("utf-8")
        assert "{{ model_validation_charts }}" in page, lang


def test_one_chart_per_protocol_group(charts: dict[str, ChartSpec]) -> None:
    assert set(charts) == {f"validation-{group.name}" for group in GROUPS}


def test_every_published_band_is_in_one_chart_with_the_models_value(
        data: ModelValidation, charts: dict[str, ChartSpec]) -> None:
    results = verdicts(data)
    drawable = [v for v in results if band(v.row) is not None and v.within is not None]
    assert drawable
    placed = [v for group in GROUPS for v in group_rows(results, group)]
    assert sorted(v.row.id for v in placed) == sorted(v.row.id for v in drawable)  # each once
    rows = [tuple(row[1:3]) for chart in charts.values() for row in chart.table_rows]
    for v in drawable:
        assert (v.published, v.model) in rows, v.row.id


def test_the_charts_table_rows_are_the_validation_tables_rows(
        data: ModelValidation, charts: dict[str, ChartSpec], words: dict[str, str]) -> None:
    results = verdicts(data)
    for group in GROUPS:
        expected = [[v.row.measure, v.published, v.model,
                     words["vc_within" if v.within else "vc_outside"]]
                    for v in group_rows(results, group)]
        shown = charts[f"validation-{group.name}"].table_rows
        assert len(shown) == len(expected), group.name
        for got, want in zip(shown, expected, strict=True):
            assert got[0].startswith(want[0])
            assert got[1:] == want[1:]


def test_a_value_outside_its_band_is_marked_outside_in_the_chart_and_its_table(
        data: ModelValidation, charts: dict[str, ChartSpec], words: dict[str, str]) -> None:
    results = verdicts(data)
    outside_seen = 0
    for group in GROUPS:
        chart = charts[f"validation-{group.name}"]
        figure = json.loads(figure_json(chart))
        markers = {trace["name"]: trace for trace in figure["data"] if trace["type"] == "scatter"}
        for number, v in enumerate(group_rows(results, group)):
            word = words["vc_within" if v.within else "vc_outside"]
            assert chart.table_rows[number][3] == word, v.row.id
            trace = markers[word]  # the marker's shape and label say it, not colour alone
            assert number in trace["y"], v.row.id
            assert trace["marker"]["symbol"] == ("circle" if v.within else "x")
            assert set(trace["text"]) == {word}
            outside_seen += not v.within
    assert outside_seen > 0  # the data has misses; they must show
