"""The fast copy of the equations: ``advance`` runs n explicit Euler steps in one loop.

It computes exactly ``dynamics.euler_step(state, dynamics.rates(...), dt)`` and
``readouts.tally_step`` at every step, with every function call inlined and every constant
unpacked into a local once per call: in CPython and Pyodide a call or an attribute lookup
per step would cost more than the arithmetic. ``test_kernel_identity.py`` checks that both
copies give identical floats, so change the two together (see doc/implementation-notes.md).
Units: mL, mmHg, mL/s, s.

Local names (compartment prefixes: ``foot_``, ``deep_`` (deep calf), ``sup_`` (superficial),
``thigh_``; symbols as in doc/model.md):

=====================  ==========  ==================================================
name                   symbol      meaning
=====================  ==========  ==================================================
``v_<c>``              V           volume (mL), state
``<c>_v0``             V0          unstressed volume (mL)
``<c>_per_vdist``      1/V_dist    inverse wall-stiffening volume (1/mL)
``<c>_p_stiff``        P_stiff     wall-stiffening pressure scale (mmHg)
``<c>_p_coll``         P_coll      collapse pressure scale (mmHg)
``<c>_per_vref``       1/V_ref     inverse volume at the reference pressure (1/mL)
``<c>_column``         rho*g*h     blood column down to the ankle (mmHg)
``<c>_p_ext``          P_ext       tissue + stocking pressure (mmHg)
``<c>_p_art``          P_art       local arterial pressure (mmHg)
``<c>_g_art``          G_art       capillary conductance (mL/s/mmHg)
``<c>_k_hyp``          k           hyperaemia gain
``ptm_<c>``            P_tm        transmural pressure, tube law (mmHg)
``p_<c>``              P           pressure inside (mmHg)
``fill_<c>``           m           fill fraction
``head_<c>``           u           P + rho*g*h (mmHg)
``qa_<c>``             Qa          arterial inflow (mL/s)
``q_<segment>``        Q           segment flow (mL/s), + toward the heart
``g_<segment>``        G           segment conductance (mL/s/mmHg)
``s_<valve>``          s           valve open fraction, 0..1, state
``leak_<valve>``       lambda      what a shut valve lets through (0 if competent)
``stretch``            min(m_s,1)  how far the saphenous cusps are pulled apart, 0..1
``surface_squeeze``    k_w         a stocking's working pressure per mL of calf stroke
``rev_<valve>``                    steps of the current run of backward flow
=====================  ==========  ==================================================
"""

from __future__ import annotations

import math

from .activities import ActivityPlan
from .network import LegConstants, LegState
from .readouts import (
    NONE,
    REFILL_FRACTION,
    REFILL_MIN_FALL_MMHG,
    REVERSE_FLOW_THRESHOLD_ML_S,
    Tallies,
    ValveCounts,
)


