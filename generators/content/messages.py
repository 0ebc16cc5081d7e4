"""Turn pydantic's validation errors into content errors an editor can act on.

Each message says where (file, line, key), what was expected, what was found and how
to fix it. Tests pin the exact wording (tests/generators/content/test_content_errors.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generators.content.yaml_source import KeyPath, YamlFile, describe, dotted
from generators.errors import ContentError


def schema_error(file: YamlFile, model: type[BaseModel], err: Any, prefix: KeyPath) -> ContentError:
    loc: KeyPath = (*prefix, *err["loc"])
    kind = err["type"]
    value = err.get("input")
    key = dotted(loc)
    line = file.line_of(loc)
    model_name = model.__name__
    if kind == "missing":
        field = str(err["loc"][-1]) if err["loc"] else "?"
        return ContentError(
            file.rel, key, f"a value for the required key '{field}'", "nothing",
            f"add '{field}:' (see {model_name} in generators/content/schema.py)", line,
        )
    if kind == "extra_forbidden":
        owner = _owner_model(model, err["loc"][:-1])
        allowed = ", ".join(owner.model_fields) if owner else "see generators/content/schema.py"
        return ContentError(
            file.rel, key, "one of the known keys", f"the unknown key '{loc[-1]}'",
            f"remove it or correct its spelling; known keys here are: {allowed}", line,
        )
    if kind == "value_error":  # a cross-field check in the schema; its message says what is expected
        return ContentError(file.rel, key, str(err["ctx"]["error"]), "none of them",
                            "add the missing key(s)", line)
    expected, hint = _EXPECTATIONS.get(kind, (None, None))
    if expected is None:
        expected = err["msg"][0].lower() + err["msg"][1:]
        hint = f"see {model_name} in generators/content/schema.py"
    if kind == "literal_error":
        expected = "one of " + err["ctx"]["expected"]
        hint = "use one of the listed values exactly"
    if kind in _BOUNDS:
        word, bound = _BOUNDS[kind]
        expected = f"a number {word} {err['ctx'][bound]:g}"
    if kind in ("model_type", "dict_type") and not loc:
        hint = "write the file as 'key: value' lines, without '- ' in front of them"
    if kind in ("too_short", "too_long"):
        expected = err["msg"][0].lower() + err["msg"][1:]
    named = next((str(part) for part in reversed(loc) if not isinstance(part, int)), "")  # a list's key
    if kind == "string_pattern_mismatch" and named in _PATTERN_HINTS:
        expected, hint = _PATTERN_HINTS[named]
    elif kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") in _KEY_PATTERNS:
        expected, hint = _KEY_PATTERNS[err["ctx"]["pattern"]]
    return ContentError(file.rel, key, expected, describe(value), hint or "", line)


_EXPECTATIONS: dict[str, tuple[str, str]] = {
    "string_type": ("text", "write the value as text; put it in quotes if it looks like a number or a date"),
    "int_type": ("a whole number", "write a number without quotes"),
    "int_from_float": ("a whole number", "write a number without a decimal point"),
    "float_type": ("a number", "write a number without quotes, e.g. 1.5"),
    "finite_number": ("a finite number", "write the number itself"),
    "greater_than": ("a larger number", "see the valid range in generators/content/schema.py"),
    "less_than": ("a smaller number", "see the valid range in generators/content/schema.py"),
    "date_type": ("a date (YYYY-MM-DD)", "write the date as YYYY-MM-DD without quotes"),
    "list_type": ("a list", "start each item on its own line with '- '"),
    "model_type": ("a mapping (key: value pairs)", "indent the keys under this one"),
    "dict_type": ("a mapping (key: value pairs)", "indent the keys under this one"),
    "string_pattern_mismatch": (
        "an id of lowercase words joined by hyphens (e.g. 'calf-raises')",
        "use only a-z, 0-9 and single hyphens",
    ),
    "string_too_short": ("text that is not empty", "write the text or remove the key if it is optional"),
    "greater_than_equal": ("a larger number", "see the valid range in generators/content/schema.py"),
    "less_than_equal": ("a smaller number", "see the valid range in generators/content/schema.py"),
    "bool_type": ("true or false", "write true or false without quotes"),
}

_BOUNDS = {"greater_than": ("greater than", "gt"), "greater_than_equal": ("of at least", "ge"),
           "less_than": ("less than", "lt"), "less_than_equal": ("of at most", "le")}

#: Patterns of keys (rather than ids), by the pattern schema.py gives them.
_KEY_PATTERNS = {
    r"^[a-z][a-z0-9_]*$": (  # ui.yml's sections and keys (schema.py UiKey)
        "a key of lowercase words joined by underscores (e.g. 'language_name')",
        "use only a-z, 0-9 and underscores, starting with a letter; every language's ui.yml "
        "has the keys content/en/ui.yml has",
    ),
}

_PATTERN_HINTS = {
    "doi": ("a DOI such as 10.1152/jappl.1992.72.6.2063",
            "write the DOI without a prefix, e.g. 10.1152/jappl.1992.72.6.2063"),
    "pmid": ("a PubMed id of digits only", "write the PubMed id as digits only, e.g. 1629057"),
    "url": ("a full https:// address", "write a full https:// address"),
    "website": ("a full https:// address", "write a full https:// address"),
    "site_url": ("a full https:// address ending with '/'", "write a full https:// address ending with '/'"),
    "frame_ancestors": ("a site that may frame the embed pages: https: (any https site), 'self', or an "
                        "origin such as https://clinic.example (no path)",
                        "write the clinic site's address as scheme and host only, in lowercase, e.g. "
                        "https://www.clinic.example; README: 'Embedding pages'"),
}


def _owner_model(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for listing allowed keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        is_model = isinstance(current, type) and issubclass(current, BaseModel)
        field = current.model_fields.get(part) if is_model else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
