"""TMX 1.4 and XLIFF 1.2 / 2.0 readers: units, languages, inline markup, lines, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import REPO, run_cli
from translate.errors import BacktransError, FormatError
from translate.formats.bilingual import read_bilingual

DATA = REPO / "tests" / "data" / "check"


def test_tmx_units_and_native_code_dropped():
    f = read_bilingual(DATA / "units.tmx", "uk")
    assert (f.source_lang, f.target_lang) == ("en", "uk")
    assert [u.id for u in f.units] == ["1", "2"]
    assert f.units[0].source == "Revenue reached 8,850.26 billion dong, up 14.62%."
    assert f.units[0].target == "Дохід досяг 8 850,26 мільярда донгів, зростання на 14,62 %."  # <ph> dropped
    assert f.units[1].line == 11


def test_xliff_12_units_in_groups():
    f = read_bilingual(DATA / "units12.xlf")
    assert (f.source_lang, f.target_lang) == ("en", "pl")
    assert [(u.id, u.line) for u in f.units] == [("a1", 7), ("a2", 12)]
    assert f.units[1].target == f.units[1].source == "The Politburo met 4 times."


def test_xliff_20_segments_keep_inline_text():
    f = read_bilingual(DATA / "units20.xlf")
    assert (f.source_lang, f.target_lang) == ("en", "id")
    assert [u.target for u in f.units] == ["Pendapatan mencapai 8.850,26 miliar dong.", "Naik 41,62%."]


@pytest.mark.parametrize("name, line", [("broken.tmx", 7), ("broken.xlf", 5)])
def test_malformed_files_name_file_and_line(name, line):
    with pytest.raises(BacktransError) as e:
        read_bilingual(DATA / name)
    assert e.value.line == line and str(e.value).startswith(f"{DATA / name}:{line}: malformed XML")


def test_entities_are_refused(tmp_path):
    bomb = tmp_path / "bomb.tmx"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaa">\n]>\n<tmx version="1.4"/>\n')
    with pytest.raises(BacktransError) as e:
        read_bilingual(bomb)
    assert e.value.line == 3


def test_wrong_root_and_version(tmp_path):
    other = tmp_path / "x.xlf"
    other.write_text('<xliff version="3.0"/>')
    with pytest.raises(BacktransError, match="unsupported XLIFF version"):
        read_bilingual(other)
    named_tmx = tmp_path / "x.tmx"
    named_tmx.write_bytes((DATA / "units12.xlf").read_bytes())
    with pytest.raises(BacktransError, match="not a TMX file"):
        read_bilingual(named_tmx)


def test_unit_srclang_tags_and_target_choice(tmp_path):
    tmx = tmp_path / "multi.tmx"
    tmx.write_text('''<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en-US" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="en-US"><seg>One.</seg></tuv><tuv xml:lang="de-DE"><seg>Eins.</seg></tuv><tuv xml:lang="fr-FR"><seg>Un.</seg></tuv></tu>
<tu srclang="fr-FR"><tuv xml:lang="en-US"><seg>Two.</seg></tuv><tuv xml:lang="fr-FR"><seg>Deux.</seg></tuv></tu>
</body></tmx>''', encoding="utf-8")
    f = read_bilingual(tmx, "fr")
    assert (f.source_lang, f.target_lang) == ("en", "fr")
    assert [(u.source, u.target) for u in f.units] == [("One.", "Un."), ("Deux.", None)]  # unit 2's source is fr
    assert [(u.source, u.target) for u in read_bilingual(tmx).units] == [("One.", "Eins."), ("Deux.", "Two.")]
    with pytest.raises(BacktransError, match="target language is pl, not uk"):
        read_bilingual(DATA / "units12.xlf", "uk")


def test_an_xlz_package_is_read_through_its_xliff(tmp_path):
    import zipfile

    xlz = tmp_path / "job.xlz"
    with zipfile.ZipFile(xlz, "w") as zf:
        zf.writestr("skeleton.skl", "...")
        zf.writestr("content.xlf", (DATA / "units12.xlf").read_bytes())
    assert [u.id for u in read_bilingual(xlz).units] == ["a1", "a2"]
    (tmp_path / "bad.xlz").write_bytes(b"not a zip")
    with pytest.raises(BacktransError, match="not an .xlz"):
        read_bilingual(tmp_path / "bad.xlz")


def test_a_damaged_xlz_package_is_a_format_error(tmp_path):
    import struct
    import zipfile

    xlz = tmp_path / "job.xlz"
    with zipfile.ZipFile(xlz, "w") as zf:
        zf.writestr("content.xlf", (DATA / "units12.xlf").read_bytes())
    good = xlz.read_bytes()
    central = good.rindex(b"PK\x01\x02")  # the member's central directory record
    end = good.rindex(b"PK\x05\x06")  # the end of central directory record
    # What the fuzzer found escaping as zipfile's RuntimeError and ValueError: a member marked
    # encrypted (general purpose flag bit 0, in its local and its central header), and a central
    # directory said to start past where it does, which puts the member before the archive.
    encrypted = bytearray(good)
    encrypted[6] |= 1
    encrypted[central + 8] |= 1
    before = bytearray(good)
    before[end + 16:end + 20] = struct.pack("<I", central + 100)
    for name, data in (("encrypted.xlz", encrypted), ("offset.xlz", before)):
        (tmp_path / name).write_bytes(bytes(data))
        with pytest.raises(FormatError, match="xlz"):
            read_bilingual(tmp_path / name)
        result = run_cli(["fix", str(tmp_path / name), "--lang", "pl"])
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and name in result.stderr


FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def test_sdlxliff_segments_are_the_units_and_untranslated_ones_have_no_target():
    from translate.formats.bilingual import read_bilingual

    data = read_bilingual(FORMATS / "studio.sdlxliff")
    assert (data.source_lang, data.target_lang) == ("uk", "en")
    assert [(u.id, u.source, u.target) for u in data.units] == [
        ("a1f3#1", "Секретар прибув до Куангніня.", "The secretary arrived in Quang Ninh."),
        ("a1f3#2", "Він відкрив засідання.", None),
        ("b7#3", "Засідання тривало дві години.", "The meeting lasted two hours.")]


def test_mqxliff_and_xlf2_are_read_as_xliff_not_as_text(tmp_path):
    from translate.formats.bilingual import read_bilingual

    memoq = read_bilingual(FORMATS / "memoq.mqxliff")
    assert [(u.id, u.target) for u in memoq.units] == [("1", "The delegation visited Quang Ninh."), ("2", None)]
    assert [u.id for u in read_bilingual(FORMATS / "two_units.xlf2").units] == ["u1#s1", "u2#s1"]
    run = run_cli(["check", str(FORMATS / "memoq.mqxliff"), "--lang", "en", "--format", "json"])
    [doc] = json.loads(run.stdout)["documents"]
    assert doc["segments"] == 1  # the translated segment; the empty <target/> is no segment


def test_a_bilingual_file_of_another_name_is_read_by_its_content_and_xml_is_never_text(tmp_path):
    from translate.formats.bilingual import is_bilingual, read_bilingual

    renamed = tmp_path / "export.xml"
    renamed.write_bytes((FORMATS / "two_units.xlf2").read_bytes())
    assert is_bilingual(renamed) and len(read_bilingual(renamed).units) == 2
    disguised = tmp_path / "notes.txt"
    disguised.write_text('<?xml version="1.0"?>\n<doc><p>Хайзионг</p></doc>\n', encoding="utf-8")
    run = run_cli(["check", str(disguised), "--lang", "uk"])
    assert run.returncode == 2 and "an XML document, not plain text" in run.stderr


def test_po_entries_are_units_and_fuzzy_or_empty_ones_are_not_translated_yet():
    from translate.formats.bilingual import read_bilingual

    data = read_bilingual(FORMATS / "report.uk.po")
    assert (data.source_lang, data.target_lang) == ("en", "uk")
    assert [(u.id, u.target) for u in data.units] == [
        ("The delegation visited Quang Ninh.", "Делегація відвідала Куангнінь."),
        ("The meeting lasted two hours.", None),  # fuzzy: gettext does not use it
        ("title|Secretary", "Секретар"),
        ("%d commune[0]", "%d комуна"), ("%d commune[1]", "%d комуни"), ("%d commune[2]", None),
        ("Not translated yet.", None)]  # and the obsolete #~ entry is none
    run = run_cli(["check", str(FORMATS / "report.uk.po"), "--lang", "uk", "--format", "json"])
    [doc] = json.loads(run.stdout)["documents"]
    assert doc["segments"] == 4 and doc["source_lang"] == "en"


def test_a_malformed_po_file_is_one_line_with_its_line(tmp_path):
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\n\nthis is no po\n', encoding="utf-8")
    run = run_cli(["check", str(broken), "--lang", "uk"])
    assert run.returncode == 2 and f"{broken}:4: malformed PO" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def _codes(codes):
    return [(c.kind.value, c.element, c.id, c.content, c.offset) for c in codes]


def test_inline_codes_are_typed_placeholders_at_offsets_of_the_plain_text():
    from translate.formats.units import CodeKind

    t1 = read_bilingual(FORMATS / "inline12.xlf").units[0]
    assert t1.source == "Text with  and bold text, Quang Ninh."  # the text check, score and align see, as before
    assert _codes(t1.source_codes) == [
        ("open", "g", "1", "", 10), ("standalone", "x", "2", "", 10), ("close", "g", "1", "", 10),
        ("open", "bpt", "3", "<b>", 15), ("close", "ept", "3", "</b>", 19), ("standalone", "ph", "4", "<br/>", 24),
        ("open", "mrk", "", "", 26), ("close", "mrk", "", "", 36)]
    assert t1.source[15:19] == "bold" and t1.source[26:36] == "Quang Ninh"
    assert [c.protected for c in t1.source_codes if c.element == "mrk"] == [True, True]
    assert [c.key for c in t1.source_codes] == [c.key for c in t1.target_codes]
    bx = read_bilingual(FORMATS / "inline12.xlf").units[1].source_codes[:2]  # bx/ex paired by rid
    assert [(c.kind, c.key) for c in bx] == [(CodeKind.OPEN, ("bx", CodeKind.OPEN, "1")),
                                             (CodeKind.CLOSE, ("bx", CodeKind.CLOSE, "1"))]


def test_xliff2_and_tmx_inline_codes():
    u1, u2 = read_bilingual(FORMATS / "inline20.xlf").units
    assert u1.source == "The delegation visited Quang Ninh KPI."
    assert _codes(u1.source_codes) == [
        ("open", "pc", "1", "", 4), ("close", "pc", "1", "", 14), ("open", "sc", "2", "", 23),
        ("close", "ec", "2", "", 33), ("standalone", "ph", "3", "", 33), ("open", "mrk", "m1", "", 34),
        ("close", "mrk", "m1", "", 37), ("standalone", "cp", "", "\x07", 37)]
    assert _codes(u2.source_codes) == [("standalone", "sc", "4", "", 6)]  # isolated="yes"
    tmx = read_bilingual(FORMATS / "inline.tmx", "pl")
    assert tmx.units[0].target == "Naciśnij Enter aby kontynuować."
    assert _codes(tmx.units[0].target_codes) == [
        ("open", "bpt", "1", "<b>", 9), ("close", "ept", "1", "</b>", 14), ("standalone", "ph", "2", "<br/>", 14),
        ("open", "hi", "3", "", 19), ("close", "hi", "3", "", 30)]
    assert _codes(tmx.units[1].source_codes) == [("standalone", "ph", "", "<br/>", 8)]


def test_segmented_sdlxliff_units_carry_the_codes_of_their_segment(tmp_path):
    xlf = tmp_path / "codes.sdlxliff"
    xlf.write_text('''<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" target-language="uk" datatype="x"><body>
<trans-unit id="1"><source>A <g id="1">b</g>. C.</source>
<seg-source><mrk mtype="seg" mid="1">A <g id="1">b</g>.</mrk> <mrk mtype="seg" mid="2">C<x id="2"/>.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">А <g id="1">б</g>.</mrk> <mrk mtype="seg" mid="2">В.</mrk></target></trans-unit>
</body></file></xliff>''', encoding="utf-8")
    one, two = read_bilingual(xlf).units
    assert (one.source, one.target) == ("A b.", "А б.")
    assert _codes(one.target_codes) == [("open", "g", "1", "", 2), ("close", "g", "1", "", 3)]
    assert _codes(two.source_codes) == [("standalone", "x", "2", "", 1)] and two.target_codes == ()
