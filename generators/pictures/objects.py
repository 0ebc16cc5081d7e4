"""Small objects for the steps that are not a movement: a clock or timer, a glass and a
bottle of water, a shoe, the sun and the moon, a speech bubble, a tick and a cross, a
magnifying glass and a heart. Same line weight and colours as the people.
"""

from __future__ import annotations

import math

from generators.pictures.svgdoc import Point, circle, num, path, polyline, pt


def _dial(centre: Point, radius: float, degrees: float) -> Point:
    """A point on a circle, at ``degrees`` clockwise from 12 o'clock."""
    a = math.radians(degrees)
    return (centre[0] + radius * math.sin(a), centre[1] - radius * math.cos(a))


def _outlined(shape: str, fill: str, width: float = 2.0) -> str:
    """A closed path filled with class ``fill`` and outlined in the line colour."""
    return path(shape, fill) + path(shape, "", width)


def clock(centre: Point, radius: float, minutes: float | None = None, ringing: bool = False) -> str:
    """A clock face. With ``minutes``, a timer: a wedge from 12 o'clock for that many
    minutes instead of hands. ``ringing`` adds short lines either side of its top."""
    cx, cy = centre
    inner = radius - 3
    parts = [circle(centre, radius, "s")]
    if minutes is not None:
        large = 1 if minutes > 30 else 0
        parts.append(path(f"M{pt(centre)}V{num(cy - inner)}A{num(inner)} {num(inner)} 0 {large} 1 "
                          f"{pt(_dial(centre, inner, 6 * minutes))}Z", "ah"))
    parts += [path(polyline([_dial(centre, radius - 5, hour), _dial(centre, radius - 1.5, hour)]), "", 2)
              for hour in (0, 90, 180, 270)]
    if minutes is None:
        parts.append(path(polyline([(cx, cy - radius * 0.6), centre, (cx + radius * 0.45, cy)]), "", 2.5))
    parts.append(circle(centre, 2, "oc"))
    if ringing:
        parts += [path(polyline([_dial(centre, radius + 3, side * angle),
                                 _dial(centre, radius + 3 + length, side * angle)]), "", 2.5)
                  for side in (-1, 1) for angle, length in ((35, 6.0), (60, 5.0))]
    return "".join(parts)


def glass(bottom: Point, height: float = 22.0) -> str:
    """A glass of water standing on ``bottom`` (the middle of its base)."""
    x, y = bottom
    top, base, level = height * 0.36, height * 0.27, height * 0.7
    water = polyline([(x - base, y), (x - top * 0.93, y - level), (x + top * 0.93, y - level), (x + base, y)],
                     closed=True)
    cup = polyline([(x - top, y - height), (x - base, y), (x + base, y), (x + top, y - height)])
    return path(water, "w") + path(cup, "", 2)


def bottle(bottom: Point, height: float = 30.0) -> str:
    """A water bottle standing on ``bottom``, two thirds full."""
    x, y = bottom
    half, neck = height * 0.15, height * 0.075

    def p(dx: float, up: float) -> str:
        return pt((x + dx, y - up * height))

    body = (f"M{p(-half, 0)}V{num(y - height * 0.68)}Q{p(-half, 0.8)} {p(-neck, 0.84)}V{num(y - height)}"
            f"H{num(x + neck)}V{num(y - height * 0.84)}Q{p(half, 0.8)} {p(half, 0.68)}V{num(y)}Z")
    water = f"M{p(1 - half, 0)}V{num(y - height * 0.55)}H{num(x + half - 1)}V{num(y)}Z"
    cap = path(f"M{p(-neck, 0.93)}H{num(x + neck)}", "", 2)
    return path(body, "s") + path(water, "w") + path(body, "", 2) + cap


