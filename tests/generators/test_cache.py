"""The build cache (generators/cache.py): a result is made once per model version, read back
exactly, never served stale, never trusted when its file is damaged."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from generators import cache
from generators.widgets.assets import _equilibria_run

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "interactive" / "calf_pump"


class Counter:
    """A compute function that says how often it ran."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return self.value


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "calf_pump"
    shutil.copytree(MODEL, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_result_is_computed_once_then_read_back_by_the_next_build(tmp_path: Path) -> None:
    compute = Counter({"ankle_mmhg": 81.02256453542329, "phases": [["stand", 0.0, 20.0]]})
    first = cache.Cache(tmp_path, model="m1")
    assert first.get_or_compute("test.report", ["healthy", 0.0], compute) == compute.value
    again = cache.Cache(tmp_path, model="m1")  # a later build: a new process, the same model
    assert again.get_or_compute("test.report", ["healthy", 0.0], compute) == compute.value
    assert compute.calls == 1
    assert (first.misses, again.hits) == (1, 1)


def test_a_cold_build_gets_exactly_what_a_warm_build_reads(tmp_path: Path) -> None:
    value = {"b": (1.0, 2.5), "a": [0.1 + 0.2, None, "x"], "z": {"2": True, "1": False}}
    cold = cache.Cache(tmp_path, model="m").get_or_compute("test.shape", [], lambda: value)
    warm = cache.Cache(tmp_path, model="m").get_or_compute("test.shape", [],
                                                           lambda: pytest.fail("recomputed"))
    assert cold == warm == {"b": [1.0, 2.5], "a": [0.30000000000000004, None, "x"],
                            "z": {"2": True, "1": False}}
    assert list(warm) == ["b", "a", "z"] and list(warm["z"]) == ["2", "1"], "dict order is kept"


def test_changing_a_model_source_file_gives_a_new_key_and_a_new_result(
        tmp_path: Path, model_copy: Path) -> None:
    before = cache.source_digest(model_copy)
    compute = Counter([1.0])
    cache.Cache(tmp_path / "c", model=before).get_or_compute("test.trace", ["avp"], compute)
    kernel = model_copy / "kernel.py"
    kernel.write_text(kernel.read_text("utf-8") + "\n# a changed comment is a changed model\n", "utf-8")
    after = cache.source_digest(model_copy)
    assert after != before
    old_key = cache.Cache(tmp_path / "c", model=before).key("test.trace", ["avp"])
    assert cache.Cache(tmp_path / "c", model=after).key("test.trace", ["avp"]) != old_key
    cache.Cache(tmp_path / "c", model=after).get_or_compute("test.trace", ["avp"], compute)
    assert compute.calls == 2


def test_changing_a_model_parameter_gives_a_new_key(model_copy: Path) -> None:
    parameters = model_copy / "parameters.py"
    text = parameters.read_text("utf-8")
    before = cache.source_digest(model_copy)
    parameters.write_text(text.replace("= 0.", "= 0.0001", 1), "utf-8")
    assert parameters.read_text("utf-8") != text
    assert cache.source_digest(model_copy) != before


def test_other_arguments_or_another_data_file_give_another_entry(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path / "c", model="m")
    data = tmp_path / "travel.yml"
    data.write_text("relative_risk: 1.18\n", "utf-8")
    keys = {store.key("test.run", ["healthy", 0.0]), store.key("test.run", ["healthy", 20.0]),
            store.key("test.run", ["deep_reflux", 0.0]), store.key("test.other", ["healthy", 0.0]),
            store.key("test.run", ["healthy", 0.0], files=[data])}
    data.write_text("relative_risk: 1.26\n", "utf-8")
    keys.add(store.key("test.run", ["healthy", 0.0], files=[data]))
    assert len(keys) == 6


def test_the_running_model_is_keyed_by_its_own_source_files() -> None:
    assert cache.model_digest() == cache.source_digest(MODEL)


def _damage(path: Path, how: str, other: Path) -> None:
    entry = json.loads(path.read_text("utf-8"))
    if how == "truncated":
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    elif how == "not JSON":
        path.write_bytes(b"\x00\xff garbage")
    elif how == "value edited":
        entry["value"]["ankle_mmhg"] = 12.0  # the checksum no longer matches
        path.write_text(json.dumps(entry), "utf-8")
    elif how == "another key's entry":
        shutil.copy(other, path)
    elif how == "older format":
        entry["format"] = cache.FORMAT - 1
        path.write_text(json.dumps(entry), "utf-8")
    elif how == "empty":
        path.write_text("", "utf-8")


@pytest.mark.parametrize("how", ["truncated", "not JSON", "value edited", "another key's entry",
                                 "older format", "empty"])
def test_a_damaged_entry_is_recomputed_and_rewritten_not_trusted(tmp_path: Path, how: str) -> None:
    store = cache.Cache(tmp_path, model="m")
    compute = Counter({"ankle_mmhg": 81.0})
    store.get_or_compute("test.report", ["healthy"], compute)
    store.get_or_compute("test.report", ["obstruction"], lambda: {"ankle_mmhg": 99.0})
    path = store.path("test.report", store.key("test.report", ["healthy"]))
    _damage(path, how, store.path("test.report", store.key("test.report", ["obstruction"])))
    assert store.get_or_compute("test.report", ["healthy"], compute) == {"ankle_mmhg": 81.0}
    assert compute.calls == 2
    assert store.read("test.report", store.key("test.report", ["healthy"])) == (True, {"ankle_mmhg": 81.0})


def test_outside_a_build_nothing_is_read_or_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compute = Counter([1, 2])
    assert cache.cached("test.free", [], compute) == [1, 2]
    assert cache.cached("test.free", [], compute) == [1, 2]
    assert compute.calls == 2
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    with cache.session(tmp_path / "c") as active:
        assert active is None
        cache.cached("test.free", [], compute)
    assert not (tmp_path / "c").exists()


def test_a_session_writes_a_plan_and_the_next_empty_cache_runs_it_in_worker_processes(tmp_path: Path) -> None:
    with cache.session(tmp_path / "first", workers=2) as active:
        assert active is not None
        by_process = [_equilibria_run([0.0]), _equilibria_run([18.0])]
    plan = json.loads((tmp_path / "first" / cache.PLAN_FILE).read_text("utf-8"))
    assert {"name": "model.equilibria", "function": "generators.widgets.assets:_equilibria_run",
            "args": [[18.0]]} in plan
    (tmp_path / "second").mkdir()
    shutil.copy(tmp_path / "first" / cache.PLAN_FILE, tmp_path / "second" / cache.PLAN_FILE)
    with cache.session(tmp_path / "second", workers=2) as active:  # the model changed: nothing cached
        assert active is not None
        assert active.misses == 0
        assert [_equilibria_run([0.0]), _equilibria_run([18.0])] == by_process
        assert active.misses == 0, "the worker processes had made both already"
        assert active.hits >= 2


def test_results_from_a_worker_that_ran_another_model_are_not_kept(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path, model="not the model the workers import")
    runs = [cache.Run("model.equilibria", _equilibria_run, ([0.0],)),
            cache.Run("model.equilibria", _equilibria_run, ([18.0],))]
    assert cache.precompute(store, runs, workers=2) == 2
    assert [store.read(r.name, store.key(r.name, r.args))[0] for r in runs] == [False, False]


def test_a_plan_naming_code_outside_the_generators_is_not_run(tmp_path: Path) -> None:
    (tmp_path / cache.PLAN_FILE).write_text(json.dumps([
        {"name": "x", "function": "os:system", "args": ["echo hacked"]},
        {"name": "x", "function": "generators.widgets.assets:no_such_function", "args": []},
        {"name": "model.equilibria", "function": "generators.widgets.assets:_equilibria_run",
         "args": [[0.0]]},
    ]), "utf-8")
    assert [r.as_json()["function"] for r in cache._read_plan(tmp_path)] == [
        "generators.widgets.assets:_equilibria_run"]


def test_the_cache_imports_only_the_standard_library_so_any_stage_may_use_it() -> None:
    from tests.test_architecture import imports_of

    imported = {name.split(".")[0] for name in imports_of(REPO / "generators" / "cache.py")}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
