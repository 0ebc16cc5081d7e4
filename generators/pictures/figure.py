"""The pose model: a side-view person drawn from the angles of their body segments.

Units are viewBox units; a person standing is 170 units tall (1 unit is about 1 cm).
Angles are in degrees, measured the same way for every limb segment:

- arms, legs and feet: 0 = pointing straight down, 90 = pointing forward (the way the
  person faces), 180 = straight up. A flat foot is 90; on tiptoe it is about 65.
- torso and head: 0 = upright, positive = leaning forward, negative = leaning back;
  -90 is lying on the back.

Each segment is a thick round-capped line. The figure is drawn in two passes per layer
(outline in ``currentColor``, then fill), so overlapping segments merge into one
silhouette; the far arm and leg are a layer behind, the near arm a layer in front.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generators.pictures.svgdoc import Point, circle, group, num, path, polyline, pt

TORSO = 42.0      # hip to shoulder
NECK = 27.0       # shoulder to the centre of the head
HEAD_R = 12.0
UPPER_ARM = 28.0
FOREARM = 26.0
THIGH = 42.0
SHIN = 40.0
HEEL_BACK = 5.0   # ankle is this far in front of the heel ...
ANKLE_UP = 7.0    # ... and this far above the sole's centre line
FOOT = 24.0       # heel to toe
OUTLINE = 2.2     # outline width on each side
SOLE = 4.0 + OUTLINE   # sole centre line to the ground
WIDTHS = {"torso": 26.0, "upper_arm": 10.0, "forearm": 8.5, "thigh": 16.0, "shin": 12.0,
          "foot": 8.0, "neck": 9.0}


@dataclass(frozen=True)
class Arm:
    """Upper arm and forearm angles (degrees, 0 down, 90 forward)."""

    upper: float = 8.0
    fore: float = 20.0


@dataclass(frozen=True)
class Leg:
    """Thigh, shin and foot angles (degrees, 0 down, 90 forward; a flat foot is 90)."""

    thigh: float = 0.0
    shin: float = 0.0
    foot: float = 90.0


@dataclass(frozen=True)
class Pose:
    """A whole body. The far arm and leg copy the near ones unless given."""

    torso: float = 0.0
    head: float = 0.0
    arm: Arm = Arm()
    leg: Leg = Leg()
    far_arm: Arm | None = None
    far_leg: Leg | None = None
    bump: bool = False           # pregnancy
    facing: int = 1              # 1 faces right, -1 faces left


def toward(p: Point, angle: float, length: float) -> Point:
    """The point ``length`` away from ``p`` along a limb angle (0 down, 90 forward)."""
    r = math.radians(angle)
    return (p[0] + math.sin(r) * length, p[1] + math.cos(r) * length)


def angle_of(a: Point, b: Point) -> float:
    """The limb angle of the direction from ``a`` to ``b``."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def between(a: Point, b: Point, fraction: float) -> Point:
    """The point ``fraction`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction)


Joints = dict[str, Point]


def _leg_joints(hip: Point, leg: Leg, prefix: str) -> Joints:
    knee = toward(hip, leg.thigh, THIGH)
    ankle = toward(knee, leg.shin, SHIN)
    return {f"{prefix}knee": knee, f"{prefix}ankle": ankle, **_foot(ankle, leg.foot, prefix)}


def _foot(ankle: Point, foot: float, prefix: str) -> Joints:
    # The sole runs heel to toe along ``foot``; ``foot - 90`` points from the ankle to the sole.
    heel = toward(toward(ankle, foot, -HEEL_BACK), foot - 90, ANKLE_UP)
    toe = toward(heel, foot, FOOT)
    return {f"{prefix}heel": heel, f"{prefix}toe": toe,
            f"{prefix}heel_ground": toward(heel, foot - 90, SOLE),
            f"{prefix}toe_ground": toward(toe, foot - 90, SOLE)}


def _arm_joints(root: Point, arm: Arm, prefix: str) -> Joints:
    elbow = toward(root, arm.upper, UPPER_ARM)
    return {f"{prefix}elbow": elbow, f"{prefix}hand": toward(elbow, arm.fore, FOREARM)}


def joints(pose: Pose, at: Point = (0.0, 0.0), anchor: str = "hip") -> Joints:
    """Every joint of ``pose``, moved so that the joint named ``anchor`` lands on ``at``.

    Anchors: hip, shoulder, head, seat (under the hip, where it rests on a chair), and
    for the near limbs knee, ankle, heel, toe, heel_ground, toe_ground, elbow, hand
    (prefix ``far_`` for the far ones)."""
    hip = (0.0, 0.0)
    shoulder = toward(hip, 180 - pose.torso, TORSO)
    found: Joints = {
        "hip": hip,
        "seat": toward(hip, -pose.torso, WIDTHS["thigh"] / 2 + OUTLINE),
        "shoulder": shoulder,
        "arm_root": toward(hip, 180 - pose.torso, TORSO - 2),
        "head": toward(shoulder, 180 - pose.head, NECK),
    }
    found |= _leg_joints(hip, pose.leg, "")
    found |= _leg_joints(hip, pose.far_leg or pose.leg, "far_")
    found |= _arm_joints(found["arm_root"], pose.arm, "")
    found |= _arm_joints(found["arm_root"], pose.far_arm or pose.arm, "far_")
    if pose.facing < 0:
        found = {name: (-x, y) for name, (x, y) in found.items()}
    dx, dy = at[0] - found[anchor][0], at[1] - found[anchor][1]
    return {name: (x + dx, y + dy) for name, (x, y) in found.items()}


def _two_link(root: Point, target: Point, first: float, second: float, bend: int) -> Point:
    """The middle joint of a two-segment limb from ``root`` reaching ``target``.

    ``bend`` 1 puts the joint clockwise of the root-to-target line (as seen on screen),
    -1 anticlockwise. A target out of reach is met by the straight limb's end."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    dist = max(min(math.hypot(dx, dy), first + second - 1e-6), abs(first - second) + 1e-6)
    along = (first * first - second * second + dist * dist) / (2 * dist)
    side = math.sqrt(max(first * first - along * along, 0.0))
    ux, uy = dx / math.hypot(dx, dy), dy / math.hypot(dx, dy)
    return (root[0] + ux * along - bend * uy * side, root[1] + uy * along + bend * ux * side)


