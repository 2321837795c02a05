"""The tags check: inline codes compared between a bilingual unit's source and its translation."""

from __future__ import annotations

import json

from tests.helpers import REPO, run_cli
from translate.check.tags import TagProblem, compare_codes, misnested
from translate.formats.bilingual import read_bilingual

FORMATS = REPO / "tests" / "data" / "formats"


def _findings(name: str, lang: str) -> list[dict]:
    run = run_cli(["check", str(FORMATS / name), "--lang", lang, "--checks", "tags", "--format", "json"])
    assert run.returncode == 1, run.stderr  # errors found
    return [(f["line"], f["start"], f["message"]) for f in json.loads(run.stdout)["findings"]]


def test_missing_added_repeated_and_misnested_codes_are_found_with_unit_line_and_ids():
    assert _findings("inline12.xlf", "uk") == [
        (13, 0, 'unit t2: <x id="7"/> of the source is missing in the translation'),
        (17, 15, 'unit t3: <x id="9"/> is in the translation, not in the source'),
        (21, 10, 'unit t4: <ph id="10">{0}</ph> is repeated in the translation'),
        (25, 10, 'unit t5: </ept id="11"> comes before its opening code or crosses another span (nesting broken)')]
    # t1 (every code kept, moved with the words) and t6 (an isolated <it>) are clean


def test_xliff2_and_tmx_codes_are_checked_too():
    assert _findings("inline20.xlf", "pl") == [
        (16, 0, 'unit u2#s1: <sc id="4"/> of the source is missing in the translation'),
        (16, 8, 'unit u2#s1: </ec id="9"> is in the translation, not in the source')]
    assert _findings("inline.tmx", "pl") == [
        (13, 0, "unit 2: <ph><br/></ph> of the source is missing in the translation")]  # told apart by content


def test_a_missing_pair_is_one_issue_and_crossing_spans_break_nesting(tmp_path):
    xlf = tmp_path / "pairs.xlf"
    xlf.write_text('''<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" target-language="uk" datatype="html"><body>
<trans-unit id="p"><source><g id="1">Bold</g> and <bpt id="2">&lt;b&gt;</bpt>x<bpt id="3">&lt;i&gt;</bpt>y<ept id="3">&lt;/i&gt;</ept><ept id="2">&lt;/b&gt;</ept>.</source>
<target>Жирний і <bpt id="2">&lt;b&gt;</bpt>х<bpt id="3">&lt;i&gt;</bpt>у<ept id="2">&lt;/b&gt;</ept><ept id="3">&lt;/i&gt;</ept>.</target></trans-unit>
</body></file></xliff>''', encoding="utf-8")
    [unit] = read_bilingual(xlf).units
    issues = compare_codes(unit.source_codes, unit.target_codes)
    assert [(i.problem, i.code.element, i.code.id, i.pair) for i in issues] == [
        (TagProblem.MISSING, "g", "1", True),  # <g>…</g> is one issue, not two
        (TagProblem.NESTING, "ept", "2", False)]  # </b> closes while <i> is open
    assert misnested(unit.source_codes) == []
    [finding] = [f for f in json.loads(run_cli(["check", str(xlf), "--lang", "uk", "--checks", "tags",
                                                "--format", "json"]).stdout)["findings"] if "missing" in f["message"]]
    assert finding["message"] == 'unit p: <g id="1">…</g id="1"> of the source is missing in the translation'


def test_tags_is_listed_and_text_input_has_no_tag_findings(tmp_path):
    listing = run_cli(["check", "--list-checks"])
    assert listing.returncode == 0 and any(line.split()[:2] == ["tags", "error"] for line in listing.stdout.splitlines())
    text = tmp_path / "t.uk.txt"
    text.write_text("Текст <b>без</b> коду.\n", encoding="utf-8")
    run = run_cli(["check", str(text), "--lang", "uk", "--checks", "tags", "--format", "json"])
    assert run.returncode == 0 and json.loads(run.stdout)["findings"] == []
