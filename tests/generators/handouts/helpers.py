"""Reading a handout back: its QR codes as module matrices, its red flags with their level."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_QR = re.compile(r'<figure class="online__item" data-qr="(\d+)"><svg class="qr"[^>]*viewBox="0 0 (\d+) \2"'
                 r'[^>]*>.*?<path fill="#000" d="([^"]*)"/></svg>')
_RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\3z")
QUIET_ZONE = 4


def drawn_qr_codes(html: str) -> list[list[list[bool]]]:
    """Every QR code drawn in a handout, in order, read back from its SVG path into dark
    (True) and light modules, without the quiet zone."""
    codes = []
    for _index, size, path in _QR.findall(html):
        n = int(size) - 2 * QUIET_ZONE
        grid = [[False] * n for _ in range(n)]
        runs = _RUN.findall(path)
        assert "".join(f"M{x} {y}h{w}v1h-{w}z" for x, y, w in runs) == path, "unexpected drawing commands"
        for x, y, width in runs:
            for column in range(int(x), int(x) + int(width)):
                grid[int(y) - QUIET_ZONE][column - QUIET_ZONE] = True
        codes.append(grid)
    return codes


class _Levels(HTMLParser):
    VOID = frozenset({"br", "img", "meta", "hr", "input", "link", "wbr", "col"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        level = values.get("data-care-level")
        if values.get("data-red-flag"):
            around = next((x for x in reversed(self.stack) if x is not None), level)
            self.found.append((str(values["data-red-flag"]), around))
        if tag not in self.VOID:
            self.stack.append(level)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()


def red_flags_by_level(html: str) -> list[tuple[str, str | None]]:
    """(red flag id, the care level of the box it is shown in), in document order."""
    parser = _Levels()
    parser.feed(html)
    return parser.found
