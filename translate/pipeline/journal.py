"""An append-only journal of finished sentence translations, the basis of resuming.

Every batch the engine finishes is appended and fsynced before the run goes on, so a run
killed at any moment (even SIGKILL) loses at most the batch in flight. A torn last line
from a kill mid-write is ignored on reading.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from translate.errors import OutputError


class Journal:
    """Translations keyed by (model key, source sentence)."""

    def __init__(self, path: Path, fresh: bool = False) -> None:
        """The journal at ``path``; ``fresh`` forgets (and deletes) what an earlier run recorded."""
        self.path = path
        self.entries: dict[tuple[str, str], str] = {}
        if path.is_dir():
            raise OutputError("the journal of this output folder is a folder: move it away", path)
        if fresh:
            self.clear()
        elif path.exists():
            self._load()

    def _load(self) -> None:
        with open(self.path, "rb") as f:
            for raw in f:
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue  # a line torn by a kill; its batch is simply redone
                if isinstance(record, dict) and {"model", "src", "tgt"} <= record.keys():
                    self.entries[record["model"], record["src"]] = record["tgt"]

    def get(self, model: str, source: str) -> str | None:
        return self.entries.get((model, source))

    def add(self, model: str, pairs: list[tuple[str, str]]) -> None:
        """Record (source, translation) pairs durably."""
        if not pairs:
            return
        lines = "".join(
            json.dumps({"model": model, "src": s, "tgt": t}, ensure_ascii=False) + "\n" for s, t in pairs
        ).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as f:
            if f.tell() and not _ends_with_newline(self.path):
                f.write(b"\n")  # close a torn line left by a kill
            f.write(lines)
            f.flush()
            os.fsync(f.fileno())
        for s, t in pairs:
            self.entries[model, s] = t

    def clear(self) -> None:
        self.entries.clear()
        self.path.unlink(missing_ok=True)


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"
