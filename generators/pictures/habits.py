"""Drawings for two habits: raising the legs (with a sitting variant for pregnancy) and
drinking water. Each function draws one picture's body; ``poses`` names them.
"""

from __future__ import annotations

from dataclasses import replace

from generators.pictures import arrows, objects, props
from generators.pictures.figure import (
    OUTLINE,
    WIDTHS,
    Arm,
    Joints,
    Leg,
    Pose,
    between,
    person,
    reach_ankle,
    reach_hand,
    toward,
)
from generators.pictures.scenes import (
    ANKLE_HEIGHT,
    BED_TOP,
    FLOOR,
    LIE_BACK,
    SIT,
    TABLE_TOP,
    WALK,
    bed_scene,
    foot_arc,
    lying,
    seated,
    walking,
)
from generators.pictures.svgdoc import Labels, num, path

# ---------------------------------------------------------------- raising the legs

RAISED = replace(LIE_BACK, leg=Leg(128, 100, 160))


def _pillow_stack(found: Joints, count: int = 3) -> str:
    """Pillows stacked on the bed, reaching up to the calves."""
    calf = between(found["knee"], found["ankle"], 0.55)
    height = (BED_TOP - (calf[1] + WIDTHS["shin"] / 2 + OUTLINE - 1)) / count
    return "".join(props.pillow(calf[0] - 22, BED_TOP - i * height + 1, 44, height + 1) for i in range(count))


def lie_back(labels: Labels) -> str:
    return bed_scene(20, 190) + person(lying(20), LIE_BACK)


def _raised(ghost_flat: bool = False) -> tuple[str, Joints]:
    found = lying(20, RAISED)
    parts = [bed_scene(20, 190)]
    if ghost_flat:
        parts.append(person(lying(20), LIE_BACK, ghost=True, only=("leg",)))
    return "".join(parts) + _pillow_stack(found) + person(found, RAISED), found


def pillows(labels: Labels) -> str:
    drawing, found = _raised(ghost_flat=True)
    x = found["ankle"][0] + 16
    return drawing + arrows.straight((x, BED_TOP - 4), (x, found["ankle"][1] - 6))


def feet_above_heart(labels: Labels) -> str:
    drawing, found = _raised()
    chest = between(found["hip"], found["shoulder"], 0.75)
    heart = (chest[0], chest[1] - 4)
    heel = found["heel"]
    level = path(f"M{num(heart[0] + 8)} {num(heart[1])}H{num(heel[0] + 26)}", "dl", 2)
    return drawing + level + objects.heart(heart, 11) + arrows.straight(
        (heel[0] + 20, heart[1] - 2), (heel[0] + 20, heel[1] - 4), both=True)


def elevated_ankle_pumps(labels: Labels) -> str:
    drawing, found = _raised()
    pointed = replace(RAISED, leg=replace(RAISED.leg, foot=125))
    ghost = person(lying(20, pointed), pointed, ghost=True, only=("foot",))
    return ghost + drawing + foot_arc(found, 125, 200, both=True, radius=32)


def sit_feet_up(labels: Labels) -> str:
    """For pregnancy: sitting with the feet up on a footstool, not lying flat."""
    pose = replace(SIT, torso=-6, head=-4, bump=True, leg=Leg(88, 70, 115), arm=Arm(15, 80))
    found = seated(30, pose)
    ankle = (128.0, FLOOR - props.STOOL_HEIGHT - ANKLE_HEIGHT + 4)
    found = reach_ankle(found, ankle, pose.leg.foot)
    found = reach_ankle(found, (ankle[0] - 3, ankle[1]), pose.leg.foot, far=True)
    return "".join([props.floor(FLOOR, 5, 195), props.chair(30, FLOOR), props.stool(112, FLOOR, 44),
                    person(found, pose)])


# ---------------------------------------------------------------- drinking water

def _at_table(pose: Pose = SIT) -> Joints:
    found = seated(30, pose)
    found = reach_hand(found, (94, TABLE_TOP - 4))
    return reach_hand(found, (100, TABLE_TOP - 4), far=True)


def _table_scene(found: Joints, pose: Pose, on_table: str) -> str:
    return (props.floor(FLOOR, 5, 195) + props.chair(30, FLOOR) + person(found, pose)
            + props.table(78, FLOOR, 96) + on_table)


def water_nearby(labels: Labels) -> str:
    on_table = objects.glass((140, TABLE_TOP), 20) + objects.bottle((162, TABLE_TOP), 30)
    return _table_scene(_at_table(), SIT, on_table)


def drink(labels: Labels) -> str:
    pose = replace(SIT, head=-12)
    found = _at_table(pose)
    mouth = toward(found["head"], 90 + 12 - 30, 12)
    rim = (mouth[0] + 3, mouth[1])
    found = reach_hand(found, (rim[0] + 6, rim[1] + 12))
    glass = objects.glass((rim[0] + 10, rim[1] + 20), 20)
    return _table_scene(found, pose, objects.bottle((162, TABLE_TOP), 30)) + (
        f'<g transform="rotate(-30 {num(rim[0])} {num(rim[1])})">{glass}</g>')


def trip(labels: Labels) -> str:
    found = seated(40, SIT)
    found = reach_hand(found, (found["knee"][0] - 6, found["knee"][1] - 14))
    hand = found["hand"]
    return (props.floor(FLOOR, 5, 195) + props.travel_seat(40, FLOOR) + person(found, SIT)
            + objects.bottle((hand[0] + 2, hand[1] + 12), 26))


def refill_walk(labels: Labels) -> str:
    found = walking(90, WALK)
    hand = found["far_hand"]
    return "".join([props.floor(FLOOR, 10, 190), objects.bottle((hand[0] + 1, hand[1] + 12), 24),
                    person(found, WALK), arrows.straight((130, 116), (172, 116))])

