"""The native glossary format (``.gloss``): line-oriented, one concept per block.

::

    # comment lines start with '#'; they stay attached to the next concept or term
    [hai-duong]
    kind: place
    en: Hai Duong
    vi: Hải Dương
    note: province and its capital city
    - uk: Хайзионг
      source: seeds/uk_hai_duong_breakthroughs.txt
    - uk: Хай Дуонг
      status: admitted
      note: reading of the Latin spelling

A termbase's data categories have fields of their own: ``subject-field`` of a concept, and
``part-of-speech``, ``term-type`` and ``context`` of a term (TBX subjectField, partOfSpeech,
termType, context); files without them read as before.

A value is everything after ``key: `` (exactly one space) to the end of the line, so
leading, trailing and double spaces survive for ``validate`` to report. A backslash,
newline, carriage return or tab inside a value is written ``\\\\``, ``\\n``, ``\\r``, ``\\t``.
Terms are ``preferred`` unless a ``status`` line says otherwise. ``dump_gloss`` writes
the canonical layout, so ``parse → dump`` of a canonical file gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from translate.errors import FormatError
from translate.glossary.model import Concept, Glossary, Status, Term
from translate.langs import is_language_code

CONCEPT_FIELDS = ("kind", "en", "vi", "parent", "structure", "subject-field", "note")
OPTIONAL_FIELDS = ("parent", "structure", "subject-field", "note")  # written only when they have a value
TERM_FIELDS = ("status", "note", "source", "generated", "part-of-speech", "term-type", "context")
_TERM_TEXT_FIELDS = ("part-of-speech", "term-type", "context")  # free text, written when given
_STATUSES = {s.value: s for s in Status}
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNESCAPES = {"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}
_NEEDS_ESCAPE = re.compile(r"[\\\n\r\t]")
_ESCAPE_SEQ = re.compile(r"\\(.?)")


def escape(value: str) -> str:
    """A value as written in the file (one line)."""
    if _NEEDS_ESCAPE.search(value):
        return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], value)
    return value


def _attr(key: str) -> str:
    """The model's attribute a file's key names (``subject-field``: ``subject_field``)."""
    return key.replace("-", "_")


def _unescape(value: str, path: Path | str, line: int) -> str:
    def sub(m: re.Match[str]) -> str:
        try:
            return _UNESCAPES[m.group(1)]
        except KeyError:
            raise FormatError(
                f"unknown escape '\\{m.group(1)}' (write a backslash as '\\\\')", path, line
            ) from None

    return _ESCAPE_SEQ.sub(sub, value)


def _split(body: str, path: Path | str, line: int, what: str) -> tuple[str, str]:
    key, sep, value = body.partition(":")
    if not sep:
        raise FormatError(f"expected '{what}: value', got {body.strip()[:60]!r}", path, line)
    if value.startswith(" "):
        value = value[1:]
    if "\\" in value:
        value = _unescape(value, path, line)
    return key.strip(), value


def parse_gloss(text: str, path: Path | str = "<glossary>") -> Glossary:
    """Parse the text of a ``.gloss`` file; syntax errors raise FormatError(path, line)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    concepts: list[Concept] = []
    concept: Concept | None = None
    term: Term | None = None
    term_attrs: dict[str, object] = {}
    comments: list[str] = []
    header: list[str] = []
    seen_blank = False  # a blank line after the leading comments makes them the file header

    def flush_term() -> None:
        nonlocal term, term_attrs
        if term is not None:
            assert concept is not None
            if term_attrs:
                term = Term(
                    term.text, term.lang, term_attrs.get("status", term.status),  # type: ignore[arg-type]
                    str(term_attrs.get("note", "")), str(term_attrs.get("source", "")),
                    generated=term_attrs.get("generated") is True,
                    **{_attr(k): str(term_attrs.get(k, "")) for k in _TERM_TEXT_FIELDS},
                    line=term.line, comment=term.comment,
                )
            concept.terms.setdefault(term.lang, []).append(term)
            term, term_attrs = None, {}

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        first = line[:1]
        if not line.strip():
            if concept is None and comments:
                seen_blank = True
            continue
        if line.lstrip().startswith("#"):
            if concept is None and seen_blank:
                header.extend(comments)
                header.append("")
                comments, seen_blank = [], False
            comments.append(line)
            continue
        if first == "[":
            flush_term()
            if concept is None and seen_blank:
                header.extend(comments)
                comments = []
            if not line.rstrip().endswith("]"):
                raise FormatError("a concept header is '[id]' on a line of its own", path, number)
            concept = Concept(
                id=line.rstrip()[1:-1], kind="", en="", vi="", line=number,
                comment="\n".join(comments),
            )
            concepts.append(concept)
            comments = []
            continue
        if concept is None:
            raise FormatError(
                f"text before the first concept header '[id]': {line.strip()[:60]!r}", path, number
            )
        if first == "-":
            flush_term()
            if not line.startswith("- "):
                raise FormatError("a term line is '- LANG: text'", path, number)
            lang, value = _split(line[2:], path, number, "- LANG")
            if not is_language_code(lang):
                raise FormatError(f"{lang!r} is not a language code (uk, pl, id, ar, ...)", path, number)
            term = Term(value, lang, line=number, comment="\n".join(comments))
            comments = []
            continue
        if first in (" ", "\t"):
            if term is None:
                raise FormatError("an indented line belongs to a term ('- LANG: text' above it)", path, number)
            if comments:
                raise FormatError("comments cannot sit between a term and its attributes", path, number)
            key, value = _split(line.lstrip(), path, number, "|".join(TERM_FIELDS))
            if key not in TERM_FIELDS:
                raise FormatError(f"unknown term attribute {key!r} ({', '.join(TERM_FIELDS)})", path, number)
            if key in term_attrs:
                raise FormatError(f"term attribute {key!r} given twice", path, number)
            if key == "status":
                if value not in _STATUSES:
                    raise FormatError(
                        f"unknown status {value!r} (preferred, admitted, deprecated)", path, number
                    )
                term_attrs[key] = _STATUSES[value]
            elif key == "generated":
                if value != "yes":
                    raise FormatError(f"generated: {value!r}; write 'generated: yes' or leave the line out", path, number)
                term_attrs[key] = True
            else:
                term_attrs[key] = value
            continue
        flush_term()
        key, value = _split(line, path, number, "kind|en|vi|note")
        if key not in CONCEPT_FIELDS:
            raise FormatError(
                f"unknown field {key!r} ({', '.join(CONCEPT_FIELDS)}; terms are '- LANG: text')", path, number
            )
        if key in concept.lines:
            raise FormatError(f"field {key!r} given twice in concept {concept.id!r}", path, number)
        if concept.terms:
            raise FormatError(f"field {key!r} must come before the concept's terms", path, number)
        setattr(concept, _attr(key), value)
        concept.lines[key] = number
        if comments:
            concept.field_comments[key] = "\n".join(comments)
            comments = []
    flush_term()
    if concept is None:
        header.extend(comments)
        comments = []
    while header and header[-1] == "":
        header.pop()
    name = Path(path).stem if path else ""
    return Glossary(
        concepts, path=Path(path), name=name, header="\n".join(header), trailer="\n".join(comments)
    )


