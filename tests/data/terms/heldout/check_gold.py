"""Consistency check of the held-out annotations (does NOT run the recogniser).

Checks that every gold.tsv row names an existing held-out text, a line of it, a surface that
occurs there (the n-th listing of a surface on a line = its n-th occurrence, also when spans
are placed longest-first as scripts/eval_terms.py does) and a concept of the shipped glossary
or of heldout.gloss; then prints counts per language.

    .venv/bin/python tests/data/terms/heldout/check_gold.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))

from translate.glossary import load_glossary  # noqa: E402  (the loader only)


def main() -> int:
    shipped = load_glossary(REPO / "glossaries" / "vietnam-provinces.gloss")
    held = load_glossary(HERE / "heldout.gloss")
    new = {c.id for c in held.concepts}
    clash = new & {c.id for c in shipped.concepts}
    known = new | {c.id for c in shipped.concepts}
    errors = [f"heldout.gloss id also in the shipped glossary: {i}" for i in sorted(clash)]
    rows: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for n, row in enumerate((HERE / "gold.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        path, line, surface, concept = row.split("\t")
        rows[path].append((int(line), surface, concept))
        if concept not in known:
            errors.append(f"gold.tsv:{n}: unknown concept {concept!r}")
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path, items in sorted(rows.items()):
        lines = (REPO / path).read_text(encoding="utf-8").split("\n")
        plain, seen = set(), defaultdict(int)
        for line, surface, concept in items:
            k = seen[(line, surface)]
            seen[(line, surface)] += 1
            at = -1
            for _ in range(k + 1):
                at = lines[line - 1].find(surface, at + 1)
            if at < 0:
                errors.append(f"{path}:{line}: {surface!r} occurs fewer than {k + 1} times")
            plain.add((line, at))
            stats[Path(path).name[:2]][0] += 1
            stats[Path(path).name[:2]][1] += concept in new
        placed: list[tuple[int, int, int]] = []  # longest first, as scripts/eval_terms.py
        for line, surface, _ in sorted(items, key=lambda r: -len(r[1])):
            at = -1
            while True:
                at = lines[line - 1].find(surface, at + 1)
                end = at + len(surface)
                if at < 0 or not any(p[0] == line and at < p[2] and p[1] < end for p in placed):
                    break
            placed.append((line, at, end))
        if plain != {(p[0], p[1]) for p in placed}:
            errors.append(f"{path}: longest-first placement differs from the n-th occurrence reading")
    for e in errors:
        print("ERROR", e)
    print(f"{'lang':<6}{'gold':>6}{'new':>6}")
    for lang in sorted(stats):
        print(f"{lang:<6}{stats[lang][0]:>6}{stats[lang][1]:>6}")
    total = sum(s[0] for s in stats.values())
    print(f"{'all':<6}{total:>6}{sum(s[1] for s in stats.values()):>6}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
