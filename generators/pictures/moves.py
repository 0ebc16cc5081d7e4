"""Drawings for the exercises that are moves: calf raises, ankle pumps, ankle circles,
walking and walking breaks. Each function draws one picture's body; ``poses`` names them.

A move is shown either as a faded start figure behind a solid end figure, or as two
panels labelled start and end, with arrows for the direction of the move.
"""

from __future__ import annotations

from dataclasses import replace

from generators.pictures import arrows, objects, props
from generators.pictures.figure import Joints, Leg, Pose, joints, person, reach_hand
from generators.pictures.scenes import (
    FLOOR,
    LABEL_Y,
    LONG_SIT,
    SIT,
    STAND,
    TABLE_TOP,
    TIPTOE,
    WALK,
    at_counter,
    bed_scene,
    foot_arc,
    front_view,
    long_sitting,
    seated,
    walking,
)
from generators.pictures.svgdoc import Labels, labels_at

# ---------------------------------------------------------------- calf raises

def _at_counter(heel_x: float, pose: Pose) -> str:
    return person(at_counter(heel_x, pose, heel_x + 34), pose)


def _counter_scene(heel_x: float, pose: Pose) -> str:
    return props.floor(FLOOR, 20, 180) + props.counter(heel_x + 34, FLOOR, 56) + _at_counter(heel_x, pose)


def feet_apart(labels: Labels) -> str:
    """From the front: the feet under the hips, the same width apart (two equal arrows)."""
    return "".join([props.floor(FLOOR, 30, 170), front_view(100, 30),
                    arrows.straight((85, FLOOR - 86), (115, FLOOR - 86), both=True),
                    arrows.straight((85, FLOOR + 10), (115, FLOOR + 10), both=True)])


def stand_at_counter(labels: Labels) -> str:
    return _counter_scene(60, STAND)


def _two_panels(first: Pose, second: Pose, labels: Labels) -> str:
    parts = [props.floor(FLOOR, 5, 295)]
    for x, pose in ((40.0, first), (180.0, second)):
        parts.append(props.counter(x + 34, FLOOR, 48) + _at_counter(x, pose))
    return "".join(parts) + labels_at(labels, 55, 195, LABEL_Y)


def rise(labels: Labels) -> str:
    return _two_panels(STAND, TIPTOE, labels) + arrows.straight((168, FLOOR - 4), (168, FLOOR - 36))


def lower(labels: Labels) -> str:
    return _two_panels(TIPTOE, STAND, labels) + arrows.straight((168, FLOOR - 40), (168, FLOOR - 8))


def hold(labels: Labels) -> str:
    return _counter_scene(60, TIPTOE) + objects.clock((36, 44), 17, minutes=3)


def repeat(labels: Labels) -> str:
    """Up and down again: the two positions with arrows both ways between them."""
    return "".join([_two_panels(STAND, TIPTOE, labels), arrows.arc((145, 120), 24, 200, 340),
                    arrows.arc((145, 104), 24, 20, 160)])


# ---------------------------------------------------------------- ankle pumps

POINTED, NEUTRAL, FLEXED = 118.0, 165.0, 205.0


def _long_sit(foot: float) -> Pose:
    return replace(LONG_SIT, leg=replace(LONG_SIT.leg, foot=foot))


def _bed_feet(start: float | None, end: float, both: bool = False) -> str:
    parts = [bed_scene(20, 170), props.pillow(27, FLOOR - props.BED_HEIGHT + 1, 15, 34)]
    if start is not None:
        parts.append(person(long_sitting(20, _long_sit(start)), _long_sit(start), ghost=True, only=("foot",)))
    found = long_sitting(20, _long_sit(end))
    parts.append(person(found, _long_sit(end)))
    if start is not None:
        parts.append(foot_arc(found, start, end, both=both, radius=34))
    return "".join(parts)


def pumps_start(labels: Labels) -> str:
    return _bed_feet(None, NEUTRAL)


def pumps_point(labels: Labels) -> str:
    return _bed_feet(NEUTRAL, POINTED)


def pumps_flex(labels: Labels) -> str:
    return _bed_feet(NEUTRAL, FLEXED)


def pumps_range(labels: Labels) -> str:
    return _bed_feet(POINTED, FLEXED, both=True)


# ---------------------------------------------------------------- ankle circles

FOOT_UP = replace(SIT, leg=Leg(90, 30, 100), far_leg=SIT.leg)


def _circle_sit(foot_up: bool) -> tuple[Pose, Joints]:
    """Seated on a chair; with ``foot_up`` the near foot is lifted a little, ahead of the knee."""
    if not foot_up:
        return SIT, seated(40)
    return FOOT_UP, seated(40, FOOT_UP, feet=20, far_feet=4, lift=9)


