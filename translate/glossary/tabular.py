"""CSV and TSV glossaries, as memoQ, Trados and Phrase termbases exchange them.

Two layouts, recognised from the header row (column names are case-insensitive):

* **wide** (one row per concept, what ``dump_tabular`` writes): one column per language,
  named by its code (``en``, ``vi``, ``uk``, ``pl``, ``id``, ``ar``, ``pt-BR``...), holding
  the terms separated by ``;`` (a literal ``;`` or ``\\`` in a term is written ``\\;``,
  ``\\\\``). Optional companion columns ``<lang>_status``, ``<lang>_note``,
  ``<lang>_source`` hold one ``;``-separated value per term (status: preferred,
  admitted, deprecated; empty = preferred). Concept columns: ``concept_id``, ``kind``,
  ``note``. The FIRST term of the ``en`` and ``vi`` cells is the canonical form.
* **long** (one row per term): columns ``concept_id``, ``kind``, ``en``, ``vi``, ``note``,
  ``lang``, ``term``, ``status``, ``term_note``, ``source``; rows of one concept repeat
  the concept columns.

What a termbase says beyond that is kept in further columns, written only when a concept or
term of the glossary has it, so that TBX → CSV → TBX loses nothing: the concept's ``parent``,
``structure`` and ``subject_field``; a term's ``part_of_speech``, ``term_type``, ``context``
and ``generated`` ("generated": made by a language module, not written by a person) — in the
wide layout as ``<lang>_part_of_speech`` and so on, one ``;``-separated value per term.

Language codes go through ``normalise_language``: ``en-US``, ``EN_gb``, ``uk-UA``, ``vi-VN``
(the locales CAT tools write) are read as en, uk, vi; an unknown tag is kept in BCP 47 case
(``pt_br`` → ``pt-BR``). Columns (or rows) of one concept naming variants of one language
are merged in file order; a term another variant already gave (the same text, case and
spacing aside) is dropped, so the first one's status and note stand.

A language column may also be named by the language ("English", "Ukrainian", "Українська",
"Tiếng Việt": langcodes); a header row needs one column that is surely a language, so a
first row of data ("kde", "UTF") is no header. A file without a header (OmegaT's tab-separated
glossaries, ``#`` comments) is read with its columns' languages given (``langs``; the CLI's
``--langs uk,en``), a further column being the note.

Indonesian's code ``id`` is why the concept column is ``concept_id``. A file without
``concept_id`` gets ids made from the English form; without ``kind`` the kind is ``term``.
Files are UTF-8 (a BOM is fine) or UTF-16 with a BOM (Excel's "Unicode text").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from translate.errors import FormatError
from translate.files import decode_utf8
from translate.glossary.model import (
    CANONICAL_LANGUAGES,
    Concept,
    Glossary,
    Status,
    Term,
    add_variant_term,
    slug,
)
from translate.langs import KNOWN, language_variant, normalise_language

CONCEPT_COLUMNS = ("concept_id", "kind", "note")
LONG_COLUMNS = ("concept_id", "kind", "en", "vi", "note", "lang", "term", "status", "term_note", "source")
TERM_ATTRS = ("status", "note", "source")
# Written only when used (see the module's docstring): the concept's and the term's attributes of the same name.
CONCEPT_FIELDS = ("parent", "structure", "subject_field")
TERM_FIELDS = ("part_of_speech", "term_type", "context", "generated")
_GENERATED = {"generated": True, "yes": True, "true": True, "1": True, "": False, "no": False, "false": False, "0": False}
MAX_FIELD = 1_000_000  # characters in one cell
_STATUSES = {s.value: s for s in Status}


def delimiter_for(fmt: str) -> str:
    """The field separator of ``csv`` or ``tsv``."""
    return "\t" if fmt == "tsv" else ","


def _join(values: list[str]) -> str:
    return ";".join(v.replace("\\", "\\\\").replace(";", "\\;") for v in values)


def _split_cell(cell: str) -> list[str]:
    """``a;b\\;c`` → ``['a', 'b;c']`` (items stripped of surrounding spaces)."""
    if not cell.strip():
        return []
    parts: list[str] = []
    buf: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            buf.append(next(chars, "\\"))
        elif ch == ";":
            parts.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf).strip())
    return parts


def dump_tabular(glossary: Glossary, fmt: str = "csv", layout: str = "wide") -> str:
    """``glossary`` as CSV or TSV text in the wide (default) or long layout."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter_for(fmt), lineterminator="\n").writerows(table_rows(glossary, layout))
    return buffer.getvalue()


