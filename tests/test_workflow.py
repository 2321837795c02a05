"""translate → check → align → score on the folders translate writes: each step one command (the README walkthrough)."""

from __future__ import annotations

import json
import shutil

from tests.helpers import SEEDS, run_cli


def test_the_folders_translate_writes_are_the_inputs_of_the_rest(installed_models, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("uk_thanh_phu_midterm.txt", "uk_hai_duong_breakthroughs.txt"):
        shutil.copy(SEEDS / name, seeds / name)
    out = tmp_path / "out"

    def bt(*args: str):
        run = run_cli([str(a) for a in args], env_dir=installed_models)
        assert run.returncode in (0, 1), run.stderr  # 1: check found something, as it may
        return run

    bt("translate", seeds, "--to", "en,vi", "--out", out)
    report = json.loads(bt("check", out, "--lang", "en", "--format", "json").stdout)
    # only the English outputs, each read with its sources from translate's JSON Lines
    assert sorted(d["file"].rsplit("/", 1)[-1] for d in report["documents"]) == [
        "uk_hai_duong_breakthroughs.en.jsonl", "uk_thanh_phu_midterm.en.jsonl"]
    assert all(d["source_lang"] == "uk" and d["segments"] for d in report["documents"])
    assert {f["check"] for f in report["findings"]} >= {"untranslated"}  # the copy model copied its input
    aligned = tmp_path / "aligned"
    bt("align", seeds, out, "--src-lang", "uk", "--tgt-lang", "vi", "--format", "json", "-o", aligned)
    assert sorted(p.name for p in aligned.iterdir()) == ["uk_hai_duong_breakthroughs.json", "uk_thanh_phu_midterm.json"]
    scored = bt("score", out, "--ref", out, "--lang", "en", "--src", seeds, "--src-lang", "uk")
    assert "BLEU    100.00" in scored.stdout
