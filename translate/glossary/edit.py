"""Glossary maintenance: list, add, update, remove, re-parse an edited concept, import; every edit locked."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from translate.errors import GlossaryError, UsageError
from translate.glossary.gloss import dump_gloss, parse_gloss
from translate.glossary.merge import MergeResult, merge_glossaries
from translate.glossary.model import Concept, Glossary, Status, Term, check_id
from translate.glossary.store import editing
from translate.langs import normalise_language

_STATUSES = {s.value: s for s in Status}


def parse_term_spec(spec: str) -> Term:
    """``LANG:TEXT[:STATUS]`` (``uk:Хай Дуонг:admitted``) as a Term; STATUS defaults to preferred.

    A TEXT may hold ':' ("Ratio 1:2"), but a last part that is a lower-case word must be a
    status, so a misspelt one ("admited") is an error rather than part of the term.
    """
    lang, sep, rest = spec.partition(":")
    lang = lang.strip()
    if not sep or not lang or not rest.strip():
        raise UsageError(f"term {spec!r} is not LANG:TEXT[:STATUS]")
    code = normalise_language(lang)  # uk-UA is uk, as in TBX and CSV imports
    if code is None:
        raise UsageError(f"term {spec!r}: {lang!r} is not a language code (uk, pl, id, ar, pt-BR, ...)")
    lang = code
    text, _, status = rest.rpartition(":")
    if text and re.fullmatch(r"[a-z]+", status) and status not in _STATUSES:
        raise UsageError(f"term {spec!r}: unknown status {status!r} (preferred, admitted, deprecated)")
    if not text or status not in _STATUSES:
        text, status = rest, "preferred"
    return Term(text, lang, _STATUSES[status])


def filter_concepts(
    glossary: Glossary, kind: str | None = None, lang: str | None = None, text: str | None = None
) -> list[Concept]:
    """Concepts of ``kind``, with terms in ``lang``, whose id, forms or terms contain ``text``."""
    needle = text.casefold() if text else None
    out = []
    for c in glossary.concepts:
        if kind and c.kind != kind:
            continue
        if lang and lang not in c.terms and lang not in ("en", "vi"):
            continue
        if needle is not None:
            langs = [lang] if lang else c.languages
            haystack = [c.id, c.en, c.vi] + [t.text for code in langs for t in c.terms_in(code)]
            if not any(needle in h.casefold() for h in haystack):
                continue
        out.append(c)
    return out


def get_concept(glossary: Glossary, concept_id: str) -> Concept:
    """The concept with ``concept_id``; a BacktransError naming the file when absent."""
    concept = glossary.get(concept_id)
    if concept is None:
        raise GlossaryError(f"no concept with id {concept_id!r}", glossary.path)
    return concept


def add_concept(path: Path | str | None, concept: Concept, *, force: bool = False) -> Concept:
    """Append ``concept`` to the glossary file (locked read-modify-write); the id must be new, and
    the result valid unless ``force`` (``translate.glossary.store.editing``)."""
    check_id(concept.id)
    with editing(path, create=True, force=force) as glossary:
        existing = glossary.get(concept.id)
        if existing is not None:
            raise GlossaryError(f"concept {concept.id!r} already exists (line {existing.line})",
                                 glossary.path)
        glossary.add(concept)
    return concept


def update_concept(
    path: Path | str | None,
    concept_id: str,
    *,
    kind: str | None = None,
    en: str | None = None,
    vi: str | None = None,
    note: str | None = None,
    add_terms: list[Term] | tuple[Term, ...] = (),
    remove_terms: list[tuple[str, str]] | tuple[tuple[str, str], ...] = (),
    force: bool = False,
) -> Concept:
    """Change fields of one concept; ``add_terms`` replace a term of the same lang and text."""
    with editing(path, force=force) as glossary:
        concept = get_concept(glossary, concept_id)
        terms = {lang: list(ts) for lang, ts in concept.terms.items()}
        for lang, text in remove_terms:
            kept = [t for t in terms.get(lang, []) if t.text != text]
            if len(kept) == len(terms.get(lang, [])):
                raise GlossaryError(f"concept {concept_id!r} has no {lang} term {text!r}", glossary.path)
            if kept:
                terms[lang] = kept
            else:
                del terms[lang]
        for term in add_terms:
            listed = terms.setdefault(term.lang, [])
            for i, t in enumerate(listed):
                if t.text == term.text:
                    listed[i] = replace(term, note=term.note or t.note, source=term.source or t.source,
                                        comment=t.comment)
                    break
            else:
                listed.append(term)
        updated = replace(concept, terms=terms, kind=concept.kind if kind is None else kind,
                          en=concept.en if en is None else en, vi=concept.vi if vi is None else vi,
                          note=concept.note if note is None else note)
        glossary.replace(updated)
    return updated


def remove_concept(path: Path | str | None, concept_id: str) -> Concept:
    """Remove one concept from the glossary file (locked); returns it."""
    with editing(path) as glossary:
        concept = get_concept(glossary, concept_id)
        glossary.remove(concept_id)
    return concept


def concept_text(concept: Concept) -> str:
    """One concept in the ``.gloss`` format (what ``edit`` opens in the editor)."""
    return dump_gloss(Glossary([concept]))


def replace_concept_text(path: Path | str | None, concept_id: str, original: str, edited: str, *,
                         force: bool = False) -> Concept:
    """Put the concept parsed from ``edited`` in place of ``concept_id``.

    ``original`` is the text the editor started from: when the concept changed in the file
    meanwhile (another editor saved first), nothing is written and an error says so.
    """
    parsed = parse_gloss(edited, "<edited concept>")
    if len(parsed) != 1:
        raise UsageError(f"the edited text must hold exactly one concept, not {len(parsed)}")
    new = parsed.concepts[0]
    check_id(new.id)
    with editing(path, force=force) as glossary:
        current = get_concept(glossary, concept_id)
        if concept_text(current) != original:
            raise GlossaryError(f"concept {concept_id!r} was changed by someone else while you edited it",
                                 glossary.path)
        if new.id != concept_id and new.id in glossary:
            raise GlossaryError(f"cannot rename to {new.id!r}: that id exists", glossary.path)
        new.line = current.line
        index = glossary.concepts.index(current)
        glossary.concepts[index] = new
        glossary.reindex()
    return new


def import_into(path: Path | str | None, source: Glossary, *, force: bool = False) -> MergeResult:
    """Merge ``source`` into the glossary file ``path`` under its lock (it may not exist yet).

    Nothing is written when the merge has conflicts, or (unless ``force``) brings validation
    problems neither glossary had (a term ``source`` gives two of its concepts is imported and
    listed in ``MergeResult.shared``).
    """
    with editing(path, create=True, force=force, tolerated=source) as glossary:
        result = merge_glossaries(glossary, source)
        if not result.conflicts:
            glossary.concepts = result.glossary.concepts
            glossary.reindex()
    return result
