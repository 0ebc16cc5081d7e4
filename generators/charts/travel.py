"""The travel chart: how the risk of a clot grows with longer travel, from cited data.

The numbers come from ``content/data/travel-clot-risk.yml`` (validated in stage 1 as
``DoseResponse``); nothing here is stored. The words, the note a reader should keep in
mind included, are each language's (ui.yml ``chart_text``). Units: hours, relative risk (times).
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints

from generators.charts.spec import ChartSpec
from generators.content.data_schema import DoseResponse


def travel_clot_chart(data: DoseResponse, words: Mapping[str, str]) -> ChartSpec:
    """The published trend from the baseline trip length on, never extrapolated below it
    (the studies compared longer trips with trips of at least that length). ``words``:
    ui.yml ``chart_text``, in the page's language."""
    base = data.baseline_hours
    hours = [base + step * data.step_hours
             for step in range(int((data.max_hours - base) / data.step_hours) + 1)]
    rr = [data.relative_risk ** ((h - base) / data.step_hours) for h in hours]
    mark = words["decimal_mark"]  # "2.55" or "2,55", as the page's language writes it

    def fill(key: str, **values: str) -> str:
        text = words[key]
        for name, value in {"base": f"{base:g}", **values}.items():
            text = text.replace("{" + name + "}", value)
        return text

    risk_axis = fill("travel_risk")
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=hours, y=rr, mode="lines+markers", name=words["travel_trend"],
                             line={"width": 3}))
    fig.update_layout(
        xaxis_title=words["travel_hours_axis"], yaxis_title=risk_axis,
        showlegend=False, margin={"l": 60, "r": 20, "t": 20, "b": 60},
    )
    return ChartSpec(
        id="travel-clot-risk",
        title=fill("travel_title"),
        figure=fig,
        table_caption=fill("travel_table"),
        table_columns=[words["travel_hours"], risk_axis],
        table_rows=[[f"{h:g}", f"{r:.2f}".replace(".", mark)] for h, r in zip(hours, rr, strict=True)],
        summary=fill("travel_summary", step=f"{data.step_hours:g}",
                     percent=f"{round((data.relative_risk - 1) * 100)}", longest=f"{hours[-1]:g}",
                     times=f"{rr[-1]:.1f}".replace(".", mark)) + " " + words["travel_note"],
    )
