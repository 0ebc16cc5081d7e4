"""The checklist's items, read from ``checklist.json`` (written at build time from content/).

The build is the only writer of that file, so these classes validate its shape with exact
``ValueError`` messages rather than trusting it: a wrong file should fail loudly in tests,
not quietly show an empty checklist to a reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

Changeable = Literal["yes", "partly", "no"]
CareLevelName = Literal["emergency", "urgent"]

CHANGEABLE_VALUES: tuple[Changeable, ...] = ("yes", "partly", "no")
#: Most serious first: when signs of both levels are ticked, the first level wins.
CARE_LEVELS: tuple[CareLevelName, ...] = ("emergency", "urgent")
SCHEMA_VERSION = 1


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
class ExerciseLink:
    """An exercise the plan can point to. ``url`` is relative to the site root."""

    id: str
    name: str
    url: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> ExerciseLink:
        return cls(
            id=_field(data, "id", str, where),
            name=_field(data, "name", str, where),
            url=_field(data, "url", str, where),
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
    """A sign that needs care soon; its ``urgency`` comes from the symptom's content."""

    id: str
    name: str
    question: str
    detail: str | None
    urgency: str
    url: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str) -> WarningSign:
        return cls(
            id=_field(data, "id", str, where),
            name=_field(data, "name", str, where),
            question=_field(data, "question", str, where),
            detail=_optional_text(data, "detail", where),
            urgency=_field(data, "urgency", str, where),
            url=_field(data, "url", str, where),
        )


@dataclass(frozen=True)
class CareLevel:
    """The care card for one level: a title, what to do (HTML from Markdown) and its signs."""

    level: CareLevelName
    title: str
    action_html: str
    signs: tuple[str, ...]

    @classmethod
    def from_dict(cls, level: CareLevelName, data: Mapping[str, Any], where: str) -> CareLevel:
        return cls(
            level=level,
            title=_field(data, "title", str, where),
            action_html=_field(data, "action_html", str, where),
            signs=_ids(data, "signs", where),
        )


@dataclass(frozen=True)
class Checklist:
    """Everything the checklist asks about, in the order it is shown."""

    risk_factors: tuple[RiskItem, ...]
    warning_signs: tuple[WarningSign, ...]
    exercises: Mapping[str, ExerciseLink]
    care: Mapping[CareLevelName, CareLevel]

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
        care_data = _field(data, "care", dict, where)
        care = {
            level: CareLevel.from_dict(
                level, _field(care_data, level, dict, f"{where} care"), f"{where} care.{level}"
            )
            for level in CARE_LEVELS
        }
        checklist = cls(risk_factors, warning_signs, exercises, care)
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

    def item_ids(self) -> frozenset[str]:
        items: tuple[RiskItem | WarningSign, ...] = (*self.risk_factors, *self.warning_signs)
        return frozenset(i.id for i in items)
