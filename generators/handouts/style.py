"""How a handout looks on paper: its print CSS, page box and fonts.

One page box fits both papers clinics use: A4's width and US Letter's height (210 x 279.4
mm), so a handout prints at 100% on either with no scaling and nothing cut off. ``a4``
and ``letter`` give the exact paper instead. Type is 12 pt or more everywhere in the
content (body 12 pt, headings 13 to 22 pt); the running footer under each page is 10 pt. Fonts are the site's
Atkinson Hyperlegible when its files are given (embedded, so the handout is one file),
else the system's sans-serif.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

Paper = Literal["fit", "a4", "letter"]
PAGE_SIZES: Mapping[str, str] = {"fit": "210mm 279.4mm", "a4": "A4", "letter": "letter"}
LANDSCAPE_SIZES: Mapping[str, str] = {"fit": "279.4mm 210mm", "a4": "A4 landscape",
                                      "letter": "letter landscape"}
#: The site's font files (@fontsource/atkinson-hyperlegible), by weight and style.
FONT_FILES = {
    ("400", "normal"): "atkinson-hyperlegible-latin-400-normal.woff2",
    ("700", "normal"): "atkinson-hyperlegible-latin-700-normal.woff2",
    ("400", "italic"): "atkinson-hyperlegible-latin-400-italic.woff2",
}
FONT_FAMILY = "Atkinson Hyperlegible"


def font_faces(font_dir: Path | None) -> str:
    """``@font-face`` rules with the fonts inlined, or nothing when they are not there."""
    if font_dir is None:
        return ""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        path = font_dir / name
        if not path.is_file():
            return ""  # all or nothing: a half-embedded family would mix two faces
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{weight};font-style:{style};'
                     f'src:url(data:font/woff2;base64,{data}) format("woff2")}}')
    return "\n".join(rules)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (for the running footer's ``content``)."""
    escaped = "".join(ch if ch.isprintable() and ch not in '"\\' else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def page_css(paper: Paper, footer: str, primary: str, accent: str, landscape: bool = False,
             page_of: str = "Page {page} of {pages}") -> str:
    """``page_of``: the running page number's words, with {page} and {pages} (ui.yml)."""
    before, _, rest = page_of.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    numbers = f"{css_string(before)} counter(page) {css_string(middle)} counter(pages) {css_string(after)}"
    """The per-handout part: paper size, running footer and the colours."""
    size = (LANDSCAPE_SIZES if landscape else PAGE_SIZES)[paper]
    return f"""
@page {{
  size: {size};
  margin: 12mm 13mm 14mm 13mm;
  @bottom-left {{ content: {css_string(footer)}; font: 10pt/1.2 var(--font); color: #444; }}
  @bottom-right {{ content: {numbers}; font: 10pt/1.2 var(--font);
                   color: #444; }}
}}
:root {{ --primary: {primary}; --accent: {accent}; }}
"""


BASE_CSS = """
:root {
  --font: "Atkinson Hyperlegible", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  --ink: #111; --muted: #444; --rule: #999;
  --danger: #b71c1c; --warning: #8a4500; --note: #0d47a1;
}
* { box-sizing: border-box; }
html { font: 12pt/1.3 var(--font); color: var(--ink); background: #fff;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
a { color: inherit; text-decoration: none; }
p { margin: 0 0 5pt; }
ul, ol { margin: 0 0 5pt; padding-left: 17pt; }
li { margin-bottom: 2pt; }
sup { font-size: 0.7em; line-height: 0; }
h1 { font-size: 22pt; line-height: 1.12; margin: 0 0 3pt; }
h2 { font-size: 15pt; line-height: 1.2; color: var(--primary); margin: 8pt 0 3pt; break-after: avoid; }
h3 { font-size: 13pt; margin: 6pt 0 2pt; break-after: avoid; }

.brand { display: flex; align-items: center; justify-content: space-between; gap: 12pt;
         border-bottom: 3pt solid var(--primary); padding-bottom: 4pt; margin-bottom: 7pt; }
.brand__id { display: flex; align-items: center; gap: 8pt; }
.brand__logo { max-height: 15mm; max-width: 55mm; }
.brand__name { font-size: 16pt; font-weight: 700; line-height: 1.1; }
.brand__tagline, .brand__contact { font-size: 12pt; color: var(--muted); line-height: 1.25; }
.brand__contact { text-align: right; }
.brand__contact strong { color: var(--ink); }

.kicker { font-size: 12pt; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase;
          color: var(--accent); margin: 0 0 1pt; }
.lead { font-size: 13pt; margin: 0 0 5pt; }

.facts { display: grid; grid-template-columns: auto 1fr; gap: 1pt 10pt; margin: 6pt 0 0;
         border: 1.5pt solid var(--accent); border-radius: 4pt; padding: 3pt 8pt; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.answer { border-left: 4pt solid var(--accent); padding: 1pt 0 1pt 8pt; }
.fact dt { font-weight: 700; }
.fact dd { margin: 0; }

.steps { list-style: none; padding: 0; margin: 4pt 0 0; display: grid; gap: 6pt 9pt; }
.steps--3 { grid-template-columns: repeat(3, 1fr); }
.steps--4 { grid-template-columns: repeat(4, 1fr); }
.steps--text { display: block; list-style: decimal; padding-left: 20pt; }
.step { break-inside: avoid; margin: 0; }
.step__picture .sh-pic .t { font-size: 17px; }
.step__picture svg { display: block; width: 100%; height: 36mm; border: 1pt solid #bbb;
                     border-radius: 4pt; font-size: 12px; }
.steps--4 .step__picture svg { height: 26mm; }
.step__text { display: flex; gap: 5pt; margin-top: 3pt; }
.step__n { flex: none; font-weight: 700; min-width: 1.2em; height: 1.45em; text-align: center;
           color: #fff; background: var(--accent); border-radius: 50%; }
.figure { break-inside: avoid; margin: 6pt 0; display: flex; gap: 10pt; align-items: center; }
.figure svg { width: 62%; height: auto; flex: none; border: 1pt solid #bbb; border-radius: 4pt; }
.figure--small svg { width: auto; max-width: 45%; height: 32mm; }
.figure figcaption { font-size: 12pt; }

.points li { margin-bottom: 4pt; }
.cautions li { break-inside: avoid; }
.routines { margin-top: 4pt; }

.care { border: 2pt solid var(--level); border-radius: 4pt; margin: 5pt 0; line-height: 1.25; }
.care--danger { --level: var(--danger); }
.care--warning { --level: var(--warning); }
.care--note { --level: var(--note); }
.care__title { background: var(--level); color: #fff; font-size: 13pt; font-weight: 700;
               padding: 2pt 8pt; margin: 0; break-after: avoid; }
.care__action { padding: 3pt 8pt 0; }
.care__action p { margin-bottom: 3pt; }
.flag { border-top: 1pt solid var(--rule); padding: 3pt 8pt 0; break-inside: avoid; }
.flag p { margin-bottom: 3pt; }
.flag__name { font-weight: 700; }
.flag__escalate { font-weight: 700; }

.card { border: 1.5pt solid var(--ink); border-radius: 4pt; margin: 5pt 0; line-height: 1.25; }
.card__row { display: flex; break-inside: avoid; }
.card__row + .card__row { border-top: 1pt solid var(--rule); }
.card__level { flex: none; width: 50mm; margin: 0; padding: 3pt 6pt; font-weight: 700; color: #fff;
               background: var(--level); }
.card__signs { flex: 1; margin: 0; padding: 3pt 8pt 3pt 22pt; }
.card__signs li { margin: 0 0 2pt; }

.end { margin-top: 10pt; }
.end__row { display: flex; gap: 10pt; align-items: flex-start; break-inside: avoid; margin-bottom: 4pt; }
.end__text { flex: 1; }
.online { flex: none; display: flex; gap: 6pt; }
.online__item { margin: 0; text-align: center; font-weight: 700; break-inside: avoid; }
.qr { display: block; width: 25mm; height: 25mm; border: 1.5pt solid var(--accent); border-radius: 3pt; }
.addresses { margin: 0 0 4pt; overflow-wrap: anywhere; }
.review { font-size: 12pt; color: var(--muted); margin: 0 0 4pt; break-inside: avoid; }
.disclaimer { border-left: 4pt solid var(--accent); padding: 2pt 0 2pt 8pt; break-inside: avoid; }
.sources h2 { font-size: 13pt; margin-top: 5pt; }
.sources ol { font-size: 12pt; line-height: 1.2; padding-left: 20pt; }
.sources--columns ol { columns: 2; column-gap: 22pt; }
.sources li { margin-bottom: 1pt; overflow-wrap: anywhere; break-inside: avoid; }

.lines { margin: 2pt 0 6pt; }
.line { border-bottom: 1pt solid var(--rule); height: 9mm; }
.fill { display: inline-block; border-bottom: 1pt solid var(--rule); min-width: 55mm; }
.fill--short { min-width: 25mm; }
.box { display: inline-block; width: 5.5mm; height: 5.5mm; border: 1.2pt solid var(--ink);
       border-radius: 1pt; vertical-align: -1mm; margin-right: 4pt; }
.ticks { list-style: none; padding: 0; columns: 2; column-gap: 12pt; }
.ticks li { break-inside: avoid; margin-bottom: 4pt; }
table.log { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 4pt; }
.log th, .log td { border: 1pt solid var(--rule); padding: 2pt 4pt; vertical-align: middle;
                   line-height: 1.25; }
.log thead th { font-size: 12pt; text-align: center; background: #eef2f8; }
.log th[scope=row] { text-align: left; font-weight: 700; }
.log col.log__move { width: 42%; }
.log .dose { font-weight: 400; color: var(--muted); }
.log td { text-align: center; white-space: nowrap; padding: 2pt 1pt; height: 12mm; }
.log td .box { width: 5mm; height: 5mm; margin: 0 0.5mm; }
.log tr { break-inside: avoid; }
table.plan { width: 100%; border-collapse: collapse; table-layout: fixed; }
.plan th, .plan td { border: 1pt solid var(--rule); padding: 3pt 5pt; text-align: left; }
.plan thead th { background: #eef2f8; }
.plan td { height: 12mm; }
.hint { color: var(--muted); font-size: 12pt; }
.new-page { break-before: page; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14pt; }
.columns h2 { margin-top: 0; }
"""
