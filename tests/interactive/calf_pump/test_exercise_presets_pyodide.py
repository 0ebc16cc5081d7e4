"""The exercise demos under real Pyodide in Node measure what CPython measures.

The build's preview is CPython; the page's live run is Pyodide, stepped in the view's
chunks. They must agree (the page says the live numbers are the preview's)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from calf_pump.presets import PRESETS, run_preset

SCRIPT = Path(__file__).with_name("preset_parity.mjs")
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.node
def test_every_preset_gives_the_same_numbers_in_pyodide_as_the_build_preview() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; run ./dev test to set it up")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        pytest.skip("node_modules/pyodide is missing; run `npm ci`")
    done = subprocess.run([node, str(SCRIPT)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert set(found) == set(PRESETS)
    for preset_id, theirs in found.items():
        ours, _trace = run_preset(preset_id)
        for part in ("baseline", "exercise"):
            for key, value in ours[part].items():
                assert theirs["result"][part][key] == pytest.approx(value, rel=1e-9), (preset_id, part, key)
