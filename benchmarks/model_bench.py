"""How fast the calf-pump model runs in CPython and in Pyodide (Node), and a soak test.

Run from the project folder: .venv/bin/python -m benchmarks.model_bench
Prints figures only; nothing here asserts on time (machines differ).
Units: simulated seconds per wall-clock second; milliseconds per animation frame (1/60 s).
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import time
from pathlib import Path

from calf_pump import LegModel

from benchmarks.model_workload import measure

ROOT = Path(__file__).resolve().parents[1]
NODE_SCRIPT = ROOT / "benchmarks" / "pyodide_bench.mjs"


def cpython_figures() -> dict[str, float]:
    """Same workload as benchmarks/pyodide_bench.mjs runs in Pyodide (benchmarks/model_workload.py)."""
    return measure()


def pyodide_figures() -> dict[str, float] | None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").exists():
        return None
    done = subprocess.run(
        [node, str(NODE_SCRIPT)], capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        print(done.stderr[-2000:])
        return None
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def soak_hour() -> tuple[float, float]:
    """One simulated hour cycling through activities; worst relative conservation error."""
    m = LegModel("superficial_reflux", 15.0)
    plan = (("walk", 4.0, 120.0), ("stand", 4.0, 60.0), ("calf_raises", 4.0, 60.0),
            ("sit", 4.0, 120.0), ("ankle_pumps", 4.0, 60.0), ("lie_leg_up", 4.0, 60.0),
            ("walk", 6.0, 120.0))  # fmt: skip
    worst = 0.0
    t0 = time.perf_counter()
    while m.time_s < 3600.0 - 1e-9:
        for activity, speed, seconds in plan:
            m.set_activity(activity, speed_kmh=speed)
            for _ in range(int(seconds)):
                if m.time_s >= 3600.0 - 1e-9:
                    break
                m.run(1.0)
                expected = m.initial_volume_ml + m.inflow_total_ml - m.outflow_total_ml
                err = abs(m.total_volume_ml - expected) / m.total_volume_ml
                if not math.isfinite(err):
                    return math.inf, time.perf_counter() - t0
                worst = max(worst, err)
    return worst, time.perf_counter() - t0


def main() -> None:
    cp = cpython_figures()
    print("CPython")
    print(f"  simulated s per wall s : {cp['sim_s_per_wall_s']:.0f}")
    print(f"  one frame (1/60 s + snapshot): {cp['frame_ms']:.3f} ms")
    print(f"  report, all scenarios  : {cp['report_all_s']:.2f} s")
    py = pyodide_figures()
    if py is None:
        print("Pyodide (Node): not available (needs node and node_modules/pyodide)")
    else:
        print("Pyodide (Node)")
        print(f"  simulated s per wall s : {py['sim_s_per_wall_s']:.0f}")
        print(f"  cost of 1 simulated s  : {1000.0 / py['sim_s_per_wall_s']:.2f} ms (target <= 20 ms)")
        print(f"  one frame (1/60 s + snapshot): {py['frame_ms']:.3f} ms")
        print(f"  report, all scenarios  : {py['report_all_s']:.2f} s")
        print(f"Ratio Pyodide / CPython (time per simulated s): "
              f"{cp['sim_s_per_wall_s'] / py['sim_s_per_wall_s']:.2f}")
        print(f"Ratio Pyodide / CPython (frame): {py['frame_ms'] / cp['frame_ms']:.2f}")
    worst, wall = soak_hour()
    print(f"Soak: 1 simulated hour in {wall:.1f} s; max relative volume-conservation error "
          f"{worst:.2e}")


if __name__ == "__main__":
    main()
