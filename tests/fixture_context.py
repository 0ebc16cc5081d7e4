"""A tiny, hand-made SiteContext for the widget tests: three risk factors, three care
levels, three red flags (two asked as warning signs), one ordinary symptom and three
exercises with cautions. Independent of content/, so the widget tests say what the
widgets do, not what today's content happens to contain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generators.content.context import SiteContext
from generators.content.schema import (
    BuiltPage,
    CareCard,
    CareLevel,
    Caution,
    ChecklistItem,
    Claim,
    Dose,
    Exercise,
    RedFlag,
    Related,
    Review,
    Reviewer,
    RiskFactor,
    Section,
    Settings,
    ShownOn,
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


def _symptom(item_id: str, name: str, kind: str, care_level: str) -> Symptom:
    return Symptom(
        id=item_id,
        title=name,
        description=f"{name}.",
        review=REVIEW,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        care_level=care_level,
        what_you_notice="You notice it.",
        why_it_happens="Because.",
        what_to_do="Do this.",
        evidence=CLAIM,
        checklist=None if kind == "warning-sign" else ChecklistItem(question=f"Do you have {name.lower()}?"),
    )


def _exercise(item_id: str, name: str, take_care: list[Caution]) -> Exercise:
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
        take_care=take_care,
        why_it_works="It squeezes the veins.",
        evidence=CLAIM,
    )


def make_context() -> SiteContext:
    exercises = {
        e.id: e
        for e in (
            _exercise("calf-raises", "Calf raises", [
                Caution(text="**Balance:** hold on to a chair."),
                Caution(text="**Stiff ankles:** go gently.", risk_factors=["stiff-ankles"]),
            ]),
            _exercise("ankle-pumps", "Ankle pumps", [
                Caution(text="**Only if your nurse says so** [@ref-one].", always_in_plan=True),
                Caution(text="**Aging or stiff ankles:** ask first.", risk_factors=["aging", "stiff-ankles"]),
            ]),
            _exercise("walking-breaks", "Walking breaks", [
                Caution(text="**Long sitting:** stand up slowly. See [ankle pumps](exercise:ankle-pumps).",
                        risk_factors=["long-sitting"]),
            ]),
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
            _symptom("leg-cramps", "Leg cramps", "symptom", "soon"),
        )
    }
    care = CareCard(
        levels=[
            CareLevel(id="emergency", title="Call an ambulance now", admonition="danger",
                      action="Call **your local emergency number** now [@ref-one]."),
            CareLevel(id="urgent", title="See a doctor today", admonition="warning",
                      action="Get an appointment **today**."),
            CareLevel(id="soon", title="See a nurse soon", admonition="note",
                      action="Book a visit this week."),
        ],
        no_exercise="**Do not exercise that leg** until it is checked.",
        red_flags=[  # not in level order: the rules must not rely on it
            RedFlag(id="dvt-warning-signs", name="Swollen painful calf", level="urgent",
                    notice="One calf is swollen.", action="Rest that leg.", refs=["ref-one"],
                    emergency_if="you are also short of breath", page="dvt-warning-signs",
                    question="Is one calf swollen and painful?",
                    shown_on=ShownOn(risk_factors=["long-sitting", "stiff-ankles", "aging"])),
            RedFlag(id="pe-warning-signs", name="Sudden breathlessness", level="emergency",
                    notice="You are short of breath.", action="Call now.", refs=["ref-one"],
                    page="pe-warning-signs", question="Are you suddenly short of breath?"),
            RedFlag(id="calf-pain-walking", name="Calf pain when walking", level="soon",
                    notice="Your calf hurts when you walk.", action="See your doctor.", refs=["ref-one"],
                    shown_on=ShownOn(symptoms=["leg-cramps"])),
        ],
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
        ui=_ui_words(),
    )


def _ui_words() -> dict[str, dict[str, str]]:
    """The interface words: the project's own English ui.yml."""
    import yaml

    words: dict[str, dict[str, str]] = yaml.safe_load((PROJECT_UI).read_text("utf-8"))
    return words


PROJECT_UI = Path(__file__).resolve().parents[1] / "content" / "en" / "ui.yml"


def _site_text() -> SiteText:
    return SiteText(
        name="Second Heart",
        tagline="Tag",
        description="Desc",
        disclaimer="Education, not medical advice.",
        emergency_number="your local emergency number (999, 911 or 112)",
        home_intro="Hello",
        audiences=[Section(heading="Readers", body="For you.")],
        get_help=_built_page("Get help now"),
        demo=_built_page("Circulation demo"),
        checklist=_built_page("Leg health checklist"),
    )


def _built_page(title: str) -> BuiltPage:
    return BuiltPage(title=title, description=f"{title}.", intro="Words.", review=REVIEW)
