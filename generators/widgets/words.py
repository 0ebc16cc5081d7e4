"""The words a widget's JavaScript shows (loading steps, errors, live descriptions), from
ui.yml, written into the widget's root element as a ``data-words`` JSON attribute.

An attribute, not a ``<script type="application/json">`` block: Material's instant
navigation re-creates every script of the new page's content as an inline script (type
dropped), which the Content-Security-Policy refuses and which would lose the words.
``interactive/web/runtime.js`` reads them with ``wordsOf(root)``.
"""

from __future__ import annotations

import json
from html import escape

from generators.content.context import SiteContext


def words_attribute(ctx: SiteContext, *sections: str) -> str:
    """`` data-words="{...}"``: the shared ``widget`` words and each named section's,
    merged (a section's key wins), for a widget's root element."""
    words: dict[str, str] = {}
    for section in ("widget", *sections):
        words.update(ctx.words(section))
    return f' data-words="{escape(json.dumps(words, ensure_ascii=False, sort_keys=True))}"'
