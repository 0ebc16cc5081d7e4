"""bridge.py (the worker's glue) under CPython: the operations the views call."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generators.build import PROJECT
from generators.content.context import SiteContext
from generators.widgets.checklist import checklist_data

WEB_SOURCE = PROJECT / "interactive" / "web"


@pytest.fixture
def bridge() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bridge", WEB_SOURCE / "bridge.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(bridge: ModuleType, op: str, **args: Any) -> Any:
    return json.loads(bridge.handle(op, json.dumps(args)))


def test_advance_returns_one_snapshot_per_sample_in_time_order(bridge: ModuleType) -> None:
    leg = call(bridge, "leg.create", scenario="healthy", activity="walk")["leg"]
    snapshots = call(bridge, "leg.advance", leg=leg, duration_s=0.5, sample_s=1 / 60)["snapshots"]
    times = [s["time_s"] for s in snapshots]
    assert len(times) == 30 and times == sorted(times)
    assert times[-1] == pytest.approx(0.5, abs=1e-3)


def test_walking_lowers_ankle_pressure_through_the_bridge(bridge: ModuleType) -> None:
    leg = call(bridge, "leg.create")["leg"]
    standing = call(bridge, "leg.advance", leg=leg, duration_s=2, sample_s=0.5)["snapshots"][-1]
    call(bridge, "leg.configure", leg=leg, activity="walk")
    walking = []
    for _ in range(10):
        walking += call(bridge, "leg.advance", leg=leg, duration_s=2, sample_s=0.1)["snapshots"]
    mean = sum(s["ankle_pressure_mmhg"] for s in walking[-50:]) / 50
    assert mean < standing["ankle_pressure_mmhg"] - 20


def test_reset_goes_back_to_time_zero(bridge: ModuleType) -> None:
    leg = call(bridge, "leg.create")["leg"]
    call(bridge, "leg.advance", leg=leg, duration_s=1, sample_s=0.5)
    assert call(bridge, "leg.reset", leg=leg)["snapshot"]["time_s"] == 0


def test_checklist_round_trip(bridge: ModuleType, ctx: SiteContext) -> None:
    text = json.dumps(checklist_data(ctx))
    assert call(bridge, "checklist.load", text=text) == {"items": 5}
    result = call(bridge, "checklist.evaluate", answers=["pe-warning-signs"])
    assert result["care"]["level"] == "emergency"


def test_unknown_operation_and_handle_are_clear_errors(bridge: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"unknown operation 'leg.fly'; expected one of leg.create"):
        call(bridge, "leg.fly")
    with pytest.raises(ValueError, match="no leg model with handle 99; create one first"):
        call(bridge, "leg.reset", leg=99)


def test_bridge_lives_with_the_web_files() -> None:
    assert Path(WEB_SOURCE / "bridge.py").is_file()


def test_an_exercise_demo_runs_in_chunks_to_the_numbers_the_build_shows(bridge: ModuleType) -> None:
    from calf_pump.presets import run_preset

    created = call(bridge, "demo.create", preset="walking-break")
    assert created["total_s"] == pytest.approx(100.0) and created["phase_starts_s"] == [0.0, 40.0, 45.0]
    demo, answers = created["demo"], []
    while not (answers and answers[-1]["result"]["done"]):
        answers.append(call(bridge, "demo.advance", demo=demo, duration_s=7.5, sample_s=0.5))
    samples = [s for answer in answers for s in answer["samples"]]
    assert len(samples) == 200 and samples[-1][0] == pytest.approx(100.0)
    assert [a["phase"] for a in answers][-1] == 2  # ended walking
    expected, _trace = run_preset("walking-break")
    live = answers[-1]["result"]
    for part in ("baseline", "exercise"):
        for key, value in expected[part].items():
            assert live[part][key] == pytest.approx(value, rel=1e-9)
    assert call(bridge, "demo.dispose", demo=demo) == {}
    with pytest.raises(ValueError, match="no exercise demo with handle"):
        call(bridge, "demo.advance", demo=demo, duration_s=1.0, sample_s=1.0)


def test_an_unknown_demo_preset_is_refused_with_the_choices(bridge: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"preset must be one of calf-raises, .*; got 'jogging'"):
        call(bridge, "demo.create", preset="jogging")