def dump_gloss(glossary: Glossary) -> str:
    """The canonical text of ``glossary`` in the ``.gloss`` format."""
    out: list[str] = []
    if glossary.header:
        out.append(glossary.header)
        out.append("")
    for concept in glossary.concepts:
        if concept.comment:
            out.append(concept.comment)
        out.append(f"[{concept.id}]")
        for key in CONCEPT_FIELDS:
            value = getattr(concept, _attr(key))
            if key in OPTIONAL_FIELDS and not value and key not in concept.field_comments:
                continue
            if key in concept.field_comments:
                out.append(concept.field_comments[key])
            out.append(f"{key}: {escape(value)}" if value else f"{key}:")
        for terms in concept.terms.values():
            for term in terms:
                if term.comment:
                    out.append(term.comment)
                out.append(f"- {term.lang}: {escape(term.text)}" if term.text else f"- {term.lang}:")
                if term.status is not Status.PREFERRED:
                    out.append(f"  status: {term.status.value}")
                if term.note:
                    out.append(f"  note: {escape(term.note)}")
                if term.source:
                    out.append(f"  source: {escape(term.source)}")
                if term.generated:
                    out.append("  generated: yes")
                for key in _TERM_TEXT_FIELDS:
                    if getattr(term, _attr(key)):
                        out.append(f"  {key}: {escape(getattr(term, _attr(key)))}")
        out.append("")
    if glossary.trailer:
        out.append(glossary.trailer)
    elif out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""
