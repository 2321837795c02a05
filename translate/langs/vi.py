"""Vietnamese."""

from translate.langs.base import Language


class Vietnamese(Language):
    code = "vi"
    name = "Vietnamese"
    script = "Latin"
    abbreviations = frozenset({
        "tp", "ths", "ts", "pgs", "gs", "pgs.ts", "gs.ts", "bs", "ks", "ls", "tx", "tt", "nxb", "tr",
        "ng", "cn", "bsck",
    })  # lower-cased, without the final "."; "v.v." may end a sentence, so it is not here


LANGUAGE = Vietnamese()
