"""Regressions of the fault campaign (issue 16): each failed with a traceback, or silently, before its fix."""

from __future__ import annotations

import os

import pytest

from tests.helpers import SEEDS, run_cli
from translate.engine import EngineSettings
from translate.errors import OutputError, UsageError
from translate.files import file_lock
from translate.pipeline.run import JOURNAL_NAME

SEED = str(SEEDS / "uk_thanh_phu_midterm.txt")


def _one_line_error(result, *needles: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_scoring_empty_files_says_there_is_nothing_to_score(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("")
    _one_line_error(run_cli(["score", str(empty), "--ref", str(empty), "--lang", "en"]), "nothing to score")


@pytest.mark.parametrize("where", ["file/sub", "/proc/backtrans-nope"])
def test_an_output_folder_that_cannot_be_made_fails_before_any_work(installed_models, tmp_path, where):
    (tmp_path / "file").write_text("")
    out = tmp_path / where if not where.startswith("/") else where
    _one_line_error(run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(out)],
                            env_dir=installed_models), "cannot create the output folder")


def test_a_journal_that_is_a_folder_is_a_clear_error(installed_models, tmp_path):
    (tmp_path / "out" / JOURNAL_NAME).mkdir(parents=True)
    _one_line_error(run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(tmp_path / "out")],
                            env_dir=installed_models), "journal", "folder")


@pytest.mark.parametrize("option, value", [("--beam", "1000000"), ("--threads", "100000"),
                                           ("--workers", "100000"), ("--batch-tokens", "100000000")])
def test_settings_no_machine_can_run_are_refused_up_front(tmp_path, option, value):
    _one_line_error(run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(tmp_path / "o"),
                             option, value]), option, "expected")
    with pytest.raises(UsageError):
        EngineSettings(beam_size=10**6)


@pytest.mark.parametrize("args, needle", [
    (["translate", SEED, "--to", "", "--out", "o"], "no target language"),
    (["translate", SEED, "--to", "en", "--beam", "0"], "--beam"),  # click's own range check, on one line
    (["translate"], "Missing argument"),
    (["nosuch"], "No such command"),
])
def test_bad_arguments_are_one_line(tmp_path, args, needle):
    _one_line_error(run_cli(args, cwd=tmp_path), needle)


def test_an_output_folder_inside_the_input_folder_is_not_read_back(installed_models, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Секретар прибув до Хайзионга.\n", encoding="utf-8")
    args = ["translate", str(tmp_path / "in"), "--from", "uk", "--to", "en", "--out", str(tmp_path / "in" / "out")]
    for _ in range(2):
        run = run_cli(args, env_dir=installed_models)
        assert run.returncode == 0, run.stderr
        assert "1 documents" in run.stderr
    assert sorted(p.name for p in (tmp_path / "in" / "out").iterdir() if not p.name.startswith(".")) == [
        "x.en.jsonl", "x.en.txt"]


def test_one_output_folder_serves_one_run_at_a_time(installed_models, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with file_lock(out / JOURNAL_NAME):  # as a run in progress holds it
        run = run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(out)], env_dir=installed_models)
    _one_line_error(run, "another backtrans run")
    assert run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(out)],
                   env_dir=installed_models).returncode == 0


def test_a_lock_follows_the_real_file_whatever_the_path_says(tmp_path):
    real = tmp_path / "team.gloss"
    real.write_text("")
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "mine.gloss"
    os.symlink(real, link)
    with file_lock(real):
        for spelling in (link, tmp_path / "links" / ".." / "team.gloss"):
            with pytest.raises(OutputError):
                with file_lock(spelling, wait=False):
                    pass


def test_a_utf16_termbase_with_entity_declarations_is_refused(tmp_path):
    tbx = tmp_path / "u16.tbx"
    tbx.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE tbx [<!ENTITY xxe "EVIL">]>\n'
                     '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
                     '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec>'
                     '</conceptEntry></body></text></tbx>').encode("utf-16"))
    _one_line_error(run_cli(["glossary", "import", str(tbx), "-g", str(tmp_path / "g.gloss")]),
                    f"{tbx}:2", "entity")
    assert not (tmp_path / "g.gloss").exists()


