"""Links in an embed view lead out of the frame, to the page they mean (generators/embeds/links.py)."""

from __future__ import annotations

from generators.embeds.links import rebase, retarget

PAGE = "embed/checklist/"


def test_a_link_inside_the_page_stays_in_the_frame() -> None:
    assert retarget('<a href="#source-1">1</a>', PAGE) == '<a href="#source-1">1</a>'


def test_links_to_other_pages_and_sites_open_in_a_new_tab() -> None:
    assert retarget('<a href="../../topics/calf-pump/">x</a>', PAGE) == (
        '<a href="../../topics/calf-pump/" target="_blank" rel="noopener">x</a>')
    assert retarget('<a class="x" href="https://doi.org/10.1/x">d</a>', PAGE) == (
        '<a class="x" href="https://doi.org/10.1/x" target="_blank" rel="noopener">d</a>')


def test_a_link_written_for_the_full_page_leads_to_the_page_it_meant() -> None:
    """A widget's block is made once, for the full page one folder up: from the embed view
    its ../risk-factors/ would land in embed/risk-factors/."""
    assert retarget('<a href="../risk-factors/obesity/#why">o</a>', PAGE) == (
        '<a href="../../risk-factors/obesity/#why" target="_blank" rel="noopener">o</a>')


def test_a_link_that_already_opens_elsewhere_keeps_its_target() -> None:
    tag = '<a href="../../x/" target="_top">x</a>'
    assert retarget(tag, PAGE) == tag


def test_relative_links_in_content_get_one_more_folder_up_and_nothing_else_changes() -> None:
    text = ("See [the list](../references.md), [the model](about/model-comparison.md#top), "
            "[pumps](exercise:ankle-pumps), [NHS](https://www.nhs.uk/) and [below](#when).")
    assert rebase(text) == (
        "See [the list](../../references.md), [the model](../about/model-comparison.md#top), "
        "[pumps](exercise:ankle-pumps), [NHS](https://www.nhs.uk/) and [below](#when).")
