"""MkDocs hook: generate build/docs from content/ before every build (and live rebuild)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generators.build import generate
from generators.errors import BuildError, ContentErrors


def on_config(config: Any) -> Any:
    project = Path(config.config_file_path).resolve().parent
    try:
        result = generate(project, Path(config.docs_dir))
    except (ContentErrors, BuildError) as exc:
        raise PluginError(str(exc)) from exc
    config.nav = result.nav
    config.extra_javascript = [*config.extra_javascript, *result.extra_javascript]
    config.extra_css = [*config.extra_css, *result.extra_css]
    return config
