"""The site's Content-Security-Policy and Subresource Integrity, added after MkDocs has built it.

The policy allows no inline script and no script from anywhere but the site itself::

    default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-hashes'
    'sha256-...'; img-src 'self' data:; font-src 'self'; worker-src 'self'; manifest-src 'self';
    connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'

* ``script-src``: every script is a file of the site. Material's inline scripts are files
  through the theme (generators/theme/partials/javascripts/), and so is the early worker
  start on widget pages. Python runs as WebAssembly, which needs ``'wasm-unsafe-eval'``
  (not ``'unsafe-eval'``). So that no inline script can slip in, ``finish`` refuses a site
  that has one, or an event-handler attribute or a ``javascript:`` address: a script in a
  page could only have come from the theme or from content, and neither may add one.
* ``style-src``: stylesheets are files, except the styles of the drawings the build makes
  (``<style>`` in the inline SVG pictures, ``style=""`` on the vein-valve preview and on
  aligned table cells). They are allowed by their sha256 hashes (``'unsafe-hashes'`` lets a
  hash allow a ``style`` attribute), computed here from the built pages, so the policy
  never needs ``'unsafe-inline'``. One hash is of the empty text: plotly.js adds an empty
  ``<style>`` and fills it through the CSS object model, which a policy does not restrict.
* ``img-src data:``: Material draws its icons with ``data:`` SVGs in its stylesheet.
* ``frame-ancestors`` says which sites may frame the pages: only this one for the site's
  pages, and ``settings.yml``'s ``embed: frame_ancestors:`` (default ``https:``, any https
  site) for the embed views under ``embed/`` (generators/embeds/), which clinics show in an
  iframe. A clinic's file may set the same list.

It is written three ways: ``_headers`` (Netlify, Cloudflare Pages), ``nginx-csp.conf`` (an
``add_header`` line to include in a server block) and a ``<meta http-equiv>`` tag in every
page, for hosts where no header can be set. A ``<meta>`` policy cannot hold
``frame-ancestors`` (browsers ignore it there), so only the header versions protect
against framing, and only they can let other sites frame the embed views. ``_headers``
has one rule per top-level folder and file of the site, none overlapping: hosts join the
values of every rule that matches a path, and two policies would both apply (the stricter
``frame-ancestors`` would win). The nginx snippet picks the policy by ``$uri``.

Every ``<script src>`` and stylesheet ``<link>`` pointing at a file of the site gets an
``integrity`` attribute (sha384), so a file changed on the host after the build is refused.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from generators.errors import BuildError

#: Who may frame the site's pages.
FRAME_ANCESTORS: tuple[str, ...] = ("'self'",)
#: The embed views (``embed/<path>/``) and who may frame them unless settings.yml's
#: ``embed: frame_ancestors:`` (or a clinic's file) says otherwise: any https site.
EMBED_FOLDER = "embed"
EMBED_FRAME_ANCESTORS: tuple[str, ...] = ("https:",)
#: plotly.js creates an empty <style> and fills it with CSSOM calls (never blocked).
EMPTY_STYLE = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-csp.conf"

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                     "application/ecmascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_BAD_STYLE = re.compile(r"expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.IGNORECASE)
_SOURCE = re.compile(r"^[A-Za-z0-9'*:/.\-+=_]+$")
_CHARSET = '<meta charset="utf-8">'


def policy(style_hashes: Iterable[str] = (), frame_ancestors: Sequence[str] = FRAME_ANCESTORS, *,
           meta: bool = False) -> str:
    """The policy as one header value; ``meta``: for a <meta> tag (no frame-ancestors)."""
    for source in frame_ancestors:
        if not _SOURCE.match(source):
            raise BuildError(f"frame-ancestors: '{source}' is not a CSP source. Fix: write an address "
                             "such as https://clinic.example.org, or 'self' or 'none' with the quotes")
    styles = sorted({EMPTY_STYLE, *style_hashes})
    directives = [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-hashes' " + " ".join(f"'{h}'" for h in styles),
        "img-src 'self' data:",
        "font-src 'self'",
        "worker-src 'self'",  # the widgets' Python worker and the offline service worker (sw.js)
        "manifest-src 'self'",  # manifest.webmanifest (generators/offline/manifest.py)
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not meta:
        directives.append("frame-ancestors " + " ".join(frame_ancestors))
    return "; ".join(directives)


def _sha(algorithm: str, data: bytes) -> str:
    return f"{algorithm}-" + base64.b64encode(hashlib.new(algorithm, data).digest()).decode()


class _Page(HTMLParser):
    """What one built page holds that the policy must know: inline styles (to hash) and
    anything script-like (to refuse)."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.styles: set[str] = set()
        self.refused: list[str] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.refused.append(f"an event-handler attribute {name}=\"{value[:40]}\" on <{tag}>")
            elif name in _URL_ATTRIBUTES and re.sub(r"[\x00-\x20]", "", value).lower().startswith(
                    ("javascript:", "vbscript:")):
                self.refused.append(f"a script address {name}=\"{value[:40]}\" on <{tag}>")
            elif name == "style":
                self._style(value, f"style attribute on <{tag}>")
        if tag == "script" and "src" not in values and values.get("type", "").lower() in _EXECUTABLE_TYPES:
            self._in, self._text = "script", []
        elif tag == "style":
            self._in, self._text = "style", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = "".join(self._text)
        if tag == "script":
            self.refused.append(f"an inline script ('{' '.join(text.split())[:60]}')")
        else:
            self._style(text, "<style> element")
        self._in = None

    def _style(self, css: str, where: str) -> None:
        if _BAD_STYLE.search(css):
            self.refused.append(f"a {where} with a script in it ('{css[:60]}')")
        self.styles.add(_sha("sha256", css.encode()))


