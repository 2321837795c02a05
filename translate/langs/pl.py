"""Polish."""

import re
from itertools import product

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    Slot,
    unit_words_of,
)

_VOWELS = set("aeiouyąęó")
# Endings a Vietnamese name element takes in Polish ("Vinha", "Nguyenem", "Dungowi", "Vinhu").
_NAME_ENDINGS = ("a", "u", "owi", "em", "ie", "e", "y", "i", "ów", "om", "ami", "ach", "owie")
# Frozen words: genitive complements that do not decline with the phrase's head.
_FROZEN = ("ego", "ej", "ii", "ji", "ych", "ich", "ów", "u")
# A genitive in -i/-y (organizacji, partii, rady) is singular or plural; a plural genitive
# adjective after it (-ych/-ich) makes it plural; a genitive plural noun in -ów/-i/-y after that
# adjective would take the adjective instead.
_SG_OR_PL_GENITIVE = ("i", "y")
_GEN_PL_ADJ = ("ych", "ich")
_GEN_PL_NOUN = ("ów", "i", "y")
_NEXT_WORDS = re.compile(r"\s+(\w+)(?:\s+(\w+))?")
# Adjective endings by slot and gender (hard stems; soft k/g stems take "i" for "y").
_ADJ = {
    "m": {"nom": "y", "gen": "ego", "dat": "emu", "acc": "y|ego", "ins": "ym", "loc": "ym"},
    "f": {"nom": "a", "gen": "ej", "dat": "ej", "acc": "ą", "ins": "ą", "loc": "ej"},
    "n": {"nom": "e", "gen": "ego", "dat": "emu", "acc": "e", "ins": "ym", "loc": "ym"},
}
_ADJ_PL = {"pl_nom": "e|i", "pl_gen": "ych", "pl_dat": "ym", "pl_ins": "ymi", "pl_loc": "ych"}
# Consonant softening before the locative/dative "-e" ("Komitet" -> "Komitecie", "Rada" -> "Radzie").
_SOFTEN = (("st", "ście"), ("ch", "sze"), ("t", "cie"), ("d", "dzie"), ("r", "rze"), ("ł", "le"),
           ("k", "ce"), ("g", "dze"), ("s", "sie"), ("z", "zie"), ("n", "nie"), ("m", "mie"),
           ("w", "wie"), ("p", "pie"), ("b", "bie"), ("f", "fie"), ("j", "ji"), ("l", "li"))


def _soften(stem: str, feminine: bool) -> str:
    for tail, rep in _SOFTEN:
        if stem.endswith(tail):
            if not feminine and tail in ("k", "g"):
                return stem + "u"  # masculine -k/-g: locative in -u ("dystryktu" is -t: "dystrykcie")
            return stem[: -len(tail)] + rep
    return stem + "e"


def _noun_slots(word: str) -> dict[str, tuple[str, ...]]:
    """Forms of a common noun by slot, from its nominative singular ending, the commoner first."""
    w = word
    if w.endswith("a"):  # feminine: komórka, organizacja, Rada, Rezolucja, rzeka
        st = w[:-1]
        soft = st[-1:] in ("k", "g", "j", "l")
        gen = (st + ("i" if soft else "y"),)
        pl_gen = (st[:-1] + "ek",) if st.endswith("k") else (st + "i",) if st.endswith("j") else (st,)
        return {"nom": (w,), "gen": gen, "dat": (_soften(st, True),), "acc": (st + "ę",),
                "ins": (st + "ą",), "loc": (_soften(st, True),), "pl_nom": gen + (st + "e",),
                "pl_gen": pl_gen, "pl_dat": (st + "om",), "pl_ins": (st + "ami",),
                "pl_loc": (st + "ach",)}
    if w.endswith(("o", "e", "um")):  # neuter: Biuro, oczyszczanie
        st = w[:-1] if not w.endswith("um") else w[:-2]
        loc = (st + "u",) if w.endswith("ie") else (_soften(st, False), st + "u")
        return {"nom": (w,), "gen": (st + "a",), "dat": (st + "u",), "acc": (w,), "ins": (st + "em",),
                "loc": loc, "pl_nom": (st + "a",), "pl_gen": (st,), "pl_dat": (st + "om",),
                "pl_ins": (st + "ami",), "pl_loc": (st + "ach",)}
    velar = w[-1:] in ("k", "g")  # masculine: Komitet, dystrykt, front
    nom = w
    if w.endswith("ek"):  # the fleeting e: "członek" -> "członka", "członków"
        w = w[:-2] + "k"
    return {"nom": (nom,), "gen": (w + "u", w + "a"), "dat": (w + "owi", w + "u"), "acc": (nom, w + "a"),
            "ins": (w + ("iem" if velar else "em"),), "loc": (_soften(w, False), w + "u"),
            "pl_nom": (w + ("i" if velar else "y"), w + "e", w + "owie"), "pl_gen": (w + "ów",),
            "pl_dat": (w + "om",), "pl_ins": (w + "ami",), "pl_loc": (w + "ach",)}


