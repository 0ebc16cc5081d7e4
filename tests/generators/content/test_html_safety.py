"""No script from content: what HTML a field may hold (safety.py), the located errors
stage 1 gives, and the escaping each output channel does behind it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generators.content import markdown, safety
from generators.content.context import SiteContext
from generators.content.loader import load_content
from generators.errors import ContentErrors
from generators.pages.render import PageRenderer, front_matter, jsonld, make_env
from tests.generators.golden import FIXTURE
from tests.injection_payloads import PAYLOADS, Payload

ATTACKS = [p for p in PAYLOADS if not p.inert]
INERT = [p for p in PAYLOADS if p.inert]


@pytest.mark.parametrize("payload", ATTACKS, ids=[p.name for p in ATTACKS])
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_every_attack_is_refused_in_every_kind_of_field(payload: Payload, kind: str) -> None:
    assert safety.problems(payload.at(7), markdown=kind == "markdown") != []


@pytest.mark.parametrize("payload", INERT, ids=[p.name for p in INERT])
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_text_that_only_looks_like_code_is_accepted_as_plain_text(payload: Payload, kind: str) -> None:
    assert safety.problems(payload.at(7), markdown=kind == "markdown") == []


def test_the_markdown_a_patient_page_needs_is_accepted() -> None:
    text = """Walking lowers ankle vein pressure [@stick-1992]. See [ankle pumps](exercise:ankle-pumps#how)
and the [NHS page](https://www.nhs.uk/conditions/dvt/), or write to <help@example.org> or
<https://example.org/help>. Call [111](tel:111) or [email us](mailto:help@example.org).

- **Bold**, *italic*, `code`, m<sup>2</sup>, H<sub>2</sub>O, <b>b</b>, a<br>b, <SUP>3</SUP>
- A pressure < 20 mmHg, and 3<4.

1. A list
2. [Back to the top](#top) or [the glossary](../glossary/)

> A quote.

| Value | mmHg |
|:------|-----:|
| Rest  | 90   |

!!! note "Good to know"
    Inside a box.

*[AVP]: ambulatory venous pressure
"""
    assert safety.problems(text) == []


def test_a_text_field_holds_no_html_not_even_the_tags_a_markdown_field_may() -> None:
    assert [p.found for p in safety.problems("m<sup>2</sup>", markdown=False)] == [
        "the HTML tag <sup> ('<sup>')"]
    assert safety.problems("m<sup>2</sup>", markdown=True) == []


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://www.nhs.uk/", True), ("http://example.org", True), ("mailto:a@b.org", True),
    ("tel:111", True), ("../glossary/", True), ("#sources", True), ("exercise:calf-raises", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\nscript:alert(1)", False), ("\x01javascript:alert(1)", False),
    ("vbscript:x", False), ("data:text/html,x", False), ("file:///etc/passwd", False),
    ("//evil.example/", False), ("\\\\evil.example\\", False), ("/\\evil.example", False),
])
def test_links_go_only_to_web_mail_and_phone_addresses_and_to_this_site(url: str, allowed: bool) -> None:
    assert safety.url_allowed(url) is allowed


def test_images_come_only_from_this_site() -> None:
    assert safety.url_allowed("../assets/images/favicon.svg", image=True)
    assert not safety.url_allowed("https://example.org/a.png", image=True)
    assert not safety.url_allowed("data:image/png;base64,AAAA", image=True)


# ---------------------------------------------------------------- located content errors

@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def _errors(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    return [str(e) for e in caught.value.errors]


def _set(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_html_in_a_markdown_body_is_a_located_error_that_says_what_is_allowed(content: Path) -> None:
    _set(content / "en/topics/calf-pump.yml", "Blood moves up toward the heart",
         "Blood <img src=x onerror=alert(1)> moves up toward the heart")
    assert _errors(content) == [
        "content/en/topics/calf-pump.yml:17: at 'sections[0].body' expected Markdown, with HTML limited "
        "to the bare tags <b>, <br>, <cite>, <del>, <dfn>, <em>, <i>, <ins>, <kbd>, <mark>, <q>, <s>, "
        "<small>, <strong>, <sub>, <sup>, <u>, got the HTML tag <img> ('<img src=x onerror=alert(1)>'). "
        "Fix: remove it, or write the text out in Markdown (**bold**, *italic*, [a link](https://...)); "
        "README: 'What HTML content may contain'"]


def test_a_script_link_in_a_glossary_definition_is_a_located_error(content: Path) -> None:
    _set(content / "en/glossary.yml", "A tube that carries blood back to the heart.",
         "A tube. [More](JaVaScRiPt:alert(1))")
    assert _errors(content) == [
        "content/en/glossary.yml:3: at '[0].definition' expected a link to an https://, http://, mailto: "
        "or tel: address, a page of this site or an item (exercise:calf-raises), got a link to "
        "'JaVaScRiPt:alert(1)'. Fix: link to a web page with https://, or remove the link"]


def test_an_attribute_list_is_a_located_error(content: Path) -> None:
    _set(content / "en/exercises/ankle-pumps.yml", "why_it_works: Moving your ankle makes",
         'why_it_works: |\n  Moving.\n  {: onclick=alert(1) }\n\n  Your ankle makes')
    assert _errors(content) == [
        "content/en/exercises/ankle-pumps.yml:27: at 'why_it_works' expected no HTML attributes: "
        "content cannot add attributes, classes, styles or event handlers, got the attribute "
        "onclick=\"alert(1)\" on <p>. "
        "Fix: remove the attribute list {: ... } (or the HTML) that adds it; README: 'What HTML content "
        "may contain'"]


def test_a_reference_and_a_clinic_setting_are_checked_like_the_rest(content: Path) -> None:
    references = yaml.safe_load((content / "references.yml").read_text())
    references[0]["note"] = "Good. &lt;script&gt;alert(1)&lt;/script&gt;"
    (content / "references.yml").write_text(yaml.safe_dump(references, sort_keys=False))
    settings = yaml.safe_load((content / "settings.yml").read_text())
    settings["clinic"] = {"name": "Leg <b>Clinic</b>"}
    (content / "settings.yml").write_text(yaml.safe_dump(settings, sort_keys=False))
    found = _errors(content)
    assert [line.split(" expected")[0] for line in found] == [
        "content/references.yml:15: at '[0].note'", "content/settings.yml:7: at 'clinic.name'"]
    assert "got the HTML tag <script> written with character references ('<script>')" in found[0]
    assert "got the HTML tag <b> ('<b>')" in found[1]


def test_a_free_page_body_error_names_the_line_in_the_file(content: Path) -> None:
    (content / "en/pages").mkdir()
    (content / "en/pages/about.md").write_text(
        "---\nid: about\ntitle: About\ndescription: About us.\nreview:\n  last_reviewed: 2025-01-01\n"
        "  next_review: 2026-01-01\n  reviewer: {name: A, role: B}\n---\nFirst line.\n\n"
        "Second <iframe src=x></iframe> line.\n")
    assert [line.split(" expected")[0] for line in _errors(content)] == ["content/en/pages/about.md:12:"]


# ---------------------------------------------------------------- escaping where it is printed

def test_the_templates_print_every_value_as_text_unless_it_is_markup() -> None:
    env = make_env()
    template = env.from_string("# {{ title }}\n{{ r }}\n{{ words | join(', ') }}")
    out = template.render(title='<img src=x onerror=alert(1)> [x](javascript:y) {: onclick=z } "q"',
                          r=markdown.plain("ok"), words=["<b>", "{a}"])
    assert out == ("# &lt;img src=x onerror=alert(1)&gt; &#91;x&#93;(javascript:y) &#123;: onclick=z } "
                   "&quot;q&quot;\nok\n&lt;b&gt;, &#123;a}")


def test_a_markdown_field_that_breaks_the_rules_is_shown_as_text(ctx: SiteContext) -> None:
    r = PageRenderer(ctx, "topics/x.md")
    assert r.md("Walk [@ref-one] <b>now</b>.") == 'Walk<sup class="sh-cite" aria-label="Source 1">' \
        '[<a href="#source-1">1</a>]</sup> <b>now</b>.'
    assert r.md("Walk <img src=x onerror=alert(1)>") == "Walk &lt;img src=x onerror=alert(1)&gt;"
    assert r.md("[x](javascript:alert(1))") == "&#91;x&#93;(javascript:alert(1))"


def test_the_json_ld_cannot_end_its_script_element(ctx: SiteContext) -> None:
    item = ctx.site.checklist.model_copy(update={"title": "</script><script>alert(1)</script>"})
    text = jsonld(ctx, "page", item, [], "checklist/")  # type: ignore[arg-type]
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"


def test_titles_and_descriptions_are_escaped_for_material_which_prints_them_as_html() -> None:
    head = front_matter({"title": 'A <b>"x"</b> & y', "description": "<script>", "jsonld": "<a>"})
    assert yaml.safe_load(head.strip("-\n")) == {
        "title": "A &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y", "description": "&lt;script&gt;",
        "jsonld": "<a>"}


def test_widgets_get_html_only_from_fields_that_keep_the_rules() -> None:
    assert markdown.to_html("**Sit** m<sup>2</sup> [read](exercises/x/)") == (
        '<p><strong>Sit</strong> m<sup>2</sup> <a href="exercises/x/">read</a></p>')
    assert markdown.to_html("Hi <img src=x onerror=alert(1)>") == (
        "<p>Hi &lt;img src=x onerror=alert(1)&gt;</p>")
    assert "href" not in markdown.to_html("[x](javascript:alert(1))")


def test_a_page_never_includes_a_file_whatever_snippet_it_names() -> None:
    page = ('--8<-- "README.md"\n  --8<--\n../../secret.txt\n--8<--\nbefore --8<-- [start:x] after\n'
            ';--8<-- "already escaped"\nnot --8<-- "a snippet"')
    assert markdown.inert_snippets(page) == (
        ';--8<-- "README.md"\n  ;--8<--\n../../secret.txt\n;--8<--\nbefore ;--8<-- [start:x] after\n'
        ';--8<-- "already escaped"\nnot --8<-- "a snippet"')


def test_a_glossary_tooltip_is_one_line_and_stays_text_through_materials_html_tooltip() -> None:
    definition = "Back of\nthe leg & <img src=x onerror=alert(1)>"
    assert markdown.abbreviation("calf\n--8<-- \"README.md\"", definition) == (
        '*[calf --8<-- "README.md"]: Back of the leg & &amp;lt;img src=x onerror=alert(1)&amp;gt;')


def test_the_search_dialog_override_differs_from_materials_only_by_its_accessible_name() -> None:
    import material

    theme = Path(__file__).resolve().parents[3] / "generators" / "theme" / "partials" / "search.html"
    ours = theme.read_text().split("-#}\n", 1)[1]
    original = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text()
    original = original.split("-#}\n", 1)[1]
    assert ours == original.replace('role="dialog"', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\"")


def test_stage_one_refuses_an_attack_in_every_editable_field_with_its_own_error(tmp_path: Path) -> None:
    """Every field a person types (as tests/injection_site.py finds them: each Text and
    Markdown field of each file, page front matter and body, reference and clinic
    addresses) holds a tag with an event handler: each is one located error."""
    from tests.injection_site import ADDRESSES, fill, make_project

    project = make_project(tmp_path)
    filled = fill(project, lambda n, key: ADDRESSES[key].replace("{id}", str(n)) if key in ADDRESSES
                  else f"Words <img src=x onerror=__pwned.push({n})> words.")
    with pytest.raises(ContentErrors) as caught:
        load_content(project / "content")
    located = {(error.file, error.key) for error in caught.value.errors}
    assert all("HTML tag" in error.received for error in caught.value.errors)
    assert len(located) == filled == len(caught.value.errors)