_TAG = re.compile(r"<(script|link)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def _with_integrity(html: str, page: Path, site_dir: Path, digests: dict[Path, str]) -> str:
    """Add ``integrity`` to every script and stylesheet tag that loads a file of the site."""

    def add(match: re.Match[str]) -> str:
        tag = match.group(0)
        attributes = dict(_ATTRIBUTE.findall(tag))
        if "integrity" in attributes:
            return tag
        if match.group(1).lower() == "link":
            if attributes.get("rel") != "stylesheet":
                return tag
            address = attributes.get("href", "")
        else:
            address = attributes.get("src", "")
        if not address or re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", address, re.IGNORECASE):
            return tag  # not a file of the site by a relative address
        target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), address.split("?")[0])))
        if site_dir not in target.parents or not target.is_file():
            return tag
        if target not in digests:
            digests[target] = _sha("sha384", target.read_bytes())
        return tag[:-1].rstrip("/").rstrip() + f' integrity="{digests[target]}">'

    return _TAG.sub(add, html)


@dataclass(frozen=True)
class Finished:
    pages: int
    policy: str
    style_hashes: tuple[str, ...]
    embed_policy: str = ""  # the policy sent with the embed views (embed/)


def finish(site_dir: Path, frame_ancestors: Sequence[str] = FRAME_ANCESTORS, *,
           embed_frame_ancestors: Sequence[str] = EMBED_FRAME_ANCESTORS, base_path: str = "/",
           meta_tag: bool = True, pages: Iterable[Path] | None = None,
           known_styles: Iterable[str] = ()) -> Finished:
    """Check every page, add integrity attributes, and write the policy three ways.

    ``embed_frame_ancestors`` apply to ``embed/`` and ``frame_ancestors`` to everything
    else; ``base_path`` is the site's path on its host (``site_url``'s, usually ``/``).
    ``meta_tag=False`` for the live preview, whose server adds an inline script of its own.
    ``pages``: only these HTML files are new (the live preview's incremental rebuild,
    generators/preview.py), the others finished before, with ``known_styles``.
    Raises ``BuildError`` naming each page that holds a script the policy would block.
    """
    site_dir = site_dir.resolve()
    pages = sorted(site_dir.rglob("*.html")) if pages is None else sorted(p.resolve() for p in pages)
    styles: set[str] = set(known_styles)
    refused: list[str] = []
    texts: dict[Path, str] = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        scan = _Page(page.relative_to(site_dir).as_posix())
        scan.feed(text)
        scan.close()
        styles |= scan.styles
        refused += [f"{scan.name}: {problem}" for problem in dict.fromkeys(scan.refused)]
        texts[page] = text
    if refused:
        raise BuildError(
            "the built site holds script the Content-Security-Policy forbids (generators/csp.py):\n  "
            + "\n  ".join(refused[:20]) + ("\n  ..." if len(refused) > 20 else "")
            + "\nFix: move a theme script into a file under generators/assets/javascripts/theme/; "
            "content can never add one (README: 'What HTML content may contain')")
    header = policy(styles, frame_ancestors)
    embed_header = policy(styles, embed_frame_ancestors)
    in_page = policy(styles, frame_ancestors, meta=True)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{in_page}">'
    digests: dict[Path, str] = {}
    for page, text in texts.items():
        text = _with_integrity(text, page, site_dir, digests)
        if meta_tag and _CHARSET in text:  # first in <head>, before anything it governs
            text = text.replace(_CHARSET, _CHARSET + "\n    " + meta, 1)
        page.write_text(text, encoding="utf-8")
    write_headers(site_dir, header, embed_header, base_path)
    return Finished(len(pages), header, tuple(sorted(styles)), embed_header)


