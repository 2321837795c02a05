"""Aligned documents as JSON (the bead contract), TSV, or TMX 1.4b for CAT tools; each carries
the term links of the beads when aligned with a glossary."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from enum import Enum

from lxml import etree

from align.documents import AlignedDocuments
from align.documents import bead_text as _join
from align.terms import TermLink
from translate.formats.xml import XML_LANG
from translate.terms import Match


def _span(m: Match | None) -> dict | None:
    if m is None:
        return None
    start, end = m.span
    return {"start": start, "end": end, "surface": m.surface, "term": m.term, "how": m.how.value,
            "deprecated": m.deprecated}


def _link(link: TermLink) -> dict:
    return {"concept": link.concept, "src": _span(link.src), "tgt": _span(link.tgt)}


def to_json(aligned: AlignedDocuments) -> str:
    """One JSON array of beads in document order: ``src`` and ``tgt`` (0-based sentence or line
    numbers, empty for an insertion or deletion), ``score`` (the bead's negated cost: higher is better),
    ``type`` (``"2-1"``), the joined texts ``src_text``, ``tgt_text`` and ``terms`` (empty
    when aligned without a glossary): per concept occurrence ``{"concept", "src", "tgt"}``,
    each side a span ``{"start", "end", "surface", "term", "how", "deprecated"}`` of
    ``src_text``/``tgt_text`` or null when that side has no counterpart. One bead a line.
    """
    rows = []
    for k, b in enumerate(aligned.beads):
        row = {
            "src": list(b.src),
            "tgt": list(b.tgt),
            "score": round(b.score, 4),
            "type": b.kind,
            "src_text": _join(aligned.src.texts, b.src),
            "tgt_text": _join(aligned.tgt.texts, b.tgt),
        }
        if aligned.terms:
            row["terms"] = [_link(x) for x in aligned.terms[k]]
        rows.append(row)
    if not rows:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n"


NO_COUNTERPART = "\u2205"  # ∅: the side of a term link that has no span


def term_cell(links: list[TermLink]) -> str:
    """The term links of one bead as one TSV cell: ``concept:source=target`` per link, links
    joined by ``"; "`` in link order, ``∅`` for a side without a span (so
    ``hai-duong:Хай Дуонгом=Hai Duong; party-member:членів партії=∅``); ``""`` for no links.
    For the reader's eye: the JSON export has the exact spans."""
    def side(m: Match | None) -> str:
        return NO_COUNTERPART if m is None else m.surface

    return "; ".join(f"{link.concept}:{side(link.src)}={side(link.tgt)}" for link in links)


def to_tsv(aligned: AlignedDocuments) -> str:
    """One line a bead, six tab-separated columns: source ids and target ids (comma-separated,
    empty for an insertion or deletion), score, source text, target text, and the bead's term
    links as :func:`term_cell` writes them (empty when it has none or without a glossary).
    Tabs inside a cell become spaces.
    """
    lines = []
    for k, b in enumerate(aligned.beads):
        cells = [
            ",".join(map(str, b.src)),
            ",".join(map(str, b.tgt)),
            f"{b.score:.4f}",
            _join(aligned.src.texts, b.src),
            _join(aligned.tgt.texts, b.tgt),
            term_cell(aligned.terms[k]) if aligned.terms else "",
        ]
        lines.append("\t".join(c.replace("\t", " ") for c in cells))
    return "\n".join(lines) + ("\n" if lines else "")


def _fits(m: Match | None, text: str, taken: list[tuple[int, int, int]]) -> bool:
    """Whether ``m`` is a span of ``text`` that overlaps none already ``taken``."""
    if m is None:
        return False
    start, end = m.span
    return 0 <= start < end <= len(text) and all(end <= a or start >= b for a, b, _ in taken)


def _seg(tuv: etree._Element, text: str, spans: list[tuple[int, int, int]]) -> None:
    """``<seg>`` with ``text``, each (start, end, x) span of it wrapped in ``<hi type="term">``."""
    seg = etree.SubElement(tuv, "seg")
    # Texts and tails are set even when empty: an empty text node keeps pretty_print from
    # indenting inside the <seg>, which would add whitespace to the segment.
    seg.text = text
    last, pos = None, 0
    for start, end, x in sorted(spans):
        hi = etree.SubElement(seg, "hi", x=str(x), type="term")
        hi.text = text[start:end]
        if last is None:
            seg.text = text[:start]
        else:
            last.tail = text[pos:start]
        last, pos = hi, end
    if last is not None:
        last.tail = text[pos:]


def to_tmx(aligned: AlignedDocuments, tool_version: str = "0.1.0") -> bytes:
    """TMX 1.4b: one translation unit per bead with text on both sides.

    Aligned with a glossary, each term link is marked in the ``<seg>`` texts by TMX's
    ``<hi type="term">``, the source and target ``<hi>`` of one link sharing their ``x``
    (1, 2, ... per unit; a one-sided link has its ``x`` alone), and the unit has one
    ``<prop type="x-concept">`` per ``x``: ``"x concept-id"``. A span that overlaps one
    marked before it on the same side stays unmarked.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root, "header",
        creationtool="backtrans", creationtoolversion=tool_version, segtype="sentence",
        **{"o-tmf": "backtrans"}, adminlang="en", srclang=aligned.src.lang, datatype="plaintext",
        creationdate=datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
    )
    body = etree.SubElement(root, "body")
    for k, b in enumerate(aligned.beads):
        if not (b.src and b.tgt):
            continue
        texts = _join(aligned.src.texts, b.src), _join(aligned.tgt.texts, b.tgt)
        tu = etree.SubElement(body, "tu")
        prop = etree.SubElement(tu, "prop", type="x-bead")
        prop.text = f"{b.kind} {b.score:.4f}"
        spans: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
        x = 0
        for link in aligned.terms[k] if aligned.terms else []:
            sides = [m if _fits(m, t, taken) else None
                     for m, t, taken in zip((link.src, link.tgt), texts, spans)]
            if not any(sides):
                continue
            x += 1
            for m, taken in zip(sides, spans):
                if m is not None:
                    taken.append((*m.span, x))
            etree.SubElement(tu, "prop", type="x-concept").text = f"{x} {link.concept}"
        for lang, text, taken in zip((aligned.src.lang, aligned.tgt.lang), texts, spans):
            _seg(etree.SubElement(tu, "tuv", {XML_LANG: lang}), text, taken)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype="<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">")


class AlignFormat(str, Enum):
    """The formats an alignment is written in."""

    tsv = "tsv"
    tmx = "tmx"
    json = "json"


def render(aligned: AlignedDocuments, fmt: AlignFormat) -> bytes:
    """``aligned`` in ``fmt``: TSV (:func:`to_tsv`), TMX 1.4b (:func:`to_tmx`) or JSON (:func:`to_json`)."""
    if fmt is AlignFormat.tmx:
        return to_tmx(aligned)
    return (to_json(aligned) if fmt is AlignFormat.json else to_tsv(aligned)).encode("utf-8")
