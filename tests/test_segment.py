"""Sentence segmentation on the seed reports and on hand-made sentences in each language."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SEEDS
from translate.langs import get_language
from translate.pipeline.read import Document, read_document
from translate.pipeline.segment import segment_document, split_sentences

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return [segment_document(read_document(path, path.name[:2])) for path in SEED_FILES]


def test_seed_properties(seeds):
    assert len(seeds) == 5
    for doc in seeds:
        language = get_language(doc.lang)
        for p, paragraph in enumerate(doc.paragraphs):
            segs = [s for s in doc.segments if s.paragraph == p]
            assert [s.index for s in segs] == list(range(len(segs)))
            # nothing lost: the sentences plus the space between them give back the paragraph
            rebuilt = paragraph[: segs[0].start] if segs else paragraph
            for a, b in zip(segs, segs[1:] + [None]):
                assert a.text == paragraph[a.start : a.end] == a.text.strip() and a.text
                rebuilt += a.text + paragraph[a.end : b.start if b else len(paragraph)]
            assert rebuilt == paragraph
            for seg, nxt in zip(segs, segs[1:]):
                where = f"{doc.name} paragraph {p}: {seg.text[-40:]!r}"
                assert paragraph[seg.end].isspace(), where  # never inside a number, URL or word
                last = seg.text.rstrip("\"'»”)").split()[-1].rstrip(".")
                if seg.text.endswith("."):
                    assert last.lower() not in language.segmentation.abbreviations, where
                    assert not (len(last) == 1 and last.isupper()), where  # an initial
                assert not re.search(r"[^\W_]", nxt.text).group().islower(), where  # first letter
    lower_starts = [s.text[:20] for d in seeds for s in d.segments if s.text[0].islower()]
    assert lower_starts == []
    # the one paragraph that really starts in lower case, after "...": kept as written
    starts = [s.text for d in seeds for s in d.segments if s.text.startswith("...")]
    assert starts == ["...dan individu dengan prestasi luar biasa dalam kompetisi tersebut."]


def paragraph_of(doc_name: str, seeds: list[Document], prefix: str) -> tuple[Document, int]:
    doc = next(d for d in seeds if d.name == doc_name)
    matches = [i for i, p in enumerate(doc.paragraphs) if p.startswith(prefix)]
    assert len(matches) == 1, prefix
    return doc, matches[0]


# Sentence counts counted by hand in the seed files.
HAND_COUNTS = [
    ("id_ky_anh_party_building", "Pada tahun 2024, Komite", 5),
    ("id_ky_anh_party_building", "Terus konsolidasikan", 4),  # "... perencanaan, dll. Terus atasi"
    ("id_ky_anh_party_building", "Beberapa tujuan khusus", 1),  # " - " list items, ends "... |"
    ("id_ky_anh_party_building", "Tahun lalu, di tengah", 2),  # "politik . Hal ini"
    ("id_ky_anh_party_building", "Sepanjang tahun", 2),  # "Partai... dilakukan"
    ("id_ky_anh_party_building", "Kepemimpinan dan arahan", 2),  # 8.850,26 and 2.489,13
    ("id_ky_anh_party_building", "Pada sore hari", 2),  # "hadir. |"
    ("pl_nam_dinh_grassroots", "W 2023 roku, w oparciu", 3),  # "2023 r. w sprawie"
    ("pl_nam_dinh_grassroots", "Komitet Partii Prowincjonalnej Nam Dinh zrzesza", 2),  # "2022 r. Komitetu"
    ("pl_nam_dinh_grassroots", "Według towarzysza Trinha", 2),  # "ds. Oczyszczania"
    ("pl_nam_dinh_grassroots", "Typowymi przykładami", 1),  # "2021 r. został"
    ("pl_nam_dinh_grassroots", "Niedawno odwiedziliśmy", 3),
    ("pl_nam_dinh_grassroots", "Source: https://", 1),
    ("uk_hai_duong_breakthroughs", "Поряд із проривними", 8),
    ("uk_hai_duong_breakthroughs", "Пан Буй Дик Бінь", 2),  # a quote of two sentences
    ("uk_hai_duong_breakthroughs", "Завдяки високій", 2),  # «...», – додав пан
    ("uk_thanh_phu_midterm", "Продовжувати ефективне", 6),  # "Хо Ши Міна . Зокрема"
    ("uk_thanh_phu_midterm", "Незважаючи на численні", 3),
    ("ar_ninh_binh_work_theme", "في عام 2023، حددت", 2),
    ("ar_ninh_binh_work_theme", "ونتيجة لذلك", 4),  # 53,389.7 and 7.27% and 1.86%
    ("ar_ninh_binh_work_theme", "وبناء على ذلك، فإن", 2),  # ends "..."
    ("ar_ninh_binh_work_theme", "في عام 2023، استقبلت", 2),  # "؛" does not end a sentence
]


@pytest.mark.parametrize("doc_name, prefix, count", HAND_COUNTS)
def test_seed_counts_by_hand(seeds, doc_name, prefix, count):
    doc, p = paragraph_of(doc_name, seeds, prefix)
    assert len([s for s in doc.segments if s.paragraph == p]) == count


def test_seed_quote_closes_its_sentence(seeds):
    doc, p = paragraph_of("uk_hai_duong_breakthroughs", seeds, "Пан Буй Дик Бінь")
    first, second = [s.text for s in doc.segments if s.paragraph == p]
    assert first.endswith("OCOP.") and "зазначив: « Сільськогосподарські" in first
    assert second.startswith("Наразі") and second.endswith("OCOP».")
    doc, p = paragraph_of("ar_ninh_binh_work_theme", seeds, "في عام 2023، حددت")
    assert doc.segments[[s.paragraph for s in doc.segments].index(p)].text.endswith('الحقيقية".')


CASES = [
    # (language, paragraph, expected sentences)
    ("uk", "Закон ухвалено в 2020 р. Верховною Радою. Наступне речення.", 2),
    ("uk", "Він живе в м. Київ, вул. Хрещатик. Там гарно.", 2),
    ("uk", "Були яблука, груші і т.д. Потім прийшла зима.", 2),
    ("uk", "Т. Шевченко народився в с. Моринці. Це відомо всім.", 2),
    ("uk", "Він сказав: «Ми готові. Починаємо». Потім пішов.", 3),
    ("uk", "«Ура!» – крикнув він. Усі засміялися.", 2),
    ("uk", "Зростання склало 1.000.000 гривень… але цього мало. Далі буде… Кінець.", 3),
    ("pl", "Spotkali się m.in. Prezydent i premier. Rozmowa trwała ok. 2 godz. w sali nr 5.", 2),
    ("pl", "Mieszka przy ul. Długiej 5. Prof. Nowak i dr Kowalski przyszli o godz. 10.", 2),
    ("pl", "Budżet wynosi 5 tys. zł, czyli 0,005 mln zł. To mało.", 2),
    ("pl", "Powiedział: „Zrobimy to. Na pewno”. I zrobił.", 3),
    ("pl", "Uchwała z 16 czerwca 2022 r. Komitetu Centralnego weszła w życie.", 1),
    ("id", "Harganya Rp. 5.000 per kg. Itu murah.", 2),
    ("id", "Lihat No. 5 dan No. 6. Selesai.", 2),
    ("id", "Ada apel, jeruk, dll. Semua segar.", 2),
    ("id", "Ada apel, jeruk, dll. yang segar.", 1),
    ("id", "Dr. Budi dan Prof. Ani hadir. Acara dimulai.", 2),
    ("id", "Distrik Ky Anh ( Ha Tinh ) maju. Hasilnya baik.", 2),
    ("en", "Mr. Smith met Dr. Jones. They talked.", 2),
    ("en", "See item No. 5 for details. The answer was no. Then we left.", 3),
    ("en", "Use tools, e.g. Python or Rust. J. R. R. Tolkien wrote it.", 2),
    ("en", "Really? Yes! It is 53,389.7 billion... Wait... what?", 4),
    ("en", '1. Open the file. 2. Read it. 3. Close it.', 3),
    ("en", 'He said "Go home." She left.', 2),
    ("en", 'He said: "Go home. Now." She left.', 3),
    ("en", 'He said: "Go home. Now. " She left.', 3),
    ("vi", "TP. Hồ Chí Minh có nhiều trường. ThS. Nguyễn Văn A và TS. Lê Thị B dự họp.", 2),
    ("vi", "PGS.TS. Trần Văn C phát biểu. Hội nghị kết thúc.", 2),
    ("ar", "قال د. أحمد إن النتائج جيدة. هل توافق؟ نعم.", 3),
    ("ar", "ارتفع الناتج إلى 53,389.7 مليار دونج؛ وانخفض الفقر إلى 1.86%. انتهى.", 2),
    ("xx", "An unknown code. Generic rules apply... to this text! Fine.", 3),
]


@pytest.mark.parametrize("lang, paragraph, count", CASES)
def test_own_sentences(lang, paragraph, count):
    got = sentences(paragraph, lang)
    assert len(got) == count, got
    assert re.sub(r"\s+", " ", " ".join(got)) == " ".join(paragraph.split())  # nothing lost


def test_exact_splits():
    assert sentences("Ala ma kota. Kot ma Alę!", "pl") == ["Ala ma kota.", "Kot ma Alę!"]
    assert sentences('  He said "Go." She left.  ', "en") == ['He said "Go."', "She left."]
    assert sentences("Tak. ” Nie.", "pl") == ["Tak. ”", "Nie."]
    assert sentences('He said: "Go home. Now. " She left.', "en") == ['He said: "Go home.', 'Now. "', "She left."]
    assert sentences('Done. " Next" he said.', "en") == ["Done.", '" Next" he said.']
    assert sentences("hadir. |", "id") == ["hadir. |"]
    assert sentences("Hai Duong … Next one.", "en") == ["Hai Duong …", "Next one."]
    assert split_sentences("  Ala ma kota.  ", "pl") == [(2, 14)]
    assert split_sentences("   ", "pl") == [] and split_sentences("", "pl") == []


def test_segment_document_without_language_and_empty_paragraphs(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("First one. Second one.\n\nThird one.\n", encoding="utf-8")
    doc = segment_document(read_document(path))
    assert [(s.paragraph, s.index, s.text, s.start, s.end) for s in doc.segments] == [
        (0, 0, "First one.", 0, 10),
        (0, 1, "Second one.", 11, 22),
        (2, 0, "Third one.", 0, 10),
    ]

