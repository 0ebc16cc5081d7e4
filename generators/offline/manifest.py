"""The web app manifest: what a phone shows when the site is added to its home screen.

``web_manifest(name, short_name, theme_color, background_color, ...)`` makes the JSON for
any name and colours, so a clinic's build calls it with the clinic's own:

    from generators.offline.manifest import write_manifest
    write_manifest(site_dir, name="Leeds Vein Clinic", short_name="Vein Clinic",
                   theme_color="#004b87", background_color="#ffffff")

``write_manifest`` writes ``manifest.webmanifest`` at the site's root and the icons it
names: the site's SVG icon (``assets/images/favicon.svg``, every size) and, when a
Chromium is found, PNGs at 192 and 512 pixels drawn from it (once per icon and colour:
build/cache keeps them, ``generators/cache.py``). Without a Chromium the manifest lists
the SVG alone, which current browsers accept. Pages link the manifest from
``generators/theme/main.html``; the CSP's ``manifest-src 'self'`` allows it.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from generators.cache import cached
from generators.errors import BuildError

MANIFEST = "manifest.webmanifest"
SVG_ICON = "assets/images/favicon.svg"
PNG_SIZES = (192, 512)
#: The site's own colours: the header red (generators/assets/stylesheets/site.css) and white.
THEME_COLOR = "#a31515"
BACKGROUND_COLOR = "#ffffff"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def web_manifest(name: str, short_name: str, theme_color: str = THEME_COLOR,
                 background_color: str = BACKGROUND_COLOR, *, description: str = "", lang: str = "en",
                 png_sizes: tuple[int, ...] = PNG_SIZES) -> str:
    """The manifest's JSON. Addresses are relative to the manifest (the site's root)."""
    for field, value in (("theme_color", theme_color), ("background_color", background_color)):
        if not _COLOR.match(value):
            raise BuildError(f"the web app manifest's {field} must be a colour written #rrggbb, got "
                             f"{value!r}. Fix: give six hexadecimal digits, e.g. #a31515")
    icons: list[dict[str, Any]] = [{"src": SVG_ICON, "sizes": "any", "type": "image/svg+xml"}]
    icons += [{"src": _png_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
              for size in png_sizes]
    manifest = {
        "name": name, "short_name": short_name, "description": description, "lang": lang,
        "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": theme_color, "background_color": background_color, "icons": icons,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def _png_path(size: int) -> str:
    return f"assets/images/icon-{size}.png"


def write_manifest(site_dir: Path, name: str, short_name: str, theme_color: str = THEME_COLOR,
                   background_color: str = BACKGROUND_COLOR, *, description: str = "",
                   lang: str = "en") -> list[str]:
    """Write the manifest and its PNG icons into ``site_dir``; returns the files written."""
    svg = (site_dir / SVG_ICON).read_text("utf-8")
    written = []
    sizes = []
    for size in PNG_SIZES:
        png = icon_png(svg, size, background_color)
        if png is not None:
            (site_dir / _png_path(size)).write_bytes(png)
            written.append(_png_path(size))
            sizes.append(size)
    (site_dir / MANIFEST).write_text(
        web_manifest(name, short_name, theme_color, background_color, description=description, lang=lang,
                     png_sizes=tuple(sizes)), encoding="utf-8")
    return [MANIFEST, *written]


def icon_png(svg: str, size: int, background_color: str) -> bytes | None:
    """The icon drawn by headless Chromium on the background colour, the picture in the middle
    60 % (the safe zone of a round or square phone icon); None without a Chromium."""
    chromium = _chromium()
    if chromium is None:
        return None
    text = cached("offline.icon_png", [svg, size, background_color],
                  lambda: base64.b64encode(_render(chromium, svg, size, background_color)).decode())
    return base64.b64decode(str(text))


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome")


def _render(chromium: str, svg: str, size: int, background_color: str) -> bytes:
    picture = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    page = (f"<!doctype html><html><body style=\"margin:0;background:{background_color}\">"
            f"<img src=\"{picture}\" style=\"display:block;width:{size * 0.6:.0f}px;"
            f"height:{size * 0.6:.0f}px;margin:{size * 0.2:.0f}px\"></body></html>")
    with tempfile.TemporaryDirectory(prefix="second-heart-icon-") as temp:
        html, png = Path(temp) / "icon.html", Path(temp) / "icon.png"
        html.write_text(page, encoding="utf-8")
        done = subprocess.run(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={temp}/profile", "--default-background-color=00000000",
             f"--window-size={size},{size}", f"--screenshot={png}", html.as_uri()],
            capture_output=True, timeout=60, check=False)
        if done.returncode != 0 or not png.is_file():
            raise BuildError(f"Chromium ({chromium}) could not draw the {size}px app icon. Fix: check that "
                             "it runs (chromium --headless=new --version), or set CHROMIUM=/path/to/chromium")
        return png.read_bytes()
