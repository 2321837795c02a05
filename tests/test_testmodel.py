"""The copy test model on the real engines: CTranslate2 decoding, SentencePiece, Argos install and translate."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import pytest
import sentencepiece as spm

import translate
from translate.engine.testmodel import (
    TEST_PAIRS,
    build_test_models,
    package_name,
    token_codes,
)
from translate.errors import BacktransError

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "translate" / "data"
TEXTS = sorted((REPO / "seeds").glob("*.txt")) + [DATA / "corpus_en.txt", DATA / "corpus_vi.txt"]


def _sentences(path: Path, count: int) -> list[str]:
    """``count`` sentences spread over ``path``, plus a few with «», numbers like 8.850,26 or "Ủy ban"."""
    text = path.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    picked = sentences[:: max(1, len(sentences) // count)][:count]
    picked += [s for s in sentences if re.search(r"«|\d\.\d{3},\d|Ủy ban", s) and s not in picked][:3]
    return picked


def _unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(into)
    return into / archive.stem


@pytest.fixture(scope="module")
def unpacked(test_models, tmp_path_factory) -> Path:
    return _unpack(test_models["uk", "en"], tmp_path_factory.mktemp("uk_en"))


@pytest.fixture(scope="module")
def sp(unpacked) -> spm.SentencePieceProcessor:
    return spm.SentencePieceProcessor(model_file=str(unpacked / "sentencepiece.model"))


@pytest.fixture(scope="module")
def translator(unpacked) -> ctranslate2.Translator:
    return ctranslate2.Translator(str(unpacked / "model"), intra_threads=1)


def _random_pieces(sp, lengths, seed=0) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    return [[sp.id_to_piece(int(i)) for i in rng.integers(3, sp.get_piece_size(), n)] for n in lengths]


def _assert_copies(translator, batch, beam_size):
    results = translator.translate_batch(batch, beam_size=beam_size, max_batch_size=16)
    for source, result in zip(batch, results):
        assert result.hypotheses[0] == source, f"length {len(source)}, beam {beam_size}"


def test_archive_layout_and_metadata(test_models):
    assert set(test_models) == set(TEST_PAIRS)
    for pair, path in test_models.items():
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            top = {name.split("/")[0] for name in names}
            assert top == {package_name(pair)}
            for member in ("metadata.json", "README.md", "sentencepiece.model", "model/model.bin",
                           "model/config.json", "model/shared_vocabulary.json"):
                assert f"{package_name(pair)}/{member}" in names
            meta = json.loads(zf.read(f"{package_name(pair)}/metadata.json"))
            config = json.loads(zf.read(f"{package_name(pair)}/model/config.json"))
        assert (meta["type"], meta["from_code"], meta["to_code"]) == ("translate", *pair)
        assert meta["from_name"] and meta["to_name"] and "copy test model" in meta["description"]
        assert config["add_source_eos"] is True


def test_vocabulary_is_the_sentencepiece_pieces(unpacked, sp):
    vocabulary = json.loads((unpacked / "model" / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert vocabulary == [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    assert len(vocabulary) == 8000
    assert vocabulary[:3] == ["<unk>", "<s>", "</s>"]
    assert "<0xE1>" in vocabulary  # byte fallback pieces
    assert (unpacked / "model" / "model.bin").stat().st_size < 25_000_000  # int8


def test_token_codes_are_far_apart():
    u = token_codes()
    worst = 0.0
    for start in range(0, len(u), 1000):
        gram = u[start:start + 1000] @ u.T
        gram[np.arange(len(gram)), start + np.arange(len(gram))] = 0.0  # a code with itself
        worst = max(worst, float(np.abs(gram).max()))
    assert worst < 0.5 * u.shape[1]  # so the copied token's logit beats any other by > 60 nats


def test_exact_copy_of_random_pieces_greedy(sp, translator):
    _assert_copies(translator, _random_pieces(sp, range(1, 251, 13)), beam_size=1)


def test_exact_copy_of_random_pieces_beam4(sp, translator):
    _assert_copies(translator, _random_pieces(sp, [1, 2, 3, 64, 203, 250], seed=1), beam_size=4)


def test_text_level_copy_all_languages(sp, translator):
    sentences = [s for path in TEXTS for s in _sentences(path, 4)]
    assert any("«" in s for s in sentences) and any("8.850,26" in s for s in sentences)
    assert any(re.search("[\u0600-\u06ff]", s) for s in sentences)  # Arabic
    assert any("Ủy ban nhân dân" in s for s in sentences)  # Vietnamese, NFC diacritics
    for beam_size, chosen in ((1, sentences), (4, sentences[::3])):
        results = translator.translate_batch([sp.encode(s, out_type=str) for s in chosen],
                                             beam_size=beam_size, max_batch_size=16)
        assert [sp.decode(r.hypotheses[0]) for r in results] == chosen


def test_sentencepiece_is_lossless(sp):
    for s in ["  two  spaces, trailing ", "tab\there", "emoji 🙂 and 𝔘", "Hải Dương – 8,850.26", "\u0301x"]:
        assert sp.decode(sp.encode(s)) == s


def test_float32_build_copies(tmp_path):
    models = build_test_models(tmp_path, pairs=[("en", "vi")], quantization="float32", training_texts=TEXTS)
    model_dir = _unpack(models["en", "vi"], tmp_path / "x")
    assert (model_dir / "model" / "model.bin").stat().st_size > 60_000_000  # float32, not int8
    sp = spm.SentencePieceProcessor(model_file=str(model_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(model_dir / "model"), intra_threads=1)
    batch = _random_pieces(sp, [1, 9, 120, 203], seed=2)
    batch.append(sp.encode("Đồng chí Lê Đức Thọ, Chủ tịch Ủy ban nhân dân tỉnh Hải Dương.", out_type=str))
    _assert_copies(translator, batch, beam_size=1)
    _assert_copies(translator, batch, beam_size=4)


def test_cache_reuse_and_deterministic_rebuild(test_models, tmp_path):
    out_dir = test_models["uk", "en"].parent
    before = {pair: path.stat().st_mtime_ns for pair, path in test_models.items()}
    again = build_test_models(out_dir)  # nothing rebuilt: every file keeps its mtime
    assert again == test_models
    assert {pair: path.stat().st_mtime_ns for pair, path in again.items()} == before

    fresh = build_test_models(tmp_path, pairs=[("en", "vi")])
    assert fresh["en", "vi"].read_bytes() == test_models["en", "vi"].read_bytes()

    (tmp_path / "fingerprint.txt").unlink()  # as after an interrupted build: rebuilt, not trusted
    mtime = fresh["en", "vi"].stat().st_mtime_ns
    time.sleep(0.01)
    build_test_models(tmp_path, pairs=[("en", "vi")])
    assert fresh["en", "vi"].stat().st_mtime_ns != mtime
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build-")]


def test_missing_seeds_is_a_user_error(monkeypatch, tmp_path):
    monkeypatch.setattr(translate, "__file__", str(tmp_path / "pkg" / "translate" / "__init__.py"))
    with pytest.raises(BacktransError, match="seed"):
        build_test_models(tmp_path / "out")


_ARGOS_SCRIPT = r"""
import json, sys
import argostranslate.package as package
import argostranslate.sbd as sbd
import argostranslate.translate as translate

