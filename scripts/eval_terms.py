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

- **names held-out** (tests/data/names/heldout/): texts about other provinces and invented
  officials, annotated by reading (kind, en form, province) before any code ran on them, read with
  the shipped glossary over the gazetteer: place and person precision and recall per language,
  whether the unit found lies in the province the text means, and, for persons no glossary holds
  (found by discovery, ``find_terms(..., discover=True)``), whether the name is found and its en
  form read back exactly. No glossary entry was added for them.

A predicted match counts when its line, span and concept equal a gold one (names: its line and
span, and its en form and kind).

    python scripts/eval_terms.py [--set development|held-out|names|all] [--verbose]
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
NAMES = REPO / "tests" / "data" / "names" / "heldout"
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


@dataclass(frozen=True)
class NameCase:
    name: str
    lang: str
    text: str
    gold: dict[tuple[int, int, int], tuple[str, str, str]]  # span → (kind, en, province)


def load_names() -> list[NameCase]:
    """The names held-out set: each text with its gold spans and what they name."""
    rows: dict[str, list[tuple[int, str, str, str, str]]] = defaultdict(list)
    for row in (NAMES / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            file, line, surface, kind, en, province = (row.split("\t") + [""])[:6]
            rows[file].append((int(line), surface, kind, en, province))
    cases = []
    for path in sorted(NAMES.glob("*.txt")):
        text = read_text(path)
        lines = text.split("\n")
        gold: dict[tuple[int, int, int], tuple[str, str, str]] = {}
        for line, surface, kind, en, province in sorted(rows[path.name], key=lambda r: -len(r[1])):
            at = -1
            while True:
                at = lines[line - 1].find(surface, at + 1)
                if at < 0:
                    raise ValueError(f"{path.name}:{line}: {surface!r} not found (again)")
                if not any(g[0] == line and at < g[2] and g[1] < at + len(surface) for g in gold):
                    break
            gold[line, at, at + len(surface)] = (kind, en, province)
        cases.append(NameCase(path.name, path.name[:2], text, gold))
    return cases


def _plain(text: str) -> str:
    from translate.text import comparable, strip_vietnamese_diacritics

    return comparable(strip_vietnamese_diacritics(text)).replace("-", " ")


def _province(glossary: Glossary, concept) -> str:  # type: ignore[no-untyped-def]
    """The en form of the province a unit lies in (the unit itself for a province)."""
    seen = 0
    while concept is not None and concept.parent and seen < 5:
        concept, seen = glossary.get(concept.parent), seen + 1
    return concept.en if concept is not None else ""


def evaluate_names(verbose: bool = False) -> dict[str, dict[str, Score]]:
    """Per language and kind (place, person): scores over spans; plus 'province' and 'en-form' counts."""
    import translate
    from translate.glossary.kinds import is_place

    glossary = translate.load_glossary()
    out: dict[str, dict[str, Score]] = defaultdict(lambda: defaultdict(Score))
    for case in load_names():
        found = {}
        for m in translate.find_terms(case.text, case.lang, glossary, discover=True):
            if m.how == "discovered":
                found[m.line, m.start, m.end] = ("person", m.en, "", None)
                continue
            concept = glossary.get(m.concept)
            if concept is None:
                continue
            kind = "person" if concept.kind == "person" else "place" if is_place(concept.kind) else ""
            if kind:
                found[m.line, m.start, m.end] = (kind, concept.en, _province(glossary, concept), concept)
        scores = out[case.lang]
        for span, (kind, en, province, concept) in found.items():
            gold = case.gold.get(span)
            if kind == "person":
                detected = gold is not None and gold[0] == "person"
                scores["person-span"].tp += detected
                scores["person-span"].fp += not detected
            if gold is not None and gold[0] == kind and (_plain(gold[1]) == _plain(en) or concept is not None and
                                                        any(_plain(gold[1]) == _plain(t.text) for t in concept.terms.get("en", []))):
                scores[kind].tp += 1
                if kind == "place" and gold[2]:
                    scores["province"].tp += _plain(gold[2]) == _plain(province)
                    scores["province"].fn += _plain(gold[2]) != _plain(province)
            else:
                scores[kind].fp += 1
                if verbose:
                    print(f"{case.name}:{span[0]}: false positive: {case.text.split(chr(10))[span[0] - 1][span[1]:span[2]]!r} {en}")
        for span, (kind, en, _) in case.gold.items():
            hit = found.get(span)
            if kind == "person":
                scores["person-span"].fn += hit is None or hit[0] != "person"
            if hit is None or hit[0] != kind or not (_plain(en) == _plain(hit[1]) or hit[3] is not None and
                                                      any(_plain(en) == _plain(t.text) for t in hit[3].terms.get("en", []))):
                scores[kind].fn += 1
                if verbose:
                    print(f"{case.name}:{span[0]}: missed: {case.text.split(chr(10))[span[0] - 1][span[1]:span[2]]!r} {kind} {en}")
    return out


def evaluate_persons_dev() -> dict[str, Score]:
    """Discovery on the seeds (development) with the glossary's persons hidden: a found name counts
    when its span is a hidden person's and its en form that person's."""
    import translate
    from translate.glossary import Glossary as G

    glossary = translate.load_glossary()
    persons = {c.id for c in glossary if c.kind == "person"}
    hidden = G([c for c in glossary if c.id not in persons], base=glossary.base, aliases=glossary.aliases)
    out: dict[str, Score] = defaultdict(Score)
    for path in sorted((REPO / "seeds").glob("*.txt")):
        lang, text = path.name[:2], read_text(path)
        gold = {(m.line, m.start, m.end): m.en for m in find_terms(text, lang, glossary) if m.concept in persons}
        found = {(m.line, m.start, m.end): m.en for m in find_terms(text, lang, hidden, discover=True)
                 if m.how == "discovered"}
        right = sum(_plain(en) == _plain(gold.get(span, "")) for span, en in found.items())
        out[lang].tp += right
        out[lang].fp += len(found) - right
        out[lang].fn += len(gold) - right
    return out


def _print_names(verbose: bool) -> None:
    dev = evaluate_persons_dev()
    print("persons on development (the seeds, with the glossary's persons hidden; the discovery rules were tried on them)")
    print("  " + ", ".join(f"{lang} {s.tp}/{s.tp + s.fn} found with the exact en, {s.fp} wrong" for lang, s in sorted(dev.items())))
    scores = evaluate_names(verbose)
    print("names held-out (written before any code ran on it; nothing fitted on it)")
    print("persons: 'found' counts a name's span, 'exact en' also its en form (P and R of both)")
    print(f"{'lang':<6}{'places P':>9}{'R':>7}{'(n)':>6}{'persons found P':>17}{'R':>7}{'exact en P':>12}{'R':>7}"
          f"{'(n)':>6}{'province right':>16}")
    for lang in sorted(scores):
        pl, pe, ps, pr = (scores[lang][k] for k in ("place", "person", "person-span", "province"))
        print(f"{lang:<6}{pl.precision:>9.3f}{pl.recall:>7.3f}{pl.tp + pl.fn:>6}{ps.precision:>17.3f}{ps.recall:>7.3f}"
              f"{pe.precision:>12.3f}{pe.recall:>7.3f}{pe.tp + pe.fn:>6}{f'{pr.tp}/{pr.tp + pr.fn}':>16}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "names", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="list every error (of held-out data: see its README)")
    args = parser.parse_args()
    if args.set in ("names", "all"):
        _print_names(args.verbose)
        if args.set == "names":
            return
    for which in SETS if args.set == "all" else (args.set,):
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
