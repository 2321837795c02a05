"""Reading and writing the user's files: every failure becomes a BacktransError naming the file."""

from __future__ import annotations

import sys
from pathlib import Path

from translate.atomic import atomic_write_bytes
from translate.errors import InputError, OutputError


def read_bytes(path: Path | str, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``; missing, a folder, unreadable or larger than ``max_bytes``: an error."""
    path = Path(path)
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise InputError(f"file larger than {max_bytes // 2**20} MB", path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", path) from None


def decode_utf8(data: bytes, path: Path | str, advice: str = "") -> str:
    """``data`` as UTF-8 (a BOM is dropped); otherwise an error with the line of the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(f"not UTF-8 text (byte 0x{data[e.start]:02x}){advice}", path, line) from None


def write_file(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` (str: as UTF-8) to ``path`` atomically; a folder, no permission or a full disk: an error."""
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a directory, not a file", path)
    atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)


def write_output(data: bytes | str, path: Path | str | None) -> None:
    """Write ``data`` to the file ``path`` atomically, or to standard output when ``path`` is None."""
    if path is not None:
        write_file(path, data)
        return
    sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
    sys.stdout.flush()