def table_rows(glossary: Glossary, layout: str = "wide") -> list[list[str]]:
    """``glossary`` as the rows of a table (header first), in the wide or long layout: what a
    CSV, TSV or XLSX file holds."""
    out: list[list[str]] = []
    concept_fields = [f for f in CONCEPT_FIELDS if any(getattr(c, f) for c in glossary.concepts)]
    used = {f for c in glossary.concepts for terms in c.terms.values() for t in terms for f in TERM_FIELDS
            if getattr(t, f)}
    term_fields = [f for f in TERM_FIELDS if f in used]
    if layout == "long":
        out.append(list(LONG_COLUMNS) + concept_fields + term_fields)
        for c in glossary.concepts:
            concept = [getattr(c, f) for f in concept_fields]
            rows = [t for terms in c.terms.values() for t in terms]
            if not rows:
                out.append([c.id, c.kind, c.en, c.vi, c.note, "", "", "", "", ""] + concept + [""] * len(term_fields))
            for t in rows:
                out.append([c.id, c.kind, c.en, c.vi, c.note, t.lang, t.text, t.status.value, t.note, t.source]
                           + concept + [_term_field(t, f) for f in term_fields])
        return out
    langs = ["en", "vi"]
    for c in glossary.concepts:
        for lang in c.terms:
            if lang not in langs:
                langs.append(lang)
    header = list(CONCEPT_COLUMNS) + concept_fields
    for lang in langs:
        header += [lang, f"{lang}_status", f"{lang}_note", f"{lang}_source"] + [f"{lang}_{f}" for f in term_fields]
    out.append(header)
    for c in glossary.concepts:
        row = [c.id, c.kind, c.note] + [getattr(c, f) for f in concept_fields]
        for lang in langs:
            terms = list(c.terms.get(lang, []))
            if lang in CANONICAL_LANGUAGES:
                terms.insert(0, Term(c.canonical(lang), lang))
            row += [
                _join([t.text for t in terms]),
                _join(["" if t.status is Status.PREFERRED else t.status.value for t in terms]).rstrip(";"),
                _join([t.note for t in terms]) if any(t.note for t in terms) else "",
                _join([t.source for t in terms]) if any(t.source for t in terms) else "",
            ]
            for f in term_fields:
                values = [_term_field(t, f) for t in terms]
                row.append(_join(values) if any(values) else "")
        out.append(row)
    return out


def _term_field(term: Term, name: str) -> str:
    """A term's attribute ``name`` (of ``TERM_FIELDS``) as a cell value."""
    value = getattr(term, name)
    return ("generated" if value else "") if name == "generated" else value


def _term_fields(values: dict[str, str], path: Path | str, line: int) -> dict[str, Any]:
    """The keyword arguments of ``Term`` for the cells of ``TERM_FIELDS`` given."""
    fields: dict[str, Any] = {f: v for f, v in values.items() if f != "generated"}
    if "generated" in values:
        flag = values["generated"].strip().lower()
        if flag not in _GENERATED:
            raise FormatError(f"generated {values['generated']!r}: 'generated' or empty", path, line)
        fields["generated"] = _GENERATED[flag]
    return fields


