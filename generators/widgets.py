"""Build-time side of the in-browser widgets: assets, wheels, lockfile and HTML blocks.

The browser runs the same Python as the build: ``calf_pump`` (the leg model) and
``risk_checklist`` (the checklist's rules) ship as wheels that Pyodide loads in a Web
Worker. This module

* builds those wheels reproducibly (fixed timestamps, sorted entries, so the sha256 in
  the lockfile only changes when the code does) and registers them in a site-specific
  ``pyodide-lock.json`` with pyodide-lock's ``add_wheels_to_spec`` (the function behind
  ``pyodide lockfile add-wheels``);
* copies only the Pyodide runtime files the site uses out of ``node_modules/pyodide``;
* writes ``checklist.json`` from the content context (the one source of the items);
* renders the HTML blocks the page generator inserts, including a static preview that
  the same model computes at build time, so a page without JavaScript or Python still
  shows something true.

Layout inside the built site (``assets/``)::

    pyodide/   pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip,
               pyodide-lock.json, calf_pump-*.whl, risk_checklist-*.whl
    widgets/   loader.js, worker.js, views, widgets.css, bridge.py, checklist.json

Library code: raises ``BuildError``, never prints.
"""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import html
import io
import json
import math
import re
import shutil
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generators.errors import BuildError

if TYPE_CHECKING:
    from generators.context import SiteContext

REPO = Path(__file__).resolve().parents[1]
NODE_PYODIDE = REPO / "node_modules" / "pyodide"
WEB_SOURCE = REPO / "interactive" / "web"
ASSETS = "assets"
PYODIDE_DIR = f"{ASSETS}/pyodide"
WIDGETS_DIR = f"{ASSETS}/widgets"

#: The Pyodide files a page actually fetches; everything else in the npm package stays out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
#: Front-end files copied from interactive/web/ (plain ES modules, CSS and the worker's glue).
WEB_FILES = (
    "loader.js",
    "runtime.js",
    "worker.js",
    "vein-valve.js",
    "checklist.js",
    "widgets.css",
    "bridge.py",
)


@dataclass(frozen=True)
class BrowserPackage:
    """A pure-Python package from interactive/ that ships to the browser as a wheel."""

    import_name: str
    summary: str

    @property
    def source(self) -> Path:
        return REPO / "interactive" / self.import_name


BROWSER_PACKAGES = (
    BrowserPackage("calf_pump", "Calf muscle pump model: a lower leg's veins, valves and pressures."),
    BrowserPackage("risk_checklist", "Rules of the Second Heart risk-factor checklist."),
)

# Fixed wheel timestamp (the earliest a zip can hold), so rebuilding unchanged code gives
# byte-identical wheels and an unchanged sha256 in the lockfile.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP_NAMES = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_SKIP_SUFFIXES = {".pyc", ".pyo", ".md"}


# --------------------------------------------------------------------------- wheels


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def package_version(package_dir: Path) -> str:
    """``__version__`` from the package's ``__init__.py``, else the project's version."""
    init = package_dir / "__init__.py"
    if init.is_file():
        found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', init.read_text("utf-8"), re.M)
        if found:
            return found.group(1)
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return str(project["project"]["version"])


