"""The clinic file's values, checked: colours readable where the site uses them (WCAG AA,
light and dark), a phone number and an emergency number that can be dialled, a country
with a preset or an emergency number, languages the project has content for, a safe
logo inside the project. Each problem is a located
``ContentError``; the loader reports them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generators.clinic import locale
from generators.clinic.model import WORDS_KEYS, ClinicFile
from generators.content.svg import check_svg
from generators.content.yaml_source import KeyPath, YamlFile, describe, dotted
from generators.errors import ContentError
from generators.handouts.branding import LOGO_MAX_BYTES, MIN_CONTRAST, contrast, logo_type

#: Material's backgrounds: white pages, and the dark ("slate") scheme's page background
#: (hsl(225, 15%, 14%) in Material 9's palette.css).
WHITE = "#ffffff"
SLATE = "#1e2129"
#: An SVG logo is drawn, not photographed: it stays small.
LOGO_MAX_SVG_BYTES = 32 * 1024
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_PNG = b"\x89PNG\r\n\x1a\n"

Report = Callable[[KeyPath, str, str, str], None]


def check_values(clinic: ClinicFile, file: YamlFile, project: Path) -> list[ContentError]:
    """Every rule on the values of a clinic file that passed the schema."""
    errors: list[ContentError] = []

    def report(path: KeyPath, expected: str, received: str, hint: str) -> None:
        errors.append(ContentError(file.rel, dotted(path), expected, received, hint, file.line_of(path)))

    _colours(clinic, report)
    _phone(clinic.contact.phone, report)
    _locale(clinic, project, report)
    _words(clinic, [lang for lang in clinic.locale.languages if (project / "content" / lang).is_dir()],
           report)
    _logo(clinic.logo, project, report)
    return errors


def _colours(clinic: ClinicFile, report: Report) -> None:
    colours = clinic.colours
    uses = [
        ("primary", colours.primary, WHITE, "white text on it in the header, and links on white pages"),
        ("accent", colours.accent, WHITE, "links under the pointer, buttons and focus rings on white pages"),
    ]
    if colours.dark_accent is not None:
        uses.append(("dark_accent", colours.dark_accent, SLATE,
                     f"links and buttons on the dark scheme's background ({SLATE})"))
    for key, colour, background, where in uses:
        if not _HEX.match(colour):
            report(("colours", key), "a colour written #rrggbb (six hexadecimal digits)", describe(colour),
                   "write it like #0d47a1")
            continue
        ratio = contrast(colour, background)
        if ratio < MIN_CONTRAST:
            darker = "a darker colour" if background == WHITE else "a lighter colour"
            report(("colours", key), f"a contrast of at least {MIN_CONTRAST}:1 with {background} ({where})",
                   f"{colour}, which has {ratio:.2f}:1", f"choose {darker}")


def dark_accent(clinic: ClinicFile) -> str:
    """The accent for the dark scheme: the clinic's own, or its accent mixed with white
    until it reads on the dark background (white itself always does, at 16:1)."""
    if clinic.colours.dark_accent is not None:
        return clinic.colours.dark_accent
    base = [int(clinic.colours.accent[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 100):02x}" for c in base)
        if contrast(mixed, SLATE) >= MIN_CONTRAST + 0.5:  # a margin: the scheme's tints vary a little
            return mixed
    return WHITE


def _phone(phone: str, report: Report) -> None:
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE.match(phone) or not 5 <= digits <= 15:
        report(("contact", "phone"), "a phone number as patients dial it: 5 to 15 digits, with spaces, "
               "brackets, dots, hyphens or a leading + if you like", describe(phone),
               "write only the number, e.g. 0161 496 0000 or +1 555 010 0100; put words in contact.ask_us")


def tel_href(phone: str) -> str:
    """A ``tel:`` address for a checked phone number: its digits and a leading +."""
    plus = "+" if phone.strip().startswith("+") else ""
    return "tel:" + plus + "".join(ch for ch in phone if ch.isdigit())


def _locale(clinic: ClinicFile, project: Path, report: Report) -> None:
    where = clinic.locale
    country = where.country.upper()
    if not locale.COUNTRY.match(where.country.strip()):
        report(("locale", "country"), "a two-letter country code such as GB, US or IE",
               describe(where.country),
               "write the country's two-letter code (ISO 3166), in capitals")
    elif where.emergency_number is None and country not in locale.PRESETS:
        report(("locale", "country"), f"a country with a preset ({locale.preset_list()}), or "
               "locale.emergency_number", f"'{where.country}', which has no preset",
               "add emergency_number: (and urgent_care:) under locale with your country's numbers")
    if where.emergency_number is not None and not locale.EMERGENCY_NUMBER.match(where.emergency_number):
        report(("locale", "emergency_number"), "the emergency number as digits only, like 911, 999 or 112",
               describe(where.emergency_number), "write just the digits people dial, without spaces or words")
    content = project / "content"
    for index, lang in enumerate(where.languages):
        if not (content / lang).is_dir():
            have = ", ".join(sorted(p.name for p in content.iterdir() if p.is_dir() and len(p.name) == 2))
            report(("locale", "languages", index), f"a language this project has content for ({have})",
                   f"'{lang}', which has no content/{lang}/ folder",
                   f"remove '{lang}', or build it once content/{lang}/ has been translated")


def _words(clinic: ClinicFile, languages: list[str], report: Report) -> None:
    """A clinic that builds several languages (those with content; a language without is
    reported by ``_locale``) gives the words patients read in each of them."""
    wanted = ", ".join(languages)
    for block, key in WORDS_KEYS:
        value = getattr(getattr(clinic, block), key)
        if value is None:
            continue
        if isinstance(value, str):
            if len(languages) > 1:
                report((block, key), f"one text per language the clinic builds ({wanted})", "one text",
                       "write it as {" + ", ".join(f"{lang}: ..." for lang in languages) + "}")
            continue
        for lang in languages:
            if lang not in value:
                report((block, key), f"a text for every language the clinic builds ({wanted})",
                       f"none for '{lang}'", f"add {lang}: with the words in that language")


def _logo(logo: str, project: Path, report: Report) -> None:
    path = (project / logo).resolve()
    if Path(logo).is_absolute() or not path.is_relative_to(project.resolve()):
        report(("logo",), "a file inside the project, written relative to it (e.g. clinics/acme-logo.svg)",
               describe(logo), "copy the logo into the project's clinics/ folder and name it from there")
        return
    if path.suffix.lower() not in (".svg", ".png"):
        report(("logo",), "an SVG or PNG file", describe(logo), "save the logo as .svg (best) or .png")
        return
    if not path.is_file():
        report(("logo",), "a logo file that exists", f"'{logo}', which is not there",
               "check the spelling, or copy the logo file to that place")
        return
    data = path.read_bytes()
    if path.suffix.lower() == ".png":
        if not data.startswith(_PNG):
            report(("logo",), "a PNG file", f"'{logo}', whose contents are not PNG",
                   "save the logo as PNG again")
        elif len(data) > LOGO_MAX_BYTES:
            report(("logo",), f"a PNG of at most {LOGO_MAX_BYTES // 1024} KB", f"{len(data) // 1024} KB",
                   "make it smaller (a logo 200 pixels high is enough), or use an SVG")
        return
    unsafe = check_svg(data, logo, max_bytes=LOGO_MAX_SVG_BYTES)
    for problem in unsafe:
        where = f"line {problem.line}: " if problem.line else ""
        report(("logo",), f"a safe SVG logo: {problem.expected}", f"{where}{problem.received} in {logo}",
               problem.hint)
    try:
        logo_type(data)  # the handouts show it as an image of this type
    except ValueError:
        if not unsafe:
            report(("logo",), "an SVG file that starts with <svg or <?xml", f"'{logo}', which does not",
                   "remove what comes before the <svg> tag (comments, a byte-order mark...)")
