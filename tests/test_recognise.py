"""The recogniser core, the fuzzy tier, the CLI contract and the evaluation targets."""

import importlib.util
import json
import os
import subprocess
import sys

from tests.helpers import REPO, run_cli
from tests.terms_glossary import GLOSSARY, found, small_glossary
from translate.terms import Recogniser, find_terms


def test_offsets_lines_and_surface():
    text = "Перший рядок.\nУ Хайзионзі працює Народний комітет."
    matches = find_terms(text, "uk", GLOSSARY)
    assert [(m.line, m.surface, m.concept, m.how) for m in matches] == [
        (2, "Хайзионзі", "hai-duong", "inflected"), (2, "Народний комітет", "peoples-committee", "exact")]
    lines = text.split("\n")
    for m in matches:
        assert lines[m.line - 1][m.start:m.end] == m.surface == text[m.offset:m.offset + len(m.surface)]


def test_word_boundaries():
    assert found("Хайзионгівка, Хай Дуонгівка і ХХай Дуонг", "uk") == []
    assert found("Ky Anhx and XKy Anh", "id") == []


def test_any_character_outside_a_word_bounds_a_hit():
    for wrapped in ("(Хайзионг)", "«Хайзионг»", "\"Хайзионг\"", "Хайзионг.", "/Хайзионг/", "Хайзионг—",
                    "\U0001f1fb\U0001f1f3Хайзионг", "_Хайзионг_", "'Хайзионг'", "Хайзионг\u00ad"):
        assert found(f"Місто {wrapped} росте", "uk") == [("Хайзионг", "hai-duong")], wrapped
    assert found("Хайзионг'ян і д'Хайзионг", "uk") == []  # an apostrophe between letters is inside a word
    assert found("Ky Anhnya dan Ky Anh's", "id") == [("Ky Anh", "ky-anh")]  # "-nya" is a clitic there, "'s" is not


def test_a_space_of_a_term_is_any_blank_of_the_text_but_no_other_mark():
    for blank in (" ", "\u00a0", "\t", "\u2009"):
        assert found(f"У Хай{blank}Дуонгу", "uk") == [(f"Хай{blank}Дуонгу", "hai-duong")], repr(blank)
    for mark in ("-", ".", ",", "/", "\n"):
        assert found(f"У Хай{mark}Дуонгу", "uk") == [], repr(mark)


def test_glued_words_split_at_a_case_change():
    assert found("Хайзионгом.Джерело Ле Тхань БіньДжерело", "uk")[-1] == ("Ле Тхань Бінь", "le-thanh-binh")


def test_vietnamese_without_diacritics_drops_the_stroke_of_d_too():
    from translate.glossary import load_glossary

    shipped = load_glossary()
    assert [m.concept for m in find_terms("Dai hoi Dang bo va Đại hội Đảng bộ", "vi", shipped)] == [
        "party-congress", "party-congress"]


def test_lone_part_of_a_person_is_not_the_person():
    assert found("Бінь і Тхо", "uk") == []
    assert found("Pak Dung dan Pak Binh", "id") == []


def test_recogniser_is_cached_per_glossary_and_language():
    glossary = small_glossary()
    first = Recogniser.for_glossary(glossary, "uk")
    assert Recogniser.for_glossary(glossary, "uk") is first
    assert Recogniser.for_glossary(glossary, "pl") is not first
    assert Recogniser.for_glossary(small_glossary(), "uk") is not first


def test_fuzzy_tier_reports_new_spellings_only_when_asked():
    text = "Місто Хай Зионг і порт Хайфон."
    assert find_terms(text, "uk", GLOSSARY) == [find_terms(text, "uk", GLOSSARY)[0]]
    plain = find_terms(text, "uk", GLOSSARY)
    assert [m.concept for m in plain] == ["hai-phong"]
    fuzzy = [m for m in find_terms(text, "uk", GLOSSARY, fuzzy=True) if m.how == "fuzzy"]
    assert [(m.surface, m.concept) for m in fuzzy] == [("Хай Зионг", "hai-duong")]
    assert 0 < fuzzy[0].score < 1


