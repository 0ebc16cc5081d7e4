"""A clinic's Spanish pages say its own numbers in Spanish, like its English pages do:
"Llame ahora al 999", "NHS 111", never the generic "(999, 911 o 112)"."""

from __future__ import annotations

from pathlib import Path

from generators.build import PROJECT, load_checked
from generators.edition import Edition


def _all_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        return "\n".join(_all_text(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return "\n".join(_all_text(v) for v in value)
    return ""


def test_the_spanish_care_card_of_a_uk_clinic_says_call_999_and_nhs_111() -> None:
    ctx = load_checked(PROJECT, Edition(lang="es", clinic=Path("clinics/example.yml")))
    care = _all_text(ctx.care)
    assert "Llame ahora al 999" in care
    assert "NHS 111" in care
    assert "911 o 112" not in care + _all_text(ctx.site)
    assert "(NHS 111 en el Reino Unido)" not in care  # the generic hint, not doubled after the clinic's
