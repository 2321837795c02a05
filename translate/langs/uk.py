"""Ukrainian."""

import unicodedata
from functools import lru_cache
from itertools import product
from typing import Any

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    Slot,
    unit_words_of,
)
from translate.langs.vi import Syllable, name_words, syllable

# Endings of foreign names (masculine, 2nd declension) by grammatical slot; the locative
# "і" alternates the stem's final г/к/х to з/ц/с ("Хайзионг" -> "Хайзионзі").
_HARD = {
    "gen": ("а", "у"), "dat": ("ові", "у"), "acc": ("", "а"), "ins": ("ом", "ем"),
    "loc": ("ALT", "ові", "у"), "voc": ("е", "у"),
    "pl_nom": ("и",), "pl_gen": ("ів",), "pl_dat": ("ам",), "pl_ins": ("ами",), "pl_loc": ("ах",),
}
_SOFT = {  # stems in -ь: "Бінь" -> "Біня", "Бінем", "Біні"
    "gen": ("я", "ю"), "dat": ("еві", "ю"), "acc": ("", "я"), "ins": ("ем",),
    "loc": ("і", "еві", "ю"), "voc": ("ю", "е"),
    "pl_nom": ("і",), "pl_gen": ("ів",), "pl_dat": ("ям",), "pl_ins": ("ями",), "pl_loc": ("ях",),
}
_J = {  # stems in -й: "Кхой" -> "Кхоя", "Кхоєм", "Кхої"
    "gen": ("я", "ю"), "dat": ("єві", "ю"), "acc": ("", "я"), "ins": ("єм",),
    "loc": ("ї", "єві", "ю"), "voc": ("ю",),
    "pl_nom": ("ї",), "pl_gen": ("їв",), "pl_dat": ("ям",), "pl_ins": ("ями",), "pl_loc": ("ях",),
}
SLOTS = ("nom",) + tuple(_HARD)
_ALTERNATION = {"г": "з", "к": "ц", "х": "с"}
_CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")
_TRANSLIT = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k",
                      "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                      "shch", "", "iu", "ia", ""]))


def name_word_forms(word: str) -> dict[str, tuple[str, ...]]:
    """Forms of one word of a foreign name by slot, in the order of the endings; vowel-final words
    do not decline."""
    last = word[-1:].lower()
    if last == "ь":
        table, stem = _SOFT, word[:-1]
    elif last == "й":
        table, stem = _J, word[:-1]
    elif last in _CONSONANTS:
        table, stem = _HARD, word
    else:
        return {slot: (word,) for slot in SLOTS}
    slots: dict[str, tuple[str, ...]] = {"nom": (word,)}
    for slot, endings in table.items():
        forms = []
        for ending in endings:
            if ending == "ALT":
                alt = _ALTERNATION.get(last)
                forms.append((stem[:-1] + alt if alt else stem) + ("і" if not stem[-1].isupper() else "І"))
            else:
                forms.append(stem + ending)
        slots[slot] = tuple(dict.fromkeys(forms))
    return slots


EVERY_WORD = 100  # the variants of a name whose every word declines follow those of its last word only


def name_slots(name: str) -> list[tuple[Slot, str]]:
    """Forms of a multiword foreign name by slot: only the last word declines (variants 0, 1, ...
    by ending), or every word does (variants from ``EVERY_WORD``)."""
    words = name.split()
    per_word = [name_word_forms(w) for w in words]
    out = [(Slot("nom"), name)]
    for slot in SLOTS:
        last_only = [(w,) for w in words[:-1]] + [per_word[-1][slot]]
        every = [pw[slot] for pw in per_word]
        for first, combo in ((0, last_only), (EVERY_WORD, every)):
            out += [(Slot(slot, first + i), " ".join(parts)) for i, parts in enumerate(product(*combo))]
    return out


def decline_name(name: str) -> set[str]:
    """Forms of a multiword foreign name: only the last word declines, or every word does."""
    return {form for _, form in name_slots(name)}


@lru_cache(maxsize=1)
def _morph() -> Any:  # pymorphy3.MorphAnalyzer, loaded on first use
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


