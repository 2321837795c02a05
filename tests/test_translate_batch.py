"""Batch back-translation end to end with the real engine and the copy test models."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest

from tests.helpers import BACKTRANS, SEEDS, cli_env, run_cli
from translate.engine import EngineSettings
from translate.engine.packages import installed_packages
from translate.pipeline.run import JOURNAL_NAME, translate_documents

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _normalised(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.fixture(scope="module")
def seed_run(installed_models, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-run")
    summary = translate_documents([SEEDS], ["en", "vi"], out, packages=installed_packages(installed_models),
                                  settings=EngineSettings(beam_size=2))
    return out, summary


def test_every_seed_to_en_and_vi_with_layout_kept(seed_run):
    out, summary = seed_run
    assert summary.documents == 5
    for seed in SEED_FILES:
        source = seed.read_text(encoding="utf-8")
        for lang in ("en", "vi"):
            text = (out / f"{seed.stem}.{lang}.txt").read_text(encoding="utf-8")
            # The copy model returns each sentence unchanged, so the output is the source,
            # line for line (empty lines too), up to the spaces between sentences.
            assert _normalised(text) == _normalised(source), (seed.name, lang)


def test_jsonl_records_every_sentence_with_its_models(seed_run):
    out, summary = seed_run
    total = 0
    for seed in SEED_FILES:
        src_lang = seed.name[:2]
        records = [json.loads(line) for line in (out / f"{seed.stem}.vi.jsonl").read_text().splitlines()]
        total += len(records)
        assert all(r["from"] == src_lang and r["to"] == "vi" for r in records)
        assert all(r["translation"] == r["source"] for r in records)
        # No uk/pl/id/ar→vi model is installed: every sentence went through English.
        assert {tuple(r["models"]) for r in records} == {(f"translate-{src_lang}_en-backtrans_test",
                                                          "translate-en_vi-backtrans_test")}
        keys = [(r["paragraph"], r["index"]) for r in records]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert total == summary.sentences


def test_pivot_reuses_the_english_hop(seed_run):
    _, summary = seed_run
    # uk→en feeds both the English output and the en→vi hop: each sentence is translated
    # once per hop, not once per target language.
    assert summary.translated <= 2 * summary.sentences


def test_rerun_reuses_everything_and_keeps_bytes(seed_run, installed_models):
    out, _ = seed_run
    before = {p.name: p.read_bytes() for p in out.glob("*.*")}
    summary = translate_documents([SEEDS], ["en", "vi"], out, packages=installed_packages(installed_models),
                                  settings=EngineSettings(beam_size=2))
    assert summary.translated == 0 and summary.reused > 0
    assert {p.name: p.read_bytes() for p in out.glob("*.*")} == before


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "ctrl-c"])
def test_resume_after_interruption_gives_identical_bytes(installed_models, tmp_path, sig):
    inputs = [str(SEEDS / "uk_hai_duong_breakthroughs.txt"), str(SEEDS / "ar_ninh_binh_work_theme.txt")]
    args = ["translate", *inputs, "--to", "en,vi", "--beam", "1", "--batch-tokens", "300", "-q"]
    clean = tmp_path / "clean"
    assert run_cli([*args, "--out", str(clean)], env_dir=installed_models).returncode == 0

    killed = tmp_path / "killed"
    journal = killed / JOURNAL_NAME
    # Ctrl-C as at a terminal: SIGINT at its default in the run, however pytest was started (a
    # non-interactive shell starts a background job, `.ci/run &`, with SIGINT ignored; a child
    # inherits that, and Python then never raises KeyboardInterrupt: the run went on to exit 0).
    proc = subprocess.Popen([BACKTRANS, *args, "--out", str(killed)], env=cli_env(installed_models),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.stat().st_size > 5_000:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=120)
    if sig == signal.SIGINT:  # Ctrl-C: a clean stop with advice, no traceback
        assert proc.returncode == 130 and "run the same command again to resume" in stderr, (proc.returncode, stderr)
        assert "Traceback" not in stderr
    assert not list(killed.glob("*.txt")), "outputs must only appear when complete"

    resumed = run_cli([*args, "--out", str(killed)], env_dir=installed_models)
    assert resumed.returncode == 0, resumed.stderr
    assert " from the journal" in resumed.stderr and " 0 from the journal" not in resumed.stderr
    outputs = sorted(p.name for p in clean.glob("*.*"))
    assert outputs and outputs == sorted(p.name for p in killed.glob("*.*"))
    for name in outputs:
        assert (clean / name).read_bytes() == (killed / name).read_bytes(), name


def test_source_language_is_detected_per_document(installed_models, tmp_path):
    result = run_cli(["translate", str(SEEDS / "pl_nam_dinh_grassroots.txt"), str(SEEDS / "ar_ninh_binh_work_theme.txt"),
                      "--to", "en", "--beam", "1", "--out", str(tmp_path), "-q"], env_dir=installed_models)
    assert result.returncode == 0, result.stderr
    for stem, lang in (("pl_nam_dinh_grassroots", "pl"), ("ar_ninh_binh_work_theme", "ar")):
        first = json.loads((tmp_path / f"{stem}.en.jsonl").read_text().splitlines()[0])
        assert first["from"] == lang and first["models"] == [f"translate-{lang}_en-backtrans_test"]


def test_glob_input(installed_models, tmp_path):
    result = run_cli(["translate", str(SEEDS / "uk_*.txt"), "--to", "en", "--beam", "1", "--out", str(tmp_path), "-q"],
                     env_dir=installed_models)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == [
        "uk_hai_duong_breakthroughs.en.txt", "uk_thanh_phu_midterm.en.txt"]


@pytest.mark.parametrize("content, expect", [
    (b"\xcf\xf0\xe8\xe2\xb3\xf2 \xf1\xe2\xb3\xf2\n", "not UTF-8"),  # cp1251 text
    (None, "no such file"),
])
def test_unreadable_input_is_one_line_error(installed_models, tmp_path, content, expect):
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    result = run_cli(["translate", str(path), "--from", "uk", "--to", "en", "--out", str(tmp_path / "o")],
                     env_dir=installed_models)
    assert result.returncode == 2
    assert str(path) in result.stderr and expect in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_model_is_one_line_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Привіт, світе.\n", encoding="utf-8")
    result = run_cli(["translate", str(path), "--from", "uk", "--to", "en", "--out", str(tmp_path / "o")],
                     env_dir=tmp_path / "no-models")
    assert result.returncode == 2
    assert "no model for uk→en" in result.stderr and "backtrans models" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_engine_is_loaded_at_a_time(installed_models, tmp_path, monkeypatch):
    """Four source languages, four packages: each engine is freed before the next loads (each
    keeps its weights and its workers' scratch memory: four at once peaked 2.5x one)."""
    import weakref

    import translate.engine.lifecycle
    from translate.engine import Engine

    live: weakref.WeakSet = weakref.WeakSet()
    alive_at_load: list[int] = []

    class CountedEngine(Engine):  # the real engine, counted
        def __init__(self, *args, **kwargs):
            alive_at_load.append(len(live))
            super().__init__(*args, **kwargs)
            live.add(self)

    monkeypatch.setattr(translate.engine.lifecycle, "Engine", CountedEngine)
    docs = tmp_path / "docs"
    docs.mkdir()
    for lang in ("uk", "pl", "id", "ar"):
        seed = next(p for p in SEED_FILES if p.name.startswith(f"{lang}_"))
        paragraphs = [line for line in seed.read_text(encoding="utf-8").splitlines() if len(line) > 200]
        (docs / seed.name).write_text("\n".join(paragraphs[:2]) + "\n", encoding="utf-8")
    translate_documents([docs], ["en"], tmp_path / "out", packages=installed_packages(installed_models),
                        settings=EngineSettings(beam_size=1))
    assert len(alive_at_load) == 4 and alive_at_load == [0, 0, 0, 0]
