"""Reading and writing the user's files: every failure becomes a BacktransError naming the file.

Writes are atomic (a reader sees the old file or the new one, never half of one), follow a
symbolic link to the file it names, and keep that file's permissions; a new file gets the
permissions the umask allows, as ``open()`` would give it.
"""

from __future__ import annotations

import fcntl
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from translate.errors import InputError, OutputError, UsageError

MAX_INPUT_ENV = "BACKTRANS_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 512


def max_input_bytes() -> int:
    """The largest input file read: ``$BACKTRANS_MAX_INPUT_MB`` megabytes (512 unless set)."""
    value = os.environ.get(MAX_INPUT_ENV, "")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise UsageError(f"${MAX_INPUT_ENV}: {value!r} is not a number of megabytes") from None
    return int(megabytes * 2**20)


def read_bytes(path: Path | str, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``; missing, a folder, unreadable or larger than ``max_bytes`` (default:
    ``max_input_bytes()``, checked before reading): an error."""
    path = Path(path)
    limit = max_input_bytes() if max_bytes is None else max_bytes
    try:
        if path.stat().st_size > limit:
            raise InputError(f"file larger than {limit / 2**20:g} MB, the limit of ${MAX_INPUT_ENV}", path)
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


def read_text(path: Path | str) -> str:
    """A UTF-8 text file (BOM dropped); unreadable, not UTF-8 or binary: an InputError with its line."""
    return decode_text(read_bytes(path), path)


def decode_text(data: bytes, path: Path | str) -> str:
    """The bytes of the text file ``path`` as text (BOM dropped); not UTF-8 or binary: an InputError."""
    text = decode_utf8(data, path)
    if "\x00" in text:
        raise InputError("binary file, not text", path, text[: text.index("\x00")].count("\n") + 1)
    return text


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    A folder in the way, no permission or a full disk is an OutputError naming ``path``.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a directory, not a file", path)
    try:
        _write(Path(os.path.realpath(path)), data)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path) from None


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def write_output(data: bytes | str, path: Path | str | None) -> None:
    """Write ``data`` (str: as UTF-8) to the file ``path`` atomically, or to standard output when None."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path is not None:
        atomic_write_bytes(path, raw)
        return
    sys.stdout.buffer.write(raw)
    sys.stdout.flush()


def remove_stale_temporaries(folder: Path | str, name: str = "*") -> int:
    """Delete the temporary files a killed writer left in ``folder`` (of the file ``name``, or
    of any); only the holder of the folder's or the file's lock may call it. Returns how many."""
    removed = 0
    for tmp in Path(folder).glob(f".{name}.*.tmp"):
        try:
            tmp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@contextmanager
def file_lock(path: Path | str, *, wait: bool = True, busy: str = "") -> Iterator[None]:
    """An exclusive advisory lock on the real file ``path`` names (through ``.<name>.lock``
    beside it), so every spelling of the path and every link to it share one lock.

    With ``wait`` False a lock another process holds is an OutputError saying ``busy``.
    """
    real = Path(os.path.realpath(path))
    lock = real.parent / f".{real.name}.lock"
    if not real.parent.is_dir():
        raise OutputError(f"no such folder: {real.parent}", path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(f"cannot create lock file: {e.strerror}", lock) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise OutputError(busy or "in use by another process", path) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock
