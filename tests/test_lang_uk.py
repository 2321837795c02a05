"""Ukrainian rules: declension of foreign names, consonant alternation, agreeing party terms."""

from tests.terms_glossary import found
from translate.langs.uk import decline_name, decline_phrase


def test_name_declines_in_every_case():
    forms = decline_name("Хай Дуонг")
    assert {"Хай Дуонга", "Хай Дуонгу", "Хай Дуонгові", "Хай Дуонгом", "Хай Дуонги", "Хай Дуонгів"} <= forms
    text = "Про Хай Дуонга, з Хай Дуонгом, до Хай Дуонгу, у Хай Дуонгах."
    assert [c for _, c in found(text, "uk")] == ["hai-duong"] * 4


def test_locative_alternates_g_k_kh():
    assert "Хайзионзі" in decline_name("Хайзионг")
    assert "Баці" in decline_name("Бак") and "Тхасі" in decline_name("Тхах")
    assert found("У Хайзионзі тихо.", "uk") == [("Хайзионзі", "hai-duong")]


def test_soft_and_j_stems():
    assert found("з Ле Тхань Бінем і Донг Кхоєм", "uk") == [
        ("Ле Тхань Бінем", "le-thanh-binh"), ("Донг Кхоєм", "dong-khoi")]


def test_multiword_name_last_word_or_every_word():
    assert found("ідеї Хо Ши Міна", "uk") == [("Хо Ши Міна", "ho-chi-minh")]
    assert found("рішення Ле Тханя Біня", "uk") == [("Ле Тханя Біня", "le-thanh-binh")]


def test_party_terms_agree_through_pymorphy():
    forms = decline_phrase("Народний комітет")
    # a word keeps its capital in every form (what ``backtrans fix`` writes)
    assert {"Народного комітету", "Народному комітетові", "Народним комітетом", "Народних комітетів"} <= forms
    assert "Народного комітетом" not in forms  # adjective and noun agree in case
    text = "роль Вітчизняного фронту і Народного комітету"
    assert found(text, "uk") == [("Вітчизняного фронту", "fatherland-front"),
                                 ("Народного комітету", "peoples-committee")]


def test_look_alike_place_is_not_the_place():
    assert found("порт Хайфон", "uk") == [("Хайфон", "hai-phong")]
    assert found("Хайфона і Хайнань", "uk") == [("Хайфона", "hai-phong")]
