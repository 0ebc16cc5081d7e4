"""The calf-pump model's clinical measurements as data and as tables.

``report`` runs the model's protocols (AVP, APG, walking, venous return) for one
scenario; ``report_table_markdown`` is the table the model-comparison page embeds
(``{{ model_report_table }}``); ``text_table`` is what ``second-heart model report``
prints. Units: mmHg, mL, mL/s, mL/min, s.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from calf_pump import SCENARIO_NAMES
from calf_pump.protocols import run_report

from generators.cache import model_run

TABLE_COMPRESSION_MMHG = 20.0
#: a light stocking on a refluxing leg, as in the published APG stocking study
TABLE_REFLUX_COMPRESSION_MMHG = 14.0
_DECIMALS = 2


def _rounded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        return round(value, _DECIMALS)
    return value


@lru_cache(maxsize=32)
def raw_report(scenario: str, compression_mmhg: float = 0.0) -> dict[str, Any]:
    """Unrounded protocol results; the model is deterministic, so one run per process
    (and one per model version: build/cache keeps it, generators/cache.py)."""
    result: dict[str, Any] = report_run(scenario, float(compression_mmhg))
    return result


@model_run("model.report")
def report_run(scenario: str, compression_mmhg: float) -> dict[str, Any]:
    return run_report(scenario, compression_mmhg)


def report(scenario: str, compression_mmhg: float = 0.0) -> dict[str, Any]:
    """The JSON object for one scenario, numbers rounded to 2 decimals."""
    result: dict[str, Any] = _rounded(raw_report(scenario, float(compression_mmhg)))
    return result


def all_reports() -> list[dict[str, Any]]:
    return [report(name) for name in SCENARIO_NAMES]


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "not reached"
    return f"{value:.{digits}f}"


_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    # (heading, group, key, decimals)
    ("Lying (mmHg)", "avp", "supine_mmHg", 1),
    ("Standing (mmHg)", "avp", "standing_mmHg", 1),
    ("Lowest, 10 tiptoes (mmHg)", "avp", "exercise_min_mmHg", 1),
    ("Fall (%)", "avp", "fall_percent", 0),
    ("RT90 (s)", "avp", "rt90_s", 1),
    ("Walking 3 km/h (mmHg)", "walking", "3", 1),
    ("Walking 6 km/h (mmHg)", "walking", "6", 1),
    ("VV (mL)", "apg", "vv_ml", 0),
    ("VFI (mL/s)", "apg", "vfi_ml_s", 1),
    ("EF (%)", "apg", "ef_percent", 0),
    ("RVF (%)", "apg", "rvf_percent", 0),
)


def _label(rep: dict[str, Any]) -> str:
    name = str(rep["scenario"]).replace("_", " ")
    if rep["compression_mmHg"]:
        return f"{name} + {rep['compression_mmHg']} mmHg stocking"
    return name


def report_table_markdown() -> str:
    """Markdown table: every scenario, healthy with a 20 mmHg stocking, and superficial
    reflux with a 14 mmHg stocking (to set beside the published stocking study).

    The comparison page's ``{{ model_report_table }}`` marker is replaced with this.
    """
    reps = [
        *all_reports(),
        report("healthy", TABLE_COMPRESSION_MMHG),
        report("superficial_reflux", TABLE_REFLUX_COMPRESSION_MMHG),
    ]
    header = "| Scenario | " + " | ".join(c[0] for c in _COLUMNS) + " |"
    rule = "| --- | " + " | ".join("---:" for _ in _COLUMNS) + " |"
    lines = [header, rule]
    for rep in reps:
        cells = [_fmt(rep[g][k], d) for _, g, k, d in _COLUMNS]
        lines.append(f"| {_label(rep)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def text_table(reps: list[dict[str, Any]]) -> str:
    rows = [("Measure", *(_label(r) for r in reps))]
    for heading, group, key, digits in _COLUMNS:
        rows.append((heading, *(_fmt(r[group][key], digits) for r in reps)))
    rows.append(
        ("Venous return standing (mL/min)", *(_fmt(r["venous_return_ml_min"]["standing"], 0) for r in reps))
    )
    rows.append(
        ("Venous return walking (mL/min)", *(_fmt(r["venous_return_ml_min"]["walking"], 0) for r in reps))
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append(
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            )
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
