"""The model's equations, written once: named quantities, small pure functions, ``rates``.

This is the readable copy of the physics. ``kernel.advance`` is the fast copy (the same
arithmetic, unrolled); ``tests/interactive/calf_pump/test_kernel_identity.py`` proves the two
give identical floats. The equations with their symbols are in ``doc/model.md``.
Units: volumes mL, pressures mmHg, flows mL/s, times s, conductances mL/s per mmHg.

Compartments (index i): foot (f), deep_calf (d), superficial (s), thigh (t).

- Tube law: transmural pressure P_tm(V) of a collapsible vein (``transmural_mmhg``).
- Pressure inside: P_i = P_tm,i + P_ext,i, plus the calf muscle pressure P_m on the deep
  calf veins, the plantar squeeze P_foot on the foot veins and, under a stocking, its
  working pressure k_w * S on the surface veins as the calf thickens.
- Head: u_i = P_i + rho*g*h_i, the pressure plus the blood column down to the ankle.
- Fill: m_i = min(V_i / V_ref,i, m_max); segment conductance grows with the mean fill squared.
- Segment flow: Q = G * mbar^2 * (s + (1 - s) * lambda) * (u_a - u_b)  (``segment_flow_ml_s``).
- Stretched valve: the saphenous valves' leak grows with the vein's fill,
  lambda_s = lambda_max * min(m_s, 1)  (``stretched_valve_leak``).
- Valve travel: ds/dt = +1/t_open while u_a > u_b, else -1/t_close; s stays in [0, 1].
- Muscle pump: P_m = clamp(E*(V_d - V_room + S), P_passive, P_passive + F).
- Venoarteriolar factor: a = 1 - r * clamp((P_tm,f - P_thr) / dP_span, 0, 1).
- Arterial inflow: Qa_i = G_art,i * a * (1 + k_i * H) * (P_art,i - P_i).
- Hyperaemia: dH/dt = (I - H) / tau_rise while I > H, else (I - H) / tau_fall.
- Venous-return smoothing: dR/dt = (Q_out - R) / tau_R, Q_out = blood leaving to the trunk.
- Volume balance: dV_i/dt = Qa_i + flows in - flows out.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .network import (
    CompartmentConstants,
    Drive,
    LegConstants,
    LegState,
    PerCompartment,
    PerSegment,
    PerValve,
    TubeLaw,
)


class Circulation(NamedTuple):
    """Pressures and flows at one state: what a view draws and what ``rates`` sums."""

    transmural_mmhg: PerCompartment  # P_tm
    pressure_mmhg: PerCompartment  # P
    head_mmhg: PerCompartment  # u = P + rho*g*h
    fill: PerCompartment  # m
    muscle_mmhg: float  # P_m
    flow_ml_s: PerSegment  # Q
    inflow_ml_s: PerCompartment  # Qa
    outflow_ml_s: float  # Q_out = Q_superficial_up + Q_thigh_out


class Rates(NamedTuple):
    """Time derivatives of every state variable (and of the inflow/outflow counters)."""

    volume_ml_s: PerCompartment  # dV/dt
    valve_per_s: PerValve  # ds/dt
    hyperaemia_per_s: float  # dH/dt
    venous_return_ml_s2: float  # dR/dt
    inflow_ml_s: float  # blood in from the arteries
    outflow_ml_s: float  # blood out to the trunk
    circulation: Circulation


# ---------------------------------------------------------------------- the equations
def transmural_mmhg(volume_ml: float, law: TubeLaw) -> float:
    """Tube law P_tm(V) (mmHg): exponential stiffening above V0, Shapiro's collapse below.

    V >= V0: P_tm = P_stiff * (exp((V - V0) / V_dist) - 1)
    V <  V0: P_tm = P_coll * (1 - (V0 / V)^1.5)
    """
    excess = volume_ml - law.unstressed_ml
    if excess >= 0.0:
        return law.stiffness_mmhg * (math.exp(excess * law.per_distension_ml) - 1.0)
    ratio = law.unstressed_ml / volume_ml
    return law.collapse_mmhg * (1.0 - ratio * math.sqrt(ratio))


def fill_fraction(volume_ml: float, per_reference_ml: float, max_fill: float) -> float:
    """m = min(V / V_ref, m_max): how full a vein is, 1 at the reference pressure."""
    fill = volume_ml * per_reference_ml
    if fill > max_fill:
        fill = max_fill
    return fill


def muscle_pressure_mmhg(
    deep_volume_ml: float,
    stroke_ml: float,
    force_mmhg: float,
    fascial_room_ml: float,
    fascial_stiffness_mmhg_per_ml: float,
) -> float:
    """P_m: pressure the calf puts on the deep veins (a force-limited displacement pump).

    P_passive = max(0, E * (V_d - V_room))  (the veins fill the fascia beyond its room)
    P_m = clamp(E * (V_d - V_room + S), P_passive, P_passive + F)
    """
    passive = fascial_stiffness_mmhg_per_ml * (deep_volume_ml - fascial_room_ml)
    if passive < 0.0:
        passive = 0.0
    squeeze = fascial_stiffness_mmhg_per_ml * (deep_volume_ml - fascial_room_ml + stroke_ml)
    if squeeze < passive:
        squeeze = passive
    if squeeze > passive + force_mmhg:
        squeeze = passive + force_mmhg
    return squeeze


def stretched_valve_leak(max_leak: float, fill: float) -> float:
    """lambda = lambda_max * min(m, 1): cusps pulled apart by a stretched (varicose) vein.

    The fuller the vein, the wider its cusps stand apart; at fill 1 (standing still) the
    leak is lambda_max. A stocking that narrows the vein lowers its fill, and so its leak.
    """
    return max_leak * (fill if fill < 1.0 else 1.0)


def valve_factor(open_fraction: float, closed_leak: float) -> float:
    """s + (1 - s) * lambda: 1 when open; lambda (0 if competent) when shut."""
    return open_fraction + (1.0 - open_fraction) * closed_leak


def segment_flow_ml_s(
    conductance: float,
    fill_from: float,
    fill_to: float,
    valve: float,
    head_from_mmhg: float,
    head_to_mmhg: float,
) -> float:
    """Q = G * mbar^2 * valve * (u_from - u_to), mbar = (m_from + m_to) / 2 (mL/s).

    Poiseuille: conductance goes with cross-section squared, so collapsed veins throttle.
    """
    mean_fill = 0.5 * (fill_from + fill_to)
    return conductance * mean_fill * mean_fill * valve * (head_from_mmhg - head_to_mmhg)


def valve_travel_per_s(head_drop_mmhg: float, opening_rate: float, closing_rate: float) -> float:
    """ds/dt: opens at 1/t_open while pushed forward, shuts at 1/t_close otherwise."""
    return opening_rate if head_drop_mmhg > 0.0 else -closing_rate


def venoarteriolar_factor(
    foot_transmural_mmhg: float, reduction: float, threshold_mmhg: float, per_span_mmhg: float
) -> float:
    """a = 1 - r * clamp((P_tm,f - P_thr) / dP_span, 0, 1): distended veins cut inflow."""
    x = (foot_transmural_mmhg - threshold_mmhg) * per_span_mmhg
    if x < 0.0:
        x = 0.0
    elif x > 1.0:
        x = 1.0
    return 1.0 - reduction * x


def arterial_inflow_ml_s(
    c: CompartmentConstants, venoarteriolar: float, hyperaemia: float, pressure_mmhg: float
) -> float:
    """Qa = G_art * a * (1 + k * H) * (P_art - P) (mL/s), capillary inflow to one compartment."""
    return (
        c.arterial_conductance
        * venoarteriolar
        * (1.0 + c.hyperaemia_gain * hyperaemia)
        * (c.arterial_mmhg - pressure_mmhg)
    )


def hyperaemia_per_s(hyperaemia: float, intensity: float, rise_rate: float, fall_rate: float) -> float:
    """dH/dt = (I - H) / tau: a first-order lag, quicker to rise than to fall."""
    if intensity > hyperaemia:
        return (intensity - hyperaemia) * rise_rate
    return (intensity - hyperaemia) * fall_rate


def smoothing_per_s(value: float, target: float, rate_per_s: float) -> float:
    """dR/dt = (Q_out - R) / tau_R: the displayed venous return follows the outflow."""
    return (target - value) * rate_per_s


# ---------------------------------------------------------------------- the right-hand side
def evaluate(state: LegState, c: LegConstants, drive: Drive) -> Circulation:
    """Pressures and flows at ``state`` (the part of ``rates`` a view needs)."""
    transmural = PerCompartment(
        transmural_mmhg(state.foot_ml, c.foot.tube_law),
        transmural_mmhg(state.deep_calf_ml, c.deep_calf.tube_law),
        transmural_mmhg(state.superficial_ml, c.superficial.tube_law),
        transmural_mmhg(state.thigh_ml, c.thigh.tube_law),
    )
    muscle = muscle_pressure_mmhg(
        state.deep_calf_ml,
        drive.calf_stroke_ml,
        drive.calf_force_mmhg,
        c.fascial_room_ml,
        c.fascial_stiffness_mmhg_per_ml,
    )
    pressure = PerCompartment(
        transmural.foot + c.foot.outside_mmhg + drive.foot_pump_mmhg,
        transmural.deep_calf + c.deep_calf.outside_mmhg + muscle,
        transmural.superficial + c.superficial.outside_mmhg
        + c.surface_squeeze_mmhg_per_ml * drive.calf_stroke_ml,
        transmural.thigh + c.thigh.outside_mmhg,
    )
    fill = PerCompartment(
        fill_fraction(state.foot_ml, c.foot.per_reference_ml, c.max_fill),
        fill_fraction(state.deep_calf_ml, c.deep_calf.per_reference_ml, c.max_fill),
        fill_fraction(state.superficial_ml, c.superficial.per_reference_ml, c.max_fill),
        fill_fraction(state.thigh_ml, c.thigh.per_reference_ml, c.max_fill),
    )
    head = PerCompartment(
        pressure.foot + c.foot.column_mmhg,
        pressure.deep_calf + c.deep_calf.column_mmhg,
        pressure.superficial + c.superficial.column_mmhg,
        pressure.thigh + c.thigh.column_mmhg,
    )
    head_foot, head_deep, head_superficial, head_thigh = head
    trunk = c.trunk_head_mmhg
    g = c.conductances
    leak = c.closed_leaks
    flow = PerSegment(
        segment_flow_ml_s(
            g.foot_to_deep, fill.foot, fill.deep_calf,
            valve_factor(state.lower_deep_open, leak.lower_deep), head_foot, head_deep,
        ),
        segment_flow_ml_s(
            g.foot_to_superficial, fill.foot, fill.superficial, 1.0, head_foot, head_superficial
        ),
        segment_flow_ml_s(
            g.perforator, fill.superficial, fill.deep_calf,
            valve_factor(state.perforator_open, leak.perforator), head_superficial, head_deep,
        ),
        segment_flow_ml_s(
            g.deep_up, fill.deep_calf, fill.thigh,
            valve_factor(state.upper_deep_open, leak.upper_deep), head_deep, head_thigh,
        ),
        segment_flow_ml_s(
            g.superficial_up, fill.superficial, 1.0,
            valve_factor(
                state.saphenous_open,
                stretched_valve_leak(leak.saphenous, fill.superficial),
            ),
            head_superficial, trunk,
        ),
        segment_flow_ml_s(
            g.thigh_out, fill.thigh, 1.0,
            valve_factor(state.femoral_open, leak.femoral), head_thigh, trunk,
        ),
    )  # fmt: skip
    va = venoarteriolar_factor(
        transmural.foot,
        c.venoarteriolar_reduction,
        c.venoarteriolar_threshold_mmhg,
        c.venoarteriolar_per_span_mmhg,
    )
    inflow = PerCompartment(
        arterial_inflow_ml_s(c.foot, va, state.hyperaemia, pressure.foot),
        arterial_inflow_ml_s(c.deep_calf, va, state.hyperaemia, pressure.deep_calf),
        arterial_inflow_ml_s(c.superficial, va, state.hyperaemia, pressure.superficial),
        arterial_inflow_ml_s(c.thigh, va, state.hyperaemia, pressure.thigh),
    )
    return Circulation(
        transmural, pressure, head, fill, muscle, flow, inflow, flow.superficial_up + flow.thigh_out
    )


def rates(state: LegState, c: LegConstants, drive: Drive) -> Rates:
    """The right-hand side d(state)/dt, with the circulation it was computed from."""
    circ = evaluate(state, c, drive)
    q = circ.flow_ml_s
    qa = circ.inflow_ml_s
    head_foot, head_deep, head_superficial, head_thigh = circ.head_mmhg
    trunk = c.trunk_head_mmhg
    opening, closing = c.valve_opening_rate_per_s, c.valve_closing_rate_per_s
    return Rates(
        volume_ml_s=PerCompartment(
            qa.foot - q.foot_to_deep - q.foot_to_superficial,
            qa.deep_calf + q.foot_to_deep + q.perforator - q.deep_up,
            qa.superficial + q.foot_to_superficial - q.perforator - q.superficial_up,
            qa.thigh + q.deep_up - q.thigh_out,
        ),
        valve_per_s=PerValve(
            valve_travel_per_s(head_foot - head_deep, opening, closing),
            valve_travel_per_s(head_superficial - head_deep, opening, closing),
            valve_travel_per_s(head_deep - head_thigh, opening, closing),
            valve_travel_per_s(head_superficial - trunk, opening, closing),
            valve_travel_per_s(head_thigh - trunk, opening, closing),
        ),
        hyperaemia_per_s=hyperaemia_per_s(
            state.hyperaemia,
            drive.intensity,
            c.hyperaemia_rise_rate_per_s,
            c.hyperaemia_fall_rate_per_s,
        ),
        venous_return_ml_s2=smoothing_per_s(
            state.venous_return_ml_s, circ.outflow_ml_s, c.venous_return_rate_per_s
        ),
        inflow_ml_s=qa.foot + qa.deep_calf + qa.superficial + qa.thigh,
        outflow_ml_s=circ.outflow_ml_s,
        circulation=circ,
    )


def _clamp_open(fraction: float) -> float:
    return 0.0 if fraction < 0.0 else 1.0 if fraction > 1.0 else fraction


def euler_step(state: LegState, r: Rates, dt_s: float) -> LegState:
    """One explicit Euler step, x + dt * dx/dt; valves stay between shut and open."""
    v = r.volume_ml_s
    s = r.valve_per_s
    return LegState(
        state.foot_ml + dt_s * v.foot,
        state.deep_calf_ml + dt_s * v.deep_calf,
        state.superficial_ml + dt_s * v.superficial,
        state.thigh_ml + dt_s * v.thigh,
        _clamp_open(state.lower_deep_open + dt_s * s.lower_deep),
        _clamp_open(state.perforator_open + dt_s * s.perforator),
        _clamp_open(state.upper_deep_open + dt_s * s.upper_deep),
        _clamp_open(state.saphenous_open + dt_s * s.saphenous),
        _clamp_open(state.femoral_open + dt_s * s.femoral),
        state.hyperaemia + dt_s * r.hyperaemia_per_s,
        state.venous_return_ml_s + dt_s * r.venous_return_ml_s2,
    )
