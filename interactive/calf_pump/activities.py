"""What the person is doing: posture plus the calf (and foot) squeeze over one cycle.

Each activity is a periodic waveform sampled once per internal model step into lookup
tables, so the inner loop only indexes lists. Units: s, mL, mmHg, degrees, km/h.

The calf squeeze has two parts (a displacement pump with a force limit):

- stroke (mL): room the shortening, thickening muscle takes from the deep veins inside
  the fascia. It needs ankle motion: the stroke is scaled by the part of the movement's
  ankle arc that the joint can actually make (``range_of_motion / arc_needed``, at most 1).
- force (mmHg): the highest pressure the muscle can make on the veins at that moment.
  A weak calf lowers this limit, so the stroke may not be completed; a wasted calf also
  thickens less (``Condition.calf_stroke_fraction``), so its stroke is smaller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .parameters import Condition, LegParameters, check_range

ACTIVITIES = (
    "stand",
    "walk",
    "calf_raises",
    "ankle_pumps",
    "sit",
    "lie",
    "lie_leg_up",
    "tiptoe",
    "seated_ankle_pumps",
    "ankle_circles",
)
EXERCISES = frozenset(
    {"walk", "calf_raises", "ankle_pumps", "tiptoe", "seated_ankle_pumps", "ankle_circles"}
)
ACTIVITY_POSTURE = {
    "stand": "standing",
    "walk": "standing",
    "calf_raises": "standing",
    "tiptoe": "standing",
    "sit": "sitting",
    "lie": "lying",
    "ankle_pumps": "lying",
    "lie_leg_up": "lying_leg_up",
    "seated_ankle_pumps": "sitting",
    "ankle_circles": "sitting",
}
WALK_SPEED_MIN_KMH = 0.5
WALK_SPEED_MAX_KMH = 8.0
#: Ankle pumps move the foot through 50 degrees, from toes pulled up to toes pointed.
ANKLE_PUMP_ARC_DEG = 50.0
#: An ankle circle tilts the foot up and down through only about 30 degrees: the rest of
#: the circle is side to side (inversion, eversion), which hardly shortens the calf.
ANKLE_CIRCLE_ARC_DEG = 30.0
#: How far the calf shortens in an unloaded ankle pump, as a share of the full stroke.
_ANKLE_PUMP_AMPLITUDE = 0.7


def _pulse(phase: float, start: float, width: float) -> float:
    """Smooth 0..1..0 bump (sin^2) on [start, start + width] of a 0..1 phase."""
    x = (phase - start) / width
    if x <= 0.0 or x >= 1.0:
        return 0.0
    s = math.sin(math.pi * x)
    return s * s


def _ramp(t: float, t0: float, t1: float) -> float:
    """Smooth 0 -> 1 between t0 and t1 (half cosine)."""
    if t <= t0:
        return 0.0
    if t >= t1:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * (t - t0) / (t1 - t0))


def _raise_profile(t: float, rise: float, hold: float, lower: float) -> float:
    """Muscle activation of a heel raise: up, hold, slow lowering, rest."""
    if t < rise:
        return _ramp(t, 0.0, rise)
    if t < rise + hold:
        return 1.0
    if t < rise + hold + lower:
        return 1.0 - _ramp(t, rise + hold, rise + hold + lower)
    return 0.0


@dataclass(frozen=True)
class ActivityPlan:
    """One activity, sampled at the model's internal step into cycle tables."""

    name: str
    speed_kmh: float
    posture: str
    period_s: float  # 0 for still postures
    intensity: float  # 0..1, drives exercise hyperemia
    stroke_ml: tuple[float, ...]  # calf stroke at each internal step of the cycle
    force_mmhg: tuple[float, ...]  # calf force limit at each step
    foot_pump_mmhg: tuple[float, ...]  # plantar squeeze at each step
    ankle_angle_deg: tuple[float, ...]  # for views: + plantarflexion, - dorsiflexion
    activation: tuple[float, ...]  # 0..1 muscle contraction, for views


def cadence_steps_per_min(speed_kmh: float) -> float:
    """Walking cadence rises with speed: about 97 steps/min at 3 km/h, 124 at 6 km/h."""
    return 70.0 + 9.0 * speed_kmh


