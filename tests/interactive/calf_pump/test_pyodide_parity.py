"""The same model under real Pyodide (WebAssembly) in Node gives the same numbers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from calf_pump.protocols import flatten_metrics

from generators.charts.model_table import raw_report

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "tests" / "node" / "model_parity.mjs"


@pytest.mark.node
def test_pyodide_in_node_gives_the_same_protocol_metrics_as_cpython() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; run ./dev test to set it up")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        pytest.skip("node_modules/pyodide is missing; run `npm ci`")
    done = subprocess.run(
        [node, str(SCRIPT)], capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pyodide_reports: list[dict[str, Any]] = json.loads(done.stdout)
    for theirs in pyodide_reports:
        ours = raw_report(theirs["scenario"], float(theirs["compression_mmHg"]))
        a, b = flatten_metrics(ours), flatten_metrics(theirs)
        assert a.keys() == b.keys()
        for key in a:
            assert b[key] == pytest.approx(a[key], rel=1e-9, abs=1e-12), (theirs["scenario"], key)
