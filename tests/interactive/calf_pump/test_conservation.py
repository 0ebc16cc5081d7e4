"""Blood is neither made nor lost, and nothing goes negative or non-finite."""

from __future__ import annotations

import math

import pytest
from calf_pump import SCENARIO_NAMES, LegModel
from calf_pump.dynamics import evaluate
from calf_pump.network import drive_at

# 10 simulated minutes passing through every activity and posture
SEQUENCE = (
    ("stand", 4.0, 40.0),
    ("walk", 3.0, 60.0),
    ("walk", 6.0, 60.0),
    ("stand", 4.0, 40.0),
    ("tiptoe", 4.0, 20.0),
    ("calf_raises", 4.0, 40.0),
    ("sit", 4.0, 60.0),
    ("lie", 4.0, 60.0),
    ("ankle_pumps", 4.0, 60.0),
    ("lie_leg_up", 4.0, 60.0),
    ("stand", 4.0, 60.0),
    ("walk", 8.0, 40.0),
)


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_blood_volume_is_conserved_through_every_activity_and_posture(scenario: str) -> None:
    # conservation does not depend on the step length; a coarser step keeps the suite fast
    m = LegModel(
        scenario, compression_mmhg=15.0 if scenario == "healthy" else 0.0, internal_dt_s=0.002
    )
    worst = 0.0
    for activity, speed, seconds in SEQUENCE:
        m.set_activity(activity, speed_kmh=speed)
        for _ in range(int(seconds / 0.5)):
            m.run(0.5)
            vols = m.volumes_ml
            assert all(v > 0.0 and math.isfinite(v) for v in vols), (activity, vols)
            expected = m.initial_volume_ml + m.inflow_total_ml - m.outflow_total_ml
            worst = max(worst, abs(m.total_volume_ml - expected) / m.total_volume_ml)
            assert math.isfinite(m.ankle_pressure_mmhg)
    assert m.time_s == pytest.approx(600.0)
    assert worst <= 1e-9


def test_every_internal_step_moves_the_blood_the_snapshot_says_is_flowing() -> None:
    m = LegModel("superficial_reflux")
    m.set_activity("walk", speed_kmh=4.0)
    m.run(3.3)
    snap = m.snapshot()
    q = {name: seg["flow_ml_s"] for name, seg in snap["segments"].items()}
    inflow = evaluate(m.state, m._constants, drive_at(m._plan, m._phase)).inflow_ml_s
    before = m.volumes_ml
    m.run(m.internal_dt_s)
    dt = m.internal_dt_s
    expected = (
        before[0] + dt * (inflow.foot - q["foot_to_deep"] - q["foot_to_superficial"]),
        before[1] + dt * (inflow.deep_calf + q["foot_to_deep"] + q["perforator"] - q["deep_up"]),
        before[2]
        + dt * (inflow.superficial + q["foot_to_superficial"] - q["perforator"] - q["superficial_up"]),
        before[3] + dt * (inflow.thigh + q["deep_up"] - q["thigh_out"]),
    )
    assert m.volumes_ml == expected
