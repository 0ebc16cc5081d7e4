"""The calf-pump model's clinical measurements as data and as tables.

``report`` runs the model's protocols (AVP, APG, walking, venous return) for one
scenario; ``report_table_markdown`` is the table the model-comparison page embeds
(``{{ model_report_table }}``); ``text_table`` is what ``second-heart model report``
prints. Units: mmHg, mL, mL/s, mL/min, s.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
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


@lru_cache(maxsize=1)
def english_words() -> Mapping[str, str]:
    """content/en/ui.yml ``model_report``: the words when no page language is given (the
    command line, tests). A page's words come from its SiteContext (``ctx.words``)."""
    ui = Path(__file__).resolve().parents[2] / "content" / "en" / "ui.yml"
    words: dict[str, str] = yaml.safe_load(ui.read_text("utf-8"))["model_report"]
    return words


def number(text: str, words: Mapping[str, str]) -> str:
    """A number already written with a '.', in the language's decimal mark (ui.yml)."""
    return text.replace(".", words["decimal_mark"])


def _fmt(value: Any, digits: int = 1, words: Mapping[str, str] | None = None) -> str:
    if value is None:
        return (words or english_words())["not_reached"]
    return number(f"{value:.{digits}f}", words or english_words())


_COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (group, key, decimals); heading: ui.yml model_report ``report_<group>_<key>``, lowercase
    ("avp", "supine_mmHg", 1),
    ("avp", "standing_mmHg", 1),
    ("avp", "exercise_min_mmHg", 1),
    ("avp", "fall_percent", 0),
    ("avp", "rt90_s", 1),
    ("walking", "3", 1),
    ("walking", "6", 1),
    ("apg", "vv_ml", 0),
    ("apg", "vfi_ml_s", 1),
    ("apg", "ef_percent", 0),
    ("apg", "rvf_percent", 0),
)


def _label(rep: dict[str, Any], words: Mapping[str, str] | None = None) -> str:
    w = words or english_words()
    name = w[f"report_{rep['scenario']}"]
    if rep["compression_mmHg"]:
        return (w["report_stocking"].replace("{name}", name)
                .replace("{mmhg}", number(str(rep["compression_mmHg"]), w)))
    return name


def report_table_markdown(words: Mapping[str, str] | None = None) -> str:
    """Markdown table: every scenario, healthy with a 20 mmHg stocking, and superficial
    reflux with a 14 mmHg stocking (to set beside the published stocking study).

    The comparison page's ``{{ model_report_table }}`` marker is replaced with this.
    ``words``: ui.yml ``model_report`` in the page's language (None: English).
    """
    w = words or english_words()
    reps = [
        *all_reports(),
        report("healthy", TABLE_COMPRESSION_MMHG),
        report("superficial_reflux", TABLE_REFLUX_COMPRESSION_MMHG),
    ]
    header = (f"| {w['report_scenario']} | "
              + " | ".join(w[f"report_{g}_{k}".lower()] for g, k, _ in _COLUMNS) + " |")
    rule = "| --- | " + " | ".join("---:" for _ in _COLUMNS) + " |"
    lines = [header, rule]
    for rep in reps:
        cells = [_fmt(rep[g][k], d, w) for g, k, d in _COLUMNS]
        lines.append(f"| {_label(rep, w)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def text_table(reps: list[dict[str, Any]]) -> str:
    words = english_words()  # the command line speaks English
    rows = [(words["report_measure"], *(_label(r, words) for r in reps))]
    for group, key, digits in _COLUMNS:
        rows.append((words[f"report_{group}_{key}".lower()],
                     *(_fmt(r[group][key], digits, words) for r in reps)))
    for way in ("standing", "walking"):
        rows.append((words[f"report_venous_return_{way}"],
                     *(_fmt(r["venous_return_ml_min"][way], 0, words) for r in reps)))
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
