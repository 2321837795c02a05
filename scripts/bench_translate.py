"""Benchmark: raw CTranslate2, argostranslate's translate(), backtrans without and with the glossary.

    .venv/bin/python scripts/bench_translate.py [--sentences N] [--beam 4] [--argos-sentences M] [--rounds 3]

On backtrans' copy test model (translate/testmodel.py) and the seeds' sentences, repeated to N
(each repeat numbered, so no sentence is a duplicate the pipeline could skip), it measures in one
run, each variant in its own child process (peak memory = the child's ru_maxrss):

  (a) ctranslate2.Translator.translate_batch on all sentences, with the best of a few settings
      (batch size in tokens, inter/intra threads) tried on a sample first;
  (b) argostranslate.translate.translate() with its defaults, one call per paragraph; only its
      MiniSBD sentence splitter (which downloads a model) is replaced by backtrans' segmentation;
  (c) backtrans' translate_documents (read, segment, translate, write) without a glossary;
  (d) the same with the shipped glossary (protect, restore, verify, repair).

(a), (c) and (d) alternate over --rounds and each keeps its fastest round. All at the same
beam size. Prints tokens/s (source SentencePiece tokens) and the ratios
(c)/(a), (c)/(b) and the glossary overhead (d)/(c).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
LANGS = ("uk", "pl", "id", "ar")


def seed_sentences(count: int) -> list[tuple[str, str, str]]:
    """(lang, paragraph key, sentence): the seeds' sentences, numbered repeats until there are ``count``."""
    from translate.segment import read_segmented

    base = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_segmented(path, path.name[:2])
        base += [(doc.lang, f"{doc.name}:{s.paragraph}", s.text) for s in doc.segments]
    out = []
    k = 0
    while len(out) < count:
        out += [(lang, f"{k}:{para}", f"{k} {text}") for lang, para, text in base[: count - len(out)]]
        k += 1
    return out


def paragraphs(sentences: list[tuple[str, str, str]]) -> list[str]:
    """The sentences joined back into their seed paragraphs (what Argos is called with)."""
    joined: dict[str, list[str]] = {}
    for _, para, text in sentences:
        joined.setdefault(para, []).append(text)
    return [" ".join(texts) for texts in joined.values()]


def write_documents(sentences: list[tuple[str, str, str]], folder: Path, per_doc: int = 200) -> None:
    """The sentences as documents of ``per_doc`` one-sentence paragraphs, one language each."""
    folder.mkdir(parents=True, exist_ok=True)
    by_lang: dict[str, list[str]] = {}
    for lang, _, text in sentences:
        by_lang.setdefault(lang, []).append(text)
    for lang, texts in by_lang.items():
        for i in range(0, len(texts), per_doc):
            (folder / f"{lang}_{i // per_doc:04d}.txt").write_text("\n".join(texts[i:i + per_doc]) + "\n",
                                                                   encoding="utf-8")


# --- children: one variant each, printing {"tokens", "seconds", "maxrss_mb", ...} as JSON ------


def child_raw(args: dict) -> dict:
    import ctranslate2
    import sentencepiece as spm

    package = Path(args["package"])
    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    tokens = sp.encode(args["sentences"], out_type=str)
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", compute_type="auto",
                                        inter_threads=args["inter"], intra_threads=args["intra"])
    start = time.perf_counter()
    translator.translate_batch(tokens, beam_size=args["beam"], max_batch_size=args["batch_tokens"],
                               batch_type="tokens", max_decoding_length=512)
    return {"tokens": sum(map(len, tokens)), "seconds": time.perf_counter() - start}


def child_argos(args: dict) -> dict:
    import argostranslate.package as package
    import argostranslate.sbd as sbd
    import argostranslate.translate as translate
    import sentencepiece as spm

    from translate.segment import split_sentences

    lang = args["lang"]
    sbd.MiniSBDSentencizer.split_sentences = (
        lambda self, text: [text[s:e] for s, e in split_sentences(text, lang)])
    package.install_from_path(args["archive"])
    translation = translate.get_translation_from_codes(lang, "en")
    paragraphs = args["paragraphs"]
    sp = spm.SentencePieceProcessor(model_file=str(next(Path(os.environ["ARGOS_PACKAGES_DIR"]).glob("*/sentencepiece.model"))))
    start = time.perf_counter()
    for p in paragraphs:
        translation.translate(p)
    seconds = time.perf_counter() - start
    return {"tokens": sum(map(len, sp.encode(paragraphs, out_type=str))), "seconds": seconds}


def child_pipeline(args: dict) -> dict:
    from translate.batch import translate_documents
    from translate.engine import EngineSettings
    from translate.glossary import load_glossary
    from translate.packages import installed_packages

    glossary = load_glossary() if args["glossary"] else None
    settings = EngineSettings(beam_size=args["beam"], batch_tokens=args["batch_tokens"],
                              threads=args["inter"] * args["intra"], workers=args["inter"])
    start = time.perf_counter()
    summary = translate_documents([args["docs"]], ["en"], Path(args["out"]), settings=settings,
                                  packages=installed_packages(Path(args["packages"])), resume=False, glossary=glossary)
    seconds = time.perf_counter() - start
    return {"tokens": summary.tokens, "seconds": seconds, "failed": summary.failed, "checked": summary.checked,
            "repaired": summary.repaired, "glossary_seconds": summary.glossary_seconds}


CHILDREN = {"raw": child_raw, "argos": child_argos, "pipeline": child_pipeline}


