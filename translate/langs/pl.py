"""Polish."""

from translate.langs.base import Language


class Polish(Language):
    code = "pl"
    name = "Polish"
    script = "Latin"
    abbreviations = frozenset()


LANGUAGE = Polish()
