"""The self-hosted font is cut to the characters the site uses: every Latin and Latin-1
letter (Spanish always works), the other characters the pages hold, and nothing else."""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fontTools ships no type hints

from generators.fonts import FACES, PACKAGE, SITE_FOLDER, font_files

PROJECT = Path(__file__).resolve().parents[2]


def _characters(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def test_every_face_keeps_latin_1_and_the_pages_characters_and_drops_the_rest(tmp_path: Path) -> None:
    (tmp_path / "node_modules").symlink_to(PROJECT / "node_modules")
    files = font_files(tmp_path, ["Walk \u2022 rest \u201cten\u201d times \u2014 ma\u00f1ana"])
    assert sorted(files) == sorted(f"{SITE_FOLDER}/{face}" for face in FACES)
    for face in FACES:
        original = (PROJECT / "node_modules" / PACKAGE / face).read_bytes()
        cut = files[f"{SITE_FOLDER}/{face}"]
        kept = _characters(cut)
        wanted = "a\u00f1\u00e9\u00bf\u00a1\u00fc\u00e7\u00df\u00c1\u2022\u201c\u201d\u2014"
        assert {ord(c) for c in wanted} <= kept
        assert 0x2039 in _characters(original) and 0x2039 not in kept  # \u2039: in the font, not used
        assert len(cut) < 0.7 * len(original)
        assert cut[:4] == b"wOF2"


def test_a_second_build_reads_the_cut_fonts_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / "node_modules").symlink_to(PROJECT / "node_modules")
    first = font_files(tmp_path, ["caf\u00e9"])
    cached = sorted((tmp_path / "build" / "cache" / "fonts").glob("*.woff2"))
    assert len(cached) == len(FACES)
    stamps = [path.stat().st_mtime_ns for path in cached]
    assert font_files(tmp_path, ["caf\u00e9"]) == first
    assert [path.stat().st_mtime_ns for path in cached] == stamps  # read, not cut again
