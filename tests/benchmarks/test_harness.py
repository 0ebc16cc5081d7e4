"""The benchmark's local-serving helpers (the parts that need no browser)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from benchmarks.harness import rebase_sitemap, serve

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset><url><loc>https://example.org/guide/</loc></url>
<url><loc>https://example.org/guide/demo/</loc></url></urlset>"""


def test_sitemap_urls_are_rebased_onto_the_local_server() -> None:
    rebased = rebase_sitemap(SITEMAP, "http://127.0.0.1:8123/")
    assert "<loc>http://127.0.0.1:8123/</loc>" in rebased
    assert "<loc>http://127.0.0.1:8123/demo/</loc>" in rebased
    assert "example.org" not in rebased


def test_the_local_server_sends_module_and_wasm_mime_types(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>")
    (tmp_path / "a.mjs").write_text("export {}")
    (tmp_path / "b.wasm").write_bytes(b"\0asm")
    with serve(tmp_path) as base:
        for name, mime in (("a.mjs", "text/javascript"), ("b.wasm", "application/wasm")):
            with urllib.request.urlopen(base + name) as response:
                assert response.headers["Content-Type"] == mime
        assert base.startswith("http://127.0.0.1:")


def test_serving_an_unbuilt_site_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as err, serve(tmp_path):
        pass
    assert str(err.value) == (
        f"{tmp_path}: no built site found (index.html missing). "
        "Fix: run './.venv/bin/second-heart build' (or './dev build') first"
    )
