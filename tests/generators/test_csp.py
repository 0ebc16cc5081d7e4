"""The post-build step (generators/csp.py): the policy, its three copies, integrity
attributes, and a built site with any inline script refused."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from generators import csp
from generators.errors import BuildError

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<link rel="stylesheet" href="../assets/site.css">
<link rel="icon" href="../assets/icon.svg">
<script src="../assets/app.js" type="module"></script>
<script src="https://elsewhere.example/x.js"></script>
<script type="application/ld+json">{"name": "x"}</script>
<script id="__config" type="application/json">{"base": ".."}</script>
</head><body>
<svg><style>.a{fill:red}</style><path style="opacity:1"/></svg>
<td style="text-align: right;">1</td>
</body></html>
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body{}")
    (tmp_path / "assets" / "app.js").write_text("export {};")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(PAGE)
    return tmp_path


def _sha(algorithm: str, data: bytes) -> str:
    return f"{algorithm}-" + base64.b64encode(hashlib.new(algorithm, data).digest()).decode()


def test_the_policy_allows_no_inline_script_and_hashes_only_the_builds_own_styles(site: Path) -> None:
    done = csp.finish(site)
    styles = {_sha("sha256", css.encode()) for css in (".a{fill:red}", "opacity:1", "text-align: right;")}
    assert set(done.style_hashes) == styles
    assert done.policy == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-hashes' "
        + " ".join(f"'{h}'" for h in sorted({*styles, csp.EMPTY_STYLE}))
        + "; img-src 'self' data:; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
        "connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")


def test_the_policy_is_written_as_a_headers_file_an_nginx_snippet_and_a_meta_tag(site: Path) -> None:
    done = csp.finish(site, frame_ancestors=["'self'", "https://clinic.example.org"])
    assert done.policy.endswith("frame-ancestors 'self' https://clinic.example.org")
    headers = (site / "_headers").read_text()  # one rule per top-level entry; embed/ has its own
    assert f"/page/*\n  Content-Security-Policy: {done.policy}\n" in headers
    nginx = (site / "nginx-csp.conf").read_text()
    assert f'set $second_heart_csp "{done.policy}";' in nginx
    assert nginx.endswith("add_header Content-Security-Policy $second_heart_csp always;\n")
    page = (site / "page" / "index.html").read_text()
    meta = re.search(
        r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta, "the <meta> policy comes right after the charset, before anything it governs"
    # Browsers ignore frame-ancestors in a <meta> policy (and say so): it is left out there.
    assert meta.group(1) == done.policy.rsplit("; frame-ancestors", 1)[0]


def test_scripts_and_stylesheets_of_the_site_get_integrity_attributes(site: Path) -> None:
    csp.finish(site)
    page = (site / "page" / "index.html").read_text()
    assert (f'<script src="../assets/app.js" type="module" integrity="{_sha("sha384", b"export {};")}">'
            in page)
    css = _sha("sha384", b"body{}")
    assert f'<link rel="stylesheet" href="../assets/site.css" integrity="{css}">' in page
    assert '<link rel="icon" href="../assets/icon.svg">' in page  # not a stylesheet
    assert '<script src="https://elsewhere.example/x.js"></script>' in page  # not a file of the site


def test_the_live_preview_gets_no_meta_policy(site: Path) -> None:
    csp.finish(site, meta_tag=False)
    assert "http-equiv" not in (site / "page" / "index.html").read_text()


@pytest.mark.parametrize(("markup", "reason"), [
    ("<script>alert(1)</script>", "an inline script ('alert(1)')"),
    ('<script type="module">import "x";</script>', "an inline script ('import \"x\";')"),
    ('<img src="x.png" onerror="alert(1)">', 'an event-handler attribute onerror="alert(1)" on <img>'),
    ('<a href=" JavaScript:alert(1)">x</a>', 'a script address href=" JavaScript:alert(1)" on <a>'),
    ('<p style="width:expression(alert(1))">x</p>',
     "a style attribute on <p> with a script in it ('width:expression(alert(1))')"),
])
def test_a_site_holding_a_script_the_policy_would_block_is_refused(
        site: Path, markup: str, reason: str) -> None:
    page = site / "page" / "index.html"
    page.write_text(PAGE.replace("</body>", markup + "</body>"))
    with pytest.raises(BuildError) as refused:
        csp.finish(site)
    assert f"page/index.html: {reason}" in str(refused.value)
    assert not (site / "_headers").exists()


def test_frame_ancestors_must_be_csp_sources() -> None:
    with pytest.raises(BuildError) as refused:
        csp.policy(frame_ancestors=["https://a.example; script-src *"])
    assert str(refused.value).startswith(
        "frame-ancestors: 'https://a.example; script-src *' is not a CSP source")


def test_the_theme_has_no_inline_script_and_its_scripts_are_materials_own() -> None:
    """Every script the theme writes has a src; the files hold Material's code unchanged
    (but for the scope), so a Material upgrade that changes it is noticed here."""
    import material

    root = Path(__file__).resolve().parents[2]
    for template in (root / "generators" / "theme").rglob("*.html"):
        for tag in re.findall(r"<script\b[^>]*>", template.read_text()):
            data = "application/ld+json" in tag or 'type="application/json"' in tag  # never run
            assert "src=" in tag or data, f"{template}: {tag}"
    partials = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    theme = root / "generators" / "assets" / "javascripts" / "theme"

    def material_code(partial: str, index: int) -> str:
        return re.findall(r"<script>(.*?)</script>", (partials / partial).read_text(), re.S)[index]

    scope = '"{{ config.extra.scope | d(base_url) }}"'
    assert material_code("base.html", 0).replace(scope, "document.currentScript.dataset.mdScope") in (
        theme / "md-globals.js").read_text()
    assert material_code("palette.html", 0) in (theme / "md-globals.js").read_text()
    assert material_code("content.html", 0) in (theme / "md-tabs-link.js").read_text()
    assert material_code("content.html", 1) in (theme / "md-content.js").read_text()
