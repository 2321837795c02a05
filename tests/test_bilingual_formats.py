"""TMX 1.4 and XLIFF 1.2 / 2.0 readers: units, languages, inline markup, lines, errors."""

from __future__ import annotations

import pytest

from tests.helpers import REPO
from translate.errors import BacktransError
from translate.formats.tmx import read_tmx
from translate.formats.xliff import read_xliff

DATA = REPO / "tests" / "data" / "check"


def test_tmx_units_and_native_code_dropped():
    f = read_tmx(DATA / "units.tmx", "uk")
    assert (f.source_lang, f.target_lang) == ("en", "uk")
    assert [u.id for u in f.units] == ["1", "2"]
    assert f.units[0].source == "Revenue reached 8,850.26 billion dong, up 14.62%."
    assert f.units[0].target == "Дохід досяг 8 850,26 мільярда донгів, зростання на 14,62 %."  # <ph> dropped
    assert f.units[1].line == 11


def test_xliff_12_units_in_groups():
    f = read_xliff(DATA / "units12.xlf")
    assert (f.source_lang, f.target_lang) == ("en", "pl")
    assert [(u.id, u.line) for u in f.units] == [("a1", 7), ("a2", 12)]
    assert f.units[1].target == f.units[1].source == "The Politburo met 4 times."


def test_xliff_20_segments_keep_inline_text():
    f = read_xliff(DATA / "units20.xlf")
    assert (f.source_lang, f.target_lang) == ("en", "id")
    assert [u.target for u in f.units] == ["Pendapatan mencapai 8.850,26 miliar dong.", "Naik 41,62%."]


@pytest.mark.parametrize("reader, name, line", [(read_tmx, "broken.tmx", 7), (read_xliff, "broken.xlf", 5)])
def test_malformed_files_name_file_and_line(reader, name, line):
    with pytest.raises(BacktransError) as e:
        reader(DATA / name)
    assert e.value.line == line and str(e.value).startswith(f"{DATA / name}:{line}: malformed XML")


def test_entities_are_refused(tmp_path):
    bomb = tmp_path / "bomb.tmx"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaa">\n]>\n<tmx version="1.4"/>\n')
    with pytest.raises(BacktransError) as e:
        read_tmx(bomb)
    assert e.value.line == 3


def test_wrong_root_and_version(tmp_path):
    other = tmp_path / "x.xlf"
    other.write_text('<xliff version="3.0"/>')
    with pytest.raises(BacktransError, match="unsupported XLIFF version"):
        read_xliff(other)
    with pytest.raises(BacktransError, match="not a TMX file"):
        read_tmx(DATA / "units12.xlf")
