"""What an attacker (or a careless paste) might type into a content field, for the
injection tests: each payload runs ``__pwned.push(ID)`` (or asks for ``/pwned/ID``) if it
ever becomes script, where ID says which payload in which field it was.

``inert`` payloads are plain text by the rules (README: "What HTML content may contain"):
stage 1 accepts them and the page shows them as written. Every other payload is a located
content error in stage 1, and shown as text if it reaches a page some other way.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A file outside content/ that a snippet payload tries to pull into the site.
SENTINEL = "SENTINEL-outside-content-7f3a"


@dataclass(frozen=True)
class Payload:
    name: str
    text: str  # "{id}" is replaced by the payload's id in a field
    inert: bool = False  # stage 1 accepts it as plain text

    def at(self, payload_id: int) -> str:
        return self.text.replace("{id}", str(payload_id))


PAYLOADS: tuple[Payload, ...] = (
    Payload("script tag", "<script>__pwned.push({id})</script>"),
    Payload("img onerror", "<img src=x onerror=__pwned.push({id})>"),
    Payload("svg onload", "<svg onload=__pwned.push({id})>"),
    Payload("script inside svg", "<svg><script>__pwned.push({id})</script></svg>"),
    Payload("javascript: link", "[read more](javascript:__pwned.push({id}))"),
    Payload("mixed-case javascript: link", "[read more](JaVaScRiPt:__pwned.push({id}))"),
    Payload("entity-obfuscated javascript: link", "[read more](java&#115;cript:__pwned.push({id}))"),
    Payload("fully encoded javascript: link",
            "[read more](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__pwned.push({id}))"),
    Payload("javascript: link split by a tab", "[read more](java\tscript:__pwned.push({id}))"),
    Payload("javascript: reference link", "[read more][r{id}]\n\n[r{id}]: javascript:__pwned.push({id})"),
    Payload("javascript: link in angle brackets", "[read more](<javascript:__pwned.push({id})>)"),
    Payload("javascript: autolink", "<javascript:__pwned.push({id})>"),
    Payload("raw a href javascript:", '<a href="javascript:__pwned.push({id})">read more</a>'),
    Payload("raw a href hex entities", '<a href="&#x6A;avascript:__pwned.push({id})">read more</a>'),
    Payload("vbscript: link", "[read more](vbscript:msgbox({id}))"),
    Payload("data: link", "[read more](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Payload("data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    Payload("remote image", "![x](https://evil.example/pwned/{id}.png)"),
    Payload("iframe", '<iframe src="javascript:__pwned.push({id})"></iframe>'),
    Payload("iframe srcdoc", '<iframe srcdoc="<script>parent.__pwned.push({id})</script>"></iframe>'),
    Payload("object", '<object data="javascript:__pwned.push({id})"></object>'),
    Payload("embed", '<embed src="javascript:__pwned.push({id})">'),
    Payload("form action", '<form action="javascript:__pwned.push({id})"><button>Go</button></form>'),
    Payload("style url(javascript:)", '<p style="background:url(javascript:__pwned.push({id}))">x</p>'),
    Payload("style expression", '<p style="width:expression(__pwned.push({id}))">x</p>'),
    Payload("style element", "<style>body{background:url(/pwned/{id})}</style>"),
    Payload("attr_list onclick on a paragraph", 'Tap here.\n{: onclick="__pwned.push({id})" }'),
    Payload("attr_list on a heading", '## Heading {: onmouseover="__pwned.push({id})" }'),
    Payload("attr_list style", "Look.\n{: style=\"background:url(/pwned/{id})\" }"),
    Payload("attr_list on a link",
            '[a link](https://example.org){: onfocus="__pwned.push({id})" autofocus }'),
    Payload("upper-case tag", "<IMG SRC=x ONERROR=__pwned.push({id})>"),
    Payload("mixed-case script", "<ScRiPt>__pwned.push({id})</sCrIpT>"),
    Payload("broken tag (no >)", "<img src=x onerror=__pwned.push({id}) x="),
    Payload("nested broken script", "<scr<script>ipt>__pwned.push({id})</script>"),
    Payload("details ontoggle", "<details open ontoggle=__pwned.push({id})>x</details>"),
    Payload("input autofocus onfocus", "<input autofocus onfocus=__pwned.push({id})>"),
    Payload("allowed tag with a handler", "<sup onclick=__pwned.push({id})>2</sup>"),
    Payload("comment trick", "<!--><img src=x onerror=__pwned.push({id})>-->"),
    Payload("mathml confusion", "<math><mtext><table><mglyph><style><img src=x onerror=__pwned.push({id})>"),
    Payload("base href", '<base href="https://evil.example/">'),
    Payload("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:__pwned.push({id})">'),
    Payload("closing script then script", "</script><script>__pwned.push({id})</script>"),
    Payload("attribute breakout", '"><img src=x onerror=__pwned.push({id})>'),
    Payload("code span holding a tag", "`<img src=x onerror=__pwned.push({id})>`"),
    Payload("abbreviation holding a tag", "*[calf]: <img src=x onerror=__pwned.push({id})>"),
    # Plain text by the rules: accepted, and shown as written.
    Payload("entity-encoded tag", "&lt;img src=x onerror=__pwned.push({id})&gt;"),
    Payload("numeric-entity script", "&#60;script&#62;__pwned.push({id})&#60;/script&#62;"),
    Payload("link title holding an encoded tag",
            '[a link](https://example.org "&lt;img src=x onerror=__pwned.push({id})&gt;")'),
    Payload("double-encoded tag", "&amp;lt;img src=x onerror=__pwned.push({id})&amp;gt;", inert=True),
    Payload("snippet include of a file outside content", '--8<-- "README.md"', inert=True),
    Payload("snippet include by absolute path", '--8<-- "/etc/hostname"', inert=True),
    Payload("snippet include of a build file", '--8<-- "leak.md"', inert=True),
    Payload("snippet block include", "--8<--\n../../secret.txt\n--8<--", inert=True),
    Payload("snippet section marker", "before --8<-- [start:x] after", inert=True),
    Payload("Jinja expression", "{{ config.site_name }} {{ 7 * 7 }}", inert=True),
    Payload("Jinja statement", '{% include "base.html" %}{% for x in range(3) %}loop{% endfor %}',
            inert=True),
    Payload("Jinja embed name outside a free page", "{{ model_report_table }}", inert=True),
    Payload("less-than sign in prose", "a pressure < 20 and 3<4", inert=True),
)


def composite(field_index: int) -> str:
    """Every payload in one text, each with an id naming the field and the payload."""
    return "\n\n".join(payload.at(field_index * 100 + n) for n, payload in enumerate(PAYLOADS))
