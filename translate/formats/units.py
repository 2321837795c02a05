"""The value every bilingual reader returns: a file's translation units and its languages.

A unit's ``source`` and ``target`` are plain text: formatting elements (``g``, ``mrk``, ``pc``,
``hi``) keep their text, native-code elements (``ph``, ``bpt``, ``x``, ``sc``...) are left out.
Its inline codes are kept beside them, typed (:class:`InlineCode`), each at its offset in
that text, so tags can be compared between source and target and spans map back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from lxml import etree

from translate.formats.xml import local
from translate.langs import split_tag

# Inline elements whose content is native code, not text (TMX ph/bpt/ept/it/ut; XLIFF 1.2 too).
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})
# Inline elements that wrap text: an opening code before it, a closing one after (XLIFF 1.2 g/mrk,
# XLIFF 2 pc/mrk, TMX hi; TMX sub and XLIFF 1.2 sub only ever occur inside native codes).
WRAPPING_ELEMENTS = frozenset({"g", "mrk", "pc", "hi"})
_OPENING = frozenset({"bpt", "bx", "sc", "sm"})
_CLOSING = frozenset({"ept", "ex", "ec", "em"})
# A closing element's opening counterpart (a wrapping element is its own).
PARTNER = {"ept": "bpt", "ex": "bx", "ec": "sc", "em": "sm"}


class CodeKind(Enum):
    """Where an inline code stands: it opens a span, closes one, or stands alone."""

    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


@dataclass(frozen=True)
class InlineCode:
    """One inline code of a segment, at ``offset`` in the segment's plain text.

    ``id`` pairs it: a closing code carries its opening code's id (XLIFF 1.2 ``rid`` or
    ``id``, XLIFF 2 ``startRef``, TMX ``i``); a standalone code its own (``id``, TMX ``x``).
    ``content`` is the native code it stands for (``<ph>&lt;br/&gt;</ph>``: ``<br/>``), "" for
    wrapping and empty elements; ``protected``: a span not to translate (``mtype="protected"``,
    ``translate="no"``).
    """

    kind: CodeKind
    id: str
    element: str
    content: str
    offset: int
    protected: bool = False

    @property
    def key(self) -> tuple[str, CodeKind, str]:
        """What identifies the code between source and target: its element, kind and id
        (its content when it has no id, as TMX ``ph`` often has not)."""
        return (PARTNER.get(self.element, self.element), self.kind, self.id or self.content)

    def label(self) -> str:
        """The code as a tag (``<g id="1">``, ``</g id="1">``, ``<x id="2"/>``, ``<ph x="1">{1}</ph>``)."""
        ident = f' id="{self.id}"' if self.id else ""
        if self.kind is CodeKind.CLOSE:
            return f"</{self.element}{ident}>"
        if self.kind is CodeKind.OPEN:
            return f"<{self.element}{ident}>"
        return f"<{self.element}{ident}>{self.content}</{self.element}>" if self.content else f"<{self.element}{ident}/>"


@dataclass(frozen=True)
class InlineText:
    """A segment element's plain text and its inline codes, in document order."""

    text: str
    codes: tuple[InlineCode, ...] = ()


@dataclass(frozen=True)
class BilingualUnit:
    """One translation unit: its id, source and target text, the line it starts on, and the
    inline codes of its source and target (offsets into ``source`` and ``target``)."""

    id: str
    source: str
    target: str | None  # None: no target written yet
    line: int
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()


@dataclass
class BilingualFile:
    """The units of a TMX or XLIFF file and its languages (normalised: uk-UA is uk)."""

    path: Path
    source_lang: str
    target_lang: str
    units: list[BilingualUnit] = field(default_factory=list)


def inline_content(el: etree._Element) -> InlineText:
    """The text of a segment element (inline formatting kept, native code left out) and its codes."""
    parts: list[str] = []
    codes: list[InlineCode] = []
    _walk(el, parts, codes, [0])
    return InlineText("".join(parts), tuple(codes))


def inline_text(el: etree._Element) -> str:
    """The text of a segment element: inline formatting kept, native-code elements dropped."""
    return inline_content(el).text


def _walk(el: etree._Element, parts: list[str], codes: list[InlineCode], at: list[int]) -> None:
    """Append ``el``'s content (not its tail) to ``parts`` and its codes to ``codes``;
    ``at`` holds the offset reached so far."""

    def text(s: str | None) -> None:
        if s:
            parts.append(s)
            at[0] += len(s)

    text(el.text)
    for child in el:
        if isinstance(child.tag, str):
            name = local(child)
            if name in WRAPPING_ELEMENTS:
                ident = _id(child, name)
                protected = child.get("mtype") == "protected" or child.get("translate") == "no"
                codes.append(InlineCode(CodeKind.OPEN, ident, name, "", at[0], protected))
                _walk(child, parts, codes, at)
                codes.append(InlineCode(CodeKind.CLOSE, ident, name, "", at[0], protected))
            elif name in CODE_ELEMENTS:
                codes.append(InlineCode(_kind(child, name), _id(child, name), name,
                                        "".join(child.itertext()), at[0]))
            elif name == "cp":  # XLIFF 2: a character XML cannot carry
                codes.append(InlineCode(CodeKind.STANDALONE, "", name, _code_point(child), at[0]))
            else:
                _walk(child, parts, codes, at)
        text(child.tail)


def _kind(el: etree._Element, name: str) -> CodeKind:
    if el.get("isolated") == "yes":  # XLIFF 2 sc/ec whose partner is in another unit
        return CodeKind.STANDALONE
    if name in _OPENING:
        return CodeKind.OPEN
    return CodeKind.CLOSE if name in _CLOSING else CodeKind.STANDALONE


def _id(el: etree._Element, name: str) -> str:
    """The id that pairs the code: XLIFF 2 ``startRef``, XLIFF 1.2 ``rid`` then ``id``, TMX ``i`` then ``x``."""
    for attr in ("startRef", "rid", "id", "i", "x"):
        value = el.get(attr)
        if value:
            return value
    return ""


def _code_point(el: etree._Element) -> str:
    try:
        return chr(int(el.get("hex") or "", 16))
    except (ValueError, OverflowError):
        return ""


def same_lang(a: str, b: str) -> bool:
    """Whether two language tags name the same language ("uk" and "uk-UA", "de_CH" and "de")."""
    return split_tag(a)[0] == split_tag(b)[0]
