"""Bytecode for the browser packages, made at build time by Pyodide's own Python.

The widgets' worker imports ``calf_pump`` and ``risk_checklist`` straight from their wheels
(``interactive/web/worker.js``). A zip holding only sources makes the reader's browser
compile every module before it runs: about 90 ms of a cold widget start on a laptop, most
of ``import calf_pump``, on the path between Python being up and the first picture.
``zipimport`` takes a ``module.pyc`` that sits next to ``module.py`` in the archive, so each
wheel carries both: the bytecode for speed, the source for tracebacks (and for any other
Python, which ignores bytecode that is not its own and compiles the source as before).

Bytecode belongs to one Python version, and the build's CPython is not the browser's, so
``compile_bytecode.mjs`` compiles with the Pyodide from ``node_modules`` in Node: the
interpreter the site ships. The files are "unchecked hash" pycs (PEP 552): their bytes depend
only on the source and the interpreter, so wheels stay byte-for-byte reproducible, and
zipimport uses them without comparing timestamps. Starting Pyodide in Node takes a few
seconds, so results are kept in the build cache (``generators/cache.py``), keyed by the
Pyodide version, this step's script and every source's bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from generators.cache import cached
from generators.errors import BuildError

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "compile_bytecode.mjs"
#: Pyodide in Node, even on a busy two-core machine, starts in well under this.
_TIMEOUT_S = 300

_memo: dict[str, dict[str, bytes]] = {}  # one compile per process for the same sources


def pyodide_version(runtime: Path) -> str:
    """The npm package's version (``node_modules/pyodide/package.json``)."""
    try:
        return str(json.loads((runtime / "package.json").read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError) as err:
        raise BuildError(f"{runtime / 'package.json'}: cannot read the Pyodide version ({err}). "
                         "Fix: run 'npm ci' in the repository root") from err


def pyodide_bytecode(runtime: Path, sources: dict[str, bytes]) -> dict[str, bytes]:
    """``{"pkg/mod.pyc": bytecode}`` for every ``{"pkg/mod.py": source}``, compiled by the
    Pyodide in ``runtime`` (a ``node_modules/pyodide`` folder)."""
    if not sources:
        return {}
    version = pyodide_version(runtime)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(sources.items())}
    memo_key = hashlib.sha256(json.dumps([str(runtime), version, digests]).encode()).hexdigest()
    if memo_key not in _memo:
        encoded = cached("widgets.pyodide-bytecode", [version, digests],
                         lambda: _compile(runtime, sources), files=[SCRIPT])
        _memo[memo_key] = {name: base64.b64decode(text) for name, text in encoded.items()}
    return dict(_memo[memo_key])


def _compile(runtime: Path, sources: dict[str, bytes]) -> dict[str, str]:
    node = shutil.which("node")
    if node is None:
        raise BuildError("Node.js is not installed, and the build needs it to compile the widgets' "
                         "Python for the browser (Pyodide in Node). Install Node.js 20 (./dev checks it).")
    request = json.dumps({name: base64.b64encode(data).decode() for name, data in sorted(sources.items())})
    try:
        done = subprocess.run([node, str(SCRIPT), str(runtime)], input=request, capture_output=True,
                              text=True, timeout=_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as err:
        raise BuildError(f"compiling the widgets' Python with Pyodide (Node) took more than "
                         f"{_TIMEOUT_S} s: {SCRIPT.name} was stopped. Fix: run the build again "
                         "on a less busy machine") from err
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BuildError(f"could not compile the widgets' Python with Pyodide (Node): {reason}. "
                         "Fix: run 'npm ci' in the repository root")
    compiled: dict[str, str] = json.loads(done.stdout)
    expected = {name + "c" for name in sources}
    if set(compiled) != expected:
        raise BuildError(f"{SCRIPT.name} compiled {sorted(compiled)}, expected {sorted(expected)}")
    return compiled
