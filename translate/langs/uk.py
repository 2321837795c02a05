"""Ukrainian."""

from functools import lru_cache
from itertools import product
from typing import Any

from translate.langs.base import Detection, Language, NumberFormat, Segmentation

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


def name_word_forms(word: str) -> dict[str, set[str]]:
    """Forms of one word of a foreign name by slot; vowel-final words do not decline."""
    last = word[-1:].lower()
    if last == "ь":
        table, stem = _SOFT, word[:-1]
    elif last == "й":
        table, stem = _J, word[:-1]
    elif last in _CONSONANTS:
        table, stem = _HARD, word
    else:
        return {slot: {word} for slot in SLOTS}
    slots: dict[str, set[str]] = {"nom": {word}}
    for slot, endings in table.items():
        forms = set()
        for ending in endings:
            if ending == "ALT":
                alt = _ALTERNATION.get(last)
                forms.add((stem[:-1] + alt if alt else stem) + ("і" if not stem[-1].isupper() else "І"))
            else:
                forms.add(stem + ending)
        slots[slot] = forms
    return slots


def decline_name(name: str) -> set[str]:
    """Forms of a multiword foreign name: only the last word declines, or every word does."""
    words = name.split()
    per_word = [name_word_forms(w) for w in words]
    forms = {name}
    for slot in SLOTS:
        last_only = [{w} for w in words[:-1]] + [per_word[-1][slot]]
        every = [pw[slot] for pw in per_word]
        for combo in (last_only, every):
            forms.update(" ".join(parts) for parts in product(*combo))
    return forms


@lru_cache(maxsize=1)
def _morph() -> Any:  # pymorphy3.MorphAnalyzer, loaded on first use
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


def decline_phrase(phrase: str) -> set[str]:
    """Forms of a noun phrase in every case and number, adjectives agreeing with their noun.

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
    if not head or head[-1].tag.POS != "NOUN":
        return {phrase}
    noun = head[-1]
    gender = noun.tag.gender or noun.normalized.tag.gender or "masc"
    tail = words[len(head):]
    forms = {phrase}
    for case in _CASES:
        # the locative also takes the dative's endings ("комітетові", "центральному")
        cases = (case, "datv") if case == "loct" else (case,)
        for number in (gender, "plur"):
            options = []
            for parse in head:
                found = {f.word for c in cases if (f := parse.inflect({c, number})) is not None}
                options.append(found)
            if all(options):
                forms.update(" ".join(parts + tuple(tail)) for parts in product(*options))
    return forms


class Ukrainian(Language):
    code = "uk"
    name = "Ukrainian"
    script = "Cyrillic"
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

    def transliterate(self, text: str) -> str:
        """Latin rendering (Ukrainian national transliteration, simplified)."""
        folded = text.lower().replace("’", "'").replace("ʼ", "'")
        return "".join(_TRANSLIT.get(ch, ch) for ch in folded)


LANGUAGE = Ukrainian()
