"""The travel chart: how the risk of a clot grows with longer travel, from cited data.

The numbers come from ``content/data/travel-clot-risk.yml`` (validated in stage 1 as
``DoseResponse``); nothing here is stored. Units: hours, relative risk (times).
"""

from __future__ import annotations

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints

from generators.charts.spec import ChartSpec
from generators.content.schema import DoseResponse


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
