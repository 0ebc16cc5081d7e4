"""The offline copy's build side (generators/offline): the worker's precache list, its
runtime cache name, and the web app manifest."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generators.errors import BuildError
from generators.offline import RUNTIME_CACHE_PREFIX, WORKER, write_worker
from generators.offline.manifest import web_manifest

REPO = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (REPO / "node_modules" / "workbox-build").is_dir(),
    reason="needs Node.js and npm ci (workbox-build)")


def _site(root: Path) -> Path:
    files = {
        "index.html": "<h1>Home</h1>", "topics/calf-pump/index.html": "<h1>Calf pump</h1>",
        "search/search_index.json": '{"config": {"lang": ["en"]}, "docs": []}',
        "assets/stylesheets/site.css": "body{}", "assets/javascripts/offline.js": "//",
        "assets/fonts/a.woff2": "font", "assets/images/favicon.svg": "<svg/>",
        "assets/widgets/bridge.py": "OPS = {}", "assets/widgets/worker.js": "//",
        "assets/pyodide/pyodide.asm.wasm": "wasm", "assets/pyodide/calf_pump-0.1.0-py3-none-any.whl": "wheel",
        "assets/vendor/plotly-basic.min.js": "//", "assets/charts/avp-chart.json": "{}",
        "assets/javascripts/lunr/wordcut.js": "//", "embed/calf-pump/index.html": "<h1>Embed</h1>",
        "handouts/calf-pump.pdf": "%PDF",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def _settings(sw: str) -> dict[str, object]:
    found = re.search(r"const SETTINGS = (\{.*?\n\});", sw, re.S)
    assert found, "the settings were written into the worker"
    settings: dict[str, object] = json.loads(found.group(1))
    return settings


def test_the_worker_precaches_pages_styles_scripts_fonts_and_search_not_python_or_embeds(
        tmp_path: Path) -> None:
    made = write_worker(REPO, _site(tmp_path))
    assert sorted(made.precached) == [
        "assets/fonts/a.woff2", "assets/images/favicon.svg", "assets/javascripts/offline.js",
        "assets/stylesheets/site.css", "assets/widgets/bridge.py", "assets/widgets/worker.js",
        "index.html", "search/search_index.json", "topics/calf-pump/index.html"]
    sw = (tmp_path / WORKER).read_text("utf-8")
    assert "self.__WB_MANIFEST" not in sw and '"url":"topics/calf-pump/index.html"' in sw.replace(" ", "")
    assert _settings(sw)["runtimeFiles"] == ["assets/pyodide/calf_pump-0.1.0-py3-none-any.whl",
                                             "assets/pyodide/pyodide.asm.wasm"]
    for name in ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching"):
        assert f"assets/workbox/{name}.prod.js" in sw
        copied = tmp_path / "assets" / "workbox" / f"{name}.prod.js"
        assert "sourceMappingURL" not in copied.read_text("utf-8")
    assert made.gzip_bytes() > 0 and made.raw_bytes == sum(
        (tmp_path / url).stat().st_size for url in made.precached)


def test_a_changed_page_changes_the_worker_and_changed_python_files_the_runtime_cache(
        tmp_path: Path) -> None:
    site = _site(tmp_path)
    write_worker(REPO, site)
    first = (site / WORKER).read_text("utf-8")
    (site / "topics/calf-pump/index.html").write_text("<h1>Calf pump, new</h1>", "utf-8")
    write_worker(REPO, site)
    second = (site / WORKER).read_text("utf-8")
    assert second != first, "the browser sees a new worker, so it installs the new build"
    assert _settings(second)["runtimeDigest"] == _settings(first)["runtimeDigest"]
    (site / "assets/pyodide/calf_pump-0.1.0-py3-none-any.whl").write_text("another wheel", "utf-8")
    write_worker(REPO, site)
    third = _settings((site / WORKER).read_text("utf-8"))
    assert third["runtimeDigest"] != _settings(second)["runtimeDigest"], "a stale wheel is never served"
    assert third["runtimeCachePrefix"] == RUNTIME_CACHE_PREFIX


def test_the_manifest_carries_the_name_colours_and_icons_it_is_given() -> None:
    manifest = json.loads(web_manifest("Leeds Vein Clinic", "Vein Clinic", "#004b87", "#fafafa",
                                       description="Leg veins, explained.", lang="en"))
    assert manifest["name"] == "Leeds Vein Clinic" and manifest["short_name"] == "Vein Clinic"
    assert (manifest["theme_color"], manifest["background_color"]) == ("#004b87", "#fafafa")
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert [(i["src"], i["sizes"]) for i in manifest["icons"]] == [
        ("assets/images/favicon.svg", "any"), ("assets/images/icon-192.png", "192x192"),
        ("assets/images/icon-512.png", "512x512")]


def test_a_colour_that_is_not_hex_is_refused_with_how_to_fix_it() -> None:
    with pytest.raises(BuildError) as caught:
        web_manifest("Clinic", "Clinic", "navy")
    assert str(caught.value) == ("the web app manifest's theme_color must be a colour written #rrggbb, got "
                                 "'navy'. Fix: give six hexadecimal digits, e.g. #a31515")
