"""The comparison page's validation report: one row per published value, cited, with a
clear yes or no, and the written reason beside every no."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.charts import PAGE_EMBEDS
from generators.charts.validation import validation_table_markdown, verdicts
from generators.content.data_schema import ModelValidation, PublishedValue

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def table(data: ModelValidation) -> str:
    return validation_table_markdown(data)


def test_the_comparison_page_can_embed_the_validation_table() -> None:
    assert "model_validation_table" in PAGE_EMBEDS
    page = (PROJECT / "content/en/pages/model-comparison.md").read_text("utf-8")
    assert "{{ model_validation_table }}" in page


def test_every_published_value_has_one_row_with_its_citation(data: ModelValidation, table: str) -> None:
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    header_rows = [line for line in rows if line.startswith("| What was measured")]
    assert len(rows) - len(header_rows) == len(data.values)
    for row in data.values:
        assert any(f"[@{row.refs[0]}]" in line and row.measure in line for line in rows), row.id


def test_each_row_says_yes_or_no_and_every_no_gives_its_reason(data: ModelValidation, table: str) -> None:
    for result in verdicts(data):
        if result.within is False:
            assert result.row.if_outside and result.row.if_outside in table
    assert table.count("✓ Yes") == sum(1 for r in verdicts(data) if r.within)
    assert "no reason written yet" not in table


def test_the_summary_counts_the_values_the_model_matches(data: ModelValidation, table: str) -> None:
    results = verdicts(data)
    compared = [r for r in results if r.within is not None]
    inside = sum(1 for r in compared if r.within)
    assert table.startswith(f"The model agrees with **{inside} of {len(compared)}** published values")


def test_a_value_without_a_spread_needs_our_tolerance_said_in_words() -> None:
    with pytest.raises(ValueError, match="with no published spread, give tolerance and tolerance_basis"):
        PublishedValue.model_validate({
            "id": "x", "measure": "m", "people": "p", "refs": ["stick-1992"],
            "readout": "standing_mmhg", "model": {"scenario": "healthy"}, "value": 84.0,
        })


def test_a_missing_data_file_is_reported_as_a_content_problem() -> None:
    from types import SimpleNamespace

    from generators.errors import ContentErrors

    with pytest.raises(ContentErrors) as exc:
        PAGE_EMBEDS["model_validation_table"](SimpleNamespace(data={}))  # type: ignore[arg-type]
    assert "content/data/model-validation.yml: expected this file to exist" in str(exc.value)