def phrase_slots(phrase: str) -> list[tuple[Slot, str]]:
    """Forms of a noun phrase by case and number ("gent", "plur_gent"), adjectives agreeing with
    their noun; the phrase itself first.

    The declining head is the leading adjectives and the first noun ("Народний комітет");
    what follows stays as it is ("рух | наслідування", "Постійний комітет | провінційної партії").
    """
    morph = _morph()
    words = phrase.split()
    head: list = []
    for i, word in enumerate(words):
        parses = [p for p in morph.parse(word.lower())
                  if p.is_known and p.tag.case in ("nomn", None) and p.tag.POS in ("NOUN", "ADJF")]
        adj = next((p for p in parses if p.tag.POS == "ADJF"), None)
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        if adj is not None and (noun is None or i + 1 < len(words)):
            head.append(adj)
            continue
        if noun is not None:
            head.append(noun)
        break
    out = [(Slot("nomn"), phrase)]
    if not head or head[-1].tag.POS != "NOUN":
        return out
    noun = head[-1]
    gender = noun.tag.gender or noun.normalized.tag.gender or "masc"
    tail = tuple(words[len(head):])
    for case in _CASES:
        # the locative also takes the dative's endings ("комітетові", "центральному")
        cases = (case, "datv") if case == "loct" else (case,)
        for number, prefix in ((gender, ""), ("plur", "plur_")):
            options = []
            for parse, original in zip(head, words):
                found = dict.fromkeys(f.word for c in cases if (f := parse.inflect({c, number})) is not None)
                options.append([_cased_like(w, original) for w in found])
            if all(options):
                out += [(Slot(prefix + case, i), " ".join(parts + tail)) for i, parts in enumerate(product(*options))]
    return out


def _cased_like(word: str, original: str) -> str:
    """pymorphy3's lower-case form with the capital of the word it inflects ("Народний" → "Народного")."""
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def decline_phrase(phrase: str) -> set[str]:
    """Forms of a noun phrase in every case and number, adjectives agreeing with their noun."""
    return {form for _, form in phrase_slots(phrase)}


# --- Vietnamese names in Ukrainian ----------------------------------------------------------------
# The practical transcription (the Soviet 1973 rules, as Russian writes them, in Ukrainian letters:
# Russian ы, и, э are и, і, е): d, gi → з; đ → д; ư → и; final -nh → нь; tones dropped. A place is
# written as one word (Хайзионг), a person syllable by syllable (Ле Дик Тхо). Machine translation
# also reads the Latin spelling letter by letter (Хай Дуонг): admitted.
_VN_ONSET = {"b": "б", "c": "к", "k": "к", "ch": "ть", "d": "з", "đ": "д", "g": "г", "gh": "г", "gi": "зь",
          "h": "х", "kh": "кх", "l": "л", "m": "м", "n": "н", "ng": "нг", "ngh": "нг", "nh": "нь", "p": "п",
          "ph": "ф", "qu": "ку", "r": "р", "s": "ш", "t": "т", "th": "тх", "tr": "ч", "v": "в", "x": "с",
          "kr": "кр", "bl": "бл", "pl": "пл", "dr": "др", "": ""}
_VN_CODA = {"": "", "c": "к", "ch": "ть", "k": "к", "m": "м", "n": "н", "ng": "нг", "nh": "нь", "p": "п", "t": "т"}
_VN_LABIAL = {"b", "m", "p", "ph", "v"}
_VN_IE_HARD = {"th", "kh", "ng", "ngh", "tr", "s"}  # iê → іє after these (Тхієу, Чієт), else ьє / 'є
_VN_SOFT = {"ch", "nh", "gi"}
_VN_NUCLEUS = {
    "a": "а", "ă": "а", "â": "а", "e": "е", "ê": "е", "i": "і", "y": "і", "o": "о", "ô": "о", "ơ": "о",
    "u": "у", "ư": "и", "ai": "ай", "ay": "ай", "ây": "ай", "ao": "ао", "au": "ау", "âu": "ау", "eo": "ео",
    "êu": "еу", "ia": "іа", "iu": "іу", "iê": "IE", "yê": "IE", "iêu": "IEу", "yêu": "IEу", "oa": "оа",
    "oă": "оа", "oai": "оай", "oay": "оай", "oe": "ое", "oo": "о", "oi": "ой", "ôi": "ой", "ơi": "ой",
    "ua": "уа", "uâ": "уа", "uây": "уей", "uê": "уе", "ui": "уй", "uô": "уо", "uôi": "уой", "uơ": "уо",
    "uy": "UY", "uya": "уя", "uyê": "ує", "uyu": "уйу", "ưa": "иа", "ưi": "ий", "ươ": "ио", "ươi": "иой",
    "ươu": "иоу", "ưu": "иу",
}
_VN_PALATAL = {"а": "я", "у": "ю"}  # after a soft consonant: тя, ню (ть + а, нь + у)
# The letter-by-letter reading of the Latin spelling.
_VN_READ_ONSET = dict(_VN_ONSET, ch="ч", d="д", gi="г", s="с", tr="тр")
_VN_READ_VOWEL = {"a": "а", "ă": "а", "â": "а", "e": "е", "ê": "е", "i": "і", "y": "и", "o": "о", "ô": "о",
               "ơ": "о", "u": "у", "ư": "у"}
