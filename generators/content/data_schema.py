"""The schema of content/data/: published numbers that charts and the model report draw.

Each file in content/data/ is validated against the model ``DATA_FILES`` names for it,
in stage 1 like every other content file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generators.content.schema import Id, Strict, Text


class DoseResponse(Strict):
    """content/data/travel-clot-risk.yml: a published log-linear dose-response."""

    source: Id  # the reference it comes from
    baseline_hours: float = Field(ge=0)  # the trip length the trend is compared with
    step_hours: float = Field(gt=0)  # per this many more hours...
    relative_risk: float = Field(gt=0)  # ...the risk is multiplied by this
    max_hours: int = Field(gt=0)  # how far the chart draws the trend
    # What a reader should keep in mind is words, so each language's (ui.yml chart_text.travel_note).


ModelScenario = Literal[
    "healthy", "superficial_reflux", "deep_reflux", "obstruction", "weak_calf", "stiff_ankle"
]
#: What the calf-pump model reports for a published value to be set beside
#: (generators/charts/validation.py READOUTS says how each is measured).
ModelReadout = Literal[
    "supine_mmhg", "standing_mmhg", "walking_3_kmh_mmhg", "walking_6_kmh_mmhg",
    "walking_fall_mmhg", "walking_recovery_s", "tiptoe_fall_percent", "rt90_s",
    "vv_ml", "vfi_ml_s", "ef_percent", "rvf_percent",
    "saphenous_backflow_walking_s", "popliteal_backflow_walking_s",
    "perforator_backflow_walking_s", "none",
]


class ModelSetting(Strict):
    """A leg in the model: its condition and the stocking pressure at the ankle (mmHg)."""

    scenario: ModelScenario
    stocking_mmhg: float = Field(default=0, ge=0, le=60)


class ValueWords(Strict):
    """A published value's prose in one more language (``translations: {es: ...}``)."""

    measure: Text
    people: Text
    if_outside: Text | None = None


class PublishedValue(Strict):
    """One published measurement, beside which the comparison page sets the model's value.

    ``kind`` says how they are compared: ``level`` (the model's number inside the published
    band), ``change_percent`` (the model's change from ``compare_with``, in %, inside the
    band), ``direction`` (the model moves ``direction`` from ``compare_with``, as published),
    ``limit`` (the model stays ``direction`` of ``value``, e.g. below a clinical cut-off), or
    ``not_modelled`` (listed, with ``if_outside`` saying why the model cannot make it).
    The band is the published range (``low``..``high``, for ``range``, ``iqr`` or ``ci95``),
    one standard deviation either side (``sd``, or ``sem`` times the square root of ``n``),
    or, when the source gives no spread, ``tolerance`` either side: our choice, said in
    ``tolerance_basis``.
    """

    id: Id
    measure: Text  # what was measured, in plain words
    people: Text  # who was measured, and how many
    refs: list[Id] = Field(min_length=1)
    kind: Literal["level", "change_percent", "direction", "limit", "not_modelled"] = "level"
    readout: ModelReadout
    model: ModelSetting
    compare_with: ModelSetting | None = None
    statistic: Literal["mean", "median"] | None = None
    value: float | None = None
    spread: Literal["range", "iqr", "ci95", "sd", "sem", "none"] = "none"
    low: float | None = None
    high: float | None = None
    sd: float | None = Field(default=None, gt=0)
    sem: float | None = Field(default=None, gt=0)
    n: int | None = Field(default=None, gt=0)
    tolerance: float | None = Field(default=None, gt=0)
    tolerance_basis: Text | None = None
    direction: Literal["lower", "higher", "below", "above"] | None = None
    note: Text | None = None  # what else a reader should know about the measurement
    if_outside: Text | None = None  # why the model misses it, shown when it does
    # measure, people and if_outside in another language, by its code (en: the fields above)
    translations: dict[str, ValueWords] = Field(default_factory=dict)

    def words(self, lang: str) -> ValueWords:
        """The prose shown on a page in ``lang``: its translation, else the English."""
        return self.translations.get(lang) or ValueWords(
            measure=self.measure, people=self.people, if_outside=self.if_outside)

    @model_validator(mode="after")
    def complete(self) -> PublishedValue:
        needs = {
            "level": ("value",), "change_percent": ("value", "compare_with"),
            "direction": ("direction", "compare_with"), "limit": ("value", "direction"),
            "not_modelled": ("if_outside",),
        }[self.kind]
        missing = [name for name in needs if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind} value needs {' and '.join(missing)}")
        if self.kind in ("level", "change_percent"):
            if self.spread in ("range", "iqr", "ci95") and (self.low is None or self.high is None):
                raise ValueError(f"a {self.spread} needs low and high")
            if self.spread == "sd" and self.sd is None:
                raise ValueError("spread 'sd' needs sd")
            if self.spread == "sem" and (self.sem is None or self.n is None):
                raise ValueError("spread 'sem' needs sem and n")
            if self.spread == "none" and (self.tolerance is None or self.tolerance_basis is None):
                raise ValueError("with no published spread, give tolerance and tolerance_basis")
        if self.kind == "direction" and self.direction not in ("lower", "higher"):
            raise ValueError("a direction is 'lower' or 'higher' than compare_with")
        if self.kind == "limit" and self.direction not in ("below", "above"):
            raise ValueError("a limit is 'below' or 'above' value")
        for lang, prose in self.translations.items():
            if (prose.if_outside is None) != (self.if_outside is None):
                raise ValueError(f"translations.{lang} needs if_outside exactly when the row has it")
        return self


class ModelValidation(Strict):
    """content/data/model-validation.yml: published values the calf-pump model is checked against."""

    values: list[PublishedValue] = Field(min_length=1)

    @model_validator(mode="after")
    def unique_ids(self) -> ModelValidation:
        seen: set[str] = set()
        for item in self.values:
            if item.id in seen:
                raise ValueError(f"the id '{item.id}' is used twice")
            seen.add(item.id)
        return self


#: Files in content/data/, by name (without .yml), and the model each must match.
DATA_FILES: dict[str, type[Strict]] = {
    "travel-clot-risk": DoseResponse,
    "model-validation": ModelValidation,
}
DataFile = DoseResponse | ModelValidation
