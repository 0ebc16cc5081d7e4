from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.site.html_index import Page, read_site

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site: `./dev test` builds it first; build it here when run on its own.
    $SECOND_HEART_SITE names another built site (as for tests/browser)."""
    site = Path(os.environ.get("SECOND_HEART_SITE", PROJECT / "site"))
    if not (site / "index.html").is_file():
        from generators.build import build_site

        build_site(PROJECT)
    return site


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> dict[str, Page]:
    return read_site(site_dir)