def _gender(noun: str) -> str:
    if noun.endswith("a"):
        return "f"
    if noun.endswith(("o", "e", "um")):
        return "n"
    return "m"


def _adj_slots(word: str, gender: str) -> dict[str, tuple[str, ...]]:
    stem = word[:-1]
    soft = stem[-1:] in ("k", "g")
    table = dict(_ADJ[gender]) | _ADJ_PL
    slots = {}
    for slot, endings in table.items():
        forms = []
        for e in endings.split("|"):
            if soft and e[:1] in ("y", "e"):
                e = "i" + e[1:] if e[0] == "y" else "i" + e
            forms.append(stem + e)
        slots[slot] = tuple(dict.fromkeys(forms))
    return slots


def _is_adjective(word: str) -> bool:
    w = word.lower()
    return w.endswith(("y", "ki", "gi", "na", "wa", "ska", "cka", "ła", "ne", "we", "kie", "ny"))


def phrase_slots(phrase: str) -> list[tuple[Slot, str]]:
    """Forms of a noun phrase by case and number, adjectives agreeing with the head noun; the
    phrase itself first.

    The head is the words before the first frozen genitive complement ("Komitet | Partii
    Prowincjonalnej", "Stały Komitet | Prowincjonalnego Komitetu Partii").
    """
    words = phrase.split()
    head: list[str] = []
    lower_head = words[0][:1].islower()
    for word in words:
        if head and (word.lower().endswith(_FROZEN) or (lower_head and word[:1].isupper())):
            break  # a genitive complement, or the name after a common noun ("rzeka | Dao")
        head.append(word)
    nouns = [w for w in head if not _is_adjective(w)] or head[-1:]  # "uchwała" is a noun
    gender = _gender(nouns[0].lower())
    out = [(Slot("nom"), phrase)]
    # A word after the noun may be an agreeing adjective ("Komitet Ludowy") or a genitive
    # that looks like one ("Związek Młodzieży"): decline both readings, the agreeing one first.
    first_noun = head.index(nouns[0]) + 1
    for reading, size in enumerate(dict.fromkeys((len(head), first_noun))):
        per_word = [_noun_slots(w) if w in nouns else _adj_slots(w, gender) for w in head[:size]]
        tail = tuple(words[size:])
        for slot in per_word[0]:
            out += [(Slot(slot, _READING * reading + i), " ".join(parts + tail))
                    for i, parts in enumerate(product(*(pw[slot] for pw in per_word)))]
    return out


_READING = 100  # the variants of a phrase's second reading follow those of its first


def decline_phrase(phrase: str) -> set[str]:
    """Forms of a noun phrase in every case and number; adjectives agree with the head noun."""
    return {form for _, form in phrase_slots(phrase)}


def name_slots(name: str) -> list[tuple[Slot, str]]:
    """Forms of a Vietnamese name: the first, the last, both, or every element takes the ending;
    a slot is the ending ("-a": genitive or accusative), its variant which elements take it."""
    words = name.split()
    declinable = [i for i, w in enumerate(words) if w[-1:].lower() not in _VOWELS and w[-1:].isalpha()]
    out = [(Slot("nom"), name)]
    if not declinable:
        return out
    first, last = declinable[0], declinable[-1]
    # the commonest first: the surname and the last given name, the last, the first, every element
    patterns = ({first, last}, {last}, {first}, set(declinable))
    for ending in _NAME_ENDINGS:
        for variant, pattern in enumerate(patterns):
            parts = []
            for i, w in enumerate(words):
                if i in pattern:
                    e = "i" + ending if w[-1:].lower() in ("k", "g") and ending[:1] == "e" else ending
                    parts.append(w + e)
                else:
                    parts.append(w)
            out.append((Slot("-" + ending, variant), " ".join(parts)))
    return out


