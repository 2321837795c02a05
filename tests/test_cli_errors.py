"""Errors a user can cause, through the real CLI: one line naming the file, exit code 2."""

from __future__ import annotations

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
    ["check", SEED, "--lang", "ukr"],
    ["check", SEED, "--lang", "uk", "--source", SEED, "--source-lang", "xx"],
    ["terms", "find", SEED, "--lang", "xx"],
])
def test_unknown_language_is_an_error(args):
    _one_line_error(run_cli(args), "unknown language")
