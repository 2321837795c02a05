"""Offline language detection on the seed reports and on short sentences of each language."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SEEDS
from translate.detect import UNDETERMINED, detect_language, detect_scores

SEED_FILES = sorted(SEEDS.glob("*.txt"))
URL = re.compile(r"https?://\S+")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_documents_and_paragraphs(path):
    lang = path.name[:2]
    text = path.read_text(encoding="utf-8")
    assert detect_language(text) == lang
    long = [p for p in text.splitlines() if len(URL.sub("", p).strip()) >= 60]
    assert len(long) >= 5
    assert [p[:40] for p in long if detect_language(p) != lang] == []


def test_seed_boilerplate_in_vietnamese():
    # The Polish seed carries the Vietnamese site's header lines.
    assert detect_language("Vietnam.vn - Nền tảng quảng bá Việt Nam") == "vi"
    assert detect_language("Độc lập - Tự do - Hạnh phúc") == "vi"
    # A URL made of Vietnamese words is not Vietnamese text.
    assert detect_language("https://nhandan.vn/nam-dinh-chu-trong-nang-cao-chat-luong-to-chuc") == UNDETERMINED


SENTENCES = {
    "en": ["The committee met on Monday.", "It was a good year for the province.",
           "Prices rose by 5% in Hai Duong.", "He is in the car.",
           "The meeting in Hải Dương was attended by Nguyễn Văn Thanh."],
    "id": ["Ini adalah rumah saya.", "Komite bertemu di Hai Duong.", "Harga naik 5% pada tahun lalu.",
           "Pertemuan di Hải Dương dihadiri oleh Nguyễn Văn Thanh."],
    "pl": ["To jest mój dom.", "Komitet spotkał się w Hai Duong.", "Ceny wzrosły o 5% w zeszłym roku.",
           "Spotkanie w Hải Dương odbyło się w poniedziałek."],
    "uk": ["Це мій дім.", "Комітет зібрався в Хайзионгу.", "Ціни зросли на 5% минулого року.",
           "Компанія Bao Loc Production Trade and Service Company Limited працює."],
    "ar": ["هذا بيتي.", "اجتمعت اللجنة في هاي دونغ.", "ارتفعت الأسعار بنسبة 5%."],
    "vi": ["Đây là nhà của tôi.", "Ủy ban đã họp tại Hải Dương.",
           # without diacritics: must not pass for Indonesian or English
           "Gia ca tang 5% so voi nam ngoai.", "Tinh Hai Duong da hoan thanh ke hoach nam.",
           "Uy ban nhan dan tinh hop tai Hai Duong.", "HAI DUONG DA HOAN THANH KE HOACH"],
    "ru": ["Это мой дом, и мы были рады."],
    "bg": ["Това е моята къща и ще бъде."],
}


@pytest.mark.parametrize("lang, sentence", [(lang, s) for lang, ss in SENTENCES.items() for s in ss])
def test_short_sentences(lang, sentence):
    assert detect_language(sentence) == lang


def test_names_alone_do_not_decide():
    for text in ["Hai Duong", "Hoang Trung Dung, Ky Anh, Ha Tinh", "Mr. Łukasz Żółć, Hai Duong.", "2023 - 2025", ""]:
        assert detect_language(text) == UNDETERMINED, text


def test_candidates_and_untranslated_segment():
    polish = "Komitet Partii Prowincjonalnej zrzesza 15 podległych komitetów."
    # A target segment meant to be English that is still Polish.
    assert detect_language(polish, candidates=["en", "pl"]) == "pl"
    assert detect_language("The Provincial Party Committee has 15 committees.", ["en", "pl"]) == "en"
    assert detect_language(polish, candidates=["en", "vi"]) == UNDETERMINED
    assert detect_language(polish, candidates=["xx"]) == UNDETERMINED


def test_scores_are_a_distribution():
    scores = detect_scores("Ciągłe wzmacnianie organizacji partyjnych w prowincji.")
    assert set(scores) >= {"uk", "pl", "id", "ar", "en", "vi"}
    assert abs(sum(scores.values()) - 1) < 1e-9 and max(scores, key=scores.get) == "pl"
    assert all(v == 0 for v in detect_scores("12345 !!!").values())
