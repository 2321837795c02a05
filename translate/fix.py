"""Rewrite a translation to the glossary's preferred spellings, each in the case of the form it replaces.

Every rendering of a concept that is not its canonical form in the text's language is replaced:
an admitted or deprecated term, the concept's en/vi spelling written in another script, a spelling
that differs only by diacritics or spacing (vi: the diacritics restored), a suspected new spelling
of the fuzzy tier, and for a Vietnamese personal name no glossary holds, each spelling of the
person but the text's commonest. The language module says which slot (case and number) the old
form is in and writes the preferred term in it (``Language.inflect_like``: "Хай Дуонгом" →
"Хайзионгом"), capitalised as the glossary writes it, in all capitals where the old form was,
with a capital first letter where the old form had one. A form that could be two slots in which the
preferred term differs, or a name two units bear, is listed and left alone unless ``choose``.

Only the replaced spans change: everything else in the text is kept character for character.
"""

from __future__ import annotations

import difflib
import json
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum
from itertools import accumulate
from pathlib import Path
from typing import Any

from translate.files import atomic_write_bytes, decode_text, read_bytes
from translate.formats.bilingual import (
    MAX_BYTES,
    SUFFIXES,
    bilingual_kind,
    parse_bilingual,
    replace_xlz_member,
    xlz_member,
)
from translate.formats.targets import (
    edit_po_targets,
    edit_targets,
    find_po_targets,
    find_targets,
)
from translate.glossary.model import Glossary, Status
from translate.langs import get_language
from translate.pipeline.read import TEXT_SUFFIXES, expand_inputs
from translate.pipeline.verify import verify
from translate.pipeline.write import (
    TRANSLATION_SUFFIX,
    output_language,
    read_translations,
)
from translate.terms import How, Match, People, find_terms, is_name
from translate.terms.judge import preferred_term

_REWRITTEN = frozenset(s for s, kind in SUFFIXES.items() if kind in ("tmx", "xliff", "xlz", "po"))  # rewritten in place
_BOM = "\ufeff"
STDIN = "-"  # the text read from standard input


class Rule(str, Enum):
    """Why a span is rewritten (its text value is what the JSON output says)."""

    ADMITTED = "admitted"  # an admitted term of the concept
    DEPRECATED = "deprecated"  # a deprecated term
    SPELLING = "spelling"  # the preferred term written without its diacritics, spaces or letters as listed
    OTHER_LANGUAGE = "other-language"  # the concept's en or vi spelling in a text of another language
    VARIANT = "variant"  # a concept with no preferred form in the language: the text's commonest rendering
    UNLISTED = "unlisted"  # a suspected new spelling (the fuzzy tier)
    PERSON = "person"  # another spelling of a personal name no glossary holds

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Change:
    """One span of the text: ``old`` (at ``line``, [``start``, ``end``) in the line, ``offset`` in
    the text) rewritten to ``new`` for ``concept``; not ``applied`` when ``choices`` holds several
    forms (or none) and nothing decided."""

    line: int
    start: int
    end: int
    offset: int
    old: str
    new: str
    concept: str
    rule: Rule
    applied: bool = True
    choices: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "start": self.start, "end": self.end, "offset": self.offset, "old": self.old,
                "new": self.new, "concept": self.concept, "rule": self.rule.value, "applied": self.applied,
                "choices": list(self.choices)}


# Asked about each change with the text of its line: returns it as it is, not applied, or with
# another of its choices (``backtrans fix --interactive``).
Decide = Callable[[Change, str], Change]


def fix_text(text: str, lang: str, glossary: Glossary, *, choose: bool = False, fuzzy: bool = True,
             discover: bool = True, decide: Decide | None = None) -> tuple[str, list[Change]]:
    """``text`` (in ``lang``) with every rendering of a concept rewritten to its preferred form, and
    the changes in text order (those ``applied`` False were left alone: ambiguous). ``choose``
    takes the first of several forms (the language's first slot); ``fuzzy``: also suspected new
    spellings; ``discover``: also the spellings of one unlisted person; ``decide`` is asked
    about each change before it is made."""
    matches = find_terms(text, lang, glossary, fuzzy=fuzzy, people=People() if discover else None)
    wanted = _preferred(matches, lang, glossary)
    changes = [c for m in matches if (c := _change(text, m, lang, glossary, wanted, choose)) is not None]
    if decide is not None:
        lines = text.split("\n")
        changes = [decide(c, lines[c.line - 1]) for c in changes]
    return apply_changes(text, changes), changes


