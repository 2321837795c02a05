"""Vietnamese names rendered by each language module, as its texts write them."""

from __future__ import annotations

import pytest

from translate.glossary import Concept
from translate.glossary.generate import generated_terms, with_generated
from translate.langs import get_language


@pytest.mark.parametrize("vi, place, practical", [
    ("Hải Dương", True, "Хайзионг"), ("Quảng Ninh", True, "Куангнінь"), ("Bắc Giang", True, "Бакзянг"),
    ("Lạng Sơn", True, "Лангшон"), ("Thái Bình", True, "Тхайбінь"), ("Lê Đức Thọ", False, "Ле Дик Тхо"),
    ("Hà Nội", True, "Ханой"), ("Thành phố Hồ Chí Minh", True, "Хошимін"), ("Hải Phòng", True, "Хайфон"),
    ("Đà Nẵng", True, "Дананг"), ("Huế", True, "Хюе"), ("Đắk Lắk", True, "Даклак"),
])
def test_ukrainian_practical_transcription_first(vi, place, practical):
    assert get_language("uk").render_vietnamese(vi, place=place)[0] == practical


def test_ukrainian_letter_reading_is_admitted_and_the_latin_languages_write_it_plain():
    assert get_language("uk").render_vietnamese("Hải Dương", place=True) == ["Хайзионг", "Хай Дуонг"]
    assert get_language("pl").render_vietnamese("Hải Dương", place=True) == ["Hai Duong", "Hải Dương"]
    terms = generated_terms(Concept("x", "province", "Quang Ninh", "Quảng Ninh"), "uk")
    assert [(t.text, t.status.value, t.generated) for t in terms] == [
        ("Куангнінь", "preferred", True), ("Куанг Нінь", "admitted", True)]


@pytest.mark.parametrize("vi, arabic", [
    ("Hải Dương", "هاي دونغ"), ("Quảng Ninh", "كوانغ نينه"), ("Ninh Bình", "نينه بينه"), ("Kim Sơn", "كيم سون"),
    ("Hà Nội", "هانوي"), ("Yên Khánh", "ين خانه"),
])
def test_arabic_phonetic_spelling(vi, arabic):
    assert get_language("ar").render_vietnamese(vi, place=True) == [arabic]


def test_only_the_languages_a_concept_lacks_are_generated():
    from translate.glossary import Term

    made = with_generated(Concept("hai-duong", "place", "Hai Duong", "Hải Dương"))
    assert set(made.terms) == {"uk", "pl", "id", "ar"}
    listed = Concept("hai-duong", "place", "Hai Duong", "Hải Dương", {"uk": [Term("Хай Дуонг", "uk")]})
    assert with_generated(listed).terms["uk"] == [Term("Хай Дуонг", "uk")]  # the maintainer's, untouched
    assert with_generated(Concept("ppc", "party-term", "Provincial Party Committee", "Tỉnh ủy")).terms == {}


def test_glossary_add_fills_the_other_languages_and_previews_them_first(tmp_path):
    from tests.helpers import run_cli
    from translate.glossary.interchange import read_glossary
    from translate.terms import find_terms

    path = tmp_path / "mine.gloss"
    args = ["glossary", "add", "--id", "quang-tri", "--kind", "province", "--en", "Quang Tri", "--vi", "Quảng Trị",
            "--term", "uk:Куангчі", "-g", str(path)]
    preview = run_cli([*args, "--preview"])
    assert preview.returncode == 0 and not path.exists()
    assert "- ar: كوانغ تري\n  generated: yes" in preview.stdout
    assert "\npl Quang Tri: Quanga Tri, " in preview.stdout  # each term's declensions
    assert run_cli(args).returncode == 0
    [concept] = read_glossary(path)
    assert [(t.text, t.generated) for t in concept.terms["uk"]] == [("Куангчі", False)]  # given terms are kept as given
    assert {lang for lang, terms in concept.terms.items() if all(t.generated for t in terms)} == {"ar", "id", "pl"}
    assert [m.en for m in find_terms("Делегація з Quang Tri і Куангчі", "uk", read_glossary(path))] == ["Quang Tri"] * 2
