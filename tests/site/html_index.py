"""Read a built site once: every page's links, asset references, ids, metadata and text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements whose URL attribute makes the browser fetch something.
FETCHING = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
    ("source", "srcset"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
    ("video", "poster"), ("track", "src"),
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                      "apple-touch-icon", "shortcut icon"}
# Text inside these is not what a reader reads as the page's prose.
NOT_PROSE_CLASSES = {"sh-sources", "sh-review", "sh-cite", "sh-references", "headerlink", "admonition info",
                     "sh-chart", "md-nav", "sh-print-url", "sh-facts"}


@dataclass
class Page:
    path: Path
    url: str  # site-relative, e.g. "exercises/calf-raises/"
    links: list[str] = field(default_factory=list)
    fetches: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    ids: set[str] = field(default_factory=set)
    title: str = ""
    description: str | None = None
    jsonld: list[dict] = field(default_factory=list)
    prose: str = ""


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_title = False
        self.in_jsonld = False
        self.jsonld_text = ""
        self.in_article = 0
        self.skip_depth: list[int] = []
        self.depth = 0
        self.prose: list[str] = []
        self.in_script_or_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.depth += 1
        if "id" in a:
            self.page.ids.add(a["id"])
        if "name" in a and tag == "a":
            self.page.ids.add(a["name"])
        if tag == "a" and "href" in a:
            self.page.links.append(a["href"])
        for (t, attr) in FETCHING:
            if tag == t and attr in a:
                for part in a[attr].split(","):
                    self.page.fetches.append((tag, part.strip().split(" ")[0]))
        if tag == "link" and a.get("rel", "") in FETCHING_LINK_RELS and "href" in a:
            self.page.fetches.append(("link", a["href"]))
        if tag == "title":
            self.in_title = True
        if tag == "meta" and a.get("name") == "description":
            self.page.description = a.get("content", "")
        if tag == "script" and a.get("type") == "application/ld+json":
            self.in_jsonld = True
            self.jsonld_text = ""
        if tag in ("script", "style"):
            self.in_script_or_style = True
        if tag == "article":
            self.in_article += 1
        classes = a.get("class", "")
        if self.in_article and (any(c in NOT_PROSE_CLASSES for c in classes.split())
                                or classes in NOT_PROSE_CLASSES
                                or tag in ("table", "figure", "code", "pre", "abbr-skip")):
            self.skip_depth.append(self.depth)
        if self.in_article and tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "div", "br", "summary"):
            self.prose.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth and self.skip_depth[-1] == self.depth:
            self.skip_depth.pop()
        self.depth -= 1
        if tag == "title":
            self.in_title = False
        if tag == "script" and self.in_jsonld:
            self.in_jsonld = False
            self.page.jsonld.append(json.loads(self.jsonld_text))
        if tag in ("script", "style"):
            self.in_script_or_style = False
        if tag == "article":
            self.in_article -= 1
        if self.in_article and tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "summary"):
            self.prose.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if self.in_jsonld:
            self.jsonld_text += data
        elif self.in_article and not self.skip_depth and not self.in_script_or_style:
            self.prose.append(data.replace("\n", " "))


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _VoidAwareParser(_Parser):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in VOID:
            if self.skip_depth and self.skip_depth[-1] == self.depth:
                self.skip_depth.pop()
            self.depth -= 1


def read_page(site: Path, path: Path) -> Page:
    rel = path.relative_to(site).as_posix()
    url = rel.removesuffix("index.html")
    page = Page(path=path, url=url)
    parser = _VoidAwareParser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    page.prose = re.sub(r"[ \t]+", " ", "".join(parser.prose))
    page.prose = re.sub(r"\s*\n\s*", "\n", page.prose).strip()
    return page


def read_site(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): read_page(site, p) for p in sorted(site.rglob("*.html"))}
