"""Term links in the TSV and TMX exports of `backtrans align` (align/export.py).

Source: two sentences of the Ukrainian Hai Duong seed; target: their English translation,
written by hand, the second one leaving out "членів партії" (Party members).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from align.bead import Bead
from align.documents import AlignedDocuments, Sentences, align_documents, read_sentences
from align.export import to_tmx, to_tsv
from align.terms import TermLink
from tests.helpers import REPO, SEEDS, run_cli, span_match
from translate.formats.bilingual import read_bilingual
from translate.glossary import load_glossary
from translate.terms import Match

UK = [
    "Видатні та всебічні результати, досягнуті Хай Дуонгом у 2023 році, також зробили важливий "
    "внесок у вибір та впровадження проривних робіт.",
    "Постійний комітет провінційної партії продовжував керувати впровадженням зразкової реєстрації "
    "кадрів та членів партії, лідерів та керівників усіх рівнів.",
]
EN = [
    "The outstanding and comprehensive results achieved by Hai Duong in 2023 also made an "
    "important contribution to the selection and implementation of breakthrough works.",
    "The Standing Committee of the Provincial Party Committee continued to direct the exemplary "
    "registration of cadres, leaders and managers at all levels.",
]
# The links of each bead, checked by hand against glossaries/vietnam-provinces.gloss.
TERMS = [
    "hai-duong:Хай Дуонгом=Hai Duong",
    "provincial-standing-committee:Постійний комітет провінційної партії="
    "Standing Committee of the Provincial Party Committee; party-member:членів партії=∅",
]

# The TMX 1.4b DTD's content models for the elements the export writes (tmx14.dtd).
TMX_DTD = """
<!ELEMENT tmx (header, body)>
<!ATTLIST tmx version CDATA #FIXED "1.4">
<!ELEMENT header (note|prop)*>
<!ATTLIST header creationtool CDATA #REQUIRED creationtoolversion CDATA #REQUIRED
  segtype (block|paragraph|sentence|phrase) #REQUIRED o-tmf CDATA #REQUIRED
  adminlang CDATA #REQUIRED srclang CDATA #REQUIRED datatype CDATA #REQUIRED
  creationdate CDATA #IMPLIED>
