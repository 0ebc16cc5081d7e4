"""Shared fixtures for the calf-pump model tests: reports are computed once per session."""

from __future__ import annotations

from typing import Any

import pytest
from calf_pump import SCENARIO_NAMES

from generators.charts.model_table import raw_report


@pytest.fixture(scope="session")
def reports() -> dict[str, dict[str, Any]]:
    """Unrounded protocol results for every scenario (shared with the CLI's cache)."""
    return {name: raw_report(name, 0.0) for name in SCENARIO_NAMES}
