"""Aligned documents as JSON (the bead contract), TSV, or TMX 1.4b for CAT tools."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from lxml import etree

from align.documents import AlignedDocuments, bead_text as _join
from align.terms import TermLink, TermMatch

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _span(m: TermMatch | None) -> dict | None:
    if m is None:
        return None
    return {"start": m.start, "end": m.end, "surface": m.surface, "term": m.term, "how": m.how,
            "deprecated": m.deprecated}


def _link(link: TermLink) -> dict:
    return {"concept": link.concept, "src": _span(link.src), "tgt": _span(link.tgt)}


def to_json(aligned: AlignedDocuments) -> str:
    """One JSON array of beads in document order: ``src`` and ``tgt`` (0-based sentence or line
    numbers, empty for an insertion or deletion), ``score`` (the bead's negated cost: higher is better),
    ``type`` (``"2-1"``), the joined texts ``src_text``, ``tgt_text`` and, when aligned with a
    glossary, ``terms``: per concept occurrence ``{"concept", "src", "tgt"}``, each side a span
    ``{"start", "end", "surface", "term", "how", "deprecated"}`` of ``src_text``/``tgt_text``
    or null when that side has no counterpart. One bead a line.
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


def to_tsv(aligned: AlignedDocuments) -> str:
    """One line a bead: source ids, target ids (comma-separated), score, source text, target text."""
    lines = []
    for b in aligned.beads:
        cells = [
            ",".join(map(str, b.src)),
            ",".join(map(str, b.tgt)),
            f"{b.score:.4f}",
            _join(aligned.src.texts, b.src),
            _join(aligned.tgt.texts, b.tgt),
        ]
        lines.append("\t".join(c.replace("\t", " ") for c in cells))
    return "\n".join(lines) + ("\n" if lines else "")


def to_tmx(aligned: AlignedDocuments, tool_version: str = "0.1.0") -> bytes:
    """TMX 1.4b: one translation unit per bead with text on both sides."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root, "header",
        creationtool="backtrans", creationtoolversion=tool_version, segtype="sentence",
        **{"o-tmf": "backtrans"}, adminlang="en", srclang=aligned.src.lang, datatype="plaintext",
        creationdate=datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
    )
    body = etree.SubElement(root, "body")
    for b in aligned.beads:
        if not (b.src and b.tgt):
            continue
        tu = etree.SubElement(body, "tu")
        prop = etree.SubElement(tu, "prop", type="x-bead")
        prop.text = f"{b.kind} {b.score:.4f}"
        for lang, texts, ids in ((aligned.src.lang, aligned.src.texts, b.src), (aligned.tgt.lang, aligned.tgt.texts, b.tgt)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _join(texts, ids)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype="<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">")
