"""Bulgarian: known to detection only, so Bulgarian text is not taken for Ukrainian."""

from translate.langs.base import Detection, Language


class Bulgarian(Language):
    code = "bg"
    name = "Bulgarian"
    script = "Cyrillic"
    detection_only = True
    detection = Detection(
        telltale_letters="ѝ",
        stop_words=frozenset("и в на с че не по това като за от да се са е към със ще които който".split()),
    )


LANGUAGE = Bulgarian()
