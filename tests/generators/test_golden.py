"""The fixture content set renders to the reviewed pages in tests/golden/mini/."""

from __future__ import annotations

import difflib
import functools

import pytest

from tests.generators.golden import GOLDEN, render_fixture

#: Parametrized by the golden files, so a page that fails to render is a failing test,
#: not a collection error.
GOLDEN_PAGES = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())


@functools.cache
def rendered() -> dict[str, str]:
    return render_fixture()


def test_the_fixture_renders_exactly_the_pages_that_were_reviewed() -> None:
    assert sorted(rendered()) == GOLDEN_PAGES, (
        "pages were added or removed: run python -m tests.generators.update_golden"
    )


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_each_generated_page_matches_its_golden_file(path: str) -> None:
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    page = rendered().get(path)
    assert page is not None, (f"{path} was not rendered "
                              "(if intended: python -m tests.generators.update_golden)")
    if page != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), page.splitlines(True),
                                            f"golden/{path}", f"rendered/{path}"))
        pytest.fail(f"{path} differs from its golden file "
                    f"(if intended: python -m tests.generators.update_golden)\n{diff}")
