"""Charts: Plotly figures written as JSON, plus the HTML block with a text and table alternative.

The figure JSON goes to ``assets/charts/<id>.json``; ``assets/javascripts/charts.js``
draws it with the local plotly.js when the page is shown, in the page's colour scheme.
Without JavaScript, the summary and the data table are the chart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Plotly is imported only by the chart builders, when a chart is made
    import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title: str
    figure: go.Figure
    table_caption: str
    table_columns: list[str]
    table_rows: list[list[str]]
    summary: str


def chart_block(chart: ChartSpec) -> str:
    """The HTML for a chart: drawing area, plain summary, and the data as a table."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in chart.table_columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in chart.table_rows
    )
    title = escape(chart.title)
    summary = escape(chart.summary)
    return (
        f'<figure class="sh-chart" id="chart-{chart.id}">\n'
        f"<figcaption><strong>{title}</strong></figcaption>\n"
        f'<div class="sh-chart__plot" data-chart-src="assets/charts/{chart.id}.json" '
        f'role="img" aria-label="{title}. {summary}"></div>\n'
        f'<p class="sh-chart__summary">{summary}</p>\n'
        f'<details class="sh-chart__table"><summary>Show the numbers as a table</summary>\n'
        f"<table>\n<caption>{escape(chart.table_caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</details>\n"
        f"</figure>"
    )


def figure_json(chart: ChartSpec) -> str:
    """Figure data and layout only: the page supplies colours for light or dark."""
    fig: dict[str, Any] = json.loads(chart.figure.to_json())
    fig.get("layout", {}).pop("template", None)
    return json.dumps({"data": fig["data"], "layout": fig.get("layout", {})}, separators=(",", ":"))
