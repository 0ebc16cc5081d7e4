"""One MkDocs build per language of a site, the first in this process and the others
(built into folders of its site: ``es/``) in a process of their own meanwhile, so that on
two cores a build of two languages takes about as long as its longest language.

``build_site`` (generators/build.py) calls ``build_language`` for the first language and
starts ``Others`` for the rest; the MkDocs hooks find what to generate for a site folder
in ``BUILDING`` (generators/mkdocs_hooks.py, generators/mkdocs_csp_hook.py).
"""

from __future__ import annotations

import multiprocessing
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators import offline
from generators.content.context import SiteContext
from generators.edition import Edition
from generators.errors import BuildError
from generators.handouts.site import HandoutMode


@dataclass
class Building:
    """One language of a ``build_site``, as the MkDocs hooks see it: they generate this
    edition from ``ctx`` (stage 1 ran once, for every language) and leave the swap to
    ``build_site``."""

    edition: Edition
    ctx: SiteContext
    handouts: HandoutMode  # "print", or "none" (``--no-handouts``; generators/handouts/site.py)
    #: Folders of this site that other languages are built into (its offline worker leaves them out).
    nested: tuple[str, ...] = ()
    #: Shared by every language of one build: the inline-style hashes of every page
    #: (generators/csp.py), and the offline workers Node is still writing (generators/offline).
    styles: set[str] = field(default_factory=set)
    workers: list[Any] = field(default_factory=list)


#: Site folders ``build_site`` is building into right now, and what each gets.
BUILDING: dict[Path, Building] = {}


def build_language(project: Path, part: Edition, into: Path, building: Building) -> Any:
    """MkDocs builds one language of the site into ``into`` (its hooks generate the pages
    from ``building``); returns its configuration."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    BUILDING[into] = building
    try:
        docs_dir = part.docs_dir(project)
        docs_dir.mkdir(parents=True, exist_ok=True)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(into), docs_dir=str(docs_dir),
                             strict=True)
        try:
            mkdocs_build(config)
        except (Abort, MkDocsException) as exc:
            raise BuildError(f"MkDocs could not build the site: {exc}") from exc
        return config
    finally:
        BUILDING.pop(into, None)


class Others:
    """The languages built into folders of the first's site (``es/``), in a process of their
    own while this one builds the first: on two cores the build takes about as long as its
    longest language. Each is built into ``folder`` and moved into the site by ``join``."""

    def __init__(self, project: Path, parts: list[tuple[Edition, str]], contexts: dict[str, SiteContext],
                 mode: HandoutMode, folder: Path) -> None:
        self.parts, self.folder = parts, folder
        self.receive, send = multiprocessing.Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(
            target=_build_others, args=(send, project, parts, contexts, mode, folder), daemon=True)
        self.process.start()
        send.close()

    def join(self, site: Path) -> set[str]:
        """Wait for them; move each into ``site``. Returns their pages' inline-style hashes."""
        try:
            outcome, value = self.receive.recv()
        except EOFError:
            outcome, value = "error", BuildError("the build of the other languages stopped without a word")
        self.process.join()
        if outcome == "error":
            raise value
        for _part, folder in self.parts:
            (self.folder / folder).rename(site / folder)
        self.folder.rmdir()
        return set(value)

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _build_others(send: Any, project: Path, parts: list[tuple[Edition, str]],
                  contexts: dict[str, SiteContext], mode: HandoutMode, folder: Path) -> None:
    """In the process ``Others`` starts: build each language, wait for its offline worker,
    and send back ("ok", style hashes) or ("error", the exception)."""
    styles: set[str] = set()
    workers: list[offline.PendingWorker] = []
    try:
        for part, name in parts:
            build_language(project, part, (folder / name).resolve(),
                            Building(part, contexts[part.lang], mode, (), styles, workers))
        while workers:
            workers.pop(0).wait()
        send.send(("ok", styles))
    except BaseException as exc:  # every failure goes back to the build, which reports it
        cancel(workers)
        try:
            send.send(("error", exc))
        except Exception:  # an exception that cannot be pickled: its message
            send.send(("error", BuildError(str(exc))))
    finally:
        send.close()


def cancel(workers: list[offline.PendingWorker], others: Others | None = None) -> None:
    while workers:
        workers.pop().cancel()
    if others is not None:
        others.cancel()
