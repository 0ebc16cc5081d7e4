"""Charts: Plotly figures written as JSON, plus the HTML block with a text and table alternative.

The block's first paint is a static SVG of the figure (``generators/charts/static.py``),
drawn at build time at a narrow and a wide size. The figure JSON goes to
``assets/charts/<id>.json``: ``assets/javascripts/charts.js`` fetches it, with the local
plotly.js, only when the reader presses the block's "explore" button, and draws it in
place of the picture at the picture's height, in the page's colour scheme. Without
JavaScript, the picture, the summary and the data table are the chart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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


#: The page's look, baked into every figure (charts.js adds only the scheme's text and grid
#: colours): transparent backgrounds, the site's font, and line colours that keep 3:1
#: against both Material schemes' backgrounds.
THEME_LAYOUT: dict[str, Any] = {
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "font": {"family": "Atkinson Hyperlegible, sans-serif", "size": 14},
    "colorway": ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"],
}

#: Changes for a phone's column (under 600 px): the legend goes under the chart, so the
#: lines keep the whole width. Used by the narrow picture and by charts-explore.js.
NARROW_LAYOUT: dict[str, Any] = {
    "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.3, "yanchor": "top"},
}


def chart_block(chart: ChartSpec, pictures: Mapping[str, str], words: Mapping[str, str]) -> str:
    """The HTML for a chart: its picture (``pictures``: variant -> static SVG), a button
    that swaps in the explorable chart, the plain summary, and the data as a table."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in chart.table_columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in chart.table_rows
    )
    title = escape(chart.title)
    summary = escape(chart.summary)
    drawn = "".join(pictures[variant] for variant in sorted(pictures))
    return (
        f'<figure class="sh-chart" id="chart-{chart.id}">\n'
        f"<figcaption><strong>{title}</strong></figcaption>\n"
        f'<div class="sh-chart__plot" data-chart-src="assets/charts/{chart.id}.json" '
        f'role="img" aria-label="{title}. {summary}">{drawn}</div>\n'
        f'<button type="button" class="md-button sh-chart__explore" aria-controls="chart-{chart.id}" '
        f'data-loading="{escape(words["loading"])}" data-failed="{escape(words["failed"])}" '
        f'data-done="{escape(words["done"])}">{escape(words["explore"])}</button>\n'
        f'<p class="sh-chart__summary">{summary}</p>\n'
        f'<details class="sh-chart__table"><summary>{escape(words["show_table"])}</summary>\n'
        f"<table>\n<caption>{escape(chart.table_caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</details>\n"
        f"</figure>"
    )


def figure_json(chart: ChartSpec) -> str:
    """Figure data and layout, in the site's look (``THEME_LAYOUT``), with no Plotly
    template: the page supplies the text and grid colours for light or dark."""
    fig: dict[str, Any] = json.loads(chart.figure.to_json())
    layout = fig.get("layout", {})
    layout.pop("template", None)
    layout = {**layout, **THEME_LAYOUT, "font": {**layout.get("font", {}), **THEME_LAYOUT["font"]}}
    for number, trace in enumerate(fig["data"]):
        trace["uid"] = f"{chart.id}-{number}"  # else Plotly makes one up: the picture would change
    return json.dumps({"data": fig["data"], "layout": layout, "narrow": NARROW_LAYOUT}, separators=(",", ":"))
