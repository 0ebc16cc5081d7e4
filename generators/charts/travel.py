"""The travel chart: how the risk of a clot grows with longer travel, from cited data.

The numbers come from ``content/data/travel-clot-risk.yml`` (validated in stage 1 as
``DoseResponse``); nothing here is stored. Units: hours, relative risk (times).
"""

from __future__ import annotations

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints

from generators.charts.spec import ChartSpec
from generators.content.data_schema import DoseResponse


def travel_clot_chart(data: DoseResponse) -> ChartSpec:
    """The published trend from the baseline trip length on, never extrapolated below it
    (the studies compared longer trips with trips of at least that length)."""
    base = data.baseline_hours
    hours = [base + step * data.step_hours
             for step in range(int((data.max_hours - base) / data.step_hours) + 1)]
    rr = [data.relative_risk ** ((h - base) / data.step_hours) for h in hours]
    than = f"a {base:g}-hour trip"
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=hours, y=rr, mode="lines+markers", name="Published trend",
                             line={"width": 3}))
    fig.update_layout(
        xaxis_title="Hours of travel in one trip", yaxis_title=f"Risk compared with {than} (times)",
        showlegend=False, margin={"l": 60, "r": 20, "t": 20, "b": 60},
    )
    return ChartSpec(
        id="travel-clot-risk",
        title=f"How the risk of a clot grows as trips get longer than {base:g} hours",
        figure=fig,
        table_caption=f"Risk of a clot by length of travel, compared with {than}, "
                      "from a review of 14 studies",
        table_columns=["Hours of travel", f"Risk compared with {than} (times)"],
        table_rows=[[f"{h:g}", f"{r:.2f}"] for h, r in zip(hours, rr, strict=True)],
        summary=(f"Each extra {data.step_hours:g} hours of travel made the risk of a clot about "
                 f"{round((data.relative_risk - 1) * 100)}% higher. "
                 f"A {hours[-1]:g}-hour trip carries about {rr[-1]:.1f} times the risk of {than}. "
                 f"{data.note}"),
    )
