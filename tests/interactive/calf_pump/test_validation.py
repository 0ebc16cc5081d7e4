"""The model beside published measurements (content/data/model-validation.yml).

Each published value is either inside its band, or the data file says why the model misses
it (and the comparison page shows that line). The mechanism tests say which way disease and
stockings must push, whatever the exact numbers.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from calf_pump import SCENARIO_NAMES
from calf_pump.protocols import apg, avp_and_residual, walking_test

from generators.charts.validation import READOUTS, Verdict, band, verdict
from generators.content.data_schema import ModelReadout, ModelScenario, ModelValidation
from generators.content.schema import Reference

PROJECT = Path(__file__).resolve().parents[3]
DATA = ModelValidation.model_validate(
    yaml.safe_load((PROJECT / "content/data/model-validation.yml").read_text("utf-8"))
)
COMPARED = [row for row in DATA.values if row.kind != "not_modelled"]


@pytest.fixture(scope="module")
def results() -> dict[str, Verdict]:
    return {row.id: verdict(row) for row in DATA.values}


@pytest.mark.parametrize("row_id", [row.id for row in COMPARED])
def test_every_published_value_is_matched_or_its_miss_is_explained(
    row_id: str, results: dict[str, Verdict]
) -> None:
    result = results[row_id]
    assert result.within or result.row.if_outside, (
        f"{row_id}: the model gives {result.model}, published {result.published}; "
        "fix the mechanism or write why in if_outside"
    )


@pytest.mark.parametrize("row_id", [row.id for row in COMPARED if row.if_outside is None])
def test_published_values_without_a_written_miss_are_inside_their_band(
    row_id: str, results: dict[str, Verdict]
) -> None:
    result = results[row_id]
    assert result.within, f"{row_id}: model {result.model}, published {result.published}"


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_every_condition_is_checked_against_at_least_one_published_value(
    scenario: str, results: dict[str, Verdict]
) -> None:
    inside = [r for r in results.values() if r.row.model.scenario == scenario and r.within]
    assert inside, f"no published value for {scenario} is matched"


@pytest.mark.parametrize("stocking_mmhg", [7.0, 10.0, 14.0, 20.0])
def test_every_published_stocking_pressure_has_matched_values(
    stocking_mmhg: float, results: dict[str, Verdict]
) -> None:
    inside = [r for r in results.values() if r.row.model.stocking_mmhg == stocking_mmhg and r.within]
    assert len(inside) >= 1


def test_the_data_file_and_the_model_name_the_same_readouts_and_scenarios() -> None:
    assert set(typing.get_args(ModelReadout)) == set(READOUTS)
    assert set(typing.get_args(ModelScenario)) == set(SCENARIO_NAMES)


def test_every_published_value_cites_a_listed_reference() -> None:
    refs = {
        Reference.model_validate(entry).id
        for entry in yaml.safe_load((PROJECT / "content/references.yml").read_text("utf-8"))
    }
    assert {ref for row in DATA.values for ref in row.refs} <= refs


def test_a_band_comes_from_the_published_spread() -> None:
    by_id = {row.id: row for row in DATA.values}
    assert band(by_id["healthy-walking-fall"]) == (54, 71)  # a range
    assert band(by_id["stocking-14-vfi"]) == pytest.approx((1.6, 5.2))  # mean +- 1 SD
    low, high = band(by_id["healthy-lying-pressure"]) or (0.0, 0.0)  # SEM 1, 10 people
    assert (low, high) == pytest.approx((7 - 10**0.5, 7 + 10**0.5))


# ---------------------------------------------------------------------- mechanisms
def _apg(scenario: str, stocking_mmhg: float) -> Any:
    _avp, standing, after = avp_and_residual(scenario, stocking_mmhg)
    return apg(scenario, stocking_mmhg, calf_standing_ml=standing, calf_after_tiptoes_ml=after)


@pytest.fixture(scope="module")
def stocking_apg() -> dict[float, Any]:
    return {mmhg: _apg("superficial_reflux", mmhg) for mmhg in (0.0, 7.0, 10.0, 14.0, 20.0, 30.0)}


def test_more_stocking_pressure_lowers_the_filling_index_more(stocking_apg: dict[float, Any]) -> None:
    vfis = [stocking_apg[mmhg].vfi_ml_s for mmhg in sorted(stocking_apg)]
    assert vfis == sorted(vfis, reverse=True) and len(set(vfis)) == len(vfis)
    # the published dose-response: about a fifth less at 7 mmHg, about 40 % less at 14 mmHg
    assert 0.6 < stocking_apg[14.0].vfi_ml_s / stocking_apg[0.0].vfi_ml_s < 0.8


def test_a_stocking_raises_the_ejection_fraction_and_lowers_the_residual_volume(
    stocking_apg: dict[float, Any],
) -> None:
    for mmhg in (7.0, 10.0, 14.0, 20.0):
        assert stocking_apg[mmhg].ef_percent > stocking_apg[0.0].ef_percent
        assert stocking_apg[mmhg].rvf_percent < stocking_apg[0.0].rvf_percent
    assert stocking_apg[14.0].rvf_percent < stocking_apg[7.0].rvf_percent


def test_deep_reflux_is_worse_than_surface_reflux(reports: dict[str, dict[str, Any]]) -> None:
    deep, surface = reports["deep_reflux"], reports["superficial_reflux"]
    assert deep["avp"]["fall_percent"] < surface["avp"]["fall_percent"]
    assert deep["avp"]["rt90_s"] < surface["avp"]["rt90_s"]
    assert deep["walking"]["3"] > surface["walking"]["3"]
    assert deep["apg"]["vfi_ml_s"] > surface["apg"]["vfi_ml_s"]
    assert deep["apg"]["rvf_percent"] > surface["apg"]["rvf_percent"]
    assert walking_test("deep_reflux").fall_mmHg < walking_test("superficial_reflux").fall_mmHg


def test_deep_reflux_hardly_lowers_the_pressure_with_10_tiptoes(
    reports: dict[str, dict[str, Any]],
) -> None:
    assert reports["deep_reflux"]["avp"]["fall_percent"] < 20.0
    assert reports["healthy"]["avp"]["fall_percent"] > 50.0


def test_a_narrowed_deep_vein_lowers_the_ejection_fraction_but_not_the_walking_fall(
    reports: dict[str, dict[str, Any]],
) -> None:
    assert reports["obstruction"]["apg"]["ef_percent"] < reports["healthy"]["apg"]["ef_percent"] - 3.0
    narrowed, healthy = walking_test("obstruction"), walking_test("healthy")
    assert narrowed.fall_mmHg > 0.9 * healthy.fall_mmHg


@pytest.mark.parametrize("scenario", ["weak_calf", "stiff_ankle"])
def test_a_weaker_pump_ejects_less_leaves_more_and_lowers_the_pressure_less(
    scenario: str, reports: dict[str, dict[str, Any]]
) -> None:
    weak, healthy = reports[scenario], reports["healthy"]
    assert weak["apg"]["ef_percent"] < healthy["apg"]["ef_percent"]
    assert weak["apg"]["rvf_percent"] > healthy["apg"]["rvf_percent"]
    assert weak["avp"]["fall_percent"] < healthy["avp"]["fall_percent"]


def test_a_stocking_on_a_healthy_leg_changes_little(reports: dict[str, dict[str, Any]]) -> None:
    """The stocking's extra effects act on a stretched wall: a healthy wall has none."""
    bare, stocking = reports["healthy"]["apg"], _apg("healthy", 14.0)
    assert stocking.vfi_ml_s == pytest.approx(bare["vfi_ml_s"], rel=0.15)
