"""Validation: each rule fails its broken example with file:line, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli
from translate.glossary import Concept, Glossary, Term, load_glossary
from translate.glossary.validate import Rule, validate_glossary
from translate.text import mixed_scripts, strip_vietnamese_diacritics

BROKEN = Path(__file__).resolve().parent / "data" / "glossary"
CASES = [
    ("duplicate_id.gloss", Rule.DUPLICATE_ID, 8, "hai-duong"),
    ("ambiguous_term.gloss", Rule.AMBIGUOUS_TERM, 13, "thanh-mien"),
    ("no_preferred.gloss", Rule.NO_PREFERRED, 6, "peoples-committee"),
    ("en_not_folded.gloss", Rule.EN_NOT_FOLDED_VI, 4, "hai-duong"),
    ("whitespace.gloss", Rule.WHITESPACE, 4, "tu-ky"),
    ("whitespace.gloss", Rule.WHITESPACE, 6, "tu-ky"),
    ("mixed_scripts.gloss", Rule.MIXED_SCRIPTS, 6, "hai-duong"),
    ("not_nfc.gloss", Rule.NOT_NFC, 5, "hai-duong"),
    ("region_language.gloss", Rule.REGION_LANGUAGE, 6, "hai-duong"),
]


@pytest.mark.parametrize("name, rule, line, concept", CASES)
def test_each_rule_finds_its_problem_at_its_line(name, rule, line, concept):
    problems = validate_glossary(load_glossary(BROKEN / name))
    assert any(p.rule is rule and p.line == line and p.concept == concept for p in problems), problems


@pytest.mark.parametrize("name", sorted({c[0] for c in CASES}))
def test_cli_validate_exits_1_and_prints_file_line_concept(name):
    run = run_cli(["glossary", "validate", "--glossary", str(BROKEN / name)])
    assert run.returncode == 1, run.stdout + run.stderr
    for case in (c for c in CASES if c[0] == name):
        assert f"{BROKEN / name}:{case[2]}: {case[3]}: " in run.stdout
    assert "Traceback" not in run.stderr


def test_cli_syntax_error_is_one_line_and_exit_2():
    run = run_cli(["glossary", "validate", "-g", str(BROKEN / "syntax_error.gloss")])
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"backtrans: error: {BROKEN / 'syntax_error.gloss'}:5: unknown field 'spelling' "
        "(kind, en, vi, parent, structure, subject-field, note; terms are '- LANG: text')"
    ]


def test_diacritics_folding_and_script_detection():
    assert strip_vietnamese_diacritics("Hải Dương") == "Hai Duong"
    assert strip_vietnamese_diacritics("Đà Nẵng, Kỳ Đồng") == "Da Nang, Ky Dong"
    assert mixed_scripts("Хай Дуoнг") == ["CYRILLIC", "LATIN"]
    assert mixed_scripts("Bao Loc Хай") == []  # Latin and Cyrillic words side by side are fine
    assert mixed_scripts("Б'єн") == []


def test_party_terms_and_features_are_not_held_to_the_diacritics_rule():
    g = Glossary([
        Concept("dao-river", "feature", "Dao River", "sông Đào"),
        Concept("politburo", "party-term", "Politburo", "Bộ Chính trị"),
        Concept("giao-thuy", "place", "Giao Thủy", "Giao Thủy"),
    ])
    assert [(p.concept, p.rule) for p in validate_glossary(g)] == [("giao-thuy", Rule.EN_NOT_FOLDED_VI)]


def test_empty_fields_are_reported():
    g = Glossary([Concept("x", "", "X", "X", {"uk": [Term("", "uk")]})])
    messages = [p.message for p in validate_glossary(g)]
    assert "kind: empty" in messages and "uk term '': empty" in messages
