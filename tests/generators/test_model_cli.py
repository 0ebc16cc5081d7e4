"""`second-heart model report`: the command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from calf_pump import SCENARIO_NAMES

from generators.charts.model_table import report_table_markdown
from generators.cli import main as cli_main


def main(argv: list[str]) -> int:
    return cli_main(["model", *argv])

KEYS = {
    "avp": {"supine_mmHg", "standing_mmHg", "exercise_min_mmHg", "fall_mmHg", "fall_percent", "rt90_s"},
    "apg": {"vv_ml", "vfi_ml_s", "ev_ml", "ef_percent", "rvf_percent"},
    "walking": {"3", "6"},
    "venous_return_ml_min": {"standing", "walking"},
}


def check_shape(obj: dict[str, object]) -> None:
    assert set(obj) == {"scenario", "compression_mmHg", *KEYS}
    for group, keys in KEYS.items():
        values = obj[group]
        assert isinstance(values, dict)
        assert set(values) == keys
        assert all(isinstance(v, (int, float)) for v in values.values())


def test_report_for_one_scenario_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--scenario", "healthy", "--compression", "20", "--json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    check_shape(obj)
    assert obj["scenario"] == "healthy"
    assert obj["compression_mmHg"] == 20


def test_report_all_prints_one_object_per_scenario_without_compression(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["report", "--all", "--json"]) == 0
    objs = json.loads(capsys.readouterr().out)
    assert [o["scenario"] for o in objs] == list(SCENARIO_NAMES)
    for obj in objs:
        check_shape(obj)
        assert obj["compression_mmHg"] == 0


def test_report_without_json_prints_a_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--scenario", "deep_reflux"]) == 0
    out = capsys.readouterr().out
    assert "RT90 (s)" in out and "deep reflux" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["report", "--scenario", "varicose", "--json"],
            "second-heart model: error: unknown scenario 'varicose'; valid scenarios: healthy, "
            "superficial_reflux, deep_reflux, obstruction, weak_calf, stiff_ankle\n",
        ),
        (
            ["report", "--scenario", "healthy", "--compression", "75"],
            "second-heart model: error: compression must be between 0 and 60 mmHg, got 75; "
            "valid: 0 to 60 mmHg at the ankle\n",
        ),
    ],
)
def test_bad_input_gives_one_line_on_stderr_and_exit_code_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == expected


def test_markdown_table_has_a_row_per_scenario_and_two_with_stockings() -> None:
    table = report_table_markdown()
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(SCENARIO_NAMES) + 2
    assert "healthy + 20 mmHg stocking" in table
    assert "superficial reflux + 14 mmHg stocking" in table


def test_installed_console_script_runs_the_report() -> None:
    script = Path(sys.executable).parent / "second-heart"
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    done = subprocess.run(
        [str(script), "model", "report", "--scenario", "weak_calf", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    check_shape(json.loads(done.stdout))
    bad = subprocess.run(
        [str(script), "model", "report", "--scenario", "nope"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "healthy, superficial_reflux" in bad.stderr
