"""TBX and CSV/TSV: lossless round trips, TBX v2 reading, and clean errors on malformed files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import run_cli
from translate.errors import BacktransError
from translate.glossary import (
    Concept,
    Glossary,
    Status,
    Term,
    load_glossary,
    shipped_glossary_path,
)
from translate.glossary.interchange import export_glossary
from translate.glossary.tabular import dump_tabular, parse_tabular
from translate.glossary.tbx import NS, dump_tbx, parse_tbx

DATA = Path(__file__).resolve().parent / "data" / "glossary"

def odd_glossary() -> Glossary:
    """Notes, statuses, sources and characters that formats like to break."""
    return Glossary([
        Concept("hai-duong", "place", "Hai Duong", "Hải Dương", {
            "uk": [Term("Хайзионг", "uk", source="seeds/uk.txt"),
                   Term("Хай Дуонг", "uk", Status.ADMITTED, note='reading; "Latin", <spelling> & more')],
            "ar": [Term("هاي دونغ", "ar", Status.DEPRECATED, note="right-to-left\ttab")],
            "en": [Term("Haiduong", "en", Status.DEPRECATED, note="one word")],
        }, note="multi\nline, with ; semicolons, commas and \\ backslash"),
        Concept("semi", "party-term", "A;B", "Ủy ban", {
            "pt-BR": [Term("Comitê; do Povo", "pt-BR"), Term("x\\y", "pt-BR", Status.ADMITTED)],
            "vi": [Term("UBND", "vi", Status.ADMITTED, note="abbreviation")],
        }),
        Concept("bare", "programme", "OCOP", "OCOP"),
    ])


@pytest.mark.parametrize("build", [lambda: load_glossary(shipped_glossary_path()), odd_glossary],
                         ids=["shipped", "synthetic"])
def test_tbx_round_trip_is_lossless(build):
    g = build()
    assert parse_tbx(dump_tbx(g)).concepts == g.concepts


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("layout", ["wide", "long"])
@pytest.mark.parametrize("build", [lambda: load_glossary(shipped_glossary_path()), odd_glossary],
                         ids=["shipped", "synthetic"])
def test_csv_tsv_round_trip_is_lossless(build, fmt, layout):
    g = build()
    assert parse_tabular(dump_tabular(g, fmt, layout), f"x.{fmt}", fmt).concepts == g.concepts


def test_tbx_v3_is_tbx_basic_dca_with_administrative_status():
    root = etree.fromstring(dump_tbx(odd_glossary()))
    assert root.tag == f"{{{NS}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    ns = {"t": NS, "xml": "http://www.w3.org/XML/1998/namespace"}
    entry = root.find(".//t:conceptEntry[@id='hai-duong']", ns)
    assert entry.find("t:descrip[@type='subjectField']", ns).text == "place"
    uk = entry.find("t:langSec[@xml:lang='uk']", ns)
    statuses = [s.text for s in uk.findall("t:termSec/t:termNote[@type='administrativeStatus']", ns)]
    assert statuses == ["preferredTerm-admn-sts", "admittedTerm-admn-sts"]
    en_first = entry.find("t:langSec[@xml:lang='en']/t:termSec/t:term", ns)
    assert en_first.text == "Hai Duong"  # the canonical form leads its langSec


def test_tbx_v2_martif_with_tig_and_ntig_is_read():
    g = load_glossary(DATA / "martif_v2.tbx")
    nd = g.get("nam-dinh")
    assert (nd.kind, nd.en, nd.vi) == ("place", "Nam Dinh", "Nam Định")
    assert nd.terms["pl"] == [Term("Nam Dinh", "pl", source="seeds/pl_nam_dinh_grassroots.txt")]
    pc = g.get("peoples-committee")
    assert pc.kind == "party-term" and pc.en == "People's Committee"
    assert [(t.text, t.status, t.note) for t in pc.terms["pl"]] == [
        ("Komitet Ludowy", Status.PREFERRED, ""),
        ("Ludowy Komitet", Status.ADMITTED, "word order copied from English"),
    ]


def test_a_termbase_csv_with_only_language_columns_is_read():
    text = "en,vi,pl,uk\nHai Duong,Hải Dương,,Хайзионг; Хай Дуонг\nPeople's Committee,Ủy ban nhân dân,Komitet Ludowy;Ludowy Komitet,\n"
    g = parse_tabular(text, "memoq.csv")
    assert [c.id for c in g] == ["hai-duong", "people-s-committee"]
    assert [t.text for t in g.get("hai-duong").terms["uk"]] == ["Хайзионг", "Хай Дуонг"]
    assert g.get("people-s-committee").canonical("pl") == "Komitet Ludowy"


def test_export_and_import_through_the_cli(tmp_path):
    out = tmp_path / "shipped.tbx"
    run = run_cli(["glossary", "export", "--format", "tbx", "-o", str(out)])
    assert run.returncode == 0, run.stderr
    target = tmp_path / "new.gloss"
    run = run_cli(["glossary", "import", str(out), "--glossary", str(target)])
    assert run.returncode == 0, run.stderr
    assert load_glossary(target).concepts == load_glossary(shipped_glossary_path()).concepts
    run = run_cli(["glossary", "export", "--format", "csv"])
    assert run.stdout.startswith("concept_id,kind,note,en,en_status")


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x">&c;</conceptEntry></body></text></tbx>
"""