def shoe(toe: Point, length: float = 90.0) -> str:
    """A comfortable laced walking shoe from the side, its toe at ``toe``, pointing right."""
    scale = length / 90.0

    def p(dx: float, dy: float) -> str:
        return pt((toe[0] + dx * scale, toe[1] + dy * scale))

    upper = (f"M{p(-88, -6)}C{p(-90, -22)} {p(-86, -34)} {p(-80, -38)}C{p(-72, -36)} {p(-64, -34)} "
             f"{p(-56, -40)}L{p(-50, -46)}C{p(-44, -48)} {p(-40, -44)} {p(-38, -38)}C{p(-24, -26)} "
             f"{p(-10, -22)} {p(-2, -16)}C{p(2, -12)} {p(2, -8)} {p(0, -6)}Z")
    sole = (f"M{p(-90, -7)}L{p(2, -7)}C{p(6, -7)} {p(6, 2)} {p(0, 2)}"
            f"L{p(-86, 2)}C{p(-92, 2)} {p(-93, -7)} {p(-90, -7)}Z")
    laces = "".join(path(f"M{p(-46 + 7 * i, -38 + 4 * i)}l{num(-4 * scale)} {num(-8 * scale)}", "", 2.5)
                    for i in range(3))
    stitching = path(f"M{p(-86, -14)}L{p(-8, -14)}", "", 1.5)
    return _outlined(upper, "s", 2.5) + _outlined(sole, "p", 2.5) + laces + stitching


def sun(centre: Point, radius: float = 8.0) -> str:
    rays = "".join(path(polyline([_dial(centre, radius + 3, d), _dial(centre, radius + 8, d)]), "", 2.5)
                   for d in range(0, 360, 45))
    return circle(centre, radius, "s") + circle(centre, radius) + rays


def moon(centre: Point, radius: float = 10.0) -> str:
    """A crescent moon."""
    cx, cy = centre
    r = radius
    tip_top, tip_low = (cx + r * 0.2, cy - r), (cx + r, cy + r * 0.3)
    inner = num(r * 0.8)
    d = f"M{pt(tip_top)}A{num(r)} {num(r)} 0 1 0 {pt(tip_low)}A{inner} {inner} 0 0 1 {pt(tip_top)}Z"
    return _outlined(d, "s")


def speech(tail: Point, width: float = 34.0, height: float = 20.0) -> str:
    """A speech bubble with three dots; ``tail`` is the tip of its pointer (near a mouth)."""
    x, y = tail[0] + 4, tail[1] - 8 - height
    right, low = x + width, y + height
    d = (f"M{num(x + 6)} {num(y)}H{num(right - 6)}Q{num(right)} {num(y)} {num(right)} {num(y + 6)}"
         f"V{num(low - 6)}Q{num(right)} {num(low)} {num(right - 6)} {num(low)}H{num(x + 12)}L{pt(tail)}"
         f"L{num(x + 6)} {num(low)}Q{num(x)} {num(low)} {num(x)} {num(low - 6)}V{num(y + 6)}"
         f"Q{num(x)} {num(y)} {num(x + 6)} {num(y)}Z")
    dots = "".join(circle((x + width * f, y + height / 2), 2.3, "oc") for f in (0.3, 0.5, 0.7))
    return _outlined(d, "s") + dots


def tick(centre: Point, size: float = 12.0) -> str:
    x, y = centre
    return path(polyline([(x - size * 0.5, y), (x - size * 0.15, y + size * 0.4),
                          (x + size * 0.55, y - size * 0.45)]), "", 4)


def cross(centre: Point, size: float = 10.0) -> str:
    x, y = centre
    h = size / 2
    strokes = polyline([(x - h, y - h), (x + h, y + h)]) + polyline([(x + h, y - h), (x - h, y + h)])
    return path(strokes, "", 4)


def magnifier(centre: Point, radius: float = 9.0) -> str:
    cx, cy = centre
    handle = polyline([(cx + radius * 0.72, cy + radius * 0.72), (cx + radius * 1.7, cy + radius * 1.7)])
    ring = circle(centre, radius).replace("/>", ' stroke-width="2.5"/>')
    return path(handle, "", 5) + circle(centre, radius, "s") + ring


def heart(centre: Point, size: float = 10.0) -> str:
    """A small heart shape (the heart's level in the leg-raising pictures)."""
    scale = size / 10.0

    def p(dx: float, dy: float) -> str:
        return pt((centre[0] + dx * scale, centre[1] + dy * scale))

    d = f"M{p(0, 8)}C{p(-12, 0)} {p(-8, -10)} {p(0, -4)}C{p(8, -10)} {p(12, 0)} {p(0, 8)}Z"
    return path(d, "hr", 1.5)
