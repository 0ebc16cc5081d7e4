"""The browser packages as wheels, and the site's pyodide-lock.json that pins them."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generators.build import PROJECT, sync
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.widgets import assets, wheels
from generators.widgets.checklist import checklist_data


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("package", wheels.BROWSER_PACKAGES, ids=lambda p: p.import_name)
def test_wheels_are_byte_for_byte_reproducible(tmp_path: Path, package: wheels.BrowserPackage) -> None:
    first = wheels.build_wheel(package.source(PROJECT), tmp_path / "a", package.summary)
    second = wheels.build_wheel(package.source(PROJECT), tmp_path / "b", package.summary)
    assert first.name == second.name
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("package", wheels.BROWSER_PACKAGES, ids=lambda p: p.import_name)
def test_wheel_record_lists_every_file_with_its_true_hash_and_size(
    tmp_path: Path, package: wheels.BrowserPackage
) -> None:
    wheel = wheels.build_wheel(package.source(PROJECT), tmp_path, package.summary)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        record_name = next(n for n in names if n.endswith(".dist-info/RECORD"))
        rows = list(csv.reader(io.StringIO(archive.read(record_name).decode())))
        assert sorted(row[0] for row in rows) == sorted(names)
        for name, digest, size in rows:
            if name == record_name:
                assert digest == size == ""
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data)
        assert f"{package.import_name}/__init__.py" in names
        assert f"{package.import_name}/py.typed" in names
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".md"))]
        wheel_file = archive.read(next(n for n in names if n.endswith(".dist-info/WHEEL"))).decode()
        assert "Root-Is-Purelib: true" in wheel_file and "Tag: py3-none-any" in wheel_file


@pytest.mark.parametrize("package", wheels.BROWSER_PACKAGES, ids=lambda p: p.import_name)
def test_wheel_installs_with_pip_and_imports(tmp_path: Path, package: wheels.BrowserPackage) -> None:
    wheel = wheels.build_wheel(package.source(PROJECT), tmp_path / "dist", package.summary)
    target = tmp_path / "target"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-compile", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r}); "
        f"import importlib.metadata as m, {package.import_name} as p; "
        f"assert p.__file__.startswith({str(target)!r}), p.__file__; "
        f"print(m.version({package.import_name!r}))"
    )
    out = subprocess.run([sys.executable, "-I", "-c", code],
                         check=True, capture_output=True, text=True)
    assert out.stdout.strip() == wheels.package_version(package.source(PROJECT))


def test_building_a_folder_without_init_explains_the_fix(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    with pytest.raises(BuildError) as err:
        wheels.build_wheel(tmp_path / "loose", tmp_path / "out", "x")
    assert str(err.value) == (
        f"{tmp_path / 'loose'}: expected a Python package with __init__.py, found none. "
        "Fix: add interactive/<package>/__init__.py (the browser imports it as a package)"
    )


def test_lockfile_pins_only_our_wheels_with_their_sha256(site_assets: Path) -> None:
    pyodide_dir = site_assets / assets.PYODIDE_DIR
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text())
    npm_lock = json.loads((PROJECT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["python"] == npm_lock["info"]["python"]
    assert lock["info"]["platform"] == npm_lock["info"]["platform"]
    assert sorted(lock["packages"]) == ["calf-pump", "risk-checklist"]
    for entry in lock["packages"].values():
        wheel = pyodide_dir / entry["file_name"]
        assert "/" not in entry["file_name"], "wheel names are relative to the lockfile"
        assert entry["sha256"] == _sha256(wheel)
        assert entry["depends"] == []
    assert lock["packages"]["calf-pump"]["imports"] == ["calf_pump"]


def test_assets_hold_only_the_pyodide_files_the_site_uses(site_assets: Path) -> None:
    pyodide_files = sorted(p.name for p in (site_assets / assets.PYODIDE_DIR).iterdir())
    wheel_names = [n for n in pyodide_files if n.endswith(".whl")]
    runtime = sorted(set(pyodide_files) - set(wheel_names))
    assert runtime == sorted([*assets.PYODIDE_FILES, "pyodide-lock.json"])
    assert len(wheel_names) == len(wheels.BROWSER_PACKAGES)
    web = sorted(p.name for p in (site_assets / assets.WIDGETS_DIR).iterdir())
    assert web == sorted([*assets.WEB_FILES, "checklist.json"])


def test_checklist_json_is_the_content_context(site_assets: Path, ctx: SiteContext) -> None:
    written = json.loads((site_assets / assets.WIDGETS_DIR / "checklist.json").read_text())
    assert written == json.loads(json.dumps(checklist_data(ctx)))
    assert [i["id"] for i in written["risk_factors"]] == list(ctx.risk_factors)
    assert [i["id"] for i in written["warning_signs"]] == ["dvt-warning-signs", "pe-warning-signs"]


def test_rebuilding_assets_keeps_wheel_hashes(site_assets: Path, ctx: SiteContext, tmp_path: Path) -> None:
    sync(tmp_path, assets.widget_files(PROJECT, ctx))
    again = json.loads((tmp_path / assets.PYODIDE_DIR / "pyodide-lock.json").read_text())
    first = json.loads((site_assets / assets.PYODIDE_DIR / "pyodide-lock.json").read_text())
    assert again == first


def test_missing_node_modules_is_a_build_error_that_says_run_npm_ci(
    tmp_path: Path, ctx: SiteContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(BuildError) as err:
        assets.widget_files(tmp_path, ctx)
    assert str(err.value) == (
        f"{tmp_path / 'node_modules' / 'pyodide'}: the Pyodide runtime is missing "
        "(pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip not found). "
        "Fix: run 'npm ci' in the repository root (or './dev build', which runs it)"
    )


def test_mkdocs_entries_point_at_files_that_are_written(site_assets: Path) -> None:
    for entry in assets.extra_javascript():
        assert isinstance(entry, dict) and entry["type"] == "module"
        assert (site_assets.parent / site_assets.name / entry["path"]).is_file()
    for path in assets.extra_css():
        assert (site_assets / path).is_file()


def test_every_widget_has_an_entry_that_the_loader_can_fetch(site_assets: Path) -> None:
    from generators.widgets import WIDGETS

    web = site_assets / assets.WIDGETS_DIR
    for widget_id in WIDGETS:
        entry = f"{widget_id}-widget.js"
        assert entry in assets.WEB_FILES
        text = (web / entry).read_text()
        assert f'define("{widget_id}",' in text
        assert 'from "./widgets.js"' in text


def test_pages_without_widgets_get_only_a_small_loader(site_assets: Path) -> None:
    # MkDocs puts these on every page: the loader, and no widget styles.
    assert [entry["path"] for entry in assets.extra_javascript() if isinstance(entry, dict)] == [
        f"{assets.WIDGETS_DIR}/loader.js"
    ]
    assert assets.extra_css() == []
    loader = (site_assets / assets.WIDGETS_DIR / "loader.js").read_bytes()
    assert len(loader) < 1000, f"loader.js is {len(loader)} bytes; every page loads it"
    assert not re.search(rb"^\s*import\b", loader, re.M)  # no static import: nothing comes with it
