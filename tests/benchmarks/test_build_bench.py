"""The build benchmark works on a project copy of its own (benchmarks/build_bench.py)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.build_bench import PROJECT, SHARED, project_copy


def test_the_copy_edits_and_builds_apart_from_this_checkout(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    assert not (project / "content").is_symlink() and (project / "content" / "settings.yml").is_file()
    assert not (project / "mkdocs.yml").is_symlink(), "MkDocs would resolve a link back to the checkout"
    assert (project / "build" / "docs").is_dir() and not (project / "build").is_symlink()
    for name in SHARED:
        assert (project / name).resolve() == (PROJECT / name).resolve()
    (project / "content" / "en" / "site.yml").write_text("edited", "utf-8")
    assert (PROJECT / "content" / "en" / "site.yml").read_text("utf-8") != "edited"
