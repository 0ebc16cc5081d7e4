"""The self-hosted font (Atkinson Hyperlegible, from the pinned @fontsource npm package),
cut down to the characters the site uses.

Every face keeps Basic Latin and Latin-1 (so Spanish, French or German text always has
its letters, whatever the content holds today) plus every other character the generated
pages use that the font has (curly quotes, dashes, arrows...). Hinting is dropped (modern
screens do not use it, and it is half the file); kerning and the other layout features
stay. About 9 KB a face instead of 17. ``assets/stylesheets/site.css`` declares the
faces with ``font-display: swap``; a browser fetches a face only when a page shows text
in it, so pages without italics fetch no italic file.

Cut files are cached under ``build/cache/fonts/`` by a hash of the face, the characters
and ``SUBSET_VERSION``.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from generators.errors import BuildError

#: Bump when the options below change, so cached files are cut again.
SUBSET_VERSION = "1"
PACKAGE = "@fontsource/atkinson-hyperlegible/files"
FACES = tuple(f"atkinson-hyperlegible-latin-{weight}-{style}.woff2"
              for weight in (400, 700) for style in ("normal", "italic"))
SITE_FOLDER = "assets/fonts"
#: Basic Latin and Latin-1 Supplement, printable: always kept.
LATIN = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
_FEATURES = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "case"]


def used_characters(texts: Iterable[str]) -> frozenset[int]:
    """Latin and Latin-1, plus every character in ``texts`` (the pages' Markdown)."""
    used = set(LATIN)
    for text in texts:
        used.update(ord(ch) for ch in text if ch.isprintable())
    return frozenset(used)


def font_files(project: Path, texts: Iterable[str]) -> dict[str, bytes]:
    """{site path: cut woff2} for every face, keeping the characters in ``texts``."""
    source = project / "node_modules" / PACKAGE
    characters = used_characters(texts)
    cache = project / "build" / "cache" / "fonts"
    out: dict[str, bytes] = {}
    for name in FACES:
        path = source / name
        if not path.is_file():
            raise BuildError(f"{path} is missing: the front-end packages are not installed. "
                             "Run `npm ci` in the project folder (./dev build does it for you).")
        data = path.read_bytes()
        key = hashlib.sha256(SUBSET_VERSION.encode() + data
                             + ",".join(map(str, sorted(characters))).encode()).hexdigest()[:32]
        cached = cache / f"{name.removesuffix('.woff2')}-{key}.woff2"
        if not cached.is_file():
            cache.mkdir(parents=True, exist_ok=True)
            _write_atomically(cached, subset_woff2(data, characters))
        out[f"{SITE_FOLDER}/{name}"] = cached.read_bytes()
    return out


def subset_woff2(font: bytes, characters: Iterable[int]) -> bytes:
    """``font`` (woff2) with only the glyphs for ``characters`` that it has, no hinting."""
    from fontTools import subset  # type: ignore[import-untyped]  # fontTools ships no type hints
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    face = TTFont(io.BytesIO(font))
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = _FEATURES
    options.name_IDs = [1, 2, 3, 4, 5, 6]  # family, style, version: what a font viewer shows
    options.notdef_outline = True
    cut = subset.Subsetter(options)
    cmap = set(face.getBestCmap())
    cut.populate(unicodes=sorted(cmap & set(characters)))
    cut.subset(face)
    out = io.BytesIO()
    face.save(out)
    return out.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    """Another build may read the cache at the same time: never show it half a file."""
    fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(temp, path)
