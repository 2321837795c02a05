"""The one way to read a bilingual file, whatever its format: :func:`read_bilingual`.

By extension: ``.tmx`` (TMX 1.4), ``.xlf``/``.xliff`` (XLIFF 1.2 or 2.x) and ``.xlz`` (a zip
package holding one XLIFF file, as Okapi and others write it). Language tags come out
normalised (``uk-UA`` is ``uk``), so every command compares them the same way.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from translate.errors import FormatError, UsageError
from translate.files import read_bytes
from translate.formats.tmx import parse_tmx
from translate.formats.units import BilingualFile, same_lang
from translate.formats.xliff import parse_xliff
from translate.langs import normalise_language

SUFFIXES = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlz": "xlz"}
MAX_BYTES = 512 * 1024 * 1024


def is_bilingual(path: Path | str) -> bool:
    """Whether ``path`` names a bilingual file by its extension."""
    return Path(path).suffix.lower() in SUFFIXES


def read_bilingual(path: Path | str, target_lang: str | None = None) -> BilingualFile:
    """The units of a TMX, XLIFF or XLZ file, targets in ``target_lang`` when given.

    A file whose declared target language is another than ``target_lang`` is a UsageError.
    """
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"not a bilingual file ({', '.join(SUFFIXES)})", path)
    data = read_bytes(path, MAX_BYTES)
    if kind == "tmx":
        result = parse_tmx(data, path, target_lang)
    else:
        result = parse_xliff(_xlz_content(data, path) if kind == "xlz" else data, path)
    if target_lang and result.target_lang and not same_lang(result.target_lang, target_lang):
        raise UsageError(f"the file's target language is {result.target_lang}, not {target_lang}", path)
    result.source_lang = normalise_language(result.source_lang) or result.source_lang
    result.target_lang = normalise_language(result.target_lang) or result.target_lang
    return result


def _xlz_content(data: bytes, path: Path) -> bytes:
    """The XLIFF document inside an XLZ package (its one ``.xlf`` member)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [n for n in zf.namelist() if n.lower().endswith((".xlf", ".xliff"))]
            if len(members) != 1:
                raise FormatError(f"an .xlz package holds one XLIFF file, this one {len(members)}", path)
            return zf.read(members[0])
    except zipfile.BadZipFile as e:
        raise FormatError(f"not an .xlz (zip) package: {e}", path) from None


__all__ = ["SUFFIXES", "BilingualFile", "is_bilingual", "read_bilingual"]
