"""Protect and restore: surrogates in, canonical forms back, through what models do to surrogates."""

from __future__ import annotations

import pytest

from translate.glossary import load_glossary
from translate.pipeline.protect import protect
from translate.pipeline.restore import canonicalise, restore
from translate.terms import find_terms


def _protect(text, source_lang, target_lang, glossary):
    """Protect ``text`` with the terms the recogniser finds in it (as a run's recognise stage does)."""
    return protect(text, find_terms(text, source_lang, glossary), target_lang, glossary)


SECRETARY = "Провінційний секретар партії Ле Дик Тхо відвідав Хайзионг."


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_protect_puts_canonical_forms_in_place_of_terms(glossary):
    en = _protect(SECRETARY, "uk", "en", glossary)
    assert en.text == "Provincial Party Secretary Le Duc Tho відвідав Hai Duong."
    assert en.concepts == ("provincial-party-secretary", "le-duc-tho", "hai-duong")
    assert [s.source for s in en.slots] == ["Провінційний секретар партії", "Ле Дик Тхо", "Хайзионг"]


def test_party_term_in_context_keeps_vietnamese_order(glossary):
    # The title precedes the name in uk, en and vi alike, so the surrogates keep the order
    # Vietnamese needs: "Bí thư Tỉnh ủy Lê Đức Thọ".
    en = _protect("провінційний секретар партії Ле Дик Тхо", "uk", "en", glossary)
    assert en.text == "Provincial Party Secretary Le Duc Tho"
    vi = _protect(en.text, "en", "vi", glossary)
    assert vi.text == "Bí thư Tỉnh ủy Lê Đức Thọ"
    assert vi.concepts == ("provincial-party-secretary", "le-duc-tho")


def test_glued_arabic_clitic_is_spaced_from_the_surrogate(glossary):
    p = _protect("وأصدرت لجنة الحزب في مدينة خطة", "ar", "en", glossary)
    assert "City Party Committee" in p.text
    assert "وCity" not in p.text and "لCity" not in p.text


@pytest.mark.parametrize("damaged, expected", [
    # re-cased, diacritics dropped or added
    ("provincial party secretary LE DUC THO visited hai duong.",
     "Provincial Party Secretary Le Duc Tho visited Hai Duong."),
    ("Provincial Party Secretary Lê Đức Thọ visited Hải Dương.",
     "Provincial Party Secretary Le Duc Tho visited Hai Duong."),
    # split with spaces, hyphens or punctuation, or glued
    ("Provincial-Party Secretary Le Duc-Tho visited Hai, Duong.",
     "Provincial Party Secretary Le Duc Tho visited Hai Duong."),
    ("Provincial Party Secretary LeDucTho visited H ai Duong.",
     "Provincial Party Secretary Le Duc Tho visited Hai Duong."),
    # reordered by the model
    ("Hai Duong was visited by Provincial Party Secretary Le Duc Tho.",
     "Hai Duong was visited by Provincial Party Secretary Le Duc Tho."),
    # duplicated
    ("Provincial Party Secretary Le Duc Tho Le Duc Tho visited Hai Duong, Hai Duong.",
     "Provincial Party Secretary Le Duc Tho visited Hai Duong."),
    # a possessive added to a surrogate keeps its clitic
    ("Hai duong's visitor was Provincial Party Secretary Le Duc Tho.",
     "Hai Duong's visitor was Provincial Party Secretary Le Duc Tho."),
])
def test_restore_repairs_damaged_surrogates(glossary, damaged, expected):
    p = _protect(SECRETARY, "uk", "en", glossary)
    restored = restore(damaged, p, "en")
    assert restored.text == expected
    assert restored.missing == ()


def test_restore_reports_a_dropped_surrogate(glossary):
    p = _protect(SECRETARY, "uk", "en", glossary)
    restored = restore("The provincial secretary Le Duc Tho visited the city.", p, "en")
    assert restored.text == "The provincial secretary Le Duc Tho visited the city."
    assert restored.missing == ("provincial-party-secretary", "hai-duong")


def test_restore_keeps_a_repeat_that_the_source_had(glossary):
    p = _protect("Хайзионг і Хайзионг.", "uk", "en", glossary)
    assert p.text == "Hai Duong і Hai Duong."
    restored = restore("hai duong and hai duong.", p, "en")
    assert restored.text == "Hai Duong and Hai Duong." and restored.missing == () and restored.duplicates == 0


def test_restore_does_not_match_inside_words(glossary):
    p = _protect("Ту Ки.", "uk", "en", glossary)
    assert p.text == "Tu Ky."
    restored = restore("Tukyiv is not it.", p, "en")
    assert restored.text == "Tukyiv is not it." and restored.missing == ("tu-ky",)


def test_restore_vietnamese_surrogates(glossary):
    p = _protect("Provincial Party Secretary Le Duc Tho visited Hai Duong.", "en", "vi", glossary)
    restored = restore("BÍ THƯ tỉnh ủy Le Duc Tho đã thăm hai dương.", p, "vi")
    assert restored.text == "Bí thư Tỉnh ủy Lê Đức Thọ đã thăm Hải Dương."


def test_canonicalise_rewrites_known_and_close_renderings(glossary):
    # a lower-cased term and a name misspelt by the model (the fuzzy tier finds "Hai Zuong")
    out = canonicalise("Secretary of the provincial party committee visited Hai Zuong.",
                       ["provincial-party-committee", "hai-duong"], "en", glossary)
    assert out == "Secretary of the Provincial Party Committee visited Hai Duong."
    # only the concepts asked for are touched
    out = canonicalise("The provincial party committee met in Hai Zuong.", ["hai-duong"], "en", glossary)
    assert out == "The provincial party committee met in Hai Duong."
