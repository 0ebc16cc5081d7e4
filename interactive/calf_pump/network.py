"""The network's named quantities: the state layout, the constants, the activity's drive.

``leg_constants`` turns the parameters (``parameters.py``), the condition, the stocking and
the posture into the constants of the equations in ``dynamics.py``, each under the name and
symbol ``doc/model.md`` uses. Units: volumes mL, pressures mmHg, times s, conductances
mL/s per mmHg; a name starting ``per_`` is an inverse (1/mL, 1/mmHg).
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from .activities import ActivityPlan
from .parameters import CompartmentParameters, Condition, LegParameters


class LegState(NamedTuple):
    """The 11 numbers that are the leg's state (this order is the equilibria file's)."""

    foot_ml: float  # V_f
    deep_calf_ml: float  # V_d
    superficial_ml: float  # V_s
    thigh_ml: float  # V_t
    lower_deep_open: float  # s, 0 (shut) .. 1 (open), on foot_to_deep
    perforator_open: float  # on perforator
    upper_deep_open: float  # popliteal valve, on deep_up
    saphenous_open: float  # junction valve, on superficial_up
    femoral_open: float  # on thigh_out
    hyperaemia: float  # H, 0..1, exercise-driven extra arterial inflow
    venous_return_ml_s: float  # R, blood leaving to the trunk, smoothed


class TubeLaw(NamedTuple):
    """Pressure-volume law of one collapsible vein compartment."""

    unstressed_ml: float  # V0: volume at zero transmural pressure (mL)
    per_distension_ml: float  # 1 / V_dist: inverse volume scale of wall stiffening (1/mL)
    stiffness_mmhg: float  # P_stiff: pressure scale of wall stiffening (mmHg)
    collapse_mmhg: float  # P_coll: pressure scale of the collapse branch (mmHg)


class CompartmentConstants(NamedTuple):
    """Everything fixed about one compartment for the current posture and stocking."""

    tube_law: TubeLaw
    per_reference_ml: float  # 1 / V_ref, V_ref = volume at the reference pressure (1/mL)
    column_mmhg: float  # rho*g*h: blood column from this compartment to the ankle (mmHg)
    outside_mmhg: float  # P_ext: tissue + stocking pressure (mmHg)
    arterial_mmhg: float  # P_art = MAP + rho*g*(h_c - h): local arterial pressure (mmHg)
    arterial_conductance: float  # G_art: capillary inflow per mmHg (mL/s/mmHg)
    hyperaemia_gain: float  # k: extra inflow at full hyperaemia (x resting)


class PerCompartment(NamedTuple):
    foot: float
    deep_calf: float
    superficial: float
    thigh: float


class PerSegment(NamedTuple):
    """Positive = normal direction (toward the heart; superficial -> deep for the perforator)."""

    foot_to_deep: float
    foot_to_superficial: float
    perforator: float
    deep_up: float
    superficial_up: float
    thigh_out: float


class PerValve(NamedTuple):
    lower_deep: float
    perforator: float
    upper_deep: float
    saphenous: float
    femoral: float


class LegConstants(NamedTuple):
    """Everything fixed between two changes of setting (posture, condition, stocking)."""

    foot: CompartmentConstants
    deep_calf: CompartmentConstants
    superficial: CompartmentConstants
    thigh: CompartmentConstants
    trunk_head_mmhg: float  # phi_c = CVP + rho*g*h_c: head of the trunk veins (mmHg)
    conductances: PerSegment  # G: segment conductance at fill 1 (mL/s/mmHg)
    closed_leaks: PerValve  # lambda: flow left when shut, 0 for a competent valve
    max_fill: float  # m_max
    fascial_room_ml: float  # V_room: deep-vein room inside the fascia at rest (mL)
    surface_squeeze_mmhg_per_ml: float  # k_w: stocking's working pressure on surface veins per mL of stroke
    fascial_stiffness_mmhg_per_ml: float  # E
    valve_opening_rate_per_s: float  # 1 / t_open
    valve_closing_rate_per_s: float  # 1 / t_close
    venoarteriolar_reduction: float  # r
    venoarteriolar_threshold_mmhg: float  # P_thr
    venoarteriolar_per_span_mmhg: float  # 1 / dP_span (1/mmHg)
    hyperaemia_rise_rate_per_s: float  # 1 / tau_rise
    hyperaemia_fall_rate_per_s: float  # 1 / tau_fall
    venous_return_rate_per_s: float  # 1 / tau_R


class Drive(NamedTuple):
    """What the person is doing at one instant (one entry of an activity's cycle tables)."""

    calf_stroke_ml: float  # S: room the shortening calf takes from the deep veins (mL)
    calf_force_mmhg: float  # F: the most pressure the muscle can add now (mmHg)
    foot_pump_mmhg: float  # P_foot: plantar squeeze on the foot veins (mmHg)
    intensity: float  # I: 0..1, exercise intensity that drives hyperaemia


def condition_compartment(
    params: LegParameters, condition: Condition, name: str, stocking_on_calf_mmhg: float = 0.0
) -> CompartmentParameters:
    """The compartment's wall as the condition (and a stocking) leave it.

    A varicose superficial wall stretches ``superficial_wall_stretch`` times as far for the
    same pressure. A stocking holds the stretched wall in: it takes back the fraction
    ``s / (s + P_support)`` of the extra stretch, s being its pressure on the calf.
    """
    c = params.compartment(name)
    extra = condition.superficial_wall_stretch - 1.0
    if name == "superficial" and extra > 0.0:
        held = stocking_on_calf_mmhg / (stocking_on_calf_mmhg + params.stocking_wall_support_mmhg)
        c = dataclasses.replace(
            c, distension_volume_ml=c.distension_volume_ml * (1.0 + extra * (1.0 - held))
        )
    return c


def compartment_constants(
    params: LegParameters,
    condition: Condition,
    name: str,
    posture: str,
    outside_mmhg: float,
    stocking_on_calf_mmhg: float = 0.0,
) -> CompartmentConstants:
    p = params
    c = condition_compartment(p, condition, name, stocking_on_calf_mmhg)
    # fill is measured against the vein's own wall without a stocking, so a stocking that
    # holds the wall in shows as a smaller fill (a narrower vein)
    reference = condition_compartment(p, condition, name)
    h = c.height_cm[posture]
    return CompartmentConstants(
        tube_law=TubeLaw(
            c.unstressed_volume_ml,
            1.0 / c.distension_volume_ml,
            c.stiffness_pressure_mmhg,
            c.collapse_pressure_mmhg,
        ),
        per_reference_ml=1.0 / reference.volume_at_ml(p.reference_transmural_mmhg),
        column_mmhg=p.blood_mmhg_per_cm * h,
        outside_mmhg=outside_mmhg,
        arterial_mmhg=p.mean_arterial_pressure_mmhg
        + p.blood_mmhg_per_cm * (p.central_height_cm[posture] - h),
        arterial_conductance=c.arterial_conductance_ml_s_mmhg,
        hyperaemia_gain=c.hyperemia_gain,
    )


def outside_pressures_mmhg(params: LegParameters, compression_mmhg: float) -> PerCompartment:
    """P_ext: tissue pressure plus a knee-high stocking, graduated from ankle to calf."""
    calf = compression_mmhg * params.compression_calf_fraction
    tissue = params.tissue_pressure_mmhg
    return PerCompartment(
        foot=tissue + compression_mmhg,
        deep_calf=tissue + calf * params.compression_deep_transmission,
        superficial=tissue + calf,
        thigh=tissue,
    )


def leg_constants(
    params: LegParameters, condition: Condition, compression_mmhg: float, posture: str
) -> LegConstants:
    """The constants of the equations for one leg, condition, stocking and posture."""
    p = params
    outside = outside_pressures_mmhg(p, compression_mmhg)
    deep_leak = condition.deep_leak
    stocking_on_calf = compression_mmhg * p.compression_calf_fraction
    # k_w: the stocking's working pressure on the surface veins per mL of calf stroke
    full_stroke = p.calf_stroke_ml
    surface_squeeze = p.stocking_working_gain * stocking_on_calf / full_stroke if full_stroke else 0.0
    return LegConstants(
        foot=compartment_constants(p, condition, "foot", posture, outside.foot),
        deep_calf=compartment_constants(p, condition, "deep_calf", posture, outside.deep_calf),
        superficial=compartment_constants(
            p, condition, "superficial", posture, outside.superficial, stocking_on_calf
        ),
        thigh=compartment_constants(p, condition, "thigh", posture, outside.thigh),
        trunk_head_mmhg=p.central_venous_pressure_mmhg
        + p.blood_mmhg_per_cm * p.central_height_cm[posture],
        conductances=PerSegment(
            p.foot_to_deep_conductance,
            p.foot_to_superficial_conductance,
            p.perforator_conductance,
            p.deep_up_conductance * condition.popliteal_fraction,
            p.superficial_up_conductance,
            p.thigh_out_conductance * condition.deep_outflow_fraction,
        ),
        closed_leaks=PerValve(
            lower_deep=deep_leak,
            perforator=condition.perforator_leak,
            upper_deep=deep_leak,
            saphenous=condition.saphenous_leak,
            femoral=deep_leak,
        ),
        max_fill=p.max_fill,
        fascial_room_ml=p.fascial_room_ml,
        surface_squeeze_mmhg_per_ml=surface_squeeze,
        fascial_stiffness_mmhg_per_ml=p.fascial_stiffness_mmhg_per_ml,
        valve_opening_rate_per_s=1.0 / p.valve_open_time_s,
        valve_closing_rate_per_s=1.0 / p.valve_close_time_s,
        venoarteriolar_reduction=p.venoarteriolar_reduction,
        venoarteriolar_threshold_mmhg=p.venoarteriolar_threshold_mmhg,
        venoarteriolar_per_span_mmhg=1.0 / p.venoarteriolar_span_mmhg,
        hyperaemia_rise_rate_per_s=1.0 / p.hyperemia_rise_time_s,
        hyperaemia_fall_rate_per_s=1.0 / p.hyperemia_fall_time_s,
        venous_return_rate_per_s=1.0 / p.venous_return_smoothing_s,
    )


def drive_at(plan: ActivityPlan, phase: int) -> Drive:
    """The activity's inputs at internal step ``phase`` of its cycle."""
    return Drive(
        plan.stroke_ml[phase], plan.force_mmhg[phase], plan.foot_pump_mmhg[phase], plan.intensity
    )
