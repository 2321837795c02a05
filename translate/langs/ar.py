"""Arabic."""

import re
import sqlite3
import unicodedata
from dataclasses import replace
from functools import lru_cache
from itertools import product
from pathlib import Path

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    Slot,
    unit_words_of,
)
from translate.langs.vi import Syllable, name_words, syllable

# Proclitics: a conjunction (و ف), then a preposition (ب ل ك) or لل (ل + article), then ال.
_PROCLITICS = re.compile(r"^[وف]?(?:[بكل]?(?:ال)?|لل)$")
# Spelling variants of transliterated names: "تش" and "ش" both render "ch".
_SPELLING = (("تش", "ش"),)
_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءة",
                     ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d",
                      "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "h"]))

_PROCLITIC_HEAD = re.compile(r"^[وف]?(?:[بكل]?(?:ال)|لل|[بكل])?")
_MAGHREB = frozenset({"DZ", "MA", "TN", "LY", "EH", "MR"})
_SYLLABLE_END = re.compile(r"(?<=[^\s][اوي])(?=[^\sاوي][^\s])")


def _syllables(name: str) -> list[str]:
    """A transliterated name cut after its long vowels ("هوشي منه" -> "هو", "شي", "منه")."""
    return [piece for word in name.split() for piece in _SYLLABLE_END.split(word)]

# Plurals of the nouns of a term, from Arramooz, an Arabic lexicon (21,735 singular nouns with
# their broken plural and whether they take the sound plurals), read from its SQLite file.
_NOUNS = ("select broken_plural, feminin_plural, masculin_plural, wordtype from nouns "
          "where (unvocalized = ? or normalized = ?) and number = 'مفرد'")
_TASHKEEL = re.compile("[\u064b-\u0652\u0670]")
_HAMZA_SEATS = str.maketrans("أإؤئ", "ءءءء")


@lru_cache(maxsize=1)
def _lexicon() -> sqlite3.Connection:
    import arramooz

    path = Path(arramooz.__file__).parent / "data" / "arabicdictionary.sqlite"
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=4096)
def noun_plurals(noun: str) -> frozenset[str]:
    """The plurals of an Arabic noun without the article: its broken plurals and the sound ones it
    takes (ـات, ـون/ـين), from the lexicon; a noun the lexicon lacks that ends in ة takes ـات."""
    rows = _lexicon().execute(_NOUNS, (noun, noun.translate(_HAMZA_SEATS))).fetchall()
    if any("فاعل" not in kind for *_, kind in rows):  # the noun (مكتب, office) over a participle
        rows = [r for r in rows if "فاعل" not in r[3]]
    stem = noun[:-1] if noun.endswith("ة") else noun
    out = {stem + "ات"} if not rows and noun.endswith("ة") else set()
    for broken, feminine, masculine, _ in rows:
        out |= {_TASHKEEL.sub("", p).removeprefix("ال") for p in (broken or "").split(";") if p.strip()}
        if feminine:
            out.add(stem + "ات")
        if masculine:
            out |= {noun + "ون", noun + "ين"}
    return frozenset(out - {noun})


def _plurals(term: str) -> set[str]:
    """The term with its head noun in the plural: the first word, and a noun after في, which
    agrees with it ("لجنة الحزب في منطقة" → "لجان الحزب في المناطق"). A genitive complement and
    adjectives keep their form (a non-human plural takes a feminine singular adjective:
    "اللجان الشعبية"). A plural head may take the article after في or at the start."""
    words = term.split()
    options = []
    for i, w in enumerate(words):
        head = i == 0 or words[i - 1] == "في"
        article = "ال" if w.startswith("ال") and len(w) > 4 else ""
        plurals = noun_plurals(w[len(article):]) if head else frozenset()
        if not plurals:
            options.append({w})
            continue
        forms = {w} | {article + p for p in plurals}
        forms |= {"ال" + f for f in forms if not f.startswith("ال")}
        options.append(forms)
    return {" ".join(parts) for parts in product(*options)}


def _accusative(term: str) -> set[str]:
    """The indefinite accusative of a term: its last word without the article takes the alef of
    the tanween ("قرار" → "قراراً", folded "قرارا"), unless it ends in ة, ى, ا or ء."""
    last = term.split()[-1] if term.split() else ""
    if not last or last.startswith("ال") or last[-1] in "ةىاء":
        return set()
    return {term + "ا"}


def _after_lam(proclitics: str, word: str) -> str:
    """``word`` after ``proclitics`` ending in the preposition ل: the article loses its alef, and
    its lam too before a lam ("ل" + "الهيئة" → "للهيئة", "ل" + "اللجنة" → "للجنة")."""
    if not word.startswith("ال"):
        return proclitics + word
    rest = word[2:]
    return proclitics + (rest if rest.startswith("ل") else "ل" + rest)


