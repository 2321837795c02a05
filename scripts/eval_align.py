#!/usr/bin/env python3
"""Evaluate sentence alignment on the Text+Berg de–fr gold standard: backtrans vs Gale–Church.

Prints strict and lax precision, recall and F1 over beads (vecalign's/bertalign's definitions,
see ``align.evaluate``) summed over the documents of DIR, for Gale–Church and for backtrans:
one pass; two passes with a word-pair lexicon learnt per document (``align_documents``, what
``backtrans align FILE FILE --lines`` does); the same plus cognate (look-alike word) anchors;
two passes with the lexicon pooled over the seven documents (``align_corpus``, what
``backtrans align DIR DIR --lines`` does; also with cognates). The default knobs were chosen on these same
documents: ``--loo`` also reports leave-one-document-out figures, where the
knobs for each document are picked on the other six from a small grid.

    .venv/bin/python scripts/eval_align.py [--data DIR] [--per-doc] [--loo]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.anchors import cognate_anchors, merge_anchors, sentence_anchors  # noqa: E402
from align.documents import Sentences, align_corpus, align_documents  # noqa: E402
from align.evaluate import AlignmentScores, read_gold, score_alignments  # noqa: E402
from align.lexicon import align_two_pass  # noqa: E402
from align.sentences import DEFAULT_WEIGHTS, AlignerConfig, align_sentences, gale_church  # noqa: E402
from translate.documents import read_text  # noqa: E402


def _lines(path: Path) -> list[str]:
    return read_text(path).splitlines()


def as_sentences(docs, src: str = "de", tgt: str = "fr"):
    """The documents as ``backtrans align --lines`` reads them: a sentence a line."""
    return [(Sentences(s, [False] * len(s), src), Sentences(t, [False] * len(t), tgt)) for s, t in docs]


def _anchored(docs, cognates: bool = False):
    out = []
    for s, t in docs:
        sa, ta = sentence_anchors(s), sentence_anchors(t)
        if cognates:
            cs, ct = cognate_anchors(s, t)
            sa, ta = merge_anchors(sa, cs), merge_anchors(ta, ct)
        out.append((s, t, sa, ta))
    return out


def one_pass(docs):
    """The first pass alone, default anchors and settings."""
    return [align_sentences(s, t, sa, ta) for s, t, sa, ta in _anchored(docs)]


def two_pass(docs, pooled: bool = False, config: AlignerConfig | None = None, cognates: bool = False, **lexicon):
    """As ``backtrans align --lines`` (per document), or with the lexicon pooled over ``docs``;
    with ``cognates``, also look-alike word pairs as anchors (``align.anchors.cognate_anchors``)."""
    return align_two_pass(_anchored(docs, cognates), config, pooled=pooled, **lexicon)


# The leave-one-out grid: knobs of both passes.
GRID = [
    dict(skip=skip, lex=lex, min_dice=md)
    for skip in (2.5, 3.0, 3.5) for lex in (2.0, 3.0) for md in (0.3, 0.5)
]


def _loo(docs, golds, pooled: bool) -> AlignmentScores:
    """Leave one document out: pick the grid point best (strict F1) on the others, test on it.
    With ``pooled`` the lexicon is learnt from all documents' first-pass beads (no gold)."""
    runs = []
    for g in GRID:
        config = AlignerConfig(weights={**DEFAULT_WEIGHTS, "lex": g["lex"]}, skip_cost=g["skip"])
        runs.append(two_pass(docs, pooled, config, min_dice=g["min_dice"]))
    held = []
    for k in range(len(docs)):
        def rest(run):
            return score_alignments([x for i, x in enumerate(golds) if i != k], [x for i, x in enumerate(run) if i != k]).f1_strict
        held.append(max(runs, key=rest)[k])
    return score_alignments(golds, held)


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
    ap.add_argument("--loo", action="store_true", help=f"also leave-one-document-out figures ({len(GRID)}-point grid, minutes)")
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
    pairs = [(s, t) for s, t, _ in docs]
    golds = [g for *_, g in docs]
    aligners = (
        ("gale-church", lambda: [gale_church(s, t) for s, t in pairs]),
        ("backtrans-1", lambda: one_pass(pairs)),
        ("backtrans", lambda: [align_documents(*d).beads for d in as_sentences(pairs)]),
        ("bt+cognate", lambda: two_pass(pairs, cognates=True)),
        ("bt-pool+cogn", lambda: two_pass(pairs, pooled=True, cognates=True)),
        ("backtrans-pool", lambda: [a.beads for a in align_corpus(as_sentences(pairs))]),
    )
    for name, fn in aligners:
        t0 = time.perf_counter()
        tests = fn()
        secs = time.perf_counter() - t0
        print(_row(name, score_alignments(golds, tests), secs))
        if args.per_doc:
            for n, g, t in zip(names, golds, tests):
                print(f"    {n}: strict F1 {score_alignments([g], [t]).f1_strict:.3f}")
    if args.loo:
        for name, pooled in (("backtrans LOO", False), ("bt-pool LOO", True)):
            t0 = time.perf_counter()
            print(_row(name, _loo(pairs, golds, pooled), time.perf_counter() - t0))

if __name__ == "__main__":
    main()