def malformed_files(tmp: Path) -> dict[str, tuple[Path, int | None, str]]:
    """name → (file, expected line, words expected in the message)."""
    files = {}

    def put(name: str, data: bytes, line: int | None, words: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        files[name] = (path, line, words)

    put("bad.tbx", b'<?xml version="1.0"?>\n<tbx>\n<text><body>\n<conceptEntry>\n</tbx>\n', 5, "malformed XML")
    put("encoding.tbx", '<?xml version="1.0" encoding="UTF-8"?>\n<tbx><text><body>\n<conceptEntry id="x">Хай</conceptEntry>\n</body></text></tbx>\n'.encode("cp1251"), 3, "malformed XML")
    put("bomb.tbx", BOMB, 3, "entity")
    put("notbx.tbx", b'<?xml version="1.0"?>\n<html/>\n', 2, "not a TBX file")
    put("cp1251.csv", "en,vi,uk\nHai Duong,Hai Duong,Хайзионг\n".encode("cp1251"), 2, "not UTF-8")
    put("noheader.csv", "Hai Duong,Hải Dương,Хайзионг\n".encode(), 1, "missing header")
    put("huge.csv", b"en,vi\n" + b"x" * (10 * 1024 * 1024) + b",y\n", 2, "field larger")
    put("ragged.tsv", "en\tvi\nHai Duong\tHải Dương\textra\n".encode(), 2, "cells")
    return files


def test_malformed_files_raise_backtrans_error_with_line(tmp_path):
    for name, (path, line, words) in malformed_files(tmp_path).items():
        with pytest.raises(BacktransError) as err:
            load_glossary(path)
        assert err.value.line == line and words in err.value.message, (name, err.value)


def test_malformed_files_through_the_cli_exit_2_with_one_line(tmp_path):
    target = tmp_path / "target.gloss"
    for name, (path, line, words) in malformed_files(tmp_path).items():
        run = run_cli(["glossary", "import", str(path), "-g", str(target)])
        assert run.returncode == 2, (name, run.stderr)
        assert "Traceback" not in run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"backtrans: error: {path}:{line}: "), (name, lines)
    assert not target.exists()


def test_export_rejects_an_unknown_format():
    with pytest.raises(BacktransError):
        export_glossary(Glossary(), "ods")


