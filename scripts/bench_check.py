"""Benchmark: checking a document pair must cost at most 1% of translating it with the test model.

Builds and installs the test (copy) models into temporary directories, as ``tests/conftest.py``
does, translates a seed into English with ``translate.batch.translate_documents``, then checks
the seed against that back-translation (alignment, all checks, report data), in the same run.
Prints both times and their ratio; exits 1 when the ratio is above the limit.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", default=str(REPO / "seeds" / "uk_hai_duong_breakthroughs.txt"))
    parser.add_argument("--lang", default="uk")
    parser.add_argument("--repeat", type=int, default=3, help="check runs (the median is used)")
    args = parser.parse_args()

    from translate.batch import translate_documents
    from translate.check import check_documents, load_document
    from translate.check.report_json import report_data
    from translate.glossary import load_glossary
    from translate.packages import install_package, installed_packages
    from translate.testmodel import build_test_models

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        models = build_test_models(tmp_path / "models")
        for path in models.values():
            install_package(path, tmp_path / "packages")
        packages = installed_packages(tmp_path / "packages")

        out = tmp_path / "out"
        started = time.perf_counter()
        translate_documents([args.seed], ["en"], out, source_lang=args.lang, packages=packages, resume=False)
        translating = time.perf_counter() - started
        back = next(p for p in out.rglob("*.txt") if p.is_file())

        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            glossary = load_glossary()
            doc = load_document(args.seed, args.lang, back, "en")
            report = check_documents([doc], glossary)
            report_data(report)
            times.append(time.perf_counter() - started)
        checking = sorted(times)[len(times) // 2]
        ratio = checking / translating
        print(f"document: {Path(args.seed).name} ({len(doc.segments)} segments), "
              f"{len(report.findings)} finding(s)")
        print(f"translate (test model, {args.lang}->en): {translating:.3f} s")
        print(f"check (median of {args.repeat}, first {times[0]:.3f} s): {checking:.4f} s")
        print(f"ratio: {ratio:.2%} (limit {LIMIT:.0%})")
        return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
