#!/usr/bin/env python3
"""Seconds to align against document size: the Text+Berg de–fr documents concatenated and repeated
until each side has N sentences, every second French sentence with a comma split in two there (so the
target has about 1.25 N sentences, 5,000 × 6,300 at the largest size, and the path strays from the
diagonal). Times ``align_documents`` (anchors, two passes with the learnt lexicon, as
``backtrans align --lines`` does), the first pass alone, and Gale–Church, on one core, with the
ratio of each time to the smallest size's beside it (linear growth: the ratio of the sizes).

    .venv/bin/python scripts/bench_align.py [--data DIR] [--sizes 625 1250 2500 5000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.anchors import sentence_anchors  # noqa: E402
from align.documents import Sentences, align_documents  # noqa: E402
from align.sentences import align_sentences, gale_church  # noqa: E402
from translate.files import read_text  # noqa: E402


def synthetic(data: Path, n: int) -> tuple[list[str], list[str]]:
    names = sorted(p.name for p in (data / "gold").iterdir())
    de = [x for k in names for x in read_text(data / "de" / k).splitlines()]
    fr = [x for k in names for x in read_text(data / "fr" / k).splitlines()]
    src = (de * (n // len(de) + 1))[:n]
    tgt: list[str] = []
    for k, x in enumerate((fr * (n // len(fr) + 1))[:n]):
        cut = x.find(", ", len(x) // 3)
        if k % 2 == 1 and cut > 0:
            tgt += [x[:cut + 1], x[cut + 2:]]
        else:
            tgt.append(x)
    return src, tgt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/alignment/text+berg"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[625, 1250, 2500, 5000])
    args = ap.parse_args()
    print(f"{'src':>6} {'tgt':>6}  {'two passes':>10} {'×':>5}  {'one pass':>8} {'×':>5}  {'gale-church':>11} {'×':>5}")
    base: list[float] = []
    for n in args.sizes:
        src, tgt = synthetic(args.data, n)
        t0 = time.perf_counter()
        align_documents(Sentences(src, [False] * len(src), "de"), Sentences(tgt, [False] * len(tgt), "fr"))
        t1 = time.perf_counter()
        align_sentences(src, tgt, sentence_anchors(src), sentence_anchors(tgt))
        t2 = time.perf_counter()
        gale_church(src, tgt)
        t3 = time.perf_counter()
        secs = [t1 - t0, t2 - t1, t3 - t2]
        base = base or secs
        cols = "  ".join(f"{s:9.1f}s {s / b:5.1f}" for s, b in zip(secs, base))
        print(f"{len(src):6d} {len(tgt):6d}  {cols}   (size ×{n / args.sizes[0]:.0f})", flush=True)


if __name__ == "__main__":
    main()
