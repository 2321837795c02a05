"""The native .gloss format: loading, errors with file:line, byte-stable saves, comments, speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate.errors import BacktransError
from translate.glossary import (
    Concept,
    Glossary,
    Status,
    Term,
    default_glossary_path,
    editing,
    load_glossary,
    save_glossary,
    shipped_glossary_path,
)
from translate.glossary.gloss import dump_gloss, parse_gloss

REPO = Path(__file__).resolve().parents[1]

SAMPLE = """\
# file header

# comment on the concept
[hai-duong]
kind: place
en: Hai Duong
vi: Hải Dương
note: province; city
- uk: Хайзионг
# comment on a term
- uk: Хай Дуонг
  status: admitted
  note: second reading
  source: seeds/uk_hai_duong_breakthroughs.txt

[ocop]
kind: programme
en: OCOP
vi: OCOP
- en: One Commune One Product
  status: admitted

# trailing comment
"""


def test_default_path_is_the_shipped_file_unless_the_env_var_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv("BACKTRANS_GLOSSARY", raising=False)
    assert default_glossary_path() == shipped_glossary_path() == REPO / "glossaries" / "vietnam-provinces.gloss"
    assert len(load_glossary()) > 50
    other = tmp_path / "other.gloss"
    other.write_text(SAMPLE, encoding="utf-8")
    monkeypatch.setenv("BACKTRANS_GLOSSARY", str(other))
    assert [c.id for c in load_glossary()] == ["hai-duong", "ocop"]


def test_parse_reads_fields_terms_statuses_and_lines(tmp_path):
    g = parse_gloss(SAMPLE, "sample.gloss")
    hd = g.get("hai-duong")
    assert (hd.kind, hd.en, hd.vi, hd.note, hd.line) == ("place", "Hai Duong", "Hải Dương", "province; city", 4)
    assert [(t.text, t.status, t.line) for t in hd.terms["uk"]] == [
        ("Хайзионг", Status.PREFERRED, 9),
        ("Хай Дуонг", Status.ADMITTED, 11),
    ]
    assert hd.terms["uk"][1].source == "seeds/uk_hai_duong_breakthroughs.txt"
    assert hd.canonical("uk") == "Хайзионг" and hd.canonical("en") == "Hai Duong"
    ocop = g.get("ocop")
    assert [t.text for t in ocop.terms_in("en")] == ["OCOP", "One Commune One Product"]


def test_dump_of_a_canonical_file_gives_the_same_bytes_comments_included():
    assert dump_gloss(parse_gloss(SAMPLE)) == SAMPLE
    shipped = shipped_glossary_path().read_text(encoding="utf-8")
    assert dump_gloss(parse_gloss(shipped)) == shipped


def test_values_keep_spaces_and_escape_control_characters(tmp_path):
    odd = Concept("odd", "place", " lead", "trail ", {"uk": [Term("a\\b\tc\nd", "uk", note="x: y # z")]})
    path = tmp_path / "odd.gloss"
    save_glossary(Glossary([odd]), path)
    assert "\\\\b\\tc\\nd" in path.read_text(encoding="utf-8")
    back = load_glossary(path).concepts
    assert back == [odd]


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("kind: place\n", 1, "before the first concept"),
        ("[a]\nkind: place\nkind: person\n", 3, "given twice"),
        ("[a]\nkind: place\n- uk: x\n  status: favourite\n", 4, "unknown status"),
        ("[a]\nkind: place\n- uk: x\n  colour: red\n", 4, "unknown term attribute"),
        ("[a]\n  status: admitted\n", 2, "belongs to a term"),
        ("[a]\n- ukrainian!: x\n", 2, "not a language code"),
        ("[a]\n-uk: x\n", 2, "term line"),
        ("[a\nkind: place\n", 1, "header"),
        ("[a]\nen Hai Duong\n", 2, "expected"),
        ("[a]\nen: bad \\q escape\n", 2, "unknown escape"),
        ("[a]\n- uk: x\nen: late\n", 3, "before the concept's terms"),
    ],
)
def test_syntax_errors_name_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.gloss"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BacktransError) as err:
        load_glossary(path)
    assert err.value.path == path and err.value.line == line
    assert message in err.value.message


def test_non_utf8_and_missing_files_are_user_errors(tmp_path):
    path = tmp_path / "cp1251.gloss"
    path.write_bytes("[a]\nkind: place\n- uk: Хай\n".encode("cp1251"))
    with pytest.raises(BacktransError) as err:
        load_glossary(path)
    assert err.value.line == 3 and "UTF-8" in err.value.message
    with pytest.raises(BacktransError, match="no such file"):
        load_glossary(tmp_path / "absent.gloss")


def synthetic(n: int) -> Glossary:
    """n concepts with 5 terms each (uk, pl, id, ar, en admitted), notes on some."""
    concepts = []
    for i in range(n):
        terms = {
            "uk": [Term(f"Тхань {i}", "uk", source="seeds/x.txt")],
            "pl": [Term(f"Komitet {i}", "pl"), Term(f"Komitetu {i}", "pl", Status.ADMITTED, note="genitive")],
            "id": [Term(f"Komite {i}", "id")],
            "ar": [Term(f"لجنة {i}", "ar")],
        }
        concepts.append(Concept(f"concept-{i}", "place", f"Thanh {i}", f"Thạnh {i}", terms, "note" if i % 3 else ""))
    return Glossary(concepts)


def test_a_10000_concept_glossary_round_trips(tmp_path):
    path = tmp_path / "big.gloss"
    save_glossary(synthetic(10_000), path)
    g = load_glossary(path)
    assert len(g) == 10_000 and sum(len(ts) for c in g for ts in c.terms.values()) == 50_000


def test_save_refuses_a_glossary_that_would_not_load_again(tmp_path):
    path = tmp_path / "g.gloss"
    path.write_text("[x]\nkind: place\nen: X\nvi: X\n", encoding="utf-8")
    broken = Glossary([Concept("a\nb", "place", "A", "A")])
    with pytest.raises(BacktransError, match="nothing written: the result would not read back"):
        save_glossary(broken, path)
    assert path.read_text(encoding="utf-8") == "[x]\nkind: place\nen: X\nvi: X\n"


def test_save_into_a_folder_or_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(BacktransError, match="is a directory"):
        save_glossary(Glossary([Concept("x", "place", "X", "X")]), tmp_path)
    with pytest.raises(BacktransError, match="no such folder"):
        with editing(tmp_path / "missing" / "g.gloss", create=True):
            pass