def reach_hand(found: Joints, target: Point, far: bool = False, bend: int = 1, facing: int = 1) -> Joints:
    """Joints with the (far) hand moved to ``target``. The elbow bends down for ``bend`` 1
    (as when leaning on a counter), up for -1."""
    prefix = "far_" if far else ""
    elbow = _two_link(found["arm_root"], target, UPPER_ARM, FOREARM, bend * facing)
    hand = toward(elbow, angle_of(elbow, target), FOREARM)
    return found | {f"{prefix}elbow": elbow, f"{prefix}hand": hand}


def reach_ankle(found: Joints, target: Point, foot: float = 90.0, far: bool = False,
                bend: int = -1, facing: int = 1) -> Joints:
    """Joints with the (far) ankle moved to ``target`` and the foot at angle ``foot``. The
    knee bends forward for ``bend`` -1."""
    prefix = "far_" if far else ""
    knee = _two_link(found["hip"], target, THIGH, SHIN, bend * facing)
    ankle = toward(knee, angle_of(knee, target), SHIN)
    # The foot is built facing right at the origin, then turned to ``facing`` and moved.
    feet = {name: (ankle[0] + facing * x, ankle[1] + y)
            for name, (x, y) in _foot((0.0, 0.0), foot, prefix).items()}
    return found | {f"{prefix}knee": knee, f"{prefix}ankle": ankle, **feet}


def _limb_paths(found: Joints, prefix: str, arm: bool) -> list[tuple[str, float]]:
    if arm:
        return [(polyline([found["arm_root"], found[f"{prefix}elbow"]]), WIDTHS["upper_arm"]),
                (polyline([found[f"{prefix}elbow"], found[f"{prefix}hand"]]), WIDTHS["forearm"])]
    return [(polyline([found["hip"], found[f"{prefix}knee"]]), WIDTHS["thigh"]),
            (polyline([found[f"{prefix}knee"], found[f"{prefix}ankle"]]), WIDTHS["shin"]),
            (polyline([found[f"{prefix}ankle"], found[f"{prefix}heel"], found[f"{prefix}toe"]]),
             WIDTHS["foot"])]


