"""Read one content file's bytes as text, or say exactly why it cannot be read.

A content file is UTF-8 text of at most ``MAX_BYTES`` bytes that lives inside content/.
What editors' tools commonly produce is accepted and normalised: a UTF-8 byte-order
mark (dropped) and Windows or old Mac line endings (turned into ``\\n``). Everything else
is a located ``ContentError``: a link that leaves content/, a file that is too large, a
binary file (a picture or document saved as .yml), text saved as UTF-16/32 or in a legacy
code page (Latin-1, Windows-1252), and control characters, which arrive with text pasted
from a word processor and which YAML refuses.
"""

from __future__ import annotations

import re
from pathlib import Path

from generators.errors import ContentError

MAX_BYTES = 512 * 1024
SAVE_AS_UTF8 = "save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"

_WIDE_BOMS = (  # longest first: the UTF-32 little-endian mark starts like UTF-16's
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
#: What YAML calls non-printable (PyYAML's reader), plus NEL (U+0085), which YAML counts as
#: a line break but an editor does not, so line numbers would drift.
_CONTROL = re.compile("[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_NAMES = {
    0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab",
    0x0C: "form feed", 0x1B: "escape", 0x7F: "delete",
    0x85: "next line", 0xFFFE: "a non-character", 0xFFFF: "a non-character",
}


class Unreadable(Exception):
    """A content file that cannot be read as content; carries its located errors."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__("; ".join(map(str, errors)))
        self.errors = errors


def read_text(path: Path, rel: str, root: Path) -> str:
    """The text of ``path`` (``rel`` names it in messages; ``root`` is content/, resolved),
    with a UTF-8 BOM removed and line endings made ``\\n``; or ``Unreadable``."""

    def refuse(expected: str, received: str, hint: str, line: int | None = None) -> Unreadable:
        return Unreadable([ContentError(rel, "", expected, received, hint, line)])

    target = path.resolve()
    if not target.is_relative_to(root):
        raise refuse("a file inside content/", f"a link to {target}, outside content/",
                     "copy the file into content/ instead of linking to it")
    if target.is_dir():
        raise refuse("a file", "a folder", "move the folder's files where they belong and delete the folder")
    if not target.is_file():
        raise refuse("a file", "something that is neither a file nor a folder (a pipe or a device)",
                     "remove it")
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise refuse(f"a file of at most {MAX_BYTES} bytes ({MAX_BYTES // 1024} KB)", f"{size} bytes",
                     "split it into smaller files, or remove what is not content (a pasted picture or log)")
    data = target.read_bytes()
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise refuse("text saved as UTF-8", f"text saved as {name}", SAVE_AS_UTF8)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise refuse("text saved as UTF-8", "text saved as UTF-16", SAVE_AS_UTF8)
        raise refuse("a text file", "a binary file (it holds NUL bytes, like a picture or a document)",
                     "move it out of content/ if it is a picture or a document; if it is a content file, "
                     "open it in a text editor and save it as UTF-8",
                     data.count(b"\n", 0, data.index(b"\x00")) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        means = f", where it means '{guess}'" if guess.isprintable() and guess != "\ufffd" else ""
        raise refuse("text saved as UTF-8",
                     f"the byte 0x{byte:02X} at column {column}, which is not UTF-8 (the file was saved as "
                     f"Latin-1 or Windows-1252{means})", SAVE_AS_UTF8, line) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    errors = [
        ContentError(rel, "", "printable text", f"a control character ({_name(match.group())}) at column "
                     f"{match.start() + 1}", "delete it (such characters come with text pasted from a word "
                     "processor), and type a space or a line break instead if one was meant", number)
        for number, line_text in enumerate(text.split("\n"), start=1)
        if (match := _CONTROL.search(line_text))
    ]
    if errors:
        raise Unreadable(errors)
    return text


def _name(char: str) -> str:
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    return f"U+{code:04X}, {name}" if name else f"U+{code:04X}"


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: in mostly-ASCII text every other byte is NUL."""
    sample = data[:4096]
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)
