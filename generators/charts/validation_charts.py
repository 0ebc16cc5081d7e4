"""The model-comparison page's band charts: each published range as a bar, the model's value on it.

One chart per protocol group (``GROUPS``): ankle vein pressure tests, calf blood volume
tests (APG), and stockings of different pressures. Each row is one published value that
has a band (``validation.band``); the values in a group have different units, so every
band is scaled to run from 0 (its low end) to 100 (its high end) and the model's value is
placed on the same scale. The model's values and the within/outside verdicts are the
ones the validation table shows (``validation.verdicts``): there is no second computation.
``{{ model_validation_charts }}`` puts the charts on the page, with the verdicts the
``{{ model_validation_table }}`` embed makes (generators/charts/__init__.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import plotly.graph_objects as go  # type: ignore[import-untyped]  # plotly ships no type hints

from generators.charts.spec import ChartSpec
from generators.charts.validation import Verdict, band, setting_words

_AVP = {"supine_mmhg", "standing_mmhg", "walking_3_kmh_mmhg", "walking_6_kmh_mmhg",
        "walking_fall_mmhg", "walking_recovery_s", "tiptoe_fall_percent", "rt90_s"}
_APG = {"vv_ml", "vfi_ml_s", "ef_percent", "rvf_percent"}
_WITHIN_COLOUR, _OUTSIDE_COLOUR, _BAND_COLOUR = "#2e7d32", "#c62828", "rgba(128,128,128,0.35)"
_SHOWN = (-150.0, 250.0)  # a model value further off is drawn at the axis end


@dataclass(frozen=True)
class Group:
    name: str  # chart id: validation-<name>; title: ui.yml chart_text vc_title_<name>
    holds: Callable[[Verdict], bool]


def _stocking(v: Verdict) -> bool:
    return bool(v.row.model.stocking_mmhg)


GROUPS = (
    Group("avp", lambda v: v.row.readout in _AVP and not _stocking(v)),
    Group("apg", lambda v: v.row.readout in _APG and not _stocking(v)),
    Group("stockings", _stocking),
)


def banded(results: list[Verdict]) -> list[Verdict]:
    """The verdicts a chart can draw: a published band and a model value to set on it."""
    return [v for v in results if band(v.row) is not None and v.within is not None]


def group_rows(results: list[Verdict], group: Group) -> list[Verdict]:
    return [v for v in banded(results) if group.holds(v)]


def _label(v: Verdict, report: Mapping[str, str] | None = None, lang: str = "en") -> str:
    """The row's name in ``lang``: the measurement, and the legs it was measured in (a
    stocking's rows already name the stocking). ``report``: ui.yml ``model_report``."""
    measure = v.row.words(lang).measure
    if _stocking(v):
        return measure
    return f"{measure} ({setting_words(v.row.model, report)})"


def _tick(label: str, width: int = 42) -> str:
    """The row's name on the axis, broken into lines of about ``width`` characters."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _place(v: Verdict) -> float:
    """The model's value on the band's 0..100 scale (nothing to place: the low end's side)."""
    limits = band(v.row)
    assert limits is not None
    low, high = limits
    if v.model_value is None:
        return _SHOWN[0]
    return 100.0 * (v.model_value - low) / (high - low)


def _clamped(x: float) -> float:
    return min(max(x, _SHOWN[0]), _SHOWN[1])


Label = Callable[[Verdict], str]


def table_row(v: Verdict, words: Mapping[str, str], label: Label = _label) -> list[str]:
    return [label(v), v.published, v.model, words["vc_within" if v.within else "vc_outside"]]


def _figure(rows: list[Verdict], words: Mapping[str, str], label: Label = _label) -> go.Figure:
    # Rows are placed by number (two studies may name the same measurement), named by ticks.
    where = {id(v): number for number, v in enumerate(rows)}
    fig = go.Figure()
    fig.add_trace(go.Bar(y=list(range(len(rows))), x=[100.0] * len(rows), base=[0.0] * len(rows),
                         orientation="h", name=words["vc_band"],
                         marker={"color": _BAND_COLOUR}, hoverinfo="skip"))
    for within, symbol, colour in ((True, "circle", _WITHIN_COLOUR),
                                   (False, "x", _OUTSIDE_COLOUR)):
        chosen = [v for v in rows if v.within is within]
        if not chosen:
            continue
        word = words["vc_within" if within else "vc_outside"]
        fig.add_trace(go.Scatter(
            y=[where[id(v)] for v in chosen], x=[_clamped(_place(v)) for v in chosen],
            mode="markers+text", name=word, text=[word] * len(chosen),
            textposition="middle right",
            customdata=[f"{v.model} / {v.published}" for v in chosen],
            hovertemplate="%{customdata}<extra></extra>",
            marker={"symbol": symbol, "size": 13, "color": colour,
                    "line": {"width": 2, "color": colour}},
        ))
    places = [_clamped(_place(v)) for v in rows]
    fig.update_layout(
        xaxis={"title": {"text": words["vc_axis"]},
               "range": [min(-20.0, min(places) - 30), max(140.0, max(places) + 50)]},
        yaxis={"autorange": "reversed", "automargin": True, "tickmode": "array",
               "tickvals": list(range(len(rows))), "ticktext": [_tick(label(v)) for v in rows]},
        barmode="overlay",
        height=160 + 55 * len(rows),
        margin={"l": 20, "r": 20, "t": 30, "b": 60},
    )
    return fig


def validation_charts(results: list[Verdict], words: Mapping[str, str],
                      report: Mapping[str, str] | None = None, lang: str = "en") -> list[ChartSpec]:
    """One band chart per protocol group that has a published band. ``results``: the
    verdicts the validation table shows (``validation.verdicts``); ``words``: ui.yml
    ``chart_text`` and ``report``: ui.yml ``model_report``, in the page's language ``lang``."""

    def label(v: Verdict) -> str:
        return _label(v, report, lang)

    charts: list[ChartSpec] = []
    for group in GROUPS:
        rows = group_rows(results, group)
        if not rows:
            continue
        inside = sum(1 for v in rows if v.within)
        charts.append(ChartSpec(
            id=f"validation-{group.name}",
            title=words[f"vc_title_{group.name}"],
            figure=_figure(rows, words, label),
            table_caption=words["vc_table"],
            table_columns=[words["vc_measure"], words["vc_published"], words["vc_model"],
                           words["vc_result"]],
            table_rows=[table_row(v, words, label) for v in rows],
            summary=words["vc_summary"].replace("{inside}", str(inside))
                                       .replace("{total}", str(len(rows))),
        ))
    return charts