# --- Vietnamese names in Arabic ---------------------------------------------------------------------
# As machine translation writes them, syllable by syllable: ng → نغ, final nh → نه (نينه بينه), the
# vowels as long vowels (ا و ي), e/ê dropped before a final consonant (ين) and ي at the end (لي).
_VN_ONSET = {"b": "ب", "c": "ك", "k": "ك", "ch": "ش", "d": "د", "đ": "د", "g": "غ", "gh": "غ", "gi": "ج",
          "h": "ه", "kh": "خ", "l": "ل", "m": "م", "n": "ن", "ng": "نغ", "ngh": "نج", "nh": "ن", "p": "ب",
          "ph": "ف", "qu": "كو", "r": "ر", "s": "س", "t": "ت", "th": "ث", "tr": "تر", "v": "ف", "x": "ش",
          "kr": "كر", "bl": "بل", "pl": "بل", "dr": "در", "": ""}
_VN_CODA = {"": "", "c": "ك", "ch": "ك", "k": "ك", "m": "م", "n": "ن", "ng": "نغ", "nh": "نه", "p": "ب", "t": "ت"}
_VN_NUCLEUS = {
    "a": "ا", "ă": "ا", "â": "ا", "i": "ي", "y": "ي", "o": "و", "ô": "و", "ơ": "و", "u": "و", "ư": "و",
    "ai": "اي", "ay": "اي", "ây": "اي", "ao": "او", "au": "او", "âu": "او", "eo": "يو", "êu": "يو",
    "ia": "يا", "iu": "يو", "iê": "ي", "yê": "ي", "iêu": "يو", "yêu": "يو", "oa": "وا", "oă": "وا",
    "oai": "واي", "oay": "واي", "oe": "وي", "oo": "و", "oi": "وي", "ôi": "وي", "ơi": "وي", "ua": "وا",
    "uâ": "وا", "uây": "واي", "uê": "وي", "ui": "وي", "uô": "و", "uôi": "وي", "uơ": "و", "uy": "وي",
    "uya": "ويا", "uyê": "وي", "uyu": "ويو", "ưa": "وا", "ưi": "وي", "ươ": "و", "ươi": "وي", "ươu": "و",
    "ưu": "و",
}
# Names with an established Arabic form, by their Vietnamese spelling.
_VN_EXONYMS = {"hà nội": "هانوي", "việt nam": "فيتنام", "hồ chí minh": "هو تشي منه", "sài gòn": "سايغون",
            "thành phố hồ chí minh": "مدينة هو تشي منه"}


def _vn_syllable(s: Syllable) -> str:
    if s.vowel in ("e", "ê"):
        v = "" if s.coda else "ي"
    else:
        v = _VN_NUCLEUS.get(s.vowel) or "".join(_VN_NUCLEUS.get(c, "") for c in s.vowel)
    if s.onset == "gi" and not v.startswith("ي"):
        v = "ي" + v  # Giang → جيانغ
    if s.onset == "qu" and v.startswith("و"):
        v = v[1:]
    if not s.onset:  # a syllable that starts with a vowel carries an alef
        if s.vowel[0] in "aăâ":
            v = "آ" + v[1:]
        elif s.vowel[0] in "oôơuư":
            v = "أ" + v
        elif s.vowel[0] in "iyeê" and s.vowel not in ("iê", "yê", "ia"):
            v = "إ" + (v if v.startswith("ي") else "ي" + v)
    return _VN_ONSET[s.onset] + v + _VN_CODA[s.coda]


def vietnamese_name(vi: str) -> str:
    """A Vietnamese name in Arabic script, a word per syllable."""
    exonym = _VN_EXONYMS.get(unicodedata.normalize("NFC", vi).strip().lower())
    if exonym is not None:
        return exonym
    return " ".join(_vn_syllable(p) if (p := syllable(w)) else w for w in name_words(vi))


