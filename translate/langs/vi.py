"""Vietnamese."""

from translate.langs.base import Language


class Vietnamese(Language):
    code = "vi"
    name = "Vietnamese"
    script = "Latin"
    abbreviations = frozenset()


LANGUAGE = Vietnamese()
