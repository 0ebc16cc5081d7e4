"""The lower-leg venous network and its time stepping (``LegModel``).

A lumped-parameter model of one leg's veins, pure Python, same numbers in CPython and
Pyodide. Units: mL, mmHg, s, mL/s, cm.

Network (arrows = normal flow direction, [valve] where one sits)::

    arteries -> capillaries -> foot, deep_calf, superficial, thigh   (arterial inflow)
    foot --[lower_deep]--> deep_calf --[upper_deep]--> thigh --[femoral]--> trunk veins
    foot ----------------> superficial --[saphenous]----------------------> trunk veins
                           superficial --[perforator]--> deep_calf

Each compartment's pressure = transmural pressure from its collapsible-tube law
+ outside pressure (tissue, stocking, and for deep_calf the calf muscle). Flow along a
segment = conductance x difference of (pressure + blood column height x 0.776 mmHg/cm).
Conductance grows with the square of how full the two ends are, so collapsed veins
throttle flow (the leg drains but does not empty when raised).

Integration: explicit Euler at a fixed internal step (2 ms); ``step(dt)`` runs as many
internal steps as fit and carries the remainder. Every millilitre entering from the
arteries or leaving to the trunk is counted, so ``total - initial == inflow - outflow``
holds to rounding error.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

from .activities import ACTIVITY_POSTURE, EXERCISES, ActivityPlan, make_plan
from .parameters import (
    COMPARTMENT_NAMES,
    REFLUX_CUTOFF_S,
    SCENARIOS,
    VALVE_SEGMENTS,
    Condition,
    LegParameters,
    check_range,
)

COMPRESSION_MAX_MMHG = 60.0
REVERSE_FLOW_THRESHOLD_ML_S = 0.05
_VALVES = tuple(VALVE_SEGMENTS)
_EQUILIBRIUM_SETTLE_S = 30.0
_QUIET_STANDING_FOR_REST_S = 20.0
_equilibrium_cache: dict[tuple[str, float, float], tuple[float, ...]] = {}
#: Optional file of precomputed resting states shipped inside the browser wheel: settling
#: the network takes 30 simulated seconds (about 0.2 s in Pyodide), which would otherwise
#: sit on the demo's start-up path. Written at build time by ``export_equilibria``.
EQUILIBRIA_FILE = "equilibria.json"


def export_equilibria(compressions_mmhg: tuple[float, ...] = (0.0,)) -> str:
    """Settle every scenario at each stocking pressure; JSON that ``load_equilibria`` reads.

    Floats are written with ``repr`` precision, so loading gives back the same states.
    """
    entries = []
    for scenario in SCENARIOS:
        for compression in compressions_mmhg:
            model = LegModel(scenario=scenario, compression_mmhg=compression)
            entries.append([scenario, float(compression), list(model._equilibrium())])
    return json.dumps({"internal_dt_s": LegModel.internal_dt_s, "entries": entries})


def load_equilibria(text: str) -> int:
    """Seed the resting-state cache from ``export_equilibria`` output; returns the count."""
    data = json.loads(text)
    dt = float(data["internal_dt_s"])
    for scenario, compression, state in data["entries"]:
        _equilibrium_cache[(str(scenario), float(compression), dt)] = tuple(float(v) for v in state)
    return len(data["entries"])


def _load_shipped_equilibria() -> None:
    # The module's own loader reads the file, from a folder or straight out of the wheel
    # (the browser imports the wheel as a zip): no importlib.resources, whose imports
    # (pathlib, zipfile, tempfile, inspect...) would cost more start-up time than this saves.
    path = os.path.join(os.path.dirname(__file__), EQUILIBRIA_FILE)
    get_data = getattr(__spec__.loader if __spec__ else None, "get_data", None)
    try:
        data: bytes = get_data(path) if get_data is not None else b""
    except OSError:
        return  # running from source: states are computed on first use
    if data:
        load_equilibria(data.decode("utf-8"))


def _check_scenario(scenario: object) -> str:
    if not isinstance(scenario, str) or scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {', '.join(SCENARIOS)}; got {scenario!r}")
    return scenario


def _check_compression(compression_mmhg: object) -> float:
    check_range("compression_mmhg", compression_mmhg, 0.0, COMPRESSION_MAX_MMHG, "mmHg")  # type: ignore[arg-type]
    return float(compression_mmhg)  # type: ignore[arg-type]


class LegModel:
    """One leg's veins. See API.md for the contract views rely on."""

    #: default fixed internal step (s)
    internal_dt_s = 0.001
    #: the most model time one ``step`` call advances (s); the rest is dropped
    max_step_s = 5.0

    # Declared here because their first assignments (in set_activity and the hot
    # loop of _advance) come before the methods that initialise them.
    _watch: tuple[float, float] | None
    _quiet_since: float | None
    _ankle_min: float
    _ankle_max: float
    _calf_min: float
    _ankle_sum: float

    def __init__(
        self,
        scenario: str = "healthy",
        compression_mmhg: float = 0.0,
        *,
        params: LegParameters | None = None,
        internal_dt_s: float | None = None,
    ) -> None:
        self._scenario = _check_scenario(scenario)
        self._compression = _check_compression(compression_mmhg)
        self._params = LegParameters() if params is None else params
        self._custom_params = params is not None
        if internal_dt_s is not None:
            check_range("internal_dt_s", internal_dt_s, 0.0001, 0.01, "s")
            self.internal_dt_s = float(internal_dt_s)
        self._activity = "stand"
        self._speed = 4.0
        self._plan: ActivityPlan = make_plan(
            "stand", 4.0, self._params, self._condition, self.internal_dt_s
        )
        self._configure()
        self.reset()

    # ------------------------------------------------------------------ settings
    @property
    def _condition(self) -> Condition:
        return SCENARIOS[self._scenario]

    @property
    def scenario(self) -> str:
        return self._scenario

    @property
    def compression_mmhg(self) -> float:
        return self._compression

    @property
    def activity(self) -> str:
        return self._activity

    @property
    def posture(self) -> str:
        return self._plan.posture

    @property
    def activity_period_s(self) -> float:
        """Length of one movement cycle (s); 0 for still postures."""
        return self._plan.period_s

    @property
    def params(self) -> LegParameters:
        return self._params

    def set_activity(self, activity: str, speed_kmh: float = 4.0) -> None:
        """Switch activity now; posture changes instantly, blood follows the physics."""
        plan = make_plan(activity, speed_kmh, self._params, self._condition, self.internal_dt_s)
        was_exercise = self._activity in EXERCISES
        self._plan = plan
        self._activity = activity
        self._speed = float(speed_kmh)
        self._k = 0
        self._configure()
        self._quiet_since = self.time_s if activity == "stand" else None
        if was_exercise and activity == "stand":
            p = self.ankle_pressure_mmhg
            self._watch = (self.time_s, p)
        else:
            self._watch = None

    def set_scenario(self, scenario: str) -> None:
        """Change the condition; the blood already in the leg stays where it is."""
        self._scenario = _check_scenario(scenario)
        self._plan = make_plan(
            self._activity, self._speed, self._params, self._condition, self.internal_dt_s
        )
        self._k = min(self._k, len(self._plan.stroke_ml) - 1)
        self._configure()

    def set_compression(self, compression_mmhg: float) -> None:
        """Stocking pressure at the ankle (mmHg), graduated up the calf."""
        self._compression = _check_compression(compression_mmhg)
        self._configure()

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """Back to t = 0: standing still at equilibrium, same scenario and stocking."""
        self._activity = "stand"
        self._speed = 4.0
        self._plan = make_plan("stand", 4.0, self._params, self._condition, self.internal_dt_s)
        self._configure()
        self._set_state(self._equilibrium())
        self._steps = 0
        self._carry = 0.0
        self._k = 0
        self._in_total = 0.0
        self._out_total = 0.0
        self._initial_total = self.total_volume_ml
        self._refill_time: float | None = None
        # When each valve's current run of reverse flow began, as seen by snapshot().
        self._reverse_since: dict[str, float | None] = dict.fromkeys(_VALVES)
        self._watch = None
        self._quiet_since = 0.0
        self._rest_ankle = self.ankle_pressure_mmhg
        self.reset_extremes()

    def _equilibrium(self) -> tuple[float, ...]:
        key = (self._scenario, self._compression, self.internal_dt_s)
        if not self._custom_params and key in _equilibrium_cache:
            return _equilibrium_cache[key]
        # Hydrostatic first guess, then let the network settle while standing still.
        p = self._params
        posture = "standing"
        phi_c = p.central_venous_pressure_mmhg + p.blood_mmhg_per_cm * p.central_height_cm[posture]
        ext = self._external_base()
        vols = []
        for name, pe in zip(COMPARTMENT_NAMES, ext, strict=True):
            c = p.compartment(name)
            local = phi_c - p.blood_mmhg_per_cm * c.height_cm[posture]
            vols.append(c.volume_at_ml(local - pe))
        self._set_state((*vols, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0))
        self._steps = 0
        self._k = 0
        self._in_total = self._out_total = 0.0
        self.reset_extremes()
        self._advance(round(_EQUILIBRIUM_SETTLE_S / self.internal_dt_s))
        self._vr = self._outflow_now()
        state = self._get_state()
        if not self._custom_params:
            _equilibrium_cache[key] = state
        return state

    def _get_state(self) -> tuple[float, ...]:
        return (
            self._v_f, self._v_d, self._v_s, self._v_t,
            self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe,
            self._hyp, self._vr,
        )  # fmt: skip

    def _set_state(self, state: tuple[float, ...]) -> None:
        (
            self._v_f, self._v_d, self._v_s, self._v_t,
            self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe,
            self._hyp, self._vr,
        ) = state  # fmt: skip

    def _external_base(self) -> tuple[float, float, float, float]:
        """Outside pressure on foot, deep_calf, superficial, thigh (no muscle)."""
        p = self._params
        c = self._compression
        calf = c * p.compression_calf_fraction
        tissue = p.tissue_pressure_mmhg
        return (
            tissue + c,
            tissue + calf * p.compression_deep_transmission,
            tissue + calf,
            tissue,
        )

    def _configure(self) -> None:
        """Pre-compute every constant the inner loop needs for the current settings."""
        p = self._params
        cond = self._condition
        dt = self.internal_dt_s
        posture = self._plan.posture
        rho = p.blood_mmhg_per_cm
        h_c = p.central_height_cm[posture]
        consts: list[float] = []
        for name in COMPARTMENT_NAMES:
            c = p.compartment(name)
            h = c.height_cm[posture]
            consts += [
                c.unstressed_volume_ml,
                1.0 / c.distension_volume_ml,
                c.stiffness_pressure_mmhg,
                c.collapse_pressure_mmhg,
                1.0 / c.volume_at_ml(p.reference_transmural_mmhg),
                rho * h,  # column height term
                p.mean_arterial_pressure_mmhg + rho * (h_c - h),  # local arterial pressure
                c.arterial_conductance_ml_s_mmhg,
                c.hyperemia_gain,
            ]
        self._cc = tuple(consts)
        self._ext = self._external_base()
        self._phi_c = p.central_venous_pressure_mmhg + rho * h_c
        leak = p.incompetent_leak_fraction
        self._leaks = (
            0.0 if cond.deep_competent else leak,  # lower_deep
            0.0 if cond.perforator_competent else leak,  # perforator
            0.0 if cond.deep_competent else leak,  # upper_deep
            0.0 if cond.saphenous_competent else leak,  # saphenous
            0.0 if cond.deep_competent else leak,  # femoral
        )
        self._g = (
            p.foot_to_deep_conductance,
            p.foot_to_superficial_conductance,
            p.perforator_conductance,
            p.deep_up_conductance,
            p.superficial_up_conductance,
            p.thigh_out_conductance * cond.deep_outflow_fraction,
        )
        self._misc = (
            dt,
            dt / p.valve_open_time_s,
            dt / p.valve_close_time_s,
            p.max_fill,
            p.fascial_room_ml,
            p.fascial_stiffness_mmhg_per_ml,
            p.venoarteriolar_reduction,
            p.venoarteriolar_threshold_mmhg,
            1.0 / p.venoarteriolar_span_mmhg,
            self._plan.intensity,
            dt / p.hyperemia_rise_time_s,
            dt / p.hyperemia_fall_time_s,
            dt / p.venous_return_smoothing_s,
        )

    # ------------------------------------------------------------------ time
    def step(self, dt_s: float) -> None:
        """Advance by ``dt_s`` seconds of model time (at most ``max_step_s`` per call)."""
        if (
            isinstance(dt_s, bool)
            or not isinstance(dt_s, (int, float))
            or not math.isfinite(dt_s)
            or dt_s < 0
        ):
            raise ValueError(f"dt_s must be a finite number of seconds >= 0, got {dt_s!r}")
        dt_s = min(float(dt_s), self.max_step_s)
        self._run(dt_s)

    def run(self, seconds: float) -> None:
        """Advance by ``seconds`` with no cap (protocols and tests)."""
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not math.isfinite(seconds)
            or seconds < 0
        ):
            raise ValueError(f"seconds must be a finite number >= 0, got {seconds!r}")
        self._run(float(seconds))

    def _run(self, seconds: float) -> None:
        h = self.internal_dt_s
        total = self._carry + seconds
        n = int(total / h + 1e-9)
        self._carry = max(0.0, total - n * h)
        if n:
            self._advance(n)
        self._after_frame()

    def _after_frame(self) -> None:
        """Bookkeeping for views at frame granularity (refill time, resting pressure)."""
        t = self.time_s
        if (
            self._activity == "stand"
            and self._quiet_since is not None
            and self._watch is None
            and t - self._quiet_since >= _QUIET_STANDING_FOR_REST_S
        ):
            self._rest_ankle = self.ankle_pressure_mmhg
        if self._watch is not None:
            t_end, p_low = self._watch
            p = self.ankle_pressure_mmhg
            if p < p_low:
                p_low = p
                self._watch = (t_end, p_low)
            if self._rest_ankle - p_low > 1.0 and p >= p_low + 0.9 * (self._rest_ankle - p_low):
                self._refill_time = t - t_end
                self._watch = None
                self._quiet_since = t

    def _advance(self, n: int) -> None:
        """Run ``n`` internal steps. All state lives in locals: this is the hot path."""
        exp = math.exp
        sqrt = math.sqrt
        (
            v0f, ivf, pkf, ccf, irf, hf, paf, gaf, hgf,
            v0d, ivd, pkd, ccd, ird, hd, pad, gad, hgd,
            v0s, ivs, pks, ccs, irs, hs, pas, gas, hgs,
            v0t, ivt, pkt, cct, irt, ht, pat, gat, hgt,
        ) = self._cc  # fmt: skip
        pe_f, pe_d, pe_s, pe_t = self._ext
        phic = self._phi_c
        lk_ld, lk_pf, lk_ud, lk_sa, lk_fe = self._leaks
        g_fd, g_fs, g_pf, g_du, g_su, g_to = self._g
        (dt, r_open, r_close, mf, room, ef, var_r, var_t, var_i, inten, r_up, r_dn, r_vr) = self._misc
        stroke = self._plan.stroke_ml
        force = self._plan.force_mmhg
        footp = self._plan.foot_pump_mmhg
        ntab = len(stroke)
        k = self._k
        v_f, v_d, v_s, v_t = self._v_f, self._v_d, self._v_s, self._v_t
        s_ld, s_pf, s_ud, s_sa, s_fe = self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe
        hyp, vr = self._hyp, self._vr
        in_tot, out_tot = self._in_total, self._out_total
        amin, cmin = self._ankle_min, self._calf_min
        amax = self._ankle_max
        asum = self._ankle_sum
        for _ in range(n):
            st = stroke[k]
            fo = force[k]
            fp = footp[k]
            k += 1
            if k == ntab:
                k = 0
            # transmural pressures (collapsible-tube law)
            x = v_f - v0f
            if x >= 0.0:
                tf = pkf * (exp(x * ivf) - 1.0)
            else:
                r = v0f / v_f
                tf = ccf * (1.0 - r * sqrt(r))
            x = v_d - v0d
            if x >= 0.0:
                td = pkd * (exp(x * ivd) - 1.0)
            else:
                r = v0d / v_d
                td = ccd * (1.0 - r * sqrt(r))
            x = v_s - v0s
            if x >= 0.0:
                ts = pks * (exp(x * ivs) - 1.0)
            else:
                r = v0s / v_s
                ts = ccs * (1.0 - r * sqrt(r))
            x = v_t - v0t
            if x >= 0.0:
                tt = pkt * (exp(x * ivt) - 1.0)
            else:
                r = v0t / v_t
                tt = cct * (1.0 - r * sqrt(r))
            # calf muscle: displacement pump inside the fascia, limited by its force
            passive = ef * (v_d - room)
            if passive < 0.0:
                passive = 0.0
            pm = ef * (v_d - room + st)
            if pm < passive:
                pm = passive
            if pm > passive + fo:
                pm = passive + fo
            p_f = tf + pe_f + fp
            p_d = td + pe_d + pm
            p_s = ts + pe_s
            p_t = tt + pe_t
            # fill fractions -> conductance factors
            ff = v_f * irf
            if ff > mf:
                ff = mf
            fd = v_d * ird
            if fd > mf:
                fd = mf
            fs = v_s * irs
            if fs > mf:
                fs = mf
            ft = v_t * irt
            if ft > mf:
                ft = mf
            # segment flows (positive = toward the heart / superficial -> deep)
            u_f = p_f + hf
            u_d = p_d + hd
            u_s = p_s + hs
            u_t = p_t + ht
            m = 0.5 * (ff + fd)
            dp = u_f - u_d
            q_fd = g_fd * m * m * (s_ld + (1.0 - s_ld) * lk_ld) * dp
            if dp > 0.0:
                s_ld += r_open
                if s_ld > 1.0:
                    s_ld = 1.0
            else:
                s_ld -= r_close
                if s_ld < 0.0:
                    s_ld = 0.0
            m = 0.5 * (ff + fs)
            q_fs = g_fs * m * m * (u_f - u_s)
            m = 0.5 * (fs + fd)
            dp = u_s - u_d
            q_pf = g_pf * m * m * (s_pf + (1.0 - s_pf) * lk_pf) * dp
            if dp > 0.0:
                s_pf += r_open
                if s_pf > 1.0:
                    s_pf = 1.0
            else:
                s_pf -= r_close
                if s_pf < 0.0:
                    s_pf = 0.0
            m = 0.5 * (fd + ft)
            dp = u_d - u_t
            q_du = g_du * m * m * (s_ud + (1.0 - s_ud) * lk_ud) * dp
            if dp > 0.0:
                s_ud += r_open
                if s_ud > 1.0:
                    s_ud = 1.0
            else:
                s_ud -= r_close
                if s_ud < 0.0:
                    s_ud = 0.0
            m = 0.5 * (fs + 1.0)
            dp = u_s - phic
            q_su = g_su * m * m * (s_sa + (1.0 - s_sa) * lk_sa) * dp
            if dp > 0.0:
                s_sa += r_open
                if s_sa > 1.0:
                    s_sa = 1.0
            else:
                s_sa -= r_close
                if s_sa < 0.0:
                    s_sa = 0.0
            m = 0.5 * (ft + 1.0)
            dp = u_t - phic
            q_to = g_to * m * m * (s_fe + (1.0 - s_fe) * lk_fe) * dp
            if dp > 0.0:
                s_fe += r_open
                if s_fe > 1.0:
                    s_fe = 1.0
            else:
                s_fe -= r_close
                if s_fe < 0.0:
                    s_fe = 0.0
            # arterial inflow: venoarteriolar reflex (distended foot veins) and hyperemia
            va = (tf - var_t) * var_i
            if va < 0.0:
                va = 0.0
            elif va > 1.0:
                va = 1.0
            va = 1.0 - var_r * va
            qi_f = gaf * va * (1.0 + hgf * hyp) * (paf - p_f)
            qi_d = gad * va * (1.0 + hgd * hyp) * (pad - p_d)
            qi_s = gas * va * (1.0 + hgs * hyp) * (pas - p_s)
            qi_t = gat * va * (1.0 + hgt * hyp) * (pat - p_t)
            # Euler update; each internal flow leaves one compartment and enters another
            v_f += dt * (qi_f - q_fd - q_fs)
            v_d += dt * (qi_d + q_fd + q_pf - q_du)
            v_s += dt * (qi_s + q_fs - q_pf - q_su)
            v_t += dt * (qi_t + q_du - q_to)
            q_out = q_su + q_to
            in_tot += dt * (qi_f + qi_d + qi_s + qi_t)
            out_tot += dt * q_out
            if inten > hyp:
                hyp += (inten - hyp) * r_up
            else:
                hyp += (inten - hyp) * r_dn
            vr += (q_out - vr) * r_vr
            asum += p_f
            if p_f < amin:
                amin = p_f
            if p_f > amax:
                amax = p_f
            cv = v_d + v_s
            if cv < cmin:
                cmin = cv
        self._k = k
        self._v_f, self._v_d, self._v_s, self._v_t = v_f, v_d, v_s, v_t
        self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe = s_ld, s_pf, s_ud, s_sa, s_fe
        self._hyp, self._vr = hyp, vr
        self._in_total, self._out_total = in_tot, out_tot
        self._ankle_min, self._calf_min, self._ankle_max = amin, cmin, amax
        self._ankle_sum = asum
        self._steps += n

    # ------------------------------------------------------------------ readings
    def reset_extremes(self) -> None:
        """Start tracking the lowest/highest ankle pressure and lowest calf volume anew."""
        self._ankle_min = math.inf
        self._ankle_max = -math.inf
        self._calf_min = math.inf
        self._ankle_sum = 0.0
        self._extremes_from = getattr(self, "_steps", 0)

    @property
    def ankle_pressure_mean_mmhg(self) -> float:
        """Mean ankle pressure over the internal steps since ``reset_extremes()``."""
        n = self._steps - self._extremes_from
        return self._ankle_sum / n if n else self.ankle_pressure_mmhg

    @property
    def ankle_pressure_min_mmhg(self) -> float:
        return self._ankle_min

    @property
    def ankle_pressure_max_mmhg(self) -> float:
        return self._ankle_max

    @property
    def calf_volume_min_ml(self) -> float:
        return self._calf_min

    @property
    def time_s(self) -> float:
        return self._steps * self.internal_dt_s

    @property
    def steps(self) -> int:
        return self._steps

    @property
    def total_volume_ml(self) -> float:
        return self._v_f + self._v_d + self._v_s + self._v_t

    @property
    def initial_volume_ml(self) -> float:
        return self._initial_total

    @property
    def inflow_total_ml(self) -> float:
        return self._in_total

    @property
    def outflow_total_ml(self) -> float:
        return self._out_total

    @property
    def calf_volume_ml(self) -> float:
        return self._v_d + self._v_s

    @property
    def volumes_ml(self) -> tuple[float, float, float, float]:
        return (self._v_f, self._v_d, self._v_s, self._v_t)

    @property
    def ankle_pressure_mmhg(self) -> float:
        """Pressure in the foot/ankle veins now (cheap: only that compartment)."""
        v0, iv, pk, ccoll = self._cc[0:4]
        v = self._v_f
        x = v - v0
        if x >= 0.0:
            tm = pk * (math.exp(x * iv) - 1.0)
        else:
            r = v0 / v
            tm = ccoll * (1.0 - r * math.sqrt(r))
        return tm + self._ext[0] + self._plan.foot_pump_mmhg[self._k]

    def _outflow_now(self) -> float:
        flows: tuple[float, ...] = self._evaluate()["flows"]
        return flows[4] + flows[5]

    def _evaluate(self) -> dict[str, Any]:
        """Pressures, flows and inflows at the current state (mirrors ``_advance``)."""
        cc = self._cc
        k = self._k
        st = self._plan.stroke_ml[k]
        fo = self._plan.force_mmhg[k]
        fp = self._plan.foot_pump_mmhg[k]
        vols = (self._v_f, self._v_d, self._v_s, self._v_t)
        mf, room, ef = self._misc[3], self._misc[4], self._misc[5]
        tms = []
        fills = []
        for i, v in enumerate(vols):
            v0, iv, pk, ccoll, ir = cc[9 * i : 9 * i + 5]
            x = v - v0
            if x >= 0.0:
                tms.append(pk * (math.exp(x * iv) - 1.0))
            else:
                r = v0 / v
                tms.append(ccoll * (1.0 - r * math.sqrt(r)))
            fills.append(min(v * ir, mf))
        passive = max(0.0, ef * (vols[1] - room))
        pm = min(max(ef * (vols[1] - room + st), passive), passive + fo)
        ext = list(self._ext)
        ext[0] += fp
        ext[1] += pm
        pres = [tms[i] + ext[i] for i in range(4)]
        u = [pres[i] + cc[9 * i + 5] for i in range(4)]
        ff, fd, fs, ft = fills
        opens = (self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe)
        lk = self._leaks
        g = self._g
        phic = self._phi_c

        def eff(i: int) -> float:
            return opens[i] + (1.0 - opens[i]) * lk[i]

        flows = (
            g[0] * (0.5 * (ff + fd)) ** 2 * eff(0) * (u[0] - u[1]),
            g[1] * (0.5 * (ff + fs)) ** 2 * (u[0] - u[2]),
            g[2] * (0.5 * (fs + fd)) ** 2 * eff(1) * (u[2] - u[1]),
            g[3] * (0.5 * (fd + ft)) ** 2 * eff(2) * (u[1] - u[3]),
            g[4] * (0.5 * (fs + 1.0)) ** 2 * eff(3) * (u[2] - phic),
            g[5] * (0.5 * (ft + 1.0)) ** 2 * eff(4) * (u[3] - phic),
        )
        p = self._misc
        va = 1.0 - p[6] * min(1.0, max(0.0, (tms[0] - p[7]) * p[8]))
        inflows = tuple(
            cc[9 * i + 7] * va * (1.0 + cc[9 * i + 8] * self._hyp) * (cc[9 * i + 6] - pres[i])
            for i in range(4)
        )
        return {
            "pressures": pres,
            "flows": flows,
            "inflows": inflows,
            "muscle_mmhg": pm,
        }

    def snapshot(self) -> dict[str, Any]:
        """Everything a view needs, as plain JSON-able values."""
        ev = self._evaluate()
        pres = ev["pressures"]
        flows = ev["flows"]
        thr = REVERSE_FLOW_THRESHOLD_ML_S
        vols = (self._v_f, self._v_d, self._v_s, self._v_t)
        seg_names = (
            "foot_to_deep", "foot_to_superficial", "perforator",
            "deep_up", "superficial_up", "thigh_out",
        )  # fmt: skip
        segments = {
            name: {"flow_ml_s": float(q), "reverse": bool(q < -thr)}
            for name, q in zip(seg_names, flows, strict=True)
        }
        opens = (self._s_ld, self._s_pf, self._s_ud, self._s_sa, self._s_fe)
        valves = {}
        now = self.time_s
        for i, name in enumerate(_VALVES):
            q = segments[VALVE_SEGMENTS[name]]["flow_ml_s"]
            reverse = q < -thr
            # A healthy valve lets a little blood back while it shuts; only reverse flow
            # that outlasts the clinical cut-off is reflux. Timed between snapshots.
            since = self._reverse_since[name] if reverse else None
            if reverse and since is None:
                since = now
            self._reverse_since[name] = since
            reverse_s = now - since if since is not None else 0.0
            valves[name] = {
                "open_fraction": float(opens[i]),
                "flow_ml_s": float(q),
                "reverse": bool(reverse),
                "reverse_s": float(reverse_s),
                "reflux": bool(reverse_s > REFLUX_CUTOFF_S[name]),
                "competent": self._leaks[i] == 0.0,
            }
        k = self._k
        plan = self._plan
        force_max = self._params.calf_force_mmhg
        return {
            "time_s": self.time_s,
            "activity": self._activity,
            "speed_kmh": self._speed,
            "scenario": self._scenario,
            "posture": plan.posture,
            "compression_mmhg": self._compression,
            "ankle_pressure_mmhg": float(pres[0]),
            "calf_volume_ml": self._v_d + self._v_s,
            "calf_squeeze": float(plan.activation[k]),
            "calf_muscle_pressure_mmhg": float(ev["muscle_mmhg"]),
            "calf_force_fraction": float(plan.force_mmhg[k] / force_max) if force_max else 0.0,
            "ankle_angle_deg": float(plan.ankle_angle_deg[k]),
            "venous_return_ml_min": self._vr * 60.0,
            "refill_time_s": self._refill_time,
            "compartments": {
                name: {"volume_ml": float(vols[i]), "pressure_mmhg": float(pres[i])}
                for i, name in enumerate(COMPARTMENT_NAMES)
            },
            "segments": segments,
            "valves": valves,
        }


_load_shipped_equilibria()

__all__ = [
    "ACTIVITY_POSTURE",
    "COMPRESSION_MAX_MMHG",
    "EQUILIBRIA_FILE",
    "LegModel",
    "export_equilibria",
    "load_equilibria",
]
