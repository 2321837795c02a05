"""Vietnamese."""

import re

from translate.langs.base import Detection, Language, NumberFormat, Segmentation
from translate.text import strip_vietnamese_diacritics

# One Vietnamese syllable, diacritics removed: initial consonant(s), 1-3 vowels, allowed final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


class Vietnamese(Language):
    code = "vi"
    name = "Vietnamese"
    script = "Latin"
    segmentation = Segmentation(
        abbreviations=frozenset({
            "tp", "ths", "ts", "pgs", "gs", "pgs.ts", "gs.ts", "bs", "ks", "ls", "tx", "tt", "nxb", "tr",
            "ng", "cn", "bsck",
        }),  # lower-cased, without the final "."; "v.v." may end a sentence, so it is not here
    )
    detection = Detection(
        telltale_letters="àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
        stop_words=frozenset((
            "cac cho co cua cung các có cũng của da de den duoc khi khong không la là mot một "
            "nay nguoi người nhu nhung như những này se sẽ tai theo thi thì tren trong trên "
            "tu tại từ va ve viec việc voi và về với đã được đến để "
        ).split()),
    )
    numbers = NumberFormat(
        decimal_mark=",",
        group_marks=".",
        scales={"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9},
        currency_stems={"đồng": "VND", "vnđ": "VND", "vnd": "VND", "đô": "USD"},
    )

    def detection_bonus(self, words: list[str]) -> float:
        """Vietnamese without diacritics: most lower-case words are single valid syllables."""
        valid = sum(bool(_SYLLABLE.fullmatch(strip_vietnamese_diacritics(w))) for w in words) / len(words)
        return max(0.0, valid - 0.6) * 2.5


LANGUAGE = Vietnamese()
