"""English."""

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    unit_words_of,
)


class English(Language):
    code = "en"
    name = "English"
    script = "Latin"
    unit_words = unit_words_of(province="province", city="city municipalit", district="district", town="town township",
                               commune="commune village", ward="ward", zone="zone")
    segmentation = Segmentation(
        abbreviations=frozenset({
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "cf", "approx",
            "dept", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "fig", "vol", "nos", "pp",
        }),  # lower-cased, without the final "."; "etc." may end a sentence, so it is not here
        # '.' after these does not end a sentence when a number follows ("No. 5"), but may otherwise ("said no.")
        before_number=frozenset({"no", "art", "p"}),
    )
    detection = Detection(
        stop_words=frozenset((
            "a an and are as at be by for from has have in is it not of on that the this to "
            "was were which with "
        ).split()),
    )
    numbers = NumberFormat(
        decimal_mark=".",
        group_marks=",",
        scales={"trillion": 10**12, "billion": 10**9, "bn": 10**9, "million": 10**6,
                "mn": 10**6, "thousand": 10**3},
        percent_words=frozenset({"percent"}),
        month_names={m: i for i, ms in enumerate((
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for m in ms},
        currency_stems={"dong": "VND", "dollar": "USD", "euro": "EUR"},
    )

    # A term may carry possessive 's in the same word.
    suffix_clitics = ("'s", "'")


LANGUAGE = English()
