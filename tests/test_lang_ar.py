"""Arabic rules: proclitics, spacing/spelling variants of names, diacritics and letter variants."""

import pytest

from tests.terms_glossary import GLOSSARY, found
from translate.glossary import Concept, Glossary, Term
from translate.langs import get_language
from translate.terms import find_terms


@pytest.mark.parametrize("prefix", ["و", "ف", "ب", "ل", "ك", "وب", "فل", "ال", "وال", "بال", "لل", "ولل"])
def test_proclitic_combinations_are_accepted(prefix):
    assert get_language("ar").prefix_ok(prefix)


def test_proclitics_stay_outside_the_span():
    matches = find_terms("زار بنينه بينه ولجنة الحزب الإقليمية وللجنة الشعبية", "ar", GLOSSARY)
    assert [(m.surface, m.concept, m.how) for m in matches] == [
        ("نينه بينه", "ninh-binh", "clitic"),
        ("لجنة الحزب الإقليمية", "provincial-party-committee", "clitic"),
        ("لجنة الشعبية", "peoples-committee", "clitic")]


def test_other_letters_before_a_name_are_not_clitics():
    assert found("منينه بينه", "ar") == []


def test_spacing_and_spelling_variants_of_a_name():
    assert found("هو تشي منه و هوشي منه و هوشيمنه", "ar") == [
        ("هو تشي منه", "ho-chi-minh"), ("هوشي منه", "ho-chi-minh"), ("هوشيمنه", "ho-chi-minh")]


def test_diacritics_tatweel_and_letter_variants():
    text = "اللّجنة الشعبيـــة ولجنه الحزب الاقليمية"
    assert found(text, "ar") == [("اللّجنة الشعبيـــة", "peoples-committee"),
                                 ("لجنه الحزب الاقليمية", "provincial-party-committee")]


def test_the_indefinite_accusative_takes_the_tanween_alef_names_do_not():
    assert found("أصدرت قراراً", "ar") == [("قراراً", "resolution")]
    assert found("أصدرت قراراتٍ", "ar") == [("قراراتٍ", "resolution")]
    assert found("زار كيم سونا", "ar") == []  # not a common noun: no accusative alef


def test_plurals_come_from_the_lexicon_for_nouns_no_seed_has():
    """Nouns of terms a maintainer adds: broken and sound plurals of the head, and of a noun after في."""
    from translate.langs.ar import noun_plurals

    assert {"مجالس"} <= noun_plurals("مجلس") and {"مؤتمرات"} <= noun_plurals("مؤتمر")
    assert {"أعضاء"} <= noun_plurals("عضو") and noun_plurals("بلدية") == {"بلديات"}
    council = Glossary([Concept("council", "party-term", "People's Council", "Hội đồng nhân dân",
                                {"ar": [Term("مجلس الشعب", "ar")]}),
                        Concept("board", "party-term", "Board in the commune", "Ban",
                                {"ar": [Term("هيئة في بلدية", "ar")]})])
    assert [(m.surface, m.how) for m in find_terms("اجتمعت مجالس الشعب وهيئات في البلديات", "ar", council)] == [
        ("مجالس الشعب", "inflected"), ("هيئات في البلديات", "clitic")]  # و before it


def test_only_cased_scripts_tell_names_by_their_capitals():
    from translate.langs import get_language

    assert not get_language("ar").cased
    assert all(get_language(code).cased for code in ("uk", "pl", "id", "en", "vi"))
