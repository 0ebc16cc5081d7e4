"""A project's content/ copied into a temporary folder with a second language, for the
translation rules to be tried on: ``translated(tmp_path)`` copies content/en/ as the
"translation" (the same words, which is all these rules look at), then a test breaks it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]


def make_translated(tmp_path: Path, *languages: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content, ignore=shutil.ignore_patterns(".*"))
    listed = ["en"]
    for lang in languages:  # the project's own translation, if any, is replaced
        shutil.rmtree(content / lang, ignore_errors=True)
        shutil.copytree(content / "en", content / lang)
        listed.append(lang)
    settings = content / "settings.yml"
    lines = [f"languages: [{', '.join(dict.fromkeys(listed))}]" if line.startswith("languages:") else line
             for line in settings.read_text("utf-8").splitlines()]
    settings.write_text("\n".join(lines) + "\n", "utf-8")
    return content


@pytest.fixture
def translated(tmp_path: Path) -> Callable[..., Path]:
    return lambda *languages: make_translated(tmp_path, *(languages or ("es",)))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")