def decode_table(data: bytes, path: Path | str) -> str:
    """Text of a CSV/TSV file: UTF-8 (BOM optional) or UTF-16 with BOM; else a clear error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise FormatError(f"bad UTF-16: {e.reason}", path) from None
    return decode_utf8(data, path, advice="; a cp1251 or Latin-1 export? re-save the file as UTF-8")


def _status(value: str, path: Path | str, line: int) -> Status:
    value = value.strip().lower()
    if not value:
        return Status.PREFERRED
    value = value.removesuffix("term-admn-sts").removesuffix("term")
    if value not in _STATUSES:
        raise FormatError(f"unknown status {value!r} (preferred, admitted, deprecated)", path, line)
    return _STATUSES[value]


def _lang(header: str) -> str:
    """A column name as a language: a code ("en_US" → "en", "pt_br" → "pt-BR") or a language's
    name in English or in itself ("English", "Ukrainian", "Polski", "Tiếng Việt", by langcodes);
    '' when it is neither."""
    code = normalise_language(header)
    if code:
        return code
    return _named_language(header.strip())


@lru_cache(maxsize=1024)
def _named_language(name: str) -> str:
    if not 4 <= len(name) <= 40 or not name.replace(" ", "").isalpha() or \
            name.lower() in CONCEPT_COLUMNS + LONG_COLUMNS + CONCEPT_FIELDS + TERM_FIELDS:
        return ""
    import langcodes  # ~40 ms: only for a header that is no code

    try:
        return normalise_language(langcodes.find(name).language or "") or ""
    except Exception:  # noqa: BLE001 - LookupError, and what its name index raises on odd input
        return ""


def _surely_language(header: str) -> bool:
    """Whether a header cell names a language beyond doubt: a language backtrans knows (or a
    region of one), any two-letter code, or a language's name; three-letter codes alone are
    too often data ("kde", "UTF")."""
    code = _lang(header)
    base = code.split("-")[0]
    return bool(code) and (base in KNOWN or len(base) == 2 or _named_language(header.strip()) != "")


def _concept_id(cell: str, en: str, index: int, path: Path | str, line: int) -> str:
    """The id of a row's concept: its ``concept_id`` cell, else one made from ``en``."""
    cid = cell.strip()
    if any(ch in cid for ch in "\n\r\t"):
        raise FormatError(f"concept_id {cid[:40]!r} holds a line break or tab", path, line)
    return cid or slug(en) or f"concept-{index}"


def parse_tabular(text: str, path: Path | str = "<table>", fmt: str = "csv",
                  langs: Sequence[str] | None = None) -> Glossary:
    """Read a wide or long CSV/TSV glossary (layout recognised from the header row); with
    ``langs``, a file without a header whose columns are those languages' terms, in order (a
    further column is the concept's note, as in OmegaT glossaries; lines starting with '#' are
    comments)."""
    csv.field_size_limit(MAX_FIELD)
    if langs is not None:
        text = "".join(line if not line.lstrip().startswith("#") else "\n" for line in text.splitlines(keepends=True))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_for(fmt), strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []
    try:
        previous = 0
        for row in reader:
            rows.append(row)
            starts.append(previous + 1)
            previous = reader.line_num
    except csv.Error as e:
        raise FormatError(f"malformed {fmt.upper()}: {e}", path, reader.line_num or None) from None
    return parse_rows(rows, starts, path, fmt.upper(), langs)


def parse_rows(rows: list[list[str]], starts: list[int], path: Path | str, what: str = "CSV",
               langs: Sequence[str] | None = None) -> Glossary:
    """A glossary from a table's rows (``starts``: the line or row number of each, for errors),
    laid out as ``parse_tabular`` describes."""
    fmt = what
    if not rows:
        raise FormatError(f"empty {fmt} file", path)
    if langs is not None:
        codes = [normalise_language(code) for code in langs]
        if not codes or None in codes:
            raise FormatError(f"--langs {','.join(langs)}: not language codes", path)
        width = max(len(r) for r in rows)
        header = [c or "" for c in codes] + (["note"] if width > len(codes) else [])
        rows = [header] + rows
        starts = [0] + starts
    header = [h.strip() for h in rows[0]]
    lowered = [h.lower() for h in header]
    if not any(_surely_language(h) or h == "lang" for h in lowered):
        raise FormatError(
            f"missing header row: the first row must name the columns (language codes such as en, vi, uk, or "
            f"names such as English; got {', '.join(repr(h) for h in header[:4])}); for a file without one, "
            f"give its languages: --langs uk,en", path, 1,
        )
    if len(set(lowered)) != len(lowered):
        dup = next(h for h in lowered if lowered.count(h) > 1)
        raise FormatError(f"column {dup!r} appears twice in the header", path, 1)
    if "lang" in lowered and "term" in lowered:
        return _parse_long(rows, starts, lowered, path)
    return _parse_wide(rows, starts, header, lowered, path)


