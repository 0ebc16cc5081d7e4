"""The house keeps its shape: data flows one way, and each folder imports only what it may.

Rules as data: (what the rule says, which files, which imports they may not make). The
imports are read with ``ast``, so a rule is checked without importing anything. A last
test imports ``generators.build`` in a fresh interpreter and lists what came with it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LATER_THAN_CONTENT = ("generators.charts", "generators.widgets", "generators.pages", "generators.build",
                      "generators.cli", "generators.mkdocs_hooks", "generators.clinic")
FRONT_ENDS = ("generators.cli", "generators.mkdocs_hooks", "benchmarks", "playwright")

#: (rule, folder under the project, imports (module prefixes) its Python files may not make)
RULES: list[tuple[str, str, tuple[str, ...]]] = [
    ("interactive/ never imports the generators or the benchmarks", "interactive",
     ("generators", "benchmarks")),
    ("the model imports no view, browser bridge, Plotly, Jinja2 or NumPy", "interactive/calf_pump",
     ("js", "pyodide", "plotly", "jinja2", "numpy", "risk_checklist")),
    ("stage 1 (generators/content) imports no later stage", "generators/content", LATER_THAN_CONTENT),
    ("charts import no widgets, pages or front end", "generators/charts",
     ("generators.widgets", "generators.pages", "generators.build", *FRONT_ENDS)),
    ("widgets import no charts, pages or front end", "generators/widgets",
     ("generators.charts", "generators.pages", "generators.build", *FRONT_ENDS)),
    ("pictures import no other stage or front end", "generators/pictures",
     ("generators.content", "generators.charts", "generators.widgets", "generators.pages", "generators.build",
      *FRONT_ENDS)),
    ("pages import no charts, widgets, pictures or front end", "generators/pages",
     ("generators.charts", "generators.widgets", "generators.pictures", "generators.build", *FRONT_ENDS)),
    ("handouts import only stage 1 and the pictures: no charts, widgets, pages, build or front end",
     "generators/handouts",
     ("generators.charts", "generators.widgets", "generators.pages", "generators.build", *FRONT_ENDS)),
    ("the clinic package (a clinic file → the context, the site's branding) imports only stage 1 and the "
     "handouts' Branding: the build calls it, never the other way round", "generators/clinic",
     ("generators.charts", "generators.widgets", "generators.pictures", "generators.pages",
      "generators.build", "generators.clinic_builds", *FRONT_ENDS)),
    ("the offline copy (service worker, manifest) runs after MkDocs on the built files: it imports no "
     "charts, widgets, pages, build or front end", "generators/offline",
     ("generators.charts", "generators.widgets", "generators.pages", "generators.build", *FRONT_ENDS)),
    ("embeds (embed views, the embed panel, handout links) import only stage 1: the pages use them",
     "generators/embeds",
     ("generators.charts", "generators.widgets", "generators.pictures", "generators.pages",
      "generators.handouts", "generators.build", *FRONT_ENDS)),
    ("nothing under generators/ imports the benchmarks or Playwright", "generators",
     ("benchmarks", "playwright")),
]


def imports_in(source: str, package: str) -> Iterator[str]:
    """Absolute names of every module a source text imports (relative imports resolved
    against ``package``, the dotted name of the folder the file sits in)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                yield ".".join([*parts[: len(parts) - node.level + 1], node.module or ""]).rstrip(".")
            elif node.module:
                yield node.module


def imports_of(path: Path) -> Iterator[str]:
    return imports_in(path.read_text("utf-8"), ".".join(path.relative_to(ROOT).parts[:-1]))


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize(("rule", "folder", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_import_rule(rule: str, folder: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"{folder} has no Python files: the rule '{rule}' checks nothing"
    broken = [f"{path.relative_to(ROOT)} imports {name}"
              for path in files for name in imports_of(path) if _matches(name, forbidden)]
    assert broken == [], rule


def test_the_checklist_rules_use_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"risk_checklist", "__future__"}
    files = sorted((ROOT / "interactive" / "risk_checklist").rglob("*.py"))
    assert files
    broken = [f"{path.name} imports {name}" for path in files for name in imports_of(path)
              if name.split(".")[0] not in allowed]
    assert broken == []


def test_the_rule_reader_sees_every_form_of_import() -> None:
    """The rules above would pass vacuously if the reader missed imports."""
    source = ("from generators.pages import render\nimport benchmarks.harness\n"
              "from ..charts import spec\nfrom . import kinds\n")
    assert list(imports_in(source, "generators.content")) == [
        "generators.pages", "benchmarks.harness", "generators.charts", "generators.content"]


def test_importing_the_build_brings_no_command_line_benchmark_or_browser_driver() -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import generators.build"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "generators.build" in loaded
    unwanted = sorted(name for name in loaded
                      if _matches(name, ("argparse", "playwright", "benchmarks", "generators.cli")))
    assert unwanted == []


def test_no_generator_module_grows_into_a_junk_drawer() -> None:
    """A module over 400 lines is doing more than one job: split it by job."""
    long = {str(path.relative_to(ROOT)): n for path in sorted((ROOT / "generators").rglob("*.py"))
            if (n := len(path.read_text("utf-8").splitlines())) > 400}
    assert long == {}
