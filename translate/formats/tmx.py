"""TMX 1.4: the translation units of a translation memory, source and one target language."""

from __future__ import annotations

from pathlib import Path

from translate.errors import FormatError
from translate.formats.units import (
    BilingualFile,
    BilingualUnit,
    InlineText,
    inline_content,
    same_lang,
)
from translate.formats.xml import XML_LANG, local, parse_xml


def parse_tmx(data: bytes, path: Path, target_lang: str | None = None) -> BilingualFile:
    """The units of a TMX document: source in the unit's ``srclang`` (else the header's; ``*all*``
    or none: its first variant), target in ``target_lang`` (default: the unit's first other variant)."""
    root = parse_xml(data, path)
    if local(root) != "tmx":
        raise FormatError(f"not a TMX file: root element is <{local(root)}>", path, root.sourceline)
    header = next((el for el in root if local(el) == "header"), None)
    body = next((el for el in root if local(el) == "body"), None)
    if header is None or body is None:
        raise FormatError("TMX file without <header> and <body>", path, root.sourceline)
    srclang = header.get("srclang") or ""
    result = BilingualFile(path, "" if srclang == "*all*" else srclang, target_lang or "")
    for n, tu in enumerate((el for el in body if local(el) == "tu"), 1):
        variants: list[tuple[str, InlineText, int]] = []
        for tuv in (el for el in tu if local(el) == "tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            if not lang:
                raise FormatError("<tuv> without xml:lang", path, tuv.sourceline)
            seg = next((el for el in tuv if local(el) == "seg"), None)
            if seg is None:
                raise FormatError("<tuv> without <seg>", path, tuv.sourceline)
            variants.append((lang, inline_content(seg), seg.sourceline or tu.sourceline))
        if not variants:
            continue
        unit_src = tu.get("srclang") or srclang
        if not unit_src or unit_src == "*all*":
            unit_src = variants[0][0]
        if not result.source_lang:
            result.source_lang = unit_src
        source = next((v for v in variants if same_lang(v[0], unit_src)), None)
        if source is None:
            raise FormatError(f"<tu> without a {unit_src} variant", path, tu.sourceline)
        others = [v for v in variants if v is not source]
        if target_lang:
            others = [v for v in others if same_lang(v[0], target_lang)]
        target = others[0] if others else None
        if target is not None and not result.target_lang:
            result.target_lang = target[0]
        result.units.append(BilingualUnit(tu.get("tuid") or str(n), source[1].text,
                                          target[1].text if target else None,
                                          target[2] if target else tu.sourceline or 0,
                                          source[1].codes, target[1].codes if target else ()))
    return result
