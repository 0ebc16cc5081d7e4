"""The content schema: one typed model per kind of content in content/.

Every prose field is Markdown. Citations are written inline as ``[@reference-id]`` and
must name an entry of content/references.yml; cross-links between items use their
stable ``id``. Ids are lowercase words joined by hyphens and never change once
published, because pages, the checklist, handouts and embeds all point at them.

Language: prose lives under ``content/<lang>/`` (``en`` today); references and
settings are language-neutral. A translation is a second folder with the same ids.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Markdown = Annotated[str, StringConstraints(min_length=1)]


class Strict(BaseModel):
    """Base: unknown keys are errors, nothing is coerced, nothing is mutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# ---------------------------------------------------------------------------- shared


class Reviewer(Strict):
    name: Text
    role: Text
    # In the JSON-LD: an editorial team is an Organization; a named clinician (a clinic's
    # reviewer, generators/clinic) is a Person.
    kind: Literal["organization", "person"] = "organization"


class Review(Strict):
    """Page metadata shown at the foot of each page and in its JSON-LD."""

    last_reviewed: dt.date
    next_review: dt.date
    reviewer: Reviewer


class Claim(Strict):
    """One evidence statement and the references that support it."""

    statement: Markdown
    refs: list[Id] = Field(min_length=1)
    figure: Text | None = None  # e.g. "odds ratio 1.9 (95% CI 1.3 to 2.8)"


class Section(Strict):
    heading: Text
    body: Markdown


class Related(Strict):
    topics: list[Id] = []
    risk_factors: list[Id] = []
    symptoms: list[Id] = []
    exercises: list[Id] = []


class ChecklistItem(Strict):
    """How an item appears in the risk-factor checklist: a yes/no question."""

    question: Text
    detail: Text | None = None


class PageBase(Strict):
    id: Id
    title: Text
    description: Text  # one sentence: meta description and index cards
    review: Review
    related: Related = Related()


# ---------------------------------------------------------------------------- kinds


class Topic(PageBase):
    """An article, e.g. what the calf muscle pump is and why it is called a second heart."""

    order: int = Field(ge=0)
    key_points: list[Markdown] = Field(min_length=1, max_length=6)
    sections: list[Section] = Field(min_length=1)
    charts: list[Id] = []  # chart ids (generators/charts), placed after the sections
    widgets: list[Id] = []  # in-browser widget ids (generators/widgets), placed after the charts
    figures: list[Figure] = []  # labelled diagrams, placed after the sections


class RiskFactor(PageBase):
    name: Text  # short label, e.g. "Long sitting"
    changeable: Literal["yes", "partly", "no"]
    what_it_does: Markdown  # what it does to the pump
    what_helps: Markdown
    evidence: list[Claim] = Field(min_length=1)
    checklist: ChecklistItem


class Symptom(PageBase):
    name: Text
    kind: Literal["symptom", "warning-sign"]  # a warning sign is the page of one red flag
    # How fast to get help when it is new, worse or will not settle: the id of a level
    # in care.yml. A warning sign has the level of its red flag.
    care_level: Id
    what_you_notice: Markdown
    why_it_happens: Markdown
    what_to_do: Markdown  # what helps; when to get help comes from care.yml's red flags
    evidence: list[Claim] = Field(min_length=1)
    # A yes/no question about the symptom. Not for warning signs: the checklist asks
    # those from their red flag in care.yml.
    checklist: ChecklistItem | None = None


class Dose(Strict):
    amount: Text  # e.g. "15 to 20 times"
    how_often: Text  # e.g. "2 or 3 times a day"


class Picture(Strict):
    """A drawing the build makes (generators/pictures), with words for people who cannot see it."""

    picture: Id  # a picture id, e.g. "calf-raises-rise"
    alt: Text  # what it shows, start and end position; reading grade 6 or lower


class Figure(Picture):
    """A labelled diagram on a topic page, after its sections."""

    caption: Markdown  # one or two sentences, cited


class Caution(Strict):
    """One "take care" point of an exercise, shown on its page and, when it applies to
    someone's answers, with the exercise in the checklist's plan."""

    text: Markdown  # e.g. "**Pregnancy:** ... [@source]"
    risk_factors: list[Id] = []  # ticked risk factors it applies to, by id
    always_in_plan: bool = False  # shown with the exercise in every plan, whatever is ticked
    picture: Picture | None = None  # e.g. the safer way to do it, for this group of readers


