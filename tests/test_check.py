"""`backtrans check` on the seeds and on small hand-made bilingual files.

Expected places were counted by hand in the seeds (grep -n), not copied from the tool.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import REPO, SEEDS, run_cli
from translate.check import Severity, check_documents, load_document
from translate.check.report_json import SCHEMA, report_data, schema_errors
from translate.glossary import load_glossary

DATA = REPO / "tests" / "data" / "check"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def usage(report, concept):
    found = next(c for c in report.concepts if c.concept == concept)
    return {r.term: sorted(p.location.line for p in r.places) for r in found.renderings}


def test_hai_duong_two_renderings_with_all_places(glossary):
    report = check_documents([load_document(SEEDS / "uk_hai_duong_breakthroughs.txt", "uk")], glossary)
    # grep -n: Хайзионг twice on line 2; Хай Дуонг on lines 3 and 9, Хай Дуонгом on line 8.
    assert usage(report, "hai-duong") == {"Хайзионг": [2, 2], "Хай Дуонг": [3, 8, 9]}
    (finding,) = [f for f in report.findings if f.check == "variants" and f.concept == "hai-duong"]
    assert "«Хай Дуонг» ×3" in finding.message and "«Хайзионг» ×2" in finding.message
    surfaces = [p.surface for c in report.concepts if c.concept == "hai-duong"
                for r in c.renderings for p in r.places]
    assert "Хай Дуонгом" in surfaces  # the inflected form counts as «Хай Дуонг»


def test_thanh_phu_dong_khoi_and_party_secretary(glossary):
    report = check_documents([load_document(SEEDS / "uk_thanh_phu_midterm.txt", "uk")], glossary)
    # grep -n: Донг Кхой on line 2, Дон Кхой on line 7.
    assert usage(report, "dong-khoi") == {"Донг Кхой": [2], "Дон Кхой": [7]}
    # grep -ni: «провінційний секретар партії» on lines 1, 4, 5, 5; «Секретар обласної партії» on line 6.
    assert usage(report, "provincial-party-secretary") == {
        "провінційний секретар партії": [1, 4, 5, 5], "Секретар обласної партії": [6]}
    variants = {f.concept for f in report.findings if f.check == "variants"}
    assert {"dong-khoi", "provincial-party-secretary"} <= variants
    deprecated = {(f.concept, f.location.line, f.suggestion) for f in report.findings if f.check == "deprecated"}
    assert deprecated == {("dong-khoi", 7, "Донг Кхой"),
                          ("provincial-party-secretary", 6, "провінційний секретар партії")}
    # The span points at the text: line 7 of the seed at the reported columns is «Дон Кхой».
    f = next(f for f in report.findings if f.check == "deprecated" and f.concept == "dong-khoi")
    line = (SEEDS / "uk_thanh_phu_midterm.txt").read_text(encoding="utf-8").splitlines()[6]
    assert line[f.location.start:f.location.end] == "Дон Кхой"


def test_bilingual_text_pair(glossary):
    doc = load_document(DATA / "report_uk.txt", "uk", DATA / "report_en.txt", "en")
    report = check_documents([doc], glossary)
    found = sorted((f.check, f.location.line) for f in report.findings)
    # Line 1 drops Hai Duong; line 3 changes 8,850.26 into 9 850,26; line 4 is the English left as is.
    # Line 2 writes 29/05/2024 as «29 травня 2024», 70% as «70 %»: no finding.
    assert found == [("missing-term", 1), ("numbers", 3), ("untranslated", 4)]
    number = next(f for f in report.findings if f.check == "numbers")
    line = (DATA / "report_uk.txt").read_text(encoding="utf-8").splitlines()[2]
    assert line[number.location.start:number.location.end].startswith("9 850,26")


def test_untranslated_without_source_by_language_detection(glossary, tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("Район виконав усі завдання, які були поставлені на рік.\n"
                      "The district completed all the tasks that were set for the year.\n", encoding="utf-8")
    report = check_documents([load_document(target, "uk", source_lang="en")], glossary)
    assert [(f.check, f.location.line) for f in report.findings] == [("untranslated", 2)]


def test_unknown_variant_is_reported_with_its_concept(glossary, tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("Місто Хай Зионг звітувало про виконання плану.\n", encoding="utf-8")
    report = check_documents([load_document(target, "uk")], glossary)
    (f,) = [f for f in report.findings if f.check == "unknown-variant"]
    assert f.concept == "hai-duong" and f.severity is Severity.INFO
    assert "Місто Хай Зионг звітувало"[f.location.start:f.location.end] == "Хай Зионг"


def test_json_follows_its_schema(glossary):
    doc = load_document(DATA / "report_uk.txt", "uk", DATA / "report_en.txt", "en")
    data = report_data(check_documents([doc], glossary))
    assert schema_errors(json.loads(json.dumps(data))) == []
    assert data["summary"]["by_check"]["numbers"] == 1
    # The validator does reject what breaks the schema.
    bad = json.loads(json.dumps(data))
    bad["findings"][0]["severity"] = "fatal"
    del bad["findings"][0]["line"]
    assert len(schema_errors(bad)) == 2
    assert SCHEMA["properties"]["schema"]["enum"] == ["backtrans-check/1"]


def test_cli_exit_codes_and_json(tmp_path):
    seed = str(SEEDS / "uk_thanh_phu_midterm.txt")
    result = run_cli(["check", seed, "--lang", "uk", "--format", "json"])
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert schema_errors(data) == []
    assert data["summary"]["worst"] == "error"
    # Only info-level findings count from --fail-on info; deprecated renderings are errors.
    assert run_cli(["check", seed, "--lang", "uk", "--checks", "unknown-variant"]).returncode == 0
    assert run_cli(["check", seed, "--lang", "uk", "--fail-on", "never"]).returncode == 0
    clean = tmp_path / "clean.txt"
    clean.write_text("Місто Хайзионг виконало план.\n", encoding="utf-8")
    assert run_cli(["check", str(clean), "--lang", "uk"]).returncode == 0
    # Usage and input errors: exit 2 with one line naming the file.
    missing = run_cli(["check", str(tmp_path / "none.txt"), "--lang", "uk"])
    assert missing.returncode == 2 and "none.txt" in missing.stderr and "Traceback" not in missing.stderr
    assert run_cli(["check", seed, "--lang", "uk", "--checks", "spelling"]).returncode == 2
    assert run_cli(["check", seed]).returncode == 2  # --lang is required


def test_cli_folder_and_suggestions(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("uk_hai_duong_breakthroughs.txt", "uk_thanh_phu_midterm.txt"):
        (folder / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "extra.txt").write_text("Місто Хай Зионг і місто Хай Зионг.\nУчора пан Нгуєн Ван Ан прибув. Він сказав, що Нгуєн Ван Ан задоволений.\n",
                                      encoding="utf-8")
    out, suggestions = tmp_path / "r.json", tmp_path / "s.gloss"
    result = run_cli(["check", str(folder), "--lang", "uk", "--format", "json", "-o", str(out),
                      "--suggest", str(suggestions)])
    assert result.returncode == 1, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 3
    text = suggestions.read_text(encoding="utf-8")
    assert "[hai-duong]" in text and "Хай Зионг" in text and "Нгуєн Ван Ан" in text
    # The suggestions are a glossary `backtrans glossary import` reads and merges.
    target = tmp_path / "g.gloss"
    target.write_text((REPO / "glossaries" / "vietnam-provinces.gloss").read_text(encoding="utf-8"), encoding="utf-8")
    imported = run_cli(["glossary", "import", str(suggestions), "--glossary", str(target)])
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Хай Зионг" in load_glossary(target).get("hai-duong").terms_in("uk")[-1].text


def test_malformed_bilingual_files_give_file_and_line():
    for name, line in (("broken.tmx", 7), ("broken.xlf", 5)):
        result = run_cli(["check", str(DATA / name), "--lang", "uk"])
        assert result.returncode == 2
        assert f"{name}:{line}: malformed XML" in result.stderr


def test_list_checks_names_every_check_with_its_severity_and_purpose():
    run = run_cli(["check", "--list-checks"])
    assert run.returncode == 0
    from translate.check import CHECKS

    lines = run.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(CHECKS)
    assert lines[1].split()[1] == "error" and "deprecated" in lines[1]


def test_check_reads_a_text_on_standard_input():
    seed = SEEDS / "uk_thanh_phu_midterm.txt"
    args = ["--lang", "uk", "--checks", "variants,deprecated", "--format", "json", "--fail-on", "never"]
    from_stdin = json.loads(run_cli(["check", "-", *args], input=seed.read_text(encoding="utf-8")).stdout)
    from_file = json.loads(run_cli(["check", str(seed), *args]).stdout)
    assert from_stdin["findings"] and [f["message"] for f in from_stdin["findings"]] == \
        [f["message"] for f in from_file["findings"]]
    assert {f["file"] for f in from_stdin["findings"]} == {"-"}


def test_an_empty_source_compares_nothing_and_says_so(glossary, tmp_path):
    from translate.check import check_files

    empty = tmp_path / "source.txt"
    empty.write_text("\n", encoding="utf-8")
    report = check_files([SEEDS / "uk_thanh_phu_midterm.txt"], "uk", glossary, source=empty, source_lang="vi",
                         checks=["numbers", "missing-term"])
    assert report.findings == []  # a sentence aligned to nothing is an addition, not a changed number
    assert any("no source sentence aligns" in w for w in report.warnings)
