"""One site per language: where each is built and how its MkDocs configuration differs.

The languages are data: ``languages:`` in content/settings.yml, in order. The first is
built at the site's root (``site/``); every other into a folder named by its code
(``site/es/``), inside the same temporary folder before the one atomic swap. Each gets its
own MkDocs build with ``theme.language`` (Material's own words and the ``lang``
attribute), the search plugin's ``lang`` (its stemmer), ``site_url`` (its own sitemap),
the interface words of its ui.yml, and ``extra.alternate``: the language switch, which
``generators/theme/partials/alternate.html`` turns into a link to the same page in the
other language (every language has the same ids, so the same paths).
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import escape

from generators.content.context import SiteContext


def folder_of(ctx: SiteContext, lang: str) -> str:
    """Where a language's site sits inside the whole site: ``""`` (the root) or ``"es/"``."""
    return "" if lang == ctx.first_lang else f"{lang}/"


def translations(ctx: SiteContext) -> list[str]:
    """The languages built into sub-folders of this one: all but the first, when this is
    the first; none when this is a translation."""
    return [lang for lang in ctx.languages if lang != ctx.lang] if ctx.lang == ctx.first_lang else []


def alternates(ctx: SiteContext) -> list[dict[str, str]]:
    """``extra.alternate``: each language, named in its own words, linked from this
    language's root to the other's root (a page adds its own path)."""
    here = folder_of(ctx, ctx.lang) or "."
    return [
        {"name": escape(name), "lang": lang,
         "link": posixpath.relpath(folder_of(ctx, lang) or ".", here) + "/",
         "url": ctx.settings.site_url + folder_of(ctx, lang)}
        for lang, name in ctx.languages.items()
    ]


def configure(config: Any, ctx: SiteContext, *, switch: bool) -> None:
    """Make MkDocs' configuration speak ``ctx``'s language. ``switch``: the other languages
    are built beside this one, so the pages offer them."""
    words = ctx.words("site")
    # Read by the search plugin's own on_config, which runs after the hook's (see
    # generators/mkdocs_hooks.py): it takes its stemmer and word rules from the language.
    config.theme["language"] = ctx.lang
    config.site_url = ctx.site_url
    # Material writes these into its pages as they are (MkDocs' templates do not escape), so
    # content's words go in escaped. Plain strings, not Markup: where a template escapes once
    # more (the header's title="{{ config.site_name | e }}"), the text stays text even in
    # Material's tooltips, which show a title as HTML (tests/browser/test_injection.py).
    config.site_name = str(escape(ctx.site.name))
    config.site_description = escape(ctx.site.description)
    config.copyright = escape(words["copyright"])
    toggles = (escape(words["palette_to_light"]), escape(words["palette_to_dark"]),
               escape(words["palette_to_system"]))
    for palette, name in zip(config.theme["palette"] or [], toggles, strict=False):
        if "toggle" in palette:
            palette["toggle"]["name"] = name
    if "toc" in config.mdx_configs:
        config.mdx_configs["toc"]["permalink_title"] = words["permalink_title"]
    extra = config.extra
    extra["words"] = {key: escape(text) for key, text in words.items()}  # the theme's (main.html)
    if switch and len(ctx.languages) > 1:
        extra["alternate"] = alternates(ctx)
    else:
        extra.pop("alternate", None)
