"""Bad inputs are refused with messages that say what, where, and what is allowed."""

from __future__ import annotations

import dataclasses
import json

import pytest
from calf_pump import ACTIVITIES, SCENARIO_NAMES, LegModel, LegParameters
from calf_pump.parameters import Condition


def test_compression_out_of_range_is_refused_with_the_exact_message() -> None:
    with pytest.raises(ValueError) as exc:
        LegModel("healthy", compression_mmhg=75)
    assert str(exc.value) == "compression_mmhg must be between 0 and 60 mmHg, got 75"
    m = LegModel()
    with pytest.raises(ValueError) as exc:
        m.set_compression(-5.0)
    assert str(exc.value) == "compression_mmhg must be between 0 and 60 mmHg, got -5"


def test_unknown_scenario_is_refused_with_the_list_of_choices() -> None:
    with pytest.raises(ValueError) as exc:
        LegModel("varicose")
    assert str(exc.value) == (
        "scenario must be one of healthy, superficial_reflux, deep_reflux, obstruction, "
        "weak_calf, stiff_ankle; got 'varicose'"
    )


def test_unknown_activity_and_bad_speed_are_refused() -> None:
    m = LegModel()
    with pytest.raises(ValueError) as exc:
        m.set_activity("run")
    assert str(exc.value) == (
        "activity must be one of stand, walk, calf_raises, ankle_pumps, sit, lie, "
        "lie_leg_up, tiptoe, seated_ankle_pumps, ankle_circles; got 'run'"
    )
    with pytest.raises(ValueError) as exc:
        m.set_activity("walk", speed_kmh=12)
    assert str(exc.value) == "speed_kmh must be between 0.5 and 8 km/h, got 12"


def test_bad_time_steps_are_refused() -> None:
    m = LegModel()
    for bad in (-0.1, float("nan"), float("inf")):
        with pytest.raises(ValueError) as exc:
            m.step(bad)
        assert str(exc.value).startswith("dt_s must be a finite number of seconds >= 0, got ")


def test_parameters_outside_their_range_are_refused_with_units() -> None:
    with pytest.raises(ValueError) as exc:
        LegParameters(valve_close_time_s=0.6)
    assert str(exc.value) == "valve_close_time_s must be between 0.005 and 0.45 s, got 0.6"
    with pytest.raises(ValueError) as exc:
        Condition("x", "test", calf_strength_fraction=0.0)
    assert str(exc.value) == "calf_strength_fraction must be between 0.05 and 1, got 0"


def test_parameters_are_frozen() -> None:
    params = LegParameters()
    with pytest.raises(dataclasses.FrozenInstanceError):
        params.calf_force_mmhg = 10.0  # type: ignore[misc]


def test_blood_column_is_0_776_mmhg_per_cm() -> None:
    assert LegParameters().blood_mmhg_per_cm == pytest.approx(0.776, abs=0.001)


@pytest.mark.parametrize("activity", ACTIVITIES)
def test_snapshot_is_plain_json_with_every_part_a_view_needs(activity: str) -> None:
    m = LegModel("deep_reflux", 20.0)
    m.set_activity(activity, speed_kmh=4.0)
    m.step(0.7)
    snap = m.snapshot()
    json.dumps(snap)
    assert set(snap["compartments"]) == {"foot", "deep_calf", "superficial", "thigh"}
    assert set(snap["valves"]) == {"lower_deep", "perforator", "upper_deep", "saphenous", "femoral"}
    assert {"deep_up", "superficial_up", "perforator", "thigh_out"} <= set(snap["segments"])
    assert 0.0 <= snap["calf_squeeze"] <= 1.0
    assert snap["valves"]["upper_deep"]["competent"] is False
    assert snap["scenario"] in SCENARIO_NAMES
