"""Risk-factor checklist logic: which answers apply, what can change, a plan, when to get help.

Pure standard library, so the same code runs under CPython (tests, build) and under
Pyodide in the browser's Web Worker. It never imports ``js``, ``pyodide`` or any view.

Typical use::

    checklist = Checklist.from_dict(json.loads(text))   # checklist.json, written at build time
    result = evaluate(checklist, ["long-sitting", "dvt-warning-signs"])
    result.to_dict()                                     # JSON-able, for the page to draw
"""

from risk_checklist.checklist import (
    CareLevel,
    Caution,
    Checklist,
    ExerciseLink,
    RiskItem,
    WarningSign,
)
from risk_checklist.rules import RULES, Evaluation, PlanStep, Result, Rule, evaluate

__version__ = "0.2.0"

__all__ = [
    "RULES",
    "CareLevel",
    "Caution",
    "Checklist",
    "Evaluation",
    "ExerciseLink",
    "PlanStep",
    "Result",
    "RiskItem",
    "Rule",
    "WarningSign",
    "evaluate",
]
