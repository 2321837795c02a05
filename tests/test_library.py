"""The library face: each command's Python twin, called as the README shows it, gives what the command gives."""

from __future__ import annotations

import json

import align
import translate
from tests.helpers import SEEDS, run_cli

SEED = SEEDS / "uk_hai_duong_breakthroughs.txt"


def test_back_translate_and_check_translations(installed_models, tmp_path):
    from translate.engine import installed_packages

    summary = translate.back_translate([SEED], to=["en"], out=tmp_path / "out",
                                       packages=installed_packages(installed_models))
    assert summary.documents == 1 and summary.failed == 0 and (tmp_path / "out" / f"{SEED.stem}.en.txt").is_file()
    report = translate.check_translations([SEED], "uk")
    cli = run_cli(["check", str(SEED), "--lang", "uk", "--format", "json"])
    assert [f.message for f in report.findings] == [f["message"] for f in json.loads(cli.stdout)["findings"]] != []


def test_find_terms_takes_a_path_or_the_default_glossary():
    by_default = translate.find_terms("У Хайзионзі", "uk")
    assert [m.concept for m in by_default] == ["hai-duong"]
    assert translate.find_terms("У Хайзионзі", "uk", "glossaries/vietnam-provinces.gloss") == by_default


def test_align_files_and_render_are_the_align_command(tmp_path):
    run = align.align_files(SEED, SEED, "uk", "uk", glossary=translate.load_glossary(), translate=False)
    assert len(run.pairs) == 1 and not run.unpaired
    out = tmp_path / "a.json"
    cli = run_cli(["align", str(SEED), str(SEED), "--src-lang", "uk", "--tgt-lang", "uk", "--format", "json",
                   "--no-translate", "-o", str(out)])
    assert cli.returncode == 0 and out.read_bytes() == align.render(run.aligned[0], align.AlignFormat.json)


def test_score_files_is_the_score_command(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("Hai Duong met.\nThe Politburo met.\n", encoding="utf-8")
    run = align.score_files(hyp, hyp, "en", glossary=translate.load_glossary())
    assert round(run.documents[0].scores[0].value, 6) == 100.0
    assert run_cli(["score", str(hyp), "--ref", str(hyp), "--lang", "en"]).stdout == run.to_text()
