"""Where a clinic is: its emergency number and where its patients get same-day help.

A preset per country gives both: the UK 999 and NHS 111, the US 911, the European Union
112. The words for same-day help are reader-visible, so a preset names a key of the
``clinic`` section of ui.yml (``urgent_care_gb``...) and each language says them in its
own words; a clinic may write its own (``locale.urgent_care``) and, for a country with no
preset, must give its emergency number (``locale.emergency_number``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: The member states of the European Union: 112 everywhere (EU Directive 2018/1972, art. 109).
EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
      "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")


@dataclass(frozen=True)
class Preset:
    emergency_number: str
    urgent_words: str  # a key of ui.yml's ``clinic`` section


PRESETS: dict[str, Preset] = {
    "GB": Preset("999", "urgent_care_gb"),
    "UK": Preset("999", "urgent_care_gb"),
    "US": Preset("911", "urgent_care_us"),
    "EU": Preset("112", "urgent_care_eu"),
    **{country: Preset("112", "urgent_care_eu") for country in EU},
}
#: Same-day help where no preset applies and the clinic wrote none.
OTHER_URGENT_WORDS = "urgent_care_other"

COUNTRY = re.compile(r"^[A-Z]{2}$")
EMERGENCY_NUMBER = re.compile(r"^[0-9]{2,6}$")


def preset_list() -> str:
    return "GB (or UK), US, EU, or an EU country code such as IE, FR or DE"


@dataclass(frozen=True)
class CallWords:
    """What a clinic's pages say instead of the generic site's wording."""

    emergency_number: str  # "999"
    urgent_care: str  # "NHS 111"


def call_words(country: str, emergency_number: str | None, urgent_care: str | None,
               words: Mapping[str, str]) -> CallWords:
    """The clinic's emergency number and same-day help words (``words``: ui.yml's ``clinic``
    section in the language being built). The file is checked first (checks.py)."""
    preset = PRESETS.get(country.upper())
    number = emergency_number or (preset.emergency_number if preset else "")
    urgent = urgent_care or words[preset.urgent_words if preset else OTHER_URGENT_WORDS]
    return CallWords(emergency_number=number, urgent_care=urgent)
