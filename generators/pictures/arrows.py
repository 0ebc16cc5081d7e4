"""Motion arrows: straight or curved, with solid arrowheads drawn as shapes (no markers).

Markers would need ids, and ids clash when several pictures sit on one page.
"""

from __future__ import annotations

import math

from generators.pictures.svgdoc import Point, num, path, polyline, pt

HEAD_LENGTH = 9.0
HEAD_HALF_WIDTH = 5.5


def head(tip: Point, direction: float, cls: str = "ah") -> str:
    """A filled arrowhead with its point at ``tip``, pointing along ``direction`` (radians,
    screen angle: 0 = right, pi/2 = down)."""
    bx, by = tip[0] - HEAD_LENGTH * math.cos(direction), tip[1] - HEAD_LENGTH * math.sin(direction)
    nx, ny = -math.sin(direction) * HEAD_HALF_WIDTH, math.cos(direction) * HEAD_HALF_WIDTH
    return path(polyline([tip, (bx + nx, by + ny), (bx - nx, by - ny)], closed=True), cls)


def _shaft_end(tip: Point, direction: float) -> Point:
    # Stop the line inside the head so its round cap does not poke out of the point.
    back = HEAD_LENGTH * 0.6
    return (tip[0] - back * math.cos(direction), tip[1] - back * math.sin(direction))


def straight(start: Point, end: Point, both: bool = False, cls: str = "a") -> str:
    """A straight arrow from ``start`` to ``end``; ``both`` puts a head at each end."""
    direction = math.atan2(end[1] - start[1], end[0] - start[0])
    tail = _shaft_end(start, direction + math.pi) if both else start
    heads = head(end, direction, cls + "h")
    if both:
        heads += head(start, direction + math.pi, cls + "h")
    return path(polyline([tail, _shaft_end(end, direction)]), cls) + heads


def arc(centre: Point, radius: float, start_deg: float, end_deg: float, both: bool = False,
        cls: str = "a", ry: float | None = None) -> str:
    """A curved arrow along a circle (or an ellipse with vertical radius ``ry``) from
    ``start_deg`` to ``end_deg`` (screen degrees: 0 = right, 90 = down); the head is at
    the end. The sweep follows the sign of ``end_deg - start_deg``."""
    ry = radius if ry is None else ry
    rx = radius

    def at(deg: float) -> Point:
        a = math.radians(deg)
        return (centre[0] + rx * math.cos(a), centre[1] + ry * math.sin(a))

    sweep_sign = 1 if end_deg > start_deg else -1
    # Pull the drawn ends back along the curve by about the head's length.
    trim = math.degrees(HEAD_LENGTH * 0.6 / max(min(rx, ry), 1.0))
    end_tip = at(end_deg)
    tangent_deg = end_deg - sweep_sign * 2.0
    before = at(tangent_deg)
    direction = math.atan2(end_tip[1] - before[1], end_tip[0] - before[0])
    line_end = at(end_deg - sweep_sign * trim)
    line_start = at(start_deg + sweep_sign * trim) if both else at(start_deg)
    span = abs(end_deg - start_deg)
    large = 1 if span > 180 else 0
    sweep = 1 if sweep_sign > 0 else 0
    data = (f"M{pt(line_start)}A{num(rx)} {num(ry)} 0 {large} {sweep} {pt(line_end)}")
    heads = head(end_tip, direction, cls + "h")
    if both:
        start_tip = at(start_deg)
        after = at(start_deg + sweep_sign * 2.0)
        heads += head(start_tip, math.atan2(start_tip[1] - after[1], start_tip[0] - after[0]), cls + "h")
    return path(data, cls) + heads
