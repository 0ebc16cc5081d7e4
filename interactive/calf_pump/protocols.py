"""Clinical test protocols run on the model: AVP, APG and venous return.

Each function builds fresh ``LegModel`` instances (starting from standing equilibrium),
drives them through the protocol a vascular laboratory uses, and measures the result the
way the laboratory does. Units: mmHg, mL, mL/s, mL/min, s. Abbreviations as defined in
``calf_pump.parameters``.

- AVP: quiet standing, 10 tiptoe movements (one per second), then standing still.
  Resting pressure, exercise pressure, fall (mmHg and %), RT90 (time from the end of
  exercise until the pressure has recovered 90 % of its fall). The exercise pressure is the
  lowest mean over one tiptoe: the level the trace settles to, as a damped laboratory
  manometer shows it, not the brief dip between two movements (which is deep when the deep
  valves leak and the calf sucks blood back from the foot). Also the supine ankle pressure
  and the mean pressure while walking at 3 and 6 km/h.
- Walking test (Pollack and Wood 1949): quiet standing, walking on the level at 1.7 miles
  per hour, then standing still: fall of the mean ankle pressure while walking, and the
  time to recover 90 % of that fall after the walk.
- APG: lying with the leg raised, then standing (VV, VFI = 0.9 VV / time to 90 % fill),
  one tiptoe (EV, EF = EV / VV), ten tiptoes (RVF = volume left / VV).
- Venous return: blood leaving the leg to the trunk, standing still and walking.
- Backward flow: the longest run of backward flow at each valve during an activity, to set
  beside the clinical cut-offs for reflux (``parameters.REFLUX_CUTOFF_S``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .model import LegModel

TIPTOE_COUNT = 10
#: Pollack and Wood's treadmill: 1.7 miles per hour
POLLACK_WALK_KMH = 1.7 * 1.609344
WALK_SPEEDS_KMH = (3.0, 6.0)
VENOUS_RETURN_WALK_KMH = 3.0
_SUPINE_SETTLE_S = 30.0
_LEG_UP_SETTLE_S = 40.0
_WALK_SETTLE_S = 20.0
_WALK_MEASURE_S = 10.0
_STANDING_MEASURE_S = 2.0
_RECOVERY_MAX_S = 300.0
_FILL_MAX_S = 400.0
_CHUNK_S = 0.02


@dataclass(frozen=True)
class AvpResult:
    supine_mmHg: float
    standing_mmHg: float
    exercise_min_mmHg: float
    fall_mmHg: float
    fall_percent: float
    rt90_s: float | None  # None if the pressure had not recovered within 300 s


@dataclass(frozen=True)
class ApgResult:
    vv_ml: float
    vfi_ml_s: float
    ev_ml: float
    ef_percent: float
    rvf_percent: float


@dataclass(frozen=True)
class WalkResult:
    standing_mmHg: float
    walking_mean_mmHg: float
    fall_mmHg: float
    recovery_s: float | None  # RT90 after the walk; None if not reached within 300 s


@dataclass(frozen=True)
class Trace:
    """A protocol recording for charts: times (s), values, and labelled phases."""

    times_s: tuple[float, ...]
    values: tuple[float, ...]
    phases: tuple[tuple[str, float, float], ...]  # (label, start s, end s)


def _model(scenario: str, compression_mmhg: float, internal_dt_s: float | None) -> LegModel:
    return LegModel(scenario, compression_mmhg, internal_dt_s=internal_dt_s)


def _time_to_reach(
    m: LegModel, read: str, target: float, max_s: float
) -> float | None:
    """Run until ``getattr(m, read) >= target``; linear interpolation inside a chunk."""
    t0 = m.time_s
    before: float = getattr(m, read)
    if before >= target:
        return 0.0
    while m.time_s - t0 < max_s:
        m.run(_CHUNK_S)
        after: float = getattr(m, read)
        if after >= target:
            frac = (target - before) / (after - before)
            return m.time_s - _CHUNK_S * (1.0 - frac) - t0
        before = after
    return None


def _walk_mean(
    scenario: str, compression_mmhg: float, speed_kmh: float, dt: float | None
) -> tuple[float, float]:
    """Mean ankle pressure (mmHg) and venous return (mL/min) over whole strides."""
    m = _model(scenario, compression_mmhg, dt)
    m.set_activity("walk", speed_kmh=speed_kmh)
    m.run(_WALK_SETTLE_S)
    strides = max(1, int(_WALK_MEASURE_S / m.activity_period_s))
    duration = strides * m.activity_period_s
    m.reset_extremes()
    out0 = m.outflow_total_ml
    m.run(duration)
    return m.ankle_pressure_mean_mmhg, (m.outflow_total_ml - out0) / duration * 60.0


def _standing_venous_return(scenario: str, compression_mmhg: float, dt: float | None) -> float:
    m = _model(scenario, compression_mmhg, dt)
    out0 = m.outflow_total_ml
    m.run(_STANDING_MEASURE_S)
    return (m.outflow_total_ml - out0) / _STANDING_MEASURE_S * 60.0


def supine_ankle_pressure(
    scenario: str, compression_mmhg: float = 0.0, internal_dt_s: float | None = None
) -> float:
    m = _model(scenario, compression_mmhg, internal_dt_s)
    m.set_activity("lie")
    m.run(_SUPINE_SETTLE_S)
    return m.ankle_pressure_mmhg


def avp_and_residual(
    scenario: str, compression_mmhg: float = 0.0, internal_dt_s: float | None = None
) -> tuple[AvpResult, float, float]:
    """AVP test; also returns standing calf volume and calf volume after 10 tiptoes."""
    m = _model(scenario, compression_mmhg, internal_dt_s)
    standing = m.ankle_pressure_mmhg
    calf_standing = m.calf_volume_ml
    m.set_activity("tiptoe")
    lowest = standing
    for _ in range(TIPTOE_COUNT):
        m.reset_extremes()
        m.run(m.activity_period_s)
        lowest = min(lowest, m.ankle_pressure_mean_mmhg)  # the mean over one tiptoe
    calf_after = m.calf_volume_ml
    m.set_activity("stand")
    target = lowest + 0.9 * (standing - lowest)
    rt90 = _time_to_reach(m, "ankle_pressure_mmhg", target, _RECOVERY_MAX_S)
    supine = supine_ankle_pressure(scenario, compression_mmhg, internal_dt_s)
    fall = standing - lowest
    result = AvpResult(
        supine_mmHg=supine,
        standing_mmHg=standing,
        exercise_min_mmHg=lowest,
        fall_mmHg=fall,
        fall_percent=100.0 * fall / standing,
        rt90_s=rt90,
    )
    return result, calf_standing, calf_after


def walking_test(
    scenario: str,
    compression_mmhg: float = 0.0,
    speed_kmh: float = POLLACK_WALK_KMH,
    internal_dt_s: float | None = None,
) -> WalkResult:
    """Stand, walk (mean pressure over whole strides after settling), stand: fall and RT90."""
    m = _model(scenario, compression_mmhg, internal_dt_s)
    standing = m.ankle_pressure_mmhg
    m.set_activity("walk", speed_kmh=speed_kmh)
    m.run(_WALK_SETTLE_S)
    strides = max(1, int(_WALK_MEASURE_S / m.activity_period_s))
    m.reset_extremes()
    m.run(strides * m.activity_period_s)
    mean = m.ankle_pressure_mean_mmhg
    m.set_activity("stand")
    target = mean + 0.9 * (standing - mean)
    recovery = _time_to_reach(m, "ankle_pressure_mmhg", target, _RECOVERY_MAX_S)
    return WalkResult(standing, mean, standing - mean, recovery)


def longest_backward_flow_s(
    scenario: str,
    activity: str = "walk",
    speed_kmh: float = 4.0,
    seconds: float = 15.0,
    compression_mmhg: float = 0.0,
) -> dict[str, float]:
    """Longest run of backward flow at each valve (s), from the model's own count."""
    m = _model(scenario, compression_mmhg, None)
    m.set_activity(activity, speed_kmh=speed_kmh)
    longest = dict.fromkeys(m.reverse_flow_s, 0.0)
    for _ in range(round(seconds / m.internal_dt_s)):
        m.run(m.internal_dt_s)
        for valve, run_s in m.reverse_flow_s.items():
            if run_s > longest[valve]:
                longest[valve] = run_s
    return longest