def apply_changes(text: str, changes: list[Change]) -> str:
    """``text`` with each applied change's span replaced by its ``new`` form."""
    pieces, at = [], 0
    for change in sorted((c for c in changes if c.applied), key=lambda c: c.offset):
        pieces += [text[at:change.offset], change.new]
        at = change.offset + len(change.old)
    return "".join(pieces) + text[at:]


def _preferred(matches: list[Match], lang: str, glossary: Glossary) -> dict[str, str]:
    """concept id → the term its renderings become (``judge.preferred_term``)."""
    terms: dict[str, list[str]] = {}
    for m in matches:
        if m.how is not How.FUZZY:
            terms.setdefault(m.concept, []).append(m.term)
    out = {}
    for concept_id, rendered in terms.items():
        concept = glossary.get(concept_id)
        out[concept_id] = preferred_term(concept.canonical(lang) if concept is not None else "", Counter(rendered))
    return out


def _change(text: str, m: Match, lang: str, glossary: Glossary, wanted: dict[str, str], choose: bool) -> Change | None:
    if m.canonical and m.how is not How.DISCOVERED:  # a discovered name is "canonical" as written
        return None
    concept = glossary.get(m.concept)
    if m.how is How.DISCOVERED:
        preferred, name, rule = wanted.get(m.concept, ""), True, Rule.PERSON
    elif concept is not None:
        canonical = concept.canonical(lang)
        preferred, name, rule = wanted.get(m.concept) or canonical, is_name(concept), _rule(m, canonical)
    else:
        return None
    if not preferred or m.term == preferred and m.how not in (How.FOLDED, How.FUZZY):
        return None  # a declined form of the preferred term, or nothing to prefer
    if concept is not None and len({(glossary.get(c) or concept).canonical(lang) for c in m.candidates}) > 1:
        # a name several units bear, written differently: which one?
        return Change(m.line, m.start, m.end, m.offset, m.surface, m.surface, m.concept, rule, False)
    before = _word_start(text, m)
    rewritten = get_language(lang).rewrite(before, m.surface, m.term, preferred, name=name)
    old = before + m.surface
    forms = list(dict.fromkeys(_cased_like(f, old) for f in rewritten))
    if old in forms:
        return None
    start, offset = m.start - len(before), m.offset - len(before)
    if len(forms) == 1 or forms and choose:
        return Change(m.line, start, m.end, offset, old, forms[0], m.concept, rule, True, tuple(forms))
    return Change(m.line, start, m.end, offset, old, old, m.concept, rule, False, tuple(forms))


def _word_start(text: str, m: Match) -> str:
    """The letters of the surface's word before it (Arabic proclitics: "وب" of "وبنينه بينه")."""
    line_start = m.offset - m.start
    at = m.offset
    while at > line_start and text[at - 1].isalpha():
        at -= 1
    return text[at:m.offset]


def _rule(m: Match, canonical: str) -> Rule:
    if m.how is How.FUZZY:
        return Rule.UNLISTED
    if m.status is None:
        return Rule.OTHER_LANGUAGE
    if not canonical or m.status is Status.PREFERRED and m.term != canonical:
        return Rule.VARIANT
    if m.status is Status.DEPRECATED:
        return Rule.DEPRECATED
    if m.status is Status.ADMITTED:
        return Rule.ADMITTED
    return Rule.SPELLING


def _cased_like(form: str, surface: str) -> str:
    """``form`` as the glossary capitalises it, but all capitals where ``surface`` is in all
    capitals and a capital first letter where ``surface`` has one (a sentence's start)."""
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return form.upper()
    if form and surface[:1].isupper() and form[0].islower():
        return form[0].upper() + form[1:]
    return form


