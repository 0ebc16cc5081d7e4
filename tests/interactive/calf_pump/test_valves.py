"""Valves: a short backflow while closing when healthy, a lasting leak when not.

Cut-offs for pathological reflux (Labropoulos et al., J Vasc Surg 2003): > 0.5 s in
superficial and calf veins, > 0.35 s outward in perforators, > 1 s in femoral/popliteal.
"""

from __future__ import annotations

from calf_pump import LegModel
from calf_pump.model import REVERSE_FLOW_THRESHOLD_ML_S

CUTOFF_S = {
    "lower_deep": 0.5,
    "perforator": 0.35,
    "saphenous": 0.5,
    "upper_deep": 1.0,
    "femoral": 1.0,
}
SEGMENT = {
    "lower_deep": "foot_to_deep",
    "perforator": "perforator",
    "upper_deep": "deep_up",
    "saphenous": "superficial_up",
    "femoral": "thigh_out",
}


def longest_reverse_flow_s(scenario: str) -> dict[str, float]:
    """Longest run of backward flow at each valve over tiptoes, walking and standing,
    timed by the test from the flows of a snapshot after every internal step."""
    m = LegModel(scenario)
    longest = dict.fromkeys(CUTOFF_S, 0.0)
    run_start: dict[str, int | None] = dict.fromkeys(CUTOFF_S)

    def observe() -> None:
        snap = m.snapshot()
        for valve, segment in SEGMENT.items():
            if snap["segments"][segment]["flow_ml_s"] < -REVERSE_FLOW_THRESHOLD_ML_S:
                start = run_start[valve]
                if start is None:
                    start = run_start[valve] = m.steps
                lasted = (m.steps - start) * m.internal_dt_s
                longest[valve] = max(longest[valve], lasted + m.internal_dt_s)
                # the model's own count, kept inside the stepping, says the same
                assert abs(snap["valves"][valve]["reverse_s"] - lasted) < 1e-9
            else:
                run_start[valve] = None
                assert snap["valves"][valve]["reverse_s"] == 0.0

    for activity, seconds in (("tiptoe", 5.0), ("stand", 6.0), ("walk", 6.0), ("stand", 6.0)):
        m.set_activity(activity, speed_kmh=4.0)
        observe()  # the same blood, now pushed by the new activity
        for _ in range(round(seconds / m.internal_dt_s)):
            m.run(m.internal_dt_s)
            observe()
    return longest


def test_healthy_valves_let_blood_back_only_briefly_while_they_close() -> None:
    longest = longest_reverse_flow_s("healthy")
    for valve, cutoff in CUTOFF_S.items():
        assert longest[valve] < cutoff, (valve, longest[valve])
    # the closing movement itself lets a little blood back: it is not instantaneous
    assert longest["lower_deep"] > 0.02


def test_leaky_saphenous_valves_reflux_for_longer_than_the_clinical_cutoff() -> None:
    longest = longest_reverse_flow_s("superficial_reflux")
    assert longest["saphenous"] > CUTOFF_S["saphenous"]
    assert longest["upper_deep"] < CUTOFF_S["upper_deep"]


def test_leaky_deep_valves_reflux_for_longer_than_the_clinical_cutoff() -> None:
    longest = longest_reverse_flow_s("deep_reflux")
    assert longest["upper_deep"] > CUTOFF_S["upper_deep"]
    assert longest["femoral"] > CUTOFF_S["femoral"]
    assert longest["saphenous"] < CUTOFF_S["saphenous"]


def _reflux_seen(scenario: str, activity: str) -> set[str]:
    from calf_pump import LegModel

    model = LegModel(scenario=scenario)
    model.set_activity(activity)
    seen: set[str] = set()
    for _ in range(round(30 / 0.02)):  # 30 s sampled like the animation draws it
        model.step(0.02)
        seen |= {name for name, valve in model.snapshot()["valves"].items() if valve["reflux"]}
    return seen


def test_the_animation_never_reports_reflux_for_a_healthy_leg_while_walking() -> None:
    assert _reflux_seen("healthy", "walk") == set()


def test_the_animation_reports_reflux_at_the_leaky_saphenous_valve_while_walking() -> None:
    assert "saphenous" in _reflux_seen("superficial_reflux", "walk")


def test_the_animation_reports_outward_perforator_reflux_for_leaky_deep_veins_while_walking() -> None:
    seen = _reflux_seen("deep_reflux", "walk")
    assert "perforator" in seen
    assert "saphenous" not in seen
