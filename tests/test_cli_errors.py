"""Errors a user can cause, through the real CLI: one line naming the file, exit code 2."""

from __future__ import annotations

import json

import pytest

from tests.helpers import SEEDS, run_cli

SEED = str(SEEDS / "uk_hai_duong_breakthroughs.txt")


def _one_line_error(result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    for needle in needles:
        assert needle in result.stderr


def test_translate_out_that_is_a_file(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("not a folder")
    _one_line_error(run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(out)]),
                    str(out), "folder")


def test_align_output_that_is_a_folder(tmp_path):
    result = run_cli(["align", SEED, SEED, "--src-lang", "uk", "--tgt-lang", "uk", "--format", "json",
                      "-o", str(tmp_path), "--no-glossary", "--no-translate"])
    _one_line_error(result, str(tmp_path))


@pytest.mark.parametrize("args", [
    ["check", SEED, "--lang", "ukx"],
    ["check", SEED, "--lang", "uk", "--source", SEED, "--source-lang", "xx"],
    ["terms", "find", SEED, "--lang", "xx"],
])
def test_unknown_language_is_an_error(args):
    _one_line_error(run_cli(args), "unknown language")


def test_glossary_and_no_glossary_exclude_each_other(tmp_path):
    result = run_cli(["translate", SEED, "--from", "uk", "--to", "en", "--out", str(tmp_path / "o"),
                      "--glossary", "glossaries/vietnam-provinces.gloss", "--no-glossary"])
    _one_line_error(result, "exclude each other")


def test_reading_commands_take_an_interchange_glossary(tmp_path):
    # terms/check/align/translate read TBX (and CSV/TSV) glossaries as well as .gloss ones.
    tbx = tmp_path / "export.tbx"
    assert run_cli(["glossary", "export", "--format", "tbx", "-o", str(tbx)]).returncode == 0
    args = ["terms", "find", SEED, "--lang", "uk", "--format", "json"]
    from_gloss = run_cli(args)
    from_tbx = run_cli([*args, "--glossary", str(tbx)])
    assert from_tbx.returncode == 0, from_tbx.stderr
    assert json.loads(from_tbx.stdout) == json.loads(from_gloss.stdout) != []


def test_translate_asks_for_from_when_the_language_cannot_be_told(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Hai Duong\nNam Dinh\n", encoding="utf-8")  # names alone tell no language
    _one_line_error(run_cli(["translate", str(names), "--to", "en", "--out", str(tmp_path / "o")]),
                    str(names), "--from")


@pytest.mark.parametrize("args, code", [
    (["check", SEED, "--lang", "ukx"], 2),  # a user error: one line
    (["check", "--bogus"], 2),  # a usage error, as typer reports it
    (["--help"], 0),
])
def test_the_installed_command_exits_as_run_returns(args, code):
    """End to end, in a process of its own: the console script gives the codes ``translate.cli.run`` returns."""
    from tests.helpers import run_process

    result = run_process(args)
    assert result.returncode == code and "Traceback" not in result.stderr
    if code == 2 and args[0] == "check" and "--lang" in args:
        _one_line_error(result, "unknown language")