_VN_READ_CODA = dict(_VN_CODA, ch="ч")
_VN_CYRILLIC_VOWELS = set("аеєиіїоуюя")
# Names with an established Ukrainian form the rules do not give, by their Vietnamese spelling.
_VN_EXONYMS = {"hồ chí minh": ("Хошимін", "Хо Ши Мін"), "hải phòng": ("Хайфон", "Хайфон"),
            "huế": ("Хюе", "Хюе"), "sài gòn": ("Сайгон", "Сайгон"),
            "thành phố hồ chí minh": ("Хошимін", "Хошимін")}  # (as a place, as a person)


def _vn_practical(s: Syllable) -> str:
    v = _VN_NUCLEUS.get(s.vowel) or "".join(_VN_NUCLEUS.get(ch, ch) for ch in s.vowel)
    if s.vowel == "ây" and s.onset == "t":
        v = "ей"  # Тей Нінь
    if s.onset == "qu":  # qu + y/i → куї, qu + yê → кує
        v = {"y": "ї", "i": "ї", "yê": "є", "ê": "е", "yêu": "єу"}.get(s.vowel, v)
    v = v.replace("UY", "уї" if s.onset in ("", "qu") else "юї")
    if "IE" in v:
        ie = ("є" if not s.onset else "ьє" if s.onset in _VN_SOFT else "'є" if s.onset in _VN_LABIAL
              else "іє" if s.onset in _VN_IE_HARD else "ьє")
        v = v.replace("IE", ie)
    onset = _VN_ONSET[s.onset]
    if onset.endswith("ь") and v[:1] in _VN_PALATAL:
        onset, v = onset[:-1], _VN_PALATAL[v[0]] + v[1:]
    elif onset.endswith("ь") and v.startswith("ь"):
        onset = onset[:-1]
    if s.onset == "ch" and s.vowel.startswith("ư"):
        onset = "т"  # ти, not ти with a soft sign
    return onset + v + _VN_CODA[s.coda]


def _vn_reading(s: Syllable) -> str:
    vowel = "i" + s.vowel if s.onset == "gi" and not s.vowel.startswith("i") else s.vowel
    out = []
    for i, ch in enumerate(vowel):
        prev = vowel[i - 1] if i else ""
        if ch in "iy" and prev and prev not in "iy" and i == len(vowel) - 1:
            out.append("ї" if prev in "uư" and ch == "y" else "й")  # ai, oi → ай, ой; uy → уї
        elif ch in "eê" and prev in ("i", "y"):
            out.append("є")  # iê → іє
        elif ch == "a" and prev == "i":
            out.append("я")
        elif ch == "u" and prev == "i":
            out.append("ю")
        else:
            out.append(_VN_READ_VOWEL[ch])
    v = "".join(out).replace("иє", "є").replace("уиє", "ує").replace("уиї", "уї")
    if s.vowel.startswith("yê") and v.startswith("є"):
        v = "є" + v[1:]
    onset = _VN_READ_ONSET[s.onset]
    if onset.endswith("ь") and v[:1] in _VN_PALATAL:
        onset, v = onset[:-1], _VN_PALATAL[v[0]] + v[1:]
    return onset + v + _VN_READ_CODA[s.coda]


def _vn_join_place(parts: list[str]) -> str:
    """Syllables written as one word: an apostrophe before є, я, ю after a consonant (Хинг'єн), ї for і
    after a vowel (Фуїк)."""
    out = ""
    for p in parts:
        if out and p:
            if p[0] in "єяюї" and out[-1] not in _VN_CYRILLIC_VOWELS and out[-1] not in "ьй'":
                p = "'" + p
            elif p[0] == "і" and out[-1] in _VN_CYRILLIC_VOWELS:
                p = "ї" + p[1:]
        out += p
    return _vn_capital(out)


