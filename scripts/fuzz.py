#!/usr/bin/env python3
"""Fuzz every reader for a while: runs, clean errors and contract failures per reader.

The contract (tests/fuzzing.py): a reader returns its model or raises one BacktransError that
names the file, on one line; anything else is a failure, printed with its input saved beside
the report. The test suite runs the same properties briefly with a fixed seed.

    python scripts/fuzz.py [--minutes 10] [--readers gloss,tbx,...] [--seed N] [--failures DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.fuzzing import READERS, mutated, read_one  # noqa: E402


def fuzz(name: str, seconds: float, first_seed: int, failures: Path) -> tuple[int, int, int]:
    """(runs, clean errors, failures) of reader ``name`` in about ``seconds``."""
    runs = clean = failed = 0
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            @seed(first_seed + runs)  # each round of 200 examples from a seed of its own
            @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(mutated(name))
            def one(data: bytes) -> None:
                nonlocal runs, clean, failed
                if time.monotonic() >= deadline:
                    return
                outcome = read_one(name, data, Path(folder))
                runs += 1
                clean += outcome.clean_error and not outcome.failure
                if outcome.failure:
                    failed += 1
                    failures.mkdir(parents=True, exist_ok=True)
                    saved = failures / f"{name}-{failed}{READERS[name].suffix}"
                    saved.write_bytes(data)
                    print(f"{name}: FAILURE ({saved}):\n{outcome.failure}", file=sys.stderr)

            one()
    return runs, clean, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="in all, shared by the readers")
    parser.add_argument("--readers", default=",".join(READERS), help=f"comma-separated ({', '.join(READERS)})")
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="where failing inputs are saved")
    args = parser.parse_args()
    names = [n.strip() for n in args.readers.split(",") if n.strip()]
    unknown = [n for n in names if n not in READERS]
    if unknown:
        parser.error(f"unknown reader {unknown[0]!r}")
    print(f"seed {args.seed}, {args.minutes:g} min over {len(names)} readers")
    print(f"{'reader':<10}{'runs':>8}{'clean errors':>14}{'failures':>10}")
    total = 0
    for name in names:
        runs, clean, failed = fuzz(name, args.minutes * 60 / len(names), args.seed, args.failures)
        total += failed
        print(f"{name:<10}{runs:>8}{clean:>14}{failed:>10}", flush=True)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