def test_fuzzy_tier_leaves_look_alikes_alone():
    assert [m for m in find_terms("Намібія і Хайнань", "uk", GLOSSARY, fuzzy=True)] == []


def test_cli_json_contract(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Рядок.\nЗ Хай Дуонгом і Хай Зионгом.\n", encoding="utf-8")
    result = run_cli(["terms", "find", str(doc), "--lang", "uk", "--format", "json"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(d["line"], d["start"], d["end"], d["surface"], d["concept"], d["en"], d["vi"], d["match"])
            for d in data] == [(2, 2, 13, "Хай Дуонгом", "hai-duong", "Hai Duong", "Hải Dương", "inflected")]
    fuzzy = json.loads(run_cli(["terms", "find", str(doc), "--lang", "uk", "--format", "json",
                                "--fuzzy"]).stdout)
    assert [(d["surface"], d["match"]) for d in fuzzy][1] == ("Хай Зионгом", "fuzzy")
    assert 0 < fuzzy[1]["score"] < 1


def test_cli_table_and_errors(tmp_path):
    table = run_cli(["terms", "find", str(REPO / "seeds/pl_nam_dinh_grassroots.txt"), "--lang", "pl"])
    assert table.returncode == 0 and "Trinha Van Ngoana" in table.stdout
    missing = run_cli(["terms", "find", str(tmp_path / "none.txt"), "--lang", "pl"])
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_evaluation_targets():
    spec = importlib.util.spec_from_file_location("eval_terms", REPO / "scripts" / "eval_terms.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    scores = module.evaluate()
    assert set(scores) == {"uk", "pl", "id", "ar", "en", "vi"}
    for lang, score in scores.items():
        assert score.precision == 1.0, lang
        assert score.recall >= 0.98, lang


def test_a_large_glossary_is_recognised_from_its_compiled_cache_as_when_compiled(tmp_path, monkeypatch):
    from tests.crashing import big_glossary
    from translate.glossary import load_glossary
    from translate.terms import Recogniser

    monkeypatch.setenv("BACKTRANS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "big.gloss"
    big_glossary(path, 2500)
    text = "Spotkanie w Ba Binh Cao i w Ha Hoa Lam, potem w Minh Nam Ninh.\nNic więcej."
    compiled = Recogniser(load_glossary(path), "pl")
    [cached_file] = (tmp_path / "cache" / "recognisers").iterdir()
    from_cache = Recogniser(load_glossary(path), "pl")
    assert not from_cache._groups or from_cache._groups[0] is None  # made from the file, not compiled
    assert [m.to_json() for m in from_cache.find(text)] == [m.to_json() for m in compiled.find(text)] != []
    with path.open("a", encoding="utf-8") as f:
        f.write("\n[one-more]\nkind: place\nen: Tu Ky\nvi: Tứ Kỳ\n")
    assert [m.en for m in Recogniser(load_glossary(path), "pl").find("w Tu Ky")] == ["Tu Ky"]
    [newer] = (tmp_path / "cache" / "recognisers").iterdir()  # the file's earlier version is gone
    assert newer != cached_file


def test_fuzzy_suspects_are_the_same_in_every_process():
    """Two terms with one transliteration tie; the first in the glossary wins, whatever the hash seed."""
    code = ("from translate.glossary import Concept, Glossary, Status, Term\n"
            "from translate.terms import find_terms\n"
            "g = Glossary([Concept('dien-bien', 'place', 'Dien Bien', 'Điện Biên', terms={'uk': [\n"
            "    Term(\"Дьєнб'єн\", 'uk', Status.PREFERRED), Term('Дьєнбʼєн', 'uk', Status.ADMITTED)]})])\n"
            "print([m.term for m in find_terms('Поїздка до Дьєнбієна.', 'uk', g, fuzzy=True)])\n")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert seen == {"[\"Дьєнб'єн\"]\n"}
