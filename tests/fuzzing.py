"""The readers' contract under malformed input, shared by tests/test_fuzz.py (short, fixed seed) and
scripts/fuzz.py (long runs): every reader returns its model, or raises one BacktransError naming
the file, and nothing else, whatever bytes it is given.

Inputs are real files of each format (the shipped glossary exported, the check test data) with
mutations drawn by hypothesis: bytes flipped, cut, repeated or replaced by the tokens that break
parsers (markup, delimiters, quotes, BOMs, NULs, encodings, huge numbers, entity references).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

TOKENS = [b"<", b">", b"&", b"&amp;", b"&xxe;", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"]]>", b"<![CDATA[", b'"', b"'",
          b",", b";", b"\t", b"\n", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff",
          b"\xc3", b"\xe2\x80", b"#", b"[", b"]", b"- ", b": ", b"status: ", b"deprecated", b"- xx: ", b"kind:",
          b"[id]", b"\\", b"\\n", b"xml:lang=\"\"", b"xml:lang=\"zz-ZZ\"", b"srclang=\"*all*\"", b"<seg>", b"</seg>",
          b"<tu>", b"</tuv>", b"<term/>", b"<termSec>", b"<source>", b"<target>", b"9" * 40, b"-1", b" " * 300,
          b"\xe2\x80\xae", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80"]


@dataclass(frozen=True)
class Reader:
    """One reader of the project: the suffix its files take and how to read one."""

    name: str
    suffix: str
    sample: Callable[[], bytes]
    read: Callable[[Path], Any]


def _glossary_sample(fmt: str) -> bytes:
    from translate.glossary import load_glossary
    from translate.glossary.interchange import export_glossary
    from translate.glossary.model import Glossary

    shipped = load_glossary()
    small = Glossary(list(shipped)[:12])
    if fmt == "gloss":
        from translate.glossary.gloss import dump_gloss

        return dump_gloss(small).encode("utf-8")
    return export_glossary(small, fmt)


def _read_glossary(fmt: str) -> Callable[[Path], Any]:
    def read(path: Path) -> Any:
        from translate.glossary.interchange import read_glossary

        return read_glossary(path, fmt)
    return read


def _read_bilingual(path: Path) -> Any:
    from translate.formats.bilingual import read_bilingual

    return read_bilingual(path)


@lru_cache(maxsize=1)
def _small_glossary() -> Any:
    from tests.terms_glossary import small_glossary

    return small_glossary()


def _fix_po(path: Path) -> Any:
    """What ``fix`` reads of a PO file: its reader, then its msgstr strings in the bytes."""
    from translate.fix import fix_file

    return fix_file(path, "uk", _small_glossary())


def _fix_xlz(path: Path) -> Any:
    """What ``fix`` makes of an XLZ package: its XLIFF member fixed, the package made again."""
    from translate.fix import fix_file

    return fix_file(path, "pl", _small_glossary()).data()


def _xlz_sample() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("skeleton.skl", b"skeleton")
        zf.writestr("content.xlf", (DATA / "check" / "units12.xlf").read_bytes())
    return out.getvalue()


def _read_text(path: Path) -> Any:
    from translate.pipeline.segment import read_segmented

    return read_segmented(path, "uk")


READERS = {r.name: r for r in (
    Reader("gloss", ".gloss", lambda: _glossary_sample("gloss"), _read_glossary("gloss")),
    Reader("tbx", ".tbx", lambda: _glossary_sample("tbx"), _read_glossary("tbx")),
    Reader("tbx2", ".tbx", lambda: (DATA / "glossary" / "martif_v2.tbx").read_bytes(), _read_glossary("tbx")),
    Reader("tbxdct", ".tbx", lambda: (DATA / "formats" / "dct_basic.tbx").read_bytes(), _read_glossary("tbx")),
    Reader("csv", ".csv", lambda: _glossary_sample("csv"), _read_glossary("csv")),
    Reader("tsv", ".tsv", lambda: _glossary_sample("tsv"), _read_glossary("tsv")),
    Reader("xlsx", ".xlsx", lambda: _glossary_sample("xlsx"), _read_glossary("xlsx")),
    Reader("tmx", ".tmx", lambda: (DATA / "check" / "units.tmx").read_bytes(), _read_bilingual),
    Reader("xliff12", ".xlf", lambda: (DATA / "check" / "units12.xlf").read_bytes(), _read_bilingual),
    Reader("xliff20", ".xlf", lambda: (DATA / "check" / "units20.xlf").read_bytes(), _read_bilingual),
    Reader("sdlxliff", ".sdlxliff", lambda: (DATA / "formats" / "studio.sdlxliff").read_bytes(), _read_bilingual),
    Reader("po", ".po", lambda: (DATA / "formats" / "report.uk.po").read_bytes(), _read_bilingual),
    Reader("pofix", ".po", lambda: (DATA / "formats" / "report.uk.po").read_bytes(), _fix_po),
    Reader("xlzfix", ".xlz", _xlz_sample, _fix_xlz),
    Reader("mqxliff", ".mqxliff", lambda: (DATA / "formats" / "memoq.mqxliff").read_bytes(), _read_bilingual),
    Reader("text", ".txt", lambda: (REPO / "seeds" / "uk_thanh_phu_midterm.txt").read_text(encoding="utf-8")[:1500].encode("utf-8"),
           _read_text),
)}


@lru_cache(maxsize=None)
def sample(name: str) -> bytes:
    return READERS[name].sample()


@st.composite
def mutated(draw: st.DrawFn, name: str) -> bytes:
    """A sample of reader ``name`` with one to eight mutations."""
    data = bytearray(sample(name))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(("insert", "replace", "delete", "flip", "repeat", "cut")))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif op == "replace":
            data[at:at + draw(st.integers(1, 16))] = draw(st.sampled_from(TOKENS))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 200))] * draw(st.integers(2, 20))
        elif op == "cut":
            del data[at:]
    return bytes(data)


@dataclass(frozen=True)
class Outcome:
    """What a reader did with one input: read it, refused it cleanly, or failed (``failure`` set)."""

    clean_error: bool = False
    failure: str = ""


def read_one(name: str, data: bytes, folder: Path) -> Outcome:
    """Run reader ``name`` on ``data`` (written to a file in ``folder``) and judge the contract."""
    from translate.errors import BacktransError

    reader = READERS[name]
    path = folder / f"fuzz{reader.suffix}"
    path.write_bytes(data)
    try:
        reader.read(path)
    except BacktransError as e:
        if e.path is None or Path(e.path) != path:
            return Outcome(True, f"{type(e).__name__} does not name the file: {e}")
        if "\n" in str(e):
            return Outcome(True, f"{type(e).__name__} is more than one line: {e!r}")
        return Outcome(True)
    except Exception:  # the contract broken: anything else
        return Outcome(False, traceback.format_exc(limit=-3))
    return Outcome()
