"""The model-comparison page's validation report: each published value beside the model's.

``content/data/model-validation.yml`` (schema ``ModelValidation``) lists what was measured in
people, with its spread and source. ``READOUTS`` says how the calf-pump model measures the
same thing, with the laboratory's protocol (``calf_pump.protocols``). ``verdicts`` sets the
two side by side and says whether the model is inside the published band;
``validation_table_markdown`` is what ``{{ model_validation_table }}`` puts on the page.

The band is the published range (range, interquartile range or 95 % confidence interval),
one standard deviation either side of the mean (a standard error is turned into a standard
deviation with the number of people), or, where the source gives no spread, the tolerance
written beside the value in the data file. Units: mmHg, mL, mL/s, %, s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from calf_pump.protocols import WalkResult, longest_backward_flow_s, walking_test

from generators.cache import model_run
from generators.charts.model_table import english_words, number, raw_report
from generators.content.data_schema import ModelSetting, ModelValidation, PublishedValue

#: Walking speed (km/h) at which backward flow is timed: the demo's walking pace.
BACKFLOW_WALK_KMH = 4.0
_BACKFLOW_SECONDS = 15.0


@lru_cache(maxsize=64)
def _walk(scenario: str, stocking_mmhg: float) -> WalkResult:
    return WalkResult(**_walk_run(scenario, stocking_mmhg))


@model_run("model.walking_test")
def _walk_run(scenario: str, stocking_mmhg: float) -> dict[str, Any]:
    return asdict(walking_test(scenario, stocking_mmhg))


@lru_cache(maxsize=32)
def _backflow(scenario: str, stocking_mmhg: float) -> dict[str, float]:
    result: dict[str, float] = _backflow_run(scenario, stocking_mmhg)
    return result


@model_run("model.backward_flow")
def _backflow_run(scenario: str, stocking_mmhg: float) -> dict[str, float]:
    return longest_backward_flow_s(
        scenario, "walk", BACKFLOW_WALK_KMH, _BACKFLOW_SECONDS, stocking_mmhg
    )


def _report(group: str, key: str) -> Callable[[str, float], float | None]:
    def read(scenario: str, stocking_mmhg: float) -> float | None:
        value = raw_report(scenario, stocking_mmhg)[group][key]
        return None if value is None else float(value)

    return read


def _backflow_at(valve: str) -> Callable[[str, float], float | None]:
    return lambda scenario, stocking_mmhg: _backflow(scenario, stocking_mmhg)[valve]


@dataclass(frozen=True)
class Readout:
    unit: str
    decimals: int
    read: Callable[[str, float], float | None]  # (scenario, stocking mmHg) -> value


#: Every ``ModelReadout`` of the schema, and how the model measures it.
READOUTS: dict[str, Readout] = {
    "supine_mmhg": Readout("mmHg", 1, _report("avp", "supine_mmHg")),
    "standing_mmhg": Readout("mmHg", 1, _report("avp", "standing_mmHg")),
    "walking_3_kmh_mmhg": Readout("mmHg", 1, _report("walking", "3")),
    "walking_6_kmh_mmhg": Readout("mmHg", 1, _report("walking", "6")),
    "walking_fall_mmhg": Readout("mmHg", 1, lambda s, c: _walk(s, c).fall_mmHg),
    "walking_recovery_s": Readout("s", 1, lambda s, c: _walk(s, c).recovery_s),
    "tiptoe_fall_percent": Readout("%", 0, _report("avp", "fall_percent")),
    "rt90_s": Readout("s", 1, _report("avp", "rt90_s")),
    "vv_ml": Readout("mL", 0, _report("apg", "vv_ml")),
    "vfi_ml_s": Readout("mL/s", 1, _report("apg", "vfi_ml_s")),
    "ef_percent": Readout("%", 0, _report("apg", "ef_percent")),
    "rvf_percent": Readout("%", 0, _report("apg", "rvf_percent")),
    "saphenous_backflow_walking_s": Readout("s", 2, _backflow_at("saphenous")),
    "popliteal_backflow_walking_s": Readout("s", 2, _backflow_at("upper_deep")),
    "perforator_backflow_walking_s": Readout("s", 2, _backflow_at("perforator")),
    "none": Readout("", 0, lambda s, c: None),
}

#: The model's conditions, in the order the report lists them; their names are ui.yml
#: ``model_report`` words (``scenario_<name>``), in the page's language.
SCENARIOS = ("healthy", "superficial_reflux", "deep_reflux", "obstruction", "weak_calf",
             "stiff_ankle")

Words = Mapping[str, str]  # ui.yml ``model_report``; None: English (content/en/ui.yml)


def _fill(template: str, **parts: str) -> str:
    for key, value in parts.items():
        template = template.replace("{" + key + "}", value)
    return template


def setting_words(setting: ModelSetting, words: Words | None = None) -> str:
    w = words or english_words()
    name = w[f"scenario_{setting.scenario}"].lower()
    if setting.stocking_mmhg:
        return _fill(w["with_stocking"], setting=name,
                     mmhg=number(f"{setting.stocking_mmhg:g}", w))
    return name


def _num(value: float, decimals: int, words: Words) -> str:
    return number(f"{value:.{decimals}f}", words)


def _g(value: float, words: Words) -> str:
    return number(f"{value:g}", words)


def band(row: PublishedValue) -> tuple[float, float] | None:
    """The published band the model's value should fall in (None: nothing to compare)."""
    if row.kind not in ("level", "change_percent") or row.value is None:
        return None
    if row.spread in ("range", "iqr", "ci95") and row.low is not None and row.high is not None:
        return (row.low, row.high)
    if row.spread == "sd" and row.sd is not None:
        return (row.value - row.sd, row.value + row.sd)
    if row.spread == "sem" and row.sem is not None and row.n is not None:
        sd = row.sem * row.n**0.5
        return (row.value - sd, row.value + sd)
    if row.tolerance is not None:
        return (row.value - row.tolerance, row.value + row.tolerance)
    return None


