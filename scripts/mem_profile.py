"""Peak memory of backtrans' translation pipeline against raw CTranslate2, one knob at a time.

    .venv/bin/python scripts/mem_profile.py [--sentences N] [--beam 4] [--batch-tokens 512]
                                            [--inter 2] [--intra 1] [--repeat 2] [--only NAME,...]

Same test model, sentences and documents as scripts/bench_translate.py (the seeds in numbered
repeats, one document folder of uk/pl/id/ar files, each language through its own copy-model
package). Every variant runs in its own fresh interpreter and reports its peak RSS (ru_maxrss),
its RSS just before its first translation (models loaded), the compute type CTranslate2 chose,
and tokens/s, side by side as ratios to the raw baseline (the first variant), over ``--repeat``
rounds in alternating order, so the ratios come from one run on the same machine state.

Variants, each differing from the one above it in one thing:

  raw           one Translator (the uk→en package) and one translate_batch call on every sentence,
                CTranslate2 batching by tokens itself: bench_translate.py's (a);
  raw-idle      the same, with the three other languages' Translators loaded beside it and left
                idle: what more model copies alone cost;
  raw-langs     one Translator per language's package, each translating its own sentences, every
                one kept loaded until the end (as the pipeline used to keep its engines): the copies
                that have run keep their workers' scratch memory too;
  raw-langs-free  the same, each Translator deleted once its language is done;
  engine-langs-free  translate.engine.Engine instead of raw calls (its own length-sorted token
                batches, submitted asynchronously, at most ``inter`` + 1 in flight, decoding), one
                per package, each deleted after use;
  pipeline      translate.pipeline.run.translate_documents on the document folder: bench_translate.py's (c);
  pipeline-py   the same under tracemalloc, to size what Python objects (documents, journal,
                outputs) add: reports tracemalloc's peak, not a speed.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_translate  # noqa: E402
from bench_translate import seed_sentences, serve_child, write_documents  # noqa: E402

VARIANTS = ("raw", "raw-idle", "raw-langs", "raw-langs-free", "engine-langs-free", "pipeline", "pipeline-py")


def rss_mb() -> float:
    """The process's resident set size now, in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# --- children: one variant each, printing {"tokens", "seconds", "loaded_mb", ...} as JSON ---------


def child_raw(args: dict) -> dict:
    """Raw CTranslate2 over ``groups`` [(package, sentences)]; ``free``: delete each Translator after use.

    ``idle`` packages are loaded first and kept, unused, to the end.
    """
    import ctranslate2
    import sentencepiece as spm

    def load(package: Path) -> ctranslate2.Translator:
        return ctranslate2.Translator(str(package / "model"), device="cpu", compute_type="auto",
                                      inter_threads=args["inter"], intra_threads=args["intra"])

    kept = [load(Path(p)) for p in args["idle"]]
    loaded = None
    tokens_total = 0
    seconds = 0.0
    compute_type = ""
    for package, sentences in args["groups"]:
        package = Path(package)
        sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
        tokens = sp.encode(sentences, out_type=str)
        translator = load(package)
        compute_type = translator.compute_type
        loaded = loaded or rss_mb()
        start = time.perf_counter()
        translator.translate_batch(tokens, beam_size=args["beam"], max_batch_size=args["batch_tokens"],
                                   batch_type="tokens", max_decoding_length=512)
        seconds += time.perf_counter() - start
        tokens_total += sum(map(len, tokens))
        if not args["free"]:
            kept.append(translator)
        del translator
        gc.collect()
    return {"tokens": tokens_total, "seconds": seconds, "loaded_mb": loaded, "compute_type": compute_type}


def child_engine(args: dict) -> dict:
    """translate.engine.Engine over ``groups``, each Engine deleted after use."""
    from translate.engine import Engine, EngineSettings
    from translate.engine.packages import read_package

    settings = EngineSettings(beam_size=args["beam"], batch_tokens=args["batch_tokens"],
                              threads=args["inter"] * args["intra"], workers=args["inter"])
    loaded = None
    tokens_total = 0
    seconds = 0.0
    compute_type = ""
    for package, sentences in args["groups"]:
        engine = Engine(read_package(Path(package)), settings)
        compute_type = engine.translator.compute_type
        loaded = loaded or rss_mb()
        counted = []
        start = time.perf_counter()
        engine.translate(sentences, on_batch=lambda batch, out, n: counted.append(n))
        seconds += time.perf_counter() - start
        tokens_total += sum(counted)
        del engine
        gc.collect()
    return {"tokens": tokens_total, "seconds": seconds, "loaded_mb": loaded, "compute_type": compute_type}


