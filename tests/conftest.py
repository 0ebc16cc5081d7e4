"""Shared fixtures: a tiny hand-made content context, and the widget files built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.build import PROJECT
from generators.content.context import SiteContext
from tests.fixture_context import make_context


@pytest.fixture(scope="session")
def ctx() -> SiteContext:
    return make_context()


@pytest.fixture(scope="session")
def site_assets(tmp_path_factory: pytest.TempPathFactory, ctx: SiteContext) -> Path:
    """A docs folder with every file the widgets put in the site (built once per session)."""
    from generators.build import sync
    from generators.widgets.assets import widget_files

    docs = tmp_path_factory.mktemp("docs")
    sync(docs, widget_files(PROJECT, ctx))
    return docs
