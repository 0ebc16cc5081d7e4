"""Regenerate tests/golden/mini/ after an intended change: python -m tests.generators.update_golden

It first copies content/en/ui.yml (the interface's words) into the fixture project, which
speaks the same interface words as the site (tests/generators/i18n/test_parity.py)."""

from __future__ import annotations

import shutil

from tests.generators.golden import FIXTURE, GOLDEN, PROJECT_UI, render_fixture


def main() -> None:
    shutil.copyfile(PROJECT_UI, FIXTURE / "en" / "ui.yml")
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, text in render_fixture().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(list(GOLDEN.rglob('*.*')))} golden files to {GOLDEN}")


if __name__ == "__main__":
    main()
