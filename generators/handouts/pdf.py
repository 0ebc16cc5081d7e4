"""Print HTML handouts to PDF with headless Chromium, a real paged-media engine.

Chromium is run directly (``--print-to-pdf``), one process per handout with its own
throwaway profile, a few at a time; nothing else is needed (no Playwright, no driver).
It is found like the benchmarks find it: ``$CHROMIUM``, then Debian's usual paths, then
``chromium`` or ``google-chrome`` on the PATH. A missing browser, a crash or a time-out
is a ``BuildError`` that says what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generators.errors import BuildError

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--no-pdf-header-footer")
#: Chromium processes at once: two keeps the two cores of a build machine busy.
JOBS = 2
TIMEOUT_S = 90
NOT_FOUND = ("no Chromium was found to print the handouts (looked at $CHROMIUM, {paths} and the PATH). "
             "Fix: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM=/path/to/chromium")


def chromium_path(environ: Mapping[str, str] | None = None) -> str:
    """The Chromium to print with, or a BuildError that says how to get one."""
    environ = os.environ if environ is None else environ
    given = environ.get("CHROMIUM")
    if given:
        if Path(given).is_file() and os.access(given, os.X_OK):
            return given
        raise BuildError(f"CHROMIUM is set to {given}, which is not a program that can run. "
                         "Fix: point it at the Chromium binary, or unset it to use the installed one")
    for candidate in CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in NAMES:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    raise BuildError(NOT_FOUND.format(paths=", ".join(CANDIDATES)))


def print_pdf(chromium: str, html: Path, pdf: Path) -> None:
    """Print one HTML file to ``pdf`` (its own ``@page`` rules set paper and margins)."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="second-heart-chromium-") as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                   html.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise BuildError(f"Chromium took over {TIMEOUT_S} s to print {html}; nothing was written. Fix: "
                             "run again; if it keeps happening, open the HTML file in a browser") from exc
        except OSError as exc:
            raise BuildError(f"could not start Chromium ({chromium}): {exc.strerror or exc}. "
                             "Fix: check the install, or set CHROMIUM=/path/to/chromium") from exc
    if done.returncode != 0 or not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        said = " | ".join(line for line in done.stderr.splitlines()[-3:] if line.strip())
        raise BuildError(f"Chromium could not print {html} to PDF (exit code {done.returncode}): {said}")


def print_pdfs(jobs: Sequence[tuple[Path, Path]], chromium: str | None = None, workers: int = JOBS) -> None:
    """Print every (html, pdf) pair, ``workers`` Chromium processes at a time."""
    if not jobs:
        return
    chromium = chromium or chromium_path()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in [pool.submit(print_pdf, chromium, html, pdf) for html, pdf in jobs]:
            future.result()
