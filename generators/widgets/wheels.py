"""Deterministic wheels of the browser packages, and the site's ``pyodide-lock.json``.

``calf_pump`` (the leg model) and ``risk_checklist`` (the checklist's rules) ship to the
browser as pure-Python wheels, built reproducibly (fixed timestamps, sorted entries) so
the sha256 in the lockfile only changes when the code does. They are registered with
pyodide-lock's ``add_wheels_to_spec`` (the function behind ``pyodide lockfile
add-wheels``), so ``loadPackage`` checks each wheel's sha256 in the browser. The site's
wheels also hold their modules' bytecode for the browser's Python (``bytecode.py``).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generators.errors import BuildError
from generators.widgets.bytecode import pyodide_bytecode


@dataclass(frozen=True)
class BrowserPackage:
    """A pure-Python package from interactive/ that ships to the browser as a wheel."""

    import_name: str
    summary: str

    def source(self, project: Path) -> Path:
        return project / "interactive" / self.import_name


BROWSER_PACKAGES = (
    BrowserPackage("calf_pump", "Calf muscle pump model: a lower leg's veins, valves and pressures."),
    BrowserPackage("risk_checklist", "Rules of the Second Heart risk-factor checklist."),
)

# Fixed wheel timestamp (the earliest a zip can hold), so rebuilding unchanged code gives
# byte-identical wheels and an unchanged sha256 in the lockfile.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP_NAMES = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_SKIP_SUFFIXES = {".pyc", ".pyo", ".md"}


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def package_version(package_dir: Path) -> str:
    """``__version__`` from the package's ``__init__.py``, else the project's version
    (from the pyproject.toml two folders up: ``<project>/interactive/<package>``)."""
    init = package_dir / "__init__.py"
    if init.is_file():
        found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', init.read_text("utf-8"), re.M)
        if found:
            return found.group(1)
    project = tomllib.loads((package_dir.parents[1] / "pyproject.toml").read_text("utf-8"))
    return str(project["project"]["version"])


def _package_files(package_dir: Path) -> list[Path]:
    files = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if any(part in _SKIP_NAMES or part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix not in _SKIP_SUFFIXES:
            files.append(path)
    return files


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permission bits below are read
    info.external_attr = 0o100644 << 16
    archive.writestr(info, data, compresslevel=9)


def build_wheel(
    package_dir: Path,
    out_dir: Path,
    summary: str,
    version: str | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write a pure-Python ``py3-none-any`` wheel (PEP 427) of one import package.

    ``extra_files`` (path inside the package -> bytes) adds data made at build time.
    Deterministic: same files in, same bytes out. Returns the wheel's path.
    """
    if not (package_dir / "__init__.py").is_file():
        raise BuildError(
            f"{package_dir}: expected a Python package with __init__.py, found none. "
            "Fix: add interactive/<package>/__init__.py (the browser imports it as a package)"
        )
    name = package_dir.name
    version = version or package_version(package_dir)
    dist_info = f"{name}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{name}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in _package_files(package_dir)
    ]
    entries += [(f"{name}/{rel}", data) for rel, data in sorted((extra_files or {}).items())]
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {name}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
        "Requires-Python: >=3.12\n"
    )
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: second-heart (generators/widgets/wheels.py)\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )
    entries += [
        (f"{dist_info}/METADATA", metadata.encode()),
        (f"{dist_info}/WHEEL", wheel.encode()),
        (f"{dist_info}/top_level.txt", f"{name}\n".encode()),
    ]
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for entry_name, data in entries:
        writer.writerow([entry_name, _record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    entries.append((f"{dist_info}/RECORD", record.getvalue().encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}-{version}-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry_name, data in entries:
            _zip_entry(archive, entry_name, data)
    target.write_bytes(buffer.getvalue())
    return target


def write_lockfile(pyodide_dir: Path, wheels: list[Path], source_lock: Path) -> Path:
    """Write ``pyodide_dir/pyodide-lock.json`` listing only our wheels, with their sha256.

    The npm lockfile lists 350 packages the site never loads; keeping only its ``info``
    (Python version, platform, ABI) makes the file small and makes ``loadPackage`` refuse
    anything else. The wheels are registered by ``add_wheels_to_spec``, the function the
    ``pyodide lockfile add-wheels`` command runs, with file names relative to the lockfile.
    """
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    npm_lock = json.loads(source_lock.read_text("utf-8"))
    base = PyodideLockSpec.from_dict({"info": npm_lock["info"], "packages": {}})
    try:
        spec = add_wheels_to_spec(base, wheels, base_path=pyodide_dir)
    except RuntimeError as err:  # incompatible wheel tags, unreadable metadata
        raise BuildError(f"{source_lock}: could not add the widget wheels: {err}") from err
    target = pyodide_dir / "pyodide-lock.json"
    spec.to_json(target, indent=1)
    return target


def wheel_files(project: Path, pyodide_lock: Path, pyodide_dir: str,
                extra_files: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    """The wheels and their lockfile, as site files under ``pyodide_dir``.

    ``extra_files`` adds data made at build time to a package's wheel, by import name.
    Each wheel also carries the bytecode of its modules for the Pyodide next to
    ``pyodide_lock`` (``bytecode.py``: the browser then compiles nothing).
    The lockfile tooling reads wheels from disk, so they are built in a scratch folder.
    """
    runtime = pyodide_lock.parent
    sources = {f"{p.import_name}/{path.relative_to(p.source(project)).as_posix()}": path.read_bytes()
               for p in BROWSER_PACKAGES for path in _package_files(p.source(project))
               if path.suffix == ".py"}
    compiled = pyodide_bytecode(runtime, sources)
    with tempfile.TemporaryDirectory(prefix="second-heart-wheels-") as scratch:
        out = Path(scratch)
        wheels = []
        for p in BROWSER_PACKAGES:
            prefix = f"{p.import_name}/"
            extra = {name.removeprefix(prefix): data
                     for name, data in compiled.items() if name.startswith(prefix)}
            extra.update(extra_files.get(p.import_name) or {})
            wheels.append(build_wheel(p.source(project), out, p.summary, extra_files=extra))
        lockfile = write_lockfile(out, wheels, pyodide_lock)
        return {f"{pyodide_dir}/{path.name}": path.read_bytes() for path in [*wheels, lockfile]}
