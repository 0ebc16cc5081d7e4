"""A translation against the first language of settings.yml: the same pages, the same facts.

Rules as data, like ``checks``: each rule is ``(first, other) -> list[ContentError]`` and
compares one translation with the first language, which every other is translated from.

- the same ids of every kind, glossary term and free page (a missing id is listed by
  name; a translation marked ``partial: true`` in its site.yml may lack pages, which
  are then shown in the first language, see ``fill_missing``);
- every claim keeps its citations; every page cites the same sources;
- exercises keep their steps and pictures; the care card keeps its levels and signs;
- ui.yml has the same sections and keys;
- ``terms.yml``: where a field of the first language holds a term, the same field of
  the translation holds that term's one translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from pydantic import BaseModel

from generators.content.context import SiteContext
from generators.content.crossrefs import strings
from generators.content.kinds import KINDS
from generators.content.markdown import citations, plain_text
from generators.errors import ContentError

#: Fields that hold ids and choices, not words: the term list does not apply.
_NOT_PROSE = {"id", "refs", "picture", "related", "charts", "widgets", "risk_factors", "kind", "changeable",
              "level", "page", "shown_on", "admonition", "review", "preset"}

Rule = Callable[[SiteContext, SiteContext], list[ContentError]]


def _ids(ctx: SiteContext) -> dict[str, tuple[str, set[str]]]:
    """What must exist in every language: where it lives (for messages) → its ids."""
    found = {f"content/{ctx.lang}/{kind.folder}/": (kind.name, set(ctx.items_of(kind.name)))
             for kind in KINDS}
    found[f"content/{ctx.lang}/pages/"] = ("page", set(ctx.pages))
    found[f"content/{ctx.lang}/glossary.yml"] = ("glossary term", set(ctx.glossary))
    return found


def same_ids(first: SiteContext, other: SiteContext,
             broken: AbstractSet[str] = frozenset()) -> list[ContentError]:
    """``broken``: ids whose file exists but failed to load (reported already, not missing)."""
    errors = []
    theirs = _ids(other)
    for (where, (what, ids)), (other_where, (_, other_ids)) in zip(_ids(first).items(), theirs.items(),
                                                                   strict=True):
        missing = sorted(ids - other_ids - broken)
        extra = sorted(other_ids - ids)
        if missing and not other.site.partial:
            errors.append(ContentError(
                other_where, "", f"every {what} of {where} translated, with the same ids",
                f"{len(missing)} missing: {', '.join(missing)}",
                f"translate them (same file names), or mark the translation unfinished with "
                f"'partial: true' in content/{other.lang}/site.yml"))
        if extra:
            errors.append(ContentError(
                other_where, "", f"only ids that {where} has", f"{', '.join(extra)}",
                f"add them to content/{first.lang}/ first, or correct the file names"))
    return errors


def _pairs(first: SiteContext, other: SiteContext) -> Iterable[tuple[str, BaseModel, BaseModel]]:
    """(file the translation was read from, first-language item, translated item)."""
    for kind in KINDS:
        mine = first.items_of(kind.name)
        for item_id, item in other.items_of(kind.name).items():
            if item_id in mine and f"{kind.name}:{item_id}" not in other.fallback:
                yield other.source_of(kind.name, item_id), mine[item_id], item


def same_citations(first: SiteContext, other: SiteContext) -> list[ContentError]:
    errors = []
    for source, mine, theirs in _pairs(first, other):
        claims, other_claims = getattr(mine, "evidence", []), getattr(theirs, "evidence", [])
        if len(claims) != len(other_claims):
            errors.append(ContentError(
                source, "evidence", f"{len(claims)} claims, as in content/{first.lang}/",
                f"{len(other_claims)}", "translate each claim, in the same order"))
        for index, (claim, other_claim) in enumerate(zip(claims, other_claims, strict=False)):
            if sorted(claim.refs) != sorted(other_claim.refs):
                errors.append(ContentError(
                    source, f"evidence[{index}].refs",
                    f"the sources of the original claim ({', '.join(claim.refs)})",
                    ", ".join(other_claim.refs) or "none", "keep every claim's citations as they are"))
        cited = {r for _path, text in strings(mine) for r in citations(text)}
        other_cited = {r for _path, text in strings(theirs) for r in citations(text)}
        if cited != other_cited:
            lost, added = sorted(cited - other_cited), sorted(other_cited - cited)
            errors.append(ContentError(
                source, "", f"the same citations as content/{first.lang}/",
                "; ".join(part for part in (f"missing {', '.join(lost)}" if lost else "",
                                            f"new {', '.join(added)}" if added else "") if part),
                "keep each [@reference-id] with the sentence it supports"))
    return errors


def same_steps(first: SiteContext, other: SiteContext) -> list[ContentError]:
    errors = []
    for exercise_id, theirs in other.exercises.items():
        mine = first.exercises.get(exercise_id)
        if mine is None or f"exercise:{exercise_id}" in other.fallback:
            continue
        source = other.source_of("exercise", exercise_id)
        if len(mine.steps) != len(theirs.steps):
            errors.append(ContentError(
                source, "steps", f"{len(mine.steps)} steps, as in content/{first.lang}/",
                f"{len(theirs.steps)}", "translate each step on its own"))
        pictures = [p.picture for p in mine.pictures]
        if pictures != [p.picture for p in theirs.pictures]:
            errors.append(ContentError(source, "pictures", f"the pictures {', '.join(pictures) or '(none)'}",
                                       ", ".join(p.picture for p in theirs.pictures) or "none",
                                       "keep the same pictures in the same order; translate only the "
                                       "alt text"))
    return errors


def same_care(first: SiteContext, other: SiteContext) -> list[ContentError]:
    source = f"content/{other.lang}/care.yml"
    levels = [level.id for level in first.care.levels]
    flags = [(flag.id, flag.level) for flag in first.care.red_flags]
    errors = []
    if [level.id for level in other.care.levels] != levels:
        errors.append(ContentError(source, "levels", f"the levels {', '.join(levels)}, in that order",
                                   ", ".join(level.id for level in other.care.levels),
                                   f"keep the ids and order of content/{first.lang}/care.yml"))
    if [(flag.id, flag.level) for flag in other.care.red_flags] != flags:
        errors.append(ContentError(source, "red_flags", "the same signs at the same levels: "
                                   + ", ".join(f"{i} ({level})" for i, level in flags),
                                   ", ".join(f"{flag.id} ({flag.level})" for flag in other.care.red_flags),
                                   f"keep the ids, levels and order of content/{first.lang}/care.yml"))
    return errors


def same_words(first: SiteContext, other: SiteContext) -> list[ContentError]:
    """ui.yml: the same sections and keys (a missing key would stop the build later). Not
    compared when either file did not load: its own error says why, and a comparison with
    nothing would list every key."""
    if not first.ui or not other.ui:
        return []
    mine = {(section, key) for section, words in first.ui.items() for key in words}
    theirs = {(section, key) for section, words in other.ui.items() for key in words}
    errors = []
    missing = sorted(mine - theirs)
    if missing and not other.site.partial:
        errors.append(ContentError(f"content/{other.lang}/ui.yml", "",
                                   f"every key of content/{first.lang}/ui.yml",
                                   f"{len(missing)} missing: " + ", ".join(f"{s}.{k}" for s, k in missing),
                                   "translate them under the same section and key"))
    extra = sorted(theirs - mine)
    if extra:
        errors.append(ContentError(f"content/{other.lang}/ui.yml", "",
                                   f"only keys content/{first.lang}/ui.yml has",
                                   ", ".join(f"{s}.{k}" for s, k in extra),
                                   f"add them to content/{first.lang}/ui.yml first, or remove them"))
    return errors


RULES: list[Rule] = [same_citations, same_steps, same_care, same_words]


def check_translation(first: SiteContext, other: SiteContext,
                      broken: AbstractSet[str] = frozenset()) -> list[ContentError]:
    return same_ids(first, other, broken) + [error for rule in RULES for error in rule(first, other)]


def _pattern(term: str, lang: str) -> re.Pattern[str]:
    """Where a term occurs in running text. Upper-case letters (WHO, DVT) must match as
    written, other terms in any case. An English term may take a plural -s/-es. In a
    translation each word may change its last letters (agreement: vena/venas,
    hinchado/hinchada), a leading article may change (el NICE, del NICE), and a term
    written with its explanation, "la OMS (Organización Mundial de la Salud)", may be
    either half alone after its first use."""
    flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
    if lang == "en":
        return re.compile(rf"(?<!\w){re.escape(term)}(?:e?s)?(?!\w)", flags)
    forms = [term]
    outer = re.fullmatch(r"(.+?)\s*\((.+)\)", term)
    if outer:
        forms += [outer.group(1), outer.group(2)]
    alternatives = []
    for form in forms:
        form = re.sub(r"^(?:el|la|los|las)\s+", "", form.strip())
        words = []
        for part in re.split(r"(\W+)", form):
            if re.fullmatch(r"\w{4,}", part) and not part.isupper():
                words.append(re.escape(re.sub(r"(?:[aeo]s?|es|s)$", "", part)) + r"\w{0,3}")
            else:
                words.append(re.escape(part))
        alternatives.append("".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", flags)


def term_errors(first: SiteContext, other: SiteContext, pairs: list[Mapping[str, str]]) -> list[ContentError]:
    """Where a first-language field holds a term of ``terms.yml``, the translated field holds
    its translation: one English term is never translated two ways. Where terms overlap
    ("calf raises" and "calf"), the longer one is the term used there."""
    usable = sorted(((p[first.lang], p[other.lang]) for p in pairs if first.lang in p and other.lang in p),
                    key=lambda pair: -len(pair[0]))
    patterns = [(_pattern(term, first.lang), term, _pattern(translation, other.lang), translation)
                for term, translation in usable]
    errors = []
    for source, mine, theirs in _pairs(first, other):
        translated = dict(strings(theirs))
        for path, text in strings(mine):
            target = translated.get(path)
            if target is None or _NOT_PROSE.intersection(p for p in path if isinstance(p, str)):
                continue
            text, target = plain_text(text), plain_text(target)  # not the ids in item links
            taken: list[tuple[int, int]] = []
            for found, term, wanted, translation in patterns:
                spans = [m.span() for m in found.finditer(text)
                         if not any(a < m.end() and m.start() < b for a, b in taken)]
                if not spans:
                    continue
                taken += spans
                if not wanted.search(target):
                    key = ".".join(p if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
                    errors.append(ContentError(
                        source, key,
                        f"'{translation}', the translation of '{term}' in content/{other.lang}/terms.yml",
                        f"'{target[:60]}'",
                        "use the term list's word (or add the form you need to terms.yml)"))
    return errors


def fill_missing(first: SiteContext, other: SiteContext) -> SiteContext:
    """A partial translation: pages it lacks come from the first language, marked in
    ``fallback`` so their page says so."""
    items = {kind.name: dict(other.items_of(kind.name)) for kind in KINDS}
    fallback = set(other.fallback)
    for kind in KINDS:
        for item_id, item in first.items_of(kind.name).items():
            if item_id not in items[kind.name]:
                items[kind.name][item_id] = item
                fallback.add(f"{kind.name}:{item_id}")
    pages, bodies = dict(other.pages), dict(other.page_bodies)
    for page_id, page in first.pages.items():
        if page_id not in pages:
            pages[page_id], bodies[page_id] = page, first.page_bodies[page_id]
            fallback.add(f"page:{page_id}")
    glossary = {**first.glossary, **other.glossary}
    ui = {section: {**words, **other.ui.get(section, {})} for section, words in first.ui.items()}
    return replace(other, items=items, pages=pages, page_bodies=bodies, glossary=glossary, ui=ui,
                   fallback=frozenset(fallback))