class ExerciseDemo(Strict):
    """The small live demo on an exercise page (generators/widgets/exercise_demo.py): the
    calf-pump model sits or stands still, then does this exercise."""

    preset: Id  # what the model does: a calf_pump.presets id, e.g. "seated-ankle-pumps"
    doing: Text  # the exercise's column, e.g. "Doing ankle pumps"; grade 6 or lower
    note: Text | None = None  # one plain sentence under the numbers; grade 6 or lower


class Exercise(PageBase):
    name: Text
    kind: Literal["exercise", "habit"]
    where: list[Text] = Field(min_length=1)  # e.g. "sitting at a desk"
    steps: list[Text] = Field(min_length=1)  # plain steps, grade 6 or lower
    pictures: list[Picture] = []  # one per step, in the same order
    dose: Dose
    routines: list[Text] = []  # daily moments to tie it to
    take_care: list[Caution] = Field(min_length=1)  # who should take care or ask first
    why_it_works: Markdown
    evidence: list[Claim] = Field(min_length=1)
    demo: ExerciseDemo | None = None  # a live demo of the exercise, on its page


class GlossaryTerm(Strict):
    id: Id
    term: Text
    definition: Text  # plain words, one or two sentences: shown as a tooltip
    aliases: list[Text] = []
    refs: list[Id] = []


class CareLevel(Strict):
    """How fast to get help, as NHS pages say it: e.g. "Get seen today"."""

    id: Id  # what symptoms and red flags name, e.g. "urgent"
    title: Text  # e.g. "Get seen today"
    admonition: Literal["danger", "warning", "note"]  # the Material box it is shown in
    action: Markdown  # how to get this help: whom to call, where to go


class ShownOn(Strict):
    """The pages whose "When to get help" section lists a red flag, by id."""

    symptoms: list[Id] = []
    risk_factors: list[Id] = []
    exercises: list[Id] = []


class RedFlag(Strict):
    """A sign that needs care at a given level, and what to do about it."""

    id: Id
    name: Text  # short label, e.g. "A cold, pale, numb or very painful leg"
    level: Id  # the id of one of the care levels
    notice: Markdown  # what the person notices
    action: Markdown  # what to do, including first aid
    # For a less urgent level: when to call the emergency number instead, completing
    # "<most urgent level's title> if ...", e.g. "you are struggling to breathe".
    emergency_if: Markdown | None = None
    refs: list[Id] = Field(min_length=1)  # the sources of its wording and its level
    page: Id | None = None  # a warning-sign symptom that explains it in full
    shown_on: ShownOn = ShownOn()  # besides the "Get help now" page and its own page
    question: Text | None = None  # asked as a yes/no warning sign in the checklist


class CareCard(Strict):
    """content/<lang>/care.yml, the safety net: how fast to get help (the levels, most
    urgent first) and the signs that need it. The "Get help now" page, every symptom,
    risk-factor and exercise page, and the checklist draw from it."""

    levels: list[CareLevel] = Field(min_length=1)  # most urgent first
    no_exercise: Markdown  # shown when a warning sign is ticked: do not exercise that leg
    red_flags: list[RedFlag] = Field(min_length=1)  # in the order pages list them

    @property
    def most_urgent(self) -> CareLevel:
        return self.levels[0]

    def rank(self, level_id: str) -> int:
        """0 for the most urgent level; unknown ids sort last."""
        ids = [level.id for level in self.levels]
        return ids.index(level_id) if level_id in ids else len(ids)

    def level(self, level_id: str) -> CareLevel:
        return self.levels[min(self.rank(level_id), len(self.levels) - 1)]

    def flags_at(self, level_id: str) -> list[RedFlag]:
        return [flag for flag in self.red_flags if flag.level == level_id]

    def flags_on(self, field: str, item_id: str) -> list[RedFlag]:
        """The red flags a page lists, most urgent first: those whose ``shown_on.<field>``
        names it, and for a symptom page the red flag it explains."""
        found = [f for f in self.red_flags
                 if item_id in getattr(f.shown_on, field) or (field == "symptoms" and f.page == item_id)]
        return sorted(found, key=lambda flag: self.rank(flag.level))

    def flag_explained_by(self, symptom_id: str) -> RedFlag | None:
        return next((flag for flag in self.red_flags if flag.page == symptom_id), None)

    def escalations(self) -> list[RedFlag]:
        """Red flags of a less urgent level that say when to call the emergency number."""
        return [flag for flag in self.red_flags if flag.emergency_if]


