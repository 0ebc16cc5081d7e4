"""A clinic's branded edition of the site, from one file: ``clinics/<id>.yml``.

    model.py    the clinic file's keys (pydantic, like content/'s schema)
    load.py     read and validate it: located errors, all at once (ClinicErrors)
    checks.py   its values: WCAG AA contrast light and dark, phone, emergency number,
                languages with content, a safe logo inside the project
    locale.py   emergency number and same-day help presets (UK 999 + NHS 111, US 911, EU 112)
    apply.py    the context made the clinic's own: name, address, "call now" numbers,
                reviewer, contact, pages left out
    site.py     what the build adds: logo, colour stylesheet, footer, handout branding

Runs after stage 1 (it imports generators.content) and before the pages; the build
(``generators/build.py``) calls it for an ``Edition`` with a clinic file.
"""

from __future__ import annotations

from generators.clinic.apply import apply_clinic
from generators.clinic.load import ClinicErrors, LoadedClinic, load_clinic
from generators.clinic.site import ClinicSite, branding, check_left_out, clinic_site

__all__ = ["ClinicErrors", "ClinicSite", "LoadedClinic", "apply_clinic", "branding", "check_left_out",
           "clinic_site", "load_clinic"]
