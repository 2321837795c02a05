"""Concept kinds: which are Vietnamese names (en = vi without diacritics), which are proper names."""

from __future__ import annotations

import difflib

from translate.errors import UsageError

# The kinds of the administrative units of the gazetteer (scripts/build_gazetteer.py).
UNIT_KINDS = frozenset({"province", "city", "district", "town", "township", "commune", "ward", "special-zone"})
PLACE_KINDS = UNIT_KINDS | {"place"}
# Kinds whose canonical English form is the Vietnamese one without diacritics
# (Hải Dương → Hai Duong; an exonym such as Hanoi lists it as an admitted en term). Other
# kinds have an English name of their own: a feature named with a generic word ("Dao River"
# for sông Đào), a country with an exonym ("Vietnam"), programmes, indexes and party terms.
VIETNAMESE_NAME_KINDS = frozenset({"person", "company", "newspaper", "movement"}) | PLACE_KINDS

# Words in a kind that make its concepts common terms (noun phrases declined as such:
# "party-term", "title"), not proper names; kinds from imported termbases vary, hence words.
COMMON_TERM_WORDS = ("term", "party", "title", "body", "organ", "position", "office", "concept")

KINDS = {
    "person": "a person (official, author, historical figure)",
    "place": "a province, city, district, commune, ward, street or avenue",
    "feature": "a river, lake or mountain named with a generic word (Dao River)",
    "company": "a company or other business",
    "newspaper": "a newspaper or other publication",
    "movement": "a movement or campaign named after a Vietnamese name (Dong Khoi)",
    "country": "a country with an English exonym (Vietnam)",
    "programme": "a national programme, often an acronym (OCOP, NTM)",
    "index": "a ranking or index, often an acronym (PAPI, PCI)",
    "party-term": "a Party or state body, title or term (Provincial Party Committee)",
    "term": "a common term, as imported termbases give them (the kind of an entry that says none)",
    "province": "a province (the gazetteer's kinds: province, city, district, town, township, commune, ward, special-zone)",
}


def is_vietnamese_name(kind: str) -> bool:
    """True when concepts of ``kind`` are Vietnamese names (en = vi without diacritics)."""
    return kind in VIETNAMESE_NAME_KINDS


def is_place(kind: str) -> bool:
    """True when concepts of ``kind`` are places (whose names some languages write as one word)."""
    return kind in PLACE_KINDS


COMMON_TERM_KINDS = frozenset({"party-term", "term"})
KNOWN_KINDS = frozenset(KINDS) | UNIT_KINDS | {"name"}  # "name": an unlisted name check --suggest found


def is_proper_name(kind: str) -> bool:
    """True when concepts of ``kind`` are proper names (declined by rule, capitalised), not common
    terms: by its category for backtrans' kinds, by the words of a kind an imported termbase gave."""
    if kind in KNOWN_KINDS:
        return kind not in COMMON_TERM_KINDS
    return not any(word in kind.lower() for word in COMMON_TERM_WORDS)


def check_kind(kind: str) -> str:
    """``kind`` if it is one of backtrans' kinds; else a UsageError naming the closest."""
    if kind in KNOWN_KINDS:
        return kind
    close = difflib.get_close_matches(kind, sorted(KNOWN_KINDS), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise UsageError(f"unknown kind {kind!r}: {hint}kinds are {', '.join(sorted(KNOWN_KINDS))} (--force keeps it)")
