"""A chart's first paint: static SVG drawn at build time from the same figure the page's
plotly.js draws when the reader asks to explore it.

The drawing is Plotly's own static export (Kaleido, which drives the system Chromium
offline, with the site's own plotly.js and the site's font), made at two sizes: a narrow
one for phones and a wide one (the page shows one, by its width, with CSS). The SVG is
then made safe for the site's Content-Security-Policy and its colour schemes
(``clean_svg``): every ``style`` attribute becomes presentation attributes, and the two
placeholder colours the figure is drawn in (text and grid lines) become classes that
site.css colours from Material's light or dark palette. Ids are made stable, so the same
figure always gives the same bytes.

Drawings are cached under ``build/cache/chart-svg/`` by a hash of what goes into them
(figure, size, plotly.js, font, this module's ``RENDER_VERSION``): a build whose charts
did not change starts no browser.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import os
import re
import shutil
import tempfile
from base64 import b64encode
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from generators.errors import BuildError

#: Bump when the drawing or the cleaning below changes, so cached drawings are redrawn.
RENDER_VERSION = "2"
#: Variant -> (width, height) in CSS pixels. The narrow one is drawn for a phone's column
#: (about 300-400 px) so its text stays at its real size; site.css picks one by width.
SIZES = {"narrow": (360, 420), "wide": (680, 420)}
#: Placeholder colours the figure is drawn in, turned into classes (see the docstring).
TEXT_COLOUR = "rgb(1, 2, 3)"
GRID_COLOUR = "rgb(4, 5, 6)"
_COLOUR_CLASSES = {("fill", TEXT_COLOUR): "sh-svg-text", ("stroke", TEXT_COLOUR): "sh-svg-line",
                   ("fill", GRID_COLOUR): "sh-svg-grid-fill", ("stroke", GRID_COLOUR): "sh-svg-grid"}
#: CSS properties that SVG also takes as attributes (which no style-src policy governs).
_PRESENTATION = frozenset({
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-opacity", "stroke-width",
    "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "stroke-miterlimit", "opacity",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "vector-effect",
    "shape-rendering", "visibility", "display", "pointer-events", "dominant-baseline",
})
FONT_FILES = {400: "atkinson-hyperlegible-latin-400-normal.woff2",
              700: "atkinson-hyperlegible-latin-700-normal.woff2"}
PLOTLY_JS = "plotly.js-basic-dist-min/plotly-basic.min.js"


def static_layout(figure: dict[str, Any], variant: str) -> dict[str, Any]:
    """The page's layout at one size (with the figure's ``narrow`` changes for the narrow
    one, as charts-explore.js applies them to a narrow column), in the placeholder colours."""
    width, height = SIZES[variant]
    axis = {"gridcolor": GRID_COLOUR, "zerolinecolor": GRID_COLOUR, "linecolor": GRID_COLOUR}
    layout = figure["layout"]
    if variant == "narrow":
        layout = {**layout, **figure.get("narrow", {})}
    return {
        **layout,
        "width": width, "height": height, "autosize": False,
        "font": {**layout.get("font", {}), "color": TEXT_COLOUR},
        "xaxis": {**layout.get("xaxis", {}), **axis},
        "yaxis": {**layout.get("yaxis", {}), **axis},
    }


def static_svgs(figures: dict[str, str], project: Path) -> dict[str, dict[str, str]]:
    """Chart id -> {variant: cleaned SVG}, for figures given as the site's figure JSON."""
    node = project / "node_modules"
    plotly_js = node / PLOTLY_JS
    fonts = {weight: node / "@fontsource" / "atkinson-hyperlegible" / "files" / name
             for weight, name in FONT_FILES.items()}
    missing = [path for path in (plotly_js, *fonts.values()) if not path.is_file()]
    if missing:
        raise BuildError(f"{missing[0]} is missing: the front-end packages are not installed. "
                         "Run `npm ci` in the project folder (./dev build does it for you).")
    inputs = hashlib.sha256(RENDER_VERSION.encode() + plotly_js.read_bytes()
                            + b"".join(path.read_bytes() for path in fonts.values())).hexdigest()
    cache = project / "build" / "cache" / "chart-svg"
    wanted: dict[tuple[str, str], tuple[Path, dict[str, Any]]] = {}
    for chart_id, text in sorted(figures.items()):
        figure = json.loads(text)
        for variant in SIZES:
            drawn = {"data": figure["data"], "layout": static_layout(figure, variant)}
            key = hashlib.sha256(f"{inputs}{chart_id}{variant}".encode()
                                 + json.dumps(drawn, sort_keys=True).encode()).hexdigest()[:32]
            wanted[chart_id, variant] = (cache / f"{chart_id}-{variant}-{key}.svg", drawn)
    to_draw = {name: drawn for name, (path, drawn) in wanted.items() if not path.is_file()}
    if to_draw:
        drawings = _draw(to_draw, plotly_js, fonts)
        cache.mkdir(parents=True, exist_ok=True)
        for (chart_id, variant), raw in drawings.items():
            _write_atomically(wanted[chart_id, variant][0], prune_svg(clean_svg(raw, chart_id, variant)))
    out: dict[str, dict[str, str]] = {}
    for (chart_id, variant), (path, _drawn) in wanted.items():
        out.setdefault(chart_id, {})[variant] = path.read_text("utf-8")
    return out