def apg(
    scenario: str,
    compression_mmhg: float = 0.0,
    internal_dt_s: float | None = None,
    *,
    calf_standing_ml: float | None = None,
    calf_after_tiptoes_ml: float | None = None,
) -> ApgResult:
    if calf_standing_ml is None or calf_after_tiptoes_ml is None:
        _, calf_standing_ml, calf_after_tiptoes_ml = avp_and_residual(
            scenario, compression_mmhg, internal_dt_s
        )
    # leg raised: the baseline
    m = _model(scenario, compression_mmhg, internal_dt_s)
    m.set_activity("lie_leg_up")
    m.run(_LEG_UP_SETTLE_S)
    calf_up = m.calf_volume_ml
    vv = calf_standing_ml - calf_up
    m.set_activity("stand")
    fill_time = _time_to_reach(m, "calf_volume_ml", calf_up + 0.9 * vv, _FILL_MAX_S)
    vfi = 0.9 * vv / fill_time if fill_time else float("inf")
    # one tiptoe from standing equilibrium
    m = _model(scenario, compression_mmhg, internal_dt_s)
    m.set_activity("tiptoe")
    m.reset_extremes()
    m.run(m.activity_period_s)
    m.set_activity("stand")
    m.run(0.5)
    ev = calf_standing_ml - m.calf_volume_min_ml
    return ApgResult(
        vv_ml=vv,
        vfi_ml_s=vfi,
        ev_ml=ev,
        ef_percent=100.0 * ev / vv,
        rvf_percent=100.0 * (calf_after_tiptoes_ml - calf_up) / vv,
    )