@dataclass(frozen=True)
class FixedFile:
    """A text file's fix: its text before and after, whether it starts with a byte order mark;
    for an XLZ package, the package and its XLIFF member's name (the text is the member's)."""

    path: Path
    original: str
    text: str
    changes: list[Change]
    bom: bool = False
    package: tuple[bytes, str] | None = None

    @property
    def applied(self) -> list[Change]:
        return [c for c in self.changes if c.applied]

    @property
    def ambiguous(self) -> list[Change]:
        return [c for c in self.changes if not c.applied]

    def data(self) -> bytes:
        """The fixed file's bytes: UTF-8, its byte order mark kept (an XLZ: the package with its
        fixed member)."""
        data = ((_BOM if self.bom else "") + self.text).encode("utf-8")
        return data if self.package is None else replace_xlz_member(self.package[0], self.package[1], data)

    def write(self, path: Path | str | None = None) -> None:
        """Write the fixed text to ``path`` (default: over the file itself, its mode kept), atomically."""
        atomic_write_bytes(self.path if path is None else path, self.data())

    def diff(self) -> list[str]:
        """A unified diff of the lines that change (no trailing newlines)."""
        before, after = self.original.splitlines(), self.text.splitlines()
        name = str(self.path)
        return list(difflib.unified_diff(before, after, f"{name}", f"{name} (fixed)", n=0, lineterm=""))


def fix_file(path: Path | str, lang: str, glossary: Glossary, *, choose: bool = False, fuzzy: bool = True,
             discover: bool = True, decide: Decide | None = None) -> FixedFile:
    """Fix a UTF-8 text file (``fix_text``; ``-``: standard input), the targets of a TMX, XLIFF
    (an XLZ package's too) or PO file (inline codes, sources and markup untouched) or
    translate's JSON Lines; nothing is written until ``FixedFile.write``. Line endings, the byte
    order mark and every byte outside the replaced spans are kept."""
    if str(path) == STDIN:  # a plain text on standard input
        text = sys.stdin.read()
        fixed, changes = fix_text(text, lang, glossary, choose=choose, fuzzy=fuzzy, discover=discover, decide=decide)
        return FixedFile(Path(STDIN), text, fixed, changes)
    path = Path(path)
    kind = bilingual_kind(path)
    data = read_bytes(path) if kind is None else read_bytes(path, MAX_BYTES)
    package = None
    if kind == "xlz":  # its XLIFF member fixed, the package made again around it
        member, content = xlz_member(data, path)
        package, kind, data = (data, member), "xliff", content
    if kind is not None:
        parse_bilingual(data, path, kind, lang)  # what the readers refuse (entities, another target language) is refused here
    text = decode_text(data, path)
    bom = data.startswith(_BOM.encode("utf-8"))
    if path.suffix == TRANSLATION_SUFFIX and output_language(path) is not None:
        return _fix_records(path, text, lang, glossary, choose=choose, fuzzy=fuzzy, discover=discover, decide=decide)
    if kind is None:
        fixed, changes = fix_text(text, lang, glossary, choose=choose, fuzzy=fuzzy, discover=discover, decide=decide)
        return FixedFile(path, text, fixed, changes, bom)
    raw = data[len(_BOM.encode("utf-8")):] if bom else data
    targets = find_po_targets(raw, path) if kind == "po" else find_targets(raw, path, kind, lang)
    edits, changes = [], []
    for i, at, c in _fix_pieces([t.text for t in targets], lang, glossary, choose=choose, fuzzy=fuzzy,
                                discover=discover, decide=decide):
        span = targets[i].raw_span(at, at + len(c.old))
        if span is None:  # across inline markup, an entity or strings: left for a person, placed at its target
            at_target = targets[i].pieces[0].start if targets[i].pieces else 0
            changes.append(_in_file(replace(c, new=c.old, applied=False), raw, at_target))
            continue
        if c.applied:
            edits.append((span[0], span[1], c.new))
        changes.append(_in_file(c, raw, span[0]))
    fixed = (edit_po_targets if kind == "po" else edit_targets)(raw, edits).decode("utf-8")
    return FixedFile(path, text, fixed, changes, bom, package)


