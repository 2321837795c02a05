"""The gazetteer layer: every Vietnamese administrative unit, under the curated glossary."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

import translate
from tests.helpers import REPO, run_cli
from translate.glossary.layers import gazetteer_path, load_gazetteer
from translate.terms import find_terms


@pytest.fixture(scope="module")
def glossary():
    return translate.load_glossary()


def _found(text: str, lang: str, glossary) -> list[tuple[str, str]]:
    return [(m.surface, glossary.get(m.concept).vi) for m in find_terms(text, lang, glossary)]


def test_both_structures_and_what_old_units_became():
    gz = load_gazetteer()
    by_vi = {}
    for c in gz:
        by_vi.setdefault((c.kind, c.vi), []).append(c)
    [hai_duong] = by_vi["province", "Hải Dương"]
    assert hai_duong.structure == "pre-2025" and hai_duong.note == "merged into Hải Phòng, 2025"
    [quang_ninh] = by_vi["province", "Quảng Ninh"]
    assert quang_ninh.structure == "pre-2025, 2025"
    [dak_lak] = by_vi["province", "Đắk Lắk"]
    assert dak_lak.note == "2025: merged with Phú Yên"
    [tu_ky] = by_vi["district", "Tứ Kỳ"]
    assert gz.get(tu_ky.parent) is hai_duong
    provinces = [c for c in gz if c.kind in ("province", "city") and not c.parent]
    assert len([c for c in provinces if "pre-2025" in c.structure]) == 63
    assert len([c for c in provinces if "2025" in c.structure.replace("pre-2025", "")]) == 34
    assert len(gz) > 11_000


def test_a_report_about_another_province_finds_its_names_in_every_script(glossary):
    assert _found("У провінції Куангнінь і в Куангніні, а також у Ханої.", "uk", glossary) == [
        ("Куангнінь", "Quảng Ninh"), ("Куангніні", "Quảng Ninh"), ("Ханої", "Hà Nội")]
    assert _found("زار الوفد مقاطعة كوانغ نينه وبنينه بينه", "ar", glossary) == [
        ("كوانغ نينه", "Quảng Ninh"), ("نينه بينه", "Ninh Bình")]
    assert _found("Delegacja z prowincji Quang Ninh odwiedziła Lang Son.", "pl", glossary) == [
        ("Quang Ninh", "Quảng Ninh"), ("Lang Son", "Lạng Sơn")]


def test_curated_entries_win_and_the_layer_can_be_turned_off(glossary):
    [m] = find_terms("Хайзионг", "uk", glossary)
    assert m.concept == "hai-duong"  # the curated concept, not the gazetteer's province
    assert find_terms("Куангнінь", "uk", translate.load_glossary(gazetteer=False)) == []
    run = run_cli(["terms", "find", str(REPO / "tests/data/check/report_uk.txt"), "--lang", "uk", "--format", "json",
                   "--no-gazetteer"])
    assert run.returncode == 0, run.stderr


def test_communes_need_a_unit_word_and_every_word_of_a_unit_its_capital(glossary):
    assert _found("xã Tân Phong", "vi", glossary) == [("Tân Phong", "Tân Phong")]
    assert _found("Tân Phong", "vi", glossary) == []  # a commune name alone: no
    assert _found("Độc lập - Tự do - Hạnh phúc", "vi", glossary) == []  # the motto, not three communes
    assert _found("Ông ấy nói: Độc Lập", "vi", glossary) == []  # capitalised, but no unit word


@pytest.mark.skipif(importlib.util.find_spec("vietnamadminunits") is None,
                    reason="pip install --no-deps vietnamadminunits (the [gazetteer] extra)")
def test_the_shipped_layer_is_what_the_script_makes_from_the_data():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    from translate.glossary.gloss import dump_gloss

    assert dump_gloss(module.build()) == gazetteer_path().read_text(encoding="utf-8")


def test_units_of_one_name_are_decided_by_the_province_the_document_names(glossary):
    [alone] = find_terms("xã Tân Phong", "vi", glossary)
    assert len(alone.candidates) > 5 and alone.kind == "commune"  # dozens of communes: nothing decides
    province, commune = find_terms("Tỉnh Sơn La có xã Tân Phong.", "vi", glossary)
    assert commune.province == "Son La" and commune.candidates == ()
    assert find_terms("Tan Phong commune, Son La province", "en", glossary)[0].province == "Son La"
    record = alone.to_json()
    assert record["ambiguous"] == list(alone.candidates) and record["kind"] == "commune"


def test_a_unit_word_says_which_unit_a_name_is(glossary):
    province, city = find_terms("tỉnh Quảng Ngãi và thành phố Quảng Ngãi", "vi", glossary)
    assert (province.kind, city.kind) == ("province", "city")
    assert find_terms("Phó Chủ tịch", "vi", glossary) == []  # "Phó" (vice-) is not "phố" (city): tones count


def test_a_unit_name_after_a_surname_is_a_persons_given_names(glossary):
    assert [m.surface for m in find_terms("Ông Trần Văn Lâm đến huyện Văn Lâm.", "vi", glossary)] == ["Văn Lâm"]
    assert [m.surface for m in find_terms("Чан Ван Лам приїхав до Ханоя.", "uk", glossary)] == ["Ханоя"]


def test_a_unit_word_keeps_only_the_units_of_its_kind(glossary):
    [district] = find_terms("huyện Quảng Ninh", "vi", glossary)
    assert district.kind == "district" and district.candidates == ()  # the province and communes: not a district
    [commune] = find_terms("xã Tân Phong", "vi", glossary)
    assert {glossary.get(c).kind for c in commune.candidates} == {"commune"}  # a ward Tân Phong is no "xã"


def test_a_document_decides_a_name_another_of_its_sentences_places(glossary):
    from translate.pipeline.recognise import recognise_segments

    first, second = recognise_segments(["Đoàn đến xã Tân Phong.", "Tỉnh Sơn La đón đoàn."], "vi", glossary)
    assert first[0].province == "Son La" and first[0].candidates == ()


def test_any_unit_of_an_ambiguous_name_renders_it(glossary):
    from translate.terms.judge import judge

    [source] = find_terms("xã Tân Phong", "vi", glossary)
    [output] = find_terms("Tan Phong commune", "en", glossary)
    expected = source.candidates[-1]  # whichever unit the source meant, the output's name renders it
    assert judge([expected], [output]).ok


def test_a_back_translation_says_which_names_it_left_ambiguous(installed_models, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("Делегація відвідала комуну Тан Фонг і провінцію Куангнінь.\n", encoding="utf-8")
    run = run_cli(["translate", str(source), "--from", "uk", "--to", "en", "--out", str(tmp_path / "out")],
                  env_dir=installed_models)
    assert run.returncode == 0, run.stderr
    [record] = [json.loads(line) for line in (tmp_path / "out" / "report.en.jsonl").read_text().splitlines()]
    [ambiguous] = record["glossary"]["ambiguous"]  # the province is decided by its unit word
    assert ambiguous["surface"] == "Тан Фонг" and len(ambiguous["candidates"]) > 5


def test_an_undecided_name_is_written_in_vietnamese_as_all_its_units_share_it(installed_models, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("The delegation visited Phu My.\n", encoding="utf-8")  # the districts Phù Mỹ and Phú Mỹ
    run = run_cli(["translate", str(source), "--from", "en", "--to", "vi", "--out", str(tmp_path / "out")],
                  env_dir=installed_models)
    assert run.returncode == 0, run.stderr
    assert "Phu Mỹ" in (tmp_path / "out" / "report.vi.txt").read_text(encoding="utf-8")  # the tone they differ in dropped
    [record] = [json.loads(line) for line in (tmp_path / "out" / "report.vi.jsonl").read_text().splitlines()]
    assert record["glossary"]["ok"] and record["glossary"]["ambiguous"][0]["surface"] == "Phu My"
