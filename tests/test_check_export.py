"""`backtrans check --format csv|xlsx`: a row per finding, with its source and target, read back by csv and openpyxl."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from tests.helpers import REPO, run_cli

DATA = REPO / "tests" / "data" / "check"
COLUMNS = ["file", "line", "segment", "check", "severity", "message", "source", "target", "concept", "suggestion"]


def test_csv_and_xlsx_hold_the_same_rows_as_the_json_findings(tmp_path):
    tmx = str(DATA / "units.tmx")
    data = json.loads(run_cli(["check", tmx, "--lang", "uk", "--format", "json"]).stdout)
    result = run_cli(["check", tmx, "--lang", "uk", "--format", "csv"])
    assert result.returncode == 1, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == COLUMNS
    assert [(r[3], int(r[1]), r[8]) for r in rows[1:]] == [(f["check"], f["line"], f["concept"])
                                                          for f in data["findings"]]
    # units.tmx, unit 2: «Рух Дон Кхой охопив 3/34 цілей.» for «... covered 4/34 targets.»
    numbers = next(r for r in rows[1:] if r[3] == "numbers" and "3/34" in r[7])
    assert numbers[6] == "The Dong Khoi movement covered 4/34 targets."
    assert numbers[7] == "Рух Дон Кхой охопив 3/34 цілей."
    out = tmp_path / "qa.xlsx"
    assert run_cli(["check", tmx, "--lang", "uk", "--format", "xlsx", "-o", str(out)]).returncode == 1
    sheet = load_workbook(out).active
    cells = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == rows
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_xlsx_needs_an_output_file():
    result = run_cli(["check", str(DATA / "units.tmx"), "--lang", "uk", "--format", "xlsx"])
    assert result.returncode == 2 and "-o FILE" in result.stderr and "Traceback" not in result.stderr


def test_nothing_to_check_is_an_error_unless_allowed_and_an_empty_source_is_reported(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = run_cli(["check", str(empty), "--lang", "uk"])
    assert result.returncode == 2 and "nothing to check" in result.stderr and "empty.txt" in result.stderr
    assert run_cli(["check", str(empty), "--lang", "uk", "--allow-empty"]).returncode == 0
    target = DATA / "report_uk.txt"
    paired = run_cli(["check", str(target), "--lang", "uk", "--source", str(empty), "--source-lang", "en",
                      "--fail-on", "never"])
    assert paired.returncode == 0 and "no source sentence aligns with the 4 of" in paired.stderr
