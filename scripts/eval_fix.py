"""`backtrans fix` on held-out sentences (tests/data/fix/heldout.tsv: written before the code ran on
them, never tuned on): the share fixed exactly as expected, per language, and each miss.

    .venv/bin/python scripts/eval_fix.py [FILE]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import translate
from translate.fix import fix_text

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "fix" / "heldout.tsv"


def main(path: Path = HELDOUT) -> None:
    glossary = translate.load_glossary()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, text, expected = line.split("\t")
        fixed, _ = fix_text(text, lang, glossary)
        total[lang] += 1
        if fixed == expected:
            right[lang] += 1
        else:
            print(f"miss {lang}: {text!r}\n  got      {fixed!r}\n  expected {expected!r}")
    print(f"held-out sentences fixed exactly ({path.name}):")
    for lang in sorted(total):
        print(f"  {lang}: {right[lang]}/{total[lang]}")
    print(f"  all: {sum(right.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HELDOUT)
