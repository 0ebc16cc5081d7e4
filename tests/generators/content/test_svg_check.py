"""An authored SVG file gets one exact, located message per problem, all of them at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.content.svg import check_svg

FILE = "content/en/images/logo.svg"
OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"


def problems(svg: str, max_bytes: int = 10_240) -> list[str]:
    return [str(e) for e in check_svg(svg.encode("utf-8"), FILE, max_bytes)]


def test_a_clean_svg_with_links_inside_itself_passes() -> None:
    good = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'{OPEN}<title>Logo</title>\n'
        '<style>.a{fill:url(#g);stroke:currentColor}</style>\n'
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
        '<path id="p" d="M0 0h10"/></defs>\n'
        '<use href="#p"/><use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#p"/>'
        '<rect class="a" width="10" height="10" fill="url(#g)"/><a href="#p"><text>Hi</text></a></svg>\n'
    )
    assert problems(good) == []


CASES: dict[str, tuple[str, str]] = {
    "not well-formed": (
        f"{OPEN}\n<rect>\n</svg>",
        "content/en/images/logo.svg:3: expected well-formed SVG (XML), got a syntax error (mismatched tag, "
        "column 3). Fix: check that every tag is closed and every attribute value is quoted; opening the "
        "file in a browser shows where it breaks",
    ),
    "empty file": (
        "",
        "content/en/images/logo.svg:1: expected well-formed SVG (XML), got a syntax error (no element found, "
        "column 1). Fix: check that every tag is closed and every attribute value is quoted; opening the "
        "file in a browser shows where it breaks",
    ),
    "a DOCTYPE": (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        f"{OPEN}</svg>",
        "content/en/images/logo.svg:1: at '<!DOCTYPE>' expected no DOCTYPE declaration, got <!DOCTYPE svg>. "
        "Fix: delete the <!DOCTYPE ...> line; browsers do not need it, and its entities can pull in other "
        "files",
    ),
    "a linked style sheet": (
        f'<?xml-stylesheet href="https://example.org/a.css"?>\n{OPEN}</svg>',
        "content/en/images/logo.svg:1: at '<?xml-stylesheet?>' expected no link to a style sheet, got "
        "<?xml-stylesheet href=\"https://example.org/a.css\"?>. Fix: put the styles in a <style> element "
        "inside the SVG",
    ),
    "root that is not svg": (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        "content/en/images/logo.svg:1: at '<html>' expected the root element <svg>, got <html>. Fix: save "
        "the drawing as an SVG file whose outermost element is <svg>",
    ),
    "no SVG namespace": (
        '<svg viewBox="0 0 40 20"></svg>',
        "content/en/images/logo.svg:1: at '<svg>' expected xmlns=\"http://www.w3.org/2000/svg\" on the root "
        "element, got no xmlns attribute. Fix: add xmlns=\"http://www.w3.org/2000/svg\" to the <svg> tag; "
        "without it browsers do not draw the file as a picture",
    ),
    "no viewBox": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>',
        "content/en/images/logo.svg:1: at '<svg>' expected a viewBox attribute (for example "
        "viewBox=\"0 0 240 180\"), got none. Fix: add viewBox=\"0 0 W H\" with the drawing's width and "
        "height, so the picture can scale to any screen",
    ),
    "a viewBox that is not four numbers": (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40"></svg>',
        "content/en/images/logo.svg:1: at '<svg viewBox>' expected four numbers: min-x min-y width height, "
        "with width and height above 0, got '0 0 40'. Fix: write viewBox=\"0 0 W H\" with the drawing's "
        "width and height",
    ),
    "a script": (
        f"{OPEN}\n<script>alert(1)</script></svg>",
        "content/en/images/logo.svg:2: at '<script>' expected no scripts, got a <script> element. Fix: "
        "remove it; pictures on this site never run code",
    ),
    "a foreignObject": (
        f"{OPEN}\n<foreignObject><p>Hi</p></foreignObject></svg>",
        "content/en/images/logo.svg:2: at '<foreignObject>' expected only SVG drawing elements, got a "
        "<foreignObject> element (web page content inside the picture). Fix: remove it and draw the content "
        "with SVG shapes and <text>",
    ),
    "an event attribute": (
        f'{OPEN}\n<rect width="4" height="4" onclick="steal()"/></svg>',
        "content/en/images/logo.svg:2: at '<rect onclick>' expected no event attributes (on...), got "
        "onclick=\"steal()\". Fix: remove it; pictures on this site never run code",
    ),
    "a link to another file": (
        f'{OPEN}\n<image href="https://example.org/photo.png"/></svg>',
        "content/en/images/logo.svg:2: at '<image href>' expected a link to something inside this file "
        "('#id'), got 'https://example.org/photo.png'. Fix: draw it inside the SVG; a picture may not load "
        "other files or data: URLs",
    ),
    "an xlink:href to another file": (
        f'{OPEN}\n<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="icons.svg#heart"/></svg>',
        "content/en/images/logo.svg:2: at '<use xlink:href>' expected a link to something inside this file "
        "('#id'), got 'icons.svg#heart'. Fix: draw it inside the SVG; a picture may not load other files or "
        "data: URLs",
    ),
    "an embedded data: image": (
        f'{OPEN}\n<image href="data:image/png;base64,{PNG}"/></svg>',
        "content/en/images/logo.svg:2: at '<image href>' expected a link to something inside this file "
        "('#id'), got 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAA\N{HORIZONTAL ELLIPSIS}'. "
        "Fix: draw it inside the SVG; a picture may not load other files or data: URLs",
    ),
    "an animation that sets a link": (
        f'{OPEN}\n<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
        "content/en/images/logo.svg:2: at '<set to>' expected a link to something inside this file ('#id'), "
        "got 'javascript:alert(1)'. Fix: draw it inside the SVG; a picture may not load other files or "
        "data: URLs",
    ),
    "url() to another file in an attribute": (
        f'{OPEN}\n<rect style="fill: url(\'https://example.org/p.svg#g\')"/></svg>',
        "content/en/images/logo.svg:2: at '<rect style>' expected url(#id) pointing inside this file, got "
        "url('https://example.org/p.svg#g'). Fix: draw it inside the SVG; a picture may not load other "
        "files or data: URLs",
    ),
    "url() to another file in a style element": (
        f"{OPEN}\n<style>\n.a {{ background: url(paper.png) }}\n</style></svg>",
        "content/en/images/logo.svg:2: at '<style>' expected url(#id) pointing inside this file, got "
        "url(paper.png). Fix: draw it inside the SVG; a picture may not load other files or data: URLs",
    ),
    "@import in a style element": (
        f'{OPEN}\n<style>@import "https://fonts.example.org/a.css"; .a{{fill:red}}</style></svg>',
        "content/en/images/logo.svg:2: at '<style>' expected no @import, got '@import "
        "\"https://fonts.example.org/a.css\"'. Fix: copy the rules into this <style> element; a picture may "
        "not load other files",
    ),
    "too large": (
        f"{OPEN}<desc>{'x' * 200}</desc></svg>",
        "content/en/images/logo.svg: expected a file of at most 100 bytes (0.1 KB), got 279 bytes. "
        "Fix: simplify the drawing: round coordinates to 1 decimal and remove editor metadata (an SVG "
        "optimiser such as svgo does both)",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_problem_gets_one_exact_message(case: str) -> None:
    svg, message = CASES[case]
    assert problems(svg, max_bytes=100 if case == "too large" else 10_240) == [message]


def test_the_default_size_limit_is_10_kb() -> None:
    big = f"{OPEN}<desc>{'x' * 10_300}</desc></svg>"
    assert problems(big) == [
        "content/en/images/logo.svg: expected a file of at most 10240 bytes (10 KB), got 10379 bytes. Fix: "
        "simplify the drawing: round coordinates to 1 decimal and remove editor metadata (an SVG optimiser "
        "such as svgo does both)"
    ]


def test_every_problem_in_a_file_is_reported_at_once_in_reading_order() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg">\n<script>x()</script>\n'
           '<rect onload="y()" fill="url(http://e.org/a#b)"/>\n<foreignObject/></svg>')
    assert [line.split(" expected")[0] for line in problems(svg)] == [
        "content/en/images/logo.svg:1: at '<svg>'",
        "content/en/images/logo.svg:2: at '<script>'",
        "content/en/images/logo.svg:3: at '<rect onload>'",
        "content/en/images/logo.svg:3: at '<rect fill>'",
        "content/en/images/logo.svg:4: at '<foreignObject>'",
    ]


def test_entities_from_a_doctype_cannot_blow_up_the_check() -> None:
    """The DOCTYPE is refused; expat's amplification limit stops a 'billion laughs' file
    before it eats memory, and that is reported too."""
    levels = ['<!ENTITY e0 "xxxxxxxxxx">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 9)]
    bomb = f'<!DOCTYPE svg [{"".join(levels)}]>{OPEN}<text>&e8;</text></svg>'
    found = problems(bomb)
    assert found[0].startswith("content/en/images/logo.svg:1: at '<!DOCTYPE>' expected no DOCTYPE")
    assert "limit on input amplification factor" in found[-1]


def test_an_authored_svg_in_content_is_checked_when_content_is_loaded(tmp_path: Path) -> None:
    from generators.content.loader import load_content
    from generators.errors import ContentErrors
    from tests.generators.golden import FIXTURE

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "en" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>')
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    assert [e.file for e in caught.value.errors] == ["content/en/logo.svg"]
    assert "expected no scripts" in str(caught.value.errors[0])
