"""The target text of a TMX, XLIFF or PO file where it lies in the file's bytes, to rewrite it in place.

The readers (``translate.formats.bilingual``) give a unit's text; rewriting it by serialising a
tree again would change bytes nobody edited (quotes, entities, empty elements). Here expat,
which reports the byte offset of every piece of character data, finds each target's text:
XLIFF ``<target>`` (1.2 and 2.x, SDLXLIFF and MQXLIFF segments within), TMX ``<seg>`` of the
target language's ``<tuv>``, native-code elements (``ph``, ``bpt``, ...) left out, as the
readers leave them out. A piece is editable when its bytes are its text as written (no entity,
no line ending expat normalised); :func:`edit_targets` replaces spans within such pieces only.
A gettext PO file's ``msgstr`` strings are found line by line (:func:`find_po_targets`): each
quoted string a piece, one without an escape sequence editable (:func:`edit_po_targets`).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import FormatError
from translate.formats.units import CODE_ELEMENTS, same_lang

_XML_LANG = "http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Piece:
    """Character data as expat reported it: its text and the bytes [start, end) it came from;
    ``literal`` when those bytes are the text in UTF-8 (so that a span of it can be rewritten)."""

    text: str
    start: int
    end: int
    literal: bool


@dataclass
class Target:
    """One target segment's text (inline formatting's text included) as pieces, and its line."""

    line: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The bytes of the text's characters [start, end), when they lie in one literal piece."""
        at = 0
        for piece in self.pieces:
            if at <= start and end <= at + len(piece.text):
                if not piece.literal:
                    return None
                head = len(piece.text[: start - at].encode("utf-8"))
                return piece.start + head, piece.start + head + len(piece.text[start - at:end - at].encode("utf-8"))
            at += len(piece.text)
        return None


def find_targets(data: bytes, path: Path | str, kind: str, target_lang: str) -> list[Target]:
    """Every target segment of a TMX (``kind`` "tmx") or XLIFF ("xliff") document, in order."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    targets: list[Target] = []
    stack: list[str] = []
    inside: list[bool] = []  # per open element: within a target's text
    pending: list[tuple[str, int]] = []  # character data whose end is the next event's offset
    tuv_lang: list[str] = [""]

    def close_pending() -> None:
        ends = [start for _, start in pending[1:]] + [parser.CurrentByteIndex]
        for (text, start), end in zip(pending, ends):
            targets[-1].pieces.append(Piece(text, start, end, data[start:end] == text.encode("utf-8")))
        pending.clear()

    def start(name: str, attrs: dict[str, str]) -> None:
        close_pending()
        local = name.rsplit("}", 1)[-1]
        within = bool(inside) and inside[-1]
        if local == "tuv":
            tuv_lang.append(attrs.get(_XML_LANG) or attrs.get("lang") or "")
        opens = not within and (local == "target" if kind == "xliff" else
                                local == "seg" and same_lang(tuv_lang[-1], target_lang))
        if opens:
            targets.append(Target(parser.CurrentLineNumber))
        stack.append(local)
        inside.append((within or opens) and local not in CODE_ELEMENTS)

    def end(name: str) -> None:
        close_pending()
        if stack.pop() == "tuv":
            tuv_lang.pop()
        inside.pop()

    def text(data_: str) -> None:
        if inside and inside[-1]:
            pending.append((data_, parser.CurrentByteIndex))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.CommentHandler = lambda _: close_pending()
    parser.ProcessingInstructionHandler = lambda *_: close_pending()
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as e:
        raise FormatError(f"malformed XML: {xml.parsers.expat.ErrorString(e.code)}", path, e.lineno) from None
    return targets


def edit_targets(data: bytes, edits: list[tuple[int, int, str]]) -> bytes:
    """``data`` with each byte span [start, end) replaced by its text, escaped as XML character data."""
    return _replaced(data, edits, lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _replaced(data: bytes, edits: list[tuple[int, int, str]], escape: Callable[[str], str]) -> bytes:
    """``data`` with each byte span [start, end) of ``edits`` replaced by its text, ``escape``d, in UTF-8."""
    out, at = [], 0
    for start, end, text in sorted(edits):
        out += [data[at:start], escape(text).encode("utf-8")]
        at = end
    return b"".join(out) + data[at:]


_PO_STRING = re.compile(rb'^[ \t]*(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+)?"((?:[^"\\\r\n]|\\.)*)"[ \t]*\r?$')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def find_po_targets(data: bytes, path: Path | str) -> list[Target]:
    """Every translation of a PO file, as its reader (``translate.formats.po``) takes them: the
    ``msgstr`` (each ``msgstr[n]`` of a plural) of every entry but the header, a fuzzy one and an
    obsolete one (``#~``), in order; its pieces the file's quoted strings."""
    targets: list[Target] = []
    keyword, msgid, context, fuzzy = "", b"", False, False  # of the entry being read
    current: Target | None = None
    at = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        start, at = at, at + len(line) + 1
        stripped = line.strip()
        ends = keyword.startswith("msgstr")  # what follows a msgstr may start the next entry
        if not stripped or stripped.startswith(b"#"):
            if ends:  # a blank line or a comment after a translation: the next entry
                keyword, msgid, context, fuzzy, current = "", b"", False, False, None
            if stripped.startswith(b"#,") and b"fuzzy" in stripped:
                fuzzy = True
            continue
        m = _PO_STRING.match(line)
        if m is None:
            raise FormatError("malformed PO: a line that is neither a keyword with its string nor a string", path, number)
        word, raw = (m.group(1) or b"").decode("ascii"), m.group(2)
        if word in ("msgctxt", "msgid") and ends:
            keyword, msgid, context, fuzzy = "", b"", False, False
        if word:
            keyword, current = word, None
            context = context or word == "msgctxt"
            if word.startswith("msgstr") and (msgid or context) and not fuzzy:  # msgid "": the header
                current = Target(number)
                targets.append(current)
        elif not keyword:
            raise FormatError("malformed PO: a string before any keyword", path, number)
        if keyword == "msgid":
            msgid += raw
        if current is not None:
            offset = start + m.start(2)
            current.pieces.append(Piece(_po_unescape(raw.decode("utf-8")), offset, offset + len(raw), b"\\" not in raw))
    return [t for t in targets if t.text]  # an empty msgstr is no translation yet


def _po_unescape(raw: str) -> str:
    return re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), m.group(1)), raw)


def edit_po_targets(data: bytes, edits: list[tuple[int, int, str]]) -> bytes:
    """``data`` with each byte span [start, end) replaced by its text, escaped as a PO string's."""
    return _replaced(data, edits, lambda text: text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                     .replace("\t", "\\t"))
