"""The build cache: model-derived results kept under ``build/cache`` between builds.

Running the calf-pump model is most of a build's time, and its results change only when
the model changes. Everything the build makes from the model (report tables, chart data,
the widget preview, resting states) is therefore computed once and read back next time.

Two ways in, both safe to call from any stage:

``cached(name, key_parts, compute, files=())``
    The general one. ``name`` says what it is (``"minidemo.preview"``), ``key_parts`` are
    the JSON values it depends on (scenario, stocking pressure...), ``compute()`` makes it
    and returns JSON data (dicts, lists, str, numbers, bools, None), ``files`` are data
    files it reads. The result is always what JSON gives back (lists, never tuples), so a
    cold build and a warm build see exactly the same values.

``@model_run("name")`` on a module-level function of JSON arguments
    The same, keyed by the arguments, and remembered: a build with an empty cache (after
    the model changed, say) first runs every run the previous build used, in parallel
    processes (``session``; runs of one scenario share a process, which settles that leg's
    resting state once).

The key is a SHA-256 of: the cache format, the Python and machine, ``name``, ``key_parts``,
the model's source (every ``*.py`` under ``interactive/calf_pump``, its parameters included,
hashed once per process: the code this process runs) and the bytes of each file in
``files``. A result is written atomically with its key and a checksum of the value; a file
that is unreadable, truncated, edited or filed under another key is recomputed and
rewritten, never trusted.

Outside a ``session`` (tests, ``second-heart model report``) nothing is read or written:
``compute`` simply runs. ``SECOND_HEART_CACHE=off`` turns the cache off inside a session too
(benchmarks use it as the baseline); ``SECOND_HEART_CACHE=/some/folder`` uses that folder
instead of the build's (benchmarks measure a cold cache in a new one).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1
CACHE_ENV = "SECOND_HEART_CACHE"
PLAN_FILE = "runs.json"
MODEL_PACKAGE = "calf_pump"
#: Only functions from these packages are run from a plan file read from disk.
_PLANNABLE = ("generators.",)

F = TypeVar("F", bound=Callable[..., Any])
#: Floats from another Python or machine may differ in the last digit: they key results too.
_RUNTIME = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{platform.machine()}"
#: This file as this process read it: a worker running other cache code is not trusted.
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def source_digest(folder: Path) -> str:
    """SHA-256 over every ``*.py`` file under ``folder`` (names and bytes, in order)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def model_digest() -> str:
    """The running model's source digest, computed once per process: the code in memory."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {MODEL_PACKAGE} package cannot be found: reinstall the project "
                           "('.venv/bin/pip install -e . --no-deps')")
    return source_digest(Path(next(iter(spec.submodule_search_locations))))


def _canonical(value: Any) -> str:
    """Compact JSON, keys in the order given (a result's dicts keep their order)."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False)


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Cache:
    """One cache folder, for one model source digest."""

    folder: Path
    model: str = field(default_factory=model_digest)
    hits: int = 0
    misses: int = 0

    def key(self, name: str, key_parts: Sequence[Any], files: Iterable[Path] = ()) -> str:
        file_digests = [hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files]
        parts = json.dumps([FORMAT, _RUNTIME, name, list(key_parts), self.model, file_digests],
                           sort_keys=True)
        return _checksum(parts)

    def path(self, name: str, key: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        return self.folder / safe / f"{key}.json"

    def read(self, name: str, key: str) -> tuple[bool, Any]:
        """(True, value) for a sound entry; (False, None) for a missing or untrustworthy one."""
        try:
            entry = json.loads(self.path(name, key).read_text("utf-8"))
            text = _canonical(entry["value"])
            sound = (entry["format"] == FORMAT and entry["key"] == key
                     and entry["sha256"] == _checksum(text))
        except (OSError, ValueError, KeyError, TypeError):
            return False, None
        return (True, entry["value"]) if sound else (False, None)

    def write(self, name: str, key: str, value: Any) -> None:
        """Atomically (a reader sees the old file or the new one, never half of one)."""
        text = _canonical(value)
        entry = {"format": FORMAT, "key": key, "name": name, "sha256": _checksum(text), "value": value}
        target = self.path(name, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(_canonical(entry))
            os.replace(temp, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp)
            raise

    def get_or_compute(self, name: str, key_parts: Sequence[Any], compute: Callable[[], Any],
                       files: Iterable[Path] = ()) -> Any:
        key = self.key(name, key_parts, files)
        found, value = self.read(name, key)
        if found:
            self.hits += 1
            return value
        self.misses += 1
        value = json.loads(_canonical(compute()))
        with suppress(OSError):  # a full or read-only disk costs speed, never the build
            self.write(name, key, value)
        return value


@dataclass(frozen=True)
class Run:
    """One cacheable model run: a module-level function and its JSON arguments."""

    name: str
    function: Callable[..., Any]
    args: tuple[Any, ...]

    def compute(self) -> Any:
        return getattr(self.function, "__wrapped__", self.function)(*self.args)

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "args": list(self.args),
                "function": f"{self.function.__module__}:{self.function.__qualname__}"}


_active: Cache | None = None
_runs: dict[str, Run] = {}  # the runs this process made in sessions (lru caches hide repeats)


def _enabled() -> bool:
    return os.environ.get(CACHE_ENV, "").strip().lower() not in ("off", "0", "no")


def cached(name: str, key_parts: Sequence[Any], compute: Callable[[], Any],
           files: Iterable[Path] = ()) -> Any:
    """``compute()``'s JSON result, from the cache when a sound entry has this exact key
    (see the module docstring); outside a build session, simply ``compute()``'s result."""
    if _active is None or not _enabled():
        return json.loads(_canonical(compute()))
    return _active.get_or_compute(name, key_parts, compute, files)


def model_run(name: str) -> Callable[[F], F]:
    """Decorate a module-level function of JSON arguments that runs the model and returns
    JSON data: calls are cached by their arguments and replayed in parallel by the next
    build whose cache is empty."""
    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any) -> Any:
            run = Run(name, wrapper, tuple(args))
            if _active is not None and _enabled():
                _runs[_active.key(name, run.args)] = run
            return cached(name, run.args, run.compute)
        return wrapper  # type: ignore[return-value]
    return decorate


def _resolve(entry: dict[str, Any]) -> Run | None:
    module, _, qualname = str(entry.get("function", "")).partition(":")
    if not module.startswith(_PLANNABLE) or not qualname.isidentifier():
        return None
    try:
        function = getattr(importlib.import_module(module), qualname)
    except (ImportError, AttributeError):
        return None  # renamed since the last build: it simply is not run ahead
    if not callable(function) or not isinstance(entry.get("args"), list):
        return None
    return Run(str(entry["name"]), function, tuple(entry["args"]))


def _read_plan(folder: Path) -> list[Run]:
    try:
        entries = json.loads((folder / PLAN_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [run for entry in entries if isinstance(entry, dict) and (run := _resolve(entry))]


def precompute(cache: Cache, runs: Iterable[Run], workers: int = 2) -> int:
    """Run, in ``workers`` parallel processes, each run whose result is not in ``cache``
    yet; returns how many ran. The processes are fresh interpreters
    (``python -m generators.cache``), so nothing of this one (its ``__main__``, a server's
    threads) is copied or re-run. A worker that found another model on disk (edited since
    this process started) is ignored: those runs are made in-process when asked for."""
    missing: dict[str, Run] = {}
    for run in runs:
        key = cache.key(run.name, run.args)
        if key not in missing and not cache.read(run.name, key)[0]:
            missing[key] = run
    if len(missing) < 2 or workers < 2:
        return 0  # not worth starting processes: cached() computes it in-process
    # Runs of one scenario (the first argument) go to one worker: it settles that leg's
    # resting state once for all of them.
    groups: dict[str, list[tuple[str, Run]]] = {}
    for key, run in missing.items():
        groups.setdefault(json.dumps(run.args[:1]), []).append((key, run))
    shares: list[list[tuple[str, Run]]] = [[] for _ in range(min(workers, len(groups)))]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(shares, key=len).extend(group)
    procs = [subprocess.Popen([sys.executable, "-m", "generators.cache"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
             for _ in shares]
    for proc, share in zip(procs, shares, strict=True):
        assert proc.stdin is not None
        proc.stdin.write(json.dumps([run.as_json() for _key, run in share]))
        proc.stdin.close()
    for proc, share in zip(procs, shares, strict=True):
        assert proc.stdout is not None
        try:
            answer = json.loads(proc.stdout.read())
        except ValueError:
            answer = None  # a worker that failed: cached() computes in-process, and reports
        proc.wait()
        if not isinstance(answer, dict) or answer.get("model") != cache.model or answer.get("code") != _CODE:
            continue
        for (key, run), result in zip(share, answer["results"], strict=True):
            if isinstance(result, list) and len(result) == 1:
                cache.write(run.name, key, result[0])
    return len(missing)


def _worker() -> None:
    """``python -m generators.cache``: JSON runs on stdin; their results on stdout."""
    runs = [_resolve(entry) for entry in json.loads(sys.stdin.read())]
    # [value] for a result, None for a run this process could not find
    results = [None if run is None else [json.loads(_canonical(run.compute()))] for run in runs]
    sys.stdout.write(_canonical({"model": model_digest(), "code": _CODE, "results": results}))


@contextmanager
def session(folder: Path, seed: Iterable[Run] = (), workers: int | None = None) -> Iterator[Cache | None]:
    """Use ``folder`` as the cache while the block runs (one build). On entry, the runs the
    previous build made (its plan) and ``seed`` that are not cached are computed in
    parallel; on a clean exit, this build's runs become the plan for the next."""
    global _active
    if not _enabled():
        yield None
        return
    chosen = os.environ.get(CACHE_ENV, "").strip()
    folder = Path(chosen) if os.path.isabs(chosen) else folder
    cache = Cache(folder)
    previous, _active = _active, cache
    try:
        plan = [*seed, *_read_plan(folder)]
        precompute(cache, plan, workers if workers is not None else min(2, os.cpu_count() or 1))
        yield cache
        _save_plan(folder)
    finally:
        _active = previous


def _save_plan(folder: Path) -> None:
    entries = sorted((run.as_json() for run in _runs.values()), key=_canonical)
    with suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / PLAN_FILE).write_text(json.dumps(entries, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _worker()
