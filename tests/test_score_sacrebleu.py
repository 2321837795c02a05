"""Scoring as sacrebleu users expect: several references, standard input, paired significance tests
(sacrebleu's own), every metric's signature; through the real command."""

from __future__ import annotations

import json

import pytest
import sacrebleu

from tests.helpers import run_cli
from tests.test_score import _seed_pair


@pytest.fixture()
def files(tmp_path):
    hyps, refs = _seed_pair()
    second = [r.lower() for r in refs]  # another reference: the lower-cased lines of the hypothesis match it
    paths = {}
    nearly = [hyps[0] + " juga"] + hyps[1:]  # one word more in one line
    for name, lines in (("hyp", hyps), ("ref", refs), ("ref2", second), ("nearly", nearly), ("better", refs)):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths, hyps, refs, second


def _scores(stdout: str) -> dict[str, dict]:
    [doc] = json.loads(stdout)
    return {s["metric"]: s for s in doc["scores"]}


def test_several_references_are_sacrebleus_multi_reference_scores(files):
    paths, hyps, refs, second = files
    result = run_cli(["score", paths["hyp"], "--ref", paths["ref"], "--ref", paths["ref2"], "--lang", "id",
                      "--no-glossary", "--format", "json"])
    assert result.returncode == 0, result.stderr
    scores = _scores(result.stdout)
    assert scores["BLEU"]["value"] == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs, second]).score)
    assert scores["chrF2"]["value"] == pytest.approx(sacrebleu.corpus_chrf(hyps, [refs, second]).score)
    assert all(s["signature"].startswith("nrefs:2|") for s in scores.values())
    one = _scores(run_cli(["score", paths["hyp"], "--ref", paths["ref"], "--lang", "id", "--no-glossary",
                           "--format", "json"]).stdout)
    assert one["BLEU"]["value"] != scores["BLEU"]["value"]


def test_the_hypothesis_may_come_from_standard_input(files):
    paths, *_ = files
    args = ["--ref", paths["ref"], "--lang", "id", "--no-glossary", "--format", "json"]
    from_file = run_cli(["score", paths["hyp"], *args])
    from_stdin = run_cli(["score", "-", *args], input=paths["hyp"].read_text(encoding="utf-8"))
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert _scores(from_stdin.stdout) == _scores(from_file.stdout)


def test_paired_bootstrap_tells_a_better_system_from_a_nearly_equal_one(files):
    paths, *_ = files
    result = run_cli(["score", paths["hyp"], "--ref", paths["ref"], "--lang", "id", "--no-glossary",
                      "--compare", paths["nearly"], "--compare", paths["better"], "--paired-bs", "--format", "json"])
    assert result.returncode == 0, result.stderr
    rows = {(c["system"], c["metric"]): c for c in json.loads(result.stdout)["comparisons"]}
    nearly, better = rows[(str(paths["nearly"]), "BLEU")], rows[(str(paths["better"]), "BLEU")]
    assert nearly["score"] != nearly["baseline"] and nearly["p_value"] > 0.05
    assert better["score"] > better["baseline"] and better["p_value"] < 0.05
    assert "bs:1000" in better["signature"] and better["mean"] is not None
    text = run_cli(["score", paths["hyp"], "--ref", paths["ref"], "--lang", "id", "--no-glossary",
                    "--compare", paths["better"], "--paired-ar"]).stdout
    assert "paired test against HYP" in text and "ar:10000" in text


@pytest.mark.parametrize("extra,message", [
    (["--paired-bs"], "give --compare OTHER"),
    (["--compare", "{nearly}", "--paired-bs", "--paired-ar"], "choose one of --paired-bs and --paired-ar"),
])
def test_paired_test_options_errors_are_one_line(files, extra, message):
    paths, *_ = files
    extra = [a.format(nearly=paths["nearly"]) for a in extra]
    result = run_cli(["score", paths["hyp"], "--ref", paths["ref"], "--lang", "id", "--no-glossary", *extra])
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
