"""The files the widgets need in the site, and the MkDocs entries that load them.

Layout inside the built site (``assets/``)::

    pyodide/   pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip,
               pyodide-lock.json, calf_pump-*.whl, risk_checklist-*.whl
    widgets/   loader.js, <kind>-widget.js entries, widgets.js, runtime.js, worker.js,
               views, widgets.css, bridge.py, checklist.json

Every page gets only ``loader.js`` (a few hundred bytes). On a page with a widget it adds
``widgets.css`` and that kind's entry (``vein-valve-widget.js``, ``risk-checklist-widget.js``),
which brings its view, ``widgets.js`` and ``runtime.js``; other pages fetch nothing more.

Only the Pyodide files a page fetches are copied from ``node_modules/pyodide``; the web
files come from ``interactive/web``. Everything is returned as ``{site path: bytes}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generators.cache import model_run
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.widgets.checklist import checklist_data
from generators.widgets.vein_valve import COMPRESSION_CHOICES
from generators.widgets.wheels import wheel_files

ASSETS = "assets"
PYODIDE_DIR = f"{ASSETS}/pyodide"
WIDGETS_DIR = f"{ASSETS}/widgets"

#: The Pyodide files a page actually fetches; everything else in the npm package stays out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
#: Front-end files copied from interactive/web/ (plain ES modules, CSS and the worker's glue).
WEB_FILES = (
    "loader.js",
    "vein-valve-widget.js",
    "risk-checklist-widget.js",
    "exercise-demo-widget.js",
    "widgets.js",
    "runtime.js",
    "worker.js",
    "vein-valve.js",
    "vein-valve-geometry.js",
    "checklist.js",
    "exercise-demo.js",
    "widgets.css",
    "bridge.py",
)


def extra_javascript() -> list[dict[str, Any] | str]:
    """Entries for MkDocs' ``extra_javascript``: the widgets' loader, on every page.

    It is a few hundred bytes and fetches the widget code and styles only where a page
    (or the next one, after instant navigation) has a widget (see the module docstring).
    ``async``: it runs as soon as it has loaded instead of after the whole page
    (Material's bundle included), so the styles and Python start sooner. It sits at the
    end of <body>, after the widgets.
    """
    return [{"path": f"{WIDGETS_DIR}/loader.js", "type": "module", "async": True}]


def extra_css() -> list[str]:
    """None on every page: ``loader.js`` adds ``widgets.css`` where there is a widget."""
    return []


def _pyodide_runtime(project: Path) -> Path:
    runtime = project / "node_modules" / "pyodide"
    missing = [f for f in PYODIDE_FILES if not (runtime / f).is_file()]
    if missing or not (runtime / "pyodide-lock.json").is_file():
        raise BuildError(
            f"{runtime}: the Pyodide runtime is missing "
            f"({', '.join(missing) or 'pyodide-lock.json'} not found). "
            "Fix: run 'npm ci' in the repository root (or './dev build', which runs it)"
        )
    return runtime


def _build_time_data() -> dict[str, dict[str, bytes]]:
    """Data computed now and shipped in a wheel (by import name), to save work in the browser:
    the model's resting states for every stocking the animation offers."""
    from calf_pump.model import EQUILIBRIA_FILE

    compressions = [mmhg for mmhg, _label in COMPRESSION_CHOICES]
    text: str = _equilibria_run(compressions)
    return {"calf_pump": {EQUILIBRIA_FILE: text.encode()}}


@model_run("model.equilibria")
def _equilibria_run(compressions_mmhg: list[float]) -> str:
    from calf_pump.model import export_equilibria

    return export_equilibria(tuple(compressions_mmhg))


def widget_files(project: Path, ctx: SiteContext) -> dict[str, bytes]:
    """Everything the widgets need in the site (see the module docstring)."""
    runtime = _pyodide_runtime(project)
    files = {f"{PYODIDE_DIR}/{name}": (runtime / name).read_bytes() for name in PYODIDE_FILES}
    files.update(wheel_files(project, runtime / "pyodide-lock.json", PYODIDE_DIR, _build_time_data()))

    web = project / "interactive" / "web"
    missing_web = [f for f in WEB_FILES if not (web / f).is_file()]
    if missing_web:
        raise BuildError(
            f"{web}: widget files missing: {', '.join(missing_web)}. "
            "Fix: restore them from git (git checkout -- interactive/web)"
        )
    files.update({f"{WIDGETS_DIR}/{name}": (web / name).read_bytes() for name in WEB_FILES})
    data = json.dumps(checklist_data(ctx), ensure_ascii=False, indent=1, sort_keys=True)
    files[f"{WIDGETS_DIR}/checklist.json"] = (data + "\n").encode()
    return files
