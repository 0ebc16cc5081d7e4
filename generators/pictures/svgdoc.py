"""Turn drawn parts into one SVG document: numbers, the shared style sheet, the wrapper.

Every picture draws from the same style sheet (each carries only the rules its classes
use), so the pictures share one look and follow the page: lines are ``currentColor``
(the page's text colour, AA on both backgrounds), fills and arrows are custom properties
with a light default, a Material dark-scheme (``[data-md-color-scheme="slate"]``) value
and a print value (black on white). Inline the SVG in the page for the dark scheme to
apply; as an <img> it keeps its light colours.

The style sheet and the class names are scoped under ``.sh-pic``: an inline SVG's
``<style>`` applies to the whole page, and several pictures may sit on one page. For the
same reason the pictures use no ``id`` attributes (and so no markers or gradients).
Coordinates are in viewBox units; numbers are rounded to one decimal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

Point = tuple[float, float]
Box = tuple[float, float, float, float]
#: The words for the "start" and "end" labels, in the page's language.
Labels = tuple[str, str]
ENGLISH: Labels = ("start", "end")

#: Colours as (light, dark, print). Lines that carry meaning meet 3:1 (WCAG 1.4.11) and
#: text meets 4.5:1 against white and against Material's slate background (#1e2029).
COLOURS: dict[str, tuple[str, str, str]] = {
    "body": ("#cfe6e1", "#28524c", "#fff"),      # the person: a soft teal silhouette
    "far": ("#9fcfc6", "#1b3a36", "#ddd"),       # the far arm and leg, a shade darker
    "ghost": ("#6b7280", "#a3abb8", "#666"),     # the faded start figure's lines: 4.8:1 / 7.2:1
    "ghost-fill": ("#f4f5f7", "#2a2e38", "#fff"),
    "prop": ("#efe5d8", "#3d362f", "#fff"),      # furniture
    "soft": ("#f8f2ea", "#4a4239", "#fff"),      # pillows, cushions, stocking
    "arrow": ("#0d47a1", "#90caf9", "#000"),     # motion arrows: the site's accent, 8.6:1 / 9.2:1
    "water": ("#9cc9ef", "#2f5f8f", "#eee"),
    "blood": ("#f3b3b0", "#6a2b2b", "#ddd"),     # diagrams: blood (pale, so arrows on it stay AA)
    "back": ("#b43c0b", "#ff9a5c", "#000"),      # diagrams: blood falling back (as in the widget)
    "muscle": ("#e9a3a3", "#8e3b3b", "#ddd"),
    "heart": ("#c62828", "#ef6b6b", "#444"),     # the heart marker: 5.6:1 / 5.3:1
    "skin": ("#f6e1d3", "#4d3b33", "#fff"),
    "stocking": ("#b98e6a", "#8a6445", "#999"),  # a stocking over the body's fill
}


#: Each class the drawings use, and its rule (under ``.sh-pic``). A picture's style sheet
#: holds only the rules, and the colour variables, that its own classes need.
CLASS_RULES: dict[str, str] = {
    "f": ".sh-pic .f{stroke:var(--sh-pic-body)}",                    # the person's fill pass
    "k": ".sh-pic .k{stroke:var(--sh-pic-far)}",                     # ... of the far arm and leg
    "oc": ".sh-pic .oc{fill:currentColor;stroke:none}",              # head outline, eye, dots
    "fc": ".sh-pic .fc{fill:var(--sh-pic-body);stroke:none}",        # head fill
    "g": (".sh-pic .g{color:var(--sh-pic-ghost)}.sh-pic .g .f,.sh-pic .g .k{stroke:var(--sh-pic-ghost-fill)}"
          ".sh-pic .g .fc{fill:var(--sh-pic-ghost-fill)}"),          # the faded start figure
    "p": ".sh-pic .p{fill:var(--sh-pic-prop)}",                      # furniture
    "s": ".sh-pic .s{fill:var(--sh-pic-soft)}",                      # pillows, clock faces
    "ts": ".sh-pic .ts{stroke:var(--sh-pic-soft)}",                  # tape measure
    "w": ".sh-pic .w{fill:var(--sh-pic-water);stroke:none}",
    "a": ".sh-pic .a{stroke:var(--sh-pic-arrow);stroke-width:3}",    # motion arrows
    "ah": ".sh-pic .ah{fill:var(--sh-pic-arrow);stroke:none}",
    "t": ".sh-pic .t{fill:currentColor;stroke:none;font-size:12px;text-anchor:middle}",
    "tl": ".sh-pic .tl{font-size:15px}",                             # diagram labels
    "bl": ".sh-pic .bl{fill:var(--sh-pic-blood)}",
    "bk": ".sh-pic .bk{stroke:var(--sh-pic-back);stroke-width:3}",   # blood falling back
    "bkh": ".sh-pic .bkh{fill:var(--sh-pic-back);stroke:none}",
    "hr": ".sh-pic .hr{fill:var(--sh-pic-heart)}",
    "m": ".sh-pic .m{fill:var(--sh-pic-muscle)}",
    "sk": ".sh-pic .sk{fill:var(--sh-pic-skin)}",
    "st": ".sh-pic .st{stroke:var(--sh-pic-stocking)}",              # a stocking
    "dl": ".sh-pic .dl{stroke-dasharray:5 4}",                       # a dashed guide line
}
_CLASS = re.compile(r'class="([^"]*)"')
_VAR = re.compile(r"var\(--sh-pic-([a-z-]+)\)")


def _vars(column: int, names: set[str]) -> str:
    return "".join(f";--sh-pic-{name}:{values[column]}" for name, values in COLOURS.items() if name in names)


def style_for(body: str) -> str:
    """The style sheet for a picture whose drawing is ``body``: lines in the page's text
    colour, and the light, dark-scheme and print values of the colours it uses."""
    used = {name for found in _CLASS.findall(body) for name in found.split()}
    rules = "".join(rule for name, rule in CLASS_RULES.items() if name in used)
    names = set(_VAR.findall(rules))
    return (".sh-pic{fill:none;stroke:currentColor;stroke-linecap:round;stroke-linejoin:round;"
            f"stroke-width:2;font-family:inherit{_vars(0, names)}}}"
            f'[data-md-color-scheme="slate"] .sh-pic{{{_vars(1, names)[1:]}}}'
            # In print, black on white even when the reader prints from the dark scheme.
            f"@media print{{.sh-pic,[data-md-color-scheme] .sh-pic{{color:#000{_vars(2, names)}}}}}" + rules)


#: The whole style sheet, as a picture using every class would have it.
STYLE = style_for(" ".join(f'class="{name}"' for name in CLASS_RULES))


def num(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing '.0' or a '-0'."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    text = f"{rounded:.1f}"
    return text[:-2] if text.endswith(".0") else text


def pt(point: Point) -> str:
    return f"{num(point[0])} {num(point[1])}"


def polyline(points: list[Point] | tuple[Point, ...], closed: bool = False) -> str:
    """Path data through the points: 'M x y L x y x y ...'."""
    first, *rest = points
    data = f"M{pt(first)}"
    if rest:
        data += "L" + " ".join(pt(p) for p in rest)
    return data + ("Z" if closed else "")


def path(data: str, cls: str = "", width: float | None = None) -> str:
    attrs = f' class="{cls}"' if cls else ""
    if width is not None:
        attrs += f' stroke-width="{num(width)}"'
    return f'<path d="{data}"{attrs}/>'


def circle(centre: Point, radius: float, cls: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    return f'<circle cx="{num(centre[0])}" cy="{num(centre[1])}" r="{num(radius)}"{attrs}/>'


def rect(x: float, y: float, w: float, h: float, cls: str = "p", radius: float = 0) -> str:
    rounded = f' rx="{num(radius)}"' if radius else ""
    return (f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"'
            f'{rounded} class="{cls}"/>')


def text(at: Point, words: str, cls: str = "t", anchor: str = "") -> str:
    style = f' style="text-anchor:{anchor}"' if anchor else ""
    return f'<text x="{num(at[0])}" y="{num(at[1])}" class="{cls}"{style}>{html.escape(words)}</text>'


def labels_at(labels: Labels, start_x: float, end_x: float, y: float) -> str:
    """The "start" and "end" words under two panels."""
    return text((start_x, y), labels[0]) + text((end_x, y), labels[1])


def group(parts: list[str] | tuple[str, ...], cls: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    return f"<g{attrs}>{''.join(parts)}</g>"


def document(view_box: Box, alt: str, body: str) -> str:
    """The whole picture: scales to its container (no width or height), named by ``alt``."""
    box = " ".join(num(v) for v in view_box)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" class="sh-pic" role="img">'
        f"<title>{html.escape(alt)}</title><style>{style_for(body)}</style>{body}</svg>"
    )


@dataclass(frozen=True)
class Picture:
    """One picture: a stable id, its viewBox, and how to draw its body given the labels."""

    id: str
    view_box: Box
    draw: Callable[[Labels], str]

    def render(self, alt: str, labels: Labels = ENGLISH) -> str:
        """The SVG document, named by ``alt`` (plain text; it is escaped here)."""
        return document(self.view_box, alt, self.draw(labels))
