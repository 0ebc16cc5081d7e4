"""Resting states: the leg standing still at equilibrium, computed once and cached.

A model starts (and ``reset()`` returns) standing still at equilibrium. Settling the network
from a hydrostatic first guess takes 30 simulated seconds (about 0.1-0.2 s in Pyodide),
which would sit on the demo's start-up path, so the build writes every scenario's resting
state at each stocking the animation offers into ``EQUILIBRIA_FILE`` inside the browser
wheel (``export_equilibria``), and this module loads it on import. States are
``network.LegState`` tuples; units mL, mmHg, s.
"""

from __future__ import annotations

import json
import os

from . import kernel
from .activities import make_plan
from .dynamics import evaluate
from .network import LegState, condition_compartment, drive_at, leg_constants
from .parameters import COMPARTMENT_NAMES, SCENARIOS, LegParameters
from .readouts import fresh_tallies

#: File of precomputed resting states shipped inside the browser wheel.
EQUILIBRIA_FILE = "equilibria.json"
SETTLE_S = 30.0
#: The step ``LegModel`` uses unless told otherwise (s).
DEFAULT_INTERNAL_DT_S = 0.001

#: (scenario, stocking mmHg, internal step s) -> resting state, for the default parameters
_equilibrium_cache: dict[tuple[str, float, float], LegState] = {}


def resting_state(
    scenario: str,
    compression_mmhg: float,
    internal_dt_s: float = DEFAULT_INTERNAL_DT_S,
    params: LegParameters | None = None,
) -> LegState:
    """Standing still at equilibrium: hydrostatic first guess, then 30 s of settling.

    Cached for the default parameters; custom ``params`` are always computed afresh.
    """
    key = (scenario, float(compression_mmhg), float(internal_dt_s))
    if params is None and key in _equilibrium_cache:
        return _equilibrium_cache[key]
    p = LegParameters() if params is None else params
    condition = SCENARIOS[scenario]
    posture = "standing"
    constants = leg_constants(p, condition, compression_mmhg, posture)
    trunk = p.central_venous_pressure_mmhg + p.blood_mmhg_per_cm * p.central_height_cm[posture]
    volumes = []
    compartments = (constants.foot, constants.deep_calf, constants.superficial, constants.thigh)
    for name, c in zip(COMPARTMENT_NAMES, compartments, strict=True):
        wall = condition_compartment(
            p, condition, name, compression_mmhg * p.compression_calf_fraction
        )
        local = trunk - p.blood_mmhg_per_cm * wall.height_cm[posture]
        volumes.append(wall.volume_at_ml(local - c.outside_mmhg))
    foot, deep_calf, superficial, thigh = volumes
    open_valve, no_hyperaemia, no_return_yet = 1.0, 0.0, 0.0
    guess = LegState(
        foot, deep_calf, superficial, thigh, *(open_valve,) * 5, no_hyperaemia, no_return_yet
    )
    stand = make_plan("stand", 4.0, p, condition, internal_dt_s)
    settled, _tallies, _phase = kernel.advance(
        guess, fresh_tallies(0.0), constants, stand, 0, round(SETTLE_S / internal_dt_s), internal_dt_s
    )
    # the displayed venous return starts at the outflow itself, not at zero
    outflow = evaluate(settled, constants, drive_at(stand, 0)).outflow_ml_s
    state = settled._replace(venous_return_ml_s=outflow)
    if params is None:
        _equilibrium_cache[key] = state
    return state


def export_equilibria(compressions_mmhg: tuple[float, ...] = (0.0,)) -> str:
    """Settle every scenario at each stocking pressure; JSON that ``load_equilibria`` reads.

    Floats are written with ``repr`` precision, so loading gives back the same states.
    """
    entries = [
        [scenario, float(compression), list(resting_state(scenario, compression))]
        for scenario in SCENARIOS
        for compression in compressions_mmhg
    ]
    return json.dumps({"internal_dt_s": DEFAULT_INTERNAL_DT_S, "entries": entries})


def load_equilibria(text: str) -> int:
    """Seed the resting-state cache from ``export_equilibria`` output; returns the count."""
    data = json.loads(text)
    dt = float(data["internal_dt_s"])
    for scenario, compression, state in data["entries"]:
        key = (str(scenario), float(compression), dt)
        _equilibrium_cache[key] = LegState(*(float(v) for v in state))
    return len(data["entries"])


def cached_count() -> int:
    """How many resting states are known without computing (shipped or computed so far)."""
    return len(_equilibrium_cache)


def clear_cache() -> None:
    _equilibrium_cache.clear()


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


_load_shipped_equilibria()
