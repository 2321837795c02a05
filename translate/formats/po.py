"""Gettext PO: the entries of a catalogue as translation units (polib).

A unit per entry (plural forms: one per form, ``id[n]``), its ``msgctxt`` qualifying the id;
an empty ``msgstr`` is no translation yet, and so is a fuzzy entry's (gettext does not use
it); obsolete entries (``#~``) are left out. The target language is the header's
``Language``; the source language, which PO files do not say, is English unless told.
"""

from __future__ import annotations

from pathlib import Path

import polib

from translate.errors import FormatError
from translate.files import decode_utf8
from translate.formats.units import BilingualFile, BilingualUnit


def parse_po(data: bytes, path: Path) -> BilingualFile:
    """The units of a PO file (UTF-8)."""
    text = decode_utf8(data, path, advice="; PO files here are read as UTF-8")
    try:
        catalogue = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as e:  # polib reports syntax errors as OSError
        message = str(e).split(" (line ")[0]
        line = _line_of(str(e))
        raise FormatError(f"malformed PO: {message}", path, line) from None
    result = BilingualFile(path, "en", catalogue.metadata.get("Language", "").strip())
    for entry in catalogue:
        if entry.obsolete:
            continue
        uid = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
        line = entry.linenum or 0
        fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items())
            for n, text_n in forms or [(0, "")]:
                source = entry.msgid if n == 0 else entry.msgid_plural
                result.units.append(BilingualUnit(f"{uid}[{n}]", source, text_n or None if not fuzzy else None, line))
        else:
            result.units.append(BilingualUnit(uid, entry.msgid, entry.msgstr or None if not fuzzy else None, line))
    return result


def _line_of(message: str) -> int | None:
    """The line polib's message names ("... (line 12)"), if any."""
    head, sep, tail = message.rpartition("(line ")
    digits = tail.rstrip(")").strip()
    return int(digits) if sep and digits.isdigit() else None