def child_pipeline(args: dict) -> dict:
    """translate_documents on the document folder, as bench_translate.py's (c)."""
    import tracemalloc

    from translate.engine import EngineSettings
    from translate.engine.packages import installed_packages
    from translate.pipeline.run import translate_documents

    if args["trace"]:
        tracemalloc.start()
    settings = EngineSettings(beam_size=args["beam"], batch_tokens=args["batch_tokens"],
                              threads=args["inter"] * args["intra"], workers=args["inter"])
    start = time.perf_counter()
    summary = translate_documents([args["docs"]], ["en"], Path(args["out"]), settings=settings,
                                  packages=installed_packages(Path(args["packages"])), resume=False)
    seconds = time.perf_counter() - start
    result = {"tokens": summary.tokens, "seconds": seconds, "loaded_mb": None, "compute_type": ""}
    if args["trace"]:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


CHILDREN = {"raw": child_raw, "engine": child_engine, "pipeline": child_pipeline}


def run_child(kind: str, args: dict) -> dict:
    """Run one variant in a fresh interpreter; its result plus its peak RSS."""
    return bench_translate.run_child(kind, args, script=__file__)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1500, help="sentences to translate (default 1500)")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch-tokens", type=int, default=512, help="batch size in tokens (default 512)")
    parser.add_argument("--inter", type=int, default=2, help="inter_threads, the pipeline's workers (default 2)")
    parser.add_argument("--intra", type=int, default=1, help="intra_threads (default 1)")
    parser.add_argument("--repeat", type=int, default=2, help="rounds, alternating the order (default 2)")
    parser.add_argument("--only", help="comma-separated variants to run (the first is the baseline)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        serve_child(CHILDREN, *ns.child)
        return

    from translate.engine import packages
    from translate.engine.testmodel import build_test_models, default_cache_dir

    variants = ns.only.split(",") if ns.only else list(VARIANTS)
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))} (known: {', '.join(VARIANTS)})")
    models = build_test_models(default_cache_dir())
    work = Path(tempfile.mkdtemp(prefix="mem-profile-"))
    for archive in models.values():
        packages.install_package(archive, work / "packages")
    sentences = seed_sentences(ns.sentences)
    write_documents(sentences, work / "docs")
    by_lang: dict[str, list[str]] = {}
    for lang, _, text in sentences:
        by_lang.setdefault(lang, []).append(text)
    langs = sorted(by_lang)  # the pipeline's order: documents sorted by name, so by language
    per_lang = [(str(work / "packages" / models[lang, "en"].stem), by_lang[lang]) for lang in langs]
    everything = [(str(work / "packages" / models["uk", "en"].stem), [t for _, _, t in sentences])]
    common = {"beam": ns.beam, "batch_tokens": ns.batch_tokens, "inter": ns.inter, "intra": ns.intra}
    jobs = {
        "raw": ("raw", {**common, "groups": everything, "free": True, "idle": []}),
        "raw-idle": ("raw", {**common, "groups": everything, "free": True,
                             "idle": [p for p, _ in per_lang if p != everything[0][0]]}),
        "raw-langs": ("raw", {**common, "groups": per_lang, "free": False, "idle": []}),
        "raw-langs-free": ("raw", {**common, "groups": per_lang, "free": True, "idle": []}),
        "engine-langs-free": ("engine", {**common, "groups": per_lang}),
        "pipeline": ("pipeline", {**common, "docs": str(work / "docs"), "packages": str(work / "packages"),
                                  "trace": False}),
        "pipeline-py": ("pipeline", {**common, "docs": str(work / "docs"), "packages": str(work / "packages"),
                                     "trace": True}),
    }
    print(f"{len(sentences)} sentences ({', '.join(f'{lang} {len(by_lang[lang])}' for lang in langs)}), "
          f"beam {ns.beam}, batch {ns.batch_tokens} tokens, inter {ns.inter} × intra {ns.intra}, copy test model")
    rounds: list[dict[str, dict]] = []
    for r in range(ns.repeat):
        results = {}
        for name in (variants if r % 2 == 0 else variants[::-1]):
            kind, args = jobs[name]
            if kind == "pipeline":
                args = {**args, "out": str(work / f"out-{name}-{r}")}
            results[name] = run_child(kind, args)
        rounds.append(results)

    shutil.rmtree(work, ignore_errors=True)

    base = variants[0]
    print(f"\n{'variant':<18} {'round':>5} {'peak MB':>8} {'×' + base:>8} {'loaded MB':>10} {'tokens/s':>9} "
          f"{'×' + base:>8}  notes")
    for r, results in enumerate(rounds):
        for name in variants:
            res, b = results[name], results[base]
            loaded = f"{res['loaded_mb']:.0f}" if res["loaded_mb"] else "-"
            if "traced_peak_mb" in res:  # tracemalloc slows Python down: no speed
                speed = f"{'-':>9} {'-':>8}"
                notes = f"tracemalloc peak {res['traced_peak_mb']:.1f} MB (Python objects)"
            else:
                rate = res["tokens"] / res["seconds"]
                speed = f"{rate:>9,.0f} {rate / (b['tokens'] / b['seconds']):>8.2f}"
                notes = res["compute_type"]
            print(f"{name:<18} {r + 1:>5} {res['maxrss_mb']:>8.0f} {res['maxrss_mb'] / b['maxrss_mb']:>8.2f} "
                  f"{loaded:>10} {speed}  {notes}")


if __name__ == "__main__":
    main()
