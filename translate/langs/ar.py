"""Arabic."""

from translate.langs.base import Language


class Arabic(Language):
    code = "ar"
    name = "Arabic"
    script = "Arabic"
    abbreviations = frozenset()


LANGUAGE = Arabic()
