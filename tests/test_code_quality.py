"""The house style's two checks (ruff, mypy --strict) pass, run exactly as STYLE.md asks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_ruff_finds_nothing_to_fix_in_the_python_code() -> None:
    result = _run("ruff", "check", "generators", "interactive", "tests", "benchmarks")
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"


def test_mypy_strict_finds_no_type_errors_in_the_generators_and_the_models() -> None:
    result = _run("mypy", "--strict", "generators", "interactive/calf_pump", "interactive/risk_checklist")
    assert result.returncode == 0, f"mypy --strict found problems:\n{result.stdout}{result.stderr}"
