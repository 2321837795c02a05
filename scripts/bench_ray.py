"""Benchmark: the same folder back-translated by the local engine and on a local Ray, in one run.

Builds and installs the copy test models (a Transformer-base CTranslate2 model whose weights
copy its input: real decoding work per token, but NOT a translation model, and its output is
as long as its input where a real model's varies), writes ``--docs`` documents made from the
seeds with a number in every sentence (so that no sentence repeats and every one is
translated), then runs ``translate_documents`` on them locally and with ``RayBackend`` on a
local Ray of ``--cpus`` CPUs, after a warm-up run, and prints each one's source tokens/s,
Ray's over the local engine's as a ratio (Ray's start-up time apart), documents per hour per
actor, and whether the outputs are byte-identical.

    .venv/bin/python scripts/bench_ray.py [--docs 40] [--cpus 2] [--actors 0] [--glossary]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def make_folder(folder: Path, docs: int) -> None:
    """``docs`` documents from the seeds in turn, copy ``k`` with `` k`` before each sentence's full stop."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    folder.mkdir()
    for k in range(docs):
        seed = seeds[k % len(seeds)]
        text = re.sub(r"\.( |$)", rf" {k}.\1", seed.read_text(encoding="utf-8"), flags=re.M)
        (folder / f"{seed.stem}_{k:04d}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40, help="documents in the folder")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument("--actors", type=int, default=0, help="translators per model (0: one per CPU)")
    parser.add_argument("--glossary", action="store_true", help="enforce the shipped glossary (default: none)")
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    import translate
    from translate.distributed import RayBackend, ray_cluster
    from translate.engine import EngineSettings
    from translate.engine.packages import install_package, installed_packages
    from translate.engine.testmodel import build_test_models
    from translate.pipeline.run import translate_documents

    glossary = translate.load_glossary() if args.glossary else None
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for path in build_test_models(tmp_path / "models").values():
            install_package(path, tmp_path / "packages")
        packages = installed_packages(tmp_path / "packages")
        make_folder(tmp_path / "in", args.docs)
        settings = EngineSettings()  # the defaults: 512-token batches, one worker per core
        runs = {}
        # Warm-up, so that neither timed run pays the first load of a model or the glossary's compile.
        translate_documents([REPO / "seeds"], ["en", "vi"], tmp_path / "warm", packages=packages, settings=settings,
                            glossary=glossary)
        local = translate_documents([tmp_path / "in"], ["en", "vi"], tmp_path / "local", packages=packages,
                                    settings=settings, glossary=glossary)
        runs["local"] = local
        started = time.perf_counter()
        with ray_cluster(num_cpus=args.cpus):
            start_up = time.perf_counter() - started
            backend = RayBackend(actors=args.actors)
            runs["ray"] = translate_documents([tmp_path / "in"], ["en", "vi"], tmp_path / "ray", packages=packages,
                                              settings=settings, glossary=glossary, backend=backend)
            actors = backend.pool.size if backend.pool is not None else 0
        same = all((tmp_path / "local" / p.name).read_bytes() == p.read_bytes()
                   for p in (tmp_path / "ray").glob("*.*") if not p.name.startswith("."))
    cores = os.cpu_count()
    print(f"{args.docs} documents ({local.sentences} sentences, {local.tokens} source tokens over the hops) into en "
          f"and vi, copy test model (not a real model), glossary {'on' if glossary else 'off'}, {cores} cores")
    for name, summary in runs.items():
        print(f"  {name:5}: {summary.seconds:6.1f} s, {summary.tokens_per_second:7,.0f} tokens/s, "
              f"{args.docs / summary.seconds * 3600:9,.0f} documents/h")
    ray_run = runs["ray"]
    print(f"  Ray start-up {start_up:.1f} s (apart); {actors} actors per model")
    print(f"  ratio ray/local tokens/s: {ray_run.tokens_per_second / local.tokens_per_second:.2f}; "
          f"documents per hour per actor on Ray: {args.docs / ray_run.seconds * 3600 / max(actors, 1):,.0f}")
    print(f"  outputs byte-identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
