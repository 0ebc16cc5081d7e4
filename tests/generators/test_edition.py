"""Editions: each gets its own generated-docs folder, and builds of one project take turns."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from generators.edition import Edition, build_lock


def test_the_generic_english_edition_keeps_the_folder_mkdocs_yml_names(tmp_path: Path) -> None:
    assert Edition().docs_dir(tmp_path) == tmp_path / "build" / "docs"
    assert Edition().key == "en"


def test_every_other_edition_is_generated_into_a_folder_of_its_own(tmp_path: Path) -> None:
    spanish = Edition(lang="es")
    clinic = Edition(lang="es", clinic=Path("clinics/acme.yml"))
    assert spanish.docs_dir(tmp_path) == tmp_path / "build" / "editions" / "es" / "docs"
    assert clinic.key == "clinic-acme-es"
    assert len({e.docs_dir(tmp_path) for e in (Edition(), spanish, clinic)}) == 3


def test_a_second_build_of_the_same_project_waits_for_the_first(tmp_path: Path) -> None:
    order: list[str] = []

    def second() -> None:
        with build_lock(tmp_path):
            order.append("second starts")

    with build_lock(tmp_path):
        order.append("first starts")
        waiting = threading.Thread(target=second)
        waiting.start()
        time.sleep(0.2)  # the second build is blocked on the lock meanwhile
        order.append("first ends")
    waiting.join(timeout=5)
    assert order == ["first starts", "first ends", "second starts"]
