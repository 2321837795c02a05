"""Throughput of term recognition: MB/s on the seeds repeated to 10 MB.

Runs, in one go, the recogniser with the shipped glossary and with a synthetic glossary of
10,000 invented concepts (about 50,000 terms over uk/pl/id/ar/en) added to the shipped ones, and a baseline: one compiled regex
alternation of the same glossaries' base terms over the folded text. Prints MB/s and ratios.

    python scripts/bench_terms.py [--mb 10] [--baseline-mb 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from translate.glossary import Concept, Glossary, Status, Term, load_glossary  # noqa: E402
from translate.langs import get_language  # noqa: E402
from translate.terms import Recogniser  # noqa: E402

_ONSETS = ["b", "c", "d", "g", "h", "k", "l", "m", "n", "ng", "nh", "ph", "q", "s", "t", "th", "tr", "v", "x"]
_RIMES = ["a", "an", "ang", "anh", "ao", "e", "en", "eo", "i", "inh", "o", "oc", "on", "ong", "u", "uan", "uc", "ung", "uy", "uong"]
_UK = {"ng": "нг", "nh": "нь", "ph": "ф", "th": "тх", "tr": "ч", "a": "а", "b": "б", "c": "к", "d": "з", "e": "е",
       "g": "г", "h": "х", "i": "і", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "q": "к", "s": "с",
       "t": "т", "u": "у", "v": "в", "x": "с", "y": "і"}
_AR = {"ng": "نج", "nh": "نه", "ph": "ف", "th": "ث", "tr": "تر", "a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي",
       "g": "غ", "h": "ه", "i": "ي", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "q": "ك", "s": "س",
       "t": "ت", "u": "و", "v": "ف", "x": "س", "y": "ي"}


def _translit(word: str, table: dict[str, str]) -> str:
    out, i = [], 0
    while i < len(word):
        if word[i:i + 2] in table:
            out.append(table[word[i:i + 2]])
            i += 2
        else:
            out.append(table.get(word[i], word[i]))
            i += 1
    return "".join(out)


def synthetic_glossary(n: int = 10_000, seed: int = 7) -> Glossary:
    """``n`` invented name concepts, each with uk, pl, id, ar and en terms (5 terms each)."""
    rng = random.Random(seed)
    concepts = []
    seen: set[str] = set()
    while len(concepts) < n:
        words = [rng.choice(_ONSETS) + rng.choice(_RIMES) for _ in range(rng.choice((2, 3)))]
        en = " ".join(w.capitalize() for w in words)
        if en in seen:
            continue
        seen.add(en)
        uk = " ".join(_translit(w, _UK).capitalize() for w in words)
        ar = " ".join(_translit(w, _AR) for w in words)
        terms = {lang: [Term(text, lang, Status.PREFERRED)]
                 for lang, text in (("uk", uk), ("pl", en), ("id", en), ("ar", ar), ("en", en + " Town"))}
        concepts.append(Concept(id=f"syn-{len(concepts)}", kind="place", en=en, vi=en, terms=terms))
    return Glossary(concepts)


def corpus(mb: float) -> list[tuple[str, str]]:
    """(lang, text) chunks: the seeds, each with its language, repeated to ``mb`` megabytes."""
    seeds = [(p.name[:2], p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]
    chunks, size = [], 0
    while size < mb * 1_000_000:
        for lang, text in seeds:
            chunks.append((lang, text))
            size += len(text.encode("utf-8"))
    return chunks


def run_recogniser(glossary: Glossary, chunks) -> tuple[float, float, int]:
    started = time.perf_counter()
    recognisers = {lang: Recogniser.for_glossary(glossary, lang) for lang in {l for l, _ in chunks}}
    built = time.perf_counter() - started
    hits = 0
    started = time.perf_counter()
    for lang, text in chunks:
        hits += len(recognisers[lang].find(text))
    return built, time.perf_counter() - started, hits


def run_regex(glossary: Glossary, chunks) -> tuple[float, float, int]:
    started = time.perf_counter()
    patterns = {}
    for lang in {l for l, _ in chunks}:
        language = get_language(lang)
        terms = {language.fold_term(t.text) for c in glossary for t in c.terms_in(lang)}
        alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True) if t)
        patterns[lang] = (language, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))
    built = time.perf_counter() - started
    hits = 0
    started = time.perf_counter()
    for lang, text in chunks:
        language, pattern = patterns[lang]
        hits += sum(1 for _ in pattern.finditer(language.fold(text).text))
    return built, time.perf_counter() - started, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--baseline-mb", type=float, default=1.0, help="text size for the regex baseline")
    args = parser.parse_args()
    chunks, small = corpus(args.mb), corpus(args.baseline_mb)
    mb = sum(len(t.encode("utf-8")) for _, t in chunks) / 1e6
    small_mb = sum(len(t.encode("utf-8")) for _, t in small) / 1e6
    shipped = load_glossary()
    # the synthetic glossary holds the shipped concepts too, so both find the same seed terms
    synthetic = Glossary(list(shipped) + synthetic_glossary().concepts)
    glossaries = [("shipped", shipped), ("synthetic", synthetic)]
    print(f"text: {mb:.1f} MB (regex baseline on {small_mb:.1f} MB)")
    print(f"{'glossary':<10}{'concepts':>9}{'engine':>12}{'build s':>9}{'MB/s':>9}{'hits':>9}")
    rates = {}
    for name, glossary in glossaries:
        for engine, runner, text, size in (("automaton", run_recogniser, chunks, mb),
                                           ("regex", run_regex, small, small_mb)):
            built, elapsed, hits = runner(glossary, text)
            rates[(name, engine)] = size / elapsed
            print(f"{name:<10}{len(glossary):>9}{engine:>12}{built:>9.2f}{size / elapsed:>9.2f}{hits:>9}")
    for name, _ in glossaries:
        ratio = rates[(name, "automaton")] / rates[(name, "regex")]
        print(f"{name}: automaton / regex = {ratio:.1f}x")
    flat = rates[("synthetic", "automaton")] / rates[("shipped", "automaton")]
    print(f"automaton MB/s, synthetic / shipped = {flat:.2f} (1.00 = flat in glossary size)")


if __name__ == "__main__":
    main()