def run_report(
    scenario: str, compression_mmhg: float = 0.0, internal_dt_s: float | None = None
) -> dict[str, object]:
    """Every protocol for one scenario, as the CLI's JSON object (unrounded floats)."""
    avp_result, calf_standing, calf_after = avp_and_residual(
        scenario, compression_mmhg, internal_dt_s
    )
    apg_result = apg(
        scenario,
        compression_mmhg,
        internal_dt_s,
        calf_standing_ml=calf_standing,
        calf_after_tiptoes_ml=calf_after,
    )
    walking: dict[str, float] = {}
    vr_walk = 0.0
    for speed in WALK_SPEEDS_KMH:
        mean_p, vr = _walk_mean(scenario, compression_mmhg, speed, internal_dt_s)
        walking[f"{speed:g}"] = mean_p
        if speed == VENOUS_RETURN_WALK_KMH:
            vr_walk = vr
    return {
        "scenario": scenario,
        "compression_mmHg": compression_mmhg,
        "avp": asdict(avp_result),
        "apg": asdict(apg_result),
        "walking": walking,
        "venous_return_ml_min": {
            "standing": _standing_venous_return(scenario, compression_mmhg, internal_dt_s),
            "walking": vr_walk,
        },
    }


def flatten_metrics(report: dict[str, object]) -> dict[str, float]:
    """``{"avp.rt90_s": 31.2, ...}``: every number in a report, for comparisons."""
    flat: dict[str, float] = {}
    for group in ("avp", "apg", "walking", "venous_return_ml_min"):
        values = report[group]
        assert isinstance(values, dict)
        for key, value in values.items():
            if isinstance(value, (int, float)):
                flat[f"{group}.{key}"] = float(value)
    return flat


def _record(
    m: LegModel, seconds: float, every_s: float, read: str, times: list[float], values: list[float]
) -> None:
    end = m.time_s + seconds - 1e-9
    while m.time_s < end:
        m.run(min(every_s, end + 1e-9 - m.time_s))
        times.append(m.time_s)
        values.append(getattr(m, read))


def avp_trace(
    scenario: str, compression_mmhg: float = 0.0, every_s: float = 0.1
) -> Trace:
    """Ankle pressure: 20 s quiet standing, 10 tiptoes, 60 s standing still."""
    m = _model(scenario, compression_mmhg, None)
    times = [0.0]
    values = [m.ankle_pressure_mmhg]
    _record(m, 20.0, every_s, "ankle_pressure_mmhg", times, values)
    m.set_activity("tiptoe")
    t_ex = m.time_s
    _record(m, TIPTOE_COUNT * m.activity_period_s, every_s, "ankle_pressure_mmhg", times, values)
    t_rec = m.time_s
    m.set_activity("stand")
    _record(m, 60.0, every_s, "ankle_pressure_mmhg", times, values)
    phases = (
        ("standing still", 0.0, t_ex),
        ("10 tiptoes", t_ex, t_rec),
        ("standing still", t_rec, m.time_s),
    )
    return Trace(tuple(times), tuple(values), phases)


def apg_trace(scenario: str, compression_mmhg: float = 0.0, every_s: float = 0.2) -> Trace:
    """Calf volume: leg raised, standing up to fill, one tiptoe, ten tiptoes, standing."""
    m = _model(scenario, compression_mmhg, None)
    m.set_activity("lie_leg_up")
    m.run(_LEG_UP_SETTLE_S)
    base = m.calf_volume_ml
    start_steps = m.steps  # chart time starts with the leg raised and settled
    times = [0.0]
    values = [0.0]

    def chart_time_s() -> float:
        return (m.steps - start_steps) * m.internal_dt_s

    def rec(seconds: float) -> None:
        end = chart_time_s() + seconds - 1e-9
        while chart_time_s() < end:
            m.run(min(every_s, end + 1e-9 - chart_time_s()))
            times.append(chart_time_s())
            values.append(m.calf_volume_ml - base)

    phases: list[tuple[str, float, float]] = []
    t = chart_time_s()
    rec(10.0)
    phases.append(("leg raised", t, chart_time_s()))
    t = chart_time_s()
    m.set_activity("stand")
    rec(120.0)
    phases.append(("standing up", t, chart_time_s()))
    t = chart_time_s()
    m.set_activity("tiptoe")
    rec(m.activity_period_s)
    m.set_activity("stand")
    rec(30.0)
    phases.append(("one tiptoe", t, chart_time_s()))
    t = chart_time_s()
    m.set_activity("tiptoe")
    rec(TIPTOE_COUNT * m.activity_period_s)
    phases.append(("10 tiptoes", t, chart_time_s()))
    t = chart_time_s()
    m.set_activity("stand")
    rec(40.0)
    phases.append(("standing still", t, chart_time_s()))
    return Trace(tuple(times), tuple(values), tuple(phases))
