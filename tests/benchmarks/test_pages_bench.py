"""The page-speed bench's parts that need no browser: pages served gzip-compressed as a
real host serves them, and the figures read from a Lighthouse report."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from benchmarks.harness import serve
from benchmarks.pages_bench import PageFigures, figures_from_report, median


def _get(url: str, accept_gzip: bool) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if accept_gzip else {})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_text_is_sent_gzip_compressed_to_a_browser_that_accepts_it(tmp_path: Path) -> None:
    page = "<p>" + "calf muscle pump " * 200 + "</p>"
    (tmp_path / "index.html").write_text(page)
    (tmp_path / "font.woff2").write_bytes(b"wOF2" + bytes(300))
    with serve(tmp_path, gzip=True) as base:
        headers, body = _get(base, accept_gzip=True)
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode() == page
        assert len(body) < len(page) / 10
        plain_headers, plain = _get(base, accept_gzip=False)
        assert "Content-Encoding" not in plain_headers and plain.decode() == page
        font_headers, _font = _get(base + "font.woff2", accept_gzip=True)
        assert "Content-Encoding" not in font_headers  # already compressed: sent as it is
    with serve(tmp_path) as base:
        headers, body = _get(base, accept_gzip=True)
        assert "Content-Encoding" not in headers and body.decode() == page


def _report(**overrides: Any) -> dict[str, Any]:
    requests = [
        {"url": "http://h/page/", "transferSize": 10_000},
        {"url": "http://h/assets/fonts/a.woff2", "transferSize": 9_000},
        {"url": "http://h/assets/vendor/plotly-basic.min.js", "transferSize": 380_000},
        {"url": "http://h/assets/widgets/loader.js", "transferSize": 700},
        {"url": "http://h/assets/pyodide/pyodide.asm.wasm", "transferSize": 3_000_000},
        {"url": "data:image/svg+xml;charset=utf-8,<svg/>", "transferSize": 0},
    ]
    report: dict[str, Any] = {
        "requestedUrl": "http://h/page/",
        "categories": {"performance": {"score": 0.97}},
        "audits": {
            "first-contentful-paint": {"numericValue": 1100.4},
            "largest-contentful-paint": {"numericValue": 1300.6},
            "total-blocking-time": {"numericValue": 80.0},
            "cumulative-layout-shift": {"numericValue": 0.001},
            "total-byte-weight": {"numericValue": 3_399_700},
            "network-requests": {"details": {"items": requests}},
        },
    }
    report.update(overrides)
    return report


def test_the_figures_come_from_the_lighthouse_report_with_fonts_charts_and_widgets_apart() -> None:
    assert figures_from_report(_report()) == PageFigures(
        score=0.97, fcp_ms=1100.4, lcp_ms=1300.6, tbt_ms=80.0, cls=0.001, bytes=3_399_700,
        requests=5, font_bytes=9_000, plotly_bytes=380_000, widget_bytes=3_000_700)


def test_a_page_lighthouse_could_not_load_is_an_error_that_names_it() -> None:
    broken = _report(runtimeError={"code": "ERRORED_DOCUMENT_REQUEST", "message": "status code 404"})
    broken["audits"]["largest-contentful-paint"] = {"score": None}
    with pytest.raises(RuntimeError) as err:
        figures_from_report(broken)
    assert str(err.value) == "Lighthouse could not measure http://h/page/: status code 404"


def test_medians_are_taken_figure_by_figure() -> None:
    runs = [figures_from_report(_report(categories={"performance": {"score": s}})) for s in (0.9, 0.99, 0.95)]
    assert median(runs).score == 0.95
    assert median(runs).requests == 5
