"""The lower-leg venous network and its time stepping (``LegModel``).

A lumped-parameter model of one leg's veins, pure Python, same numbers in CPython and
Pyodide. Units: mL, mmHg, s, mL/s, cm. See API.md for the contract views rely on.

Network (arrows = normal flow direction, [valve] where one sits)::

    arteries -> capillaries -> foot, deep_calf, superficial, thigh   (arterial inflow)
    foot --[lower_deep]--> deep_calf --[upper_deep]--> thigh --[femoral]--> trunk veins
    foot ----------------> superficial --[saphenous]----------------------> trunk veins
                           superficial --[perforator]--> deep_calf

Where each part lives: the state layout and constants in ``network.py``, the equations in
``dynamics.py`` (and, with symbols, in doc/model.md), their fast unrolled copy in
``kernel.py``, the frame-rate-independent readouts in ``readouts.py``, the resting states
in ``equilibria.py``. This class holds the settings and the clock.

Integration: explicit Euler at a fixed internal step of 1 ms (``internal_dt_s``);
``step(dt)`` runs as many internal steps as fit and carries the remainder. Every
millilitre entering from the arteries or leaving to the trunk is counted, so
``total - initial == inflow - outflow`` holds to rounding error.
"""

from __future__ import annotations

import math
from typing import Any

from . import kernel
from .activities import ACTIVITY_POSTURE, EXERCISES, ActivityPlan, make_plan
from .dynamics import evaluate, transmural_mmhg
from .equilibria import (
    DEFAULT_INTERNAL_DT_S,
    EQUILIBRIA_FILE,
    _equilibrium_cache,  # noqa: F401  (read by tests/interactive/web through this module)
    export_equilibria,
    load_equilibria,
    resting_state,
)
from .network import LegConstants, LegState, drive_at, leg_constants
from .parameters import (
    COMPARTMENT_NAMES,
    SCENARIOS,
    SEGMENT_NAMES,
    Condition,
    LegParameters,
    check_range,
)
from .readouts import (
    NONE,
    REVERSE_FLOW_THRESHOLD_ML_S,
    Tallies,
    ValveCounts,
    fresh_tallies,
    is_reverse_flow,
    valve_readouts,
    without_extremes,
)

COMPRESSION_MAX_MMHG = 60.0
#: standing still this long counts as rest: the pressure then is what a refill recovers to
_QUIET_STANDING_FOR_REST_S = 20.0


def _check_scenario(scenario: object) -> str:
    if not isinstance(scenario, str) or scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {', '.join(SCENARIOS)}; got {scenario!r}")
    return scenario


def _check_compression(compression_mmhg: object) -> float:
    check_range("compression_mmhg", compression_mmhg, 0.0, COMPRESSION_MAX_MMHG, "mmHg")  # type: ignore[arg-type]
    return float(compression_mmhg)  # type: ignore[arg-type]


def _check_seconds(name: str, value: object) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
    ):
        what = "a finite number of seconds" if name == "dt_s" else "a finite number"
        raise ValueError(f"{name} must be {what} >= 0, got {value!r}")
    return float(value)