def _vn_capital(word: str) -> str:
    return word if word.startswith("'") else word[:1].upper() + word[1:]


def vietnamese_name(vi: str, *, place: bool) -> list[str]:
    """A Vietnamese name in Ukrainian: the practical transcription, then the letter-by-letter reading."""
    exonym = _VN_EXONYMS.get(unicodedata.normalize("NFC", vi).strip().lower())
    words = name_words(vi)
    parsed = [syllable(w) for w in words]
    reading = " ".join(_vn_capital(_vn_reading(p)) if p else w for p, w in zip(parsed, words))
    if exonym is not None:
        practical = exonym[0] if place else exonym[1]
    else:
        parts = [_vn_practical(p) if p else w for p, w in zip(parsed, words)]
        practical = _vn_join_place(parts) if place else " ".join(_vn_capital(p) for p in parts)
    return list(dict.fromkeys((practical, reading)))


class Ukrainian(Language):
    code = "uk"
    name = "Ukrainian"
    script = "Cyrillic"
    unit_words = unit_words_of(province="провінці област", city="міст", district="район окру повіт", town="селищ",
                               commune="комун громад сел", ward="квартал", zone="зон")
    segmentation = Segmentation(
        abbreviations=frozenset({
            "р", "рр", "ст", "м", "с", "смт", "вул", "просп", "пл", "обл", "ім", "див", "напр", "т.зв",
            "т.ч", "тис", "млн", "млрд", "проф", "акад", "доц", "канд", "п", "пп", "ч", "гл", "т", "ред",
        }),  # lower-cased, without the final "."; "т.д." and "ін." may end a sentence, so they are not here
    )
    detection = Detection(
        telltale_letters="іїєґ",
        stop_words=frozenset("а але в від для до з за й на не по та також у це що щодо як який які є і із".split()),
    )
    numbers = NumberFormat(
        decimal_mark=",",
        group_marks=" \u00a0\u202f",
        scales={
            **dict.fromkeys(("трильйон", "трильйона", "трильйони", "трильйонів", "трлн"), 10**12),
            **dict.fromkeys(("мільярд", "мільярда", "мільярди", "мільярдів", "млрд"), 10**9),
            **dict.fromkeys(("мільйон", "мільйона", "мільйони", "мільйонів", "млн"), 10**6),
            **dict.fromkeys(("тисяча", "тисячі", "тисяч", "тис"), 10**3),
        },
        percent_words=frozenset({"відсоток", "відсотка", "відсотки", "відсотків", "відсотках"}),
        month_names={m: i for i, ms in enumerate((
            ("січня", "січень"), ("лютого", "лютий"), ("березня", "березень"), ("квітня", "квітень"),
            ("травня", "травень"), ("червня", "червень"), ("липня", "липень"), ("серпня", "серпень"),
            ("вересня", "вересень"), ("жовтня", "жовтень"), ("листопада", "листопад"),
            ("грудня", "грудень")), 1) for m in ms},
        currency_stems={"донг": "VND", "долар": "USD", "гривн": "UAH", "євро": "EUR", "грн": "UAH"},
    )

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """Names decline by rule, party terms through pymorphy3's Ukrainian dictionary."""
        return self.with_inflected(term, decline_name(term) if name else decline_phrase(term))

    def slots(self, term: str, *, name: bool) -> list[tuple[Slot, str]]:
        """Names by the rule's endings, party terms by pymorphy3's cases and numbers."""
        return name_slots(term) if name else phrase_slots(term)

    def render_vietnamese(self, vi: str, *, place: bool) -> list[str]:
        """The practical transcription (Хайзионг; Ле Дик Тхо), then the letter reading (Хай Дуонг)."""
        return vietnamese_name(vi, place=place)

    def transliterate(self, text: str) -> str:
        """Latin rendering (Ukrainian national transliteration, simplified)."""
        folded = text.lower().replace("’", "'").replace("ʼ", "'")
        return "".join(_TRANSLIT.get(ch, ch) for ch in folded)


LANGUAGE = Ukrainian()
