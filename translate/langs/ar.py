"""Arabic."""

import re
from itertools import product

from translate.langs.base import Detection, Language, NumberFormat, Segmentation

# Proclitics: a conjunction (و ف), then a preposition (ب ل ك) or لل (ل + article), then ال.
_PROCLITICS = re.compile(r"^[وف]?(?:[بكل]?(?:ال)?|لل)$")
# Spelling variants of transliterated names: "تش" and "ش" both render "ch".
_SPELLING = (("تش", "ش"),)
_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءة",
                     ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d",
                      "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "h"]))

_SYLLABLE_END = re.compile(r"(?<=[^\s][اوي])(?=[^\sاوي][^\s])")


def _syllables(name: str) -> list[str]:
    """A transliterated name cut after its long vowels ("هوشي منه" -> "هو", "شي", "منه")."""
    return [piece for word in name.split() for piece in _SYLLABLE_END.split(word)]

# Broken plurals of the nouns of Party terms ("لجان الحزب في المناطق" for District Party
# Committees); a noun after في may also take the article.
_PLURALS = {"لجنة": "لجان", "منطقة": "مناطق", "مدينة": "مدن", "قرار": "قرارات", "خلية": "خلايا"}


def _plurals(term: str) -> set[str]:
    words = term.split()
    options = []
    for i, w in enumerate(words):
        bare = w[2:] if w.startswith("ال") else w
        if bare in _PLURALS:
            forms = {w, _PLURALS[bare]} if w == bare else {w, "ال" + _PLURALS[bare]}
            if i and words[i - 1] == "في" or i == 0:
                forms |= {"ال" + f for f in forms if not f.startswith("ال")}
            options.append(forms)
        else:
            options.append({w})
    return {" ".join(parts) for parts in product(*options)}


class Arabic(Language):
    code = "ar"
    name = "Arabic"
    script = "Arabic"
    cased = False
    segmentation = Segmentation(
        abbreviations=frozenset({"د", "أ", "أ.د", "ص", "ج", "ت"}),  # "م." (year or engineer) may end a sentence
    )
    detection = Detection(
        stop_words=frozenset("أن إلى التي الذي بين ذلك على عن في قد كان لم ما مع من هذا هذه".split()),
    )
    numbers = NumberFormat(
        decimal_mark=".",  # as the seeds write numbers; the Arabic separators ٫ ٬ are unambiguous
        group_marks=",",
        scales={
            **dict.fromkeys(("تريليون", "تريليونات"), 10**12),
            **dict.fromkeys(("مليار", "مليارات", "ملياري", "بليون"), 10**9),
            **dict.fromkeys(("مليون", "ملايين", "مليوني"), 10**6),
            **dict.fromkeys(("ألف", "آلاف", "ألفا", "الف", "الاف"), 10**3),
        },
        percent_words=frozenset({"بالمئة", "بالمائة", "بالمية"}),
        month_names={m: i for i, ms in enumerate((
            ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "نيسان"),
            ("مايو", "أيار"), ("يونيو", "حزيران"), ("يوليو", "تموز"), ("أغسطس", "آب"),
            ("سبتمبر", "أيلول"), ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"),
            ("ديسمبر", "كانون الأول")), 1) for m in ms},
        currency_stems={"دونغ": "VND", "دولار": "USD", "يورو": "EUR"},
    )

    camel_boundary = False
    # The alef that carries the accusative tanween ("قراراً") follows the word it ends.
    suffix_clitics = ("ا",)
    # Alef, ya and ta marbuta variants ("أ إ آ ٱ" -> "ا", "ى" -> "ي", "ة" -> "ه"); hamza seats
    # and diacritics go with the combining marks, tatweel with the format characters.
    extra_folds = {"ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ۀ": "ه"}

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """The term, its spelling and spacing variants, and its first word without the article.

        Names may be written with or without the spaces between their syllables ("هوشي منه" /
        "هو تشي منه"); a term's article drops after the proclitic ل ("للجنة").
        """
        variants = {term}
        if name:
            for a, b in _SPELLING:
                plain = term.replace(a, b)
                variants |= {plain, plain.replace(b, a)}
            for v in list(variants):
                syllables = _syllables(v)
                if len(syllables) > 7:
                    continue
                for joins in product(("", " "), repeat=len(syllables) - 1):
                    variants.add(syllables[0] + "".join(j + w for j, w in zip(joins, syllables[1:])))
        plurals = _plurals(term) - {term} if not name else set()
        variants |= plurals
        for v in list(variants):
            if v.startswith("ال") and len(v) > 4:
                variants.add(v[2:])
        return [(term, "exact")] + [(v, "inflected" if v in plurals or v[2:] in plurals else "folded")
                                    for v in sorted(variants - {term})]

    def prefix_ok(self, prefix: str) -> bool:
        """و ف ب ل ك and ال and their combinations ("ولجنة", "بنينه", "وبال")."""
        return bool(_PROCLITICS.match(prefix))

    def transliterate(self, text: str) -> str:
        """A rough Latin rendering (consonant skeleton plus long vowels)."""
        return "".join(_TRANSLIT.get(ch, ch) for ch in self.fold_term(text))


LANGUAGE = Arabic()
