"""The answers do not depend on how time is sliced."""

from __future__ import annotations

import random
from typing import Any

import pytest
from calf_pump import SCENARIO_NAMES, LegModel
from calf_pump.protocols import flatten_metrics, run_report


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_halving_the_internal_step_changes_every_protocol_metric_by_less_than_1_percent(
    scenario: str, reports: dict[str, dict[str, Any]]
) -> None:
    coarse = flatten_metrics(reports[scenario])
    fine = flatten_metrics(run_report(scenario, internal_dt_s=LegModel.internal_dt_s / 2))
    for key, value in coarse.items():
        assert value == pytest.approx(fine[key], rel=0.01), key


def test_random_frame_lengths_give_the_same_leg_as_fixed_steps() -> None:
    rng = random.Random(20240521)
    fixed = LegModel("superficial_reflux")
    jittery = LegModel("superficial_reflux")
    for activity in ("walk", "stand", "calf_raises", "stand"):
        fixed.set_activity(activity, speed_kmh=5.0)
        jittery.set_activity(activity, speed_kmh=5.0)
        for _ in range(10 * 60):
            fixed.step(1.0 / 60.0)
        elapsed = 0.0
        while elapsed < 10.0 - 0.2:
            dt = rng.uniform(0.0, 0.2)
            jittery.step(dt)
            elapsed += dt
        jittery.step(10.0 - elapsed)
        assert abs(jittery.time_s - fixed.time_s) <= jittery.internal_dt_s
    a, b = fixed.snapshot(), jittery.snapshot()
    assert b["ankle_pressure_mmhg"] == pytest.approx(a["ankle_pressure_mmhg"], rel=0.01, abs=0.5)
    assert b["calf_volume_ml"] == pytest.approx(a["calf_volume_ml"], rel=0.01)


def test_sixty_frames_of_a_sixtieth_equal_one_second_exactly() -> None:
    a, b = LegModel(), LegModel()
    a.set_activity("walk", speed_kmh=4.0)
    b.set_activity("walk", speed_kmh=4.0)
    for _ in range(60):
        a.step(1.0 / 60.0)
    b.step(1.0)
    assert a.steps == b.steps
    assert a.volumes_ml == b.volumes_ml


def test_one_huge_step_is_capped_so_a_sleeping_tab_does_not_freeze_the_page() -> None:
    m = LegModel()
    m.step(3600.0)
    assert m.time_s == pytest.approx(LegModel.max_step_s)


def test_walking_reaches_a_periodic_steady_state() -> None:
    m = LegModel()
    m.set_activity("walk", speed_kmh=4.0)
    m.run(30.0)
    period = m.activity_period_s
    cycles = []
    for _ in range(3):
        m.reset_extremes()
        m.run(5 * period)
        cycles.append((m.ankle_pressure_mean_mmhg, m.calf_volume_ml))
    assert cycles[2][0] == pytest.approx(cycles[1][0], rel=0.005)
    assert cycles[2][1] == pytest.approx(cycles[1][1], rel=0.005)


def test_the_model_is_deterministic() -> None:
    runs = []
    for _ in range(2):
        m = LegModel("deep_reflux", 10.0)
        m.set_activity("walk", speed_kmh=3.5)
        m.step(7.25)
        runs.append(m.snapshot())
    assert runs[0] == runs[1]


def test_reset_returns_to_the_same_standing_start() -> None:
    m = LegModel("obstruction")
    start = m.snapshot()
    m.set_activity("walk", speed_kmh=6.0)
    m.step(4.0)
    m.reset()
    assert m.snapshot() == start


def test_precomputed_resting_states_give_back_exactly_the_same_model() -> None:
    from calf_pump import equilibria
    from calf_pump.model import LegModel, export_equilibria, load_equilibria

    text = export_equilibria((0.0, 18.0))
    fresh = LegModel(scenario="deep_reflux", compression_mmhg=18.0).snapshot()
    equilibria.clear_cache()
    assert load_equilibria(text) == 12
    assert equilibria.cached_count() == 12
    seeded = LegModel(scenario="deep_reflux", compression_mmhg=18.0).snapshot()
    assert seeded == fresh