def _package_files(package_dir: Path) -> list[Path]:
    files = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if any(part in _SKIP_NAMES or part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix not in _SKIP_SUFFIXES:
            files.append(path)
    return files


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permission bits below are read
    info.external_attr = 0o100644 << 16
    archive.writestr(info, data, compresslevel=9)


def build_wheel(
    package_dir: Path,
    out_dir: Path,
    summary: str,
    version: str | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write a pure-Python ``py3-none-any`` wheel (PEP 427) of one import package.

    ``extra_files`` (path inside the package -> bytes) adds data made at build time.
    Deterministic: same files in, same bytes out. Returns the wheel's path.
    """
    if not (package_dir / "__init__.py").is_file():
        raise BuildError(
            f"{package_dir}: expected a Python package with __init__.py, found none. "
            "Fix: add interactive/<package>/__init__.py (the browser imports it as a package)"
        )
    name = package_dir.name
    version = version or package_version(package_dir)
    dist_info = f"{name}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{name}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in _package_files(package_dir)
    ]
    entries += [(f"{name}/{rel}", data) for rel, data in sorted((extra_files or {}).items())]
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {name}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
        "Requires-Python: >=3.12\n"
    )
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: second-heart (generators/widgets.py)\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )
    entries += [
        (f"{dist_info}/METADATA", metadata.encode()),
        (f"{dist_info}/WHEEL", wheel.encode()),
        (f"{dist_info}/top_level.txt", f"{name}\n".encode()),
    ]
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for entry_name, data in entries:
        writer.writerow([entry_name, _record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    entries.append((f"{dist_info}/RECORD", record.getvalue().encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}-{version}-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry_name, data in entries:
            _zip_entry(archive, entry_name, data)
    target.write_bytes(buffer.getvalue())
    return target


def write_lockfile(pyodide_dir: Path, wheels: list[Path], source_lock: Path) -> Path:
    """Write ``pyodide_dir/pyodide-lock.json`` listing only our wheels, with their sha256.

    The npm lockfile lists 350 packages the site never loads; keeping only its ``info``
    (Python version, platform, ABI) makes the file small and makes ``loadPackage`` refuse
    anything else. The wheels are registered by ``add_wheels_to_spec``, the function the
    ``pyodide lockfile add-wheels`` command runs, with file names relative to the lockfile.
    """
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    npm_lock = json.loads(source_lock.read_text("utf-8"))
    base = PyodideLockSpec.from_dict({"info": npm_lock["info"], "packages": {}})
    try:
        spec = add_wheels_to_spec(base, wheels, base_path=pyodide_dir)
    except RuntimeError as err:  # incompatible wheel tags, unreadable metadata
        raise BuildError(f"{source_lock}: could not add the widget wheels: {err}") from err
    target = pyodide_dir / "pyodide-lock.json"
    spec.to_json(target, indent=1)
    return target


# --------------------------------------------------------------------------- assets


def extra_javascript() -> list[dict[str, Any] | str]:
    """Entries for MkDocs' ``extra_javascript``: one small module that mounts every widget.

    ``async``: the module runs as soon as it has loaded instead of after the whole page
    (Material's bundle included) has run, so Python can start a few hundred ms sooner.
    It sits at the end of <body>, so the widgets above it are already parsed.
    """
    return [{"path": f"{WIDGETS_DIR}/loader.js", "type": "module", "async": True}]


def extra_css() -> list[str]:
    return [f"{WIDGETS_DIR}/widgets.css"]


def _require_node_modules() -> None:
    missing = [f for f in PYODIDE_FILES if not (NODE_PYODIDE / f).is_file()]
    if missing or not (NODE_PYODIDE / "pyodide-lock.json").is_file():
        raise BuildError(
            f"{NODE_PYODIDE}: the Pyodide runtime is missing "
            f"({', '.join(missing) or 'pyodide-lock.json'} not found). "
            "Fix: run 'npm ci' in the repository root (or './dev build', which runs it)"
        )


def _copy_if_changed(source: Path, target: Path) -> None:
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.read_bytes() == source.read_bytes()
    ):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _build_time_data(package: str) -> dict[str, bytes]:
    """Data files computed now and shipped in a wheel, to save work in the browser."""
    if package != "calf_pump":
        return {}
    from calf_pump.model import EQUILIBRIA_FILE, export_equilibria

    compressions = tuple(mmhg for mmhg, _label in COMPRESSION_CHOICES)
    return {EQUILIBRIA_FILE: export_equilibria(compressions).encode()}


def write_widget_assets(docs_dir: Path, ctx: SiteContext) -> None:
    """Write everything the widgets need into ``docs_dir/assets/`` (see module docstring)."""
    _require_node_modules()
    pyodide_dir = docs_dir / PYODIDE_DIR
    widgets_dir = docs_dir / WIDGETS_DIR
    for name in PYODIDE_FILES:
        _copy_if_changed(NODE_PYODIDE / name, pyodide_dir / name)
    for stale in pyodide_dir.glob("*.whl"):
        stale.unlink()
    wheels = [build_wheel(p.source, pyodide_dir, p.summary, extra_files=_build_time_data(p.source.name))
              for p in BROWSER_PACKAGES]
    write_lockfile(pyodide_dir, wheels, NODE_PYODIDE / "pyodide-lock.json")

    missing_web = [f for f in WEB_FILES if not (WEB_SOURCE / f).is_file()]
    if missing_web:
        raise BuildError(
            f"{WEB_SOURCE}: widget files missing: {', '.join(missing_web)}. "
            "Fix: restore them from git (git checkout -- interactive/web)"
        )
    for name in WEB_FILES:
        _copy_if_changed(WEB_SOURCE / name, widgets_dir / name)
    data = json.dumps(checklist_data(ctx), ensure_ascii=False, indent=1, sort_keys=True)
    (widgets_dir / "checklist.json").write_text(data + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- checklist


_CITATION = re.compile(r"\s*\[@[a-z0-9-]+(?:\s*;\s*@[a-z0-9-]+)*\]")


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def markdown_html(text: str) -> str:
    """Render a short Markdown field for the widgets. Citations are dropped here: the
    checklist points to the full pages, where every claim keeps its references."""
    return str(_markdown().render(_CITATION.sub("", text))).strip()


def _warning_sign_ids(ctx: SiteContext) -> list[str]:
    on_cards = set(ctx.care.emergency.signs) | set(ctx.care.urgent.signs)
    return [s.id for s in ctx.symptoms.values() if s.kind == "warning-sign" or s.id in on_cards]


def checklist_data(ctx: SiteContext) -> dict[str, Any]:
    """The checklist as JSON-able data: the input of ``risk_checklist.Checklist.from_dict``.

    Everything comes from content/: questions from each item's ``checklist``, URLs from
    ``ctx.url_of`` (relative to the site root), care cards from ``care.yml``.
    """
    exercise_ids: list[str] = []
    risk_factors = []
    for factor in ctx.risk_factors.values():
        for exercise_id in factor.related.exercises:
            if exercise_id not in ctx.exercises:
                raise BuildError(
                    f"risk factor '{factor.id}': related exercise '{exercise_id}' does not exist. "
                    f"Fix: add content/{ctx.lang}/exercises/{exercise_id}.yml or remove the link"
                )
            if exercise_id not in exercise_ids:
                exercise_ids.append(exercise_id)
        risk_factors.append(
            {
                "id": factor.id,
                "name": factor.name,
                "question": factor.checklist.question,
                "detail": factor.checklist.detail,
                "changeable": factor.changeable,
                "url": ctx.url_of("risk-factor", factor.id),
                "exercises": list(factor.related.exercises),
            }
        )
    warning_signs = [
        {
            "id": sign.id,
            "name": sign.name,
            "question": sign.checklist.question,
            "detail": sign.checklist.detail,
            "urgency": sign.urgency,
            "url": ctx.url_of("symptom", sign.id),
        }
        for sign in (ctx.symptoms[i] for i in _warning_sign_ids(ctx))
    ]
    care = {
        level: {
            "title": card.title,
            "action_html": markdown_html(card.action),
            "signs": list(card.signs),
        }
        for level, card in (("emergency", ctx.care.emergency), ("urgent", ctx.care.urgent))
    }
    return {
        "version": 1,
        "risk_factors": risk_factors,
        "warning_signs": warning_signs,
        "exercises": {
            i: {"id": i, "name": ctx.exercises[i].name, "url": ctx.url_of("exercise", i)}
            for i in exercise_ids
        },
        "care": care,
        "emergency_number": ctx.site.emergency_number,
    }


def _relative(page_url: str, target: str) -> str:
    """Link from one site-relative directory URL to another, as MkDocs writes them."""
    depth = len([p for p in page_url.split("/") if p])
    return "../" * depth + target


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def checklist_block(ctx: SiteContext, page_url: str = "checklist/") -> str:
    """The checklist as a real, printable HTML form that works without JavaScript.

    With Python running, ``checklist.js`` reads the ticks, runs ``risk_checklist`` in the
    worker and writes the summary, plan and care card into the result region. ``page_url``
    is where the block is placed, so its links are relative like the rest of the site.
    """
    data = checklist_data(ctx)

    def item(kind: str, entry: Mapping[str, Any], link_text: str) -> str:
        field_id = f"sh-check-{entry['id']}"
        detail = f'<span class="sh-checklist__detail">{_e(entry["detail"])}</span>' if entry["detail"] else ""
        link = f'<a href="{_e(_relative(page_url, entry["url"]))}">{_e(link_text)}</a>'
        helps = ""
        if kind == "risk" and entry["exercises"]:
            links = ", ".join(
                f'<a href="{_e(_relative(page_url, data["exercises"][x]["url"]))}">'
                f'{_e(data["exercises"][x]["name"])}</a>'
                for x in entry["exercises"]
            )
            helps = f'<span class="sh-checklist__helps">What helps: {links}</span>'
        return (
            '<li class="sh-checklist__item"'
            f' data-kind="{kind}" data-changeable="{_e(entry.get("changeable"))}">'
            f'<input type="checkbox" id="{field_id}" name="item" value="{_e(entry["id"])}">'
            f'<label for="{field_id}">{_e(entry["question"])}</label>'
            f"{detail}<span class=\"sh-checklist__more\">{link}{helps}</span></li>"
        )

    def care_card(level: str) -> str:
        card = data["care"][level]
        signs = "".join(
            f"<li>{_e(ctx.symptoms[s].name)}</li>" for s in card["signs"] if s in ctx.symptoms
        )
        return (
            f'<div class="sh-care sh-care--{level}" data-care-level="{level}">'
            f'<p class="sh-care__title"><strong>{_e(card["title"])}</strong></p>'
            f'<div class="sh-care__action">{card["action_html"]}</div>'
            f'<p class="sh-care__signs-label">Signs:</p><ul class="sh-care__signs">{signs}</ul></div>'
        )

    risk_items = "".join(item("risk", f, f"About {f['name'].lower()}") for f in data["risk_factors"])
    sign_items = "".join(item("sign", s, f"About {s['name'].lower()}") for s in data["warning_signs"])
    lines = [
        '<div class="sh-widget sh-checklist" data-widget="risk-checklist" data-state="idle">',
        '<p class="sh-checklist__private"><strong>Private and not a diagnosis.</strong> '
        "Your answers stay on this device: nothing is sent anywhere, and nothing is kept unless "
        "you choose “Save on this device”. This checklist cannot tell you whether you have a "
        "vein problem; a health professional can.</p>",
        # method="dialog" outside a dialog submits nowhere: even without JavaScript the
        # answers never leave the page in a URL.
        '<form class="sh-checklist__form" method="dialog" aria-label="Leg health checklist">',
        '<fieldset class="sh-checklist__group"><legend>Things that can weaken the calf pump</legend>',
        f'<ul class="sh-checklist__items">{risk_items}</ul></fieldset>',
        '<fieldset class="sh-checklist__group sh-checklist__group--signs">'
        "<legend>Warning signs: do you have any of these now?</legend>",
        f'<ul class="sh-checklist__items">{sign_items}</ul></fieldset>',
        '<div class="sh-checklist__actions" hidden>',
        '<button type="button" class="md-button md-button--primary"'
        ' data-action="print">Print my summary</button>',
        '<button type="button" class="md-button" data-action="save">Save on this device</button>',
        '<button type="button" class="md-button" data-action="forget">Forget my answers</button>',
        "</div>",
        '<p class="sh-checklist__saved" role="status"></p>',
        "</form>",
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        '<span class="sh-widget__loading-text">Starting the checklist…</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">Try again</button></div>',
        '<section class="sh-checklist__result" aria-live="polite" hidden></section>',
        '<section class="sh-checklist__care" aria-label="When to get help">',
        '<p class="sh-checklist__care-intro"><strong>If you ticked a warning sign, '
        "do not wait:</strong></p>",
        care_card("emergency"),
        care_card("urgent"),
        "</section>",
        '<p class="sh-checklist__print-hint sh-widget__noscript">To keep a copy, tick your answers '
        "and use your browser’s Print command.</p>",  # noqa: RUF001  typographic apostrophe for readers
        "</div>",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- vein valves

#: What the animation offers. Ids are calf_pump's names; the words are the widget's.
ACTIVITY_CHOICES = (
    ("stand", "Stand still"),
    ("walk", "Walk"),
    ("calf_raises", "Calf raises"),
    ("ankle_pumps", "Ankle pumps (lying)"),
    ("sit", "Sit"),
    ("lie_leg_up", "Lie with leg up"),
)
CONDITION_CHOICES = (
    ("healthy", "Healthy veins"),
    ("superficial_reflux", "Leaky valves in the surface vein"),
    ("deep_reflux", "Leaky valves in the deep vein"),
    ("obstruction", "Blocked deep vein (after a clot)"),
    ("weak_calf", "Weak calf muscle"),
    ("stiff_ankle", "Stiff ankle"),
)
#: Representative ankle pressures of each stocking class (class 1: 15-20, class 2: 23-32 mmHg).
COMPRESSION_CHOICES = (
    (0.0, "No stockings"),
    (18.0, "Class 1 stockings (about 18 mmHg)"),
    (28.0, "Class 2 stockings (about 28 mmHg)"),
)

# Drawing: a lower leg seen from the side, toes to the right. Units are SVG user units
# in a 320 x 440 box; the model supplies only numbers, the view decides where things go.
VIEWBOX = (320, 440)
LEG_OUTLINE = (
    "M80 0 L200 0 C205 40 205 80 200 100 C198 200 190 280 186 346 L120 346 "
    "C110 300 40 262 45 190 C48 140 80 116 88 100 C82 70 78 30 80 0 Z"
)
FOOT_OUTLINE = (
    "M118 340 L188 340 C205 352 250 368 288 382 "
    "C296 386 294 398 284 398 L120 398 C106 396 104 360 118 340 Z"
)
ANKLE = (152, 350)
CALF_MUSCLE = {"cx": 90, "cy": 200, "rx": 33, "ry": 86}
#: Vessel centre lines. Each flow segment is drawn from upstream to downstream, so dashes
#: moving "forward" along the path show normal flow.
VESSELS = {
    "foot": "M262 384 C230 378 190 372 158 360",
    "deep": "M152 352 L139 300 C131 250 131 170 140 120 L142 80 L145 0",
    "superficial": "M190 368 L181 320 C177 250 190 150 192 92 C193 52 184 24 147 12",
}
SEGMENTS = {
    "foot_to_deep": "M152 352 L139 300",
    "foot_to_superficial": "M190 368 L181 320",
    "perforator": "M181 232 L135 222",
    "deep_up": "M139 300 C131 250 131 170 140 120 L142 80",
    "superficial_up": "M181 320 C177 250 190 150 192 92 C193 52 184 24 147 12",
    "thigh_out": "M142 80 L145 0",
}
#: Where each segment's direction arrow sits (x, y) on its path.
SEGMENT_ARROWS: dict[str, tuple[float, float]] = {
    "foot_to_deep": (146, 328),
    "foot_to_superficial": (186, 346),
    "perforator": (170, 230),
    "deep_up": (133, 200),
    "superficial_up": (186, 170),
    "thigh_out": (143, 56),
}
#: Which vessel colour/width a segment's pressure comes from.
VESSEL_COMPARTMENT = {"foot": "foot", "deep": "deep_calf", "superficial": "superficial"}
#: Valves: position, and the angle that turns "flow goes up" into the vessel's direction.
VALVES = {
    "lower_deep": (141.0, 308.0, -11.9),
    "perforator": (158.0, 227.0, -78.0),
    "upper_deep": (141.0, 105.0, 2.9),
    "saphenous": (168.0, 17.0, -66.3),
    "femoral": (144.0, 40.0, 2.1),
}
VALVE_WORDS = {
    "lower_deep": "lower deep-vein valve",
    "perforator": "perforator valve",
    "upper_deep": "valve behind the knee",
    "saphenous": "surface-vein valve at the groin",
    "femoral": "thigh valve",
}
GAUGE = {"cx": 268, "cy": 160, "r": 38, "max_mmhg": 120.0, "sweep_deg": 240.0}


def _segment_angle(name: str) -> float:
    """Direction of normal flow at a segment's arrow, from the path's end points."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", SEGMENTS[name])]
    (x0, y0), (x1, y1) = numbers[0:2], numbers[-2:]
    return math.degrees(math.atan2(x1 - x0, -(y1 - y0)))


def _leaflets(open_fraction: float, competent: bool) -> tuple[str, str]:
    """Two valve cusps in the valve's own frame (flow goes up, -y); same formula as the JS."""
    closed_x = 2.6 if not competent else 0.6
    tip_x = closed_x + (4.2 - closed_x) * open_fraction
    tip_y = -3.0 - 5.0 * open_fraction
    left = f"M-5.5 6 Q-5 0 {-tip_x:.2f} {tip_y:.2f}"
    right = f"M5.5 6 Q5 0 {tip_x:.2f} {tip_y:.2f}"
    return left, right


def _vessel_width(pressure_mmhg: float) -> float:
    return 6.0 + 5.0 * min(max(pressure_mmhg, 0.0), 100.0) / 100.0


def _gauge_angle(pressure_mmhg: float) -> float:
    fraction = min(max(pressure_mmhg, 0.0), GAUGE["max_mmhg"]) / GAUGE["max_mmhg"]
    return -GAUGE["sweep_deg"] / 2 + GAUGE["sweep_deg"] * fraction


def _gauge_svg(pressure_mmhg: float) -> str:
    cx, cy, r = GAUGE["cx"], GAUGE["cy"], GAUGE["r"]
    ticks = []
    for value in range(0, int(GAUGE["max_mmhg"]) + 1, 20):
        angle = math.radians(_gauge_angle(value))
        x0, y0 = cx + (r - 6) * math.sin(angle), cy - (r - 6) * math.cos(angle)
        x1, y1 = cx + r * math.sin(angle), cy - r * math.cos(angle)
        ticks.append(f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"/>')
        if value % 40 == 0:
            xt, yt = cx + (r - 14) * math.sin(angle), cy - (r - 14) * math.cos(angle) + 3
            ticks.append(f'<text x="{xt:.1f}" y="{yt:.1f}" class="sh-vv__tick">{value}</text>')
    start, end = math.radians(_gauge_angle(0)), math.radians(_gauge_angle(GAUGE["max_mmhg"]))
    arc = (
        f"M{cx + r * math.sin(start):.1f} {cy - r * math.cos(start):.1f} "
        f"A{r} {r} 0 1 1 {cx + r * math.sin(end):.1f} {cy - r * math.cos(end):.1f}"
    )
    return (
        f'<g class="sh-vv__gauge" aria-hidden="true">'
        f'<circle cx="{cx}" cy="{cy}" r="{r + 6}" class="sh-vv__gauge-face"/>'
        f'<path d="{arc}" class="sh-vv__gauge-arc"/>'
        f'<g class="sh-vv__gauge-ticks">{"".join(ticks)}</g>'
        f'<line x1="{cx}" y1="{cy + 6}" x2="{cx}" y2="{cy - r + 8}" class="sh-vv__needle" '
        f'transform="rotate({_gauge_angle(pressure_mmhg):.1f} {cx} {cy})"/>'
        f'<circle cx="{cx}" cy="{cy}" r="3.5" class="sh-vv__needle-hub"/>'
        f'<text x="{cx}" y="{cy + 26}" class="sh-vv__gauge-value">{pressure_mmhg:.0f}</text>'
        f'<text x="{cx}" y="{cy + 38}" class="sh-vv__gauge-unit">mmHg at ankle</text></g>'
    )


def leg_svg(snapshot: Mapping[str, Any]) -> str:
    """The leg drawing for one model snapshot. The live view animates these same elements
    (found by their ``data-*`` names), so the static preview and the animation match."""
    width, height = VIEWBOX
    compartments = snapshot["compartments"]
    squeeze = float(snapshot["calf_squeeze"])
    ankle_angle = float(snapshot.get("ankle_angle_deg") or 0.0)
    parts = [
        f'<svg class="sh-vv__svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="sh-vv-title" focusable="false">',
        '<title id="sh-vv-title">A lower leg from the side: the calf muscle, the deep vein and '
        "the surface vein with their valves, and a gauge of the blood pressure at the ankle.</title>",
        "<defs>"
        '<pattern id="sh-vv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" class="sh-vv__hatch-line"/></pattern>'
        '<marker id="sh-vv-arrowhead" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse">'
        '<path d="M0 0 L10 5 L0 10 Z" class="sh-vv__arrowhead"/></marker>'
        "</defs>",
        # Gravity: a plain arrow and a word, dimmed when lying down.
        '<g class="sh-vv__gravity" data-gravity>'
        '<line x1="20" y1="40" x2="20" y2="130" marker-end="url(#sh-vv-arrowhead)"/>'
        '<text x="28" y="60" class="sh-vv__label">gravity</text>'
        '<text x="28" y="74" class="sh-vv__label sh-vv__posture"'
        f' data-posture-label>{_e(str(snapshot.get("posture", "standing")))}</text></g>',
        f'<path d="{LEG_OUTLINE}" class="sh-vv__skin"/>',
        f'<g class="sh-vv__foot" data-foot transform="rotate({ankle_angle:.1f} {ANKLE[0]} {ANKLE[1]})">'
        f'<path d="{FOOT_OUTLINE}" class="sh-vv__skin"/>'
        f'<path d="{VESSELS["foot"]}" class="sh-vv__vessel" data-vessel="foot" '
        f'style="stroke-width:{_vessel_width(compartments["foot"]["pressure_mmhg"]):.1f}"/></g>',
        f'<ellipse class="sh-vv__muscle" data-muscle cx="{CALF_MUSCLE["cx"]}" cy="{CALF_MUSCLE["cy"]}" '
        f'rx="{CALF_MUSCLE["rx"]}" ry="{CALF_MUSCLE["ry"]}" '
        f'style="transform:scale({1 + 0.14 * squeeze:.3f},{1 - 0.07 * squeeze:.3f})"/>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 4}" class="sh-vv__muscle-label">calf</text>',
        f'<text x="{CALF_MUSCLE["cx"]}" y="{CALF_MUSCLE["cy"] + 17}"'
        ' class="sh-vv__muscle-label">muscle</text>',
    ]
    for vessel in ("deep", "superficial"):
        pressure = compartments[VESSEL_COMPARTMENT[vessel]]["pressure_mmhg"]
        parts.append(
            f'<path d="{VESSELS[vessel]}" class="sh-vv__vessel" data-vessel="{vessel}" '
            f'style="stroke-width:{_vessel_width(pressure):.1f}"/>'
        )
    for name, path in SEGMENTS.items():
        segment = snapshot["segments"][name]
        reverse = "true" if segment["reverse"] else "false"
        x, y = SEGMENT_ARROWS[name]
        angle = _segment_angle(name) + (180 if segment["reverse"] else 0)
        shown = 1 if abs(segment["flow_ml_s"]) > 0.05 else 0
        parts.append(
            f'<g class="sh-vv__segment" data-segment="{name}" data-reverse="{reverse}">'
            f'<path d="{path}" class="sh-vv__flow"/>'
            f'<path d="M0 5 L0 -5 M-4 -1 L0 -5 L4 -1" class="sh-vv__arrow" '
            f'data-angle="{_segment_angle(name):.1f}"'
            f' transform="translate({x} {y}) rotate({angle:.1f})" style="opacity:{shown}"/></g>'
        )
    for name, (x, y, angle) in VALVES.items():
        valve = snapshot["valves"][name]
        left, right = _leaflets(float(valve["open_fraction"]), bool(valve["competent"]))
        parts.append(
            f'<g class="sh-vv__valve" data-valve="{name}"'
            f' data-reflux="{str(bool(valve["reverse"])).lower()}" '
            f'data-competent="{str(bool(valve["competent"])).lower()}" '
            f'transform="translate({x} {y}) rotate({angle}) scale(1.5)">'
            '<ellipse cx="0" cy="0" rx="6.5" ry="8" class="sh-vv__sinus"/>'
            f'<path d="{left}" class="sh-vv__leaflet"/><path d="{right}" class="sh-vv__leaflet"/>'
            f'<text x="7" y="2" class="sh-vv__backflow" transform="rotate({-angle})">backflow</text></g>'
        )
    parts += [
        '<g class="sh-vv__callouts" aria-hidden="true">'
        '<line x1="188" y1="262" x2="224" y2="262"/>'
        '<text x="228" y="266" class="sh-vv__label">surface vein</text>'
        '<line x1="136" y1="282" x2="224" y2="290"/>'
        '<text x="228" y="294" class="sh-vv__label">deep vein</text>'
        '<line x1="150" y1="104" x2="224" y2="96"/><text x="228" y="100" class="sh-vv__label">valve</text>'
        "</g>",
        _gauge_svg(float(snapshot["ankle_pressure_mmhg"])),
        "</svg>",
    ]
    return "".join(parts)


@dataclass(frozen=True)
class Preview:
    """What the model says before any JavaScript runs: standing still and after walking."""

    standing: Mapping[str, Any]
    walking_ankle_mmhg: float
    walking_return_ml_min: float


def _run(model: Any, seconds: float, chunk_s: float = 1.0) -> list[Mapping[str, Any]]:
    snapshots = []
    steps = round(seconds / chunk_s)
    for _ in range(steps):
        model.step(chunk_s)
        snapshots.append(model.snapshot())
    return snapshots


@functools.cache
def model_preview() -> Preview:
    """Run calf_pump at build time: one minute standing, then one minute walking."""
    try:
        from calf_pump import LegModel
    except ImportError as err:
        raise BuildError(
            f"the vein-valve preview needs the calf_pump model, which could not be imported ({err}). "
            "Fix: check interactive/calf_pump/__init__.py and reinstall with "
            "'.venv/bin/pip install -e . --no-deps'"
        ) from err
    model = LegModel(scenario="healthy", compression_mmhg=0.0)
    model.set_activity("stand")
    standing = _run(model, 60.0)[-1]
    model.set_activity("walk", speed_kmh=4.0)
    last_part = [s for s in _run(model, 60.0, chunk_s=0.1)[-100:]]
    walking = sum(float(s["ankle_pressure_mmhg"]) for s in last_part) / len(last_part)
    walking_return = sum(float(s["venous_return_ml_min"]) for s in last_part) / len(last_part)
    return Preview(standing, walking, walking_return)


def _options(choices: Iterable[tuple[Any, str]], selected: Any) -> str:
    return "".join(
        f'<option value="{_e(str(value))}"{" selected" if value == selected else ""}>{_e(label)}</option>'
        for value, label in choices
    )


def vein_valve_block(ctx: SiteContext | None = None) -> str:
    """The vein-valve animation: static drawing and numbers from the model, live controls.

    ``ctx`` is accepted for symmetry with ``checklist_block``; the words here are the
    widget's own and the numbers come from ``calf_pump``.
    """
    preview = model_preview()
    standing = preview.standing
    standing_mmhg = float(standing["ankle_pressure_mmhg"])
    caption = (
        f"Standing still, the blood pressure in the veins at the ankle is about {standing_mmhg:.0f} mmHg: "
        f"the weight of the blood column. After a minute of walking it falls to about "
        f"{preview.walking_ankle_mmhg:.0f} mmHg, because each step the calf muscle squeezes the deep vein "
        "and its valves stop the blood falling back."
    )
    readouts = (
        '<dl class="sh-vv__readouts">'
        '<div><dt>Ankle pressure</dt><dd>'
        f'<span data-readout="ankle">{standing_mmhg:.0f}</span> mmHg</dd></div>'
        '<div><dt>Blood returned</dt><dd>'
        f'<span data-readout="return">{float(standing["venous_return_ml_min"]):.0f}</span> mL/min</dd></div>'
        '<div><dt>Refill time after stopping</dt><dd><span data-readout="refill">–</span>'  # noqa: RUF001  en dash: "no value yet"
        ' <span data-readout="refill-unit" hidden>s</span></dd></div>'
        '<div><dt>Valve backflow</dt><dd><span data-readout="reflux">none</span></dd></div>'
        "</dl>"
    )
    controls = (
        '<form class="sh-vv__controls" method="dialog" aria-label="Animation controls">'
        '<label class="sh-vv__control">Activity '
        f'<select name="activity">{_options(ACTIVITY_CHOICES, "stand")}</select></label>'
        '<label class="sh-vv__control">Veins '
        f'<select name="scenario">{_options(CONDITION_CHOICES, "healthy")}</select></label>'
        '<label class="sh-vv__control">Compression '
        f'<select name="compression">{_options(COMPRESSION_CHOICES, 0.0)}</select></label>'
        '<div class="sh-vv__buttons">'
        '<button type="button" class="md-button md-button--primary"'
        ' data-action="play" aria-pressed="false">Play</button>'
        '<button type="button" class="md-button" data-action="step">Step</button>'
        '<button type="button" class="md-button" data-action="reset">Reset</button>'
        "</div>"
        '<label class="sh-vv__control sh-vv__speed">Speed '
        '<input type="range" name="speed" min="0.25" max="2" '
        'step="0.25" value="1" aria-valuetext="normal speed"> <output name="speed-out">1×</output></label>'  # noqa: RUF001  multiplication sign: "1 times" speed
        "</form>"
    )
    chart = (
        '<figure class="sh-vv__chart-figure">'
        '<svg class="sh-vv__chart" viewBox="0 0 300 90" role="img"'
        ' aria-label="Ankle pressure over the last 20 seconds">'
        '<g class="sh-vv__chart-grid"><line x1="30" y1="10" x2="296" y2="10"/>'
        '<line x1="30" y1="45" x2="296" y2="45"/>'
        '<line x1="30" y1="80" x2="296" y2="80"/></g>'
        '<text x="26" y="13" class="sh-vv__chart-label">120</text>'
        '<text x="26" y="48" class="sh-vv__chart-label">60</text>'
        '<text x="26" y="83" class="sh-vv__chart-label">0</text>'
        '<polyline class="sh-vv__chart-line" data-chart'
        f' points="30,{80 - 70 * min(standing_mmhg, 120) / 120:.1f} '
        f'296,{80 - 70 * min(standing_mmhg, 120) / 120:.1f}"/></svg>'
        "<figcaption>Ankle pressure (mmHg), last 20 seconds</figcaption></figure>"
    )
    lines = [
        '<div class="sh-widget sh-vv" data-widget="vein-valve" data-state="idle">',
        '<div class="sh-vv__stage">',
        f'<figure class="sh-vv__figure">{leg_svg(standing)}',
        f'<figcaption class="sh-vv__caption">{_e(caption)}</figcaption></figure>',
        f'<div class="sh-vv__side">{readouts}{chart}</div>',
        "</div>",
        controls,
        '<p class="sh-vv__describe sh-visually-hidden" aria-live="polite" data-describe></p>',
        '<div class="sh-widget__loading" hidden><progress max="100" value="0"></progress> '
        '<span class="sh-widget__loading-text">Starting the animation…</span></div>',
        '<div class="sh-widget__message" role="alert" hidden><p class="sh-widget__message-text"></p>'
        '<button type="button" class="md-button" data-action="retry">Try again</button></div>',
        '<p class="sh-widget__noscript">'
        'This picture and its numbers come from the same model as the live animation. '
        "To move the leg and try the controls, turn on JavaScript.</p>",
        "</div>",
    ]
    return "\n".join(lines)
