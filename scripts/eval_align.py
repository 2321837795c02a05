#!/usr/bin/env python3
"""Evaluate sentence alignment on the Text+Berg de–fr gold standard: backtrans vs Gale–Church.

Prints strict and lax precision, recall and F1 over beads (vecalign's/bertalign's definitions,
see ``align.evaluate``) for both aligners, summed over the documents of DIR.

    .venv/bin/python scripts/eval_align.py [--data DIR] [--per-doc]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.anchors import sentence_anchors  # noqa: E402
from align.evaluate import AlignmentScores, read_gold, score_alignments  # noqa: E402
from align.sentences import align_sentences, gale_church  # noqa: E402
from translate.documents import read_text  # noqa: E402


def _lines(path: Path) -> list[str]:
    return read_text(path).splitlines()


def backtrans_aligner(src: list[str], tgt: list[str]):
    """The aligner as the CLI runs it with --lines (default anchors and settings)."""
    return align_sentences(src, tgt, sentence_anchors(src), sentence_anchors(tgt))


def _row(name: str, s: AlignmentScores, secs: float) -> str:
    return (
        f"{name:<14} {s.precision_strict:6.3f} {s.recall_strict:6.3f} {s.f1_strict:6.3f}   "
        f"{s.precision_lax:6.3f} {s.recall_lax:6.3f} {s.f1_lax:6.3f}   {secs:5.2f}s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "alignment" / "text+berg",
                    help="folder with de/, fr/, gold/ (default: ../shared/alignment/text+berg)")
    ap.add_argument("--src", default="de")
    ap.add_argument("--tgt", default="fr")
    ap.add_argument("--per-doc", action="store_true", help="also print strict F1 per document")
    args = ap.parse_args()
    gold_dir = args.data / "gold"
    if not gold_dir.is_dir():
        sys.exit(f"eval_align: no gold folder in {args.data}")
    names = sorted(p.name for p in gold_dir.iterdir() if p.is_file())
    docs = [(_lines(args.data / args.src / n), _lines(args.data / args.tgt / n), read_gold(gold_dir / n)) for n in names]
    print(f"Text+Berg {args.src}-{args.tgt}: {len(docs)} documents, "
          f"{sum(len(d[2]) for d in docs)} gold beads ({args.data.resolve()})")
    print(f"{'aligner':<14} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}")
    print(f"{'':<14} {'strict':^20}   {'lax':^20}")
    for name, fn in (("gale-church", gale_church), ("backtrans", backtrans_aligner)):
        t0 = time.perf_counter()
        tests = [fn(s, t) for s, t, _ in docs]
        secs = time.perf_counter() - t0
        print(_row(name, score_alignments([g for *_, g in docs], tests), secs))
        if args.per_doc:
            for n, (_, _, g), t in zip(names, docs, tests):
                print(f"    {n}: strict F1 {score_alignments([g], [t]).f1_strict:.3f}")


if __name__ == "__main__":
    main()
