"""English."""

from translate.langs.base import Language


class English(Language):
    code = "en"
    name = "English"
    script = "Latin"
    abbreviations = frozenset()


LANGUAGE = English()
