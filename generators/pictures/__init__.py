"""Exercise illustrations and mechanism diagrams, drawn as SVG from a small pose model.

Standard library only, and independent of the later build stages: a page asks for a
picture by id and gets one self-contained SVG string. ``poses.PICTURES`` holds every
exercise-step picture, ``diagrams.DIAGRAMS`` the two labelled diagrams.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generators.pictures.diagrams import DIAGRAMS, PumpWords, ValveWords, diagrams
from generators.pictures.poses import PICTURES
from generators.pictures.svgdoc import ENGLISH, Labels, Picture

ALL_PICTURES: dict[str, Picture] = {**PICTURES, **DIAGRAMS}


def render(picture_id: str, alt: str, labels: Labels = ENGLISH) -> str:
    """The SVG for ``picture_id``, named by ``alt``; ``labels`` are the page language's
    words for "start" and "end". Raises KeyError for an unknown id."""
    return ALL_PICTURES[picture_id].render(alt, labels)


def renderer(words: Mapping[str, str]) -> Callable[[str, str], str]:
    """``render`` in a page's language: ``words`` (ui.yml section ``pictures``) give the
    two panels' "start" and "end" and every label of the diagrams."""
    labels = (words["start"], words["end"])
    pump = PumpWords(**{name: words[f"pump_{name}"] for name in PumpWords.__dataclass_fields__})
    valve = ValveWords(**{name: words[f"valves_{name}"] for name in ValveWords.__dataclass_fields__})
    own = {**ALL_PICTURES, **diagrams(pump, valve)}

    def draw(picture_id: str, alt: str) -> str:
        return own[picture_id].render(alt, labels)

    return draw


__all__ = ["ALL_PICTURES", "DIAGRAMS", "PICTURES", "Picture", "render", "renderer"]