@dataclass(frozen=True)
class Verdict:
    row: PublishedValue
    published: str  # the published value with its spread, in words and numbers
    model: str  # the model's value(s)
    model_value: float | None  # what was compared (the change in % for change_percent)
    within: bool | None  # None: not modelled


def _published_words(row: PublishedValue, unit: str, w: Words) -> str:
    u = f" {unit}" if unit and unit != "%" else unit
    if row.kind == "direction":
        assert row.compare_with is not None and row.direction is not None
        return _fill(w["compared"], direction=w[row.direction],
                     setting=setting_words(row.compare_with, w))
    if row.kind == "limit":
        assert row.value is not None and row.direction is not None
        return f"{w[row.direction]} {_g(row.value, w)}{u}"
    assert row.value is not None
    sign = "+" if row.kind == "change_percent" and row.value > 0 else ""
    centre = f"{sign}{_g(row.value, w)}{'%' if row.kind == 'change_percent' else u}"
    if row.statistic:
        centre = f"{w[row.statistic]} {centre}"
    if row.spread in ("range", "iqr", "ci95") and row.low is not None and row.high is not None:
        return _fill(w["between"], centre=centre, spread=w[row.spread],
                     low=_g(row.low, w), high=_g(row.high, w))
    if row.spread == "sd" and row.sd is not None:
        return _fill(w["sd"], centre=centre, sd=_g(row.sd, w))
    if row.spread == "sem" and row.sem is not None:
        return _fill(w["sem"], centre=centre, sem=_g(row.sem, w), n=str(row.n))
    if row.kind == "not_modelled":
        return centre
    assert row.tolerance is not None
    return _fill(w["tolerance"], centre=centre, tolerance=_g(row.tolerance, w))


