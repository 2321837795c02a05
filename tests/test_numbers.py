"""Numbers by value across locales, in the formats the seeds and real reports use."""

from __future__ import annotations

import pytest

from translate.numbers import compare_quantities, find_quantities, number_value


def keys(text: str, lang: str) -> list[tuple[str, str]]:
    return [q.key for q in find_quantities(text, lang)]


# The same facts written the way each language writes them (Indonesian and Arabic from the seeds).
SAME = {
    "en": "Revenue of 8,850.26 billion dong, up 14.62%, 20/21 communes, on 29 May 2024; 57,198.8 tons.",
    "id": "Pendapatan 8.850,26 miliar dong, naik 14,62%, 20/21 komune, pada 29 Mei 2024; 57.198,8 ton.",
    "pl": "Przychód 8\u00a0850,26 mld dongów, wzrost o 14,62 procent, 20/21 gmin, 29 maja 2024 r.; 57 198,8 ton.",
    "uk": "Дохід 8\u202f850,26 мільярда донгів, зростання на 14,62 %, 20/21 громад, 29 травня 2024 р.; 57 198,8 тонни.",
    "ar": "بلغت الإيرادات ٨٨٥٠٫٢٦ مليار دونغ، بزيادة ١٤٫٦٢٪، و20/21 بلدية، في 29 مايو 2024؛ و٥٧٬١٩٨٫٨ طن.",
    "vi": "Doanh thu 8.850,26 tỷ đồng, tăng 14,62%, 20/21 xã, ngày 29/05/2024; 57.198,8 tấn.",
}
EXPECTED = [("number", "8850260000000"), ("percent", "14.62"), ("ratio", "20/21"),
            ("date", "2024-05-29"), ("number", "57198.8")]


@pytest.mark.parametrize("lang", sorted(SAME))
def test_same_facts_have_the_same_values_in_every_language(lang):
    assert keys(SAME[lang], lang) == EXPECTED


@pytest.mark.parametrize("lang", sorted(set(SAME) - {"en"}))
def test_equal_numbers_written_differently_are_not_reported(lang):
    diff = compare_quantities(find_quantities(SAME["en"], "en"), find_quantities(SAME[lang], lang))
    assert diff.missing == [] and diff.extra == []


@pytest.mark.parametrize("lang, changed, was, now", [
    ("id", SAME["id"].replace("14,62%", "14,26%"), "14.62%", "14,26%"),
    ("pl", SAME["pl"].replace("mld", "mln"), "8,850.26 billion dong", "8\u00a0850,26 mln dongów"),
    ("uk", SAME["uk"].replace("20/21", "21/21"), "20/21", "21/21"),
    ("ar", SAME["ar"].replace("٥٧٬١٩٨٫٨", "٥٧٬١٩٨٫٩"), "57,198.8", "٥٧٬١٩٨٫٩"),
    ("vi", SAME["vi"].replace("29/05/2024", "28/05/2024"), "29 May 2024", "28/05/2024"),
])
def test_a_changed_number_is_found(lang, changed, was, now):
    diff = compare_quantities(find_quantities(SAME["en"], "en"), find_quantities(changed, lang))
    assert [q.text for q in diff.missing] == [was]
    assert [q.text for q in diff.extra] == [now]


@pytest.mark.parametrize("text, lang, value", [
    ("500 мільярдів донгів", "uk", "500000000000"),   # seeds/uk_hai_duong_breakthroughs.txt
    ("49,09 juta", "id", "49090000"),                 # seeds/id_ky_anh_party_building.txt
    ("2.489,13 miliar", "id", "2489130000000"),
    ("53,389.7 مليار", "ar", "53389700000000"),       # seeds/ar_ninh_binh_work_theme.txt
    ("12 mln", "pl", "12000000"), ("3 tys. osób", "pl", "3000"), ("1,5 млн", "uk", "1500000"),
    ("7 مليون", "ar", "7000000"), ("2 ألف", "ar", "2000"), ("110 300 członków", "pl", "110300"),
])
def test_scale_words_are_resolved(text, lang, value):
    assert find_quantities(text, lang)[0].value == value


def test_kinds_from_the_seeds():
    assert keys("4/34 цілі, 100%", "uk") == [("ratio", "4/34"), ("percent", "100")]
    assert keys("do 29/05/2024 oraz 16 czerwca 2022 r.", "pl") == [("date", "2024-05-29"), ("date", "2022-06-16")]
    assert keys("96.5% من", "ar") == [("percent", "96.5")]
    assert [q.unit for q in find_quantities("500 мільярдів донгів", "uk")] == ["VND"]


def test_identifiers_and_urls_are_not_numbers():
    assert keys("COVID-19, F1, https://example.com/2024/811422.html", "en") == []
    # An Arabic conjunction glued to a number does not hide it.
    assert keys("و53", "ar") == [("number", "53")]


@pytest.mark.parametrize("text", [
    "visit www.2024.org or call 5",  # www. without a scheme
    "write to 2024@example.org within 5 days",  # an e-mail address
    "see 2024.html, page 5",  # a bare .html file name
])
def test_every_kind_of_address_is_skipped(text):
    # Each address holds 2024, which would otherwise be read as a number.
    assert keys(text, "en") == [("number", "5")]


def test_lone_separator_follows_the_language():
    assert number_value("2.489", "en") == ["2.489"]
    assert number_value("2.489", "id") == ["2489"]
    assert number_value("2,489", "en") == ["2489"]
    assert number_value("2,489", "pl") == ["2.489"]
    # Without a language, a lone separator before three digits is a thousands separator.
    assert number_value("2.489") == number_value("2,489") == ["2489"]


@pytest.mark.parametrize("written, value", [
    ("8.850,26", "8850.26"), ("8,850.26", "8850.26"), ("8 850,26", "8850.26"),
    ("8\u00a0850,26", "8850.26"), ("8\u202f850,26", "8850.26"), ("٨٨٥٠٫٢٦", "8850.26"),
    ("٨٬٨٥٠٫٢٦", "8850.26"), ("۸۸۵۰", "8850"), ("1.000.000", "1000000"), ("0,125", "0.125"),
])
def test_number_value_across_locales(written, value):
    assert number_value(written) == [value]


def test_arabic_numbers_by_region_and_by_shape_without_one():
    text = "2.000 و 2,000 و 1,5 و 1.5"
    assert keys(text, "ar") == [("number", "2000"), ("number", "2000"), ("number", "1.5"), ("number", "1.5")]
    # The Maghreb groups with '.' and marks decimals with ','; Egypt the other way round. A lone
    # separator before fewer than three digits is a decimal mark wherever numbers are written.
    assert keys(text, "ar-MA") == [("number", "2000"), ("number", "2"), ("number", "1.5"), ("number", "1.5")]
    assert keys(text, "ar-EG") == [("number", "2"), ("number", "2000"), ("number", "1.5"), ("number", "1.5")]
