"""`translate --engine ray` on a real local Ray (2 CPUs, one per module): the same bytes as the
local engine, resumable, and an actor killed mid-run replaced without changing a byte."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from tests.helpers import SEEDS, run_cli, run_process
from translate.engine import EngineSettings
from translate.engine.packages import installed_packages
from translate.pipeline.run import JOURNAL_NAME, Progress, translate_documents

ray = pytest.importorskip("ray")  # the `test` extra installs it; a checkout without it skips

from translate.distributed import RayBackend, ray_cluster  # noqa: E402

ONE_SEED = SEEDS / "uk_hai_duong_breakthroughs.txt"
SETTINGS = ["--beam", "1", "--batch-tokens", "256", "-q"]  # small batches: many of them, on both actors


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    with ray_cluster(num_cpus=2):
        yield


@pytest.fixture(scope="module")
def local_run(installed_models, tmp_path_factory):
    """The seeds into en and vi with the shipped glossary, by the local engine (the reference)."""
    out = tmp_path_factory.mktemp("local")
    done = run_cli(["translate", SEEDS, "--to", "en,vi", "--out", out, *SETTINGS], env_dir=installed_models)
    assert done.returncode == 0, done.stderr
    return out, done.stderr


def _outputs(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def _journal(folder):
    return sorted((r["model"], r["src"], r["tgt"]) for r in map(json.loads, (folder / JOURNAL_NAME).open()))


def test_ray_run_writes_the_local_bytes_records_and_verdicts(local_run, installed_models, tmp_path):
    local, local_stderr = local_run
    done = run_cli(["translate", SEEDS, "--to", "en,vi", "--out", tmp_path, *SETTINGS, "--engine", "ray",
                    "--actors", "2"], env_dir=installed_models)
    assert done.returncode == 0, done.stderr
    assert len(_outputs(local)) == 20 and _outputs(tmp_path) == _outputs(local)
    assert _journal(tmp_path) == _journal(local)  # the same sentences, translated the same, recorded once
    records = [json.loads(line) for line in (tmp_path / "uk_thanh_phu_midterm.vi.jsonl").open()]
    assert records and all("glossary" in r for r in records)  # verdicts made in Ray tasks
    summary = [line for line in done.stderr.splitlines() if line.startswith("glossary ")]
    assert summary and summary == [line for line in local_stderr.splitlines() if line.startswith("glossary ")]


class _StopAfter(Progress):
    """Ctrl-C on the driver once ``batches`` batches have been translated."""

    def __init__(self, batches: int) -> None:
        self.left = batches

    def advance(self, sentences: int, tokens: int) -> None:
        if tokens:
            self.left -= 1
            if not self.left:
                raise KeyboardInterrupt


def test_interrupted_ray_run_resumes_to_the_local_bytes(local_run, installed_models, tmp_path):
    local, _ = local_run
    packages = installed_packages(installed_models)
    import translate

    with pytest.raises(KeyboardInterrupt):
        translate_documents([SEEDS], ["en", "vi"], tmp_path, packages=packages, glossary=translate.load_glossary(),
                            settings=EngineSettings(beam_size=1, batch_tokens=256), progress=_StopAfter(4),
                            backend=RayBackend(actors=2))
    assert not _outputs(tmp_path), "outputs appear only when complete"
    assert len(_journal(tmp_path)) >= 4  # every batch returned before the stop was recorded
    resumed = run_cli(["translate", SEEDS, "--to", "en,vi", "--out", tmp_path, *SETTINGS, "--engine", "ray"],
                      env_dir=installed_models)
    assert resumed.returncode == 0, resumed.stderr
    assert " from the journal" in resumed.stderr and " 0 from the journal" not in resumed.stderr
    assert _outputs(tmp_path) == _outputs(local)


class _KillActor(Progress):
    """Kills one translator actor's process (SIGKILL) after the first batch, then asks the pool
    for its processes again: Ray must have started another."""

    def __init__(self, backend: RayBackend) -> None:
        self.backend = backend
        self.killed: int | None = None
        self.after: list[int] = []

    def advance(self, sentences: int, tokens: int) -> None:
        assert self.backend.pool is not None
        if tokens and self.killed is None:
            self.killed = self.backend.pool.pids()[0]
            os.kill(self.killed, signal.SIGKILL)
        elif tokens and not self.after:
            self.after = self.backend.pool.pids()


def test_actor_killed_mid_run_is_replaced_and_changes_no_byte(installed_models, tmp_path):
    packages = installed_packages(installed_models)
    settings = EngineSettings(beam_size=1, batch_tokens=64)
    reference = translate_documents([ONE_SEED], ["en"], tmp_path / "local", packages=packages, settings=settings)
    backend = RayBackend(actors=2)
    watch = _KillActor(backend)
    summary = translate_documents([ONE_SEED], ["en"], tmp_path / "ray", packages=packages, settings=settings,
                                  progress=watch, backend=backend)
    assert watch.killed is not None and len(watch.after) == 2 and watch.killed not in watch.after
    assert summary.translated == reference.translated
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")


def test_bad_input_in_a_ray_task_is_one_line(installed_models, tmp_path):
    bad = tmp_path / "report.txt"
    bad.write_text("<?xml version='1.0'?><tmx/>\n", encoding="utf-8")
    done = run_cli(["translate", bad, "--to", "en", "--out", tmp_path / "out", "--engine", "ray"],
                   env_dir=installed_models)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"backtrans: error: {bad}:1: an XML document, not plain text "
                                        "(bilingual files: TMX, XLIFF, SDLXLIFF, MQXLIFF)"]


def test_without_ray_the_engine_says_what_to_install_and_the_cli_never_imports_it(tmp_path):
    hide_ray = "import sys; sys.modules['ray'] = None; from translate.cli import run; "
    missing = subprocess.run([sys.executable, "-c", hide_ray + f"sys.exit(run(['translate', {str(ONE_SEED)!r}, "
                              f"'--out', {str(tmp_path)!r}, '--engine', 'ray']))"],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
    assert missing.stderr.splitlines() == ["backtrans: error: --engine ray needs Ray, which is not installed: "
                                           "pip install 'backtrans[ray]'"]
    lazy = subprocess.run([sys.executable, "-c", "import sys; from translate.cli import run; "
                           "code = run(['translate', '--help']); sys.exit(code or ('ray' in sys.modules) * 3)"],
                          capture_output=True, text=True, timeout=120)
    assert lazy.returncode == 0, lazy.stderr


@pytest.mark.skipif(ray.cluster_resources().get("GPU", 0) if ray.is_initialized() else False, reason="a GPU")
def test_an_address_nobody_answers_on_is_one_line_not_a_wait(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = run_process(["translate", ONE_SEED, "--to", "en", "--out", tmp_path, "--engine", "ray",
                        "--address", f"127.0.0.1:{port}", "-q", "--no-glossary"], timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"backtrans: error: --address 127.0.0.1:{port}: no Ray cluster answers there "
                                        "(Connection refused)"]


def test_cuda_on_a_ray_without_gpus_is_one_line_not_a_wait(installed_models, tmp_path):
    done = run_cli(["translate", ONE_SEED, "--to", "en", "--out", tmp_path, "--engine", "ray", "--device", "cuda",
                    "-q", "--no-glossary"], env_dir=installed_models)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["backtrans: error: --device cuda: the Ray cluster has no GPU "
                                        "(ray start --num-gpus N on a GPU node)"]


def test_more_actors_than_the_cluster_holds_is_one_line_not_a_wait(installed_models, tmp_path):
    done = run_cli(["translate", ONE_SEED, "--to", "en", "--out", tmp_path, "--engine", "ray", "--actors", "3",
                    "-q", "--no-glossary"], env_dir=installed_models)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["backtrans: error: --actors 3: the Ray cluster has room for 2 (one per CPU)"]


def test_a_model_that_does_not_load_on_an_actor_is_one_line(test_models, tmp_path):
    from translate.engine import packages

    package = packages.install_package(test_models["uk", "en"], tmp_path / "pkgs")
    (package.model_dir / "model.bin").write_bytes(b"garbage")
    done = run_cli(["translate", ONE_SEED, "--to", "en", "--out", tmp_path / "out", "--engine", "ray", "-q",
                    "--no-glossary"], env_dir=tmp_path / "pkgs")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"backtrans: error: {package.model_dir}: cannot load the model")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_on_ray_gives_the_local_json_report(local_run, lang):
    out, _ = local_run
    local = run_cli(["check", out, "--lang", lang, "--format", "json"])
    on_ray = run_cli(["check", out, "--lang", lang, "--format", "json", "--engine", "ray"])
    assert local.returncode in (0, 1) and on_ray.returncode == local.returncode, on_ray.stderr
    assert json.loads(local.stdout)["documents"] and on_ray.stdout == local.stdout


def test_align_on_ray_gives_the_local_alignment(local_run, installed_models, tmp_path):
    out, _ = local_run  # each seed ~ its vi back-translation, beads scored by translating the seed (via en)
    args = ["align", SEEDS, out, "--src-lang", "uk", "--tgt-lang", "vi", "--format", "json", "--translate"]
    local = run_cli([*args, "-o", tmp_path / "local"], env_dir=installed_models)
    on_ray = run_cli([*args, "-o", tmp_path / "ray", "--engine", "ray"], env_dir=installed_models)
    assert local.returncode == 0 and on_ray.returncode == 0, on_ray.stderr
    files = _outputs(tmp_path / "local")
    assert len(files) == 5 and all(json.loads(b) for b in files.values()) and _outputs(tmp_path / "ray") == files
