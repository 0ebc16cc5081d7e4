"""Exercise demos: still first, then the exercise, run and measured the same way everywhere.

Each exercise page shows a small demo: the leg sits or stands still (the *baseline*), then
does the exercise, and the page shows, for each of the two, the ankle vein pressure and the
blood returned to the trunk per minute. A ``Preset`` says what the leg does and for how long;
``PresetRun`` drives a ``LegModel`` through it in whole internal steps. The build's static
preview (CPython) and the browser's live run (Pyodide, in chunks of any length) therefore
pass through the very same model steps, and measure the same numbers.

Measured over the last ``MEASURE_S`` seconds of the baseline and of the exercise:

- ankle pressure: the mean over every internal step of that window (what a damped
  manometer settles to; a walking step's brief dips and peaks average out), mmHg;
- blood returned: all the blood sent to the trunk in that window (counted exactly at every
  step), as mL per minute.

The presets act only through the model's settings (activity, posture, walking speed,
stocking, condition); none touches a readout. Units: s, mmHg, mL, mL/min.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .activities import ACTIVITY_POSTURE
from .model import LegModel
from .parameters import SCENARIOS

#: Each measurement is the mean over this last part of its phase (s).
MEASURE_S = 20.0
#: The still baselines a demo may start from, and the posture each is.
BASELINES = {"sit": "sitting", "stand": "standing"}


@dataclass(frozen=True)
class Phase:
    """One stretch of the demo: what the leg does, for how long (s), and with what stocking."""

    activity: str
    seconds: float
    speed_kmh: float = 4.0  # walking speed, km/h (other activities ignore it)
    compression_mmhg: float = 0.0  # stocking pressure at the ankle, mmHg

    def __post_init__(self) -> None:
        if self.activity not in ACTIVITY_POSTURE:
            raise ValueError(f"activity must be one of {', '.join(ACTIVITY_POSTURE)}; got {self.activity!r}")
        if not (math.isfinite(self.seconds) and 0.0 < self.seconds <= 600.0):
            raise ValueError(f"seconds must be more than 0 and at most 600 s, got {self.seconds!r}")


@dataclass(frozen=True)
class Preset:
    """An exercise demo: a still baseline, then one or more phases; the last is measured.

    ``baseline`` is sitting or standing still (``BASELINES``) and lasts at least
    ``MEASURE_S``; so does the last phase, which is what "doing the exercise" means here.
    Phases in between (standing up before a walk) are shown but not measured.
    """

    id: str  # the id content names (``demo: preset:``): lowercase words joined by hyphens
    scenario: str  # the leg's condition (``parameters.SCENARIOS``)
    baseline: Phase
    exercise: tuple[Phase, ...]
    summary: str  # for developers: what the demo shows

    def __post_init__(self) -> None:
        if self.scenario not in SCENARIOS:
            raise ValueError(f"scenario must be one of {', '.join(SCENARIOS)}; got {self.scenario!r}")
        if self.baseline.activity not in BASELINES:
            raise ValueError(
                f"a baseline must be one of {', '.join(BASELINES)}; got {self.baseline.activity!r}"
            )
        if not self.exercise:
            raise ValueError(f"preset {self.id!r} needs at least one exercise phase")
        for phase in (self.baseline, self.exercise[-1]):
            if phase.seconds < MEASURE_S:
                raise ValueError(
                    f"preset {self.id!r}: a measured phase must last at least {MEASURE_S:g} s, "
                    f"got {phase.seconds:g} s ({phase.activity})"
                )

    @property
    def phases(self) -> tuple[Phase, ...]:
        return (self.baseline, *self.exercise)

    @property
    def total_s(self) -> float:
        return sum(phase.seconds for phase in self.phases)


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset(
            "calf-raises",
            "healthy",
            Phase("stand", 40.0),
            (Phase("calf_raises", 60.0),),
            "Standing still, then a slow heel raise every 5 s.",
        ),
        Preset(
            "seated-ankle-pumps",
            "healthy",
            Phase("sit", 40.0),
            (Phase("seated_ankle_pumps", 60.0),),
            "Sitting still, then pointing and flexing the foot every 2 s, still sitting.",
        ),
        Preset(
            "ankle-circles",
            "healthy",
            Phase("sit", 40.0),
            (Phase("ankle_circles", 60.0),),
            "Sitting still, then one slow ankle circle every 4 s, still sitting.",
        ),
        Preset(
            "walking",
            "healthy",
            Phase("stand", 40.0),
            (Phase("walk", 60.0, speed_kmh=4.0),),
            "Standing still, then walking at 4 km/h.",
        ),
        Preset(
            "walking-break",
            "healthy",
            Phase("sit", 40.0),
            (Phase("stand", 5.0), Phase("walk", 55.0, speed_kmh=4.0)),
            "Sitting still, then standing up (the column lengthens: pressure rises) and walking.",
        ),
        Preset(
            "leg-up",
            "healthy",
            Phase("sit", 40.0),
            (Phase("lie_leg_up", 60.0),),
            "Sitting still, then lying with the leg raised above the heart.",
        ),
        Preset(
            "stockings-walking",
            "superficial_reflux",
            Phase("stand", 40.0),
            (Phase("walk", 60.0, speed_kmh=4.0, compression_mmhg=18.0),),
            "A leg with varicose veins standing still without stockings, then walking in "
            "class 1 stockings (18 mmHg at the ankle).",
        ),
    )
}
PRESET_IDS = tuple(PRESETS)


def _check_preset(preset_id: object) -> Preset:
    if not isinstance(preset_id, str) or preset_id not in PRESETS:
        raise ValueError(f"preset must be one of {', '.join(PRESETS)}; got {preset_id!r}")
    return PRESETS[preset_id]


class PresetRun:
    """One run of a preset: ``advance`` it in chunks of any length; ``result()`` reads it.

    The run counts model time in internal steps and stops each piece of stepping at every
    phase change, measurement window and sample, so any chunking gives the same steps.
    """

    def __init__(self, preset_id: str) -> None:
        self.preset = _check_preset(preset_id)
        first = self.preset.baseline
        self.model = LegModel(self.preset.scenario, compression_mmhg=first.compression_mmhg)
        h = self.model.internal_dt_s
        self._h = h
        # (phase, first step, last step + 1) of each phase
        self._bounds: list[tuple[Phase, int, int]] = []
        start = 0
        for phase in self.preset.phases:
            end = start + round(phase.seconds / h)
            self._bounds.append((phase, start, end))
            start = end
        self._total_steps = start
        window = round(MEASURE_S / h)
        base_end = self._bounds[0][2]
        last_end = self._bounds[-1][2]
        #: (name, first step, last step + 1) of the two measurement windows
        self._windows = (("baseline", base_end - window, base_end), ("exercise", last_end - window, last_end))
        self._window_sums = {"baseline": 0.0, "exercise": 0.0}
        self._window_return_from = {"baseline": 0.0, "exercise": 0.0}
        self._measured: dict[str, dict[str, float]] = {}
        self._phase_index = -1
        self._step = 0
        self._enter_phase(0)

    # ------------------------------------------------------------------ settings
    def _enter_phase(self, index: int) -> None:
        phase = self._bounds[index][0]
        model = self.model
        if phase.compression_mmhg != model.compression_mmhg:
            model.set_compression(phase.compression_mmhg)
        model.set_activity(phase.activity, speed_kmh=phase.speed_kmh)
        self._phase_index = index

    @property
    def total_s(self) -> float:
        return self._total_steps * self._h

    @property
    def time_s(self) -> float:
        return self._step * self._h

    @property
    def done(self) -> bool:
        return self._step >= self._total_steps

    @property
    def phase_index(self) -> int:
        """Which phase runs now (0 is the baseline)."""
        return self._phase_index

    def phase_starts_s(self) -> list[float]:
        """When each phase begins (s from the start of the run)."""
        return [start * self._h for _phase, start, _end in self._bounds]

    # ------------------------------------------------------------------ time
    def _next_stop(self, limit: int) -> int:
        """The first step after now at which the run must stop stepping to act or read."""
        stops = [limit, self._total_steps]
        stops += [s for _p, s, _e in self._bounds if s > self._step]
        for _name, first, last in self._windows:
            stops += [x for x in (first, last) if x > self._step]
        return min(stops)

    def _run_to(self, target: int) -> float:
        """Step to ``target`` (no event in between); returns the summed ankle pressure."""
        n = target - self._step
        model = self.model
        before = model.steps
        model.reset_extremes()
        model.run(n * self._h)
        if model.steps - before != n:  # pragma: no cover  (run() rounds whole steps)
            raise RuntimeError(f"asked for {n} internal steps, the model ran {model.steps - before}")
        self._step = target
        return model.ankle_pressure_mean_mmhg * n

    def advance(self, seconds: float, sample_s: float) -> list[tuple[float, float]]:
        """Run ``seconds`` more (up to the end) and return ``(time_s, ankle_mmhg)`` samples:
        the mean ankle pressure over each ``sample_s`` (the last one may be shorter)."""
        if not (isinstance(seconds, (int, float)) and math.isfinite(seconds) and seconds >= 0):
            raise ValueError(f"seconds must be a finite number >= 0, got {seconds!r}")
        if not (isinstance(sample_s, (int, float)) and math.isfinite(sample_s) and sample_s > 0):
            raise ValueError(f"sample_s must be a finite number > 0, got {sample_s!r}")
        h = self._h
        end = min(self._total_steps, self._step + round(seconds / h))
        per_sample = max(1, round(sample_s / h))
        samples: list[tuple[float, float]] = []
        while self._step < end:
            sample_end = min(end, self._step + per_sample)
            sample_start = self._step
            total = 0.0
            while self._step < sample_end:
                self._before_step()
                target = self._next_stop(sample_end)
                part = self._run_to(target)
                total += part
                for name, first, last in self._windows:
                    if first < target <= last:
                        self._window_sums[name] += part
                self._after_step()
            samples.append((self._step * h, total / (self._step - sample_start)))
        return samples

    def _before_step(self) -> None:
        """Act on the events at the current step: a new phase, a window opening."""
        for index, (_phase, start, _end) in enumerate(self._bounds):
            if start == self._step and index != self._phase_index and self._step < self._total_steps:
                self._enter_phase(index)
        for name, first, _last in self._windows:
            if first == self._step:
                self._window_sums[name] = 0.0
                self._window_return_from[name] = self.model.outflow_total_ml

    def _after_step(self) -> None:
        for name, first, last in self._windows:
            if last == self._step and name not in self._measured:
                minutes = (last - first) * self._h / 60.0
                self._measured[name] = {
                    "ankle_pressure_mmhg": self._window_sums[name] / (last - first),
                    "blood_returned_ml_min": (self.model.outflow_total_ml - self._window_return_from[name])
                    / minutes,
                }

    # ------------------------------------------------------------------ readings
    def result(self) -> dict[str, Any]:
        """What has been measured so far: ``baseline`` and ``exercise`` (each None until its
        window has passed) with ``ankle_pressure_mmhg`` and ``blood_returned_ml_min``."""
        return {
            "preset": self.preset.id,
            "time_s": self.time_s,
            "done": self.done,
            "baseline": self._measured.get("baseline"),
            "exercise": self._measured.get("exercise"),
        }


def run_preset(preset_id: str, sample_s: float = 1.0) -> tuple[dict[str, Any], list[tuple[float, float]]]:
    """Run a whole preset at once: its result and its ankle-pressure trace (build previews)."""
    run = PresetRun(preset_id)
    trace = run.advance(run.total_s, sample_s)
    return run.result(), trace
