"""Crash consistency: kill -9 a translation run and glossary writes at random moments, then check.

Shared by tests/test_crash.py (a few kills) and scripts/crash.py (many). After each kill:
every output file is absent or complete (a reader sees the old version or the new, never half),
and the glossary reads and is the old one or the new one; after the resumed run or the next
edit, the outputs are byte-identical to an uninterrupted run's and no temporary file is left.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BACKTRANS = str(Path(sys.executable).with_name("backtrans"))


@dataclass
class Trials:
    """Outcomes of kill trials: killed (the process was still running), and what was wrong."""

    kills: int = 0
    finished_first: int = 0  # the process ended before its kill time
    torn: list[str] = field(default_factory=list)  # a file neither old nor new after a kill
    differing: list[str] = field(default_factory=list)  # resumed output differs from the uninterrupted one
    leftovers: list[str] = field(default_factory=list)  # temporary files left after recovery

    @property
    def ok(self) -> bool:
        return not (self.torn or self.differing or self.leftovers)


def _env(models: Path) -> dict[str, str]:
    return dict(os.environ, ARGOS_PACKAGES_DIR=str(models), NO_COLOR="1")


def make_corpus(folder: Path, documents: int) -> Path:
    """``documents`` distinct source documents, made from the seeds (each numbered in its text)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    for i in range(documents):
        seed = seeds[i % len(seeds)]
        lines = seed.read_text(encoding="utf-8").splitlines()
        text = "\n".join(lines[i % 3:]) + f"\n{i + 1}.\n"
        (folder / f"{seed.stem}_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def translate_trials(models: Path, work: Path, documents: int, kills: int, rng: random.Random,
                     options: tuple[str, ...] = ()) -> Trials:
    """Kill ``backtrans translate CORPUS --to en,vi [OPTIONS]`` ``kills`` times, each at a random
    moment of a fresh run (one in three in its last tenth, where the outputs are written), and
    resume it."""
    corpus = make_corpus(work / "corpus", documents)
    args = [BACKTRANS, "translate", str(corpus), "--to", "en,vi", "-q", *options, "--out"]
    started = time.monotonic()
    subprocess.run([*args, str(work / "reference")], env=_env(models), check=True, capture_output=True)
    duration = time.monotonic() - started
    reference = _outputs(work / "reference")
    trials = Trials()
    for k in range(kills):
        out = work / f"killed-{k}"
        shutil.rmtree(out, ignore_errors=True)
        at = duration * (rng.uniform(0.9, 1.0) if k % 3 == 2 else rng.uniform(0.1, 1.0))
        proc = subprocess.Popen([*args, str(out)], env=_env(models), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=at)
            trials.finished_first += 1
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            trials.kills += 1
        if out.exists():
            for name, data in _outputs(out).items():
                if reference.get(name) != data:
                    trials.torn.append(f"{out.name}/{name}")
        subprocess.run([*args, str(out)], env=_env(models), check=True, capture_output=True)  # resume
        if _outputs(out) != reference:
            trials.differing.append(out.name)
        trials.leftovers += [f"{out.name}/{t}" for t in _temporaries(out)]
        shutil.rmtree(out, ignore_errors=True)
    return trials


def big_glossary(path: Path, concepts: int) -> None:
    """A ``.gloss`` file of ``concepts`` invented place names, each with uk and pl terms."""
    syllables = ["ba", "binh", "cao", "dong", "ha", "hoa", "lam", "long", "minh", "nam", "ninh", "phu", "son",
                 "tan", "thanh", "trung", "van", "vinh", "xuan", "yen"]
    rng = random.Random(concepts)
    parts = []
    for i in range(concepts):
        name = " ".join(rng.choice(syllables).capitalize() for _ in range(3))
        parts.append(f"[place-{i:05d}]\nkind: place\nen: {name}\nvi: {name}\n- uk: {name}\n- pl: {name}\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def glossary_trials(work: Path, concepts: int, kills: int, rng: random.Random) -> Trials:
    """Kill ``backtrans glossary add`` on a ``concepts``-concept glossary ``kills`` times at random
    moments; after each kill the file must read and be the old or the new glossary."""
    from translate.glossary.gloss import parse_gloss
    from translate.glossary.interchange import read_glossary

    work.mkdir(parents=True, exist_ok=True)
    path = work / "big.gloss"
    big_glossary(path, concepts)
    env = dict(os.environ, NO_COLOR="1")

    def add(i: int) -> list[str]:
        return [BACKTRANS, "glossary", "add", "--id", f"added-{i}", "--kind", "place", "--en", f"Added {i}",
                "--vi", f"Added {i}", "--no-generate", "-g", str(path)]

    started = time.monotonic()
    subprocess.run(add(999), env=env, check=True, capture_output=True)
    duration = time.monotonic() - started
    trials = Trials()
    for k in range(kills):
        before = path.read_bytes()
        proc = subprocess.Popen(add(k), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=duration * rng.uniform(0.2, 0.95))
            trials.finished_first += 1
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            trials.kills += 1
        if path.read_bytes() != before:
            try:
                ids = [c.id for c in read_glossary(path)]
            except Exception as e:  # noqa: BLE001 - a glossary that no longer reads is what is counted
                trials.torn.append(f"{path.name} after kill {k}: {e}")
                ids = []
            if ids and (ids[:-1] != [c.id for c in parse_gloss(before.decode("utf-8"), path)] or ids[-1] != f"added-{k}"):
                trials.torn.append(f"{path.name} after kill {k}: neither the old nor the new glossary")
        subprocess.run(add(1000 + k), env=env, check=True, capture_output=True)  # the next edit recovers
        trials.leftovers += _temporaries(work)
    return trials
