"""Check an authored SVG file (a logo, a diagram) before a page shows it.

A picture on this site must be safe to inline into a page and to print: well-formed XML,
a root <svg> in the SVG namespace with a viewBox (so it scales to any screen), nothing
that runs code (<script>, <foreignObject>, on... attributes), nothing that loads another
file (href, url() and @import may only point inside the file, '#id'; data: URLs too are
refused), and a size limit. Every problem is reported, each as a located ContentError.

Standard library only; imports no later stage. Tests pin each message
(tests/generators/content/test_svg_check.py).
"""

from __future__ import annotations

import re
from xml.parsers import expat

from generators.errors import ContentError

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAX_BYTES = 10_240
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"@import\b[^;]*", re.IGNORECASE)
_NO_CODE = "remove it; pictures on this site never run code"
_NO_LOADING = "draw it inside the SVG; a picture may not load other files or data: URLs"

#: Each rule's (what was expected, how to fix it); what was found is filled in per file.
RULES: dict[str, tuple[str, str]] = {
    "size": ("a file of at most {limit} bytes ({kb} KB)",
             "simplify the drawing: round coordinates to 1 decimal and remove editor metadata "
             "(an SVG optimiser such as svgo does both)"),
    "syntax": ("well-formed SVG (XML)",
               "check that every tag is closed and every attribute value is quoted; opening the file in a "
               "browser shows where it breaks"),
    "doctype": ("no DOCTYPE declaration",
                "delete the <!DOCTYPE ...> line; browsers do not need it, and its entities can pull in "
                "other files"),
    "stylesheet": ("no link to a style sheet", "put the styles in a <style> element inside the SVG"),
    "root": ("the root element <svg>", "save the drawing as an SVG file whose outermost element is <svg>"),
    "namespace": (f'xmlns="{SVG_NAMESPACE}" on the root element',
                  f'add xmlns="{SVG_NAMESPACE}" to the <svg> tag; without it browsers do not draw the file '
                  "as a picture"),
    "viewbox": ('a viewBox attribute (for example viewBox="0 0 240 180")',
                'add viewBox="0 0 W H" with the drawing\'s width and height, so the picture can scale to '
                "any screen"),
    "viewbox-value": ("four numbers: min-x min-y width height, with width and height above 0",
                      'write viewBox="0 0 W H" with the drawing\'s width and height'),
    "script": ("no scripts", _NO_CODE),
    "foreign": ("only SVG drawing elements", "remove it and draw the content with SVG shapes and <text>"),
    "event": ("no event attributes (on...)", _NO_CODE),
    "href": ("a link to something inside this file ('#id')", _NO_LOADING),
    "url": ("url(#id) pointing inside this file", _NO_LOADING),
    "import": ("no @import", "copy the rules into this <style> element; a picture may not load other files"),
}


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _shown(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _view_box_ok(value: str) -> bool:
    try:
        numbers = [float(part) for part in value.replace(",", " ").split()]
    except ValueError:
        return False
    return len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0


class _Checker:
    """Collects problems while expat walks the file."""

    def __init__(self, rel: str, parser: expat.XMLParserType) -> None:
        self.rel = rel
        self.parser = parser
        self.errors: list[ContentError] = []
        self.depth = 0
        self.style_text: list[str] | None = None
        self.style_line = 0

    def error(self, rule: str, key: str, received: str, line: int | None = None) -> None:
        expected, hint = RULES[rule]
        at = self.parser.CurrentLineNumber if line is None else line
        self.errors.append(ContentError(self.rel, key, expected, received, hint, at))

    def doctype(self, name: str, *_: object) -> None:
        self.error("doctype", "<!DOCTYPE>", f"<!DOCTYPE {name}>")

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.error("stylesheet", "<?xml-stylesheet?>", f"<?xml-stylesheet {_shown(data)}?>")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if self.depth == 0:
            self.root(name, attrs)
        self.depth += 1
        if tag == "script":
            self.error("script", "<script>", "a <script> element")
        elif tag == "foreignObject":
            self.error("foreign", "<foreignObject>",
                       "a <foreignObject> element (web page content inside the picture)")
        elif tag == "style":
            self.style_text, self.style_line = [], self.parser.CurrentLineNumber
        # <set attributeName="href" to="..."> changes a link as surely as href itself.
        animated = _local(attrs.get("attributeName", "")) == "href"
        for attr, value in attrs.items():
            self.attribute(tag, attr, value, animated)

    def root(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag != "svg":
            self.error("root", f"<{name}>", f"<{name}>")
            return
        prefix = name[: -len(tag) - 1] if ":" in name else ""
        namespace = attrs.get(f"xmlns:{prefix}" if prefix else "xmlns")
        if namespace != SVG_NAMESPACE:
            found = "no xmlns attribute" if namespace is None else f'xmlns="{_shown(namespace)}"'
            self.error("namespace", f"<{name}>", found)
        view_box = attrs.get("viewBox")
        if view_box is None:
            self.error("viewbox", f"<{name}>", "none")
        elif not _view_box_ok(view_box):
            self.error("viewbox-value", f"<{name} viewBox>", f"'{_shown(view_box)}'")

    def attribute(self, tag: str, attr: str, value: str, animated: bool) -> None:
        local = _local(attr)
        key = f"<{tag} {attr}>"
        if local.lower().startswith("on"):
            self.error("event", key, f'{attr}="{_shown(value)}"')
        elif local == "href" or (animated and local in ("to", "from", "values")):
            if not value.strip().startswith("#"):
                self.error("href", key, f"'{_shown(value)}'")
        elif "url(" in value.lower():
            self.urls(key, value)

    def urls(self, key: str, css: str, line: int | None = None) -> None:
        for match in _CSS_URL.finditer(css):
            if not match.group(2).strip().startswith("#"):
                self.error("url", key, _shown(match.group(0)), line)

    def text(self, data: str) -> None:
        if self.style_text is not None:
            self.style_text.append(data)

    def end(self, name: str) -> None:
        self.depth -= 1
        if _local(name) == "style" and self.style_text is not None:
            css = "".join(self.style_text)
            for found in _CSS_IMPORT.finditer(css):
                self.error("import", "<style>", f"'{_shown(found.group(0))}'", self.style_line)
            self.urls("<style>", _CSS_IMPORT.sub("", css), self.style_line)
            self.style_text = None


def check_svg(data: bytes, rel: str, max_bytes: int = MAX_BYTES) -> list[ContentError]:
    """Every problem in one SVG file (its bytes; ``rel`` is its path for messages), in
    reading order; an empty list when the file is fine."""
    errors: list[ContentError] = []
    if len(data) > max_bytes:
        expected, hint = RULES["size"]
        expected = expected.format(limit=max_bytes, kb=f"{round(max_bytes / 1024, 1):g}")
        errors.append(ContentError(rel, "", expected, f"{len(data)} bytes", hint))
    parser = expat.ParserCreate()
    checker = _Checker(rel, parser)
    parser.StartDoctypeDeclHandler = checker.doctype
    parser.ProcessingInstructionHandler = checker.instruction
    parser.StartElementHandler = checker.start
    parser.EndElementHandler = checker.end
    parser.CharacterDataHandler = checker.text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as problem:
        expected, hint = RULES["syntax"]
        found = f"a syntax error ({expat.ErrorString(problem.code)}, column {problem.offset + 1})"
        return [*errors, *checker.errors, ContentError(rel, "", expected, found, hint, problem.lineno)]
    return errors + checker.errors