def silhouette(segments: list[tuple[str, float]], fill: str, dots: list[tuple[Point, float]]) -> str:
    """Segments (path data, width) and dots (centre, radius) as one outlined shape: the
    outline pass first, then the fill pass (class ``fill``), so they merge."""
    outline = [path(d, "", w + 2 * OUTLINE) for d, w in segments]
    outline += [circle(c, r + OUTLINE, "oc") for c, r in dots]
    filled = [path(d, fill, w) for d, w in segments]
    filled += [circle(c, r, "fc") for c, r in dots]
    return "".join(outline + filled)


def _face(found: Joints, pose: Pose) -> str:
    """Hair on the back of the head and one eye, so the facing direction is plain."""
    cx, cy = found["head"]
    up = 180 - pose.head
    f = pose.facing

    def at(angle: float, radius: float) -> Point:
        x, y = toward((0.0, 0.0), angle, radius)
        return (cx + f * x, cy + y)

    r = HEAD_R + 0.5
    hair = f"M{pt(at(up - 35, r))}A{num(r)} {num(r)} 0 0 {0 if f > 0 else 1} {pt(at(up + 120, r))}"
    return path(hair, "", 5.0) + circle(at(up - 70, 5.5), 1.6, "oc")


def person(found: Joints, pose: Pose, ghost: bool = False, only: tuple[str, ...] = (),
           worn: str = "") -> str:
    """Draw the person at the given joints (from ``joints`` and perhaps ``reach_*``).

    ``ghost`` draws the faded start figure. ``only`` draws just some limbs ("arm", "leg",
    "far_arm", "far_leg", or "foot": the near shin and foot), for a faded start where
    nothing else moves. ``worn`` is SVG drawn over the body and under the near arm."""
    if only:
        segments: list[tuple[str, float]] = []
        for limb in only:
            prefix = "far_" if limb.startswith("far_") else ""
            limb_paths = _limb_paths(found, prefix, arm=limb.endswith("arm"))
            segments += limb_paths[1:] if limb == "foot" else limb_paths
        return group([silhouette(segments, "f", [])], "g" if ghost else "")
    far: list[tuple[str, float]] = []
    if _differs(found, ("elbow", "hand")):
        far += _limb_paths(found, "far_", arm=True)
    if _differs(found, ("knee", "ankle", "toe")):
        far += _limb_paths(found, "far_", arm=False)
    body: list[tuple[str, float]] = [
        (polyline([found["hip"], found["shoulder"]]), WIDTHS["torso"]),
        (polyline([found["shoulder"], found["head"]]), WIDTHS["neck"]),
        *_limb_paths(found, "", arm=False),
    ]
    dots: list[tuple[Point, float]] = [(found["head"], HEAD_R)]
    if pose.bump:
        dots.append((_bump(found, pose), 13.0))
    parts = [
        silhouette(far, "k", []) if far else "",
        silhouette(body, "f", dots),
        _face(found, pose),
        worn,
        silhouette(_limb_paths(found, "", arm=True), "f", []),
    ]
    return group(parts, "g" if ghost else "")


def _differs(found: Joints, names: tuple[str, ...]) -> bool:
    """Whether the far limb shows (it is hidden when it lies exactly behind the near one)."""
    return any(pt(found[name]) != pt(found["far_" + name]) for name in names)


def _bump(found: Joints, pose: Pose) -> Point:
    """The centre of a pregnancy bump: low on the front of the torso."""
    hip, shoulder = found["hip"], found["shoulder"]
    low = between(hip, shoulder, 0.42)
    # Front is 90 degrees from the torso's up direction, toward the facing side.
    ux, uy = (shoulder[0] - hip[0]) / TORSO, (shoulder[1] - hip[1]) / TORSO
    fx, fy = (-uy, ux) if pose.facing > 0 else (uy, -ux)
    return (low[0] + fx * 10.0, low[1] + fy * 10.0)