def _fix_pieces(texts: list[str], lang: str, glossary: Glossary, **options: Any) -> list[tuple[int, int, Change]]:
    """``fix_text`` over ``texts`` as one document (a line each, so that the text's commonest
    rendering and each person's form are the document's): each change with the index of its text
    and its offset there."""
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    _, found = fix_text("\n".join(texts), lang, glossary, **options)
    out = []
    for c in found:
        i = bisect_right(starts, c.offset) - 1
        out.append((i, c.offset - starts[i], c))
    return out


def _fix_records(path: Path, text: str, lang: str, glossary: Glossary, **options: Any) -> FixedFile:
    """translate's ``DOC.LANG.jsonl``: each record's translation fixed (over the document), the
    record written back as translate writes it, its glossary verdict made again; ``line`` is the
    record's, columns in its translation."""
    read_translations(path)  # not translate's records: a FormatError with the line
    lines = text.split("\n")
    rows = [(n, json.loads(line)) for n, line in enumerate(lines) if line.strip()]
    translations = [str(record["translation"]) for _, record in rows]
    by_record: dict[int, list[Change]] = {}
    changes = []
    for i, at, c in _fix_pieces(translations, lang, glossary, **options):
        moved = replace(c, line=rows[i][0] + 1, start=at, end=at + len(c.old), offset=at)
        by_record.setdefault(i, []).append(moved)
        changes.append(moved)
    for i, record_changes in by_record.items():
        n, record = rows[i]
        record["translation"] = apply_changes(translations[i], record_changes)
        if isinstance(record.get("glossary"), dict) and isinstance(record.get("concepts"), list):
            # the run's verdict on the translation, made again for the fixed one (its strategies kept)
            verdict = verify([str(c) for c in record["concepts"]], record["translation"], lang, glossary)
            record["glossary"] = {**record["glossary"], **verdict.to_json()}
        lines[n] = json.dumps(record, ensure_ascii=False)
    return FixedFile(path, text, "\n".join(lines), changes)


def fixed_versions(documents: Iterable[tuple[Path, str]], glossary: Glossary) -> dict[str, FixedFile]:
    """The fix of each (path, language) that ``fix`` can rewrite and that has a change to make, by
    path (what the HTML report of ``check`` offers to download)."""
    out = {}
    for path, lang in documents:
        if path.suffix.lower() not in TEXT_SUFFIXES | _REWRITTEN | {TRANSLATION_SUFFIX}:
            continue
        fixed = fix_file(path, lang, glossary)
        if fixed.applied:
            out[str(path)] = fixed
    return out


def fix_targets(targets: Iterable[str | Path], lang: str) -> list[Path]:
    """The files ``fix`` reads: text, TMX, XLIFF, XLZ and PO files as given; in folders, those and
    translate's outputs into ``lang`` (``DOC.LANG.txt`` and ``.jsonl``, both, so that ``check``,
    which reads the JSON Lines, sees the fix), outputs into other languages left out."""
    targets = list(targets)
    if [str(t) for t in targets] == [STDIN]:
        return [Path(STDIN)]
    given = {Path(t) for t in targets if Path(t).is_file()}
    found = expand_inputs(targets, TEXT_SUFFIXES | _REWRITTEN | {TRANSLATION_SUFFIX})
    out = []
    for path in found:
        output_lang = output_language(path)
        if path not in given and (output_lang not in (None, lang) or path.suffix == TRANSLATION_SUFFIX and output_lang is None):
            continue
        out.append(path)
    return out


def _in_file(change: Change, raw: bytes, at: int) -> Change:
    """``change`` placed in the file: its line, its columns in that line, its offset in the text."""
    line_start = raw.rfind(b"\n", 0, at) + 1
    column = len(raw[line_start:at].decode("utf-8"))
    return replace(change, line=raw.count(b"\n", 0, at) + 1, start=column, end=column + len(change.old),
                   offset=len(raw[:at].decode("utf-8")))
