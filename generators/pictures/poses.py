"""Every exercise picture by its stable id (``calf-raises-rise``): the one list to look in.

The ids are what content names, so they never change once published. Each picture shows
one move with a clear start and end; steps that are not a move share the picture of the
move they belong to, or show a simple object (a clock, a glass of water).
``generators/pictures/mapping_proposal.yml`` maps each exercise step to an id.
"""

from __future__ import annotations

from collections.abc import Callable

from generators.pictures import habits, moves, stockings
from generators.pictures.svgdoc import ENGLISH, Box, Labels, Picture

STANDING: Box = (0, 0, 200, 205)
TWO_PANELS: Box = (0, 0, 300, 205)
SEATED: Box = (0, 10, 200, 190)
ON_BED: Box = (0, 40, 220, 160)

_DRAWINGS: list[tuple[str, Box, Callable[[Labels], str]]] = [
    ("calf-raises-feet-apart", STANDING, moves.feet_apart),
    ("calf-raises-stand", STANDING, moves.stand_at_counter),
    ("calf-raises-rise", TWO_PANELS, moves.rise),
    ("calf-raises-hold", STANDING, moves.hold),
    ("calf-raises-lower", TWO_PANELS, moves.lower),
    ("calf-raises-repeat", TWO_PANELS, moves.repeat),
    ("ankle-pumps-start", ON_BED, moves.pumps_start),
    ("ankle-pumps-point", ON_BED, moves.pumps_point),
    ("ankle-pumps-flex", ON_BED, moves.pumps_flex),
    ("ankle-pumps-full-range", ON_BED, moves.pumps_range),
    ("ankle-circles-lift", SEATED, moves.circles_lift),
    ("ankle-circles-one-way", SEATED, moves.circles_one_way),
    ("ankle-circles-other-way", SEATED, moves.circles_other_way),
    ("walking-shoes", (0, 0, 130, 80), moves.shoes),
    ("walking-talk", STANDING, moves.walk_and_talk),
    ("walking-heel-then-toes", STANDING, moves.heel_then_toes),
    ("walking-start-short", STANDING, moves.walk_short),
    ("walking-add-minutes", (0, 0, 220, 70), moves.walk_longer),
    ("walking-30-minutes", STANDING, moves.walk_daily),
    ("walking-breaks-timer", SEATED, moves.timer),
    ("walking-breaks-stand-up", STANDING, moves.stand_up),
    ("walking-breaks-walk", STANDING, moves.walk_break),
    ("walking-breaks-sit-down", STANDING, moves.sit_down),
    ("leg-elevation-lie-back", ON_BED, habits.lie_back),
    ("leg-elevation-pillows", ON_BED, habits.pillows),
    ("leg-elevation-feet-above-heart", ON_BED, habits.feet_above_heart),
    ("leg-elevation-ankle-pumps", ON_BED, habits.elevated_ankle_pumps),
    ("leg-elevation-sit-feet-up", STANDING, habits.sit_feet_up),
    ("compression-stockings-ask", STANDING, stockings.ask),
    ("compression-stockings-check", (0, 10, 260, 195), stockings.check),
    ("compression-stockings-measure", SEATED, stockings.measure),
    ("compression-stockings-put-on", TWO_PANELS, stockings.put_on),
    ("compression-stockings-smooth", TWO_PANELS, stockings.smooth),
    ("compression-stockings-take-off", SEATED, stockings.take_off),
    ("compression-stockings-check-skin", SEATED, stockings.check_skin),
    ("staying-hydrated-water-nearby", STANDING, habits.water_nearby),
    ("staying-hydrated-drink", STANDING, habits.drink),
    ("staying-hydrated-trip", STANDING, habits.trip),
    ("staying-hydrated-refill-walk", STANDING, habits.refill_walk),
]

PICTURES: dict[str, Picture] = {pid: Picture(pid, box, draw) for pid, box, draw in _DRAWINGS}


def render(picture_id: str, alt: str, labels: Labels = ENGLISH) -> str:
    """The SVG for one exercise picture (see ``generators.pictures.render`` for all)."""
    return PICTURES[picture_id].render(alt, labels)
