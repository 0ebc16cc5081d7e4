"""The activities the exercise pages' demos need, and the presets that run them.

Seated ankle pumps, ankle circles, lying with the leg raised and a sitting-then-walking
sequence act through the model's mechanisms (the calf's squeeze, the ankle's arc, the
posture's blood column); these tests check the direction and size of what they do, that
no blood is made or lost, and that a preset measures the same numbers however it is
stepped (the build's preview and the browser's live run).
"""

from __future__ import annotations

import math
import random

import pytest
from calf_pump import SCENARIO_NAMES, LegModel
from calf_pump.activities import make_plan
from calf_pump.parameters import SCENARIOS, LegParameters
from calf_pump.presets import MEASURE_S, PRESETS, Phase, Preset, PresetRun, run_preset


def _mean_ankle(activity: str, seconds: float = 60.0, window: float = 20.0) -> float:
    """Sit still first (the usual start of these exercises), then do ``activity``."""
    m = LegModel()
    m.set_activity("sit")
    m.run(40.0)
    m.set_activity(activity)
    m.run(seconds - window)
    m.reset_extremes()
    m.run(window)
    return m.ankle_pressure_mean_mmhg


@pytest.fixture(scope="module")
def sitting_mmhg() -> float:
    return _mean_ankle("sit")


def test_seated_ankle_pumps_lower_the_ankle_pressure_of_sitting_still_by_a_third_or_more(
    sitting_mmhg: float,
) -> None:
    pumping = _mean_ankle("seated_ankle_pumps")
    assert 55.0 <= sitting_mmhg <= 70.0  # the column from the heart, sitting
    assert pumping < sitting_mmhg - 20.0
    assert pumping > 15.0  # the calf cannot empty the veins of a sitting leg


def test_ankle_circles_lower_it_too_but_less_than_ankle_pumps(sitting_mmhg: float) -> None:
    circles = _mean_ankle("ankle_circles")
    pumping = _mean_ankle("seated_ankle_pumps")
    assert pumping < circles < sitting_mmhg - 5.0


def test_a_stiff_ankle_takes_away_most_of_what_seated_ankle_moves_do() -> None:
    # the ankle's arc sets how far the calf shortens (activities.py): a 20 degree ankle
    # shortens it too little to take up the slack in the fascia of a sitting leg
    def fall(scenario: str, activity: str) -> float:
        def mean(doing: str) -> float:
            m = LegModel(scenario)
            m.set_activity("sit")
            m.run(40.0)
            m.set_activity(doing)
            m.run(40.0)
            m.reset_extremes()
            m.run(20.0)
            return m.ankle_pressure_mean_mmhg

        return mean("sit") - mean(activity)

    for activity in ("ankle_circles", "seated_ankle_pumps"):
        healthy = fall("healthy", activity)
        assert healthy > 5.0
        assert fall("stiff_ankle", activity) < healthy / 2


def test_seated_exercises_keep_the_sitting_column_and_the_lying_pumps_are_unchanged() -> None:
    p, healthy = LegParameters(), SCENARIOS["healthy"]
    seated = make_plan("seated_ankle_pumps", 4.0, p, healthy, 0.001)
    lying = make_plan("ankle_pumps", 4.0, p, healthy, 0.001)
    assert seated.posture == "sitting" and lying.posture == "lying"
    assert make_plan("ankle_circles", 4.0, p, healthy, 0.001).posture == "sitting"
    # the same movement: only the posture differs
    assert seated.stroke_ml == lying.stroke_ml and seated.force_mmhg == lying.force_mmhg
    circles = make_plan("ankle_circles", 4.0, p, healthy, 0.001)
    assert max(circles.stroke_ml) < max(seated.stroke_ml)
    assert circles.period_s == pytest.approx(4.0)


def test_raising_the_leg_takes_the_ankle_pressure_from_sitting_to_about_zero(sitting_mmhg: float) -> None:
    raised = _mean_ankle("lie_leg_up")
    assert raised < sitting_mmhg - 50.0
    assert -10.0 < raised < 5.0


