"""Ukrainian."""

from translate.langs.base import Language


class Ukrainian(Language):
    code = "uk"
    name = "Ukrainian"
    script = "Cyrillic"
    abbreviations = frozenset()


LANGUAGE = Ukrainian()
