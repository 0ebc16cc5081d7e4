"""Putting a posed person into furniture: standing at a counter, sitting on a chair or a
bed, lying down, walking, and a plain front view for "feet apart". Also the arcs that
show a foot turning about its ankle. The pictures in ``poses`` are built from these.
"""

from __future__ import annotations

import math

from generators.pictures import arrows, props
from generators.pictures.figure import (
    ANKLE_UP,
    HEAD_R,
    SOLE,
    Arm,
    Joints,
    Leg,
    Pose,
    joints,
    reach_ankle,
    reach_hand,
    silhouette,
)
from generators.pictures.svgdoc import group, num, path, polyline, pt

FLOOR = 190.0
ANKLE_HEIGHT = SOLE + ANKLE_UP          # floor to ankle, foot flat
WORKTOP = FLOOR - props.COUNTER_HEIGHT
BED_TOP = FLOOR - props.BED_HEIGHT
TABLE_TOP = FLOOR - props.TABLE_HEIGHT
LABEL_Y = FLOOR + 15                    # the start and end words under two panels

STAND = Pose()
TIPTOE = Pose(leg=Leg(0, 0, 62))
SIT = Pose(torso=3, leg=Leg(90, 4, 90), arm=Arm(12, 75), far_arm=Arm(10, 80))
LONG_SIT = Pose(torso=-22, head=-8, leg=Leg(92, 90, 165), arm=Arm(10, 60), far_arm=Arm(5, 55))
LIE_BACK = Pose(torso=-90, head=-84, leg=Leg(94, 90, 160), arm=Arm(95, 90), far_arm=Arm(93, 90))
WALK = Pose(torso=4, leg=Leg(24, 8, 112), far_leg=Leg(-16, -34, 58), arm=Arm(-22, 5), far_arm=Arm(22, 55))


def at_counter(heel_x: float, pose: Pose, counter_x: float) -> Joints:
    """Standing (flat or on tiptoe) with both hands on the worktop's front edge."""
    found = joints(pose, (heel_x, FLOOR), "toe_ground" if pose.leg.foot < 80 else "heel_ground")
    if pose.leg.foot < 80:  # on tiptoe the toes stay where the flat foot's toes were
        flat = joints(Pose(), (heel_x, FLOOR), "heel_ground")
        found = joints(pose, flat["toe_ground"], "toe_ground")
    found = reach_hand(found, (counter_x + 4, WORKTOP - 4))
    return reach_hand(found, (counter_x + 10, WORKTOP - 4), far=True)


def seated(back_x: float, pose: Pose = SIT, feet: float = 4.0, far_feet: float | None = None,
           lift: float = 0.0, far_lift: float = 0.0) -> Joints:
    """Sitting on a chair whose back is at ``back_x``; feet ``feet`` ahead of the knee and
    ``lift`` above the floor (the far foot likewise)."""
    found = joints(pose, (back_x + 19, FLOOR - props.SEAT_HEIGHT - 6), "seat")
    knee_x = found["knee"][0]
    found = reach_ankle(found, (knee_x + feet, FLOOR - ANKLE_HEIGHT - lift), pose.leg.foot)
    far_foot = (pose.far_leg or pose.leg).foot
    ahead = feet if far_feet is None else far_feet
    return reach_ankle(found, (knee_x + ahead, FLOOR - ANKLE_HEIGHT - far_lift), far_foot, far=True)


def long_sitting(head_x: float, pose: Pose = LONG_SIT) -> Joints:
    """Sitting up in bed (headboard at ``head_x``) against pillows, legs straight out."""
    return joints(pose, (head_x + 44, BED_TOP), "seat")


def lying(head_x: float, pose: Pose = LIE_BACK) -> Joints:
    """Lying on the back on a bed (headboard at ``head_x``), the head on a pillow."""
    return joints(pose, (head_x + 84, BED_TOP - 12), "hip")


def walking(heel_x: float, pose: Pose = WALK) -> Joints:
    """Mid-stride: the front heel on the floor at ``heel_x``."""
    return joints(pose, (heel_x, FLOOR), "heel_ground")


def screen_angle(limb_angle: float) -> float:
    """A limb angle (0 down, 90 forward) as a screen angle in degrees (0 right, 90 down)."""
    r = math.radians(limb_angle)
    return math.degrees(math.atan2(math.cos(r), math.sin(r)))


def foot_arc(found: Joints, start: float, end: float, both: bool = False, far: bool = False,
             radius: float = 31.0) -> str:
    """A curved arrow around the ankle from foot angle ``start`` to ``end`` (limb angles)."""
    ankle = found["far_ankle" if far else "ankle"]
    a, b = screen_angle(start), screen_angle(end)
    return arrows.arc(ankle, radius, a, b, both=both)


def front_view(centre_x: float, feet_apart: float) -> str:
    """A person seen from the front, the feet ``feet_apart`` between their centres."""
    hip_y, shoulder_y, head_y = FLOOR - 88, FLOOR - 134, FLOOR - 157
    half = feet_apart / 2
    segments: list[tuple[str, float]] = [
        (polyline([(centre_x, hip_y - 4), (centre_x, shoulder_y + 6)]), 32.0),
        (polyline([(centre_x, shoulder_y), (centre_x, head_y)]), 9.0),
    ]
    for side in (-1, 1):
        segments += [
            (polyline([(centre_x + side * 9, hip_y), (centre_x + side * half, FLOOR - 9)]), 15.0),
            (polyline([(centre_x + side * half, FLOOR - 5), (centre_x + side * (half + 3), FLOOR - 5)]), 9.0),
            (polyline([(centre_x + side * 17, shoulder_y + 2), (centre_x + side * 24, shoulder_y + 28),
                       (centre_x + side * 25, shoulder_y + 52)]), 9.0),
        ]
    r = HEAD_R + 0.5
    hair = f"M{pt((centre_x - r, head_y - 1))}A{num(r)} {num(r)} 0 0 1 {pt((centre_x + r, head_y - 1))}"
    return group([silhouette(segments, "f", [((centre_x, head_y), HEAD_R)]), path(hair, "", 5)])


def bed_scene(head_x: float, length: float = 200.0) -> str:
    """Floor, bed (headboard on the left at ``head_x``) and a pillow for the head."""
    return "".join([props.floor(FLOOR, head_x - 20, head_x + length + 20), props.bed(head_x, FLOOR, length),
                    props.pillow(head_x + 2, BED_TOP + 2, 36, 13)])