def write_headers(site_dir: Path, header: str, embed_header: str, base_path: str = "/") -> None:
    """Write ``_headers`` and the nginx snippet for ``site_dir`` and every translation built
    into a folder of it (``es/``), whose own copies are removed: hosts read only the root's."""
    for sub in site_dir.iterdir():
        if sub.is_dir() and (sub / EMBED_FOLDER).is_dir():
            for name in (HEADERS_FILE, NGINX_FILE):
                (sub / name).unlink(missing_ok=True)
    (site_dir / HEADERS_FILE).write_text(headers_file(site_dir, base_path, header, embed_header),
                                         encoding="utf-8")
    # The embed views of the site and of each translation built into a folder of it (es/embed/).
    embed_path = "^" + re.escape(_base(base_path)) + "([a-z][a-z]/)?" + EMBED_FOLDER + "/"
    (site_dir / NGINX_FILE).write_text(
        "# Written by the Second Heart build (generators/csp.py): the site's Content-Security-Policy\n"
        "# for nginx. Include this file in the server (or location) block that serves the site.\n"
        "# nginx drops inherited add_header lines in a block that has its own: include it there too.\n"
        "# The embed views (embed/) may be framed by other sites (settings.yml: embed:); the rest not.\n"
        f'set $second_heart_csp "{header}";\n'
        f'if ($uri ~ "{embed_path}") {{\n    set $second_heart_csp "{embed_header}";\n}}\n'
        "add_header Content-Security-Policy $second_heart_csp always;\n", encoding="utf-8")


def publish_translations(site_dir: Path, frame_ancestors: Sequence[str] = FRAME_ANCESTORS, *,
                         embed_frame_ancestors: Sequence[str] = EMBED_FRAME_ANCESTORS,
                         base_path: str = "/", style_hashes: Iterable[str] | None = None) -> str:
    """After every language is built (each ``finish``-ed on its own), one set of header files
    for the whole tree: the style hashes of all languages' pages, rules for ``es/`` too.
    ``style_hashes``: those ``finish`` found in each language (else the pages are read
    again). Returns the header policy."""
    styles: set[str] = set(style_hashes or ())
    for page in sorted(site_dir.rglob("*.html")) if style_hashes is None else ():
        scan = _Page(page.relative_to(site_dir).as_posix())
        scan.feed(page.read_text(encoding="utf-8"))
        scan.close()
        styles |= scan.styles
    header = policy(styles, frame_ancestors)
    write_headers(site_dir, header, policy(styles, embed_frame_ancestors), base_path)
    return header


def _base(base_path: str) -> str:
    return "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"


def headers_file(site_dir: Path, base_path: str, header: str, embed_header: str) -> str:
    """``_headers``: the embed policy for ``embed/``, the site's policy for every other
    top-level folder and file, one rule each and none overlapping (see the module doc)."""
    rules = _rules(site_dir, _base(base_path), header, embed_header)
    lines = ["# Written by the Second Heart build (generators/csp.py): the site's security headers,",
             "# for hosts that read a _headers file (Netlify, Cloudflare Pages). One rule per top-level",
             "# folder and file, none overlapping: embed/ may be framed by other sites, the rest not."]
    lines += [f"{path}\n  Content-Security-Policy: {value}" for path, value in rules]
    return "\n".join(lines) + "\n"


def _rules(folder: Path, base: str, header: str, embed_header: str) -> list[tuple[str, str]]:
    rules = [(f"{base}{EMBED_FOLDER}/*", embed_header), (base, header)]
    for entry in sorted(folder.iterdir()):
        if entry.name in (EMBED_FOLDER, HEADERS_FILE, NGINX_FILE) or entry.name.startswith("."):
            continue
        if entry.is_dir() and (entry / EMBED_FOLDER).is_dir():  # a translation built into a folder
            rules += _rules(entry, f"{base}{entry.name}/", header, embed_header)
        else:
            rules.append((f"{base}{entry.name}/*" if entry.is_dir() else f"{base}{entry.name}", header))
    return rules
