"""Stage 1: read content/, validate it, cross-link it and measure its words.

Imports no later stage (charts, widgets, pages): the build hands in the ids those
stages can make (``Embeds``), so ``second-heart check`` and the build accept exactly
the same content. The product is one ``SiteContext``.
"""