def test_language_columns_written_with_underscore_become_tags_the_gloss_format_reads(tmp_path):
    csv_file = tmp_path / "termbase.csv"
    csv_file.write_text("concept_id,en,vi,pt_BR,pt_BR_status\nha-noi,Ha Noi,Hà Nội,Hanói,admitted\n",
                        encoding="utf-8")
    target = tmp_path / "team.gloss"
    assert run_glossary("import", str(csv_file), "-g", str(target)).returncode == 0
    term = load_glossary(target).get("ha-noi").terms["pt-BR"][0]  # the saved file loads again
    assert (term.text, term.status) == ("Hanói", Status.ADMITTED)


@pytest.mark.parametrize("name, data, line, message", [
    ("bad.tbx", f'<tbx xmlns="{NS}"><text><body>\n<conceptEntry id="c1">\n<langSec xml:lang="english">'
                "<termSec><term>Foo</term></termSec></langSec></conceptEntry></body></text></tbx>",
     3, "xml:lang 'english' is not a language code"),
    ("long.csv", "concept_id,en,vi,lang,term\nc1,Foo,Foo,engl1sh,Foo\n", 2, "'engl1sh' is not a language code"),
    ("newline.csv", 'concept_id,en,vi\n"a\nb",X,Y\n', 2, "holds a line break"),
])
def test_imports_the_gloss_format_could_not_hold_are_refused_and_nothing_is_written(tmp_path, name, data,
                                                                                  line, message):
    source = tmp_path / name
    source.write_text(data, encoding="utf-8")
    target = tmp_path / "team.gloss"
    target.write_text("[x]\nkind: place\nen: X\nvi: X\n", encoding="utf-8")
    run = run_glossary("import", str(source), "-g", str(target))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"{source}:{line}: " in run.stderr and message in run.stderr
    assert target.read_text(encoding="utf-8") == "[x]\nkind: place\nen: X\nvi: X\n"


def test_concepts_without_an_id_get_one_from_en_without_diacritics():
    g = parse_tabular("en,vi\nĐắk Lắk,Đắk Lắk\n", "t.csv")
    assert [c.id for c in g] == ["dak-lak"]


def run_glossary(*args: str) -> subprocess.CompletedProcess:
    return run_cli(["glossary", *args])


FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def _terms(concept, lang):
    return [(t.text, t.status.value) for t in concept.terms.get(lang, [])]


def test_tbx_dct_style_statuses_notes_definitions_and_the_preferred_canonical_form():
    [c] = parse_tbx((FORMATS / "dct_basic.tbx").read_bytes(), "dct_basic.tbx")
    assert (c.kind, c.en, c.vi) == ("place", "Quang Ninh", "Quảng Ninh")  # the preferred en term, not the first
    assert _terms(c, "en") == [("Quangninh", "admitted")]
    assert "vi" not in c.terms  # the empty <term/> is no term
    assert _terms(c, "uk") == [("Куангнінь", "preferred"), ("Куанг Нінь", "deprecated")]
    assert c.terms["uk"][0].note == "practical transcription | one word, as for places"
    assert c.note == ("definition: A province of northern Vietnam on the Gulf of Tonkin. | "
                      "first concept note | second concept note")


def test_tbx_min_usage_status_and_tbx2_administrative_statuses():
    [c] = parse_tbx((FORMATS / "min.tbx").read_bytes(), "min.tbx")
    assert _terms(c, "pl") == [("oczyszczanie terenu", "preferred"), ("czyszczenie miejsca", "deprecated"),
                               ("wyzwolenie terenu", "deprecated")]
    [c] = parse_tbx((FORMATS / "v2_statuses.tbx").read_bytes(), "v2_statuses.tbx")
    assert (c.en, c.vi) == ("People's Committee", "Ủy ban nhân dân")
    # terms stating no status are admitted; the regulated term is the preferred one
    assert _terms(c, "pl") == [("Komitet Ludowy", "admitted"), ("Ludowy Komitet", "admitted"),
                               ("Komitet Narodowy", "preferred")]
    # a language whose terms state none: its first is the form to use, the others admitted
    assert _terms(c, "id") == [("Komite Rakyat", "preferred"), ("Komite Rakyat Provinsi", "admitted")]


