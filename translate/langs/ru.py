"""Russian: known to detection only, so Russian text is not taken for Ukrainian."""

from translate.langs.base import Detection, Language


class Russian(Language):
    code = "ru"
    name = "Russian"
    script = "Cyrillic"
    detection_only = True
    detection = Detection(
        telltale_letters="ыэё",
        stop_words=frozenset("и в на с что не по это как а для из от был была были также который которые".split()),
    )


LANGUAGE = Russian()
