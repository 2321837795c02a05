"""XLIFF 1.2 and 2.x: the translation units of a bilingual file (source, target, line).

A trans-unit whose ``<seg-source>`` holds ``<mrk mtype="seg">`` segments (SDLXLIFF, Okapi) is
one unit per segment; an empty ``<target/>`` is no translation yet; XLIFF 2 segment ids are
qualified by their unit's (``u1#s2``), as they are unique only there.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from translate.errors import FormatError
from translate.formats.units import (
    BilingualFile,
    BilingualUnit,
    InlineText,
    inline_content,
)
from translate.formats.xml import local, parse_xml


def parse_xliff(data: bytes, path: Path) -> BilingualFile:
    """The units of an XLIFF 1.2 (``trans-unit``) or 2.x (``unit``/``segment``) document."""
    root = parse_xml(data, path)
    if local(root) != "xliff":
        raise FormatError(f"not an XLIFF file: root element is <{local(root)}>", path, root.sourceline)
    version = root.get("version") or ""
    if version.startswith("1."):
        return _read_1(root, path)
    if version.startswith("2."):
        return _read_2(root, path)
    raise FormatError(f"unsupported XLIFF version {version!r} (1.2, 2.x)", path, root.sourceline)


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local(c) == name), None)


def _read_1(root: etree._Element, path: Path) -> BilingualFile:
    files = [el for el in root if local(el) == "file"]
    if not files:
        raise FormatError("XLIFF file without <file>", path, root.sourceline)
    result = BilingualFile(path, files[0].get("source-language") or "", files[0].get("target-language") or "")
    for file in files:
        for tu in (el for el in file.iter() if local(el) == "trans-unit"):
            source = _child(tu, "source")
            if source is None:
                raise FormatError("<trans-unit> without <source>", path, tu.sourceline)
            target = _child(tu, "target")
            segmented = _child(tu, "seg-source")
            if segmented is not None and _segments(segmented):
                result.units += _segmented_units(tu, segmented, target)
                continue
            line = (target if target is not None else tu).sourceline or 0
            result.units.append(_unit(tu.get("id") or "", source, target, line))
    return result


def _segments(el: etree._Element) -> dict[str, etree._Element]:
    """The ``<mrk mtype="seg">`` segments of an element, by their ``mid`` (SDLXLIFF, Okapi)."""
    return {m.get("mid") or "": m for m in el.iter() if local(m) == "mrk" and m.get("mtype") == "seg"}


def _segmented_units(tu: etree._Element, seg_source: etree._Element, target: etree._Element | None) -> list[BilingualUnit]:
    """One unit per segment of a trans-unit whose ``<seg-source>`` is segmented: its source
    and the target segment of the same ``mid`` (none yet: None)."""
    targets = _segments(target) if target is not None else {}
    out = []
    for mid, mrk in _segments(seg_source).items():
        translated = targets.get(mid)
        line = (translated if translated is not None else mrk).sourceline or 0
        out.append(_unit(f"{tu.get('id') or ''}#{mid}", mrk, translated, line))
    return out


def _unit(uid: str, source: etree._Element, target: etree._Element | None, line: int) -> BilingualUnit:
    """A unit of ``source`` and ``target`` elements: their text and inline codes."""
    src, tgt = inline_content(source), _target_content(target)
    return BilingualUnit(uid, src.text, tgt.text if tgt else None, line, src.codes, tgt.codes if tgt else ())


def _target_content(target: etree._Element | None) -> InlineText | None:
    """A target's text and codes; None when there is none, or an empty ``<target/>`` (not translated yet)."""
    if target is None:
        return None
    content = inline_content(target)
    return content if content.text.strip() else None


def _read_2(root: etree._Element, path: Path) -> BilingualFile:
    result = BilingualFile(path, root.get("srcLang") or "", root.get("trgLang") or "")
    if not result.source_lang:
        raise FormatError("XLIFF 2 file without srcLang", path, root.sourceline)
    for unit in (el for el in root.iter() if local(el) == "unit"):
        segments = [el for el in unit if local(el) == "segment"]
        if not segments:
            raise FormatError("<unit> without <segment>", path, unit.sourceline)
        for n, segment in enumerate(segments, 1):
            source = _child(segment, "source")
            if source is None:
                raise FormatError("<segment> without <source>", path, segment.sourceline)
            target = _child(segment, "target")
            line = (target if target is not None else segment).sourceline or 0
            # a segment's id is unique within its unit only: qualified by the unit's
            uid = (unit.get("id") or "") + (f"#{segment.get('id') or n}" if len(segments) > 1 or segment.get("id") else "")
            result.units.append(_unit(uid, source, target, line))
    return result
