"""The handouts in a site build: print what changed, and hand the PDFs to the site.

``second-heart build`` prints the handouts into the site by default (``--no-handouts``
leaves them out), through the same folder ``second-heart handouts`` writes
(``build/handouts/``, or beside an edition's docs folder), so a warm build prints only
the handouts whose HTML changed since they were printed (``handouts.json``) and copies the
rest. The live preview and plain ``mkdocs build`` never start Chromium: they publish the
PDFs that are already printed from the content as it is now, and leave out the others.

The PDFs go into the site as ``handouts/<path>.pdf`` (``SITE_FOLDER``): the pages link to
them (generators/embeds/views.py ``handout_pdf``, which must name them the same way).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.handouts import make_handouts, site_look
from generators.handouts.branding import Branding
from generators.handouts.output import fresh_pdfs, write_handouts

#: print: print what changed (a build); fresh: only PDFs already printed from this content
#: (serve, plain mkdocs build); none: no handouts and no links to them (--no-handouts).
HandoutMode = Literal["print", "fresh", "none"]
SITE_FOLDER = "handouts"
FONTS = Path("node_modules") / "@fontsource" / "atkinson-hyperlegible" / "files"


@dataclass(frozen=True)
class SiteHandouts:
    files: dict[str, bytes] = field(default_factory=dict)  # site path ("handouts/exercise-log.pdf") -> PDF
    printed: list[str] = field(default_factory=list)  # PDFs printed by this build
    seconds: float = 0.0


def site_handouts(ctx: SiteContext, project: Path, folder: Path, mode: HandoutMode,
                  branding: Branding | None = None) -> SiteHandouts:
    """The handout PDFs for the site of ``ctx``, kept in ``folder`` between builds;
    ``branding``: a clinic's (generators/clinic), instead of settings.yml's ``clinic:``."""
    if mode == "none":
        return SiteHandouts()
    started = time.perf_counter()
    look = site_look(ctx, project / FONTS)  # as `second-heart handouts` makes them
    if branding is not None:
        look = replace(look, branding=branding)
    handouts = make_handouts(ctx, look)
    printed: list[str] = []
    if mode == "print":
        try:
            written = write_handouts(handouts, folder)  # Chromium only if a handout changed
        except BuildError as exc:
            raise BuildError(f"{exc}. Or build the site without handouts: second-heart build --no-handouts"
                             ) from exc
        printed = written.printed
        pdfs = {handout.pdf: written.folder / handout.pdf for handout in handouts}
    else:
        pdfs = fresh_pdfs(handouts, folder)
    files = {f"{SITE_FOLDER}/{name}": path.read_bytes() for name, path in sorted(pdfs.items())}
    return SiteHandouts(files=files, printed=printed, seconds=time.perf_counter() - started)