def test_walking_after_sitting_first_rises_on_standing_then_falls_once_walking_starts() -> None:
    run = PresetRun("walking-break")
    sitting = run.advance(40.0, 1.0)
    standing_up = run.advance(5.0, 1.0)
    walking = run.advance(55.0, 1.0)
    assert run.done
    sit_mmhg = sitting[-1][1]
    assert max(p for _t, p in standing_up) > sit_mmhg + 3.0  # the column lengthens
    assert walking[0][1] > walking[-1][1]  # and falls once walking starts...
    assert max(p for _t, p in walking[-20:]) < sit_mmhg - 20.0  # ...well below sitting
    result = run.result()
    assert result["exercise"]["ankle_pressure_mmhg"] < result["baseline"]["ankle_pressure_mmhg"] - 20.0
    assert result["exercise"]["blood_returned_ml_min"] > 2 * result["baseline"]["blood_returned_ml_min"]


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_blood_is_conserved_through_the_new_activities(scenario: str) -> None:
    m = LegModel(scenario, internal_dt_s=0.002)
    worst = 0.0
    for activity, seconds in (("sit", 20.0), ("seated_ankle_pumps", 30.0), ("ankle_circles", 30.0),
                              ("lie_leg_up", 30.0), ("sit", 20.0), ("stand", 5.0), ("walk", 30.0)):
        m.set_activity(activity)
        for _ in range(int(seconds / 0.5)):
            m.run(0.5)
            assert all(v > 0.0 and math.isfinite(v) for v in m.volumes_ml), activity
            expected = m.initial_volume_ml + m.inflow_total_ml - m.outflow_total_ml
            worst = max(worst, abs(m.total_volume_ml - expected) / m.total_volume_ml)
    assert worst <= 1e-9


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_every_preset_moves_the_numbers_the_way_its_exercise_does(preset_id: str) -> None:
    result, trace = run_preset(preset_id)
    still, doing = result["baseline"], result["exercise"]
    assert result["done"] and len(trace) == round(PRESETS[preset_id].total_s)
    assert doing["ankle_pressure_mmhg"] < still["ankle_pressure_mmhg"] - 5.0
    assert doing["blood_returned_ml_min"] > still["blood_returned_ml_min"]
    # at rest, what leaves the leg is what the arteries bring in: about 100 mL a minute
    assert 80.0 < still["blood_returned_ml_min"] < 140.0


@pytest.mark.parametrize("preset_id", ["seated-ankle-pumps", "walking-break", "stockings-walking"])
def test_a_preset_measures_the_same_numbers_however_it_is_stepped(preset_id: str) -> None:
    whole, _trace = run_preset(preset_id, sample_s=1.0)
    run = PresetRun(preset_id)
    rng = random.Random(preset_id)
    while not run.done:
        run.advance(rng.choice([1 / 144, 1 / 60, 0.37, 2.0, 5.5]), rng.choice([1 / 30, 0.5, 1.0]))
    chunked = run.result()
    for part in ("baseline", "exercise"):
        for key, value in whole[part].items():
            assert chunked[part][key] == pytest.approx(value, rel=1e-9, abs=1e-9), (part, key)


def test_a_preset_measures_nothing_until_its_window_has_passed() -> None:
    run = PresetRun("calf-raises")
    run.advance(40.0 - MEASURE_S / 2, 1.0)
    assert run.result()["baseline"] is None
    run.advance(MEASURE_S / 2, 1.0)
    assert run.result()["baseline"] is not None and run.result()["exercise"] is None
    assert run.phase_starts_s() == [0.0, 40.0]


def test_unknown_presets_and_bad_phases_are_refused_with_the_choices() -> None:
    with pytest.raises(ValueError) as exc:
        PresetRun("jogging")
    assert str(exc.value) == f"preset must be one of {', '.join(PRESETS)}; got 'jogging'"
    with pytest.raises(ValueError, match="a baseline must be one of sit, stand; got 'walk'"):
        Preset("x", "healthy", Phase("walk", 40.0), (Phase("walk", 40.0),), "")
    with pytest.raises(ValueError, match="a measured phase must last at least 20 s"):
        Preset("x", "healthy", Phase("sit", 40.0), (Phase("walk", 10.0),), "")
    with pytest.raises(ValueError, match="seconds must be more than 0"):
        Phase("sit", -1.0)
    with pytest.raises(ValueError, match="sample_s must be a finite number > 0"):
        PresetRun("walking").advance(1.0, 0.0)
