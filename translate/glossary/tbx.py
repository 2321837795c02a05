"""TBX: write TBX v3 (ISO 30042:2019, TBX-Basic, DCA style); read v3 and v2 (``<martif>``).

Mapping: a concept is a ``conceptEntry`` (``id`` attribute); its subject field and its kind
are ``<descrip type="subjectField">`` (a value that is one of backtrans' kinds is the kind, any
other the subject field: a foreign termbase's concepts are of kind ``term``), its note a
``<note>``. Each language is a ``langSec`` of ``termSec``s with
``<termNote type="administrativeStatus">``, ``partOfSpeech`` and ``termType``,
``<descrip type="context">``, ``<note>`` and ``<admin type="source">``; read, these data
categories come as typed ``termNote``/``descrip``/``admin`` (DCA style, TBX v2) or as elements
of their own (DCT style: ``<basic:partOfSpeech>``, ``<min:subjectField>``). The canonical en
and vi forms are the FIRST ``termSec`` of the en and vi ``langSec``s (left out when the
concept has none); the concept's other en/vi terms follow.
Reading v2 (or v3 from other tools), the preferred en/vi term is canonical. A status comes from
``administrativeStatus``, ``normativeAuthorization`` or ``usageStatus``, as a ``termNote`` (DCA
style) or an element (DCT style, TBX-Min), every TBX value mapped to preferred, admitted or
deprecated; a term with none is admitted, and a language none of whose terms is preferred has
its first unmarked term preferred. Notes at every level and definitions are kept (joined into
the concept's or the term's note); empty ``<term/>`` placeholders are skipped.

Reading, ``xml:lang`` goes through ``normalise_language``: CAT tools (Trados MultiTerm,
memoQ, Phrase) write region locales, so ``en-US``, ``EN-gb``, ``en_GB``, ``uk-UA``,
``ar-SA``, ``vi-VN`` are read as the known languages en, uk, ar, vi; an unknown tag is kept
in BCP 47 case (``pt_br`` → ``pt-BR``). The langSecs of one concept that name the same
language (``en-US`` and ``en-GB``) are merged in file order, the first term being the
canonical form; a term an earlier langSec of another tag already gave (the same text, case
and spacing aside) is dropped, so the first one's status and note stand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml import etree

from translate.errors import FormatError
from translate.formats.xml import XML_LANG, local, parse_xml
from translate.glossary.kinds import KNOWN_KINDS
from translate.glossary.model import (
    CANONICAL_LANGUAGES,
    Concept,
    Glossary,
    Status,
    Term,
    add_variant_term,
    slug,
)
from translate.langs import normalise_language

NS = "urn:iso:std:iso:30042:ed-2"
_TO_TBX = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
}
_FROM_TBX = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.DEPRECATED,
    # TBX v2 normativeAuthorization values
    "preferredterm": Status.PREFERRED,
    "admittedterm": Status.ADMITTED,
    "deprecatedterm": Status.DEPRECATED,
    "supersededterm": Status.DEPRECATED,
    "standardizedterm": Status.PREFERRED,
    "legalterm": Status.PREFERRED,
    "regulatedterm": Status.PREFERRED,
    "standardizedterm-admn-sts": Status.PREFERRED,
    "legalterm-admn-sts": Status.PREFERRED,
    "regulatedterm-admn-sts": Status.PREFERRED,
    "obsoleteterm-admn-sts": Status.DEPRECATED,
    # usageStatus (TBX-Basic, TBX-Min)
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "notrecommended": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "deprecated": Status.DEPRECATED,
}
# The data categories that say a term's status: as termNote types (DCA style) or as elements (DCT style, TBX-Min).
_STATUS_CATEGORIES = ("administrativeStatus", "normativeAuthorization", "usageStatus")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrib)
    if text is not None:
        el.text = text
    return el


def _term_sec(lang_sec: etree._Element, term: Term) -> None:
    sec = _sub(lang_sec, "termSec")
    _sub(sec, "term", term.text)
    _sub(sec, "termNote", _TO_TBX[term.status], type="administrativeStatus")
    if term.part_of_speech:
        _sub(sec, "termNote", term.part_of_speech, type="partOfSpeech")
    if term.term_type:
        _sub(sec, "termNote", term.term_type, type="termType")
    if term.context:
        _sub(sec, "descrip", term.context, type="context")
    if term.note:
        _sub(sec, "note", term.note)
    if term.source:
        _sub(sec, "admin", term.source, type="source")


def dump_tbx(glossary: Glossary) -> bytes:
    """``glossary`` as a TBX v3 TBX-Basic document (UTF-8 bytes)."""
    root = etree.Element(
        f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: NS}
    )
    header = _sub(root, "tbxHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", glossary.name or "glossary")
    _sub(_sub(file_desc, "sourceDesc"), "p", "backtrans glossary export")
    body = _sub(_sub(root, "text"), "body")
    for concept in glossary.concepts:
        entry = _sub(body, "conceptEntry", id=concept.id)
        # the kind where it says something (a foreign entry's "term" says nothing); with a
        # subject field too, both are written, the kind first
        if concept.kind and concept.kind != "term":
            _sub(entry, "descrip", concept.kind, type="subjectField")
        if concept.subject_field:
            _sub(entry, "descrip", concept.subject_field, type="subjectField")
        if concept.note:
            _sub(entry, "note", concept.note)
        langs = list(CANONICAL_LANGUAGES) + [lang for lang in concept.terms if lang not in CANONICAL_LANGUAGES]
        for lang in langs:
            terms = list(concept.terms.get(lang, []))
            if lang in CANONICAL_LANGUAGES and concept.canonical(lang):  # no empty <term/> for a form not known
                text = concept.canonical(lang)
                # listed as a preferred term (with its part of speech, context...): written once, first
                listed = next((t for t in terms if t.text == text and t.status is Status.PREFERRED), None)
                if listed is not None:
                    terms.remove(listed)
                terms.insert(0, listed or Term(text, lang, Status.PREFERRED))
            if not terms:
                continue
            lang_sec = _sub(entry, "langSec", **{XML_LANG: lang})
            for term in terms:
                _term_sec(lang_sec, term)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if local(c) == name]


def _read_term(container: etree._Element, lang: str, path: Path | str) -> tuple[Term | None, bool]:
    """A Term from a v3 termSec or a v2 tig/ntig (the term, its notes may be nested), and
    whether its status was given; (None, False) when there is no ``<term>``. A term with no
    status is admitted (the language's first is made preferred when none is: ``_settle``);
    every note is kept, joined."""
    text: str | None = None
    status: Status | None = None
    notes: list[str] = []
    source = ""
    fields: dict[str, list[str]] = {"partOfSpeech": [], "termType": [], "context": []}
    # a source in a context's descripGrp is the context's, not the term's
    context_groups = {el for el in container.iter() if local(el) == "descripGrp"
                      and any(_category(d) == "context" for d in el)}
    for el in container.iter():
        name = local(el)
        kind = (el.get("type") or "").strip()
        category = _category(el)
        if category in fields and _text(el).strip():
            fields[category].append(_text(el).strip())
        elif name == "term" and text is None:
            text = _text(el)
        elif category in _STATUS_CATEGORIES and (name == "termNote" or not kind):
            value = _text(el).strip()
            if value.lower() not in _FROM_TBX:
                raise FormatError(f"unknown {category} {value!r}", path, el.sourceline)
            if status is None or category == "administrativeStatus":  # the administrative status decides
                status = _FROM_TBX[value.lower()]
        elif name == "note" and _text(el).strip():
            notes.append(_text(el).strip())
        elif category == "source" and not source and el.getparent() not in context_groups:
            source = _text(el)
    if text is None:
        return None, False
    term = Term(text, lang, status or Status.ADMITTED, " | ".join(notes), source,
                part_of_speech=" | ".join(fields["partOfSpeech"]), term_type=" | ".join(fields["termType"]),
                context=" | ".join(fields["context"]))
    return term, status is not None


def _category(el: etree._Element) -> str:
    """The data category of an element: a typed ``termNote``/``descrip``/``admin``'s type (DCA
    style, TBX v2), else its own name (DCT style: ``<basic:partOfSpeech>``)."""
    name = local(el)
    kind = (el.get("type") or "").strip()
    return kind if name in ("termNote", "descrip", "admin") and kind else name


def _settle(terms: list[Term], stated: set[int]) -> list[Term]:
    """A language's terms with one preferred when the file marked none: the first it gave no
    status to, as the form a translation must use (a status the file gave is never changed)."""
    if any(t.status is Status.PREFERRED for t in terms):
        return terms
    first = next((i for i, t in enumerate(terms) if id(t) not in stated), None)
    return [replace(t, status=Status.PREFERRED) if i == first else t for i, t in enumerate(terms)]


def _canonical(terms: list[Term]) -> tuple[str, list[Term]]:
    """The canonical en or vi form (the preferred term) and the language's other terms; the
    canonical term stays listed, first, when it carries more than its text (a note, a source,
    a part of speech, a context...)."""
    if not terms:
        return "", terms
    at = next((i for i, t in enumerate(terms) if t.status is Status.PREFERRED), 0)
    first, rest = terms[at], terms[:at] + terms[at + 1:]
    return first.text, rest if first == Term(first.text, first.lang, Status.PREFERRED) else [first, *rest]


def parse_tbx(data: bytes, path: Path | str = "<tbx>") -> Glossary:
    """Read a TBX v3 (``<tbx>``) or v2 (``<martif>``) document into a Glossary."""
    root = parse_xml(data, path)
    top = local(root)
    if top not in ("tbx", "martif"):
        raise FormatError(f"not a TBX file: root element is <{top}>, not <tbx> or <martif>", path, root.sourceline)
    entry_name, lang_name = ("conceptEntry", "langSec") if top == "tbx" else ("termEntry", "langSet")
    body = next((el for el in root.iter() if local(el) == "body"), None)
    if body is None:
        raise FormatError("TBX file without <text><body>", path, root.sourceline)
    concepts: list[Concept] = []
    for number, entry in enumerate((el for el in body if local(el) in ("conceptEntry", "termEntry")), 1):
        if local(entry) != entry_name:
            raise FormatError(f"<{local(entry)}> in a <{top}> file", path, entry.sourceline)
        subjects: list[str] = []
        notes: list[str] = []
        terms: dict[str, list[Term]] = {}
        stated: set[int] = set()  # ids of the terms whose status the file gave
        given: dict[tuple[str, str], str] = {}  # term key → the xml:lang variant that gave it first
        for child in entry:
            name = local(child)
            if _category(child) == "subjectField":
                subjects.append(_text(child).strip())
            elif name == "descripGrp":
                for d in child:
                    if _category(d) == "subjectField":
                        subjects.append(_text(d).strip())
                    elif local(d) == "descrip" and d.get("type") == "definition" and _text(d).strip():
                        notes.append(f"definition: {_text(d).strip()}")
            elif name == "descrip" and child.get("type") == "definition" or name == "definition":
                if _text(child).strip():
                    notes.append(f"definition: {_text(child).strip()}")
            elif name == "note" and _text(child).strip():
                notes.append(_text(child).strip())
            elif name == lang_name:
                tag = child.get(XML_LANG) or child.get("lang")
                if not tag:
                    raise FormatError(f"<{lang_name}> without xml:lang", path, child.sourceline)
                lang = normalise_language(tag)
                if lang is None:
                    raise FormatError(f"xml:lang {tag!r} is not a language code (uk, pt-BR, ...)",
                                         path, child.sourceline)
                for sec in child:
                    if local(sec) in ("termSec", "tig", "ntig"):
                        term, has_status = _read_term(sec, lang, path)
                        if term is None:
                            raise FormatError(f"<{local(sec)}> without <term>", path, sec.sourceline)
                        if not term.text.strip():
                            continue  # an empty <term/>: a placeholder some tools export, not a term
                        if has_status:
                            stated.add(id(term))
                        add_variant_term(terms, given, term, tag)
                    elif local(sec) == "descrip" and sec.get("type") == "definition" and _text(sec).strip():
                        notes.append(f"definition ({lang}): {_text(sec).strip()}")
                    elif local(sec) == "note" and _text(sec).strip():
                        notes.append(f"({lang}) {_text(sec).strip()}")
        kind = next((v for v in subjects if v in KNOWN_KINDS), "")
        subject_field = " | ".join(v for v in subjects if v and v != kind)
        terms = {lang: _settle(ts, stated) for lang, ts in terms.items()}
        note = " | ".join(notes)
        en, en_terms = _canonical(terms.pop("en", []))
        vi, vi_terms = _canonical(terms.pop("vi", []))
        ordered: dict[str, list[Term]] = {}
        if en_terms:
            ordered["en"] = en_terms
        if vi_terms:
            ordered["vi"] = vi_terms
        ordered.update(terms)
        cid = entry.get("id") or slug(en) or f"concept-{number}"
        concepts.append(
            Concept(cid, kind or "term", en, vi, ordered, note, subject_field=subject_field,
                    line=entry.sourceline or 0)
        )
    return Glossary(concepts, path=Path(path), name=Path(path).stem)
