"""Healthy calibration against published ranges, and the directions disease must push."""

from __future__ import annotations

from typing import Any

import pytest
from calf_pump import LegModel
from calf_pump.protocols import apg, avp_and_residual


def test_healthy_ankle_pressure_lying_standing_and_walking_match_measurements(
    reports: dict[str, dict[str, Any]],
) -> None:
    r = reports["healthy"]
    assert 4.0 <= r["avp"]["supine_mmHg"] <= 7.0
    assert 76.0 <= r["avp"]["standing_mmHg"] <= 84.0
    # Stick et al. 1992: medians 23.5 mmHg at 3 km/h and 30.4 mmHg at 6 km/h
    assert r["walking"]["3"] == pytest.approx(23.5, abs=2.0)
    assert r["walking"]["6"] == pytest.approx(30.4, abs=2.0)
    assert r["walking"]["6"] > r["walking"]["3"]


def test_healthy_refill_and_plethysmography_are_in_the_normal_range(
    reports: dict[str, dict[str, Any]],
) -> None:
    r = reports["healthy"]
    assert 20.0 <= r["avp"]["rt90_s"] <= 40.0
    assert r["apg"]["ef_percent"] > 60.0
    assert r["apg"]["rvf_percent"] < 35.0
    assert r["apg"]["vfi_ml_s"] < 2.0
    assert 80.0 <= r["apg"]["vv_ml"] <= 170.0


def test_reflux_refills_the_leg_faster_than_healthy(reports: dict[str, dict[str, Any]]) -> None:
    healthy = reports["healthy"]["avp"]["rt90_s"]
    assert reports["superficial_reflux"]["avp"]["rt90_s"] < healthy
    assert reports["deep_reflux"]["avp"]["rt90_s"] < reports["superficial_reflux"]["avp"]["rt90_s"]
    assert reports["superficial_reflux"]["apg"]["vfi_ml_s"] > 2.0


def test_a_weaker_calf_ejects_a_smaller_fraction(reports: dict[str, dict[str, Any]]) -> None:
    assert reports["weak_calf"]["apg"]["ef_percent"] < reports["healthy"]["apg"]["ef_percent"]
    assert reports["stiff_ankle"]["apg"]["ef_percent"] < reports["healthy"]["apg"]["ef_percent"]


def test_more_compression_lowers_the_filling_index_of_a_refluxing_leg() -> None:
    vfis = []
    for mmhg in (0.0, 20.0, 40.0):
        _avp, standing, after = avp_and_residual("superficial_reflux", mmhg)
        result = apg(
            "superficial_reflux", mmhg, calf_standing_ml=standing, calf_after_tiptoes_ml=after
        )
        vfis.append(result.vfi_ml_s)
    assert vfis[0] > vfis[1] > vfis[2]


def test_raising_the_leg_lowers_the_ankle_pressure() -> None:
    pressures = {}
    for activity in ("stand", "sit", "lie", "lie_leg_up"):
        m = LegModel()
        m.set_activity(activity)
        m.run(40.0)
        pressures[activity] = m.ankle_pressure_mmhg
    assert pressures["stand"] > pressures["sit"] > pressures["lie"] > pressures["lie_leg_up"]


def test_conditions_change_the_mechanism_not_the_standing_column(
    reports: dict[str, dict[str, Any]],
) -> None:
    # standing still, every valve is open and the blood column is the same height
    standing = [r["avp"]["standing_mmHg"] for r in reports.values()]
    assert max(standing) - min(standing) < 2.0
