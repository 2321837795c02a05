"""QA profiles (`backtrans check --profile FILE`): checks, severities, thresholds; a bad one is one line with its line."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli
from tests.test_check_formal import write_tmx

PAIRS = [("The plan was met.", "План було було виконано."),            # double-word
         ("Revenue rose 5%.", "Дохід зріс на 6%."),                   # numbers (error)
         ("The district grew", "Район зріс.")]                         # end-punctuation


def run(tmx, profile, *extra):
    result = run_cli(["check", str(tmx), "--lang", "uk", "--format", "json", "--profile", str(profile), *extra])
    return result, json.loads(result.stdout) if result.returncode != 2 else None


def test_a_profile_chooses_checks_severities_and_the_fail_threshold(tmp_path):
    tmx, profile = write_tmx(tmp_path / "t.tmx", "en", "uk", PAIRS), tmp_path / "news.toml"
    profile.write_text('name = "news"\nchecks = ["double-word", "end-punctuation"]\nfail_on = "error"\n'
                       '[severities]\nend-punctuation = "error"\ndouble-word = "info"\n', encoding="utf-8")
    result, data = run(tmx, profile)
    assert data["checks"] == ["end-punctuation", "double-word"]
    assert sorted((f["check"], f["severity"]) for f in data["findings"]) == [
        ("double-word", "info"), ("end-punctuation", "error")]
    assert result.returncode == 1  # an error at fail_on = "error"
    profile.write_text('checks = ["double-word"]\nfail_on = "error"\n', encoding="utf-8")
    assert run(tmx, profile)[0].returncode == 0  # a warning only, under fail_on = "error"
    assert run(tmx, profile, "--fail-on", "warning")[0].returncode == 1  # the command line wins
    # A setting: "було" allowed doubled, so nothing is left.
    profile.write_text('checks = ["double-word"]\n[settings]\nallowed_doubled_words = ["Було"]\n', encoding="utf-8")
    assert run(tmx, profile)[1]["findings"] == []


def test_untranslated_threshold_from_the_profile(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("Район виконав усі завдання на рік.\nThe district completed all the tasks that were set for the year.\n", encoding="utf-8")
    profile = tmp_path / "p.toml"
    profile.write_text('checks = ["untranslated"]\n[settings]\nmin_words_for_detection = 4\n', encoding="utf-8")
    args = ["check", str(target), "--lang", "uk", "--source-lang", "en", "--format", "json", "--profile", str(profile)]
    assert [f["line"] for f in json.loads(run_cli(args).stdout)["findings"]] == [2]
    profile.write_text('checks = ["untranslated"]\n[settings]\nmin_words_for_detection = 14\n', encoding="utf-8")
    assert json.loads(run_cli(args).stdout)["findings"] == []  # 13 words: too few to tell at 14


@pytest.mark.parametrize("text, line, words", [
    ('checks = ["double-word",\n  "spelling"]\n', 2, "unknown check 'spelling'"),
    ('name = "x"\n[severities]\nnumbers = "fatal"\n', 3, "is no severity"),
    ('name = "x"\ncolour = "red"\n', 2, "unknown key 'colour'"),
    ('[settings]\nmin_words_for_detection = -1\n', 2, "whole number"),
    ('[settings]\ndetection_margin = 0.2\nmin_word = 3\n', 3, "unknown setting 'min_word'"),
    ('name = "x"\nchecks = [double-word]\n', 2, "not TOML"),
])
def test_a_bad_profile_is_one_line_naming_file_and_line(tmp_path, text, line, words):
    tmx, profile = write_tmx(tmp_path / "t.tmx", "en", "uk", PAIRS), tmp_path / "bad.toml"
    profile.write_text(text, encoding="utf-8")
    result = run_cli(["check", str(tmx), "--lang", "uk", "--profile", str(profile)])
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{profile}:{line}: " in result.stderr and words in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
