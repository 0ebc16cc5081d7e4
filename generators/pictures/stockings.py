"""Drawings for the compression-stocking steps: asking, the blood-flow check, measuring,
putting a stocking on while seated (heel pocket on the heel, no bunching), smoothing it,
taking it off at night and checking the skin. ``poses`` names them.
"""

from __future__ import annotations

from dataclasses import replace

from generators.pictures import arrows, objects, props
from generators.pictures.figure import (
    OUTLINE,
    WIDTHS,
    Joints,
    angle_of,
    between,
    joints,
    person,
    reach_hand,
    toward,
)
from generators.pictures.scenes import FLOOR, LABEL_Y, LIE_BACK, SIT, STAND, bed_scene, lying, seated
from generators.pictures.svgdoc import Labels, Point, labels_at, path, polyline, pt, rect


def stocking(found: Joints, up_to: float = 1.0, rolled: bool = False, folds: bool = False) -> str:
    """A stocking on the near foot and shin, up to ``up_to`` of the shin (1 = the knee);
    ``rolled`` adds the bunched-up rest at its top, ``folds`` draws wrinkles at the ankle."""
    ankle, knee, heel, toe = found["ankle"], found["knee"], found["heel"], found["toe"]
    top = between(ankle, knee, up_to)
    segments = [(polyline([ankle, heel, toe]), WIDTHS["foot"] + 2),
                (polyline([ankle, top]), WIDTHS["shin"] + 2)]
    parts = [path(d, "", w + 2 * OUTLINE) for d, w in segments] + [path(d, "st", w) for d, w in segments]
    # The heel pocket: a seam around the heel, so the reader sees it sits on the heel.
    seam = (toward(heel, angle_of(heel, toe), 9), toward(heel, angle_of(heel, ankle), 9))
    parts.append(path(f"M{pt(seam[0])}A9 9 0 0 1 {pt(seam[1])}", "", 2.2))
    shin_angle = angle_of(ankle, knee)
    if rolled:
        parts.append(_band(top, shin_angle, 22, 7))
    if folds:
        parts += [_band(between(ankle, knee, f), shin_angle, 20, 3.5, wavy=True) for f in (0.12, 0.24, 0.36)]
    return "".join(parts)


def _band(centre: Point, limb_angle: float, length: float, width: float, wavy: bool = False) -> str:
    """A band across a limb: a rolled stocking, a blood-pressure cuff, or (``wavy``) a fold."""
    a = toward(centre, limb_angle + 90, length / 2)
    b = toward(centre, limb_angle - 90, length / 2)
    if wavy:
        return path(f"M{pt(a)}Q{pt(toward(centre, limb_angle, 3))} {pt(b)}", "", 2.5)
    d = polyline([a, b])
    return path(d, "", width + 2 * OUTLINE) + path(d, "st", width)


NURSE = replace(STAND, facing=-1)


def ask(labels: Labels) -> str:
    """The reader, seated, asks a nurse holding a clipboard."""
    found = seated(20)
    nurse = joints(NURSE, (160, FLOOR), "heel_ground")
    clipboard = (nurse["shoulder"][0] - 14, nurse["shoulder"][1] + 40)
    nurse = reach_hand(nurse, clipboard, facing=-1)
    nurse = reach_hand(nurse, (clipboard[0] + 2, clipboard[1] - 8), far=True, facing=-1)
    mouth = found["head"]
    return "".join([
        props.floor(FLOOR, 5, 195), props.chair(20, FLOOR), person(found, SIT), person(nurse, NURSE),
        rect(clipboard[0] - 8, clipboard[1] - 16, 14, 20, "s", 2),
        objects.speech((mouth[0] + 16, mouth[1] - 2), 34, 20),
    ])


def check(labels: Labels) -> str:
    """A nurse checks the blood flow to the feet: a cuff at the ankle and a small probe."""
    found = lying(20)
    nurse_pose = replace(NURSE, torso=30, head=40)
    nurse = joints(nurse_pose, (232, FLOOR), "heel_ground")
    toe, ankle = found["toe"], found["ankle"]
    probe_tip = (toe[0] - 8, toe[1] - 2)
    nurse = reach_hand(nurse, (probe_tip[0] + 9, probe_tip[1] - 12), facing=-1)
    cuff = toward(ankle, angle_of(ankle, found["knee"]), 12)
    return "".join([
        bed_scene(20, 170), person(found, LIE_BACK, worn=_band(cuff, 0, 22, 10)),
        person(nurse, nurse_pose),
        path(polyline([probe_tip, (probe_tip[0] + 10, probe_tip[1] - 13)]), "", 5),
    ])