class LegModel:
    """One leg's veins. See API.md for the contract views rely on."""

    #: default fixed internal step (s)
    internal_dt_s = DEFAULT_INTERNAL_DT_S
    #: the most model time one ``step`` call advances (s); the rest is dropped
    max_step_s = 5.0

    _activity: str
    _speed: float
    _plan: ActivityPlan
    _constants: LegConstants
    _state: LegState
    _tallies: Tallies
    _steps: int  # internal steps since reset(); time_s = steps x internal_dt_s
    _carry: float  # model time asked for but not yet stepped (s), less than one step
    _phase: int  # index of the next internal step in the activity's cycle tables
    _initial_total: float
    _extremes_from: int
    #: step at which the current spell of standing still began (None: not standing still)
    _stand_from: int | None
    #: step at which exercise stopped and the refill began to be followed, while standing
    _refill_watch_from: int | None

    def __init__(
        self,
        scenario: str = "healthy",
        compression_mmhg: float = 0.0,
        *,
        params: LegParameters | None = None,
        internal_dt_s: float | None = None,
    ) -> None:
        self._scenario = _check_scenario(scenario)
        self._compression = _check_compression(compression_mmhg)
        self._params = LegParameters() if params is None else params
        self._custom_params = params is not None
        if internal_dt_s is not None:
            check_range("internal_dt_s", internal_dt_s, 0.0001, 0.01, "s")
            self.internal_dt_s = float(internal_dt_s)
        self.reset()

    # ------------------------------------------------------------------ settings
    @property
    def _condition(self) -> Condition:
        return SCENARIOS[self._scenario]

    @property
    def scenario(self) -> str:
        return self._scenario

    @property
    def compression_mmhg(self) -> float:
        return self._compression

    @property
    def activity(self) -> str:
        return self._activity

    @property
    def posture(self) -> str:
        return self._plan.posture

    @property
    def activity_period_s(self) -> float:
        """Length of one movement cycle (s); 0 for still postures."""
        return self._plan.period_s

    @property
    def params(self) -> LegParameters:
        return self._params

    def _make_plan(self, activity: str, speed_kmh: float) -> ActivityPlan:
        return make_plan(activity, speed_kmh, self._params, self._condition, self.internal_dt_s)

    def _configure(self) -> None:
        """The equations' constants for the current condition, stocking and posture."""
        self._constants = leg_constants(
            self._params, self._condition, self._compression, self._plan.posture
        )

    def set_activity(self, activity: str, speed_kmh: float = 4.0) -> None:
        """Switch activity now; posture changes instantly, blood follows the physics."""
        plan = self._make_plan(activity, speed_kmh)
        self._note_resting_pressure()
        was_exercise = self._activity in EXERCISES
        self._plan = plan
        self._activity = activity
        self._speed = float(speed_kmh)
        self._phase = 0
        self._configure()
        if was_exercise and activity == "stand":
            # exercise has stopped: the kernel now follows the refill (readouts.py)
            self._stand_from = None
            self._refill_watch_from = self._steps
            self._tallies = self._tallies._replace(
                refill_watch_steps=0, refill_low_mmhg=self.ankle_pressure_mmhg
            )
        else:
            self._stand_from = self._steps if activity == "stand" else None
            self._refill_watch_from = None
            self._tallies = self._tallies._replace(refill_watch_steps=NONE)

    def _note_resting_pressure(self) -> None:
        """Leaving quiet standing of 20 s or more: its pressure is the rest a refill recovers to."""
        if self._activity != "stand":
            return
        start = self._stand_from
        if self._refill_watch_from is not None and self._tallies.refill_watch_steps == NONE:
            start = self._refill_watch_from + self._tallies.refill_steps  # quiet since refilled
        if start is not None and (self._steps - start) * self.internal_dt_s >= _QUIET_STANDING_FOR_REST_S:
            self._tallies = self._tallies._replace(refill_rest_mmhg=self.ankle_pressure_mmhg)

    def set_scenario(self, scenario: str) -> None:
        """Change the condition; the blood already in the leg stays where it is."""
        self._scenario = _check_scenario(scenario)
        self._plan = self._make_plan(self._activity, self._speed)
        self._phase = min(self._phase, len(self._plan.stroke_ml) - 1)
        self._configure()

    def set_compression(self, compression_mmhg: float) -> None:
        """Stocking pressure at the ankle (mmHg), graduated up the calf."""
        self._compression = _check_compression(compression_mmhg)
        self._configure()

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """Back to t = 0: standing still at equilibrium, same scenario and stocking."""
        self._activity = "stand"
        self._speed = 4.0
        self._plan = self._make_plan("stand", 4.0)
        self._configure()
        self._state = self.resting_state()
        self._steps = 0
        self._carry = 0.0
        self._phase = 0
        self._initial_total = self.total_volume_ml
        self._stand_from = 0
        self._refill_watch_from = None
        self._tallies = fresh_tallies(self.ankle_pressure_mmhg)
        self._extremes_from = 0

    def resting_state(self) -> LegState:
        """Standing still at equilibrium for this scenario and stocking (``equilibria.py``)."""
        return resting_state(
            self._scenario,
            self._compression,
            self.internal_dt_s,
            self._params if self._custom_params else None,
        )

    # ------------------------------------------------------------------ time
    def step(self, dt_s: float) -> None:
        """Advance by ``dt_s`` seconds of model time (at most ``max_step_s`` per call)."""
        self._run(min(_check_seconds("dt_s", dt_s), self.max_step_s))

    def run(self, seconds: float) -> None:
        """Advance by ``seconds`` with no cap (protocols and tests)."""
        self._run(_check_seconds("seconds", seconds))

    def _run(self, seconds: float) -> None:
        h = self.internal_dt_s
        total = self._carry + seconds
        n = int(total / h + 1e-9)
        self._carry = max(0.0, total - n * h)
        if n:
            self._state, self._tallies, self._phase = kernel.advance(
                self._state, self._tallies, self._constants, self._plan, self._phase, n, h
            )
            self._steps += n

    # ------------------------------------------------------------------ readings
    def reset_extremes(self) -> None:
        """Start tracking the lowest/highest ankle pressure and lowest calf volume anew."""
        self._tallies = without_extremes(self._tallies)
        self._extremes_from = self._steps

    @property
    def ankle_pressure_mean_mmhg(self) -> float:
        """Mean ankle pressure over the internal steps since ``reset_extremes()``."""
        n = self._steps - self._extremes_from
        return self._tallies.ankle_sum_mmhg / n if n else self.ankle_pressure_mmhg

    @property
    def ankle_pressure_min_mmhg(self) -> float:
        return self._tallies.ankle_min_mmhg

    @property
    def ankle_pressure_max_mmhg(self) -> float:
        return self._tallies.ankle_max_mmhg

    @property
    def calf_volume_min_ml(self) -> float:
        return self._tallies.calf_min_ml

    @property
    def time_s(self) -> float:
        return self._steps * self.internal_dt_s

    @property
    def steps(self) -> int:
        return self._steps

    @property
    def state(self) -> LegState:
        """The 11 state variables now (``network.LegState``)."""
        return self._state

    @property
    def total_volume_ml(self) -> float:
        s = self._state
        return s.foot_ml + s.deep_calf_ml + s.superficial_ml + s.thigh_ml

    @property
    def initial_volume_ml(self) -> float:
        return self._initial_total

    @property
    def inflow_total_ml(self) -> float:
        return self._tallies.inflow_ml

    @property
    def outflow_total_ml(self) -> float:
        return self._tallies.outflow_ml

    @property
    def calf_volume_ml(self) -> float:
        return self._state.deep_calf_ml + self._state.superficial_ml

    @property
    def volumes_ml(self) -> tuple[float, float, float, float]:
        s = self._state
        return (s.foot_ml, s.deep_calf_ml, s.superficial_ml, s.thigh_ml)

    @property
    def ankle_pressure_mmhg(self) -> float:
        """Pressure in the foot/ankle veins now (cheap: only that compartment)."""
        foot = self._constants.foot
        return (
            transmural_mmhg(self._state.foot_ml, foot.tube_law)
            + foot.outside_mmhg
            + self._plan.foot_pump_mmhg[self._phase]
        )

    @property
    def reverse_flow_s(self) -> dict[str, float]:
        """How long each valve's current run of backward flow has lasted (s; 0 if none)."""
        h = self.internal_dt_s
        return {
            name: steps * h
            for name, steps in zip(ValveCounts._fields, self._tallies.reverse_steps, strict=True)
        }

    @property
    def refill_time_s(self) -> float | None:
        """The last RT90 measured after exercise stopped while standing, or None."""
        steps = self._tallies.refill_steps
        return None if steps == NONE else steps * self.internal_dt_s

    def snapshot(self) -> dict[str, Any]:
        """Everything a view needs, as plain JSON-able values. Only reads the model."""
        circ = evaluate(self._state, self._constants, drive_at(self._plan, self._phase))
        pressures = circ.pressure_mmhg
        segments = {
            name: {"flow_ml_s": q, "reverse": is_reverse_flow(q)}
            for name, q in zip(SEGMENT_NAMES, circ.flow_ml_s, strict=True)
        }
        plan = self._plan
        k = self._phase
        force_max = self._params.calf_force_mmhg
        return {
            "time_s": self.time_s,
            "activity": self._activity,
            "speed_kmh": self._speed,
            "scenario": self._scenario,
            "posture": plan.posture,
            "compression_mmhg": self._compression,
            "ankle_pressure_mmhg": pressures.foot,
            "calf_volume_ml": self.calf_volume_ml,
            "calf_squeeze": plan.activation[k],
            "calf_muscle_pressure_mmhg": circ.muscle_mmhg,
            "calf_force_fraction": plan.force_mmhg[k] / force_max if force_max else 0.0,
            "ankle_angle_deg": plan.ankle_angle_deg[k],
            "venous_return_ml_min": self._state.venous_return_ml_s * 60.0,
            "blood_returned_ml": self._tallies.outflow_ml,
            "refill_time_s": self.refill_time_s,
            "compartments": {
                name: {"volume_ml": self._state[i], "pressure_mmhg": pressures[i]}
                for i, name in enumerate(COMPARTMENT_NAMES)
            },
            "segments": segments,
            "valves": valve_readouts(
                circ.flow_ml_s, self._state, self._constants.closed_leaks, self._tallies,
                self.internal_dt_s,
            ),
        }


__all__ = [
    "ACTIVITY_POSTURE",
    "COMPRESSION_MAX_MMHG",
    "EQUILIBRIA_FILE",
    "REVERSE_FLOW_THRESHOLD_ML_S",
    "LegModel",
    "export_equilibria",
    "load_equilibria",
]
