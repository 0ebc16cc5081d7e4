"""MkDocs hook: generate build/docs from content/ before every build (and live rebuild)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError

from generators.build import generate
from generators.errors import SecondHeartError


def on_config(config: Any) -> Any:
    project = Path(config.config_file_path).resolve().parent
    try:
        result = generate(project, Path(config.docs_dir))
    except SecondHeartError as exc:
        raise PluginError(str(exc)) from exc
    config.nav = result.nav
    config.extra_javascript = [*config.extra_javascript, *map(_script, result.extra_javascript)]
    config.extra_css = [*config.extra_css, *result.extra_css]
    return config


def _script(entry: str | dict[str, Any]) -> str | ExtraScriptValue:
    """Hooks run after validation, so build the value MkDocs would have made from YAML."""
    if isinstance(entry, str):
        return entry
    value = ExtraScriptValue(entry["path"])
    value.type = entry.get("type", "")
    value.defer = bool(entry.get("defer", False))
    value.async_ = bool(entry.get("async", False))
    return value
