"""The fixture content set renders to the reviewed pages in tests/golden/mini/."""

from __future__ import annotations

import difflib

import pytest

from tests.generators.golden import GOLDEN, render_fixture

RENDERED = render_fixture()


def test_the_fixture_renders_exactly_the_pages_that_were_reviewed() -> None:
    expected = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert sorted(RENDERED) == expected, (
        "pages were added or removed: run python -m tests.generators.update_golden"
    )


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_each_generated_page_matches_its_golden_file(path: str) -> None:
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    if RENDERED[path] != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), RENDERED[path].splitlines(True),
                                            f"golden/{path}", f"rendered/{path}"))
        pytest.fail(f"{path} differs from its golden file "
                    f"(if intended: python -m tests.generators.update_golden)\n{diff}")
