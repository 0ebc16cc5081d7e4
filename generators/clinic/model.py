"""The clinic file (``clinics/<id>.yml``): one typed model per block, one documented field
per key. Shapes and types only; the values' own rules (a colour's contrast, a phone
number's digits, a logo's safety, a language with content) are in ``checks.py``, which
reports them as located errors like every other content problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from generators.content.schema import EmbedSettings, Strict, Text

HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
SiteUrl = Annotated[str, StringConstraints(pattern=r"^https://\S+/$")]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
#: Words patients read: one text, or, for a clinic that builds several languages, one text per
#: language (``{en: "Monday to Friday", es: "De lunes a viernes"}``; checks.py asks for every one).
Words = Text | dict[Lang, Text]


def in_language(value: Words | None, lang: str) -> str | None:
    """The text of ``value`` for ``lang`` (a plain text is the same in every language)."""
    return value.get(lang) if isinstance(value, dict) else value


class Colours(Strict):
    """``#rrggbb`` colours. ``primary`` is the header's background (white text on it) and
    the colour of links on white pages; ``accent`` marks link hovers, buttons and focus on
    white; ``dark_accent`` does both jobs on the dark scheme's background (default: the
    accent, lightened until it is readable there)."""

    primary: Text
    accent: Text
    dark_accent: Text | None = None


class Contact(Strict):
    """How patients reach the clinic: shown in the footer and on every care card."""

    phone: Text  # as patients dial it, e.g. "0161 496 0000" or "+1 555 0100"
    address: Words | None = None
    opening_hours: Words | None = None  # e.g. "Monday to Friday, 8am to 6pm"
    website: HttpsUrl | None = None
    ask_us: Words | None = None  # one sentence, e.g. "Questions about your legs? Ask any of our nurses."


class Locale(Strict):
    """Where the clinic is: the emergency number and urgent-care words every "call now"
    sentence uses (a preset for the country, or set here), and the languages to build."""

    country: Text  # two letters: GB (or UK), US, IE, DE, FR...; EU for the 112 preset
    emergency_number: Text | None = None  # only when the country has no preset, or to change it
    urgent_care: Text | None = None  # where to get same-day help, e.g. "NHS 111"
    languages: list[Lang] = Field(default=["en"], min_length=1)


class ClinicReviewer(Strict):
    """The clinician who signed off this clinic's pages, shown on every page."""

    name: Text
    role: Words
    date: dt.date  # the day they signed off; on or after every page's last review


class ClinicFile(Strict):
    """clinics/<id>.yml: everything a clinic's site shows as "our clinic"."""

    name: Text  # the clinic's name as patients know it: the header, the footer, care cards
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=24, strip_whitespace=True)]
    logo: Text  # an SVG or PNG file inside the project, e.g. clinics/acme-logo.svg
    colours: Colours
    contact: Contact
    locale: Locale
    site_url: SiteUrl  # where the clinic publishes its site, ending with '/'
    leave_out: list[Text] = Field(default_factory=list)  # free pages to leave out, by id
    embed: EmbedSettings | None = None  # which sites may frame the pages (as settings.yml's embed:)
    reviewer: ClinicReviewer


#: The clinic file's keys whose words patients read, as (block, key): per language when it builds several.
WORDS_KEYS = (("contact", "address"), ("contact", "opening_hours"), ("contact", "ask_us"),
              ("reviewer", "role"))


def for_language(clinic: ClinicFile, lang: str) -> ClinicFile:
    """The clinic file with every per-language text resolved to ``lang``'s."""
    contact = clinic.contact.model_copy(update={key: in_language(getattr(clinic.contact, key), lang)
                                                for block, key in WORDS_KEYS if block == "contact"})
    reviewer = clinic.reviewer.model_copy(update={"role": in_language(clinic.reviewer.role, lang)})
    return clinic.model_copy(update={"contact": contact, "reviewer": reviewer})
