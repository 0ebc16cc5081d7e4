"""Shared fixtures for the widget tests: a tiny hand-made content context."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fixture_context import make_context

from generators.context import SiteContext


@pytest.fixture(scope="session")
def ctx() -> SiteContext:
    return make_context()


@pytest.fixture(scope="session")
def site_assets(tmp_path_factory: pytest.TempPathFactory, ctx: SiteContext) -> Path:
    """A docs folder with everything write_widget_assets writes (built once per session)."""
    from generators.widgets import write_widget_assets

    docs = tmp_path_factory.mktemp("docs")
    write_widget_assets(docs, ctx)
    return docs
