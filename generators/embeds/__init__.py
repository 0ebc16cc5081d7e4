"""Embeds: every medical page, the demo and the checklist as an embed view that other sites
(clinics) show in an iframe, the "Embed this page" panel that gives the code, and the
"Print handout (PDF)" link.

    views.py       which pages have an embed view, its address and front matter, its footer,
                   the panel on the full page and the handout link (HTML, words from ui.yml)
    links.py       after Markdown: links in an embed view open the full page in a new tab
    mkdocs_hook.py the MkDocs hook that applies links.py to the embed views

The embed view is rendered by stage 3 (generators/pages/pages.py) from the same content and
template as the full page, under ``embed/<path>``; generators/theme/embed.html shows it
without the site's header, navigation, search or footer. In the frame,
assets/javascripts/embed-frame.js posts the page's height to the host; on the host,
assets/javascripts/embed.js (optional, one line) sizes the iframe. Who may frame the embed
views is settings.yml's ``embed: frame_ancestors:`` (generators/csp.py writes the header).

Imports only stage 1 (tests/test_architecture.py): the pages import this package, never the
other way round.
"""

from __future__ import annotations

from generators.embeds.views import (
    EMBED_FOLDER,
    TEMPLATE,
    EmbedView,
    embed_doc,
    embed_view,
    footer,
    handout_link,
    handout_pdf,
    panel,
)

__all__ = ["EMBED_FOLDER", "TEMPLATE", "EmbedView", "embed_doc", "embed_view", "footer", "handout_link",
           "handout_pdf", "panel"]
