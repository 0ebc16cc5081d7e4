"""The worker's way of loading the project's Python, under real Pyodide (Node).

worker.js does not install the wheels: it fetches them with Subresource Integrity (the
sha256 in the site's pyodide-lock.json), writes the verified bytes into Python's file
system, puts them on ``sys.path`` and imports straight from the zip, and imports
bridge.py as a module next to them. This runs the same steps on the built wheels
(checking the sha256 here, as the browser's fetch does) and then drives bridge.py: a
package that only works once installed (a data file read with ``open``, say) fails here
rather than in a reader's browser. The integrity check itself
is the browser's, tested in tests/browser/test_widgets.py."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generators.build import PROJECT
from generators.content.context import SiteContext
from generators.widgets.assets import PYODIDE_DIR
from generators.widgets.checklist import checklist_data

pytestmark = pytest.mark.node

SCRIPT = r"""
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
const [base, bridgePath, checklistText] = process.argv.slice(2);
const { loadPyodide } = await import(base + "/pyodide.mjs");
const lock = JSON.parse(readFileSync(base + "/pyodide-lock.json", "utf8"));
const py = await loadPyodide({ indexURL: base + "/", lockFileContents: lock, packageBaseUrl: base + "/" });
py.FS.mkdirTree("/lib/second-heart");
const paths = [];
for (const name of ["calf-pump", "risk-checklist"]) {
  const entry = lock.packages[name];
  const bytes = readFileSync(base + "/" + entry.file_name);
  if (createHash("sha256").update(bytes).digest("hex") !== entry.sha256) throw new Error("sha256 " + name);
  const path = "/lib/second-heart/" + entry.file_name;
  py.FS.writeFile(path, bytes);
  paths.push(path);
}
py.FS.writeFile("/lib/second-heart/second_heart_bridge.py", readFileSync(bridgePath, "utf8"));
const ns = py.toPy({ wheel_paths: [...paths, "/lib/second-heart"] });
py.runPython("import sys\nsys.path[0:0] = wheel_paths", { globals: ns });
const handle = py.pyimport("second_heart_bridge").handle;
const call = (op, args) => JSON.parse(handle(op, JSON.stringify(args)));
const ours = "sorted(m for m in sys.modules if m.split('.')[0] in ('calf_pump', 'risk_checklist'))";
const before = py.runPython(ours, { globals: ns }).toJs();
const created = call("leg.create", { scenario: "healthy", activity: "stand" });
const walked = call("leg.configure", { leg: created.leg, activity: "walk" });
const advanced = call("leg.advance", { leg: created.leg, duration_s: 2.0, sample_s: 0.5 });
call("checklist.load", { text: checklistText });
const result = call("checklist.evaluate", { answers: ["long-sitting", "pe-warning-signs"] });
const compiledHere = py.runPython(
  "sorted(n for n, m in list(sys.modules.items()) if n.split('.')[0] in ('calf_pump', 'risk_checklist')"
  + " and not m.__file__.endswith('.pyc'))", { globals: ns }).toJs();
let refused = "";
try {
  call("leg.create", { scenario: "no-such-scenario" });
} catch (err) {
  refused = String(err.message);
}
console.log(JSON.stringify({
  imported_before_first_call: before,
  compiled_here: compiledHere,
  refused,
  calf_pump: py.runPython("import calf_pump; calf_pump.__file__"),
  shipped: py.runPython("from calf_pump import equilibria; equilibria.cached_count()"),
  snapshots: advanced.snapshots.length,
  ankle: created.snapshot.ankle_pressure_mmhg,
  care: result.care?.level ?? null,
  plan: result.plan.map((step) => step.id),
  walked: walked.time_s,
}));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed; install Node 20+ to run the Pyodide tests")
    return node


@pytest.fixture(scope="module")
def out(site_assets: Path, ctx: SiteContext, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the worker's steps report, run once in Node (Pyodide takes seconds to start)."""
    script = tmp_path_factory.mktemp("zip-import") / "zip_import.mjs"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [_node(), str(script), str(site_assets / PYODIDE_DIR),
         str(PROJECT / "interactive" / "web" / "bridge.py"), json.dumps(checklist_data(ctx))],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_wheels_run_imported_from_their_zips_as_the_worker_does(out: dict[str, Any]) -> None:
    # Running bridge.py imports neither package: each widget's page imports only its own.
    assert out["imported_before_first_call"] == []
    assert out["calf_pump"].startswith("/lib/second-heart/calf_pump-") and ".whl/" in out["calf_pump"]
    assert out["shipped"] > 0  # the resting states were read from inside the zip
    assert out["snapshots"] == 4
    assert out["ankle"] > 50  # standing: the ankle veins carry the column of blood
    assert out["care"] == "emergency"  # a ticked warning sign of a clot in the lung
    assert out["plan"] == []  # and so no exercise plan


def test_the_browser_compiles_none_of_our_python_and_errors_still_show_the_source_line(
    out: dict[str, Any],
) -> None:
    """The wheels carry bytecode made by this Pyodide's Python (generators/widgets/bytecode.py):
    the worker runs it as it is, which takes most of `import calf_pump` off a widget's start.
    The sources stay in the wheels, so a Python error still quotes the line that raised."""
    assert out["compiled_here"] == []
    assert 'File "calf_pump/model.py", line' in out["refused"]
    assert "raise ValueError(" in out["refused"]  # the source line, read from the wheel
    assert "scenario must be one of healthy" in out["refused"]
