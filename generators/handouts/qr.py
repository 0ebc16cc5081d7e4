"""QR codes that take a reader from the paper to the online page, drawn as inline SVG.

``segno`` makes the code (pure Python, no network). The SVG is drawn here from its module
matrix, one ``M x y h n v1 h -n z`` rectangle per run of dark modules in a row, with the
four-module quiet zone the standard asks for, so a test can read the drawing back into
modules and compare it with the matrix segno makes for the expected address.
"""

from __future__ import annotations

from html import escape

import segno

#: Modules of light margin around the code (ISO/IEC 18004 asks for four).
QUIET_ZONE = 4
#: Error correction: "m" recovers about 15% (a fold or a pen mark); segno raises it when
#: that costs no extra size.
ERROR = "m"


def qr_matrix(url: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR code for ``url``, without quiet zone."""
    code = segno.make(url, error=ERROR, micro=False)
    return [[bool(module) for module in row] for row in code.matrix]


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for ``url``; ``label`` names it for screen readers."""
    matrix = qr_matrix(url)
    size = len(matrix) + 2 * QUIET_ZONE
    runs: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
    return (f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'role="img" data-url="{escape(url)}" shape-rendering="crispEdges">'
            f"<title>{escape(label)}</title>"
            f'<rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(runs)}"/></svg>')
