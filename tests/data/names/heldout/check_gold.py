"""Consistency check of the held-out name annotations. It does NOT recognise anything.

It reads only the files of this folder (gold.tsv and the LANG_NN.txt texts) and the standard
library; it imports nothing from backtrans. It checks that

* every text has 5-10 lines; every row names an existing text and line, kind is place/person, en looks canonical
  (ASCII words, capitalised), province is empty for persons and else a province-level unit;
* every surface occurs on its line as often as it is listed: the n-th listing of a surface
  is its n-th occurrence (plain str.find), and placing the spans longest-first without
  overlap gives the same positions (so either reading of the convention agrees);
* every gold span starts and ends at a word boundary (an Arabic proclitic run before it,
  an Indonesian -nya/-lah/-kah or English 's after it are allowed);
* every #trap row occurs on its line outside the gold spans;
* no surface listed anywhere in a language (gold or trap) occurs as a whole word outside the
  listed spans of any line of that language (so a forgotten occurrence is caught);
* every uk row has #base forms for its en (to tell inflected from base forms).

Then it prints counts per file and per language: rows, places, persons, inflected or
cliticised, traps.

    python3 tests/data/names/heldout/check_gold.py
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROVINCES = {
    # the 63 provincial-level units before 1 July 2025 ...
    "Ha Noi", "Ho Chi Minh City", "Hai Phong", "Da Nang", "Can Tho", "Hue", "Thua Thien Hue",
    "An Giang", "Ba Ria - Vung Tau", "Bac Giang", "Bac Kan", "Bac Lieu", "Bac Ninh", "Ben Tre",
    "Binh Dinh", "Binh Duong", "Binh Phuoc", "Binh Thuan", "Ca Mau", "Cao Bang", "Dak Lak",
    "Dak Nong", "Dien Bien", "Dong Nai", "Dong Thap", "Gia Lai", "Ha Giang", "Ha Nam",
    "Ha Tinh", "Hai Duong", "Hau Giang", "Hoa Binh", "Hung Yen", "Khanh Hoa", "Kien Giang",
    "Kon Tum", "Lai Chau", "Lam Dong", "Lang Son", "Lao Cai", "Long An", "Nam Dinh", "Nghe An",
    "Ninh Binh", "Ninh Thuan", "Phu Tho", "Phu Yen", "Quang Binh", "Quang Nam", "Quang Ngai",
    "Quang Ninh", "Quang Tri", "Soc Trang", "Son La", "Tay Ninh", "Thai Binh", "Thai Nguyen",
    "Thanh Hoa", "Tien Giang", "Tra Vinh", "Tuyen Quang", "Vinh Long", "Vinh Phuc", "Yen Bai",
    # ... of which these 34 remain after it (all names already above)
}
AR_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك]|ال|لل)?|[وف]?ب?ال)$")
ID_ENCLITIC = ("nya", "lah", "kah")


def is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def run_before(text: str, i: int) -> str:
    j = i
    while j > 0 and is_letter(text[j - 1]):
        j -= 1
    return text[j:i]


def run_after(text: str, i: int) -> str:
    j = i
    while j < len(text) and is_letter(text[j]):
        j += 1
    return text[i:j]


def boundary(text: str, start: int, end: int, lang: str) -> tuple[bool, str]:
    """Is text[start:end] a whole word (clitics allowed)? Returns (ok, clitic found)."""
    before, after = run_before(text, start), run_after(text, end)
    clitic = ""
    if before:
        if lang == "ar" and AR_PROCLITIC.match(before):
            clitic = before + "+"
        else:
            return False, ""
    if after:
        if lang == "id" and after in ID_ENCLITIC:
            clitic += "+" + after
        else:
            return False, ""
    if lang == "id" and text[end:end + 1] == "-" and run_after(text, end + 1) in ID_ENCLITIC:
        clitic += "-" + run_after(text, end + 1)
    if lang == "en" and text[end:end + 2] in ("'s", "\u2019s"):
        clitic += "'s"
    return True, clitic


def occurrences(text: str, s: str) -> list[int]:
    out, at = [], text.find(s)
    while at >= 0:
        out.append(at)
        at = text.find(s, at + 1)
    return out


def main() -> int:
    errors: list[str] = []
    gold: dict[tuple[str, int], list[tuple[str, str, str, str]]] = defaultdict(list)
    traps: dict[tuple[str, int], list[str]] = defaultdict(list)
    bases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n, row in enumerate((HERE / "gold.tsv").read_text(encoding="utf-8").split("\n"), 1):
        if not row.strip():
            continue
        f = row.split("\t")
        if f[0] == "#base":
            bases[(f[1], f[2])].update(f[3].split(";"))
            continue
        if f[0] == "#trap":
            if len(f) != 5:
                errors.append(f"gold.tsv:{n}: a #trap row needs 5 fields")
                continue
            traps[(f[1], int(f[2]))].append(f[3])
            continue
        if row.startswith("#"):
            continue
        if len(f) != 6:
            errors.append(f"gold.tsv:{n}: {len(f)} fields, want 6")
            continue
        path, line, surface, kind, en, prov = f
        if kind not in ("place", "person"):
            errors.append(f"gold.tsv:{n}: kind {kind!r}")
        if not re.fullmatch(r"[A-Z][a-z']*(?: [A-Z][a-z']*)*", en):
            errors.append(f"gold.tsv:{n}: en {en!r} is not canonical")
        if kind == "person" and prov:
            errors.append(f"gold.tsv:{n}: a person has a province")
        if prov and prov not in PROVINCES:
            errors.append(f"gold.tsv:{n}: province {prov!r} is not a province-level unit")
        gold[(Path(path).name, int(line))].append((surface, kind, en, prov))

    texts: dict[str, list[str]] = {}
    for p in sorted(HERE.glob("*_[0-9][0-9].txt")):
        texts[p.name] = p.read_text(encoding="utf-8").rstrip("\n").split("\n")
        if not 5 <= len(texts[p.name]) <= 10:
            errors.append(f"{p.name}: {len(texts[p.name])} lines, want 5-10")
    for key in list(gold) + list(traps):
        name, line = key
        if name not in texts:
            errors.append(f"{name}: no such text")
        elif not 1 <= line <= len(texts[name]):
            errors.append(f"{name}:{line}: no such line")

    lang_surfaces: dict[str, set[str]] = defaultdict(set)
    for (name, _), items in gold.items():
        lang_surfaces[name[:2]].update(i[0] for i in items)
    for (name, _), items in traps.items():
        lang_surfaces[name[:2]].update(items)

    stats: dict[str, Counter] = defaultdict(Counter)
    for name, lines in texts.items():
        lang = name[:2]
        for ln, text in enumerate(lines, 1):
            items = gold.get((name, ln), [])
            # 1. plain reading: n-th listing = n-th occurrence
            seen: Counter = Counter()
            plain = []
            for surface, kind, en, prov in items:
                occ = occurrences(text, surface)
                k = seen[surface]
                seen[surface] += 1
                if k >= len(occ):
                    errors.append(f"{name}:{ln}: {surface!r} occurs fewer than {k + 1} times")
                    plain.append(None)
                    continue
                plain.append((occ[k], occ[k] + len(surface)))
            # 2. longest-first placement must agree
            placed: list[tuple[int, int]] = []
            for idx in sorted(range(len(items)), key=lambda i: -len(items[i][0])):
                surface = items[idx][0]
                for at in occurrences(text, surface):
                    end = at + len(surface)
                    if not any(at < e and s < end for s, e in placed):
                        placed.append((at, end))
                        break
            if None not in plain and sorted(plain) != sorted(placed):
                errors.append(f"{name}:{ln}: longest-first placement differs from the n-th occurrence reading")
            spans = [p for p in plain if p]
            # 3. word boundaries, clitics, counts
            for (surface, kind, en, prov), span in zip(items, plain):
                if span is None:
                    continue
                ok, clitic = boundary(text, span[0], span[1], lang)
                if not ok:
                    errors.append(f"{name}:{ln}: {surface!r} does not start/end at a word boundary")
                st = stats[name]
                st["rows"] += 1
                st[kind] += 1
                inflected = False
                if lang in ("uk", "pl"):
                    forms = set(bases.get((lang, en), set()))
                    if lang == "pl":
                        forms.add(en)
                    if lang == "uk" and not forms:
                        errors.append(f"{name}:{ln}: no #base uk forms for {en!r}")
                    inflected = surface not in forms
                if inflected or clitic:
                    st["infl_or_clitic"] += 1
                    st["infl" if inflected else "clitic"] += 1
                if kind == "place" and prov:
                    st["below_province"] += 1
            # 4. traps: the n-th listing is the n-th whole-word occurrence outside gold spans
            tspans: list[tuple[int, int]] = []
            tseen: Counter = Counter()
            for surface in sorted(traps.get((name, ln), []), key=len, reverse=True):
                free = [a for a in occurrences(text, surface)
                        if boundary(text, a, a + len(surface), lang)[0]
                        and not any(a < e and s < a + len(surface) for s, e in spans + tspans)]
                k = tseen[surface]
                tseen[surface] += 1
                if k >= len(free):
                    errors.append(f"{name}:{ln}: trap {surface!r} not found (outside gold spans) {k + 1} times")
                    continue
                tspans.append((free[k], free[k] + len(surface)))
                stats[name]["traps"] += 1
            # 5. no unlisted whole-word occurrence of any surface listed (gold or trap)
            #    anywhere in the same language
            allspans = spans + tspans
            for surface in lang_surfaces[lang]:
                for a in occurrences(text, surface):
                    e = a + len(surface)
                    if not boundary(text, a, e, lang)[0]:
                        continue
                    if any(s <= a and e <= t for s, t in allspans):
                        continue
                    errors.append(f"{name}:{ln}: {surface!r} at {a} is neither annotated nor a listed trap")

    for e in errors:
        print("ERROR", e)
    cols = ["rows", "place", "person", "infl_or_clitic", "infl", "clitic", "traps", "below_province"]
    head = f"{'file':<10}" + "".join(f"{c:>16}" for c in cols)
    print(head)
    by_lang: dict[str, Counter] = defaultdict(Counter)
    for name in sorted(stats):
        by_lang[name[:2]].update(stats[name])
        print(f"{name:<10}" + "".join(f"{stats[name][c]:>16}" for c in cols))
    print()
    print(f"{'lang':<10}" + "".join(f"{c:>16}" for c in cols) + f"{'%person':>10}{'%infl/cl':>10}")
    total: Counter = Counter()
    for lang in ("uk", "pl", "id", "ar", "vi", "en"):
        s = by_lang[lang]
        total.update(s)
        print(f"{lang:<10}" + "".join(f"{s[c]:>16}" for c in cols)
              + f"{100 * s['person'] / max(s['rows'], 1):>9.0f}%{100 * s['infl_or_clitic'] / max(s['rows'], 1):>9.0f}%")
    print(f"{'all':<10}" + "".join(f"{total[c]:>16}" for c in cols)
          + f"{100 * total['person'] / max(total['rows'], 1):>9.1f}%")
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
