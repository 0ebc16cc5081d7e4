"""Stage 2b: the in-browser widgets' build-time side.

``WIDGETS`` is the registry: a widget id (what content writes under ``widgets:``, and
the ``data-widget`` attribute in the page) → the function that makes its HTML block.
``build_widgets`` returns every block plus the files the widgets need in the site
(Pyodide, wheels, lockfile, web files, checklist data).

The exercise pages' mini-demo (``exercise_demo``, widget id ``exercise-demo``) is placed by
an exercise's ``demo: preset:`` rather than by ``widgets:``, since each block is made for its
exercise: ``DEMO_PRESETS`` lists the presets content may name, ``Widgets.exercise_demos``
holds one block per exercise with a demo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators.content.context import SiteContext
from generators.widgets import assets
from generators.widgets.checklist import checklist_block
from generators.widgets.exercise_demo import DEMO_PRESETS, exercise_demo_blocks
from generators.widgets.vein_valve import vein_valve_block

WIDGETS: dict[str, Callable[[SiteContext], str]] = {
    "vein-valve": vein_valve_block,
    "risk-checklist": checklist_block,
}


@dataclass(frozen=True)
class Widgets:
    blocks: dict[str, str]  # widget id -> HTML block
    files: dict[str, bytes]  # docs-relative path -> bytes
    extra_javascript: list[dict[str, Any] | str]
    extra_css: list[str]
    exercise_demos: dict[str, str] = field(default_factory=dict)  # exercise id -> demo block


def build_widgets(ctx: SiteContext, project: Path) -> Widgets:
    return Widgets(
        blocks={widget_id: make(ctx) for widget_id, make in WIDGETS.items()},
        files=assets.widget_files(project, ctx),
        extra_javascript=assets.extra_javascript(),
        extra_css=assets.extra_css(),
        exercise_demos=exercise_demo_blocks(ctx),
    )


__all__ = ["DEMO_PRESETS", "WIDGETS", "Widgets", "build_widgets"]
