"""Discovery of Vietnamese personal names no glossary holds: found in each script, read back, kept one per person."""

from __future__ import annotations

import json

import pytest

import translate
from tests.helpers import run_cli
from translate.glossary.interchange import read_glossary
from translate.terms import How, People, find_terms


@pytest.fixture(scope="module")
def glossary():
    return translate.load_glossary()


def _names(text: str, lang: str, glossary, people: People | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.en) for m in find_terms(text, lang, glossary, discover=people is None, people=people)
            if m.how is How.DISCOVERED]


def test_a_declined_ukrainian_name_is_read_back_to_one_person(glossary):
    text = "Голова провінції Фам Мінь Туан зустрівся з Фамом Мінь Туаном і Нгуєн Тхі Хоа."
    assert _names(text, "uk", glossary) == [
        ("Фам Мінь Туан", "Pham Minh Tuan"), ("Фамом Мінь Туаном", "Pham Minh Tuan"), ("Нгуєн Тхі Хоа", "Nguyen Thi Hoa")]
    declined = find_terms(text, "uk", glossary, discover=True)[1]
    assert declined.term == "Фам Мінь Туан" and not declined.canonical  # the name undeclined, as Ukrainian writes it


def test_latin_scripts_undecline_and_keep_the_diacritics_they_wrote(glossary):
    assert _names("Spotkanie z Phamem Minh Tuanem i Lê Thị Hồng.", "pl", glossary) == [
        ("Phamem Minh Tuanem", "Pham Minh Tuan"), ("Lê Thị Hồng", "Le Thi Hong")]
    [match] = [m for m in find_terms("Ông Phạm Minh Tuấn phát biểu.", "vi", glossary, discover=True)
               if m.how is How.DISCOVERED]
    assert (match.en, match.vi) == ("Pham Minh Tuan", "Phạm Minh Tuấn")


def test_arabic_leaves_the_proclitic_out_and_short_surnames_need_two_given_names(glossary):
    text = "والتقى وفام مينه توان بالوفد. وقال لي فان ثانه إن الخطة جاهزة. قال لي انه"
    found = _names(text, "ar", glossary)
    assert [surface for surface, _ in found] == ["فام مينه توان", "لي فان ثانه"]
    assert found[1][1] == "Le Van Thanh"  # after the surname, فان is the middle name Văn


def test_names_are_capitalised_words_that_read_as_syllables_and_known_names_win(glossary):
    assert _names("Le Monde and Le Figaro reported; le van was late.", "en", glossary) == []
    text = "Tran Van Long visited Ha Long Bay in Quang Ninh."
    assert _names(text, "en", glossary) == [("Tran Van Long", "Tran Van Long")]
    assert "Ha Long" in {m.en for m in find_terms(text, "en", glossary, discover=True)}


def test_a_run_keeps_the_form_it_gave_a_person_first(glossary):
    alone = _names("وقال فام مينه توان", "ar", glossary)[0][1]
    people = People()
    _names("Pham Minh Tuan visited Quang Ninh.", "en", glossary, people)
    again = _names("وقال فام مينه توان", "ar", glossary, people)[0][1]
    assert again == "Pham Minh Tuan" and len(people) == 1
    assert alone in {"Pham Minh Tuan", "Pham Minh Toan"}  # on its own, either reading the letters allow


def test_terms_find_discover_reports_discovered_names_without_a_concept(tmp_path):
    text = tmp_path / "report.uk.txt"
    text.write_text("Секретар Хюінь Ван Ан прибув до Куангніня.\n", encoding="utf-8")
    plain = json.loads(run_cli(["terms", "find", str(text), "--lang", "uk", "--format", "json"]).stdout)
    assert all(m["match"] != "discovered" for m in plain)
    run = run_cli(["terms", "find", "-", "--lang", "uk", "--format", "json", "--discover"], input=text.read_text())
    assert run.returncode == 0, run.stderr
    [person] = [m for m in json.loads(run.stdout) if m["match"] == "discovered"]
    assert (person["surface"], person["en"], person["concept"], person["kind"]) == (
        "Хюінь Ван Ан", "Huynh Van An", None, "person")


def test_check_lists_a_persons_variants_and_suggests_an_entry(tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("Секретар Хюінь Ван Ан відкрив засідання.\nХюїнь Ван Ан подякував.\nХюінь Ван Ана привітали.\n",
                    encoding="utf-8")
    suggestions = tmp_path / "people.gloss"
    run = run_cli(["check", str(text), "--lang", "uk", "--format", "json", "--suggest", str(suggestions)])
    [variants] = [f for f in json.loads(run.stdout)["findings"] if f["check"] == "variants"]
    assert "Huynh Van An" in variants["message"] and variants["suggestion"] == "Хюінь Ван Ан"
    [person] = [c for c in read_glossary(suggestions) if c.kind == "person"]
    assert person.en == "Huynh Van An"
    assert [(t.text, t.status.value) for t in person.terms["uk"]] == [("Хюінь Ван Ан", "preferred"),
                                                                       ("Хюїнь Ван Ан", "admitted")]


def test_translation_protects_discovered_names_and_can_leave_them(installed_models, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("Голова Фам Мінь Туан зустрівся з Фамом Мінь Туаном.\n", encoding="utf-8")
    for flags, expected in (([], "Pham Minh Tuan"), (["--no-discover"], "Фам Мінь Туан")):
        out = tmp_path / f"out{len(flags)}"
        run = run_cli(["translate", str(source), "--from", "uk", "--to", "en", "--out", str(out), *flags],
                      env_dir=installed_models)
        assert run.returncode == 0, run.stderr
        assert (out / "report.en.txt").read_text(encoding="utf-8").count(expected) == (2 if not flags else 1)
    [record] = [json.loads(line) for line in (tmp_path / "out0" / "report.en.jsonl").read_text().splitlines()]
    assert record["concepts"] == ["discovered-pham-minh-tuan"] * 2 and record["glossary"]["ok"]
