"""The checklist's items, read from ``checklist.json`` (written at build time from content/).

The build is the only writer of that file, so these classes validate its shape with exact
``ValueError`` messages rather than trusting it: a wrong file should fail loudly in tests,
not quietly show an empty checklist to a reader.

Care levels are data, not code: ``care_levels`` lists them most urgent first, and a
warning sign names its level by id. HTML fields were made from the site's own content
at build time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

Changeable = Literal["yes", "partly", "no"]

CHANGEABLE_VALUES: tuple[Changeable, ...] = ("yes", "partly", "no")
SCHEMA_VERSION = 3
#: The sentences ``words`` must hold (version 3).
SUMMARY_WORDS = ("summary_none", "summary_one", "summary_many", "summary_warning")


def _field(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ValueError(f"{where}: missing key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise ValueError(
            f"{where}: '{key}' should be {kind.__name__}, got {type(value).__name__}"
        )
    return value


def _optional_text(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' should be str or null, got {type(value).__name__}")
    return value


def _ids(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = _field(data, key, list, where)
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"{where}: '{key}' should be a list of ids (strings)")
    return tuple(values)


@dataclass(frozen=True)
class Caution:
    """A "take care" point of an exercise that a plan can carry: for everyone who gets the
    exercise (``always_in_plan``), or for those who ticked one of its ``risk_factors``."""

    text_html: str
    risk_factors: tuple[str, ...]
    always_in_plan: bool

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> Caution:
        return cls(
            text_html=_field(data, "text_html", str, where),
            risk_factors=_ids(data, "risk_factors", where),
            always_in_plan=_field(data, "always_in_plan", bool, where),
        )

    def applies_to(self, answers: Iterable[str]) -> bool:
        return self.always_in_plan or not set(self.risk_factors).isdisjoint(answers)


@dataclass(frozen=True)
class ExerciseLink:
    """An exercise the plan can point to, with its cautions. ``url`` is relative to the
    site root."""

    id: str
    name: str
    url: str
    cautions: tuple[Caution, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> ExerciseLink:
        return cls(
            id=_field(data, "id", str, where),
            name=_field(data, "name", str, where),
            url=_field(data, "url", str, where),
            cautions=tuple(
                Caution.from_dict(item, f"{where}.cautions[{i}]")
                for i, item in enumerate(_field(data, "cautions", list, where))
            ),
        )


@dataclass(frozen=True)
class RiskItem:
    """One risk factor as a yes/no question, and the exercises that help with it."""

    id: str
    name: str
    question: str
    detail: str | None
    changeable: Changeable
    url: str
    exercises: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> RiskItem:
        changeable = _field(data, "changeable", str, where)
        if changeable not in CHANGEABLE_VALUES:
            raise ValueError(
                f"{where}: 'changeable' should be one of yes, partly, no; got '{changeable}'"
            )
        return cls(
            id=_field(data, "id", str, where),
            name=_field(data, "name", str, where),
            question=_field(data, "question", str, where),
            detail=_optional_text(data, "detail", where),
            changeable=cast(Changeable, changeable),
            url=_field(data, "url", str, where),
            exercises=_ids(data, "exercises", where),
        )


@dataclass(frozen=True)
class WarningSign:
    """A red flag asked as a question; ``level`` is the id of one of the care levels."""

    id: str
    name: str
    question: str
    detail: str | None
    level: str
    action_html: str
    emergency_if_html: str | None
    url: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> WarningSign:
        return cls(
            id=_field(data, "id", str, where),
            name=_field(data, "name", str, where),
            question=_field(data, "question", str, where),
            detail=_optional_text(data, "detail", where),
            level=_field(data, "level", str, where),
            action_html=_field(data, "action_html", str, where),
            emergency_if_html=_optional_text(data, "emergency_if_html", where),
            url=_field(data, "url", str, where),
        )


@dataclass(frozen=True)
class CareLevel:
    """How fast to get help: a title and what to do (HTML), e.g. "Get seen today".
    ``style`` names the look of its card (a Material admonition type: danger, warning...)."""

    id: str
    title: str
    style: str
    action_html: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> CareLevel:
        return cls(
            id=_field(data, "id", str, where),
            title=_field(data, "title", str, where),
            style=_field(data, "style", str, where),
            action_html=_field(data, "action_html", str, where),
        )


@dataclass(frozen=True)
class Checklist:
    """Everything the checklist asks about, in the order it is shown."""

    risk_factors: tuple[RiskItem, ...]
    warning_signs: tuple[WarningSign, ...]
    exercises: Mapping[str, ExerciseLink]
    care_levels: tuple[CareLevel, ...]  # most urgent first
    no_exercise_html: str  # shown instead of a plan when a warning sign is ticked
    # The summary's sentences in the page's language (``Result.summary``): summary_none,
    # summary_one, summary_many, summary_warning, with {count}, {changeable}, {level}.
    words: Mapping[str, str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Checklist:
        """Read and check the dict stored in ``checklist.json``."""
        where = "checklist.json"
        version = data.get("version")
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"{where}: 'version' should be {SCHEMA_VERSION}, got {version!r}; "
                "rebuild the site so the checklist and its code match"
            )
        risk_factors = tuple(
            RiskItem.from_dict(item, f"{where} risk_factors[{i}]")
            for i, item in enumerate(_field(data, "risk_factors", list, where))
        )
        warning_signs = tuple(
            WarningSign.from_dict(item, f"{where} warning_signs[{i}]")
            for i, item in enumerate(_field(data, "warning_signs", list, where))
        )
        exercises = {
            key: ExerciseLink.from_dict(value, f"{where} exercises.{key}")
            for key, value in _field(data, "exercises", dict, where).items()
        }
        care_levels = tuple(
            CareLevel.from_dict(item, f"{where} care_levels[{i}]")
            for i, item in enumerate(_field(data, "care_levels", list, where))
        )
        if not care_levels:
            raise ValueError(f"{where}: 'care_levels' should list at least one level")
        no_exercise_html = _field(data, "no_exercise_html", str, where)
        words = _field(data, "words", dict, where)
        for key in SUMMARY_WORDS:
            _field(words, key, str, f"{where} words")
        checklist = cls(risk_factors, warning_signs, exercises, care_levels, no_exercise_html, words)
        checklist._check_links()
        return checklist

    def _check_links(self) -> None:
        """Cross-field checks, after every field has been read on its own."""
        seen: set[str] = set()
        items: tuple[RiskItem | WarningSign, ...] = (*self.risk_factors, *self.warning_signs)
        for item in items:
            if item.id in seen:
                raise ValueError(f"checklist.json: item id '{item.id}' appears twice")
            seen.add(item.id)
        for factor in self.risk_factors:
            for exercise_id in factor.exercises:
                if exercise_id not in self.exercises:
                    raise ValueError(
                        f"checklist.json: risk factor '{factor.id}' names exercise "
                        f"'{exercise_id}', which is not in 'exercises'"
                    )
        level_ids = [level.id for level in self.care_levels]
        for sign in self.warning_signs:
            if sign.level not in level_ids:
                raise ValueError(
                    f"checklist.json: warning sign '{sign.id}' has level '{sign.level}', "
                    f"which is not in 'care_levels' ({', '.join(level_ids)})"
                )
        factor_ids = {factor.id for factor in self.risk_factors}
        for exercise in self.exercises.values():
            for caution in exercise.cautions:
                for factor_id in caution.risk_factors:
                    if factor_id not in factor_ids:
                        raise ValueError(
                            f"checklist.json: a caution of exercise '{exercise.id}' names risk "
                            f"factor '{factor_id}', which is not in 'risk_factors'"
                        )

    def item_ids(self) -> frozenset[str]:
        items: tuple[RiskItem | WarningSign, ...] = (*self.risk_factors, *self.warning_signs)
        return frozenset(i.id for i in items)

    def rank(self, level_id: str) -> int:
        """0 for the most urgent level."""
        return [level.id for level in self.care_levels].index(level_id)
