"""Exercise illustrations and mechanism diagrams, drawn as SVG from a small pose model.

Standard library only, and independent of the later build stages: a page asks for a
picture by id and gets one self-contained SVG string. ``poses.PICTURES`` holds every
exercise-step picture, ``diagrams.DIAGRAMS`` the two labelled diagrams.
"""

from __future__ import annotations

from generators.pictures.diagrams import DIAGRAMS
from generators.pictures.poses import PICTURES
from generators.pictures.svgdoc import ENGLISH, Labels, Picture

ALL_PICTURES: dict[str, Picture] = {**PICTURES, **DIAGRAMS}


def render(picture_id: str, alt: str, labels: Labels = ENGLISH) -> str:
    """The SVG for ``picture_id``, named by ``alt``; ``labels`` are the page language's
    words for "start" and "end". Raises KeyError for an unknown id."""
    return ALL_PICTURES[picture_id].render(alt, labels)


__all__ = ["ALL_PICTURES", "DIAGRAMS", "PICTURES", "Picture", "render"]
