"""Calf muscle pump: a lumped-parameter model of one leg's veins (pure Python).

The model knows nothing about views: no js, pyodide, Plotly or Jinja2 here.
See API.md for the contract the browser animation and the charts rely on, doc/model.md
for the equations and doc/implementation-notes.md for how the modules fit together.
"""

from .activities import ACTIVITIES
from .model import COMPRESSION_MAX_MMHG, LegModel
from .parameters import (
    COMPARTMENT_NAMES,
    POSTURES,
    SCENARIO_NAMES,
    SCENARIOS,
    Condition,
    LegParameters,
)

__all__ = [
    "ACTIVITIES",
    "COMPARTMENT_NAMES",
    "COMPRESSION_MAX_MMHG",
    "POSTURES",
    "SCENARIOS",
    "SCENARIO_NAMES",
    "Condition",
    "LegModel",
    "LegParameters",
]