class Page(Strict):
    """Front matter of a free-form Markdown page in content/<lang>/pages/."""

    id: Id
    title: Text
    description: Text
    review: Review
    refs: list[Id] = []


class Reference(Strict):
    id: Id
    # "Surname AB" or an organisation; may be left empty only while the authors are
    # unconfirmed (say so in `note`), never guessed.
    authors: list[Text] = []
    year: int = Field(ge=1900, le=2100)
    title: Text
    kind: Literal["article", "review", "guideline", "book", "website"]
    journal: Text | None = None  # or publisher / organisation for non-articles
    volume: Text | None = None
    pages: Text | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, StringConstraints(pattern=r"^\d{1,9}$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    note: Text | None = None  # what this source is used for, or its limits

    @model_validator(mode="after")
    def findable(self) -> Reference:
        citable = self.journal and self.volume and self.pages
        if not (self.doi or self.pmid or self.url or citable):
            raise ValueError(
                "a doi, pmid or url (or journal, volume and pages) so that readers can find the source"
            )
        return self


class Clinic(Strict):
    """A clinic's own branding and contact details, shown on every page when set."""

    name: Text
    phone: Text | None = None
    address: Text | None = None
    website: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    opening_hours: Text | None = None  # a clinic file (clinics/<id>.yml) fills these two
    ask_us: Text | None = None


class BuiltPage(Strict):
    """A page the build assembles around a widget or the care data (Get help now, the demo,
    the checklist): its own words and its review, like every other medical page."""

    title: Text
    description: Text  # one sentence: meta description
    intro: Markdown  # shown under the title
    after: Markdown | None = None  # shown after the widget
    review: Review


class SiteText(Strict):
    """content/<lang>/site.yml: words used on every page."""

    name: Text
    tagline: Text
    description: Text
    disclaimer: Markdown  # "education, not medical advice"
    emergency_number: Text  # e.g. "your local emergency number (999, 911 or 112)"
    home_intro: Markdown
    audiences: list[Section] = Field(min_length=1)  # front door for reader, demo, clinic
    get_help: BuiltPage  # the "Get help now" page
    demo: BuiltPage  # the circulation demo page
    checklist: BuiltPage  # the leg health checklist page
    # A translation still being written: pages it lacks are shown in the first language of
    # settings.yml, with a note. Without it, a missing page is an error naming its id.
    partial: bool = False


UiKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class UiWords(RootModel[dict[UiKey, dict[UiKey, Text]]]):
    """content/<lang>/ui.yml: the interface's own words (buttons, labels, headings, widget
    readouts), by section then key. Code never writes reader-visible words itself; it asks
    ``SiteContext.words(section)``, so a translation is a second ui.yml with the same keys."""

    model_config = ConfigDict(frozen=True, strict=True)


class TermPair(RootModel[dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")], Text]]):
    """One entry of content/<lang>/terms.yml: the same concept in two languages
    (``{en: "blood clot", es: "coágulo de sangre"}``): one term is never translated two ways."""

    model_config = ConfigDict(frozen=True, strict=True)


#: A site that may show the embed pages in a frame (CSP ``frame-ancestors``): ``https:`` (any
#: https site), ``'self'`` (this site only) or an origin such as ``https://clinic.example``
#: (a port and a leading ``*.`` for every subdomain are allowed; no path).
_HOST_LABEL = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
FrameAncestor = Annotated[str, StringConstraints(
    pattern=rf"^(https:|'self'|https?://(\*\.)?{_HOST_LABEL}(\.{_HOST_LABEL})*(:[0-9]{{1,5}})?)$")]


class EmbedSettings(Strict):
    """settings.yml ``embed:``: how other sites may show the pages (``/embed/...``) in a frame.
    A clinic's file may set the same field (README: "Embedding pages")."""

    frame_ancestors: list[FrameAncestor] = Field(default_factory=lambda: ["https:"], min_length=1)


class Settings(Strict):
    """content/settings.yml: language-neutral settings."""

    site_url: Annotated[str, StringConstraints(pattern=r"^https://\S+/$")]
    languages: list[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]] = Field(
        min_length=1
    )
    publisher: Text
    report_address: Text  # where readers report a mistake (an email address or a web page)
    clinic: Clinic | None = None
    embed: EmbedSettings = Field(default_factory=EmbedSettings)  # who may frame the embed pages