def _write_atomically(path: Path, text: str) -> None:
    """Another build may read the cache at the same time: never show it half a file."""
    fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temp, path)


#: How long one Chromium may take to draw every chart (cold, about 5 s for six on this
#: project's 2-core machine), and how many times a hung start is tried.
DRAW_TIMEOUT_S = 180
ATTEMPTS = 2


def _draw(figures: dict[tuple[str, str], dict[str, Any]], plotly_js: Path,
          fonts: dict[int, Path]) -> dict[tuple[str, str], str]:
    """Every figure as SVG, in one Chromium (Kaleido), with no network: the site's own
    plotly.js, no MathJax, and the site's font loaded into the page so that Plotly
    measures and places text as the reader's browser will show it."""
    try:
        import kaleido  # type: ignore[import-untyped]  # kaleido ships no type hints
    except ImportError as exc:
        raise BuildError("kaleido is not installed: run `pip install -e .` in the project folder "
                         "(./dev build does it for you).") from exc
    chromium = _chromium()
    with tempfile.TemporaryDirectory(prefix="second-heart-charts-") as tmp:
        font_js = Path(tmp) / "font.js"
        font_js.write_text("".join(
            f'document.fonts.add(new FontFace("Atkinson Hyperlegible", '
            f'"url(data:font/woff2;base64,{b64encode(path.read_bytes()).decode()})", '
            f'{{weight: "{weight}"}}));\n' for weight, path in fonts.items())
            + "document.fonts.forEach((face) => face.load());\n", "utf-8")
        page = kaleido.PageGenerator(plotly=str(plotly_js), mathjax=False, others=[str(font_js)])

        async def draw_all() -> list[bytes]:
            async with kaleido.Kaleido(n=1, page_generator=page, path=chromium) as browser:
                return [await browser.calc_fig(figure, opts={"format": "svg"})
                        for figure in figures.values()]

        async def in_time() -> list[bytes]:
            # Kaleido times out each drawing, but not the browser's start: a start that hangs
            # (seen once in a CI run, with another build starting Chromium at the same time)
            # is cancelled, which closes that browser, and tried once more.
            for attempt in range(ATTEMPTS):
                try:
                    return await asyncio.wait_for(draw_all(), DRAW_TIMEOUT_S)
                except TimeoutError:
                    if attempt == ATTEMPTS - 1:
                        raise TimeoutError(f"Chromium did not draw the charts within {DRAW_TIMEOUT_S} s, "
                                           f"{ATTEMPTS} times") from None
            raise AssertionError("unreachable")

        try:
            # In a thread of its own: the caller may be running an event loop already
            # (Playwright's sync API in the tests, a notebook), where asyncio.run refuses.
            with ThreadPoolExecutor(max_workers=1) as pool:
                drawings = pool.submit(asyncio.run, in_time()).result()
        except Exception as exc:  # Kaleido raises its own and choreographer's errors
            raise BuildError(f"the charts' pictures could not be drawn with {chromium}: {exc}. "
                             "Fix: check that this Chromium starts (`chromium --headless=new "
                             "--version`), or set CHROMIUM to another one") from exc
    return {name: svg.decode("utf-8") for name, svg in zip(figures, drawings, strict=True)}


