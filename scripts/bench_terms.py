"""Throughput of term recognition: MB/s on the seeds repeated to 10 MB.

Runs, in one go:

1. the recogniser with the shipped curated glossary and with a
   synthetic glossary of 10,000 invented concepts (about 50,000 terms over uk/pl/id/ar/en) added
   to the shipped ones, and a baseline: one compiled regex alternation of the same glossaries'
   base terms over the folded text;
2. what ``backtrans terms find FILE --lang L --format json`` does once started (find, resolve,
   JSON) with the curated glossary over the gazetteer layer, against the limit measured in the same run: raw
   pyahocorasick iteration over the lower-cased text with 50,000 keys, the text's capitalised
   words among them (so every name is a hit, as it is for the recogniser);
3. the CPU time of loading the shipped glossary from its compiled cache (in a fresh process),
   and the memory of the compiled automatons.

Times are CPU seconds of this one process (``time.process_time``): the work is single-threaded,
and the machines are shared, so wall time would measure the neighbours too.

    python scripts/bench_terms.py [--mb 10] [--baseline-mb 1]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import ahocorasick

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import translate  # noqa: E402
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
    started = time.process_time()
    recognisers = {lang: Recogniser.for_glossary(glossary, lang) for lang in {l for l, _ in chunks}}
    built = time.process_time() - started
    hits = 0
    started = time.process_time()
    for lang, text in chunks:
        hits += len(recognisers[lang].find(text))
    return built, time.process_time() - started, hits


def run_regex(glossary: Glossary, chunks) -> tuple[float, float, int]:
    started = time.process_time()
    patterns = {}
    for lang in {l for l, _ in chunks}:
        language = get_language(lang)
        terms = {language.fold_term(t.text) for c in glossary for t in c.terms_in(lang)}
        alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True) if t)
        patterns[lang] = (language, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))
    built = time.process_time() - started
    hits = 0
    started = time.process_time()
    for lang, text in chunks:
        language, pattern = patterns[lang]
        hits += sum(1 for _ in pattern.finditer(language.fold(text).text))
    return built, time.process_time() - started, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--baseline-mb", type=float, default=1.0, help="text size for the regex baseline")
    args = parser.parse_args()
    chunks, small = corpus(args.mb), corpus(args.baseline_mb)
    mb = sum(len(t.encode("utf-8")) for _, t in chunks) / 1e6
    small_mb = sum(len(t.encode("utf-8")) for _, t in small) / 1e6
    shipped = load_glossary()  # the curated glossary alone
    # the synthetic glossary holds the shipped concepts too, so both find the same seed terms
    synthetic = Glossary(list(shipped) + synthetic_glossary().concepts)
    glossaries = [("shipped", shipped), ("synthetic", synthetic)]
    layered = translate.load_glossary()  # curated over the gazetteer, as the commands read it
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
    print()
    started = time.process_time()
    end_to_end = run_terms_find(layered, chunks)
    print(f"curated glossary over the gazetteer ({len(layered)} + {len(layered.base or [])} concepts), "
          f"compiled in {time.process_time() - started - end_to_end:.1f} s for {len({l for l, _ in chunks})} languages")
    limit = run_raw_limit(chunks)
    print(f"terms find --format json, start-up excluded: {mb / end_to_end:.2f} MB/s")
    print(f"limit, raw pyahocorasick over the lower-cased text, 50,000 keys: {mb / limit:.2f} MB/s")
    print(f"terms find / limit = {limit / end_to_end:.2f} (goal: at least 0.25)")
    print(f"glossary load from the compiled cache, fresh process: {load_cpu():.2f} s CPU (goal: at most 0.5)")
    langs = sorted({lang for lang, _ in chunks})
    size = sum(automaton_bytes(layered, lang) for lang in langs)
    print(f"automatons of the shipped glossary and the gazetteer, {', '.join(langs)}: {size / 1e6:.0f} MB")


def run_terms_find(glossary: Glossary, chunks) -> float:
    """Seconds to find the terms of every chunk and write them as the command's JSON (compiled beforehand)."""
    from translate.terms import find_terms, matches_json

    for lang in {l for l, _ in chunks}:
        find_terms("Compile.", lang, glossary)  # compile both layers: part of start-up
    started = time.process_time()
    for lang, text in chunks:
        matches_json(find_terms(text, lang, glossary))  # as the CLI
    return time.process_time() - started


def run_raw_limit(chunks, keys: int = 50_000) -> float:
    """Seconds of raw Aho-Corasick iteration over the lower-cased chunks with ``keys`` keys, the
    text's capitalised words among them (the rest invented syllable pairs)."""
    words = {w.lower() for _, text in chunks[:50] for w in re.findall(r"\b[^\W\d_]+", text) if w[:1].isupper()}
    rng = random.Random(3)
    while len(words) < keys:
        words.add(rng.choice(_ONSETS) + rng.choice(_RIMES) + " " + rng.choice(_ONSETS) + rng.choice(_RIMES))
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    started = time.process_time()
    hits = 0
    for _, text in chunks:
        for _ in automaton.iter(text.lower()):
            hits += 1
    return time.process_time() - started


def load_cpu() -> float:
    """CPU seconds of ``translate.load_glossary()`` in a fresh process, its cache warmed first."""
    code = ("import time, translate; t = time.process_time(); translate.load_glossary(); "
            "print(time.process_time() - t)")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=REPO)  # warm the cache
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    return float(run.stdout.strip())


def automaton_bytes(glossary: Glossary, lang: str) -> int:
    """Memory of the automatons recognising ``lang`` in the glossary and its base layer."""
    layers = [glossary] + ([glossary.base] if glossary.base is not None else [])
    return sum(Recogniser.for_glossary(layer, lang).automaton.get_stats()["total_size"] for layer in layers)


if __name__ == "__main__":
    main()
