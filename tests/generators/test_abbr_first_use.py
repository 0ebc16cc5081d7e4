"""A glossary term carries its tooltip where the reader first meets it, and only there."""

from __future__ import annotations

from generators.pages.abbr import first_use_only

DVT = 'Deep vein thrombosis: a blood clot in a deep leg vein.'


def test_only_the_first_use_of_each_term_keeps_its_tooltip() -> None:
    html = (f'<p>A <abbr title="{DVT}">DVT</abbr> is a clot. A <abbr title="Valve: a flap.">valve</abbr> '
            f'stops it.</p><p>Signs of <abbr title="{DVT}">DVT</abbr> and <abbr title="{DVT}">deep vein '
            'thrombosis</abbr>: one swollen leg.</p>')
    out = first_use_only(html)
    assert out.count("<abbr") == 2
    assert out == (f'<p>A <abbr title="{DVT}">DVT</abbr> is a clot. '
                   'A <abbr title="Valve: a flap.">valve</abbr> stops it.</p>'
                   '<p>Signs of DVT and deep vein thrombosis: one swollen leg.</p>')


def test_a_page_without_glossary_terms_is_left_exactly_as_it_was() -> None:
    html = "<p>Walk every hour.</p>"
    assert first_use_only(html) == html
