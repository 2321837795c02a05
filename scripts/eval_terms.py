"""Precision and recall of term recognition per language, on development and on held-out data.

- **development** (tests/data/terms/seeds.tsv, sentences.jsonl): every occurrence of a
  shipped-glossary concept in the five seeds, plus sentences for each language rule and trap.
  The glossary and the language rules were built and tuned on these: the figures say how well
  the rules fit what they were written for.
- **held-out** (tests/data/terms/heldout/): new texts in every language, annotated by reading
  before the recogniser was ever run on them, with 31 concepts a maintainer added
  (heldout.gloss, base forms only) beside the shipped ones. No rule, weight or annotation was
  fitted on them: the figures say how the rules generalise. See its README before changing
  anything because of an error seen there.

A predicted match counts when its line, span and concept equal a gold one.

    python scripts/eval_terms.py [--set development|held-out|both] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "terms"
HELDOUT = DATA / "heldout"
SETS = ("development", "held-out")
sys.path.insert(0, str(REPO))

from translate.files import read_text  # noqa: E402
from translate.glossary import Glossary, load_glossary  # noqa: E402
from translate.glossary.merge import merge_glossaries  # noqa: E402
from translate.terms import find_terms  # noqa: E402


@dataclass(frozen=True)
class Case:
    """One text of the evaluation set with its gold spans (line, start, end, concept)."""

    name: str
    lang: str
    text: str
    gold: frozenset[tuple[int, int, int, str]]


def _spans(text: str, wanted: list[tuple[int, str, str]], name: str) -> frozenset:
    """Gold spans from (line, surface, concept): the n-th listing is the n-th occurrence."""
    lines = text.split("\n")
    gold: set[tuple[int, int, int, str]] = set()
    # Longer surfaces first, so "Prowincjonalnego Komitetu Partii" skips the occurrences
    # inside "Stałego Komitetu Prowincjonalnego Komitetu Partii".
    for line, surface, concept in sorted(wanted, key=lambda w: -len(w[1])):
        at = -1
        while True:
            at = lines[line - 1].find(surface, at + 1)
            if at < 0:
                raise ValueError(f"{name}:{line}: {surface!r} not found (again) in the line")
            end = at + len(surface)
            if not any(g[0] == line and at < g[2] and g[1] < end for g in gold):
                break
        gold.add((line, at, end, concept))
    return frozenset(gold)


def _annotated(gold: Path, texts: list[Path]) -> list[Case]:
    """Each text (named LANG_*.txt) with its rows of ``gold`` (file, line, surface, concept)."""
    by_file: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for row in gold.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            path, line, surface, concept = row.split("\t")
            by_file[path].append((int(line), surface, concept))
    cases = []
    for path in texts:
        rel = path.relative_to(REPO).as_posix()
        text = read_text(path)
        cases.append(Case(rel, path.name[:2], text, _spans(text, by_file.get(rel, []), rel)))
    return cases


def load_heldout() -> tuple[list[Case], Glossary]:
    """The held-out texts with their annotations, and the glossary they are read with."""
    glossary = merge_glossaries(load_glossary(), load_glossary(HELDOUT / "heldout.gloss"))
    if glossary.conflicts:
        raise SystemExit(f"eval_terms: heldout.gloss conflicts with the shipped glossary: {glossary.conflicts[0]}")
    return _annotated(HELDOUT / "gold.tsv", sorted(HELDOUT.glob("*.txt"))), glossary.glossary


def load_cases() -> list[Case]:
    """The development set: the seeds with their annotations, then the rule and trap sentences."""
    cases = _annotated(DATA / "seeds.tsv", sorted((REPO / "seeds").glob("*.txt")))
    for i, row in enumerate((DATA / "sentences.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip():
            continue
        item = json.loads(row)
        text = item["text"]
        wanted = [(1, s, c) for s, c in item["expect"]]
        gold = _spans(text, wanted, f"sentences.jsonl:{i}")
        if item.get("nfd"):
            text = unicodedata.normalize("NFD", text)
            gold = frozenset(_nfd_span(item["text"], g) for g in gold)
        cases.append(Case(f"sentences.jsonl:{i} ({item['rule']})", item["lang"], text, gold))
    return cases


def _nfd_span(nfc: str, span: tuple[int, int, int, str]) -> tuple[int, int, int, str]:
    line, start, end, concept = span
    before = len(unicodedata.normalize("NFD", nfc[:start]))
    inside = len(unicodedata.normalize("NFD", nfc[start:end]))
    return line, before, before + inside, concept


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate(which: str = "development", verbose: bool = False) -> dict[str, Score]:
    """Scores per language on one set (exact line, span and concept), errors printed when ``verbose``."""
    if which == "development":
        cases, glossary = load_cases(), load_glossary()
    else:
        cases, glossary = load_heldout()
    scores: dict[str, Score] = defaultdict(Score)
    for case in cases:
        found = {(m.line, m.start, m.end, m.concept) for m in find_terms(case.text, case.lang, glossary)}
        score = scores[case.lang]
        score.tp += len(found & case.gold)
        score.fp += len(found - case.gold)
        score.fn += len(case.gold - found)
        if verbose:
            lines = case.text.split("\n")
            for kind, spans in (("false positive", found - case.gold), ("missed", case.gold - found)):
                for line, s, e, concept in sorted(spans):
                    print(f"{case.name}:{line}: {kind}: {lines[line - 1][s:e]!r} {concept}")
    return dict(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "both"), default="both")
    parser.add_argument("--verbose", action="store_true", help="list every error (of held-out data: see its README)")
    args = parser.parse_args()
    for which in SETS if args.set == "both" else (args.set,):
        scores = evaluate(which, args.verbose)
        label = ("development (the rules were tuned on it)" if which == "development"
                 else "held-out (written before the recogniser ran on it; nothing fitted on it)")
        print(f"{label}\n{'lang':<6}{'gold':>6}{'found':>7}{'tp':>6}{'precision':>11}{'recall':>8}")
        total = Score()
        for lang in sorted(scores):
            s = scores[lang]
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
            print(f"{lang:<6}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>6}{s.precision:>11.3f}{s.recall:>8.3f}")
        print(f"{'all':<6}{total.tp + total.fn:>6}{total.tp + total.fp:>7}{total.tp:>6}"
              f"{total.precision:>11.3f}{total.recall:>8.3f}\n")


if __name__ == "__main__":
    main()