def run_child(kind: str, args: dict, env: dict | None = None, script: str = __file__) -> dict:
    """Run one variant in a fresh interpreter (``script --child KIND ARGS.json``, answered by
    :func:`serve_child`); its result plus its peak memory."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(args, f)
    try:
        proc = subprocess.run([sys.executable, script, "--child", kind, f.name], capture_output=True, text=True,
                              env=env or os.environ.copy(), cwd=REPO)
    finally:
        os.unlink(f.name)
    if proc.returncode != 0:
        raise SystemExit(f"variant {kind} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def serve_child(children: dict, kind: str, path: str) -> None:
    """The child side of :func:`run_child`: run variant ``kind`` on the arguments in ``path``
    and print its result, with the process's peak RSS, as the last line of JSON."""
    result = children[kind](json.loads(Path(path).read_text(encoding="utf-8")))
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1500, help="sentences to translate (default 1500)")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--argos-sentences", type=int, default=300,
                        help="uk sentences for argostranslate (b), which is slow (default 300; 0: all)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of (a), (c) and (d) (default 3)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        serve_child(CHILDREN, *ns.child)
        return

    from translate import packages
    from translate.testmodel import build_test_models, default_cache_dir

    sentences = seed_sentences(ns.sentences)
    if not any(lang == "uk" for lang, _, _ in sentences):
        parser.error(f"no uk sentence among the first {len(sentences)} for argostranslate (b): raise --sentences")
    cores = os.cpu_count() or 1
    models = build_test_models(default_cache_dir())
    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    for archive in models.values():
        packages.install_package(archive, work / "packages")
    uk_en = work / "packages" / models["uk", "en"].stem
    write_documents(sentences, work / "docs")
    print(f"{len(sentences)} sentences (seeds, numbered repeats), beam {ns.beam}, {cores} cores, copy test model")

    # (a) raw CTranslate2: pick the best settings on a sample, then run them on everything.
    texts = [t for _, _, t in sentences]
    sample = texts[: min(len(texts), 250)]
    configs = [(bt, inter, cores // inter) for bt in (256, 512, 1024, 4096) for inter in sorted({1, cores})]
    best = None
    for bt, inter, intra in configs:
        r = run_child("raw", {"package": str(uk_en), "sentences": sample, "beam": ns.beam,
                              "batch_tokens": bt, "inter": inter, "intra": intra})
        rate = r["tokens"] / r["seconds"]
        print(f"  (a) trial batch {bt} tokens, inter {inter} × intra {intra}: {rate:,.0f} tokens/s")
        if best is None or rate > best[0]:
            best = (rate, bt, inter, intra)
    _, bt, inter, intra = best
    results = {}

    # (b) argostranslate defaults, its home and packages in a temporary folder.
    subset = [s for s in sentences if s[0] == "uk"]
    if ns.argos_sentences:
        subset = subset[: ns.argos_sentences]
    argos_paragraphs = paragraphs(subset)
    home = work / "argos-home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), ARGOS_PACKAGES_DIR=str(work / "argos-packages"))
    results["b"] = run_child("argos", {"archive": str(models["uk", "en"]), "lang": "uk",
                                       "paragraphs": argos_paragraphs}, env)
    results["b"]["label"] = (f"argostranslate translate() defaults (subset: {len(subset)} uk sentences "
                             f"in {len(argos_paragraphs)} paragraphs)")

    # (a) on everything and (c), (d), backtrans' pipeline at the same batch size and threads,
    # alternated over --rounds, keeping each variant's fastest round (the least disturbed one).
    for round_ in range(ns.rounds):
        r = run_child("raw", {"package": str(uk_en), "sentences": texts, "beam": ns.beam,
                              "batch_tokens": bt, "inter": inter, "intra": intra})
        r["label"] = f"raw ctranslate2 (batch {bt} tokens, inter {inter}, intra {intra})"
        if "a" not in results or r["seconds"] < results["a"]["seconds"]:
            results["a"] = r
        for key, glossary in (("c", False), ("d", True)):
            r = run_child("pipeline", {"docs": str(work / "docs"), "out": str(work / f"out-{key}{round_}"),
                                       "packages": str(work / "packages"), "beam": ns.beam, "batch_tokens": bt,
                                       "inter": inter, "intra": intra, "glossary": glossary})
            r["label"] = "backtrans pipeline, " + ("shipped glossary" if glossary else "no glossary")
            if key not in results or r["seconds"] < results[key]["seconds"]:
                results[key] = r

    print()
    for key in "abcd":
        r = results[key]
        extra = f"  ({r['checked']} segments verified, {r['failed']} failed)" if key == "d" else ""
        print(f"({key}) {r['label']}: {r['tokens'] / r['seconds']:,.0f} tokens/s, {r['seconds']:.1f} s, "
              f"peak {r['maxrss_mb']:.0f} MB{extra}")
    rate = {k: r["tokens"] / r["seconds"] for k, r in results.items()}
    print()
    print(f"(c)/(a) = {rate['c'] / rate['a']:.2f}   target ≥ 0.95")
    print(f"(c)/(b) = {rate['c'] / rate['b']:.1f}   target ≥ 10")
    print(f"glossary overhead (d)/(c): {results['d']['seconds'] / results['c']['seconds'] - 1:+.1%} time "
          f"(throughput ratio {rate['d'] / rate['c']:.3f})   target ≤ +5%")
    print(f"  of which the glossary layer itself (timed inside (d), model calls excluded): "
          f"{results['d']['glossary_seconds']:.2f} s = {results['d']['glossary_seconds'] / results['c']['seconds']:.1%} "
          f"of (c); model tokens: {results['d']['tokens'] / results['c']['tokens'] - 1:+.1%} (surrogates are longer "
          f"than some source terms); the rest is noise")


if __name__ == "__main__":
    main()
