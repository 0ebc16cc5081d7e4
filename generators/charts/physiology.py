"""Build-time Plotly charts made by running the calf-pump model (no stored numbers).

Each function returns a ``ChartSpec``: the figure plus a small data table and a plain
summary for screen-reader users. Layout ``template`` is left unset so the page renderer
can apply light or dark theme colours. Units: s, mmHg, mL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints
from calf_pump.protocols import Trace, apg_trace, avp_trace

from generators.cache import model_run
from generators.charts.spec import ChartSpec

_MAX_ROWS = 40


# The model's scenarios each chart draws; their names are ui.yml ``chart_text`` words
# (``scenario_<name>``), like every other word of these charts.
_AVP_SCENARIOS = ("healthy", "superficial_reflux", "obstruction")
_APG_SCENARIOS = ("healthy", "deep_reflux")


@model_run("model.trace")
def _trace_run(protocol: str, scenario: str) -> dict[str, Any]:
    trace = {"avp": avp_trace, "apg": apg_trace}[protocol](scenario)
    return {"times_s": trace.times_s, "values": trace.values, "phases": trace.phases}


def _trace(protocol: str, scenario: str) -> Trace:
    """The model's recording of a protocol, from build/cache when the model is unchanged."""
    data = _trace_run(protocol, scenario)
    return Trace(tuple(data["times_s"]), tuple(data["values"]),
                 tuple((str(label), float(start), float(end)) for label, start, end in data["phases"]))


def _rows(traces: list[Trace], every_s: float, digits: int, mark: str) -> list[list[str]]:
    """One row per ``every_s`` seconds (at most 40), values from each trace; ``mark``: the
    language's decimal mark."""
    times = traces[0].times_s
    end = times[-1]
    step = max(every_s, end / (_MAX_ROWS - 1))
    rows: list[list[str]] = []
    t = 0.0
    while t <= end + 1e-9 and len(rows) < _MAX_ROWS:
        i = min(range(len(times)), key=lambda j: abs(times[j] - t))
        rows.append([f"{times[i]:.1f}".rstrip("0").rstrip(".").replace(".", mark)]
                    + [f"{tr.values[i]:.{digits}f}".replace(".", mark) for tr in traces])
        t += step
    return rows


def _phase_shapes(fig: go.Figure, trace: Trace, words: Mapping[str, str]) -> None:
    """Shade the tiptoe phases, named in the page's words (``phase_<model's label>``)."""
    for label, start, end in trace.phases:
        if "tiptoe" in label:
            name = words.get("phase_" + re.sub(r"\W+", "_", label), label)
            fig.add_vrect(x0=start, x1=end, opacity=0.12, line_width=0, fillcolor="gray",
                          annotation_text=name, annotation_position="top left")


def _protocol_figure(scenarios: tuple[str, ...], traces: list[Trace], y_title: str,
                     words: Mapping[str, str]) -> go.Figure:
    """One line per scenario over a protocol's time course, tiptoe phases shaded."""
    fig = go.Figure()
    for name, trace in zip(scenarios, traces, strict=True):
        fig.add_trace(go.Scatter(x=list(trace.times_s), y=list(trace.values), mode="lines",
                                 name=words[f"scenario_{name}"]))
    _phase_shapes(fig, traces[0], words)
    fig.update_layout(
        xaxis_title=words["time_seconds"],
        yaxis_title=y_title,
        legend_title_text=words["legend_leg"],
        margin={"l": 60, "r": 20, "t": 30, "b": 50},
    )
    return fig


def _fill(text: str, **values: str) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def avp_chart(words: Mapping[str, str]) -> ChartSpec:
    """Ankle vein pressure during the AVP test: healthy, superficial reflux, obstruction.
    ``words``: ui.yml ``chart_text``, in the page's language."""
    traces = [_trace("avp", name) for name in _AVP_SCENARIOS]
    fig = _protocol_figure(_AVP_SCENARIOS, traces, words["avp_y"], words)
    healthy = traces[0]
    low = min(healthy.values)
    return ChartSpec(
        id="avp-chart",
        title=words["avp_title"],
        figure=fig,
        table_caption=words["avp_table"],
        table_columns=[words["time_s"]] + [words[f"scenario_{name}"] for name in _AVP_SCENARIOS],
        table_rows=_rows(traces, 2.5, 0, words["decimal_mark"]),
        summary=_fill(words["avp_summary"], standing=f"{healthy.values[0]:.0f}", lowest=f"{low:.0f}"),
    )


def apg_chart(words: Mapping[str, str]) -> ChartSpec:
    """Calf blood volume during the APG test: healthy vs deep reflux."""
    traces = [_trace("apg", name) for name in _APG_SCENARIOS]
    fig = _protocol_figure(_APG_SCENARIOS, traces, words["apg_y"], words)
    healthy = traces[0]
    return ChartSpec(
        id="apg-chart",
        title=words["apg_title"],
        figure=fig,
        table_caption=words["apg_table"],
        table_columns=[words["time_s"]] + [words[f"scenario_{name}"] for name in _APG_SCENARIOS],
        table_rows=_rows(traces, 5.0, 0, words["decimal_mark"]),
        summary=_fill(words["apg_summary"], filled=f"{max(healthy.values):.0f}"),
    )
