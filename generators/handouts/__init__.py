"""Stage 2d: print handouts, made from the SiteContext and printed to PDF by Chromium.

One handout per topic, exercise, symptom and risk-factor page, plus two sheets to write
on (a weekly exercise log and a "my plan" template), each a standalone HTML document
with its own print CSS, then a PDF of one or two pages:

    document.py   the frame: header (clinic or site), title, QR codes, review, sources
    items.py      the essentials of each kind of page      care.py    red flags by level
    sheets.py     the exercise log and the plan template   citations.py  numbered sources
    style.py      print CSS, paper and fonts               qr.py      QR codes as SVG (segno)
    branding.py   a clinic's name, logo, contact, colours  pdf.py     Chromium print-to-PDF
    output.py     write HTML + PDF into a folder, reprinting only what changed

Imports only stage 1 (generators.content) and the pictures, never pages, widgets, charts,
the build or a front end (tests/test_architecture.py). ``second-heart handouts`` runs it.
"""

from __future__ import annotations

from pathlib import Path

from generators.content.context import SiteContext
from generators.handouts.branding import Branding
from generators.handouts.document import Handout, Look
from generators.handouts.items import item_handouts
from generators.handouts.output import MANIFEST, Written, copy_pdfs, fresh_pdfs, write_handouts
from generators.handouts.pdf import chromium_path
from generators.handouts.sheets import exercise_log, my_plan
from generators.handouts.style import Paper


def site_look(ctx: SiteContext, font_dir: Path | None, paper: Paper = "fit") -> Look:
    """How this site's handouts look: settings.yml's ``clinic:`` (if any) as the branding,
    the given fonts and paper. ``second-heart handouts`` uses it; a build that copies the
    PDFs (``fresh_pdfs``) must make the handouts with the same look to recognise them."""
    clinic = ctx.settings.clinic
    return Look(branding=Branding.from_clinic(clinic) if clinic else None, paper=paper, font_dir=font_dir)


def make_handouts(ctx: SiteContext, look: Look | None = None) -> list[Handout]:
    """Every handout, as HTML: the pages' handouts in site order, then the two sheets."""
    look = look or Look()
    return [*item_handouts(ctx, look), exercise_log(ctx, look), my_plan(ctx, look)]


__all__ = ["MANIFEST", "Branding", "Handout", "Look", "Paper", "Written", "chromium_path", "copy_pdfs",
           "fresh_pdfs", "make_handouts", "site_look", "write_handouts"]
