"""What every browser measurement and browser test needs: the built site served on
127.0.0.1 like a static host, and a headless Chromium found on this machine.

Used by ``benchmarks/widgets_bench.py`` and by the browser tests (tests/browser). Needs
no browser itself; Playwright is used only by the callers.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import socketserver
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    #: Keep-alive, as every real host does: with HTTP/1.0 each file is a new connection,
    #: which Lighthouse's simulation charges as extra round trips on every request. Every
    #: response here sends Content-Length (redirects and errors included).
    protocol_version = "HTTP/1.1"
    # Replaces the base class's attribute of the same name; typeshed declares that one an
    # instance variable, so ClassVar (what RUF012 asks for) is rejected by mypy.
    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".py": "text/x-python",
    }

    #: Extra pages served from memory (path -> HTML), never written to the site folder.
    pages: dict[str, str] = {}  # noqa: RUF012  (set per server through a subclass)
    #: Extra response headers (name -> value) sent with every response, e.g. a
    #: Content-Security-Policy, as a host configured with the site's _headers file would.
    response_headers: dict[str, str] = {}  # noqa: RUF012  (set per server through a subclass)
    #: Send text files (and .wasm) gzip-compressed to a client that accepts it, as real
    #: static hosts do; page-speed figures are measured that way (benchmarks/pages_bench.py).
    compress_text: bool = False

    def do_GET(self) -> None:
        extra = self.pages.get(self.path.split("?")[0])
        if extra is not None:
            body = extra.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.compress_text and self._send_gzipped():
            return
        super().do_GET()

    def _send_gzipped(self) -> bool:
        """Send the file gzip-compressed if it is text (or WebAssembly) and the client accepts
        gzip; False leaves the request to the plain handler (directories, misses, binaries)."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return False  # the base class redirects to the address with a slash
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if not path.is_file() or not content_type.startswith(_COMPRESSED_TYPES):
            return False
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def end_headers(self) -> None:
        # Like a static host: cacheable, so a second page reuses what the first fetched.
        self.send_header("Cache-Control", "public, max-age=600")
        for name, value in self.response_headers.items():
            self.send_header(name, value)
        for name, value in (self.path_headers(self.path.split("?")[0]) if self.path_headers else {}).items():
            self.send_header(name, value)
        super().end_headers()

    #: Extra headers for one request path (path -> name -> value), as a host applies the
    #: site's _headers rules path by path (see ``header_rules``); None: none.
    path_headers: Callable[[str], Mapping[str, str]] | None = None

    def log_message(self, format: str, *args: Any) -> None:
        pass


#: What a static host compresses (nginx's gzip_types as hosts set them, plus WebAssembly).
_COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml",
                     "application/xml", "application/wasm", "application/manifest+json")


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """A file compressed once per version (Pyodide's 9 MB WebAssembly takes a moment)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser closing a kept-alive connection is normal, not an error to print."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, pages: dict[str, str] | None = None,
          headers: Mapping[str, str] | None = None, gzip: bool = False,
          headers_for: Callable[[str], Mapping[str, str]] | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (correct MIME types for .mjs and .wasm), plus any
    in-memory ``pages`` (path -> HTML), sending ``headers`` (name -> value) with every
    response and ``headers_for(path)`` with each, and text files gzip-compressed when
    ``gzip``; yields the base URL."""
    if not (directory / "index.html").is_file():
        raise FileNotFoundError(
            f"{directory}: no built site found (index.html missing). "
            "Fix: run './.venv/bin/second-heart build' (or './dev build') first"
        )
    handler_class = type("_PageHandler", (_Handler,),
                         {"pages": dict(pages or {}), "response_headers": dict(headers or {}),
                          "compress_text": gzip,
                          "path_headers": staticmethod(headers_for) if headers_for else None})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_headers(directory: Path) -> dict[str, str]:
    """The headers the site's ``_headers`` file (written by the build) sets on its pages
    (the home page's rule), for ``serve(..., headers=...)``: the site as a host that reads
    the file serves it. The embed views (embed/) have a rule of their own: ``header_rules``."""
    return headers_for_path(header_rules(directory), "/")


def header_rules(directory: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of the site's ``_headers`` file: (path or path/* pattern, headers), in order."""
    path = directory / "_headers"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the site has no _headers file. Fix: rebuild it "
                                "('./.venv/bin/second-heart build')")
    rules: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("/"):
            rules.append((line.strip(), {}))
        elif line.startswith((" ", "\t")) and ":" in line and rules:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for_path(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    """The headers of every rule that matches ``path`` (``/a/*``: anything under /a/), joined
    as Netlify and Cloudflare Pages join them: values of one header separated by commas."""
    joined: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("/*") and path.startswith(pattern[:-1])):
            for name, value in headers.items():
                joined[name] = f"{joined[name]}, {value}" if name in joined else value
    return joined


def chromium_path() -> str:
    """The Chromium to drive: $CHROMIUM, else the usual Debian locations."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("google-chrome")
    if found:
        return found
    raise FileNotFoundError(
        "no Chromium found. Fix: install it (apt-get install chromium) or set CHROMIUM=/path"
    )


def rebase_sitemap(xml: str, base: str) -> str:
    """Point sitemap.xml's URLs at the local server.

    Material's instant navigation only takes over links that sitemap.xml lists, and it
    rebases those by protocol and host name but not by port or path. Served locally on
    a random port, the published ``site_url`` never matches, so every click would be a
    full page load. Rewriting the sitemap on the way in makes the local run behave like
    the published site.
    """
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    if not locs:
        return xml
    root = min(locs, key=len)  # the home page: the site_url every other page starts with
    return xml.replace(f"<loc>{root}", f"<loc>{base}")


def serve_sitemap_locally(page: Any, base: str) -> None:
    """Route the page's sitemap.xml requests through :func:`rebase_sitemap`."""

    def handle(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=rebase_sitemap(response.text(), base))

    page.route("**/sitemap.xml", handle)
