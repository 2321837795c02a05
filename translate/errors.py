"""Errors a user can cause, in one small hierarchy under :class:`BacktransError`.

Each keeps the file and line it is about. The faces (CLI, server) print one line and exit with
code 2 (or answer 400); a library caller catches the kind it can handle::

    BacktransError
    ├── UsageError      arguments that do not fit: an unknown language, options that exclude each other
    ├── InputError      a file that cannot be read as what it should be (missing, a folder, not UTF-8)
    │   └── FormatError its content breaks its format (XML, TBX, TMX, XLIFF, CSV, .gloss syntax)
    ├── GlossaryError   a glossary operation that cannot be done (no such concept, conflicts, read-only)
    ├── ModelError      no model for a language pair, a model that does not load or download
    └── OutputError     a result that cannot be written
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


@dataclass
class BacktransError(Exception):
    """A user-facing error: the CLI prints it as one line and exits with code 2."""

    message: str
    path: Path | str | None = None
    line: int | None = None

    def __str__(self) -> str:
        """``file:line: message``, on one line (a parser's message may end in a newline)."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + " ".join(self.message.splitlines()).strip()

    def at(self, path: Path | str | None, line: int | None = None) -> BacktransError:
        """The same error (same class and message) about another file and line."""
        return replace(self, path=path, line=line)


class UsageError(BacktransError):
    """Arguments or options that do not fit together or name nothing backtrans knows."""


class InputError(BacktransError):
    """An input file that cannot be read as what it should be."""


class FormatError(InputError):
    """An input file whose content breaks its format; ``line`` points at the fault."""


class GlossaryError(BacktransError):
    """A glossary operation that cannot be done on this glossary."""


class ModelError(BacktransError):
    """No model for a language pair, or a model package that cannot be loaded or downloaded."""


class OutputError(BacktransError):
    """A result that cannot be written where it was asked to go."""
