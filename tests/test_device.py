"""`--device cpu|cuda|auto` with the real engine: CPU is what CI has; auto finds no GPU there."""

from __future__ import annotations

import ctranslate2
import pytest

from tests.helpers import SEEDS, run_cli

ONE_SEED = SEEDS / "uk_hai_duong_breakthroughs.txt"
pytestmark = pytest.mark.skipif(ctranslate2.get_cuda_device_count() > 0, reason="asserts what a machine without a GPU does")


def test_auto_without_a_gpu_is_the_cpu_run(installed_models, tmp_path):
    args = ["translate", ONE_SEED, "--to", "en", "--out", tmp_path, "--beam", "1", "-q"]
    cpu = run_cli([*args, "--device", "cpu"], env_dir=installed_models)
    assert cpu.returncode == 0, cpu.stderr
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    auto = run_cli([*args, "--device", "auto"], env_dir=installed_models)
    assert auto.returncode == 0, auto.stderr
    assert " 0 by a model" in auto.stderr  # the CPU run's journal serves it: the same engine
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_cuda_without_a_gpu_is_one_line(installed_models, tmp_path):
    done = run_cli(["translate", ONE_SEED, "--to", "en", "--out", tmp_path, "--device", "cuda", "-q"],
                   env_dir=installed_models)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("backtrans: error: ") and "cannot load the model" in line