def decline_name(name: str) -> set[str]:
    """Forms of a Vietnamese name: the first, the last, both, or every element takes the ending."""
    return {form for _, form in name_slots(name)}


class Polish(Language):
    code = "pl"
    name = "Polish"
    script = "Latin"
    unit_words = unit_words_of(province="prowincj wojewodztw", city="miast", district="dystrykt powiat okreg", town="miasteczk",
                               commune="gmin komun wies wsi", ward="dzielnic osiedl", zone="stref")
    segmentation = Segmentation(
        abbreviations=frozenset({
            "m.in", "r", "tys", "mln", "mld", "ul", "al", "pl", "ok", "godz", "nr", "dr", "prof", "hab",
            "inż", "mgr", "ds", "św", "gen", "płk", "mjr", "ks", "tzw", "tj", "np", "ww", "wg",
            "woj", "pow", "gm", "ust", "art", "pkt", "poz", "str", "s", "tel", "red", "zob", "ur",
        }),  # lower-cased, without the final "."; "itd.", "itp." may end a sentence, so they are not here
    )
    detection = Detection(
        telltale_letters="ąęłśżźćń",
        stop_words=frozenset((
            "a co dla do i ich jak jest które który na nie o od oraz po przez się są to w z "
            "ze że "
        ).split()),
    )
    numbers = NumberFormat(
        decimal_mark=",",
        group_marks=" \u00a0\u202f.",
        scales={
            **dict.fromkeys(("bilion", "biliona", "biliony", "bilionów"), 10**12),
            **dict.fromkeys(("miliard", "miliarda", "miliardy", "miliardów", "mld"), 10**9),
            **dict.fromkeys(("milion", "miliona", "miliony", "milionów", "mln"), 10**6),
            **dict.fromkeys(("tysiąc", "tysiąca", "tysiące", "tysięcy", "tys"), 10**3),
        },
        percent_words=frozenset({"procent", "procenta", "procenty", "procentów", "procentach"}),
        month_names={m: i for i, m in enumerate((
            "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
            "września", "października", "listopada", "grudnia"), 1)},
        currency_stems={"dong": "VND", "dolar": "USD", "złot": "PLN", "zł": "PLN", "euro": "EUR"},
    )

    def extends(self, term: str, after: str) -> bool:
        """A term ending in a genitive complement that may be singular or plural (-i/-y) is part
        of a longer, other name when a plural genitive adjective follows and qualifies it: the
        term meant the singular. "Wydziału Organizacji | Partyjnych" is the Department of Party
        Organisations, not the Organization Board. The adjective qualifies a genitive plural noun
        after it instead: "Wydziale Organizacji | Prowincjonalnych Komitetów" is the Board (of the
        provincial committees); a singular adjective only specifies ("komórka Partii Komunistycznej")."""
        words = term.split()
        nxt = _NEXT_WORDS.match(after)
        if not words or nxt is None or not words[-1].lower().endswith(_FROZEN):
            return False
        adjective, noun = nxt.group(1).lower(), (nxt.group(2) or "").lower()
        if len(adjective) < 5 or not adjective.endswith(_GEN_PL_ADJ):  # ich, tych: pronouns, determiners
            return False
        qualifies_next = len(noun) > 2 and noun.endswith(_GEN_PL_NOUN) and not noun.endswith(_GEN_PL_ADJ)
        return words[-1].lower().endswith(_SG_OR_PL_GENITIVE) and not qualifies_next

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """Names decline on their first, last or every element; terms as noun phrases."""
        return self.with_inflected(term, {form for _, form in self.slots(term, name=name)})

    def slots(self, term: str, *, name: bool) -> list[tuple[Slot, str]]:
        """Names by their endings, terms by the cases and numbers of the phrase."""
        named = name and not term[:1].islower()  # "rzeka Dao" declines as a phrase
        return name_slots(term) if named else phrase_slots(term)


LANGUAGE = Polish()
