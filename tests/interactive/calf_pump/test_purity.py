"""The model stays a model: it never imports a view, a browser bridge or NumPy."""

from __future__ import annotations

import ast
from pathlib import Path

import calf_pump

FORBIDDEN = {"js", "pyodide", "plotly", "jinja2", "numpy"}


def test_no_calf_pump_module_imports_a_view_or_browser_library() -> None:
    package = Path(calf_pump.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert modules
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
