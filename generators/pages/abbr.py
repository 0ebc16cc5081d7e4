"""Glossary tooltips on first use only.

The glossary's terms reach every page as Markdown abbreviations (``build/includes``), and
Python-Markdown's ``abbr`` marks every occurrence: an article used to carry 35 ``<abbr>``
tooltips for 6 terms, and a page dotted with underlined words is harder to read. Style
guides define a term where it is first used; so does this: the first occurrence of each
term keeps its tooltip, later ones become plain text. The tooltips themselves are drawn
only when a reader asks (hover, tap or keyboard focus) by
``generators/assets/javascripts/tooltips.js``; Material's own tooltips, which set up every
titled element on load (about 170 ms on a throttled phone, #12), are switched off.
"""

from __future__ import annotations

import re

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)


def first_use_only(html: str) -> str:
    """Keep the first ``<abbr>`` of each definition; unwrap the rest to their text."""
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(2)
        seen.add(title)
        return match.group(0)

    return _ABBR.sub(once, html)
