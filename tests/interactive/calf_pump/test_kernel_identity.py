"""The fast kernel is the written equations: identical floats, step after step.

``kernel.advance`` inlines ``dynamics.rates``, ``dynamics.euler_step`` and
``readouts.tally_step``. Here the readable copy runs one step at a time beside it, and every
number of the state and of the readouts must be equal (``==``, not approximately).
"""

from __future__ import annotations

import random

import pytest
from calf_pump import SCENARIO_NAMES, SCENARIOS, LegParameters, kernel
from calf_pump.activities import ActivityPlan, make_plan
from calf_pump.dynamics import euler_step, evaluate, rates
from calf_pump.equilibria import resting_state
from calf_pump.network import LegConstants, LegState, drive_at, leg_constants
from calf_pump.readouts import NONE, Tallies, fresh_tallies, tally_step

DT = 0.001
STOCKING_MMHG = 18.0
#: (activity, speed km/h, internal steps): 20,000 steps through pumping, recovery and
#: a raised leg (collapsing veins), so every branch of the equations is taken
CHUNKS = (
    ("walk", 5.0, 6000),
    ("stand", 4.0, 4000),
    ("calf_raises", 4.0, 3000),
    ("lie_leg_up", 4.0, 4000),
    ("ankle_pumps", 4.0, 3000),
)


def reference_run(
    state: LegState,
    tallies: Tallies,
    constants: LegConstants,
    plan: ActivityPlan,
    phase: int,
    steps: int,
) -> tuple[LegState, Tallies, int, bool]:
    """Euler over ``dynamics.rates``, one step at a time; also says if a vein collapsed."""
    collapsed = False
    unstressed_ml = tuple(
        c.tube_law.unstressed_ml
        for c in (constants.foot, constants.deep_calf, constants.superficial, constants.thigh)
    )
    for _ in range(steps):
        r = rates(state, constants, drive_at(plan, phase))
        after = euler_step(state, r, DT)
        tallies = tally_step(tallies, state, r, after, DT)
        collapsed = collapsed or any(v < v0 for v, v0 in zip(state[:4], unstressed_ml, strict=True))
        state = after
        phase = (phase + 1) % len(plan.stroke_ml)
    return state, tallies, phase, collapsed


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_kernel_and_equations_give_identical_floats_over_20000_steps(scenario: str) -> None:
    params, condition = LegParameters(), SCENARIOS[scenario]
    rng = random.Random(scenario)
    state = resting_state(scenario, STOCKING_MMHG, DT)
    tallies = fresh_tallies(0.0)
    measured_a_refill = collapsed_somewhere = False
    for activity, speed, steps in CHUNKS:
        plan = make_plan(activity, speed, params, condition, DT)
        constants = leg_constants(params, condition, STOCKING_MMHG, plan.posture)
        if activity == "stand":
            # follow a refill, against a rest 5 mmHg above now so it completes in this chunk
            ankle = evaluate(state, constants, drive_at(plan, 0)).pressure_mmhg.foot
            tallies = tallies._replace(
                refill_watch_steps=0, refill_low_mmhg=ankle, refill_rest_mmhg=ankle + 5.0
            )
        expected_state, expected_tallies, expected_phase, collapsed = reference_run(
            state, tallies, constants, plan, 0, steps
        )
        # the kernel in uneven calls, as frames of different lengths would make them
        phase, left = 0, steps
        while left:
            n = min(left, rng.randint(1, 700))
            state, tallies, phase = kernel.advance(state, tallies, constants, plan, phase, n, DT)
            left -= n
        assert state == expected_state, activity
        assert tallies == expected_tallies, activity
        assert phase == expected_phase, activity
        measured_a_refill = measured_a_refill or tallies.refill_steps != NONE
        collapsed_somewhere = collapsed_somewhere or collapsed
    assert measured_a_refill
    assert collapsed_somewhere
    assert sum(CHUNKS[i][2] for i in range(len(CHUNKS))) == 20_000
