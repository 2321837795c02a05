"""Vietnamese, and the syllables of Vietnamese names other languages transliterate."""

import re
import unicodedata
from dataclasses import dataclass

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    unit_words_of,
)
from translate.text import strip_vietnamese_diacritics

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below
_VOWELS = set("aăâeêioôơuưy")
# The clusters of minority place names (Krông Pắc, Đắk Lắk) come with the Vietnamese onsets and codas.
_ONSETS = ("ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu", "kr", "bl", "pl", "dr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_CODAS = ("ng", "nh", "ch", "c", "k", "m", "n", "p", "t")
# Vowel groups (the nucleus with its glides): those ending in a glide take no coda, those with a
# diphthong iê/yê/uô/ươ need one (a final "ia", "ua", "ưa" spells that diphthong open).
_OPEN_NUCLEI = ("a ă â e ê i o ô ơ u ư y oa oă oe uâ uê uy uơ ia ua ưa").split()
_GLIDED_NUCLEI = ("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu oai oay oao oeo uây uôi ươi ươu "
                  "uya uyu").split()
_CLOSED_NUCLEI = ("iê yê uô ươ uyê").split()


# The commonest Vietnamese surnames (about nine in ten Vietnamese bear one of the first fifteen):
# a capitalised run of syllables starting with one is a person's name. (Ông is left out: as a
# surname it is rare, as the honorific "Mr" it starts a sentence before every other name.)
SURNAMES = tuple("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh
Đinh Lâm Phùng Mai Tô Trương Hà Lưu Thái Cao Tạ Quách Lương Vi Hứa Chu Lại Mạc Tăng Kiều Châu Thân Giang
Triệu La Nông Lò Lục Khổng Doãn Kim Diệp Bạch Lã Tôn Âu Nghiêm Quan Tống Văn Cù Khúc Đàm Hầu Ninh Lục Nhữ
Thạch Thiều Ứng Viên Yên Phí Mẫn Hàn""".split())
# Syllables common in Vietnamese given names, middle names first (Văn, Thị, Đức, ...): the prior that
# decides between the readings of a transliterated name ("Тхі" is Thi, not Thy).
GIVEN_NAMES = tuple("""Văn Thị Đức Hữu Quang Minh Ngọc Thanh Xuân Công Quốc Kim Thu Hồng Đình Bá Trọng Mạnh
Tiến Duy Hoài Bích Thúy Phương Anh Hùng Dũng Tuấn Hải Hương Lan Linh Hoa Mai Nam Sơn Long Trung Thắng
Bình Cường Huy Khánh Phúc Quân Tâm Thảo Trang Vinh Yến Hà Hạnh Hiếu Hiền Hòa Hoàng Khoa Lâm Lực Nga
Nhung Phong Phú Quý Sáng Tài Thành Thái Thảo Thịnh Thọ Thủy Tú Tùng Uyên Việt Vân Vy Chi Châu Cúc
Đạt Định Giang Hậu Hiệp Hưng Khải Khang Lộc Luân Lương Nghĩa Nhân Ninh Oanh Quyết Sỹ Tân Thạch
Thuận Toàn Trí Trinh Tuyết Vũ Xuyến Yên Ánh Ân Bảo Chính Dung Điệp Hạ Huệ Kiên Loan Nguyệt Tín""".split())


@dataclass(frozen=True)
class Syllable:
    """A Vietnamese syllable without its tone, lower case: "Dương" → d + ươ + ng."""

    onset: str
    vowel: str
    coda: str


def syllable(word: str) -> Syllable | None:
    """The parts of one written syllable (tone and case aside); None when it is not one ("OCOP")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    s = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    onset = next((o for o in _ONSETS if s.startswith(o)), "")
    rest = s[len(onset):]
    if onset == "gi" and (not rest or rest[0] not in _VOWELS or rest.startswith("ê")):
        rest = "i" + rest  # gì, gìn, giếng: gi + i, gi + iê
    coda = next((c for c in _CODAS if rest.endswith(c) and len(rest) > len(c)), "")
    vowel = rest[: len(rest) - len(coda)]
    if not vowel or any(ch not in _VOWELS for ch in vowel):
        return None
    return Syllable(onset, vowel, coda)


def all_syllables() -> list[str]:
    """Every toneless syllable the spelling allows (onset, vowel group, coda), lower case."""
    onsets = ("",) + _ONSETS
    out = []
    for onset in onsets:
        for nucleus in _OPEN_NUCLEI + _CLOSED_NUCLEI:
            codas = _CODAS if nucleus in _CLOSED_NUCLEI else ("",) + _CODAS
            out += [onset + nucleus + coda for coda in codas]
        out += [onset + nucleus for nucleus in _GLIDED_NUCLEI]
    return [s for s in out if (p := syllable(s)) is not None and p.onset + p.vowel + p.coda == s]


def toneless(word: str) -> str | None:
    """One written syllable lower-cased with its tone dropped ("Dương" → "dương"); None when it is not one."""
    parts = syllable(word)
    return parts.onset + parts.vowel + parts.coda if parts is not None else None


def name_words(name: str) -> list[str]:
    """The written syllables of a Vietnamese name, hyphens and spaces alike ("Bà Rịa-Vũng Tàu")."""
    return [w for w in re.split(r"[\s\-]+", unicodedata.normalize("NFC", name).strip()) if w]

# One Vietnamese syllable, diacritics removed: initial consonant(s), 1-3 vowels, allowed final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


class Vietnamese(Language):
    code = "vi"
    name = "Vietnamese"
    script = "Latin"
    unit_words = unit_words_of(exact=True, province="tỉnh", city="phố tp thành_phố", district="huyện quận", town="thị_xã",
                               township="thị_trấn", commune="xã", ward="phường", zone="đặc_khu")
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

    def unit_word(self, word: str) -> frozenset[str]:
        """A whole word with its tones: "xã" (commune) is not "xa" (far), "phố" not "Phó" (vice-)."""
        return self.unit_words.get(unicodedata.normalize("NFC", word).lower(), frozenset())

    def detection_bonus(self, words: list[str]) -> float:
        """Vietnamese without diacritics: most lower-case words are single valid syllables."""
        valid = sum(bool(_SYLLABLE.fullmatch(strip_vietnamese_diacritics(w))) for w in words) / len(words)
        return max(0.0, valid - 0.6) * 2.5


LANGUAGE = Vietnamese()
