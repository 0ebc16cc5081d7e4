"""Build-time Plotly charts made by running the calf-pump model (no stored numbers).

Each function returns a ``ChartSpec``: the figure plus a small data table and a plain
summary for screen-reader users. Layout ``template`` is left unset so the page renderer
can apply light or dark theme colours. Units: s, mmHg, mL.
"""

from __future__ import annotations

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints
from calf_pump.protocols import Trace, apg_trace, avp_trace

from generators.charts.spec import ChartSpec

_MAX_ROWS = 40


_AVP_SCENARIOS = (
    ("healthy", "Healthy"),
    ("superficial_reflux", "Leaky surface vein valves"),
    ("obstruction", "Narrowed deep vein after a clot"),
)
_APG_SCENARIOS = (("healthy", "Healthy"), ("deep_reflux", "Leaky deep vein valves"))


def _rows(traces: list[Trace], every_s: float, digits: int) -> list[list[str]]:
    """One row per ``every_s`` seconds (at most 40), values from each trace."""
    times = traces[0].times_s
    end = times[-1]
    step = max(every_s, end / (_MAX_ROWS - 1))
    rows: list[list[str]] = []
    t = 0.0
    while t <= end + 1e-9 and len(rows) < _MAX_ROWS:
        i = min(range(len(times)), key=lambda j: abs(times[j] - t))
        rows.append([f"{times[i]:.1f}".rstrip("0").rstrip(".")]
                    + [f"{tr.values[i]:.{digits}f}" for tr in traces])
        t += step
    return rows


def _phase_shapes(fig: go.Figure, trace: Trace) -> None:
    for label, start, end in trace.phases:
        if "tiptoe" in label:
            fig.add_vrect(x0=start, x1=end, opacity=0.12, line_width=0, fillcolor="gray",
                          annotation_text=label, annotation_position="top left")


def _protocol_figure(scenarios: tuple[tuple[str, str], ...], traces: list[Trace], y_title: str) -> go.Figure:
    """One line per scenario over a protocol's time course, tiptoe phases shaded."""
    fig = go.Figure()
    for (_name, label), trace in zip(scenarios, traces, strict=True):
        fig.add_trace(go.Scatter(x=list(trace.times_s), y=list(trace.values), mode="lines", name=label))
    _phase_shapes(fig, traces[0])
    fig.update_layout(
        xaxis_title="Time (seconds)",
        yaxis_title=y_title,
        legend_title_text="Leg",
        margin={"l": 60, "r": 20, "t": 30, "b": 50},
    )
    return fig


def avp_chart() -> ChartSpec:
    """Ankle vein pressure during the AVP test: healthy, superficial reflux, obstruction."""
    traces = [avp_trace(name) for name, _ in _AVP_SCENARIOS]
    fig = _protocol_figure(_AVP_SCENARIOS, traces, "Pressure in an ankle vein (mmHg)")
    healthy = traces[0]
    low = min(healthy.values)
    return ChartSpec(
        id="avp-chart",
        title="Ankle vein pressure before, during and after 10 tiptoes",
        figure=fig,
        table_caption="Ankle vein pressure in mmHg, from the model, every few seconds.",
        table_columns=["Time (s)"] + [label for _, label in _AVP_SCENARIOS],
        table_rows=_rows(traces, 2.5, 0),
        summary=(
            f"Standing still, the pressure at the ankle is about {healthy.values[0]:.0f} mmHg. "
            f"Ten tiptoes bring it down to about {low:.0f} mmHg in a healthy leg, and it "
            "climbs back slowly; with leaky surface valves it falls less and climbs back fast."
        ),
    )


def apg_chart() -> ChartSpec:
    """Calf blood volume during the APG test: healthy vs deep reflux."""
    traces = [apg_trace(name) for name, _ in _APG_SCENARIOS]
    fig = _protocol_figure(_APG_SCENARIOS, traces, "Extra blood in the calf veins (mL)")
    healthy = traces[0]
    return ChartSpec(
        id="apg-chart",
        title="Blood in the calf: leg raised, standing up, one tiptoe, ten tiptoes",
        figure=fig,
        table_caption="Extra blood in the calf veins in mL (leg raised = 0), from the model.",
        table_columns=["Time (s)"] + [label for _, label in _APG_SCENARIOS],
        table_rows=_rows(traces, 5.0, 0),
        summary=(
            f"On standing up, a healthy calf slowly fills with about {max(healthy.values):.0f} "
            "mL of blood over a minute or two; tiptoes squeeze most of it out. With leaky deep "
            "valves the calf fills in seconds and stays fuller during the tiptoes."
        ),
    )
