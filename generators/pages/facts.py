"""Facts about the site that free pages may embed by name, e.g. ``{{ report_address }}``.

They are computed from the context, so a page never retypes a setting or a date.
"""

from __future__ import annotations

from collections.abc import Callable

from generators.content.context import SiteContext
from generators.pages.render import format_date


def report_address(ctx: SiteContext) -> str:
    """Where to report a mistake (content/settings.yml), as a link."""
    address = ctx.settings.report_address
    target = address if address.startswith("https://") else f"mailto:{address}"
    return f"[{address}]({target})"


def version_date(ctx: SiteContext) -> str:
    """The date of this version of the content: its most recent review."""
    dates = [item.review.last_reviewed for _kind, item in ctx.all_pages()]
    dates += [page.review.last_reviewed for page in ctx.pages.values()]
    return format_date(ctx, max(dates))


FACTS: dict[str, Callable[[SiteContext], str]] = {
    "report_address": report_address,
    "version_date": version_date,
}