def advance(
    state: LegState,
    tallies: Tallies,
    constants: LegConstants,
    plan: ActivityPlan,
    phase: int,
    steps: int,
    dt_s: float,
) -> tuple[LegState, Tallies, int]:
    """Run ``steps`` internal steps of ``dt_s`` from ``phase`` of the activity's cycle.

    Returns the new state, the updated readouts and the phase to start from next time.
    """
    exp = math.exp
    sqrt = math.sqrt
    dt = dt_s
    # ---- constants, once per call
    (
        (foot_v0, foot_per_vdist, foot_p_stiff, foot_p_coll),
        foot_per_vref, foot_column, foot_p_ext, foot_p_art, foot_g_art, foot_k_hyp,
    ) = constants.foot  # fmt: skip
    (
        (deep_v0, deep_per_vdist, deep_p_stiff, deep_p_coll),
        deep_per_vref, deep_column, deep_p_ext, deep_p_art, deep_g_art, deep_k_hyp,
    ) = constants.deep_calf  # fmt: skip
    (
        (sup_v0, sup_per_vdist, sup_p_stiff, sup_p_coll),
        sup_per_vref, sup_column, sup_p_ext, sup_p_art, sup_g_art, sup_k_hyp,
    ) = constants.superficial  # fmt: skip
    (
        (thigh_v0, thigh_per_vdist, thigh_p_stiff, thigh_p_coll),
        thigh_per_vref, thigh_column, thigh_p_ext, thigh_p_art, thigh_g_art, thigh_k_hyp,
    ) = constants.thigh  # fmt: skip
    trunk_head = constants.trunk_head_mmhg
    (
        g_foot_to_deep, g_foot_to_sup, g_perforator, g_deep_up, g_sup_up, g_thigh_out,
    ) = constants.conductances  # fmt: skip
    leak_lower_deep, leak_perforator, leak_upper_deep, leak_saphenous, leak_femoral = (
        constants.closed_leaks
    )
    max_fill = constants.max_fill
    fascial_room = constants.fascial_room_ml
    fascial_stiffness = constants.fascial_stiffness_mmhg_per_ml
    surface_squeeze = constants.surface_squeeze_mmhg_per_ml
    # dt * rate is the float euler_step adds: computed once here, it is the same number
    open_step = dt * constants.valve_opening_rate_per_s
    close_step = dt * constants.valve_closing_rate_per_s
    va_reduction = constants.venoarteriolar_reduction
    va_threshold = constants.venoarteriolar_threshold_mmhg
    va_per_span = constants.venoarteriolar_per_span_mmhg
    hyp_rise_rate = constants.hyperaemia_rise_rate_per_s
    hyp_fall_rate = constants.hyperaemia_fall_rate_per_s
    return_rate = constants.venous_return_rate_per_s
    reverse_below = -REVERSE_FLOW_THRESHOLD_ML_S
    refill_fraction = REFILL_FRACTION
    refill_min_fall = REFILL_MIN_FALL_MMHG
    not_watching = NONE
    # ---- the activity's drive
    stroke_table = plan.stroke_ml
    force_table = plan.force_mmhg
    foot_pump_table = plan.foot_pump_mmhg
    table_length = len(stroke_table)
    intensity = plan.intensity
    # ---- state and readouts
    (
        v_foot, v_deep, v_sup, v_thigh,
        s_lower_deep, s_perforator, s_upper_deep, s_saphenous, s_femoral,
        hyperaemia, venous_return,
    ) = state  # fmt: skip
    (
        inflow_total, outflow_total, ankle_min, ankle_max, ankle_sum, calf_min,
        (rev_lower_deep, rev_perforator, rev_upper_deep, rev_saphenous, rev_femoral),
        refill_watch, refill_low, refill_rest, refill_steps,
    ) = tallies  # fmt: skip

    for _ in range(steps):
        stroke = stroke_table[phase]
        force = force_table[phase]
        foot_pump = foot_pump_table[phase]
        phase += 1
        if phase == table_length:
            phase = 0
        # inlined dynamics.transmural_mmhg (tube law), per compartment
        excess = v_foot - foot_v0
        if excess >= 0.0:
            ptm_foot = foot_p_stiff * (exp(excess * foot_per_vdist) - 1.0)
        else:
            ratio = foot_v0 / v_foot
            ptm_foot = foot_p_coll * (1.0 - ratio * sqrt(ratio))
        excess = v_deep - deep_v0
        if excess >= 0.0:
            ptm_deep = deep_p_stiff * (exp(excess * deep_per_vdist) - 1.0)
        else:
            ratio = deep_v0 / v_deep
            ptm_deep = deep_p_coll * (1.0 - ratio * sqrt(ratio))
        excess = v_sup - sup_v0
        if excess >= 0.0:
            ptm_sup = sup_p_stiff * (exp(excess * sup_per_vdist) - 1.0)
        else:
            ratio = sup_v0 / v_sup
            ptm_sup = sup_p_coll * (1.0 - ratio * sqrt(ratio))
        excess = v_thigh - thigh_v0
        if excess >= 0.0:
            ptm_thigh = thigh_p_stiff * (exp(excess * thigh_per_vdist) - 1.0)
        else:
            ratio = thigh_v0 / v_thigh
            ptm_thigh = thigh_p_coll * (1.0 - ratio * sqrt(ratio))
        # inlined dynamics.muscle_pressure_mmhg
        passive = fascial_stiffness * (v_deep - fascial_room)
        if passive < 0.0:
            passive = 0.0
        p_muscle = fascial_stiffness * (v_deep - fascial_room + stroke)
        if p_muscle < passive:
            p_muscle = passive
        if p_muscle > passive + force:
            p_muscle = passive + force
        p_foot = ptm_foot + foot_p_ext + foot_pump
        p_deep = ptm_deep + deep_p_ext + p_muscle
        p_sup = ptm_sup + sup_p_ext + surface_squeeze * stroke
        p_thigh = ptm_thigh + thigh_p_ext
        # inlined dynamics.fill_fraction
        fill_foot = v_foot * foot_per_vref
        if fill_foot > max_fill:
            fill_foot = max_fill
        fill_deep = v_deep * deep_per_vref
        if fill_deep > max_fill:
            fill_deep = max_fill
        fill_sup = v_sup * sup_per_vref
        if fill_sup > max_fill:
            fill_sup = max_fill
        fill_thigh = v_thigh * thigh_per_vref
        if fill_thigh > max_fill:
            fill_thigh = max_fill
        head_foot = p_foot + foot_column
        head_deep = p_deep + deep_column
        head_sup = p_sup + sup_column
        head_thigh = p_thigh + thigh_column
        # per segment: inlined dynamics.segment_flow_ml_s, valve_factor and
        # valve_travel_per_s + euler_step's clamp, then the reverse-flow count
        mean_fill = 0.5 * (fill_foot + fill_deep)
        drop = head_foot - head_deep
        q_foot_to_deep = (
            g_foot_to_deep * mean_fill * mean_fill
            * (s_lower_deep + (1.0 - s_lower_deep) * leak_lower_deep) * drop
        )  # fmt: skip
        if drop > 0.0:
            s_lower_deep += open_step
            if s_lower_deep > 1.0:
                s_lower_deep = 1.0
            rev_lower_deep = 0
        else:
            s_lower_deep -= close_step
            if s_lower_deep < 0.0:
                s_lower_deep = 0.0
            rev_lower_deep = rev_lower_deep + 1 if q_foot_to_deep < reverse_below else 0
        mean_fill = 0.5 * (fill_foot + fill_sup)
        # no valve: the factor is 1 (x * 1.0 == x, so dynamics' product is the same float)
        q_foot_to_sup = g_foot_to_sup * mean_fill * mean_fill * (head_foot - head_sup)
        mean_fill = 0.5 * (fill_sup + fill_deep)
        drop = head_sup - head_deep
        q_perforator = (
            g_perforator * mean_fill * mean_fill
            * (s_perforator + (1.0 - s_perforator) * leak_perforator) * drop
        )  # fmt: skip
        if drop > 0.0:
            s_perforator += open_step
            if s_perforator > 1.0:
                s_perforator = 1.0
            rev_perforator = 0
        else:
            s_perforator -= close_step
            if s_perforator < 0.0:
                s_perforator = 0.0
            rev_perforator = rev_perforator + 1 if q_perforator < reverse_below else 0
        mean_fill = 0.5 * (fill_deep + fill_thigh)
        drop = head_deep - head_thigh
        q_deep_up = (
            g_deep_up * mean_fill * mean_fill
            * (s_upper_deep + (1.0 - s_upper_deep) * leak_upper_deep) * drop
        )  # fmt: skip
        if drop > 0.0:
            s_upper_deep += open_step
            if s_upper_deep > 1.0:
                s_upper_deep = 1.0
            rev_upper_deep = 0
        else:
            s_upper_deep -= close_step
            if s_upper_deep < 0.0:
                s_upper_deep = 0.0
            rev_upper_deep = rev_upper_deep + 1 if q_deep_up < reverse_below else 0
        mean_fill = 0.5 * (fill_sup + 1.0)  # the trunk veins are full
        drop = head_sup - trunk_head
        # inlined dynamics.stretched_valve_leak: the stretched saphenous cusps part
        stretch = fill_sup if fill_sup < 1.0 else 1.0
        q_sup_up = (
            g_sup_up * mean_fill * mean_fill
            * (s_saphenous + (1.0 - s_saphenous) * (leak_saphenous * stretch)) * drop
        )  # fmt: skip
        if drop > 0.0:
            s_saphenous += open_step
            if s_saphenous > 1.0:
                s_saphenous = 1.0
            rev_saphenous = 0
        else:
            s_saphenous -= close_step
            if s_saphenous < 0.0:
                s_saphenous = 0.0
            rev_saphenous = rev_saphenous + 1 if q_sup_up < reverse_below else 0
        mean_fill = 0.5 * (fill_thigh + 1.0)
        drop = head_thigh - trunk_head
        q_thigh_out = (
            g_thigh_out * mean_fill * mean_fill
            * (s_femoral + (1.0 - s_femoral) * leak_femoral) * drop
        )  # fmt: skip
        if drop > 0.0:
            s_femoral += open_step
            if s_femoral > 1.0:
                s_femoral = 1.0
            rev_femoral = 0
        else:
            s_femoral -= close_step
            if s_femoral < 0.0:
                s_femoral = 0.0
            rev_femoral = rev_femoral + 1 if q_thigh_out < reverse_below else 0
        # inlined dynamics.venoarteriolar_factor and arterial_inflow_ml_s
        va = (ptm_foot - va_threshold) * va_per_span
        if va < 0.0:
            va = 0.0
        elif va > 1.0:
            va = 1.0
        va = 1.0 - va_reduction * va
        qa_foot = foot_g_art * va * (1.0 + foot_k_hyp * hyperaemia) * (foot_p_art - p_foot)
        qa_deep = deep_g_art * va * (1.0 + deep_k_hyp * hyperaemia) * (deep_p_art - p_deep)
        qa_sup = sup_g_art * va * (1.0 + sup_k_hyp * hyperaemia) * (sup_p_art - p_sup)
        qa_thigh = thigh_g_art * va * (1.0 + thigh_k_hyp * hyperaemia) * (thigh_p_art - p_thigh)
        # euler_step: each internal flow leaves one compartment and enters another
        v_foot += dt * (qa_foot - q_foot_to_deep - q_foot_to_sup)
        v_deep += dt * (qa_deep + q_foot_to_deep + q_perforator - q_deep_up)
        v_sup += dt * (qa_sup + q_foot_to_sup - q_perforator - q_sup_up)
        v_thigh += dt * (qa_thigh + q_deep_up - q_thigh_out)
        q_out = q_sup_up + q_thigh_out
        # inlined dynamics.hyperaemia_per_s and smoothing_per_s
        if intensity > hyperaemia:
            hyperaemia += dt * ((intensity - hyperaemia) * hyp_rise_rate)
        else:
            hyperaemia += dt * ((intensity - hyperaemia) * hyp_fall_rate)
        venous_return += dt * ((q_out - venous_return) * return_rate)
        # readouts.tally_step
        inflow_total += dt * (qa_foot + qa_deep + qa_sup + qa_thigh)
        outflow_total += dt * q_out
        ankle_sum += p_foot
        if p_foot < ankle_min:
            ankle_min = p_foot
        if p_foot > ankle_max:
            ankle_max = p_foot
        calf = v_deep + v_sup
        if calf < calf_min:
            calf_min = calf
        if refill_watch != not_watching:
            if p_foot < refill_low:
                refill_low = p_foot
            fall = refill_rest - refill_low
            if fall > refill_min_fall and p_foot >= refill_low + refill_fraction * fall:
                refill_steps = refill_watch
                refill_watch = not_watching
            else:
                refill_watch += 1

    new_state = LegState(
        v_foot, v_deep, v_sup, v_thigh,
        s_lower_deep, s_perforator, s_upper_deep, s_saphenous, s_femoral,
        hyperaemia, venous_return,
    )  # fmt: skip
    new_tallies = Tallies(
        inflow_total, outflow_total, ankle_min, ankle_max, ankle_sum, calf_min,
        ValveCounts(rev_lower_deep, rev_perforator, rev_upper_deep, rev_saphenous, rev_femoral),
        refill_watch, refill_low, refill_rest, refill_steps,
    )  # fmt: skip
    return new_state, new_tallies, phase
