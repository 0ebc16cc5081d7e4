"""What a clinic's build adds to the site: its logo in the header, its colours as a
stylesheet of Material's custom properties, its contact and reviewer in the footer, and
its branding on the handouts. Also the check that no page links to a page it left out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Protocol

from generators.clinic.apply import reviewed_line
from generators.clinic.checks import dark_accent, tel_href
from generators.clinic.load import ClinicErrors, LoadedClinic
from generators.clinic.model import in_language
from generators.content.context import SiteContext
from generators.content.yaml_source import dotted
from generators.errors import ContentError
from generators.handouts.branding import Branding

STYLESHEET = "assets/stylesheets/clinic.css"
LOGO = "assets/clinic/logo"  # + .svg or .png
_LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


@dataclass(frozen=True)
class ClinicSite:
    """The files a clinic adds to the docs folder, and how it changes MkDocs' settings."""

    loaded: LoadedClinic
    files: dict[str, bytes]
    logo: str
    footer: str  # HTML, every value escaped
    branding: Branding  # its handouts' header: name, logo, contact, colours
    extra_css: list[str] = field(default_factory=lambda: [STYLESHEET])

    def configure(self, config: Any) -> None:
        """The header's name and logo, the footer's contact (``partials/copyright.html``),
        and the web app manifest's name and colour (generators/offline) when there is one."""
        config.site_name = escape(self.loaded.clinic.name)  # escaped, as generators/languages.py does
        config.theme["logo"] = self.logo
        config.extra["clinic_footer"] = self.footer
        clinic = self.loaded.clinic
        if isinstance(config.extra.get("offline"), dict):
            config.extra["offline"].update(name=clinic.name, short_name=clinic.short_name,
                                           theme_color=clinic.colours.primary)


def clinic_site(loaded: LoadedClinic, ctx: SiteContext, project: Path) -> ClinicSite:
    clinic = loaded.clinic
    logo_file = project / clinic.logo
    logo = LOGO + logo_file.suffix.lower()
    files = {logo: logo_file.read_bytes(), STYLESHEET: stylesheet(loaded).encode()}
    return ClinicSite(loaded=loaded, files=files, logo=logo, footer=footer_html(loaded, ctx),
                      branding=branding(loaded, project, ctx.lang))


def stylesheet(loaded: LoadedClinic) -> str:
    """Material's colour properties in the clinic's colours, after site.css (same
    selectors, so these win). checks.py has measured each against where it is used."""
    colours = loaded.clinic.colours
    primary, accent, dark = colours.primary, colours.accent, dark_accent(loaded.clinic)
    return "\n".join([
        f"/* Generated from {loaded.file.rel} (generators/clinic/site.py): the clinic's colours. */",
        ':root, [data-md-color-scheme="default"] {',
        *_scheme(primary, accent, link=primary),
        "}",
        '[data-md-color-scheme="slate"] {',
        *_scheme(primary, dark, link=dark),
        "}",
        ".md-header__button.md-logo img { height: 1.6rem; width: auto; }",
        ".sh-clinic-contact p { margin: 0.2em 0; }",
        ".sh-clinic-contact a { color: inherit; text-decoration: underline; }",
        "",
    ])


def _scheme(primary: str, accent: str, link: str) -> list[str]:
    red, green, blue = (int(accent[i:i + 2], 16) for i in (1, 3, 5))
    return [
        f"  --md-primary-fg-color: {primary};         /* white text on it: checked, 4.5:1 or more */",
        f"  --md-primary-fg-color--light: {primary};",
        f"  --md-primary-fg-color--dark: {primary};",
        "  --md-primary-bg-color: #ffffff;",
        f"  --md-accent-fg-color: {accent};",
        f"  --md-accent-fg-color--transparent: rgba({red}, {green}, {blue}, 0.1);",
        f"  --md-typeset-a-color: {link};",
    ]


def footer_html(loaded: LoadedClinic, ctx: SiteContext) -> str:
    """The clinic's contact and reviewer, for every page's footer (text escaped)."""
    clinic = loaded.clinic
    words = ctx.words("clinic")
    contact = clinic.contact
    phone = f'<a href="{escape(tel_href(contact.phone))}">{escape(contact.phone)}</a>'
    lines = [f"<strong>{escape(clinic.name)}</strong>", f'{escape(words["phone"])}: {phone}']
    hours, address, ask_us = (in_language(value, ctx.lang)
                              for value in (contact.opening_hours, contact.address, contact.ask_us))
    if hours:
        lines.append(f'{escape(words["opening_hours"])}: {escape(hours)}')
    if address:
        lines.append(escape(address))
    if contact.website:
        lines.append(f'<a href="{escape(contact.website)}">{escape(_host(contact.website))}</a>')
    if ask_us:
        lines.append(escape(ask_us))
    lines.append(escape(reviewed_line(loaded, ctx)))
    return '<div class="sh-clinic-contact">' + "".join(f"<p>{line}</p>" for line in lines) + "</div>"


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0]


def branding(loaded: LoadedClinic, project: Path, lang: str = "en") -> Branding:
    """The clinic's handouts: its name, logo, contact and colours (already checked, so
    ``Branding`` accepts them)."""
    clinic = loaded.clinic
    return Branding(name=clinic.name, logo=(project / clinic.logo).read_bytes(), phone=clinic.contact.phone,
                    address=in_language(clinic.contact.address, lang), website=clinic.contact.website,
                    primary=clinic.colours.primary, accent=clinic.colours.accent)


class _Page(Protocol):
    path: str  # in the docs folder, e.g. "topics/calf-pump.md"
    text: str


def check_left_out(loaded: LoadedClinic, pages: Iterable[_Page]) -> None:
    """Leaving a page out must not break a link: refuse, naming the pages that link to it."""
    gone = {f"about/{page_id}.md": index for index, page_id in enumerate(loaded.clinic.leave_out)}
    if not gone:
        return
    linked: dict[str, list[str]] = {}
    for page in pages:
        for target in _targets(page.path, page.text):
            if target in gone and page.path not in linked.setdefault(target, []):
                linked[target].append(page.path)
    errors = []
    file = loaded.file
    for target, index in gone.items():
        if linked.get(target):
            key = ("leave_out", index)
            shown = ", ".join(linked[target][:4]) + (" ..." if len(linked[target]) > 4 else "")
            errors.append(ContentError(
                file.rel, dotted(key), "a page no other page links to",
                f"'{loaded.clinic.leave_out[index]}', linked from {len(linked[target])} "
                f"page{'s' if len(linked[target]) != 1 else ''} ({shown})",
                "keep the page (remove it from leave_out): leaving it out would break those links",
                file.line_of(key)))
    if errors:
        raise ClinicErrors(file.rel, errors)


def _targets(path: str, text: str) -> Iterable[str]:
    """The docs files a page's relative links lead to (Markdown links from its file,
    HTML links from its address)."""
    url = path.removesuffix(".md").removesuffix("index") + ("" if path.endswith("index.md") else "/")
    for found in _LINK.finditer(text):
        md_link, href = found.groups()
        target = (md_link or href).split("#", 1)[0]
        if not target or ":" in target or target.startswith("/"):
            continue
        if md_link:
            yield posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        else:
            at = posixpath.normpath(posixpath.join(url, target)).removeprefix("./")
            yield (at.rstrip("/") or "index") + ".md"
