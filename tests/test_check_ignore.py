"""`backtrans check --ignore FILE [--add-ignored]`: findings marked "not an error" stay quiet across runs."""

from __future__ import annotations

import json

from tests.helpers import run_cli
from tests.test_check_formal import write_tmx

PAIRS = [("The plan was met.", "План було було виконано."),          # double-word
         ("Revenue rose 5%.", "Дохід зріс на 6%."),                 # numbers
         ("The district grew.", "Район зріс  швидко.")]              # double-space


def check(path, *extra):
    result = run_cli(["check", str(path), "--lang", "uk", "--format", "json", *extra])
    return result, json.loads(result.stdout) if result.stdout.strip() else None


def test_ignored_findings_stay_quiet_when_lines_move_and_new_ones_show(tmp_path):
    tmx, ignore = write_tmx(tmp_path / "t.tmx", "en", "uk", PAIRS), tmp_path / "qa.ignore"
    first, data = check(tmx)
    assert first.returncode == 1
    flagged = sorted(f["check"] for f in data["findings"])
    assert flagged == ["double-space", "double-word", "numbers"]
    added, data = check(tmx, "--ignore", ignore, "--add-ignored")
    assert added.returncode == 0 and "3 finding(s) added" in added.stderr
    assert data["findings"] == [] and data["summary"]["ignored"] == 3
    entries = [line for line in ignore.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert sorted(e.split("\t")[0] for e in entries) == flagged
    # Two units are added in front (every line moves) and one of them has a new doubled word.
    write_tmx(tmx, "en", "uk", [("Hello.", "Привіт."), ("The the end.", "Кінець кінець.")] + PAIRS)
    again, data = check(tmx, "--ignore", ignore)
    assert again.returncode == 1
    assert [(f["check"], f["segment"]) for f in data["findings"]] == [("double-word", 1)]
    assert data["summary"]["ignored"] == 3
    # Adding again only adds what is new.
    assert "1 finding(s) added" in check(tmx, "--ignore", ignore, "--add-ignored")[0].stderr
    # The changed segment is a new finding: the entry was for its old text.
    write_tmx(tmx, "en", "uk", [PAIRS[0], ("Revenue rose 5%.", "Дохід зріс на 7%."), PAIRS[2]])
    assert [f["check"] for f in check(tmx, "--ignore", ignore)[1]["findings"]] == ["numbers"]


def test_a_bad_ignore_file_is_one_line_with_its_line(tmp_path):
    tmx, ignore = write_tmx(tmp_path / "t.tmx", "en", "uk", PAIRS), tmp_path / "qa.ignore"
    ignore.write_text("# comment\nnumbers\t-\tnot-a-digest\n", encoding="utf-8")
    result = run_cli(["check", str(tmx), "--lang", "uk", "--ignore", str(ignore)])
    assert result.returncode == 2 and f"{ignore}:2:" in result.stderr and "Traceback" not in result.stderr
    missing = run_cli(["check", str(tmx), "--lang", "uk", "--ignore", str(tmp_path / "none")])
    assert missing.returncode == 2 and "none" in missing.stderr
    assert run_cli(["check", str(tmx), "--lang", "uk", "--add-ignored"]).returncode == 2
