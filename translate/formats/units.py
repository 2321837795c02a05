"""The value every bilingual reader returns: a file's translation units and its languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from translate.formats.xml import local
from translate.langs import split_tag

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
    """The units of a TMX or XLIFF file and its languages (normalised: uk-UA is uk)."""

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
    """Whether two language tags name the same language ("uk" and "uk-UA", "de_CH" and "de")."""
    return split_tag(a)[0] == split_tag(b)[0]
