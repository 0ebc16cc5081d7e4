"""Regenerate tests/golden/mini/ after an intended change: python -m tests.generators.update_golden"""

from __future__ import annotations

import shutil

from tests.generators.golden import GOLDEN, render_fixture


def main() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, text in render_fixture().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(list(GOLDEN.rglob('*.*')))} golden files to {GOLDEN}")


if __name__ == "__main__":
    main()
