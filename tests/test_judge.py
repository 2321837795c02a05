"""The one term judge, on real recogniser matches: what counts as rendering a concept."""

from __future__ import annotations

from tests.terms_glossary import GLOSSARY
from translate.glossary import Concept, Glossary, Status, Term
from translate.terms import find_terms
from translate.terms.judge import Presence, judge, status_label

DEPRECATED = Glossary([Concept("ppc", "party-term", "Provincial Party Committee", "Tỉnh ủy", {
    "uk": [Term("провінційний комітет партії", "uk"),
           Term("обласний комітет партії", "uk", Status.DEPRECATED)]})])


def test_canonical_needs_the_exact_form_listed_takes_any_term_any_takes_suspects():
    found = find_terms("Хай Дуонгом і Хайзионгом", "uk", GLOSSARY, fuzzy=True)
    expected = ["hai-duong", "hai-duong", "hai-duong"]
    # Inflected forms are not the canonical form a translation must write.
    assert judge(expected, found, Presence.CANONICAL).missing == ("hai-duong",) * 3
    assert judge(expected, found, Presence.LISTED).missing == ("hai-duong",)
    assert judge(["hai-duong"], find_terms("Хайзионг", "uk", GLOSSARY)).ok  # the canonical uk form
    suspect = find_terms("Хай Зионгом", "uk", GLOSSARY, fuzzy=True)
    assert judge(["hai-duong"], suspect, Presence.LISTED).missing == ("hai-duong",)
    assert judge(["hai-duong"], suspect, Presence.ANY).ok
    assert status_label(suspect[0]) == "unknown"


def test_extra_and_deprecated():
    found = find_terms("обласний комітет партії", "uk", DEPRECATED)
    verdict = judge(["ppc"], found, Presence.LISTED)
    assert verdict.missing == ("ppc",) and verdict.deprecated == ("ppc",) and status_label(found[0]) == "deprecated"
    assert judge([], find_terms("Хайзионг", "uk", GLOSSARY)).extra == ("hai-duong",)
    assert status_label(find_terms("Hai Duong", "uk", GLOSSARY)[0]) == "canonical"  # the en spelling
