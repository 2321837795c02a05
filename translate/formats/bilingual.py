"""The one way to read a bilingual file, whatever its format: :func:`read_bilingual`.

By extension: ``.tmx`` (TMX 1.4), ``.xlf``/``.xliff``/``.xlf2`` (XLIFF 1.2 or 2.x),
``.sdlxliff`` (Trados Studio) and ``.mqxliff`` (memoQ), both XLIFF 1.2, and ``.xlz`` (a zip
package holding one XLIFF file, as Okapi and others write it), ``.po``/``.pot`` (gettext); by content, a file of another
name whose root element is ``<tmx>`` or ``<xliff>``. Language tags come out normalised
(``uk-UA`` is ``uk``), so every command compares them the same way.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from translate.errors import FormatError, UsageError
from translate.files import read_bytes
from translate.formats.po import parse_po
from translate.formats.tmx import parse_tmx
from translate.formats.units import BilingualFile, same_lang
from translate.formats.xliff import parse_xliff
from translate.langs import normalise_language

SUFFIXES = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff", ".sdlxliff": "xliff",
            ".mqxliff": "xliff", ".xlz": "xlz", ".po": "po", ".pot": "po"}
MAX_BYTES = 512 * 1024 * 1024
_ROOT = re.compile(rb"<(tmx|xliff)[\s>]")


def is_bilingual(path: Path | str) -> bool:
    """Whether ``path`` is a bilingual file: by its extension, else by its root element."""
    return bilingual_kind(path) is not None


def bilingual_kind(path: Path | str) -> str | None:
    """"tmx", "xliff", "xlz" or "po": the kind of bilingual file ``path`` is (None: not one)."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is not None or not path.is_file():
        return kind
    found = _ROOT.search(_head(path))
    return found.group(1).decode() if found else None


def _head(path: Path) -> bytes:
    """The first kilobytes of ``path`` past a BOM and the XML declaration, comments and doctype
    (where a root element shows), or b"" when it cannot be read or is not XML."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return b""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return head if head.startswith(b"<") else b""


def read_bilingual(path: Path | str, target_lang: str | None = None) -> BilingualFile:
    """The units of a TMX, XLIFF or XLZ file, targets in ``target_lang`` when given.

    A file whose declared target language is another than ``target_lang`` is a UsageError.
    """
    path = Path(path)
    kind = bilingual_kind(path)
    if kind is None:
        raise UsageError(f"not a bilingual file ({', '.join(SUFFIXES)})", path)
    return parse_bilingual(read_bytes(path, MAX_BYTES), path, kind, target_lang)


def parse_bilingual(data: bytes, path: Path, kind: str, target_lang: str | None = None) -> BilingualFile:
    """The units of ``data``, a document of ``kind`` ("tmx", "xliff", "xlz", "po") read from
    ``path`` (named in errors), as :func:`read_bilingual` gives them."""
    if kind == "tmx":
        result = parse_tmx(data, path, target_lang)
    elif kind == "po":
        result = parse_po(data, path)
    else:
        result = parse_xliff(_xlz_content(data, path) if kind == "xlz" else data, path)
    if target_lang and result.target_lang and not same_lang(result.target_lang, target_lang):
        raise UsageError(f"the file's target language is {result.target_lang}, not {target_lang}", path)
    result.source_lang = normalise_language(result.source_lang) or result.source_lang
    result.target_lang = normalise_language(result.target_lang) or result.target_lang
    return result


def _xlz_content(data: bytes, path: Path) -> bytes:
    """The XLIFF document inside an XLZ package (its one ``.xlf`` member)."""
    return xlz_member(data, path)[1]


def xlz_member(data: bytes, path: Path | str) -> tuple[str, bytes]:
    """The name and the bytes of the one XLIFF member (``.xlf``, ``.xliff``) of an XLZ package."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [n for n in zf.namelist() if n.lower().endswith((".xlf", ".xliff"))]
            if len(members) != 1:
                raise FormatError(f"an .xlz package holds one XLIFF file, this one {len(members)}", path)
            damaged = zf.testzip()  # every member read once: a package made again later reads them all
            if damaged is not None:
                raise FormatError(f"a damaged .xlz package: member {damaged!r} fails its checksum", path)
            return members[0], zf.read(members[0])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, OSError,
            ValueError, RuntimeError) as e:  # what zipfile raises on a damaged (or encrypted) archive
        raise FormatError(f"not an .xlz (zip) package: {e}", path) from None


def replace_xlz_member(data: bytes, name: str, content: bytes) -> bytes:
    """The XLZ package ``data`` with member ``name`` holding ``content``; every other member, the
    order, names, dates and compression of all of them kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, content if info.filename == name else old.read(info.filename))
    return out.getvalue()


__all__ = ["SUFFIXES", "BilingualFile", "is_bilingual", "read_bilingual", "replace_xlz_member", "xlz_member"]
