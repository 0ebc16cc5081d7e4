"""Whose handout it is: the clinic branding a handout may carry, checked when it is made.

Without a ``Branding`` a handout shows the site's own name ("Second Heart"). A clinic's
branding (a clinic file builds one: ``generators.clinic.branding``) adds its logo, phone and address to the
header of every handout and tints the headings. Colours are ``#rrggbb`` and must keep
text readable on white paper (WCAG AA, 4.5:1); a logo is an SVG or PNG file's bytes,
shown through an ``<img>``, so an SVG logo can neither run script nor load anything.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from generators.content.schema import Clinic

#: The site's own colours (generators/assets/stylesheets/site.css, light scheme).
SITE_PRIMARY = "#a31515"
SITE_ACCENT = "#0d47a1"
#: WCAG AA contrast for normal text, which the headings and rules in these colours are.
MIN_CONTRAST = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_PNG = b"\x89PNG\r\n\x1a\n"
LOGO_MAX_BYTES = 256 * 1024


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21), either way round."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of ``colour`` against white paper (1 to 21)."""
    return contrast(colour, "#ffffff")


def logo_type(logo: bytes) -> str:
    """The media type of a logo's bytes: ``image/png`` or ``image/svg+xml``."""
    if logo.startswith(_PNG):
        return "image/png"
    head = logo[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in logo[:4096].lower():
        return "image/svg+xml"
    raise ValueError("Branding.logo must be the bytes of an SVG or PNG file; got neither. "
                     "Fix: give the logo file's contents, e.g. Path('logo.svg').read_bytes()")


@dataclass(frozen=True)
class Branding:
    """A clinic's name, contact and colours on its handouts. Raises ValueError when a
    field could not be printed as asked (a colour that is not ``#rrggbb`` or too light to
    read on paper, a logo that is not SVG or PNG or is too big)."""

    name: str
    logo: bytes | None = None  # an SVG or PNG file's contents
    phone: str | None = None
    address: str | None = None
    website: str | None = None
    primary: str = SITE_PRIMARY  # headings, the header rule
    accent: str = SITE_ACCENT  # boxes around doses and the QR panel

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("Branding.name is empty. Fix: give the clinic's name as patients know it")
        for key in ("primary", "accent"):
            colour = getattr(self, key)
            if not _HEX.match(colour):
                raise ValueError(f"Branding.{key} must be a colour written #rrggbb, got {colour!r}. "
                                 "Fix: write it like #0d47a1")
            ratio = contrast_on_white(colour)
            if ratio < MIN_CONTRAST:
                raise ValueError(f"Branding.{key} {colour} has a contrast of {ratio:.1f}:1 on white paper; "
                                 f"text needs at least {MIN_CONTRAST}:1. Fix: choose a darker colour")
        if self.logo is not None:
            if len(self.logo) > LOGO_MAX_BYTES:
                raise ValueError(f"Branding.logo is {len(self.logo) // 1024} KB; the limit is "
                                 f"{LOGO_MAX_BYTES // 1024} KB. Fix: use a smaller or simpler file")
            logo_type(self.logo)

    @classmethod
    def from_clinic(cls, clinic: Clinic) -> Branding:
        """The branding that settings.yml's ``clinic:`` gives (name and contact; no logo)."""
        return cls(name=clinic.name, phone=clinic.phone, address=clinic.address, website=clinic.website)

    def logo_data_url(self) -> str | None:
        """The logo as a ``data:`` address for an ``<img>``: the handout stays one file."""
        if self.logo is None:
            return None
        return f"data:{logo_type(self.logo)};base64,{base64.b64encode(self.logo).decode('ascii')}"
