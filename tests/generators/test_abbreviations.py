"""The glossary's abbreviations, appended to every page, are written one per Markdown block:
the same HTML as one block of lines, without Python-Markdown's n² re-scan of that block."""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.config import load_config

from generators.build import abbreviations
from generators.content.loader import load_content

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "mini" / "content"


def _html(page: str, abbreviations_text: str, includes: Path) -> str:
    config = load_config(str(REPO / "mkdocs.yml"))
    (includes / "abbreviations.md").write_text(abbreviations_text, "utf-8")
    configs = dict(config.mdx_configs)
    configs["pymdownx.snippets"] = {**configs["pymdownx.snippets"], "base_path": [str(includes)]}
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)
    html: str = md.convert(page)
    return html


def test_one_abbreviation_per_block_renders_exactly_as_one_block_of_lines(tmp_path: Path) -> None:
    ctx = load_content(FIXTURE)
    written = abbreviations(ctx)
    lines = [line for line in written.splitlines() if line]
    assert len(lines) >= 2 and written == "\n\n".join(lines) + "\n"
    terms = [line[2:line.index("]")] for line in lines]
    page = "# A page\n\n" + " and ".join(terms) + ", in a sentence.\n\n- " + terms[0] + " in a list\n"
    as_blocks = _html(page, written, tmp_path)
    assert as_blocks == _html(page, "\n".join(lines) + "\n", tmp_path)
    assert as_blocks.count("<abbr ") >= len(set(terms))
