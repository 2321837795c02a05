#!/usr/bin/env python3
"""Regenerate the gazetteer layer, glossaries/vietnam-gazetteer.gloss, from vietnamadminunits' data.

Every Vietnamese administrative unit of the structure before the July 2025 reorganisation
(63 provinces, 696 districts, ~10,000 communes, wards and townships) and of the 2025 one
(34 provinces, 3,321 communes, wards and special zones) becomes a concept: its kind, its
canonical en (ASCII) and vi (with diacritics) names, its parent, the structures it belongs to
and, for a unit of the old structure, what it became in 2025. A 2025 unit with the name of an
old unit it was formed from (the province that absorbed others, a commune that kept its name)
is the same concept, in both structures. Units named by a number ("Phường 3") are left out:
no text names them without their district.

The layer has no terms: the language modules render every unit's name when the layer is
loaded (``translate.glossary.layers``), as they do for a name a maintainer adds.

    .venv/bin/pip install --no-deps vietnamadminunits   # its own dependencies are for geocoding
    .venv/bin/python scripts/build_gazetteer.py [--out glossaries/vietnam-gazetteer.gloss]

vietnamadminunits (MIT) ships both structures in SQLite and the old→new mapping in JSON; its
2025 list agrees with the statistics office's (vietnam-provinces, GPL, Python ≥ 3.12 only).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from translate.glossary.gloss import dump_gloss  # noqa: E402
from translate.glossary.model import Concept, Glossary, Status, Term, slug  # noqa: E402
from translate.text import strip_vietnamese_diacritics  # noqa: E402

OUT = REPO / "glossaries" / "vietnam-gazetteer.gloss"
OLD, NEW = "pre-2025", "2025"
# The kind of a unit by its Vietnamese type; a province-level city is a city.
KINDS = {"tỉnh": "province", "thành phố trực thuộc trung ương": "city", "quận": "district",
         "huyện": "district", "thị xã": "town", "thành phố": "city", "phường": "ward", "xã": "commune",
         "thị trấn": "township", "đặc khu": "special-zone"}
# English exonyms: the names English texts use instead of the Vietnamese without diacritics.
EXONYMS = {"Hà Nội": "Hanoi", "Hồ Chí Minh": "Ho Chi Minh City"}
# Province-level names that are also a person's name keep their unit word in vi.
FULL_VI = {"Hồ Chí Minh": "Thành phố Hồ Chí Minh"}


@dataclass(eq=False)  # a unit is itself: compared and hashed by identity
class Unit:
    level: str  # province, district, commune
    code: str
    name: str  # the short name, with diacritics ("Hải Dương")
    kind: str
    parent: "Unit | None"
    structures: list[str] = field(default_factory=list)
    became: list["Unit"] = field(default_factory=list)  # 2025 units an old one went into
    whole: bool = True  # went whole into one 2025 unit
    id: str = ""


def _data() -> tuple[sqlite3.Connection, dict]:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_gazetteer: pip install --no-deps vietnamadminunits first")
    data = Path(spec.submodule_search_locations[0]) / "data"
    return sqlite3.connect(data / "dataset.db"), json.loads((data / "converter_2025.json").read_text("utf-8"))


def read_units() -> tuple[dict[tuple[str, str, str], Unit], dict[str, Unit], dict[str, Unit]]:
    """Every unit by (structure, level, code), and the old and new units by their keys in the mapping."""
    db, conv = _data()
    units: dict[tuple[str, str, str], Unit] = {}

    def unit(structure: str, level: str, code: str, name: str, kind: str, parent: Unit | None) -> Unit:
        key = (structure, level, code)
        if key not in units:
            units[key] = Unit(level, code, name, kind, parent, [structure])
        return units[key]

    def province_kind(full: str) -> str:
        return "city" if full.startswith("Thành phố") else "province"

    old_keys: dict[str, Unit] = {}
    for (p_code, p_full, p_short, p_key, d_code, d_short, d_type, d_key, w_code, w_short, w_type,
         w_key) in db.execute("SELECT provinceCode, province, provinceShort, provinceKey, districtCode, districtShort, "
                              "districtType, districtKey, wardCode, wardShort, wardType, wardKey "
                              "FROM admin_units_legacy ORDER BY wardCode, districtCode"):
        province = unit(OLD, "province", p_code, p_short, province_kind(p_full), None)
        old_keys.setdefault(p_key, province)
        district = unit(OLD, "district", d_code, d_short, KINDS[d_type.lower()], province)
        old_keys[f"{p_key}_{d_key}_{w_key or ''}"] = district
        if w_code:
            old_keys[f"{p_key}_{d_key}_{w_key}"] = unit(OLD, "commune", w_code, w_short, KINDS[w_type.lower()], district)
    new_keys: dict[str, Unit] = {}
    for p_code, p_full, p_short, p_key, w_code, w_short, w_type, w_key in db.execute(
            "SELECT provinceCode, province, provinceShort, provinceKey, wardCode, wardShort, wardType, wardKey "
            "FROM admin_units ORDER BY wardCode"):
        province = unit(NEW, "province", p_code, p_short, province_kind(p_full), None)
        new_keys.setdefault(p_key, province)
        new_keys[f"{p_key}|{w_key}"] = unit(NEW, "commune", w_code, w_short, KINDS[w_type.lower()], province)
    for new_p, olds in conv["DICT_PROVINCE"].items():
        for old_p in olds:
            old_keys[old_p].became.append(new_keys[new_p])
    for new_p, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old in olds:
                old_keys[old].became.append(new_keys[f"{new_p}|{new_w}"])
    for new_p, divided in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in divided.items():
            old_keys[old].whole = False
            old_keys[old].became += [new_keys[f"{new_p}|{p['newWardKey']}"] for p in parts]
    return units, old_keys, new_keys


def continuing(units: dict[tuple[str, str, str], Unit]) -> dict[int, Unit]:
    """2025 units that are an old unit of the same level and name, by id(): the province that
    absorbed others under its own name, the commune that kept its name."""
    same: dict[int, Unit] = {}
    for (structure, level, _), old in units.items():
        if structure != OLD or level == "district":
            continue
        for new in old.became:
            if new.name == old.name and new.level == old.level and id(new) not in same:
                same[id(new)] = old
                old.structures.append(NEW)
    return same


def _vi(unit: Unit) -> str:
    return FULL_VI.get(unit.name, unit.name) if unit.level == "province" else unit.name


def _en(unit: Unit) -> str:
    return EXONYMS.get(unit.name, strip_vietnamese_diacritics(unit.name)) if unit.level == "province" \
        else strip_vietnamese_diacritics(unit.name)


def build() -> Glossary:
    units, _, _ = read_units()
    same = continuing(units)
    kept = [u for u in units.values() if id(u) not in same and not any(ch.isdigit() for ch in u.name)]
    taken: set[str] = set()
    for u in kept:  # ids: readable, and stable as long as the codes are
        prefix = "vn" if u.structures[0] == OLD else "vn25"
        u.id = f"{prefix}-{u.level[0]}{u.code}-{slug(strip_vietnamese_diacritics(u.name))}"
        assert u.id not in taken, u.id
        taken.add(u.id)

    def resolved(u: Unit | None) -> Unit | None:
        return same.get(id(u), u) if u is not None else None

    twin = {id(old): new for new in units.values() if (old := same.get(id(new))) is not None}

    def province_2025(u: Unit) -> str:
        """The 2025 province a 2025 unit is in (a continuing unit: its 2025 twin's)."""
        new = twin.get(id(u), u)
        parent = resolved(new.parent)
        return _vi(parent) if parent is not None else ""

    absorbed: dict[int, list[Unit]] = defaultdict(list)  # a 2025 unit → the old units merged into it
    for o in units.values():
        for b in dict.fromkeys(resolved(b) for b in o.became):
            if b is not None and b is not o:
                absorbed[id(b)].append(o)
    order = {"province": 0, "district": 1, "commune": 2}
    kept.sort(key=lambda u: (u.structures[0] != OLD, order[u.level], u.code))
    concepts = []
    for u in kept:
        parent = resolved(u.parent)
        became = [b for b in dict.fromkeys(resolved(b) for b in u.became) if b is not None]
        note = ""
        if NEW not in u.structures and became:
            names = ", ".join(_vi(b) + (f" ({p})" if (p := province_2025(b)) else "") for b in became)
            note = f"{'merged into' if u.whole else 'divided among'} {names}, 2025"
        elif u.level == "province" and absorbed[id(u)]:
            note = f"2025: merged with {', '.join(o.name for o in absorbed[id(u)])}"
        elif NEW in u.structures and u.structures[0] == OLD and u.level != "province":
            old_province = u.parent.parent if u.parent is not None and u.parent.parent is not None else u.parent
            if old_province is not None and province_2025(u) != _vi(old_province):
                note = f"2025: in {province_2025(u)}"
        en, vi = _en(u), _vi(u)
        folded = strip_vietnamese_diacritics(vi)  # an exonym's en: the Vietnamese without diacritics is admitted
        terms = {"en": [Term(folded, "en", Status.ADMITTED)]} if en != folded else {}
        concepts.append(Concept(u.id, u.kind, en, vi, terms, note, parent=parent.id if parent is not None else "",
                                structure=", ".join(u.structures)))
    version = importlib.metadata.version("vietnamadminunits")
    header = (f"# The gazetteer layer: every Vietnamese administrative unit, before and after the July 2025\n"
              f"# reorganisation, generated by scripts/build_gazetteer.py from vietnamadminunits {version}.\n"
              f"# Do not edit: regenerate it; a curated glossary's concept of the same name wins over it.")
    return Glossary(concepts, name="vietnam-gazetteer", header=header)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    glossary = build()
    args.out.write_text(dump_gloss(glossary), encoding="utf-8")
    by_kind: dict[str, int] = defaultdict(int)
    for c in glossary:
        by_kind[c.kind] += 1
    print(f"{args.out}: {len(glossary)} concepts ({', '.join(f'{n} {k}' for k, n in sorted(by_kind.items()))})")


if __name__ == "__main__":
    main()