def measure(labels: Labels) -> str:
    """A tape measure around the ankle and the calf (its case hanging), in the morning."""
    found = seated(40)
    knee, ankle = found["knee"], found["ankle"]
    shin = angle_of(ankle, knee)
    tapes = "".join(_tape(toward(ankle, shin, f * 40)) for f in (0.15, 0.6))
    end = toward(ankle, shin, 24)
    tail = polyline([(end[0] + 11, end[1]), (end[0] + 20, end[1] + 22)])
    return "".join([_chair_floor(), person(found, SIT, worn=tapes), path(tail, "", 4 + 2 * OUTLINE),
                    path(tail, "ts", 4), rect(end[0] + 13, end[1] + 20, 15, 15, "s", 4),
                    objects.sun((170, 38), 9)])


def _tape(centre: Point) -> str:
    d = polyline([(centre[0] - 11, centre[1]), (centre[0] + 11, centre[1])])
    return path(d, "", 5 + 2 * OUTLINE) + path(d, "ts", 5)


def _chair_floor() -> str:
    return props.floor(FLOOR, 10, 190) + props.chair(40, FLOOR)


PUT_ON = replace(SIT, torso=30, head=45)


def _bent_over(back_x: float, reach: float) -> Joints:
    """Seated, leaning forward, the near foot forward, both hands on the near shin
    ``reach`` of the way up from the ankle."""
    found = seated(back_x, PUT_ON, feet=26)
    ankle, knee = found["ankle"], found["knee"]
    grip = between(ankle, knee, reach)
    found = reach_hand(found, (grip[0] - 3, grip[1] - 6), bend=-1)
    return reach_hand(found, (grip[0] + 3, grip[1] - 4), far=True, bend=-1)


def _along_shin(found: Joints, start: float, end: float, offset: float = 15.0) -> str:
    """An arrow beside the near shin (on its front), from ``start`` to ``end`` of the way
    from ankle to knee."""
    ankle, knee = found["ankle"], found["knee"]
    up = angle_of(ankle, knee)

    def at(f: float) -> Point:
        return toward(between(ankle, knee, f), up - 90, offset)

    return arrows.straight(at(start), at(end))


def put_on(labels: Labels) -> str:
    """Start: on the foot, heel in the heel pocket, the rest rolled at the ankle. End: up."""
    first, second = _bent_over(20, 0.15), _bent_over(170, 0.85)
    return "".join([
        props.floor(FLOOR, 5, 295), props.chair(20, FLOOR), props.chair(170, FLOOR),
        person(first, PUT_ON, worn=stocking(first, 0.05, rolled=True)),
        person(second, PUT_ON, worn=stocking(second, 0.9)),
        _along_shin(second, 0.1, 0.75), labels_at(labels, 60, 210, LABEL_Y),
    ])


def smooth(labels: Labels) -> str:
    """Folds at the ankle (a cross) next to a smooth stocking (a tick)."""
    first, second = _bent_over(20, 0.5), _bent_over(170, 0.5)
    return "".join([
        props.floor(FLOOR, 5, 295), props.chair(20, FLOOR), props.chair(170, FLOOR),
        person(first, PUT_ON, worn=stocking(first, 0.9, folds=True)),
        person(second, PUT_ON, worn=stocking(second, 0.9)),
        objects.cross((first["toe"][0] - 4, FLOOR - 58), 14),
        objects.tick((second["toe"][0] - 4, FLOOR - 58), 20),
    ])


def take_off(labels: Labels) -> str:
    found = _bent_over(40, 0.2)
    return "".join([
        _chair_floor(), person(found, PUT_ON, worn=stocking(found, 0.2, rolled=True)),
        _along_shin(found, 0.95, 0.3), objects.moon((165, 40), 12),
    ])


def check_skin(labels: Labels) -> str:
    pose = replace(PUT_ON, torso=30, head=60)
    found = seated(40, pose, feet=26)
    middle = between(found["ankle"], found["knee"], 0.5)
    spot = (middle[0] + 4, middle[1] - 4)
    handle = (spot[0] + 14, spot[1] + 14)
    found = reach_hand(found, (handle[0] + 2, handle[1] + 2), bend=-1)
    return _chair_floor() + person(found, pose, worn=objects.magnifier(spot, 10))
