"""What every browser measurement and browser test needs: the built site served on
127.0.0.1 like a static host, and a headless Chromium found on this machine.

Used by ``benchmarks/widgets_bench.py`` and by the browser tests (tests/browser). Needs
no browser itself; Playwright is used only by the callers.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import socketserver
import threading
from collections.abc import Iterator, Mapping
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
        super().do_GET()

    def end_headers(self) -> None:
        # Like a static host: cacheable, so a second page reuses what the first fetched.
        self.send_header("Cache-Control", "public, max-age=600")
        for name, value in self.response_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, pages: dict[str, str] | None = None,
          headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (correct MIME types for .mjs and .wasm), plus any
    in-memory ``pages`` (path -> HTML), sending ``headers`` (name -> value) with every
    response; yields the base URL."""
    if not (directory / "index.html").is_file():
        raise FileNotFoundError(
            f"{directory}: no built site found (index.html missing). "
            "Fix: run './.venv/bin/second-heart build' (or './dev build') first"
        )
    handler_class = type("_PageHandler", (_Handler,),
                         {"pages": dict(pages or {}), "response_headers": dict(headers or {})})
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
    """The headers the site's ``_headers`` file (written by the build) sets on every page,
    for ``serve(..., headers=...)``: the site as a host that reads the file serves it."""
    path = directory / "_headers"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the site has no _headers file. Fix: rebuild it "
                                "('./.venv/bin/second-heart build')")
    headers: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith((" ", "\t")) and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


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