def verdict(row: PublishedValue, words: Words | None = None) -> Verdict:
    """``words``: ui.yml ``model_report`` in the page's language (None: English)."""
    w = words or english_words()
    spec = READOUTS[row.readout]
    published = _published_words(row, spec.unit, w)
    if row.kind == "not_modelled":
        return Verdict(row, published, w["not_modelled"], None, None)
    here = spec.read(row.model.scenario, float(row.model.stocking_mmhg))
    u = f" {spec.unit}" if spec.unit and spec.unit != "%" else spec.unit
    if here is None:
        return Verdict(row, published, w["not_reached"], None, False)
    if row.kind in ("direction", "change_percent"):
        assert row.compare_with is not None
        there = spec.read(row.compare_with.scenario, float(row.compare_with.stocking_mmhg))
        if there is None:
            return Verdict(row, published, w["not_reached"], None, False)
        both = _fill(w["versus"], here=f"{_num(here, spec.decimals, w)}{u}",
                     there=f"{_num(there, spec.decimals, w)}{u}")
        if row.kind == "direction":
            moved = here < there if row.direction == "lower" else here > there
            return Verdict(row, published, both, here - there, moved)
        change = 100.0 * (here - there) / there
        limits = band(row)
        assert limits is not None
        return Verdict(row, published, f"{number(f'{change:+.0f}', w)}% ({both})", change,
                       limits[0] <= change <= limits[1])
    shown = f"{_num(here, spec.decimals, w)}{u}"
    if row.kind == "limit":
        assert row.value is not None
        ok = here < row.value if row.direction == "below" else here > row.value
        return Verdict(row, published, shown, here, ok)
    limits = band(row)
    assert limits is not None
    return Verdict(row, published, shown, here, limits[0] <= here <= limits[1])


def verdicts(data: ModelValidation, words: Words | None = None) -> list[Verdict]:
    """``words``: ui.yml ``model_report`` in the page's language (None: English)."""
    return [verdict(row, words) for row in data.values]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _agrees(v: Verdict, w: Words, lang: str) -> str:
    why = v.row.words(lang).if_outside
    if v.within is None:
        return _fill(w["agrees_not_modelled"], why=why or "")
    if v.within:
        return w["agrees_yes"]
    return _fill(w["agrees_no"], why=why or w["no_reason"])


def validation_table_markdown(data: ModelValidation, words: Words | None = None,
                              lang: str = "en") -> str:
    """One table per condition: what was measured, in whom, published, model, agrees?
    ``words``: ui.yml ``model_report`` in ``lang``, the page's language (None: English)."""
    w = words or english_words()
    results = verdicts(data, w)
    compared = [v for v in results if v.within is not None]
    inside = sum(1 for v in compared if v.within)
    left_out = len(results) - len(compared)
    end = _fill(w["left_out_one" if left_out == 1 else "left_out_many"], count=str(left_out))
    lines = [
        _fill(w["summary"], inside=str(inside), total=str(len(compared)))
        + (end if left_out else w["summary_end"]),
        "",
    ]
    heads = " | ".join(w[f"col_{c}"] for c in ("measure", "people", "published", "model", "agrees"))
    for scenario in SCENARIOS:
        rows = [v for v in results if v.row.model.scenario == scenario]
        if not rows:
            continue
        lines += [f"### {w[f'scenario_{scenario}']}", "", f"| {heads} |",
                  "| --- | --- | --- | --- | --- |"]
        for v in rows:
            cite = "".join(f" [@{ref}]" for ref in v.row.refs)
            prose = v.row.words(lang)
            lines.append(
                f"| {_cell(prose.measure)} | {_cell(prose.people)} "
                f"| {_cell(v.published)}{cite} | {_cell(v.model)} | {_cell(_agrees(v, w, lang))} |"
            )
        lines.append("")
    return "\n".join(lines)


def validation_data(data: Any) -> ModelValidation:
    """``ctx.data['model-validation']``, checked to be what stage 1 validated it as."""
    if not isinstance(data, ModelValidation):
        raise TypeError("content/data/model-validation.yml did not load as ModelValidation")
    return data
