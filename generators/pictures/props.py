"""Furniture drawn to the person's scale (1 unit is about 1 cm): floor, kitchen counter,
firm chair, bed with pillows, footstool, table and a travel seat.

Each function takes the floor's y and an x position and returns SVG. Furniture is drawn
before the person, so a body resting on it covers its edge.
"""

from __future__ import annotations

from generators.pictures.svgdoc import num, path, polyline, rect

COUNTER_HEIGHT = 90.0
SEAT_HEIGHT = 46.0
BED_HEIGHT = 48.0
STOOL_HEIGHT = 38.0
TABLE_HEIGHT = 74.0


def floor(y: float, x0: float, x1: float) -> str:
    return path(f"M{num(x0)} {num(y)}H{num(x1)}", "", 2.5)


def counter(front_x: float, floor_y: float, depth: float = 60.0) -> str:
    """A kitchen counter whose front (with its overhanging worktop) faces left, toward
    a person standing at ``front_x``."""
    top = floor_y - COUNTER_HEIGHT
    return "".join([
        rect(front_x + 3, top + 5, depth, COUNTER_HEIGHT - 13),                    # cabinet
        rect(front_x + 7, floor_y - 8, depth - 4, 8),                              # plinth
        rect(front_x, top, depth + 4, 5, radius=1.5),                              # worktop
        path(f"M{num(front_x + 10)} {num(top + 14)}V{num(top + 24)}", "", 3),      # door handle
    ])


def chair(back_x: float, floor_y: float, facing: int = 1, seat_depth: float = 40.0) -> str:
    """A firm dining chair from the side: its back at ``back_x``, its seat toward ``facing``."""
    seat_y = floor_y - SEAT_HEIGHT
    back_top = seat_y - 46
    parts = "".join([
        rect(back_x - 5, back_top, 5, floor_y - back_top),                       # back post and leg
        rect(back_x + seat_depth - 6, seat_y, 5, SEAT_HEIGHT),                   # front leg
        rect(back_x - 7, back_top, 9, 24, radius=3),                             # back rest
        rect(back_x - 6, seat_y - 6, seat_depth + 6, 7, radius=2.5),             # seat
    ])
    if facing > 0:
        return parts
    return f'<g transform="matrix(-1 0 0 1 {num(2 * back_x)} 0)">{parts}</g>'


def bed(head_x: float, floor_y: float, length: float = 200.0) -> str:
    """A bed with its headboard on the left at ``head_x``."""
    top = floor_y - BED_HEIGHT
    return "".join([
        rect(head_x - 6, top - 34, 7, BED_HEIGHT + 34, radius=3),                 # headboard
        rect(head_x + length - 5, floor_y - 26, 5, 26),                           # foot leg
        rect(head_x, top + 14, length, 10),                                       # frame
        rect(head_x, top, length, 15, cls="s", radius=5),                         # mattress
    ])


def pillow(x: float, y_bottom: float, width: float = 34.0, height: float = 12.0) -> str:
    return rect(x, y_bottom - height, width, height, cls="s", radius=height / 2)


def stool(x: float, floor_y: float, width: float = 36.0, height: float = STOOL_HEIGHT) -> str:
    top = floor_y - height
    return "".join([
        rect(x + 3, top + 8, 4, height - 8), rect(x + width - 7, top + 8, 4, height - 8),
        rect(x, top, width, 10, radius=4),
    ])


def table(x: float, floor_y: float, width: float = 70.0) -> str:
    """A small round table from the side: one central column on a foot, so a seated
    person's legs fit under its top. Drawn after the person, in front of their knees."""
    top = floor_y - TABLE_HEIGHT
    middle = x + width / 2
    return "".join([
        rect(middle - 3, top + 4, 6, TABLE_HEIGHT - 8), rect(middle - 18, floor_y - 5, 36, 5, radius=2),
        rect(x, top, width, 5, radius=1.5),
    ])


def travel_seat(back_x: float, floor_y: float) -> str:
    """A high-backed plane or train seat, facing right, with a window behind it."""
    seat_y = floor_y - 44
    return "".join([
        rect(back_x + 70, floor_y - 150, 26, 38, cls="s", radius=11),            # window
        path(polyline([(back_x + 6, seat_y + 6), (back_x + 2, floor_y)]), "", 4),
        path(polyline([(back_x + 40, seat_y + 6), (back_x + 44, floor_y)]), "", 4),
        path(polyline([(back_x - 6, seat_y + 4), (back_x - 16, seat_y - 70), (back_x - 4, seat_y - 72),
                       (back_x + 8, seat_y - 2)], closed=True), "p"),             # reclined back
        rect(back_x - 20, seat_y - 88, 18, 22, radius=6),                          # head rest
        rect(back_x - 2, seat_y - 8, 50, 12, radius=5),                            # cushion
    ])