def test_an_input_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Хайзионг.\n" * 120_000, encoding="utf-8")  # about 2 MB
    run = run_cli(["terms", "find", str(big), "--lang", "uk"], env={"BACKTRANS_MAX_INPUT_MB": "1"})
    _one_line_error(run, str(big), "larger than 1 MB", "BACKTRANS_MAX_INPUT_MB")


def test_a_run_in_a_log_reports_progress_in_plain_lines_and_explains_its_counts(installed_models, tmp_path):
    from tests.helpers import run_process

    run = run_process(["translate", SEED, "--from", "uk", "--to", "en,vi", "--out", str(tmp_path / "o")],
                      env_dir=installed_models)  # stderr is a pipe here, not a terminal
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert lines[0].startswith("translating 1 documents: ") and "sentence translations to do" in lines[0]
    summary = next(line for line in lines if line.startswith("1 documents"))
    assert "sentences × hops" in summary and "by a model" in summary  # one line, however long
    assert "\x1b[" not in run.stderr  # no terminal codes in a log


def test_version():
    run = run_cli(["--version"])
    assert run.returncode == 0 and run.stdout.startswith("backtrans ")


@pytest.mark.parametrize("args, needle", [
    (["translate", SEED, "--from", "ua", "--to", "en", "--out", "o"], "--from: unknown language 'ua' (did you mean 'uk'?)"),
    (["translate", SEED, "--to", "xx", "--out", "o"], "--to: unknown language 'xx'"),
    (["align", SEED, SEED, "--src-lang", "ua", "--tgt-lang", "en", "--no-translate"], "--src-lang: unknown language 'ua'"),
    (["score", SEED, "--ref", SEED, "--lang", "xx"], "--lang: unknown language 'xx'"),
    (["terms", "find", SEED, "--lang", "vn"], "(did you mean 'vi'?)"),
])
def test_every_command_refuses_an_unknown_language_code_with_a_suggestion(tmp_path, args, needle):
    _one_line_error(run_cli(args, cwd=tmp_path), needle)


def test_a_three_letter_or_upper_case_code_is_the_language(installed_models, tmp_path):
    run = run_cli(["terms", "find", SEED, "--lang", "ukr", "--format", "json"])
    assert run.returncode == 0 and run.stdout.count('"concept"') > 10
    run = run_cli(["translate", SEED, "--to", "EN", "--out", str(tmp_path / "o")], env_dir=installed_models)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "o" / "uk_thanh_phu_midterm.en.txt").exists()


def test_a_document_in_another_language_than_the_one_given_is_said(installed_models, tmp_path):
    polish = str(SEEDS / "pl_nam_dinh_grassroots.txt")
    checked = run_cli(["check", polish, SEED, "--lang", "uk", "--format", "json"])
    assert "pl_nam_dinh_grassroots.txt: reads as pl, not uk" in checked.stderr
    assert "uk_thanh_phu_midterm" not in checked.stderr
    args = ["translate", polish, "--from", "uk", "--to", "en", "--out", str(tmp_path / "o")]
    run = run_cli(args, env_dir=installed_models)
    assert run.returncode == 0 and "reads as pl, not uk (--from)" in run.stderr
    assert run_cli([*args, "--strict"], env_dir=installed_models).returncode == 1


def test_nothing_to_translate_is_an_error_unless_allowed(installed_models, tmp_path):
    empty = tmp_path / "in"
    empty.mkdir()
    out = tmp_path / "out"
    _one_line_error(run_cli(["translate", str(empty), "--to", "en", "--out", str(out)], env_dir=installed_models),
                    "no file to read")
    allowed = run_cli(["translate", str(empty), "--to", "en", "--out", str(out), "--allow-empty"], env_dir=installed_models)
    assert allowed.returncode == 0 and "0 documents, 0 sentences" in allowed.stderr
    import translate  # the library call beside the command

    assert translate.back_translate([empty], to=["en"], out=out, allow_empty=True).documents == 0
    (empty / "blank.txt").write_text("\n\n", encoding="utf-8")
    _one_line_error(run_cli(["translate", str(empty), "--from", "uk", "--to", "en", "--out", str(out)],
                            env_dir=installed_models), "nothing to translate: no sentence in")
    allowed = run_cli(["translate", str(empty), "--from", "uk", "--to", "en", "--out", str(out), "--allow-empty"],
                      env_dir=installed_models)
    assert allowed.returncode == 0 and "1 documents, 0 sentences" in allowed.stderr