def _chair_scene() -> str:
    return props.floor(FLOOR, 10, 190) + props.chair(40, FLOOR)


def circles_lift(labels: Labels) -> str:
    ghost, ghost_at = _circle_sit(False)
    pose, found = _circle_sit(True)
    x = found["toe"][0] + 12
    return "".join([_chair_scene(), person(ghost_at, ghost, True, only=("leg",)), person(found, pose),
                    arrows.straight((x, FLOOR - 2), (x, FLOOR - 26))])


def _circle_arrow(found: Joints, clockwise: bool) -> str:
    """An oval arrow round the toes (a circle seen from the side), one way or the other."""
    x, y = found["toe"]
    start, end = (150.0, 440.0) if clockwise else (30.0, -260.0)
    return arrows.arc((x - 4, y - 3), 17, start, end, ry=11)


def circles_one_way(labels: Labels) -> str:
    pose, found = _circle_sit(True)
    return _chair_scene() + person(found, pose) + _circle_arrow(found, True)


def circles_other_way(labels: Labels) -> str:
    pose, found = _circle_sit(True)
    return _chair_scene() + person(found, pose) + _circle_arrow(found, False)


# ---------------------------------------------------------------- walking

def _walker(heel_x: float, pose: Pose = WALK) -> str:
    return person(walking(heel_x, pose), pose)


def shoes(labels: Labels) -> str:
    return objects.shoe((112, 62), 96)


def walk_and_talk(labels: Labels) -> str:
    found = walking(100)
    mouth = found["head"]
    return "".join([props.floor(FLOOR, 10, 190), person(found, WALK),
                    objects.speech((mouth[0] + 16, mouth[1] + 4), 40, 22),
                    arrows.straight((130, 110), (170, 110))])


def heel_then_toes(labels: Labels) -> str:
    """One stride: the front foot lands heel first, the back foot pushes off with the toes."""
    found = walking(120)
    heel, toe = found["heel_ground"], found["far_toe_ground"]
    return "".join([
        props.floor(FLOOR, 10, 190), person(found, WALK),
        arrows.straight((heel[0] - 16, heel[1] - 36), (heel[0] - 4, heel[1] - 10)),
        arrows.arc((toe[0], toe[1] - 2), 22, 190, 275),
    ])


def _walk_with_clock(minutes: float) -> str:
    return props.floor(FLOOR, 10, 190) + _walker(90) + objects.clock((160, 50), 22, minutes=minutes)


def walk_short(labels: Labels) -> str:
    return _walk_with_clock(10)


def walk_longer(labels: Labels) -> str:
    """Three timers, 10, 15 and 20 minutes: a little more each week."""
    parts = []
    for i, minutes in enumerate((10, 15, 20)):
        parts.append(objects.clock((30 + 80 * i, 34), 22, minutes=minutes))
        if i:
            parts.append(arrows.straight((80 * i - 16, 34), (80 * i + 2, 34)))
    return "".join(parts)


def walk_daily(labels: Labels) -> str:
    return _walk_with_clock(30)


# ---------------------------------------------------------------- walking breaks

def timer(labels: Labels) -> str:
    found = reach_hand(seated(30), (94, TABLE_TOP - 4))
    found = reach_hand(found, (100, TABLE_TOP - 4), far=True)
    return "".join([props.floor(FLOOR, 5, 195), props.chair(30, FLOOR), person(found, SIT),
                    props.table(78, FLOOR, 90), objects.clock((160, 50), 20, minutes=30)])


def _sit_and_stand(standing_up: bool) -> str:
    """Sitting on a chair and standing beside it; the start is faded, a curved arrow joins
    the two heads."""
    sitting = seated(30)
    standing = joints(STAND, (110, FLOOR), "heel_ground")
    head = (sitting["head"][0] + 50, sitting["head"][1] + 30)
    start, end = (person(sitting, SIT, ghost=True), person(standing, STAND)) if standing_up else (
        person(standing, STAND, ghost=True), person(sitting, SIT))
    turn = (215, 290) if standing_up else (290, 215)
    return "".join([props.floor(FLOOR, 5, 195), props.chair(30, FLOOR), start, end,
                    arrows.arc(head, 42, *turn)])


def stand_up(labels: Labels) -> str:
    return _sit_and_stand(True) + objects.clock((170, 40), 15, ringing=True)


def walk_break(labels: Labels) -> str:
    return "".join([props.floor(FLOOR, 10, 190), _walker(90), objects.clock((160, 50), 20, minutes=5),
                    arrows.straight((130, 116), (172, 116))])


def sit_down(labels: Labels) -> str:
    """Back in the chair; a round arrow about the clock: the timer starts again."""
    return _sit_and_stand(False) + objects.clock((170, 40), 15) + arrows.arc((170, 40), 22, 300, 40)
