#!/usr/bin/env python3
"""Regenerate translate/data/vi_syllables.tsv: Vietnamese syllables (tones dropped) and how common each is.

Discovery of unseen personal names (``translate.terms.discover``) reads a transliterated name
("Фам Мінь Туан", "فام مينه توان") back into Vietnamese syllables; where a rendering has several
readings (з is d or gi, і is i or y), the commoner syllable wins. The counts are the syllables of
every unit name of the gazetteer layer, plus the surnames and given-name syllables of
``translate.langs.vi`` (weighted as fifty names each, since a name is what discovery reads).

    .venv/bin/python scripts/build_syllables.py [--out translate/data/vi_syllables.tsv]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from translate.glossary.interchange import read_glossary  # noqa: E402
from translate.langs.vi import GIVEN_NAMES, SURNAMES, name_words, toneless  # noqa: E402

NAME_WEIGHT = 50


def count_syllables(gazetteer: Path) -> Counter[str]:
    """Toneless syllable → weight, from the gazetteer's vi names and the name lists."""
    counts: Counter[str] = Counter()
    for concept in read_glossary(gazetteer):
        for word in name_words(concept.vi):
            if (t := toneless(word)) is not None:
                counts[t] += 1
    for word in (*SURNAMES, *GIVEN_NAMES):
        if (t := toneless(word)) is not None:
            counts[t] += NAME_WEIGHT
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=REPO / "glossaries" / "vietnam-gazetteer.gloss")
    parser.add_argument("--out", type=Path, default=REPO / "translate" / "data" / "vi_syllables.tsv")
    args = parser.parse_args()
    counts = count_syllables(args.gazetteer)
    lines = [f"{s}\t{n}" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    args.out.write_text("# syllable (tones dropped)\tweight; made by scripts/build_syllables.py\n" + "\n".join(lines) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {len(lines)} syllables")


if __name__ == "__main__":
    main()
