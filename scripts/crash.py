#!/usr/bin/env python3
"""Crash consistency: kill -9 translation runs and glossary writes at random moments, then check.

After each kill every output is absent or complete and the glossary is the old or the new one;
after the resumed run (or the next edit) the outputs are byte-identical to an uninterrupted
run's and no temporary file is left (tests/crashing.py). The test suite runs a few kills.

    python scripts/crash.py [--kills 20] [--documents 20] [--concepts 5000] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.crashing import glossary_trials, translate_trials  # noqa: E402
from translate.engine import packages  # noqa: E402
from translate.engine.testmodel import build_test_models  # noqa: E402
from translate.glossary.layers import cache_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="kills of each kind")
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--concepts", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="backtrans-crash-") as tmp:
        work = Path(tmp)
        models = work / "models"
        for path in build_test_models(cache_dir().parent / "test-models").values():
            packages.install_package(path, models)
        print(f"seed {args.seed}")
        runs = translate_trials(models, work / "translate", args.documents, args.kills, rng)
        edits = glossary_trials(work / "glossary", args.concepts, args.kills, rng)
    print(f"{'trial':<32}{'killed':>8}{'ended first':>13}{'torn':>6}{'differing':>11}{'temp left':>11}")
    for label, t in ((f"translate, {args.documents} docs, en+vi", runs), (f"glossary add, {args.concepts} concepts", edits)):
        print(f"{label:<32}{t.kills:>8}{t.finished_first:>13}{len(t.torn):>6}{len(t.differing):>11}{len(t.leftovers):>11}")
        for problem in t.torn + t.differing + t.leftovers:
            print(f"  {problem}")
    sys.exit(0 if runs.ok and edits.ok else 1)


if __name__ == "__main__":
    main()
