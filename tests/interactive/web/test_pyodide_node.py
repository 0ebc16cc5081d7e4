"""The built wheels under real Pyodide (Node), loaded through the site's own lockfile.

(Node's Pyodide reads local wheels without the sha256 check that browsers apply through
fetch's integrity option, so the tampered-wheel test lives in tests/browser.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generators.content.context import SiteContext
from generators.widgets.assets import PYODIDE_DIR
from generators.widgets.checklist import checklist_data

pytestmark = pytest.mark.node

SCRIPT = r"""
const { loadPyodide } = await import(process.argv[2] + "/pyodide.mjs");
const base = process.argv[2] + "/";
const py = await loadPyodide({ indexURL: base, lockFileURL: base + "pyodide-lock.json",
                               packageBaseUrl: base });
await py.loadPackage(["calf-pump", "risk-checklist"],
                     { messageCallback: () => {}, errorCallback: (m) => console.error(m) });
py.globals.set("checklist_text", process.argv[3]);
const out = py.runPython(`
import json, sys
import calf_pump, risk_checklist
from calf_pump import LegModel
from risk_checklist import Checklist, evaluate
from calf_pump import model as model_module
shipped = len(model_module._equilibrium_cache)
m = LegModel(scenario="healthy")
m.set_activity("stand"); m.step(5.0)
standing = m.snapshot()["ankle_pressure_mmhg"]
m.set_activity("walk")
for _ in range(20): m.step(1.0)
walking = m.snapshot()["ankle_pressure_mmhg"]
checklist = Checklist.from_dict(json.loads(checklist_text))
result = evaluate(checklist, ["long-sitting", "pe-warning-signs"])
calm = evaluate(checklist, ["long-sitting"])
json.dumps({"python": sys.version.split()[0], "standing": standing, "walking": walking,
            "care": result.care.id, "plan_with_sign": [s.exercise.id for s in result.plan],
            "plan": [s.exercise.id for s in calm.plan],
            "calf_pump": calf_pump.__file__, "risk_checklist": risk_checklist.__file__,
            "shipped_resting_states": shipped})
`);
console.log(out);
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed; install Node 20+ to run the Pyodide tests")
    return node


def _run(site_assets: Path, checklist: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "run.mjs"
    script.write_text(SCRIPT)
    return subprocess.run(
        [_node(), str(script), str(site_assets / PYODIDE_DIR), checklist],
        capture_output=True, text=True, timeout=180,
    )


def test_wheels_import_and_run_under_pyodide(site_assets: Path, ctx: SiteContext, tmp_path: Path) -> None:
    done = _run(site_assets, json.dumps(checklist_data(ctx)), tmp_path)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["python"].startswith("3.14")
    assert out["care"] == "emergency"
    assert out["plan_with_sign"] == []  # a ticked warning sign: no exercise plan
    assert out["plan"] == ["walking-breaks", "ankle-pumps"]
    assert out["walking"] < out["standing"] - 20
    assert "site-packages" in out["calf_pump"]  # installed from the wheel, not from the repo
    # Resting states computed at build time come with the wheel: 6 scenarios x 3 stockings.
    assert out["shipped_resting_states"] == 18
