"""Physiology parameters of the calf-pump model: one place for every number.

Units: volumes mL, pressures mmHg, conductances mL/s per mmHg, times s, heights cm,
angles degrees, speeds km/h. Each dataclass is frozen and checks its own ranges in
``__post_init__``; a bad value raises ``ValueError`` whose message names the field, the
valid range with its unit, and the value received, e.g.
``"compression_mmhg must be between 0 and 60 mmHg, got 75"``.

Abbreviations used across the package (defined once, here):

- AVP: ambulatory venous pressure, the ankle vein pressure during and after exercise.
- RT90: time for the ankle pressure to recover 90 % of its fall after exercise stops.
- APG: air plethysmography, calf volume measured by a cuff.
- VV: venous volume, calf blood volume gained from leg raised to standing (mL).
- VFI: venous filling index, 90 % of VV divided by the time to fill that much (mL/s).
- EV / EF: ejected volume of one tiptoe (mL) / EV as a percentage of VV.
- RVF: residual volume fraction, calf volume left after 10 tiptoes as a percentage of VV.

Conditions (``SCENARIOS``) change the mechanism only: a valve that leaks (a stretched one
more the fuller its vein), a stretchier vein wall, a narrowed vein, a weaker or smaller
muscle, a stiffer ankle. A stocking acts through pressure on the veins, its working pressure
as the calf thickens, and by holding in a stretched wall. No condition sets an output number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

#: Blood: 1055 kg/m^3 x 9.80665 m/s^2 = 0.776 mmHg per cm of vertical column.
BLOOD_MMHG_PER_CM = 1055.0 * 9.80665 / 100.0 / 133.322  # Pa per cm / Pa per mmHg

COMPARTMENT_NAMES = ("foot", "deep_calf", "superficial", "thigh")
SEGMENT_NAMES = (
    "foot_to_deep",
    "foot_to_superficial",
    "perforator",
    "deep_up",
    "superficial_up",
    "thigh_out",
)
#: valve name -> segment it sits on
VALVE_SEGMENTS = {
    "lower_deep": "foot_to_deep",
    "perforator": "perforator",
    "upper_deep": "deep_up",
    "saphenous": "superficial_up",
    "femoral": "thigh_out",
}
#: valve name -> how long reverse flow may last before it counts as reflux (s).
#: Labropoulos et al., J Vasc Surg 2003: > 0.5 s in superficial and calf veins,
#: > 0.35 s in perforators, > 1 s in the femoral and popliteal veins.
REFLUX_CUTOFF_S = {
    "lower_deep": 0.5,
    "perforator": 0.35,
    "upper_deep": 1.0,  # the deep calf outflow into the popliteal vein
    "saphenous": 0.5,
    "femoral": 1.0,
}
POSTURES = ("standing", "sitting", "lying", "lying_leg_up")


def _fmt(value: float) -> str:
    """Numbers in messages: 75 not 75.0, 0.5 stays 0.5."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_range(name: str, value: float, low: float, high: float, unit: str) -> None:
    """Raise the house-style ValueError unless ``low <= value <= high`` (finite)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number in {unit}, got {value!r}")
    suffix = f" {unit}" if unit else ""
    if not math.isfinite(value) or value < low or value > high:
        raise ValueError(
            f"{name} must be between {_fmt(low)} and {_fmt(high)}{suffix}, got {_fmt(value)}"
        )


def _check_fields(obj: object, ranges: dict[str, tuple[float, float, str]]) -> None:
    for f in fields(obj):  # type: ignore[arg-type]
        if f.name in ranges:
            low, high, unit = ranges[f.name]
            check_range(f.name, getattr(obj, f.name), low, high, unit)


@dataclass(frozen=True)
class CompartmentParameters:
    """One compliant venous compartment with a collapsible-tube pressure-volume law.

    Transmural pressure ``ptm`` (inside minus outside) as a function of volume ``v``:

    - ``v >= unstressed_volume_ml`` (round, stretching wall):
      ``ptm = stiffness_pressure_mmhg * (exp((v - v0) / distension_volume_ml) - 1)``
      so compliance falls as pressure rises, as measured in leg veins.
    - ``v < v0`` (collapsing, elliptical then flat; Shapiro's tube law):
      ``ptm = collapse_pressure_mmhg * (1 - (v0 / v) ** 1.5)``. A vein loses half its
      volume for about -2 mmHg but needs ever more suction to flatten further, so the
      volume never reaches zero.

    The law itself is computed in one place, ``dynamics.transmural_mmhg``.
    """

    unstressed_volume_ml: float  # v0, volume at zero transmural pressure; 1..400 mL
    distension_volume_ml: float  # volume scale of wall stiffening; 1..300 mL
    stiffness_pressure_mmhg: float  # pressure scale of wall stiffening; 1..50 mmHg
    arterial_conductance_ml_s_mmhg: float  # capillary inflow per mmHg; 0..0.2
    hyperemia_gain: float  # extra inflow per unit exercise intensity; 0..10 (x resting)
    height_cm: dict[str, float] = field(default_factory=dict)  # posture -> cm above ankle
    collapse_pressure_mmhg: float = 1.0  # scale of the collapse branch; 0.1..20 mmHg

    def __post_init__(self) -> None:
        _check_fields(
            self,
            {
                "unstressed_volume_ml": (1.0, 400.0, "mL"),
                "distension_volume_ml": (1.0, 300.0, "mL"),
                "stiffness_pressure_mmhg": (1.0, 50.0, "mmHg"),
                "arterial_conductance_ml_s_mmhg": (0.0, 0.2, "mL/s/mmHg"),
                "hyperemia_gain": (0.0, 10.0, ""),
                "collapse_pressure_mmhg": (0.1, 20.0, "mmHg"),
            },
        )
        for posture in POSTURES:
            if posture not in self.height_cm:
                raise ValueError(f"height_cm needs a height for posture '{posture}'")
            check_range(f"height_cm['{posture}']", self.height_cm[posture], -50.0, 200.0, "cm")

    def volume_at_ml(self, transmural_mmhg: float) -> float:
        """Inverse of the tube law ``dynamics.transmural_mmhg`` (for first guesses and V_ref)."""
        if transmural_mmhg >= 0.0:
            return self.unstressed_volume_ml + self.distension_volume_ml * math.log1p(
                transmural_mmhg / self.stiffness_pressure_mmhg
            )
        ratio = 1.0 - transmural_mmhg / self.collapse_pressure_mmhg  # > 1
        # float ** float is typed Any (a negative base gives a complex); ratio > 1 here.
        scale: float = ratio ** (2.0 / 3.0)
        return self.unstressed_volume_ml / scale


def _heights(standing: float, sitting: float, lying: float, leg_up: float) -> dict[str, float]:
    return {"standing": standing, "sitting": sitting, "lying": lying, "lying_leg_up": leg_up}


@dataclass(frozen=True)
class LegParameters:
    """A healthy adult leg. Every number carries its unit and valid range.

    Heights are of each compartment's middle, in cm above the ankle (or, lying, relative
    to the trunk veins). The central veins are at the hydrostatic indifference point.
    """

    blood_mmhg_per_cm: float = BLOOD_MMHG_PER_CM  # 0.70..0.80 mmHg/cm
    central_venous_pressure_mmhg: float = 3.0  # at the indifference point; 0..20 mmHg
    central_height_cm: dict[str, float] = field(
        default_factory=lambda: _heights(100.0, 75.0, 0.0, 0.0)
    )
    mean_arterial_pressure_mmhg: float = 90.0  # at heart level; 60..140 mmHg
    tissue_pressure_mmhg: float = 2.0  # interstitial pressure around all veins; 0..20 mmHg

    foot: CompartmentParameters = field(
        default_factory=lambda: CompartmentParameters(
            unstressed_volume_ml=15.0,
            distension_volume_ml=8.0,
            stiffness_pressure_mmhg=8.0,
            arterial_conductance_ml_s_mmhg=0.0035,
            hyperemia_gain=1.0,
            height_cm=_heights(0.0, 0.0, 0.0, 30.0),
        )
    )
    deep_calf: CompartmentParameters = field(
        default_factory=lambda: CompartmentParameters(
            unstressed_volume_ml=33.0,
            distension_volume_ml=34.0,
            stiffness_pressure_mmhg=8.0,
            arterial_conductance_ml_s_mmhg=0.007,
            hyperemia_gain=6.0,
            height_cm=_heights(20.0, 20.0, 0.0, 22.0),
        )
    )
    superficial: CompartmentParameters = field(
        default_factory=lambda: CompartmentParameters(
            unstressed_volume_ml=10.0,
            distension_volume_ml=10.0,
            stiffness_pressure_mmhg=8.0,
            arterial_conductance_ml_s_mmhg=0.0035,
            hyperemia_gain=1.0,
            height_cm=_heights(20.0, 20.0, 0.0, 22.0),
        )
    )
    thigh: CompartmentParameters = field(
        default_factory=lambda: CompartmentParameters(
            unstressed_volume_ml=30.0,
            distension_volume_ml=20.0,
            stiffness_pressure_mmhg=8.0,
            arterial_conductance_ml_s_mmhg=0.02,
            hyperemia_gain=1.5,
            height_cm=_heights(55.0, 45.0, 0.0, 10.0),
        )
    )

    # Segment conductances when both ends are distended to the reference pressure.
    # Conductance scales with (mean fill)^2, fill = volume / volume at reference pressure
    # (Poiseuille: conductance ~ area^2 at fixed length), capped at max_fill.
    foot_to_deep_conductance: float = 2.0  # mL/s/mmHg, 0.01..50
    foot_to_superficial_conductance: float = 0.8  # mL/s/mmHg, 0.01..50
    perforator_conductance: float = 1.0  # mL/s/mmHg, 0.01..50
    deep_up_conductance: float = 4.0  # popliteal vein; mL/s/mmHg, 0.01..50
    superficial_up_conductance: float = 0.6  # saphenous vein to groin; mL/s/mmHg, 0.01..50
    thigh_out_conductance: float = 8.0  # femoral-iliac outflow; mL/s/mmHg, 0.01..50
    reference_transmural_mmhg: float = 60.0  # fill = 1 at this pressure; 5..120 mmHg
    max_fill: float = 1.2  # 1..3

    valve_open_time_s: float = 0.05  # full travel closed -> open; 0.005..0.5 s
    valve_close_time_s: float = 0.12  # full travel open -> closed; 0.005..0.45 s

    calf_force_mmhg: float = 250.0  # peak squeeze the healthy calf can make; 0..400 mmHg
    calf_stroke_ml: float = 104.0  # room the fully shortened calf takes from deep veins; 0..200 mL
    fascial_room_ml: float = 125.0  # deep-vein room inside the fascia at rest; 30..300 mL
    fascial_stiffness_mmhg_per_ml: float = 15.0  # 0.1..20 mmHg/mL
    foot_pump_mmhg: float = 50.0  # plantar squeeze at each step when walking; 0..200 mmHg
    ankle_range_of_motion_deg: float = 65.0  # full dorsi- to plantarflexion arc; 0..90 deg

    venoarteriolar_reduction: float = 0.4  # inflow cut when veins are distended; 0..0.9
    venoarteriolar_threshold_mmhg: float = 20.0  # foot transmural pressure; 0..100 mmHg
    venoarteriolar_span_mmhg: float = 30.0  # from threshold to full effect; 1..100 mmHg
    hyperemia_rise_time_s: float = 4.0  # 0.5..120 s
    hyperemia_fall_time_s: float = 30.0  # 0.5..300 s

    compression_calf_fraction: float = 0.75  # knee-high stocking: calf / ankle; 0..1
    # Standing, an elastic stocking hardly narrows the deep veins inside the muscle (most of
    # its pressure is taken by the skin, fat and fascia): share reaching them; 0..1
    compression_deep_transmission: float = 0.3
    # A stocking's pressure rises as the contracting calf thickens under it (its working
    # pressure), so it squeezes the surface veins at each step: extra mmHg on them per mmHg
    # of stocking on the calf, at the full calf stroke.
    stocking_working_gain: float = 3.0  # 0..5
    # A stocking holds in a stretched (varicose) vein wall: it takes back half of the wall's
    # extra stretch at this pressure on the calf. A healthy wall has no extra stretch.
    stocking_wall_support_mmhg: float = 6.0  # 1..200 mmHg
    venous_return_smoothing_s: float = 2.0  # display smoothing; 0.1..30 s

    def __post_init__(self) -> None:
        _check_fields(
            self,
            {
                "blood_mmhg_per_cm": (0.70, 0.80, "mmHg/cm"),
                "central_venous_pressure_mmhg": (0.0, 20.0, "mmHg"),
                "mean_arterial_pressure_mmhg": (60.0, 140.0, "mmHg"),
                "tissue_pressure_mmhg": (0.0, 20.0, "mmHg"),
                "foot_to_deep_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "foot_to_superficial_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "perforator_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "deep_up_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "superficial_up_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "thigh_out_conductance": (0.01, 50.0, "mL/s/mmHg"),
                "reference_transmural_mmhg": (5.0, 120.0, "mmHg"),
                "max_fill": (1.0, 3.0, ""),
                "valve_open_time_s": (0.005, 0.5, "s"),
                "valve_close_time_s": (0.005, 0.45, "s"),
                "calf_force_mmhg": (0.0, 400.0, "mmHg"),
                "calf_stroke_ml": (0.0, 200.0, "mL"),
                "fascial_room_ml": (30.0, 300.0, "mL"),
                "fascial_stiffness_mmhg_per_ml": (0.1, 20.0, "mmHg/mL"),
                "foot_pump_mmhg": (0.0, 200.0, "mmHg"),
                "ankle_range_of_motion_deg": (0.0, 90.0, "deg"),
                "venoarteriolar_reduction": (0.0, 0.9, ""),
                "venoarteriolar_threshold_mmhg": (0.0, 100.0, "mmHg"),
                "venoarteriolar_span_mmhg": (1.0, 100.0, "mmHg"),
                "hyperemia_rise_time_s": (0.5, 120.0, "s"),
                "hyperemia_fall_time_s": (0.5, 300.0, "s"),
                "compression_calf_fraction": (0.0, 1.0, ""),
                "compression_deep_transmission": (0.0, 1.0, ""),
                "stocking_working_gain": (0.0, 5.0, ""),
                "stocking_wall_support_mmhg": (1.0, 200.0, "mmHg"),
                "venous_return_smoothing_s": (0.1, 30.0, "s"),
            },
        )
        for posture in POSTURES:
            if posture not in self.central_height_cm:
                raise ValueError(f"central_height_cm needs a height for posture '{posture}'")

    def compartment(self, name: str) -> CompartmentParameters:
        value = getattr(self, name)
        assert isinstance(value, CompartmentParameters)
        return value


@dataclass(frozen=True)
class Condition:
    """What is wrong with the leg, stated as mechanism, never as an output number.

    Valves: a shut valve still lets through ``*_leak`` of the flow it passes when open
    (0 = competent, 1 = no working valve). The valves of primary varicose veins leak because
    the stretched vein pulls their cusps apart, so their leak grows with how full the vein
    is: ``saphenous_leak`` times the fill (volume over the volume at the reference pressure,
    ``LegParameters.reference_transmural_mmhg``; 1 when standing still), never more than
    ``saphenous_leak``. Deep valves scarred by a clot leak whatever the fill.
    """

    name: str
    description: str
    saphenous_leak: float = 0.0  # junction and trunk valves, shut / open, at fill 1; 0..1
    perforator_leak: float = 0.0  # 0..1
    deep_leak: float = 0.0  # lower deep (tibial), upper deep (popliteal), femoral; 0..1
    # a varicose wall stretches further for the same pressure: x distension volume; 1..5
    superficial_wall_stretch: float = 1.0
    deep_outflow_fraction: float = 1.0  # femoral-iliac conductance left; 0.02..1
    popliteal_fraction: float = 1.0  # popliteal-femoral conductance left; 0.02..1
    calf_strength_fraction: float = 1.0  # of healthy peak squeeze; 0.05..1
    calf_stroke_fraction: float = 1.0  # of the healthy calf's thickening (muscle bulk); 0.05..1
    ankle_range_of_motion_deg: float | None = None  # None = healthy; 0..90 deg

    def __post_init__(self) -> None:
        check_range("saphenous_leak", self.saphenous_leak, 0.0, 1.0, "")
        check_range("perforator_leak", self.perforator_leak, 0.0, 1.0, "")
        check_range("deep_leak", self.deep_leak, 0.0, 1.0, "")
        check_range("superficial_wall_stretch", self.superficial_wall_stretch, 1.0, 5.0, "")
        check_range("deep_outflow_fraction", self.deep_outflow_fraction, 0.02, 1.0, "")
        check_range("popliteal_fraction", self.popliteal_fraction, 0.02, 1.0, "")
        check_range("calf_strength_fraction", self.calf_strength_fraction, 0.05, 1.0, "")
        check_range("calf_stroke_fraction", self.calf_stroke_fraction, 0.05, 1.0, "")
        if self.ankle_range_of_motion_deg is not None:
            check_range(
                "ankle_range_of_motion_deg", self.ankle_range_of_motion_deg, 0.0, 90.0, "deg"
            )


SCENARIOS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition("healthy", "All valves close, open outflow, normal calf and ankle."),
        Condition(
            "superficial_reflux",
            "Primary varicose veins: a stretchy surface vein whose junction and trunk valves "
            "are pulled apart as it fills, so blood falls back down it.",
            saphenous_leak=0.75,
            superficial_wall_stretch=2.0,
        ),
        Condition(
            "deep_reflux",
            "Deep valves (tibial, popliteal, femoral) scarred after a clot no longer close, and "
            "the calf perforators leak outward.",
            deep_leak=0.95,
            perforator_leak=0.4,
        ),
        Condition(
            "obstruction",
            "Deep veins narrowed after a clot: the femoral-iliac outflow keeps one fifth of its "
            "conductance and the popliteal-femoral vein one third; the valves still close.",
            deep_outflow_fraction=0.2,
            popliteal_fraction=0.33,
        ),
        Condition(
            "weak_calf",
            "Calf muscle squeezes with 40 % of normal force and, smaller, thickens less.",
            calf_strength_fraction=0.4,
            calf_stroke_fraction=0.7,
        ),
        Condition(
            "stiff_ankle",
            "Ankle moves through 20 degrees instead of about 65, so the calf shortens less.",
            ankle_range_of_motion_deg=20.0,
        ),
    )
}
SCENARIO_NAMES = tuple(SCENARIOS)
