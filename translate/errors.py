"""The one exception type for errors a user can cause (bad file, bad glossary, missing model)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class BacktransError(Exception):
    """A user-facing error: the CLI prints it as one line and exits with code 2."""

    message: str
    path: Path | str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message
