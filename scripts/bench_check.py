"""Benchmark: checking a document pair must cost at most 1% of translating it with the test model.

Builds and installs the test (copy) models into temporary directories, as ``tests/conftest.py``
does, back-translates a seed into English with ``translate.pipeline.run.translate_documents``, then
checks the seed against that back-translation (alignment, all checks, report data), in the
same run. Both are timed per document in steady state: the translation with its model already
loaded, the check with its glossary already compiled, each the median of ``--repeat`` runs;
the one-off costs (loading the model, compiling the glossary's recognisers) are printed apart.

    .venv/bin/python scripts/bench_check.py [SEED] [--lang uk] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LIMIT = 0.01


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median(values) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", default=str(REPO / "seeds" / "uk_hai_duong_breakthroughs.txt"))
    parser.add_argument("--lang", default="uk")
    parser.add_argument("--repeat", type=int, default=3, help="check runs (the median is used)")
    args = parser.parse_args()

    from translate.check import check_documents, load_document
    from translate.check.report_json import report_data
    from translate.engine import Engine
    from translate.engine.packages import (
        find_route,
        install_package,
        installed_packages,
    )
    from translate.engine.testmodel import build_test_models
    from translate.glossary import load_glossary
    from translate.pipeline.run import translate_documents
    from translate.pipeline.segment import read_segmented

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        models = build_test_models(tmp_path / "models")
        for path in models.values():
            install_package(path, tmp_path / "packages")
        packages = installed_packages(tmp_path / "packages")

        out = tmp_path / "out"
        translate_documents([args.seed], ["en"], out, source_lang=args.lang, packages=packages, resume=False)
        back = next(p for p in out.rglob("*.txt") if p.is_file())

        source = read_segmented(args.seed, args.lang)
        sentences = [seg.text for seg in source.segments]
        started = time.perf_counter()
        engine = Engine(find_route(args.lang, "en", packages)[0])
        loading = time.perf_counter() - started
        translating = median(timed(lambda: engine.translate(sentences)) for _ in range(args.repeat))

        started = time.perf_counter()
        glossary = load_glossary()
        report = check_documents([load_document(args.seed, args.lang, back, "en")], glossary)
        compiling = time.perf_counter() - started

        def check() -> None:
            nonlocal report, doc
            doc = load_document(args.seed, args.lang, back, "en")
            report = check_documents([doc], glossary)
            report_data(report)

        doc = None
        times = [timed(check) for _ in range(args.repeat)]
        checking = median(times)
        ratio = checking / translating
        print(f"document: {Path(args.seed).name} ({len(doc.segments)} segments), "
              f"{len(report.findings)} finding(s)")
        print(f"one-off: load the model {loading:.3f} s; load the glossary and first check {compiling:.3f} s")
        print(f"translate (test model, {args.lang}->en, median of {args.repeat}): {translating:.3f} s")
        print(f"check (median of {args.repeat}): {checking:.4f} s")
        print(f"ratio: {ratio:.2%} (limit {LIMIT:.0%})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
