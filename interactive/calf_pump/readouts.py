"""Readouts kept inside the stepping, so a view gets the same answer at any frame rate.

Every rule here is checked at every internal step (``kernel.advance`` inlines them;
``tally_step`` is the readable copy the tests compare it with). ``LegModel.snapshot()``
only reads the result. Units: mL, mmHg, and internal steps (times are steps x step length).

- Reverse flow: a segment flows backward when its flow is below
  ``-REVERSE_FLOW_THRESHOLD_ML_S``. Each valve counts how many steps its current run of
  backward flow has lasted; the run is reflux once it outlasts the valve's clinical cut-off
  (``parameters.REFLUX_CUTOFF_S``). A healthy valve lets a little blood back while it shuts.
- Refill time (RT90): when exercise stops and the person stands still, the kernel follows
  the ankle pressure at every step: its lowest value so far, and the first step at which it
  is back up by 90 % of the way from that lowest value to the resting standing pressure
  (the recovery counts only if the pressure fell by more than 1 mmHg).
- Totals: blood in from the arteries and out to the trunk since ``reset()`` (mL).
- Extremes since ``reset_extremes()``: lowest, highest and summed ankle pressure, and the
  lowest calf volume (deep + superficial), for the protocols.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .dynamics import Rates
from .network import LegState, PerSegment, PerValve
from .parameters import REFLUX_CUTOFF_S

REVERSE_FLOW_THRESHOLD_ML_S = 0.05
#: RT90: the part of the exercise fall the ankle pressure must win back
REFILL_FRACTION = 0.9
#: a smaller fall than this is no recovery to time (mmHg)
REFILL_MIN_FALL_MMHG = 1.0
#: ``Tallies.refill_watch_steps`` / ``refill_steps`` when there is nothing to report
NONE = -1


class ValveCounts(NamedTuple):
    """Steps the current run of backward flow has lasted at each valve."""

    lower_deep: int
    perforator: int
    upper_deep: int
    saphenous: int
    femoral: int


class Tallies(NamedTuple):
    """The readouts' running state, carried from one internal step to the next."""

    inflow_ml: float  # blood in from the arteries since reset()
    outflow_ml: float  # blood out to the trunk since reset()
    ankle_min_mmhg: float  # since reset_extremes(), over the state before each step
    ankle_max_mmhg: float
    ankle_sum_mmhg: float  # sum over steps, for the mean
    calf_min_ml: float  # over the state after each step
    reverse_steps: ValveCounts
    refill_watch_steps: int  # steps since exercise stopped while the recovery is followed; NONE
    refill_low_mmhg: float  # lowest ankle pressure since exercise stopped
    refill_rest_mmhg: float  # the resting standing pressure the recovery is measured against
    refill_steps: int  # the last measured RT90, in steps; NONE before the first


def fresh_tallies(rest_ankle_mmhg: float) -> Tallies:
    return Tallies(
        inflow_ml=0.0,
        outflow_ml=0.0,
        ankle_min_mmhg=math.inf,
        ankle_max_mmhg=-math.inf,
        ankle_sum_mmhg=0.0,
        calf_min_ml=math.inf,
        reverse_steps=ValveCounts(0, 0, 0, 0, 0),
        refill_watch_steps=NONE,
        refill_low_mmhg=math.inf,
        refill_rest_mmhg=rest_ankle_mmhg,
        refill_steps=NONE,
    )


def without_extremes(t: Tallies) -> Tallies:
    return t._replace(
        ankle_min_mmhg=math.inf, ankle_max_mmhg=-math.inf, ankle_sum_mmhg=0.0, calf_min_ml=math.inf
    )


def is_reverse_flow(flow_ml_s: float) -> bool:
    return flow_ml_s < -REVERSE_FLOW_THRESHOLD_ML_S


def refill_reached(ankle_mmhg: float, lowest_mmhg: float, rest_mmhg: float) -> bool:
    """RT90 rule: back up 90 % of a fall of more than 1 mmHg."""
    fall = rest_mmhg - lowest_mmhg
    return fall > REFILL_MIN_FALL_MMHG and ankle_mmhg >= lowest_mmhg + REFILL_FRACTION * fall


def tally_step(t: Tallies, before: LegState, r: Rates, after: LegState, dt_s: float) -> Tallies:
    """One internal step of bookkeeping: the readable copy of what the kernel inlines."""
    circ = r.circulation
    ankle = circ.pressure_mmhg.foot
    reverse = ValveCounts(
        *(
            count + 1 if is_reverse_flow(flow) else 0
            for count, flow in zip(
                t.reverse_steps,
                (
                    circ.flow_ml_s.foot_to_deep,
                    circ.flow_ml_s.perforator,
                    circ.flow_ml_s.deep_up,
                    circ.flow_ml_s.superficial_up,
                    circ.flow_ml_s.thigh_out,
                ),
                strict=True,
            )
        )
    )
    watch, low, measured = t.refill_watch_steps, t.refill_low_mmhg, t.refill_steps
    if watch != NONE:
        low = min(low, ankle)
        if refill_reached(ankle, low, t.refill_rest_mmhg):
            watch, measured = NONE, watch
        else:
            watch += 1
    return t._replace(
        inflow_ml=t.inflow_ml + dt_s * r.inflow_ml_s,
        outflow_ml=t.outflow_ml + dt_s * r.outflow_ml_s,
        ankle_min_mmhg=min(t.ankle_min_mmhg, ankle),
        ankle_max_mmhg=max(t.ankle_max_mmhg, ankle),
        ankle_sum_mmhg=t.ankle_sum_mmhg + ankle,
        calf_min_ml=min(t.calf_min_ml, after.deep_calf_ml + after.superficial_ml),
        reverse_steps=reverse,
        refill_watch_steps=watch,
        refill_low_mmhg=low,
        refill_steps=measured,
    )


def valve_readouts(
    flows: PerSegment, state: LegState, closed_leaks: PerValve, t: Tallies, dt_s: float
) -> dict[str, dict[str, float | bool]]:
    """The ``valves`` part of a snapshot: position, flow, backward-flow run, reflux."""
    on_segment = (flows.foot_to_deep, flows.perforator, flows.deep_up, flows.superficial_up, flows.thigh_out)
    opens = (
        state.lower_deep_open, state.perforator_open, state.upper_deep_open,
        state.saphenous_open, state.femoral_open,
    )  # fmt: skip
    valves: dict[str, dict[str, float | bool]] = {}
    for i, name in enumerate(ValveCounts._fields):
        reverse = is_reverse_flow(on_segment[i])
        # the kernel has counted the run's steps up to now; a run that has ended lasts 0 s
        reverse_s = t.reverse_steps[i] * dt_s if reverse else 0.0
        valves[name] = {
            "open_fraction": opens[i],
            "flow_ml_s": on_segment[i],
            "reverse": reverse,
            "reverse_s": reverse_s,
            "reflux": reverse_s > REFLUX_CUTOFF_S[name],
            "competent": closed_leaks[i] == 0.0,
        }
    return valves