<!ELEMENT body (tu*)>
<!ELEMENT note (#PCDATA)>
<!ELEMENT prop (#PCDATA)>
<!ATTLIST prop type CDATA #REQUIRED>
<!ELEMENT tu ((note|prop)*, tuv+)>
<!ELEMENT tuv ((note|prop)*, seg)>
<!ATTLIST tuv xml:lang CDATA #REQUIRED>
<!ELEMENT seg (#PCDATA|bpt|ept|ph|it|hi|ut)*>
<!ELEMENT hi (#PCDATA|bpt|ept|it|ph|hi|ut)*>
<!ATTLIST hi x CDATA #IMPLIED type CDATA #IMPLIED>
"""


def test_source_sentences_are_the_seeds():
    seed = (SEEDS / "uk_hai_duong_breakthroughs.txt").read_text(encoding="utf-8")
    for s in UK:
        assert s.rstrip(".") in seed


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("export")
    (d / "hai_duong.uk.txt").write_text("\n".join(UK) + "\n", encoding="utf-8")
    (d / "hai_duong.en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    return d / "hai_duong.uk.txt", d / "hai_duong.en.txt"


def _align(files, glossary) -> AlignedDocuments:
    return align_documents(read_sentences(files[0], "uk", lines=True),
                           read_sentences(files[1], "en", lines=True), glossary=glossary)


@pytest.fixture(scope="module")
def aligned(files) -> AlignedDocuments:
    return _align(files, load_glossary())


@pytest.fixture(scope="module")
def bare(files) -> AlignedDocuments:
    return _align(files, None)


def _valid_tmx(data: bytes) -> etree._Element:
    root = etree.fromstring(data)  # well-formed, or this raises
    dtd = etree.DTD(io.StringIO(TMX_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def _his(tuv: etree._Element) -> list[tuple[str, str]]:
    """(x, text) of the term <hi> of a <tuv>."""
    his = tuv.findall("seg/hi")
    assert all(h.get("type") == "term" and h.get("x", "").isdigit() for h in his)
    return [(h.get("x"), h.text) for h in his]


def test_tmx_marks_term_pairs_with_matching_x(aligned):
    assert [(b.src, b.tgt) for b in aligned.beads] == [((0,), (0,)), ((1,), (1,))]
    root = _valid_tmx(to_tmx(aligned))
    tu1, tu2 = root.findall("body/tu")

    src, tgt = tu1.findall("tuv")
    assert src.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    assert _his(src) == [("1", "Хай Дуонгом")]
    assert _his(tgt) == [("1", "Hai Duong")]
    assert [p.text for p in tu1.findall("prop[@type='x-concept']")] == ["1 hai-duong"]
    # The text around the mark is the sentence's own.
    seg = src.find("seg")
    assert seg.text == UK[0][:UK[0].index("Хай Дуонгом")]
    assert seg.find("hi").tail == UK[0][UK[0].index("Хай Дуонгом") + len("Хай Дуонгом"):]

    src, tgt = tu2.findall("tuv")
    assert _his(src) == [("1", "Постійний комітет провінційної партії"), ("2", "членів партії")]
    # "членів партії" has no counterpart: x="2" on the source side only.
    assert _his(tgt) == [("1", "Standing Committee of the Provincial Party Committee")]
    assert [p.text for p in tu2.findall("prop[@type='x-concept']")] == [
        "1 provincial-standing-committee", "2 party-member"]


def test_tmx_reads_back_as_the_plain_texts(aligned, tmp_path):
    out = tmp_path / "terms.tmx"
    out.write_bytes(to_tmx(aligned))
    units = read_bilingual(out).units
    assert [(u.source, u.target) for u in units] == list(zip(UK, EN))


def test_tsv_has_a_term_column(aligned):
    rows = [line.split("\t") for line in to_tsv(aligned).splitlines()]
    assert [len(r) for r in rows] == [6, 6]
    assert [r[:2] for r in rows] == [["0", "0"], ["1", "1"]]
    assert [r[3:5] for r in rows] == [list(p) for p in zip(UK, EN)]
    assert [r[5] for r in rows] == TERMS


def test_without_glossary_no_marks_and_an_empty_sixth_column(bare):
    assert bare.terms == [[], []]
    root = _valid_tmx(to_tmx(bare))
    assert root.findall(".//hi") == [] and root.findall(".//prop[@type='x-concept']") == []
    assert [s.text for s in root.iter("seg")] == [UK[0], EN[0], UK[1], EN[1]]
    rows = [line.split("\t") for line in to_tsv(bare).splitlines()]
    assert [len(r) for r in rows] == [6, 6] and [r[5] for r in rows] == ["", ""]


def _match(text: str, concept: str, surface: str, occurrence: int = 0) -> Match:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return span_match(concept, start, start + len(surface), surface)


def test_overlapping_and_adjacent_spans_stay_well_formed():
    src, tgt = "Tu Ky Hai Duong", "Hai DuongTu Ky"
    links = [
        TermLink("hai-duong", _match(src, "hai-duong", "Hai Duong"), _match(tgt, "hai-duong", "Hai Duong")),
        # Overlaps "Hai Duong" on both sides: no mark, no x.
        TermLink("duong", _match(src, "duong", "Duong"), _match(tgt, "duong", "DuongTu")),
        # Overlaps on the target side only: marked in the source alone.
        TermLink("ky-hai", _match(src, "ky-hai", "Tu Ky"), _match(tgt, "ky-hai", "ongTu")),
        TermLink("tu-ky", None, _match(tgt, "tu-ky", "Tu Ky")),
        TermLink("out", None, span_match("out", 10, 99, "?")),  # outside the text: skipped
    ]
    aligned = AlignedDocuments(Sentences([src], [True], "uk"), Sentences([tgt], [True], "en"),
                               [Bead((0,), (0,), 1.0)], [links])
    root = _valid_tmx(to_tmx(aligned))
    s, t = root.findall("body/tu/tuv")
    assert _his(s) == [("2", "Tu Ky"), ("1", "Hai Duong")]
    assert _his(t) == [("1", "Hai Duong"), ("3", "Tu Ky")]
    assert [p.text for p in root.findall("body/tu/prop[@type='x-concept']")] == [
        "1 hai-duong", "2 ky-hai", "3 tu-ky"]
    # Pretty printing adds no whitespace inside a <seg> made only of marks.
    assert ["".join(seg.itertext()) for seg in root.iter("seg")] == [src, tgt]
    cell = to_tsv(aligned).rstrip("\n").split("\t")[5]
    assert cell.split("; ")[:2] == ["hai-duong:Hai Duong=Hai Duong", "duong:Duong=DuongTu"]
    assert cell.split("; ")[3] == "tu-ky:∅=Tu Ky"


def test_cli_tmx_with_glossary(files, tmp_path):
    out = tmp_path / "out.tmx"
    r = run_cli(["align", str(files[0]), str(files[1]), "--src-lang", "uk", "--tgt-lang", "en",
                 "--lines", "--format", "tmx", "--glossary",
                 str(REPO / "glossaries" / "vietnam-provinces.gloss"), "-o", str(out)])
    assert r.returncode == 0, r.stderr
    root = _valid_tmx(out.read_bytes())
    pairs = [[_his(tuv) for tuv in tu.findall("tuv")] for tu in root.findall("body/tu")]
    assert pairs[0] == [[("1", "Хай Дуонгом")], [("1", "Hai Duong")]]
    assert len(pairs) == 2 and pairs[1][1] == [("1", "Standing Committee of the Provincial Party Committee")]
