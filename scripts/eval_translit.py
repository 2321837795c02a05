"""How many of the curated glossary's uk and ar renderings of Vietnamese names the language modules reproduce.

For every Vietnamese-name concept of the curated glossary (places, persons, companies,
newspapers, movements) with terms in uk or ar, the renderings ``Language.render_vietnamese``
makes from its vi form are compared with the terms a person listed: exactly (NFC), and ignoring
spaces and case. Development data: the rules were written with these terms in view.

    python scripts/eval_translit.py [--glossary PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from translate.glossary import Status, load_glossary  # noqa: E402
from translate.glossary.kinds import is_place, is_vietnamese_name  # noqa: E402
from translate.langs import get_language  # noqa: E402


def _loose(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glossary", type=Path, default=None)
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    args = ap.parse_args()
    glossary = load_glossary(args.glossary)
    print("development (the rules were written with these terms in view)")
    print(f"{'lang':<5}{'terms':>7}{'exact':>7}{'loose':>7}   of which preferred: {'terms':>5}{'exact':>7}")
    for lang in ("uk", "ar"):
        language = get_language(lang)
        rows = []
        for c in glossary:
            if not is_vietnamese_name(c.kind) or not c.vi:
                continue
            made = language.render_vietnamese(c.vi, place=is_place(c.kind))
            for t in c.terms.get(lang, []):
                exact = any(unicodedata.normalize("NFC", m) == unicodedata.normalize("NFC", t.text) for m in made)
                loose = any(_loose(m) == _loose(t.text) for m in made)
                rows.append((c, t, made, exact, loose))
                if args.verbose and not exact:
                    print(f"  {lang} {c.vi!r}: listed {t.text!r} ({t.status.value}), made {made}")
        preferred = [r for r in rows if r[1].status is Status.PREFERRED]
        print(f"{lang:<5}{len(rows):>7}{sum(r[3] for r in rows):>7}{sum(r[4] for r in rows):>7}"
              f"   {'':>20}{len(preferred):>5}{sum(r[3] for r in preferred):>7}")


if __name__ == "__main__":
    main()
