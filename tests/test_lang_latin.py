"""Indonesian, English and Vietnamese rules: case, punctuation, possessive, diacritics, NFD."""

import unicodedata

from tests.terms_glossary import GLOSSARY, found
from translate.terms import find_terms


def test_id_parentheses_and_case():
    assert found("distrik Ky Anh ( Ha Tinh ) dan KY ANH", "id") == [
        ("Ky Anh", "ky-anh"), ("Ha Tinh", "ha-tinh"), ("KY ANH", "ky-anh")]


def test_id_reduplicated_plural_and_enclitic():
    assert found("Sel-sel Partai melaksanakan resolusinya.", "id") == [
        ("Sel-sel Partai", "party-cell"), ("resolusi", "resolution")]


def test_en_possessive():
    matches = find_terms("Ha Tinh's leaders and Ky Anh's people, not 'Ky Anh'", "en", GLOSSARY)
    assert [(m.surface, m.how) for m in matches] == [
        ("Ha Tinh", "clitic"), ("Ky Anh", "clitic"), ("Ky Anh", "exact")]
    assert found("People's Committee", "en") == [("People's Committee", "peoples-committee")]


def test_en_lone_part_of_name_and_look_alikes():
    assert found("Dung met Binh in Namibia; Minh spoke.", "en") == []


def test_vi_with_and_without_diacritics():
    matches = find_terms("Tỉnh Hải Dương và Tinh Hai Duong", "vi", GLOSSARY)
    assert [(m.surface, m.how) for m in matches] == [("Hải Dương", "exact"), ("Hai Duong", "folded")]


def test_vi_nfd_offsets_map_back():
    text = unicodedata.normalize("NFD", "Bí thư Tỉnh ủy Hoàng Trung Dũng.")
    matches = find_terms(text, "vi", GLOSSARY)
    assert [m.concept for m in matches] == ["provincial-party-secretary", "hoang-trung-dung"]
    for m in matches:
        assert text[m.start:m.end] == m.surface
    assert unicodedata.normalize("NFC", matches[1].surface) == "Hoàng Trung Dũng"


def test_vi_longest_match_wins():
    assert found("Bí thư Tỉnh ủy", "vi") == [("Bí thư Tỉnh ủy", "provincial-party-secretary")]
