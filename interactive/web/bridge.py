"""Glue between the widgets' Web Worker and the Python packages; runs inside Pyodide.

The worker calls ``handle(op, args_json)`` and gets a JSON string back, so nothing but
strings crosses the JavaScript/Python boundary (no proxies to leak, no conversion rules).
This file is view plumbing: the physics lives in ``calf_pump``, the rules in
``risk_checklist``. It runs under CPython too, which is how tests/widgets covers it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from calf_pump import LegModel
    from calf_pump.presets import PresetRun
    from risk_checklist import Checklist

#: Longest stretch of model time one request may ask for: keeps each reply quick, so
#: the worker never holds the page's next chunk behind a long computation.
MAX_ADVANCE_S = 2.0
MIN_SAMPLE_S = 1 / 240
#: An exercise demo may be asked for all of its run at once (reduced motion): at about
#: 3 ms per simulated second in Pyodide, this many seconds is a reply of about half a second.
MAX_DEMO_ADVANCE_S = 150.0

_legs: dict[int, LegModel] = {}
_next_leg = 1
_checklist: Checklist | None = None


def _rounded(value: Any) -> Any:
    """Three decimals are plenty for drawing and make each snapshot about half as long."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _leg(leg: int) -> LegModel:
    try:
        return _legs[leg]
    except KeyError:
        raise ValueError(f"no leg model with handle {leg}; create one first") from None


def leg_create(
    scenario: str = "healthy",
    compression_mmhg: float = 0.0,
    activity: str = "stand",
    speed_kmh: float | None = None,
) -> dict[str, Any]:
    global _next_leg
    # Imported on first use, like the checklist below: a page shows one widget, so the
    # other's code stays off its start-up.
    from calf_pump import LegModel

    model = LegModel(scenario=scenario, compression_mmhg=float(compression_mmhg))
    _set_activity(model, activity, speed_kmh)
    handle, _next_leg = _next_leg, _next_leg + 1
    _legs[handle] = model
    return {"leg": handle, "snapshot": _rounded(model.snapshot())}


def _set_activity(model: LegModel, activity: str, speed_kmh: float | None) -> None:
    if speed_kmh is None:
        model.set_activity(activity)
    else:
        model.set_activity(activity, speed_kmh=float(speed_kmh))


def leg_configure(
    leg: int,
    scenario: str | None = None,
    compression_mmhg: float | None = None,
    activity: str | None = None,
    speed_kmh: float | None = None,
) -> dict[str, Any]:
    model = _leg(leg)
    if scenario is not None:
        model.set_scenario(scenario)
    if compression_mmhg is not None:
        model.set_compression(float(compression_mmhg))
    if activity is not None:
        _set_activity(model, activity, speed_kmh)
    return {"time_s": model.time_s}


def leg_advance(leg: int, duration_s: float, sample_s: float) -> dict[str, Any]:
    """Step the model ``duration_s`` and return a snapshot every ``sample_s`` seconds."""
    model = _leg(leg)
    duration_s = min(max(float(duration_s), 0.0), MAX_ADVANCE_S)
    sample_s = max(float(sample_s), MIN_SAMPLE_S)
    count = max(1, round(duration_s / sample_s))
    snapshots = []
    for _ in range(count):
        model.step(sample_s)
        snapshots.append(_rounded(model.snapshot()))
    return {"snapshots": snapshots}


def leg_reset(leg: int) -> dict[str, Any]:
    model = _leg(leg)
    model.reset()
    return {"snapshot": _rounded(model.snapshot())}


def leg_dispose(leg: int) -> dict[str, Any]:
    _legs.pop(leg, None)
    return {}


_demos: dict[int, PresetRun] = {}
_next_demo = 1


def _demo(demo: int) -> PresetRun:
    try:
        return _demos[demo]
    except KeyError:
        raise ValueError(f"no exercise demo with handle {demo}; create one first") from None


def demo_create(preset: str) -> dict[str, Any]:
    """Start an exercise demo (``calf_pump.presets``): still, then the exercise."""
    global _next_demo
    from calf_pump.presets import PresetRun

    run = PresetRun(preset)
    handle, _next_demo = _next_demo, _next_demo + 1
    _demos[handle] = run
    return {"demo": handle, "total_s": run.total_s, "phase_starts_s": run.phase_starts_s()}


def demo_advance(demo: int, duration_s: float, sample_s: float) -> dict[str, Any]:
    """Run the demo ``duration_s`` more; the mean ankle pressure every ``sample_s`` and what
    has been measured so far (unrounded: the page compares it with the build's preview)."""
    run = _demo(demo)
    duration_s = min(max(float(duration_s), 0.0), MAX_DEMO_ADVANCE_S)
    samples = run.advance(duration_s, max(float(sample_s), MIN_SAMPLE_S))
    return {
        "samples": [[round(t, 3), round(p, 3)] for t, p in samples],
        "phase": run.phase_index,
        "result": run.result(),
    }


def demo_dispose(demo: int) -> dict[str, Any]:
    _demos.pop(demo, None)
    return {}


def checklist_load(text: str) -> dict[str, Any]:
    global _checklist
    # Imported on first use: the animation pages never need it, so it stays off their start-up.
    from risk_checklist import Checklist

    _checklist = Checklist.from_dict(json.loads(text))
    return {"items": len(_checklist.item_ids())}


def checklist_evaluate(answers: list[str]) -> dict[str, Any]:
    if _checklist is None:
        raise ValueError("the checklist is not loaded yet; call checklist_load first")
    from risk_checklist import evaluate

    return evaluate(_checklist, answers).to_dict()


OPS: dict[str, Callable[..., dict[str, Any]]] = {
    "leg.create": leg_create,
    "leg.configure": leg_configure,
    "leg.advance": leg_advance,
    "leg.reset": leg_reset,
    "leg.dispose": leg_dispose,
    "demo.create": demo_create,
    "demo.advance": demo_advance,
    "demo.dispose": demo_dispose,
    "checklist.load": checklist_load,
    "checklist.evaluate": checklist_evaluate,
}


def handle(op: str, args_json: str) -> str:
    """One request from the worker: ``op`` names a function above, ``args_json`` its keywords."""
    if op not in OPS:
        raise ValueError(f"unknown operation '{op}'; expected one of {', '.join(OPS)}")
    return json.dumps(OPS[op](**json.loads(args_json)), separators=(",", ":"))
