"""Fixtures for the handout tests: the real content's handouts, as HTML and printed to PDF.

The PDFs are printed once per session with the system's Chromium into
``build/test-artifacts/handouts/pdf/`` (reprinting only handouts whose HTML changed since
the last run), and pictures of some first pages go beside them for a person to look at.
Without Chromium the PDF tests skip, with the reason, on a developer's machine and fail
in CI (``./dev test`` installs a browser first).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generators.build import PROJECT, load_checked
from generators.content.context import SiteContext
from generators.errors import BuildError
from generators.handouts import Handout, Written, chromium_path, make_handouts, site_look, write_handouts

FONTS = PROJECT / "node_modules" / "@fontsource" / "atkinson-hyperlegible" / "files"
ARTIFACTS = Path(os.environ.get("SECOND_HEART_ARTIFACTS", PROJECT / "build" / "test-artifacts")) / "handouts"


def cannot_run(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"handout PDF tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_ctx() -> SiteContext:
    return load_checked(PROJECT)


@pytest.fixture(scope="session")
def handouts(site_ctx: SiteContext) -> list[Handout]:
    return make_handouts(site_ctx, site_look(site_ctx, FONTS))


@pytest.fixture(scope="session")
def printed(handouts: list[Handout]) -> Written:
    try:
        chromium = chromium_path()
    except BuildError as exc:
        cannot_run(str(exc))
        raise
    return write_handouts(handouts, ARTIFACTS / "pdf", chromium=chromium)
