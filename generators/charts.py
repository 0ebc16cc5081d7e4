"""Charts: Plotly figures written as JSON, plus the HTML block with a text and table alternative.

The figure JSON goes to ``assets/charts/<id>.json``; ``assets/javascripts/charts.js``
draws it with the local plotly.js when the page is shown, in the page's colour scheme.
Without JavaScript, the summary and the data table are the chart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints
import yaml

from generators.errors import ContentError, ContentErrors
from generators.render import html_escape


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
    head = "".join(f'<th scope="col">{html_escape(c)}</th>' for c in chart.table_columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{html_escape(v)}</td>" for v in row) + "</tr>" for row in chart.table_rows
    )
    title = html_escape(chart.title)
    summary = html_escape(chart.summary)
    return (
        f'<figure class="sh-chart" id="chart-{chart.id}">\n'
        f"<figcaption><strong>{title}</strong></figcaption>\n"
        f'<div class="sh-chart__plot" data-chart-src="assets/charts/{chart.id}.json" '
        f'role="img" aria-label="{title}. {summary}"></div>\n'
        f'<p class="sh-chart__summary">{summary}</p>\n'
        f'<details class="sh-chart__table"><summary>Show the numbers as a table</summary>\n'
        f"<table>\n<caption>{html_escape(chart.table_caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</details>\n"
        f"</figure>"
    )


def figure_json(chart: ChartSpec) -> str:
    """Figure data and layout only: the page supplies colours for light or dark."""
    fig: dict[str, Any] = json.loads(chart.figure.to_json())
    fig.get("layout", {}).pop("template", None)
    return json.dumps({"data": fig["data"], "layout": fig.get("layout", {})}, separators=(",", ":"))


# ------------------------------------------------------------------ travel clot risk (cited data)


@dataclass(frozen=True)
class DoseResponse:
    """A published log-linear dose-response: relative risk per step of exposure."""

    source: str
    step_hours: float
    relative_risk: float
    max_hours: int
    note: str


def load_dose_response(path: Path, known_refs: set[str]) -> DoseResponse:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rel = f"content/{path.relative_to(path.parents[1])}"
    try:
        value = DoseResponse(**data)
    except TypeError as exc:
        raise ContentErrors([ContentError(rel, "", "the keys " + ", ".join(DoseResponse.__dataclass_fields__),
                                          str(exc), "see generators/charts.py DoseResponse")]) from exc
    if value.source not in known_refs:
        raise ContentErrors([ContentError(rel, "source", "the id of an entry in content/references.yml",
                                          f"'{value.source}', which is not there",
                                          "add the source to content/references.yml or correct the id")])
    return value


def travel_clot_chart(data: DoseResponse) -> ChartSpec:
    hours = list(range(0, data.max_hours + 1, 2))
    rr = [data.relative_risk ** (h / data.step_hours) for h in hours]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=hours, y=rr, mode="lines+markers", name="Published trend",
                             line={"width": 3}))
    fig.update_layout(
        xaxis_title="Hours of travel in one trip", yaxis_title="Risk compared with a short trip (times)",
        showlegend=False, margin={"l": 60, "r": 20, "t": 20, "b": 60},
    )
    return ChartSpec(
        id="travel-clot-risk",
        title="How the risk of a clot grows with longer travel",
        figure=fig,
        table_caption="Relative risk of a clot by length of travel, from a review of 14 studies",
        table_columns=["Hours of travel", "Risk compared with a very short trip (times)"],
        table_rows=[[str(h), f"{r:.2f}"] for h, r in zip(hours, rr, strict=True)],
        summary=(f"Each extra {data.step_hours:g} hours of travel made the risk of a clot about "
                 f"{round((data.relative_risk - 1) * 100)}% higher. "
                 f"After {data.max_hours} hours the risk is about "
                 f"{rr[-1]:.1f} times that of a very short trip. {data.note}"),
    )
