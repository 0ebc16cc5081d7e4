"""Clinics' sites: one clinic file → one branded site (``build --clinic``), and every
clinic file at once (``build --all-clinics``).

A clinic's site is ``build_site`` of the edition ``Edition(lang=<its first language>,
clinic=<its file>)``: its first language at the site's root, each other one in a folder
named by its code (generators/languages.py), swapped into place in one piece. The default
folder is ``site-clinics/<id>/`` (git-ignored).

``--all-clinics`` builds each ``clinics/*.yml`` in a process of its own (``second-heart
build --clinic``), as many at a time as there are cores: a clinic's bad file, or a crash,
stops only that clinic, whose previous site stays as it was; the others are built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generators.build import BuildReport, build_site
from generators.clinic import load_clinic
from generators.edition import Edition
from generators.errors import BuildError

#: Where clinics' sites go unless --out says otherwise (git-ignored).
CLINIC_SITES = "site-clinics"


def clinic_out(project: Path, clinic_file: Path) -> Path:
    return project / CLINIC_SITES / clinic_file.stem


def build_clinic(project: Path, clinic_file: Path, out: Path | None = None) -> BuildReport:
    """Build one clinic's site into ``out`` (default ``site-clinics/<id>/``)."""
    project = project.resolve()
    loaded = load_clinic(project, clinic_file)  # its problems first, before anything else
    edition = Edition(lang=loaded.clinic.locale.languages[0], clinic=clinic_file.resolve())
    return build_site(project, out or clinic_out(project, clinic_file), edition)


@dataclass(frozen=True)
class ClinicResult:
    clinic: Path
    site_dir: Path
    ok: bool
    seconds: float
    output: str  # what its build printed (its report, or its problems)


def clinic_files(project: Path) -> list[Path]:
    folder = project / "clinics"
    found = folder.glob("*.y*ml") if folder.is_dir() else iter(())
    files = sorted(path for path in found if path.suffix in (".yml", ".yaml"))
    if not files:
        raise BuildError(f"{folder} holds no clinic files. Fix: copy clinics/example.yml to "
                         "clinics/<your-clinic>.yml and fill it in (README: 'For clinics')")
    return files


def build_all_clinics(project: Path, workers: int | None = None) -> list[ClinicResult]:
    """Every clinic's site, each in a process of its own, ``workers`` (default: the
    number of cores) at a time. Never raises for one clinic's failure: see ``ok``."""
    project = project.resolve()
    files = clinic_files(project)
    workers = max(1, min(len(files), workers or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each thread waits on one process
        return list(pool.map(lambda path: _build_in_process(project, path), files))


def _build_in_process(project: Path, clinic_file: Path) -> ClinicResult:
    started = time.perf_counter()
    command = [sys.executable, "-m", "generators.cli", "--project", str(project), "build",
               "--clinic", str(clinic_file)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (done.stdout + done.stderr).strip()
    return ClinicResult(clinic=clinic_file, site_dir=clinic_out(project, clinic_file),
                        ok=done.returncode == 0, seconds=time.perf_counter() - started, output=output)
