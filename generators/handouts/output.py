"""Write handouts into a folder: each as HTML and PDF, plus ``handouts.json``, reprinting
only what changed.

The folder ends up holding exactly the handouts given (old ones are removed): it is made
beside the old one and swapped in only when every PDF printed, so a failed run leaves the
previous handouts as they were. ``handouts.json`` records each handout's HTML digest;
a PDF whose HTML has not changed since it was printed is kept, not printed again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators.errors import BuildError
from generators.handouts.document import Handout
from generators.handouts.pdf import JOBS, print_pdfs

MANIFEST = "handouts.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Written:
    folder: Path
    printed: list[str]  # PDFs printed this time
    kept: list[str]  # PDFs kept from the last run (their HTML had not changed)
    seconds: float


def digest(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def read_manifest(folder: Path) -> dict[str, Any]:
    """What the last run wrote into ``folder``, by handout path (empty if nothing usable)."""
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    handouts = data.get("handouts")
    return handouts if isinstance(handouts, dict) else {}


def fresh_pdfs(handouts: Sequence[Handout], folder: Path) -> dict[str, Path]:
    """The PDFs in ``folder`` printed from these handouts exactly as they are now (by
    ``handouts.json``'s digests), by their path inside it: what a site build may copy
    without Chromium. A handout whose content changed since it was printed is left out."""
    recorded = read_manifest(folder)
    found = {}
    for handout in handouts:
        entry = recorded.get(handout.path, {})
        if isinstance(entry, dict) and entry.get("sha256") == digest(handout.html) \
                and (folder / handout.pdf).is_file():
            found[handout.pdf] = folder / handout.pdf
    return found


def check_out_dir(folder: Path) -> None:
    """Refuse a folder that a run would destroy: a file, or a non-empty folder that no run
    made (no ``handouts.json``). Touches nothing."""
    refuse = f"will not write the handouts into {folder}:"
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{refuse} it is a file, not a folder. Fix: choose another folder with --out")
    if folder.is_dir() and not (folder / MANIFEST).is_file() and any(folder.iterdir()):
        raise BuildError(f"{refuse} it is not empty and has no {MANIFEST}, so no handouts run made it, and "
                         "writing would delete what is in it. Fix: choose an empty or new folder with --out")


def write_handouts(handouts: Sequence[Handout], folder: Path, *, chromium: str | None = None,
                   workers: int = JOBS) -> Written:
    """Make ``folder`` hold these handouts as ``<path>.html`` and ``<path>.pdf``."""
    started = time.perf_counter()
    folder = folder.resolve()
    check_out_dir(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    before = read_manifest(folder)
    new = Path(tempfile.mkdtemp(prefix=".handouts-", dir=folder.parent))
    try:
        jobs, printed, kept, entries = [], [], [], {}
        for handout in handouts:
            html_path = new / f"{handout.path}.html"
            html_path.parent.mkdir(parents=True, exist_ok=True)
            html_path.write_text(handout.html, encoding="utf-8")
            sha = digest(handout.html)
            old_pdf = folder / handout.pdf
            if before.get(handout.path, {}).get("sha256") == sha and old_pdf.is_file():
                shutil.copy2(old_pdf, new / handout.pdf)
                kept.append(handout.pdf)
            else:
                jobs.append((html_path, new / handout.pdf))
                printed.append(handout.pdf)
            entries[handout.path] = {"title": handout.title, "kind": handout.kind, "item_id": handout.item_id,
                                     "pdf": handout.pdf, "page_url": handout.page_url,
                                     "demo_url": handout.demo_url, "sha256": sha}
        print_pdfs(jobs, chromium=chromium, workers=workers)
        manifest = {"version": MANIFEST_VERSION, "handouts": entries}
        text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
        (new / MANIFEST).write_text(text, encoding="utf-8")
        new.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
        swap_folder(new, folder)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return Written(folder=folder, printed=printed, kept=kept, seconds=time.perf_counter() - started)


def swap_folder(new: Path, folder: Path) -> None:
    """Put ``new`` in place of ``folder`` with renames (same disk); the old one is deleted."""
    old = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=".handouts-old-", dir=folder.parent)) / "old"
        folder.rename(old)
    try:
        new.rename(folder)
    except OSError:
        if old is not None:
            old.rename(folder)
            old.parent.rmdir()
        raise
    if old is not None:
        shutil.rmtree(old.parent, ignore_errors=True)


def copy_pdfs(folder: Path, target: Path) -> list[str]:
    """Put the PDFs of ``folder`` (a handouts folder) into ``target``, replacing what
    was there: e.g. a built site's ``handouts/``. Returns their paths inside it."""
    pdfs = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.pdf"))
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=".handouts-", dir=target.parent))
    try:
        for rel in pdfs:
            (new / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / rel, new / rel)
        new.chmod(0o755)
        swap_folder(new, target)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return pdfs