class Arabic(Language):
    code = "ar"
    name = "Arabic"
    script = "Arabic"
    cased = False
    unit_words = unit_words_of(province="مقاطعه محافظه ولايه", city="مدينه مدن", district="منطقه مناطق ناحيه",
                               town="بلده", commune="بلديه بلديات قريه", ward="حي احياء")
    segmentation = Segmentation(
        abbreviations=frozenset({"د", "أ", "أ.د", "ص", "ج", "ت"}),  # "م." (year or engineer) may end a sentence
    )
    detection = Detection(
        stop_words=frozenset("أن إن أو إلى التي الذي بين ثم حتى ذلك على عن في قد كان كما كل لا لم لكن ما مع من هذا هذه هي".split()),
    )
    numbers = NumberFormat(
        # No region: "1.5" and "1,5" are both read by their shape (a lone separator before three
        # digits groups thousands); the Arabic separators ٫ ٬ are unambiguous anyway.
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

    def number_format(self, region: str | None = None) -> NumberFormat:
        """The Maghreb writes "1,5" and "1.000" (CLDR: ar-DZ, ar-MA, ar-TN, ar-LY, ar-EH, ar-MR),
        the other Arabic regions "1.5" and "1,000"; without a region, numbers are read by shape."""
        if region is None:
            return self.numbers
        if region in _MAGHREB:
            return replace(self.numbers, decimal_mark=",", group_marks=". \u00a0\u202f")
        return replace(self.numbers, decimal_mark=".", group_marks=",")

    camel_boundary = False
    # Alef, ya and ta marbuta variants ("أ إ آ ٱ" -> "ا", "ى" -> "ي", "ة" -> "ه"); hamza seats
    # and diacritics go with the combining marks, tatweel with the format characters.
    extra_folds = {"ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ۀ": "ه"}

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """The term, its spelling and spacing variants, and its first word without the article.

        Names may be written with or without the spaces between their syllables ("هوشي منه" /
        "هو تشي منه"); a common term also in the plural and the indefinite accusative; a term's
        article drops after the proclitic ل ("للجنة").
        """
        slots = self.slots(term, name=name)
        inflected = {form for slot, form in slots if slot.name.removeprefix("bare_")}
        return [(term, "exact")] + [(v, "inflected" if v in inflected else "folded")
                                    for v in sorted({form for _, form in slots} - {term})]

    def slots(self, term: str, *, name: bool) -> list[tuple[Slot, str]]:
        """A name in one slot, whatever its spelling; a common term in the singular (""),
        the plural ("pl") and the indefinite accusative ("acc"); each without its article after
        the proclitic ل ("bare_" slots: "للجنة" is ل + لجنة)."""
        out = [(Slot(), term)]
        if name:
            spellings = {term}
            for a, b in _SPELLING:
                plain = term.replace(a, b)
                spellings |= {plain, plain.replace(b, a)}
            for v in list(spellings):
                syllables = _syllables(v)
                if len(syllables) > 7:
                    continue
                for joins in product(("", " "), repeat=len(syllables) - 1):
                    spellings.add(syllables[0] + "".join(j + w for j, w in zip(joins, syllables[1:])))
            out += [(Slot(), v) for v in sorted(spellings - {term})]  # one slot: each spelling becomes the term's
        else:
            out += [(Slot("pl", i), v) for i, v in enumerate(sorted(_plurals(term) - {term}))]
            out += [(Slot("acc"), v) for v in sorted(_accusative(term))]
        return out + [(Slot("bare_" + slot.name, slot.variant), v[2:]) for slot, v in out
                      if v.startswith("ال") and len(v) > 4]

    def rewrite(self, before: str, surface: str, term: str, preferred: str, *, name: bool) -> list[str]:
        """The proclitic ل and the article merge: ل + الهيئة is written للهيئة, ل + اللجنة للجنة. A
        surface without the article after such a ل is the term with it, and the preferred form
        takes it the same way ("للجنة" → "للهيئة")."""
        merged = term.startswith("ال") and (before.endswith("لل") or before.endswith("ل") and surface.startswith("ل"))
        if not merged or self.fold_term("ال" + surface) not in {self.fold_term(f) for _, f in self.slots(term, name=name)}:
            return super().rewrite(before, surface, term, preferred, name=name)
        proclitics = before[:-1] if before.endswith("لل") else before
        return [_after_lam(proclitics, form) for form in self.inflect_like("ال" + surface, term, preferred, name=name)]

    def unit_word(self, word: str) -> frozenset[str]:
        """A unit word with its proclitics and article ("بالمنطقة", "ومقاطعة")."""
        folded = _PROCLITIC_HEAD.sub("", self.fold_term(word))
        return frozenset().union(*(kinds for stem, kinds in self.unit_words.items() if folded.startswith(stem)))

    def prefix_ok(self, prefix: str) -> bool:
        """و ف ب ل ك and ال and their combinations ("ولجنة", "بنينه", "وبال")."""
        return bool(_PROCLITICS.match(prefix))

    def render_vietnamese(self, vi: str, *, place: bool) -> list[str]:
        """The phonetic spelling machine translation writes (هاي دونغ، نينه بينه)."""
        return [vietnamese_name(vi)]

    def transliterate(self, text: str) -> str:
        """A rough Latin rendering (consonant skeleton plus long vowels)."""
        return "".join(_TRANSLIT.get(ch, ch) for ch in self.fold_term(text))


LANGUAGE = Arabic()
