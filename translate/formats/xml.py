"""Parsing the user's XML (TBX, TMX, XLIFF) safely: no entities, no DTD, no network."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from translate.errors import FormatError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Entity declarations (and the internal DTD subset that holds them) are where entity bombs
# live; interchange files never need them.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def parse_xml(data: bytes, path: Path | str) -> etree._Element:
    """The root element of ``data``; entity declarations or malformed XML raise with file:line."""
    risk = _ENTITY.search(data) or _INTERNAL_SUBSET.search(data)  # the declaration's own line first
    if risk:
        line = data.count(b"\n", 0, risk.start()) + 1
        raise FormatError("DTD with entity declarations refused (entity bomb protection)", path, line)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        msg = str(e.msg or e).split(", line ")[0].strip()
        raise FormatError(f"malformed XML: {msg}", path, e.lineno or None) from None
    # The byte scan sees only ASCII-compatible encodings; a UTF-16 file's declarations show here
    # (parsed, never expanded).
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and (dtd.entities() or dtd.elements()):
        text = data.decode(docinfo.encoding or "utf-8", errors="replace")
        at = text.upper().find("<!ENTITY")
        raise FormatError("DTD with entity declarations refused (entity bomb protection)", path,
                          text.count("\n", 0, at) + 1 if at >= 0 else None)
    return root


def local(el: etree._Element) -> str:
    """Tag name without namespace ("" for comments and processing instructions)."""
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
