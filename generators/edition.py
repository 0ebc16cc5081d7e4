"""Which site a build makes: an ``Edition`` is a language and, for a clinic's branded
build, a clinic file.

The generic English site is ``Edition()``. Every edition is generated into a docs folder
of its own (``docs_dir``), so building one never disturbs another's files; the default
edition keeps ``build/docs``, the folder ``mkdocs.yml`` names, so that plain
``mkdocs build`` still works.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LANG = "en"


@dataclass(frozen=True)
class Edition:
    lang: str = DEFAULT_LANG
    clinic: Path | None = None  # a clinic file (clinics/<id>.yml), for a branded build

    @property
    def key(self) -> str:
        """A short name for folders and messages: ``en``, ``es``, ``clinic-acme-es``."""
        return self.lang if self.clinic is None else f"clinic-{self.clinic.stem}-{self.lang}"

    @property
    def is_default(self) -> bool:
        return self == GENERIC

    def docs_dir(self, project: Path) -> Path:
        if self.is_default:
            return project / "build" / "docs"
        return project / "build" / "editions" / self.key / "docs"


#: The generic site in the default language (what a plain ``second-heart build`` makes first).
GENERIC = Edition()


@contextmanager
def build_lock(project: Path, name: str = ".lock") -> Iterator[None]:
    """One build of a project at a time: two builds writing the same ``build/`` folder
    would delete each other's generated pages. A second build waits for the first.
    ``name``: a lock of its own, for builds whose folders no other build writes (a
    clinic's editions: ``build/editions/clinic-<id>-*``), so they may run side by side."""
    folder = project / "build"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