def _parse_wide(rows: list[list[str]], starts: list[int], header: list[str], lowered: list[str], path: Path | str) -> Glossary:
    langs: list[tuple[str, str, int]] = []  # (language, variant, column)
    attrs: dict[tuple[str, str], int] = {}  # (variant, attribute) → column
    concept_cols: dict[str, int] = {}
    for i, h in enumerate(lowered):
        suffix = next((a for a in TERM_ATTRS + TERM_FIELDS if h.endswith(f"_{a}") and _lang(h[:-len(a) - 1])), "")
        if h in CONCEPT_COLUMNS + CONCEPT_FIELDS:
            concept_cols[h] = i
        elif suffix:
            attrs[(language_variant(h[:-len(suffix) - 1]), suffix)] = i
        elif _lang(h):
            langs.append((_lang(h), language_variant(h), i))
        else:
            raise FormatError(f"unknown column {header[i]!r}", path, 1)
    concepts: list[Concept] = []
    for index, line, row in _data_rows(rows, starts, path):
        terms: dict[str, list[Term]] = {}
        given: dict[tuple[str, str], str] = {}
        for lang, tag, col in langs:
            texts = _split_cell(row[col])
            if not texts:
                continue

            def column(attr: str) -> list[str]:
                col_ = attrs.get((tag, attr))
                if col_ is None:
                    return [""] * len(texts)
                values = _split_cell(row[col_])
                if len(values) > len(texts):
                    raise FormatError(
                        f"column {header[col_]} has {len(values)} values for {len(texts)} terms", path, line
                    )
                return values + [""] * (len(texts) - len(values))

            statuses, notes, sources = column("status"), column("note"), column("source")
            extra = {f: column(f) for f in TERM_FIELDS if (tag, f) in attrs}
            for k, (t, s, n, src) in enumerate(zip(texts, statuses, notes, sources)):
                fields = _term_fields({f: values[k] for f, values in extra.items()}, path, line)
                add_variant_term(terms, given, Term(t, lang, _status(s, path, line), n, src, **fields), tag)
        en = terms["en"].pop(0).text if "en" in terms else ""  # the first en and vi terms are the canonical forms
        vi = terms["vi"].pop(0).text if "vi" in terms else ""
        terms = {lang: listed for lang, listed in terms.items() if listed}
        get = lambda name: row[concept_cols[name]] if name in concept_cols else ""  # noqa: E731
        cid = _concept_id(get("concept_id"), en, index, path, line)
        concepts.append(Concept(cid, get("kind") or "term", en, vi, terms, get("note"), get("parent"), get("structure"),
                                get("subject_field"), line=line))
    return Glossary(concepts, path=Path(path), name=Path(path).stem)


def _data_rows(rows: list[list[str]], starts: list[int], path: Path | str) -> Iterator[tuple[int, int, list[str]]]:
    """(row number, file line, cells padded to the header's width) of each non-blank data row."""
    width = len(rows[0])
    for index, row in enumerate(rows[1:], 1):
        line = starts[index]
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > width:
            raise FormatError(f"{len(row)} cells but the header has {width} columns", path, line)
        yield index, line, row + [""] * (width - len(row))


def _parse_long(rows: list[list[str]], starts: list[int], lowered: list[str], path: Path | str) -> Glossary:
    unknown = [h for h in lowered if h not in LONG_COLUMNS + CONCEPT_FIELDS + TERM_FIELDS]
    if unknown:
        raise FormatError(f"unknown column {unknown[0]!r} in a one-row-per-term file", path, 1)
    col = {h: i for i, h in enumerate(lowered)}
    by_id: dict[str, Concept] = {}
    given: dict[str, dict[tuple[str, str], str]] = {}  # concept id → term key → variant that gave it
    concepts: list[Concept] = []
    for index, line, row in _data_rows(rows, starts, path):
        get = lambda name: row[col[name]] if name in col else ""  # noqa: E731
        cid = _concept_id(get("concept_id"), get("en"), index, path, line)
        concept = by_id.get(cid)
        if concept is None:
            concept = Concept(cid, get("kind") or "term", get("en"), get("vi"), {}, get("note"), get("parent"),
                              get("structure"), get("subject_field"), line=line)
            by_id[cid] = concept
            concepts.append(concept)
        elif (get("en"), get("vi")) != (concept.en, concept.vi):
            raise FormatError(f"concept {cid!r}: en/vi differ from its first row (line {concept.line})", path, line)
        lang, text = get("lang").strip(), get("term")
        if lang or text:
            if not lang:
                raise FormatError("term without a lang", path, line)
            if not _lang(lang):
                raise FormatError(f"{lang!r} is not a language code (uk, pl, id, ar, pt-BR, ...)", path, line)
            fields = _term_fields({f: get(f) for f in TERM_FIELDS if f in col}, path, line)
            term = Term(text, _lang(lang), _status(get("status"), path, line), get("term_note"), get("source"), **fields)
            add_variant_term(concept.terms, given.setdefault(cid, {}), term, lang)
    return Glossary(concepts, path=Path(path), name=Path(path).stem)
