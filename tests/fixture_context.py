"""A tiny, hand-made SiteContext for the widget tests: three risk factors, two warning
signs, one ordinary symptom and three exercises. Independent of content/, so the widget
tests say what the widgets do, not what today's content happens to contain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generators.content.context import SiteContext
from generators.content.schema import (
    CareCard,
    CareLevel,
    ChecklistItem,
    Claim,
    Dose,
    Exercise,
    Related,
    Review,
    Reviewer,
    RiskFactor,
    Section,
    Settings,
    SiteText,
    Symptom,
)

REVIEW = Review(
    last_reviewed=dt.date(2025, 1, 1),
    next_review=dt.date(2026, 1, 1),
    reviewer=Reviewer(name="Test Reviewer", role="Nurse"),
)
CLAIM = [Claim(statement="A claim.", refs=["ref-one"])]


def _factor(item_id: str, name: str, changeable: str, exercises: list[str]) -> RiskFactor:
    return RiskFactor(
        id=item_id,
        title=name,
        description=f"{name} and the calf pump.",
        review=REVIEW,
        related=Related(exercises=exercises),
        name=name,
        changeable=changeable,  # type: ignore[arg-type]
        what_it_does="It weakens the pump.",
        what_helps="Moving helps.",
        evidence=CLAIM,
        checklist=ChecklistItem(question=f"Do you have {name.lower()}?", detail=f"About {name.lower()}."),
    )


def _symptom(item_id: str, name: str, kind: str, urgency: str) -> Symptom:
    return Symptom(
        id=item_id,
        title=name,
        description=f"{name}.",
        review=REVIEW,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        urgency=urgency,  # type: ignore[arg-type]
        what_you_notice="You notice it.",
        why_it_happens="Because.",
        what_to_do="Do this.",
        evidence=CLAIM,
        checklist=ChecklistItem(question=f"Do you have {name.lower()} now?"),
    )


def _exercise(item_id: str, name: str) -> Exercise:
    return Exercise(
        id=item_id,
        title=name,
        description=f"{name}.",
        review=REVIEW,
        name=name,
        kind="exercise",
        where=["anywhere"],
        steps=["Do it."],
        dose=Dose(amount="10 times", how_often="twice a day"),
        take_care="Take care.",
        why_it_works="It squeezes the veins.",
        evidence=CLAIM,
    )


def make_context() -> SiteContext:
    exercises = {
        e.id: e
        for e in (
            _exercise("calf-raises", "Calf raises"),
            _exercise("ankle-pumps", "Ankle pumps"),
            _exercise("walking-breaks", "Walking breaks"),
        )
    }
    risk_factors = {
        f.id: f
        for f in (
            _factor("long-sitting", "Long sitting", "yes", ["walking-breaks", "ankle-pumps"]),
            _factor("stiff-ankles", "Stiff ankles", "partly", ["ankle-pumps", "calf-raises"]),
            _factor("aging", "Aging", "no", ["calf-raises"]),
        )
    }
    symptoms = {
        s.id: s
        for s in (
            _symptom("dvt-warning-signs", "Swollen painful calf", "warning-sign", "urgent"),
            _symptom("pe-warning-signs", "Sudden breathlessness", "warning-sign", "emergency"),
            _symptom("leg-cramps", "Leg cramps", "symptom", "self-care"),
        )
    }
    care = CareCard(
        emergency=CareLevel(
            title="Call an ambulance now",
            action="Call **your local emergency number** now [@ref-one].",
            signs=["pe-warning-signs"],
        ),
        urgent=CareLevel(
            title="See a doctor today",
            action="Get an appointment **today**.",
            signs=["dvt-warning-signs"],
        ),
    )
    return SiteContext(
        root=Path("content"),
        lang="en",
        settings=Settings(site_url="https://example.org/", languages=["en"], publisher="Test",
                          report_address="corrections@example.org"),
        site=_site_text(),
        care=care,
        references={},
        glossary={},
        items={"topic": {}, "risk-factor": dict(risk_factors), "symptom": dict(symptoms),
               "exercise": dict(exercises)},
        pages={},
        page_bodies={},
        data={},
    )


def _site_text() -> SiteText:
    return SiteText(
        name="Second Heart",
        tagline="Tag",
        description="Desc",
        disclaimer="Education, not medical advice.",
        emergency_number="your local emergency number (999, 911 or 112)",
        home_intro="Hello",
        audiences=[Section(heading="Readers", body="For you.")],
    )