def make_plan(
    activity: str,
    speed_kmh: float,
    params: LegParameters,
    condition: Condition,
    dt_s: float,
) -> ActivityPlan:
    """Build the lookup tables for ``activity``; raises ValueError on bad input."""
    if activity not in ACTIVITY_POSTURE:
        raise ValueError(
            f"activity must be one of {', '.join(ACTIVITIES)}; got {activity!r}"
        )
    check_range("speed_kmh", speed_kmh, WALK_SPEED_MIN_KMH, WALK_SPEED_MAX_KMH, "km/h")
    posture = ACTIVITY_POSTURE[activity]
    rom = (
        params.ankle_range_of_motion_deg
        if condition.ankle_range_of_motion_deg is None
        else condition.ankle_range_of_motion_deg
    )
    force_max = params.calf_force_mmhg * condition.calf_strength_fraction
    stroke_max = params.calf_stroke_ml * condition.calf_stroke_fraction

    # (period, intensity, amplitude, arc needed, force share, activation(phase), foot(phase))
    if activity == "walk":
        period = 120.0 / cadence_steps_per_min(speed_kmh)  # one stride of this leg
        # push-off strength grows with speed; muscle work (and so blood flow demand)
        # grows faster than speed, roughly with its square at these walking speeds
        amplitude = min(1.0, 0.7 + 0.05 * speed_kmh)
        arc = 15.0 + 3.5 * speed_kmh
        intensity = min(1.0, 0.02 * speed_kmh * speed_kmh)
        force_share = amplitude

        def act(ph: float) -> float:
            return _pulse(ph, 0.15, 0.45)  # gastrocnemius-soleus: mid to late stance

        def foot(ph: float) -> float:
            return _pulse(ph, 0.0, 0.35)  # heel strike to midstance loads the sole

    elif activity == "tiptoe":
        period, intensity, amplitude, arc, force_share = 1.0, 0.5, 1.0, 35.0, 1.0

        def act(ph: float) -> float:
            return _raise_profile(ph * 1.0, 0.3, 0.2, 0.3)

        def foot(ph: float) -> float:
            return 0.0

    elif activity == "calf_raises":
        period, intensity, amplitude, arc, force_share = 5.0, 0.4, 1.0, 40.0, 1.0

        def act(ph: float) -> float:
            return _raise_profile(ph * 5.0, 1.0, 1.5, 2.0)

        def foot(ph: float) -> float:
            return 0.0

    elif activity in ("ankle_pumps", "seated_ankle_pumps"):
        # unloaded, lying or sitting: full plantarflexion then dorsiflexion every 2 s. The
        # same muscle work in both; only the posture (the blood column) differs.
        period, intensity, arc, force_share = 2.0, 0.3, ANKLE_PUMP_ARC_DEG, 0.5
        amplitude = _ANKLE_PUMP_AMPLITUDE

        def act(ph: float) -> float:
            return _pulse(ph, 0.0, 0.5)

        def foot(ph: float) -> float:
            return 0.0

    elif activity == "ankle_circles":
        # sitting, one slow circle every 4 s: the calf contracts while the toes sweep down
        # and round (half the circle), through a smaller up-and-down arc than a pump, so it
        # shortens less (amplitude in proportion to the arc) and works less hard
        period, intensity, arc, force_share = 4.0, 0.15, ANKLE_CIRCLE_ARC_DEG, 0.4
        amplitude = _ANKLE_PUMP_AMPLITUDE * ANKLE_CIRCLE_ARC_DEG / ANKLE_PUMP_ARC_DEG

        def act(ph: float) -> float:
            return _pulse(ph, 0.0, 0.5)

        def foot(ph: float) -> float:
            return 0.0

    else:
        period, intensity, amplitude, arc, force_share = 0.0, 0.0, 0.0, 1.0, 0.0

        def act(ph: float) -> float:
            return 0.0

        def foot(ph: float) -> float:
            return 0.0

    rom_factor = min(1.0, rom / arc) if arc > 0.0 else 1.0
    n = max(1, round(period / dt_s)) if period > 0.0 else 1
    stroke: list[float] = []
    force: list[float] = []
    foot_p: list[float] = []
    angle: list[float] = []
    activation: list[float] = []
    plantar_limit = 0.7 * rom
    dorsal_limit = -0.3 * rom
    for k in range(n):
        ph = k / n
        a = act(ph)
        f = foot(ph)
        stroke.append(stroke_max * amplitude * rom_factor * a)
        force.append(force_max * force_share * a)
        foot_p.append(params.foot_pump_mmhg * f)
        wanted = arc * a - (0.25 * arc * f if activity == "walk" else 0.0)
        if activity in ("ankle_pumps", "seated_ankle_pumps", "ankle_circles"):
            wanted = 0.6 * arc * a - 0.4 * arc * _pulse(ph, 0.5, 0.5)
        angle.append(max(dorsal_limit, min(plantar_limit, wanted)))
        activation.append(a)
    return ActivityPlan(
        name=activity,
        speed_kmh=float(speed_kmh),
        posture=posture,
        period_s=n * dt_s if period > 0.0 else 0.0,
        intensity=intensity,
        stroke_ml=tuple(stroke),
        force_mmhg=tuple(force),
        foot_pump_mmhg=tuple(foot_p),
        ankle_angle_deg=tuple(angle),
        activation=tuple(activation),
    )