def _chromium() -> str:
    """The Chromium Kaleido drives: $CHROMIUM, else the usual places (as for handouts)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      "/usr/bin/google-chrome"):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("google-chrome")
    if found:
        return found
    raise BuildError("no Chromium found to draw the charts' first pictures (Plotly's exporter, "
                     "Kaleido, needs one). Fix: install it (apt-get install chromium; ./dev build does "
                     "it for you) or set CHROMIUM=/path/to/chromium")


def clean_svg(svg: str, chart_id: str, variant: str) -> str:
    """Plotly's SVG, with presentation attributes instead of ``style``, colour classes
    instead of the placeholder colours, and stable ids (see the module docstring)."""
    uid = re.search(r'id="defs-([0-9a-z]+)"', svg)
    if uid:
        svg = re.sub(rf"(?<=[a-z-]){re.escape(uid.group(1))}(?=[a-z\"-]|$)", f"-{chart_id}-{variant}", svg)
    svg = re.sub(r"<([a-zA-Z]+)((?:\s+[^\s=>]+=\"[^\"]*\")*)\s*(/?)>", _clean_tag, svg)
    return svg.strip()


_ATTRIBUTE = re.compile(r'\s+([^\s=>]+)="([^"]*)"')
_EMPTY_GROUP = re.compile(r'<g\b(?![^>]*\bid=)[^>]*?(?:/>|>\s*</g>)')


def prune_svg(svg: str) -> str:
    """A cleaned drawing without what draws nothing: rectangles with neither fill nor
    stroke (Plotly's legend toggles and backgrounds, there for the live chart's mouse) or
    of no size, and empty groups. That is about 40% of Plotly's elements, which the
    reader's browser would otherwise style and lay out for nothing."""
    svg = re.sub(r"<rect\b[^>]*/>", _visible_rect, svg)
    while True:
        pruned = _EMPTY_GROUP.sub("", svg)
        if pruned == svg:
            return svg
        svg = pruned


def _visible_rect(match: re.Match[str]) -> str:
    attrs = dict(_ATTRIBUTE.findall(match.group(0)))
    if "id" in attrs:
        return match.group(0)
    no_fill = attrs.get("fill-opacity") == "0" or attrs.get("fill") == "none"
    no_stroke = ("stroke" not in attrs or attrs.get("stroke-opacity") == "0"
                 or attrs.get("stroke-width") in ("0", "0px"))
    no_size = attrs.get("width") == "0" or attrs.get("height") == "0"
    inside_clip = "fill" not in attrs and "fill-opacity" not in attrs  # clipPath shapes
    return "" if not inside_clip and ((no_fill and no_stroke) or no_size) else match.group(0)


def _clean_tag(match: re.Match[str]) -> str:
    tag, attributes, close = match.group(1), match.group(2), match.group(3)
    attrs = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(attributes)}
    classes = attrs.pop("class", "").split()
    for declaration in attrs.pop("style", "").split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if not value or name not in _PRESENTATION:
            continue  # white-space, cursor...: nothing a still picture needs
        colour_class = _COLOUR_CLASSES.get((name, value))
        if colour_class:
            classes.append(colour_class)
        elif name == "font-family":
            attrs[name] = value.replace('"', "'")
        else:
            attrs[name] = value
    if tag == "svg" and "main-svg" in classes:
        classes = ["sh-chart__svg", f"sh-chart__svg--{variant_of(attrs)}"]
        attrs.update({"aria-hidden": "true", "focusable": "false"})
        attrs.pop("width", None)
        attrs.pop("height", None)
    if classes:
        attrs = {"class": " ".join(classes), **attrs}
    text = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())
    return f"<{tag}{text}{close and '/'}>"


def variant_of(attrs: dict[str, str]) -> str:
    """The variant a drawing's size belongs to (its viewBox says it)."""
    width = attrs.get("viewBox", "0 0 0 0").split()[2]
    return next((name for name, (w, _h) in SIZES.items() if str(w) == width), "wide")
