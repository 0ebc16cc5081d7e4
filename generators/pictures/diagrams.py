"""The two labelled mechanism diagrams: the calf pump (relaxed and squeezed) and a
healthy valve next to a leaky one.

Labels are SVG text in the page's font (``font-family: inherit``), 15 units high in a
300-unit-wide viewBox: about 14 px on a 320 px phone. The words are a parameter, so a
page in another language can pass its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generators.pictures import arrows
from generators.pictures.svgdoc import Labels, Picture, Point, num, path, polyline, pt, text


@dataclass(frozen=True)
class PumpWords:
    relaxed: str = "relaxed"
    squeezed: str = "squeezed"
    muscle: str = "calf muscle"
    vein: str = "deep vein"
    valve: str = "valve"
    to_heart: str = "to the heart"


@dataclass(frozen=True)
class ValveWords:
    healthy: str = "healthy valve"
    leaky: str = "leaky valve"
    shut: str = "flaps close"
    falls_back: str = "blood falls back"
    to_heart: str = "to the heart"


# A lower leg from the side, knee at the top, foot pointing right (local units).
LEG = ("M14 0C0 40-4 100 16 150C22 166 24 178 22 190C20 200 24 206 34 206H82C90 206 90 196 82 193"
       "L62 184C58 178 58 168 60 150C66 100 68 40 64 0Z")
VEIN_X = 40.0
VEIN_HALF = 10.5
VALVES_Y = (172.0, 36.0)   # lower, upper


def _label(at: Point, words: str, anchor: str = "") -> str:
    return text(at, words, "t tl", anchor)


def _leg(x: float, y: float, squeezed: bool) -> str:
    """One lower leg with the calf muscle, the deep vein and two valves, drawn in its own
    frame and moved to (x, y). Squeezed, the muscle is thicker, the vein is pinched, the
    lower valve is shut and the upper one open; relaxed, the other way round."""
    bulge = 7.0 if squeezed else 0.0
    muscle = f"M12 22C{num(-4 - bulge)} 62 2 128 24 150C{num(31 + bulge)} 120 {num(31 + bulge)} 60 28 22Z"
    front = f"M50 36C{num(51 - bulge)} 80 {num(51 - bulge)} 110 54 140C62 110 62 70 58 36Z"
    half = 3.5 if squeezed else VEIN_HALF
    left, right = VEIN_X - VEIN_HALF, VEIN_X + VEIN_HALF
    vein = (f"M{num(left)} 194V146C{num(VEIN_X - half)} 126 {num(VEIN_X - half)} 74 {num(left)} 56V-12"
            f"H{num(right)}V56C{num(VEIN_X + half)} 74 {num(VEIN_X + half)} 126 {num(right)} 146V194Z")
    lower_open, upper_open = (False, True) if squeezed else (True, False)
    parts = [path(LEG, "sk", 2), path(muscle, "m", 2), path(front, "m", 2), path(vein, "bl", 2),
             _valve((VEIN_X, VALVES_Y[0]), lower_open), _valve((VEIN_X, VALVES_Y[1]), upper_open)]
    if squeezed:  # the muscle presses in on the vein
        parts.append(arrows.straight((-14, 100), (2, 100)) + arrows.straight((80, 100), (64, 100)))
    return f'<g transform="translate({num(x)} {num(y)})">{"".join(parts)}</g>'


def _valve(centre: Point, open_: bool, half_width: float = VEIN_HALF, leaky: bool = False) -> str:
    """Two flaps growing up and in from the vein walls (as in the vein-valve widget):
    open, they lie along the walls; shut, they meet in the middle; leaky, they stop
    short and leave a gap."""
    cx, cy = centre
    w = half_width
    if open_:
        reach, rise = w - 3.0, w * 1.1
    else:
        reach, rise = (w * 0.32 if leaky else 1.0), w * 0.6
    d = "".join(f"M{pt((cx + s * w, cy + w * 0.5))}Q{pt((cx + s * (w - 0.5), cy))} "
                f"{pt((cx + s * reach, cy - rise))}" for s in (-1, 1))
    return path(d, "", 3.5 if w > 20 else 2.8)


def calf_pump(words: PumpWords) -> Callable[[Labels], str]:
    def draw(labels: Labels) -> str:
        relaxed_x, squeezed_x, top = 112.0, 212.0, 36.0
        parts = [_leg(relaxed_x, top, False), _leg(squeezed_x, top, True)]
        parts += [_label((relaxed_x + 44, top + 232), words.relaxed),
                  _label((squeezed_x + 44, top + 232), words.squeezed)]
        # Blood: fills the relaxed vein from below; the squeeze pushes it up and out.
        parts.append(arrows.straight((relaxed_x + VEIN_X, top + 196), (relaxed_x + VEIN_X, top + 130)))
        parts.append(arrows.straight((squeezed_x + VEIN_X, top - 6), (squeezed_x + VEIN_X, top - 32)))
        parts.append(_label((squeezed_x - 12, 16), words.to_heart, anchor="end"))
        # Labels on the left, with leader lines to the relaxed leg.
        leaders = [
            ((2, 62), words.valve, (relaxed_x + VEIN_X - 4, top + VALVES_Y[1] - 2)),
            ((2, 122), words.muscle, (relaxed_x + 10, top + 96)),
            ((2, 182), words.vein, (relaxed_x + VEIN_X - VEIN_HALF, top + 146)),
        ]
        for (tx, ty), word, target in leaders:
            parts.append(_label((tx, ty), word, anchor="start"))
            parts.append(path(polyline([(tx, ty + 6), (tx + 84, ty + 6), target]), "", 1.5))
        return "".join(parts)
    return draw


def _vein_segment(x: float, y: float, leaky: bool) -> str:
    """A length of vein, cut open, with one valve; a leaky one is stretched below the valve."""
    width, bulge = 60.0, (14.0 if leaky else 0.0)
    d = (f"M{num(x)} {num(y)}V{num(y + 80)}C{num(x - bulge)} {num(y + 110)} {num(x - bulge)} {num(y + 140)} "
         f"{num(x)} {num(y + 160)}H{num(x + width)}C{num(x + width + bulge)} {num(y + 140)} "
         f"{num(x + width + bulge)} {num(y + 110)} {num(x + width)} {num(y + 80)}V{num(y)}Z")
    return path(d, "bl", 2.5) + _valve((x + width / 2, y + 80), False, width / 2, leaky)


def valves(words: ValveWords) -> Callable[[Labels], str]:
    def draw(labels: Labels) -> str:
        healthy_x, leaky_x, top = 45.0, 195.0, 44.0
        mid_h, mid_l = healthy_x + 30, leaky_x + 30
        return "".join([
            _vein_segment(healthy_x, top, False), _vein_segment(leaky_x, top, True),
            _label((mid_h, 22), words.healthy), _label((mid_l, 22), words.leaky),
            arrows.straight((mid_h, top + 50), (mid_h, top + 10)),
            arrows.straight((mid_l, top + 50), (mid_l, top + 10)),
            arrows.straight((mid_l, top + 84), (mid_l, top + 140), cls="bk"),
            _label((mid_h, top + 184), words.shut), _label((mid_l, top + 184), words.falls_back),
            _label((150, top + 212), words.to_heart),
            arrows.straight((202, top + 212), (202, top + 194)),
        ])
    return draw


def diagrams(pump: PumpWords, valve: ValveWords) -> dict[str, Picture]:
    """The two diagrams, labelled with these words (a page's language)."""
    return {
        "diagram-calf-pump": Picture("diagram-calf-pump", (0, 0, 300, 290), calf_pump(pump)),
        "diagram-valves": Picture("diagram-valves", (0, 0, 300, 264), valves(valve)),
    }


DIAGRAMS: dict[str, Picture] = diagrams(PumpWords(), ValveWords())
