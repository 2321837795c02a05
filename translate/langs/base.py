"""The base class every language module specialises."""

from __future__ import annotations

import unicodedata


class Language:
    """Language rules reached through the language code, never through ``if lang == ...``."""

    code: str = "xx"
    name: str = "generic"
    script: str = "Latin"
    # Lower-cased tokens (without their final '.') after which a '.' does not end a sentence.
    abbreviations: frozenset[str] = frozenset()

    def __init__(self, code: str | None = None) -> None:
        if code is not None:
            self.code = code

    def normalise(self, text: str) -> str:
        """Normal form used for matching: NFC and case-folded."""
        return unicodedata.normalize("NFC", text).casefold()

    def __repr__(self) -> str:
        return f"<Language {self.code}>"