def test_language_names_as_headers_and_data_words_are_no_header(tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("English,Dutch,Українська\nPeople's Committee,Volkscomité,Народний комітет\n", encoding="utf-8")
    [c] = parse_tabular(names.read_text(encoding="utf-8"), names, "csv")
    assert c.en == "People's Committee" and _terms(c, "nl") == [("Volkscomité", "preferred")]
    assert _terms(c, "uk") == [("Народний комітет", "preferred")]
    data = tmp_path / "headerless.csv"
    data.write_text("kde,UTF\nsomething,else\n", encoding="utf-8")
    run = run_glossary("import", str(data), "-g", str(tmp_path / "g.gloss"))
    assert run.returncode == 2 and "missing header row" in run.stderr and "--langs" in run.stderr


def test_an_omegat_glossary_without_header_is_read_with_its_languages(tmp_path):
    omegat = tmp_path / "glossary.txt"
    omegat.write_text("# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
                      "Хайзионг\tHai Duong\tprovince and city\n"
                      "Куангнінь\tQuang Ninh\n", encoding="utf-8")
    target = tmp_path / "team.gloss"
    run = run_glossary("import", str(omegat), "--langs", "uk,en", "-g", str(target))
    assert run.returncode == 0, run.stderr
    g = load_glossary(target)
    assert [(c.en, _terms(c, "uk"), c.note) for c in g] == [
        ("Hai Duong", [("Хайзионг", "preferred")], "province and city"),
        ("Quang Ninh", [("Куангнінь", "preferred")], "")]


def test_xlsx_termbases_round_trip_and_read_as_excel_writes_them(tmp_path):
    import openpyxl

    from translate.glossary.xlsx import dump_xlsx, parse_xlsx

    g = odd_glossary()
    assert parse_xlsx(dump_xlsx(g), "g.xlsx").concepts == g.concepts
    workbook = openpyxl.Workbook()  # as a person or another tool writes one: names, numbers, blank rows
    sheet = workbook.active
    sheet.append(["English", "Ukrainian", "Polish", "note"])
    sheet.append(["Resolution 18", "Резолюція 18", "Rezolucja 18", 2025])
    sheet.append([None, None, None, None])
    path = tmp_path / "termbase.xlsx"
    workbook.save(path)
    target = tmp_path / "team.gloss"
    assert run_glossary("import", str(path), "-g", str(target)).returncode == 0
    [c] = load_glossary(target)
    assert (c.en, _terms(c, "uk"), c.note) == ("Resolution 18", [("Резолюція 18", "preferred")], "2025")
    assert run_glossary("export", "--format", "xlsx", "-o", str(tmp_path / "out.xlsx"), "-g", str(target)).returncode == 0
    assert parse_xlsx((tmp_path / "out.xlsx").read_bytes(), "out.xlsx").concepts[0].terms == c.terms


def test_tbx_export_writes_no_empty_term_for_a_form_the_termbase_lacks():
    g = Glossary([Concept("c1", "party-term", "People's Committee", "", {"pl": [Term("Komitet Ludowy", "pl")]})])
    data = dump_tbx(g)
    assert b"<term/>" not in data and b"<term></term>" not in data and b'xml:lang="vi"' not in data
    assert parse_tbx(data).concepts == g.concepts


def test_a_term_two_entries_of_one_termbase_share_is_imported_and_said(tmp_path):
    from translate.terms import find_terms

    target = tmp_path / "team.gloss"
    run = run_glossary("import", str(FORMATS / "shared_term.tbx"), "-g", str(target))
    assert run.returncode == 0, run.stderr
    assert "pl term 'Komitet' is in 'a' (line 5) and 'b'" in run.stderr
    [match] = find_terms("Komitet obradował.", "pl", load_glossary(target))
    assert set(match.candidates) == {"a", "b"}  # the text names both: the report says so


FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def _fields(g: Glossary) -> list[tuple]:
    return [(c.id, c.kind, c.subject_field, c.en, c.vi,
             [(t.lang, t.text, t.status.value, t.part_of_speech, t.term_type, t.context, t.source)
              for ts in c.terms.values() for t in ts]) for c in g]


def test_tbx_subject_field_part_of_speech_term_type_and_context_in_dca_dct_min_and_v2():
    dca = parse_tbx((FORMATS / "fields_dca.tbx").read_bytes())
    assert _fields(dca) == [("site-clearance", "term", "Land administration", "site clearance", "giải phóng mặt bằng", [
        ("en", "site clearance", "preferred", "noun", "fullForm", "Site clearance for the ring road began in March.", ""),
        ("vi", "giải phóng mặt bằng", "preferred", "noun", "fullForm", "", ""),
        ("vi", "GPMB", "admitted", "noun", "acronym", "Tiến độ GPMB chậm.", "Báo Quảng Ninh"),
        ("pl", "oczyszczanie terenu", "preferred", "noun", "", "", "")])]  # the context's source is not the term's
    dct = parse_tbx((FORMATS / "fields_dct.tbx").read_bytes())
    assert _fields(dct)[0][:3] == ("peoples-council", "term", "Public administration")
    assert _fields(dct)[0][5][0][3:6] == ("noun", "fullForm", "The provincial People's Council met on Monday.")
    assert _fields(dct)[0][5][2][:5] == ("vi", "HĐND", "admitted", "", "acronym")
    tbx_min = parse_tbx((FORMATS / "fields_min.tbx").read_bytes())
    assert _fields(tbx_min)[0][2] == "Finance" and _fields(tbx_min)[0][5][1][3] == "noun"
    v2 = parse_tbx((FORMATS / "fields_v2.tbx").read_bytes())
    assert _fields(v2) == [("ocop", "term", "Rural development", "One Commune One Product", "Mỗi xã một sản phẩm", [
        ("en", "One Commune One Product", "preferred", "properNoun", "fullForm", "", ""),
        ("en", "OCOP", "admitted", "", "acronym", "The province certified 40 OCOP products.", ""),
        ("vi", "Mỗi xã một sản phẩm", "preferred", "properNoun", "", "", "")])]


@pytest.mark.parametrize("name", ["fields_dca.tbx", "fields_dct.tbx", "fields_min.tbx", "fields_v2.tbx",
                                  "dct_basic.tbx", "min.tbx", "v2_statuses.tbx", "shared_term.tbx"])
def test_tbx_read_write_read_and_gloss_keep_every_field(name, tmp_path):
    from translate.glossary.gloss import dump_gloss, parse_gloss

    g = parse_tbx((FORMATS / name).read_bytes(), name)
    again = parse_tbx(dump_tbx(g))
    assert _fields(again) == _fields(g) and again.concepts == g.concepts
    assert parse_gloss(dump_gloss(g)).concepts == g.concepts  # the native format carries them too


def fields_glossary() -> Glossary:
    """Every field a termbase or the gazetteer gives, on concepts and on terms (a ';' inside one too)."""
    return Glossary([
        Concept("vn-c1", "commune", "Tan Phong", "Tân Phong", {
            "vi": [Term("Tân Phong", "vi", part_of_speech="properNoun", term_type="fullForm")],
            "uk": [Term("Тан Фонг", "uk", generated=True, part_of_speech="properNoun"),
                   Term("Тань Фонг", "uk", Status.ADMITTED, context="У комуні Тань Фонг; біля річки.")],
        }, parent="vn-d1", structure="pre-2025", subject_field="Administrative units"),
        Concept("gpmb", "party-term", "site clearance", "giải phóng mặt bằng", {
            "vi": [Term("GPMB", "vi", Status.ADMITTED, term_type="acronym", context="Tiến độ GPMB chậm.")],
        }, subject_field="Land administration"),
        Concept("bare", "programme", "OCOP", "OCOP"),
    ])


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx"])
@pytest.mark.parametrize("layout", ["wide", "long"])
def test_tabular_files_keep_every_termbase_field(fmt, layout):
    from translate.glossary.xlsx import dump_xlsx, parse_xlsx

    for g in (fields_glossary(), *(parse_tbx((FORMATS / n).read_bytes(), n) for n in ("fields_dca.tbx", "fields_v2.tbx"))):
        again = parse_xlsx(dump_xlsx(g, layout), "g.xlsx") if fmt == "xlsx" else \
            parse_tabular(dump_tabular(g, fmt, layout), f"g.{fmt}", fmt)
        assert again.concepts == g.concepts and _fields(again) == _fields(g)
    plain = dump_tabular(odd_glossary())  # a glossary without them: no column for them
    assert "subject_field" not in plain and "generated" not in plain and "context" not in plain


def test_a_tabular_generated_cell_is_generated_or_empty():
    table = "concept_id,en,vi,uk,uk_generated\nc,Tan Phong,Tân Phong,Тан Фонг;Тань Фонг,generated;\n"
    [c] = parse_tabular(table, "g.csv")
    assert [t.generated for t in c.terms["uk"]] == [True, False]
    with pytest.raises(BacktransError, match="generated 'maybe'") as e:
        parse_tabular(table.replace("generated;", "maybe"), "g.csv")
    assert e.value.line == 2


def test_tbx_export_writes_the_fields_back_as_tbx_basic_dca():
    root = etree.fromstring(dump_tbx(parse_tbx((FORMATS / "fields_dct.tbx").read_bytes())))
    ns = {"t": NS}
    entry = root.find(".//t:conceptEntry", ns)
    assert [d.text for d in entry.findall("t:descrip[@type='subjectField']", ns)] == ["Public administration"]
    en = entry.find("t:langSec/t:termSec", ns)  # the canonical en term, written once with its fields
    assert [(e.get("type"), e.text) for e in en if e.get("type")] == [
        ("administrativeStatus", "preferredTerm-admn-sts"), ("partOfSpeech", "noun"), ("termType", "fullForm"),
        ("context", "The provincial People's Council met on Monday.")]
    assert len(entry.findall("t:langSec/t:termSec", ns)) == 3


def test_gloss_fields_for_termbase_data_and_old_files_read_the_same():
    from translate.glossary.gloss import dump_gloss, parse_gloss

    text = ("[site-clearance]\nkind: term\nen: site clearance\nvi: giải phóng mặt bằng\n"
            "subject-field: Land administration\n"
            "- vi: GPMB\n  status: admitted\n  part-of-speech: noun\n  term-type: acronym\n"
            "  context: Tiến độ GPMB chậm.\n")
    g = parse_gloss(text)
    assert (g.concepts[0].subject_field, g.concepts[0].terms["vi"][0].term_type) == ("Land administration", "acronym")
    assert dump_gloss(g) == text  # canonical layout: written back byte for byte
    shipped = shipped_glossary_path().read_text(encoding="utf-8")
    assert dump_gloss(parse_gloss(shipped)) == shipped  # a file without them reads (and writes) as before


def test_an_entry_with_no_kind_is_a_term_declined_as_a_common_term():
    from dataclasses import replace

    from translate.glossary.kinds import check_kind, is_proper_name
    from translate.terms import find_terms

    g = parse_tbx((FORMATS / "fields_min.tbx").read_bytes())
    assert g.concepts[0].kind == "term" and check_kind("term") == "term" and not is_proper_name("term")
    text = "Бюджетні надходження зросли. Обсяг бюджетних надходжень зріс."
    assert [m.surface for m in find_terms(text, "uk", g)] == ["Бюджетні надходження", "бюджетних надходжень"]
    as_name = Glossary([replace(c, kind="Finance") for c in g])  # its subject field taken for a kind: a name
    assert [m.surface for m in find_terms(text, "uk", as_name)] == ["Бюджетні надходження"]