# MiniSBD would download a sentence model: keep each paragraph as one sentence.
sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
package.install_from_path(sys.argv[1])
installed = [(p.from_code, p.to_code, p.package_path.name) for p in package.get_installed_packages()]
translation = translate.get_translation_from_codes("uk", "en")
sentences = json.loads(sys.stdin.read())
print(json.dumps({"installed": installed, "out": [translation.translate(s) for s in sentences],
                  "api": translate.translate(sentences[0], "uk", "en")}))
"""


def test_argos_installs_and_translates(test_models, tmp_path):
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), ARGOS_PACKAGES_DIR=str(tmp_path / "packages"),
               ARGOS_DEVICE_TYPE="cpu", ARGOS_INTRA_THREADS="1")
    sentences = _sentences(REPO / "seeds" / "uk_hai_duong_breakthroughs.txt", 2)
    sentences += _sentences(REPO / "seeds" / "ar_ninh_binh_work_theme.txt", 1)
    sentences.append(sentences[0] + "\n" + sentences[1])  # two paragraphs
    proc = subprocess.run([sys.executable, "-c", _ARGOS_SCRIPT, str(test_models["uk", "en"])],
                          input=json.dumps(sentences), capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["installed"] == [["uk", "en", package_name(("uk", "en"))]]
    assert result["out"] == sentences
    assert result["api"] == sentences[0]
