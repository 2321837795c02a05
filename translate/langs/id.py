"""Indonesian."""

from translate.langs.base import Language


class Indonesian(Language):
    code = "id"
    name = "Indonesian"
    script = "Latin"
    abbreviations = frozenset()


LANGUAGE = Indonesian()
