"""TMX 1.4 reader: the translation units of a bilingual file (source, target, line).

Also the pieces the XLIFF reader shares: :class:`BilingualUnit`, :class:`BilingualFile`, the
safe XML parser (no entities, no network, no DTD) and inline-markup text extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from translate.errors import FormatError
from translate.files import read_bytes
from translate.formats.xml import local, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native code, not text (TMX ph/bpt/ept/it/ut; XLIFF 1.2 too).
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})


@dataclass(frozen=True)
class BilingualUnit:
    """One translation unit: its id, source and target text, and the line it starts on."""

    id: str
    source: str
    target: str | None  # None: no target written yet
    line: int


@dataclass
class BilingualFile:
    """The units of a TMX or XLIFF file and its languages (as the file declares them)."""

    path: Path
    source_lang: str
    target_lang: str
    units: list[BilingualUnit] = field(default_factory=list)


def inline_text(el: etree._Element) -> str:
    """The text of a segment element: inline formatting kept, native-code elements dropped."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and local(child) not in CODE_ELEMENTS:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def same_lang(a: str, b: str) -> bool:
    """Whether two language tags name the same language ("uk" and "uk-UA")."""
    return a.lower().replace("_", "-").split("-")[0] == b.lower().replace("_", "-").split("-")[0]


def read_tmx(path: Path | str, target_lang: str | None = None) -> BilingualFile:
    """The units of a TMX 1.4 file: source in the header's ``srclang``, target in ``target_lang``
    (default: the first other language of each unit)."""
    path = Path(path)
    root = parse_xml(read_bytes(path), path)
    if local(root) != "tmx":
        raise FormatError(f"not a TMX file: root element is <{local(root)}>", path, root.sourceline)
    header = next((el for el in root if local(el) == "header"), None)
    body = next((el for el in root if local(el) == "body"), None)
    if header is None or body is None:
        raise FormatError("TMX file without <header> and <body>", path, root.sourceline)
    srclang = header.get("srclang") or ""
    result = BilingualFile(path, srclang, target_lang or "")
    for n, tu in enumerate((el for el in body if local(el) == "tu"), 1):
        variants: list[tuple[str, str, int]] = []
        for tuv in (el for el in tu if local(el) == "tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            if not lang:
                raise FormatError("<tuv> without xml:lang", path, tuv.sourceline)
            seg = next((el for el in tuv if local(el) == "seg"), None)
            if seg is None:
                raise FormatError("<tuv> without <seg>", path, tuv.sourceline)
            variants.append((lang, inline_text(seg), seg.sourceline or tu.sourceline))
        if not variants:
            continue
        if not srclang or srclang == "*all*":
            srclang = result.source_lang = variants[0][0]
        source = next((v for v in variants if same_lang(v[0], srclang)), None)
        if source is None:
            raise FormatError(f"<tu> without a {srclang} variant", path, tu.sourceline)
        others = [v for v in variants if v is not source]
        if target_lang:
            others = [v for v in others if same_lang(v[0], target_lang)]
        target = others[0] if others else None
        if target is not None and not result.target_lang:
            result.target_lang = target[0]
        result.units.append(BilingualUnit(tu.get("tuid") or str(n), source[1],
                                          target[1] if target else None,
                                          target[2] if target else tu.sourceline or 0))
    return result
