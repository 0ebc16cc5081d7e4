"""The model benchmark's workload, run as-is by CPython and by Pyodide in Node.

One definition, so the two runtimes are timed on exactly the same work.
Units: simulated seconds per wall-clock second; milliseconds per animation frame (1/60 s).
"""

from __future__ import annotations

import time

from calf_pump import SCENARIO_NAMES, LegModel
from calf_pump.protocols import run_report


def measure() -> dict[str, float]:
    model = LegModel()
    model.set_activity("walk", speed_kmh=4.0)
    model.run(5.0)
    t0 = time.perf_counter()
    model.run(60.0)
    wall = time.perf_counter() - t0
    frames = 600
    t0 = time.perf_counter()
    for _ in range(frames):
        model.step(1.0 / 60.0)
        model.snapshot()
    frame = (time.perf_counter() - t0) / frames
    t0 = time.perf_counter()
    for name in SCENARIO_NAMES:
        run_report(name)
    report_all = time.perf_counter() - t0
    return {"sim_s_per_wall_s": 60.0 / wall, "frame_ms": frame * 1000.0, "report_all_s": report_all}
