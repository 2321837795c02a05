"""Concept anchors and term alignment through the real recogniser and the shipped glossary;
folders of documents paired by name.

The seeds are back-translated by the real batch pipeline with backtrans' copy test models
(uk/pl/id/ar→en), which return their input unchanged: the ``.en.txt`` outputs are therefore in
the seed's own language, and the target is read in that language so that every source term
must align to itself, at the same span of the same sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.documents import (
    Sentences,
    align_documents,
    document_key,
    pair_documents,
    read_sentences,
)
from align.terms import align_terms
from tests.helpers import SEEDS
from translate.cli import _register, app
from translate.engine import EngineSettings
from translate.engine.packages import installed_packages
from translate.glossary import load_glossary
from translate.pipeline.run import translate_documents
from translate.terms import find_terms

_register()
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.fixture(scope="module")
def back_translations(installed_models, tmp_path_factory):
    out = tmp_path_factory.mktemp("align-seed-run")
    translate_documents(SEED_FILES, ["en"], out, packages=installed_packages(installed_models),
                        settings=EngineSettings(beam_size=1))
    return out


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_terms_align_to_themselves_in_the_back_translation(seed, back_translations, glossary):
    lang = seed.name[:2]
    src = read_sentences(seed, lang)
    tgt = read_sentences(back_translations / f"{seed.stem}.en.txt", lang)
    aligned = align_documents(src, tgt, glossary=glossary)
    assert [(b.src, b.tgt) for b in aligned.beads] == [((i,), (i,)) for i in range(len(src.texts))]
    links = [link for per_bead in aligned.terms for link in per_bead]
    # Every concept occurrence of the seed is linked, to the same surface at the same offset.
    assert len(links) == len(find_terms(seed.read_text(encoding="utf-8"), lang, glossary)) > 20
    for link in links:
        assert link.src is not None and link.tgt is not None
        assert (link.src.start, link.src.surface) == (link.tgt.start, link.tgt.surface)


def test_inflected_source_term_links_to_canonical_english(glossary):
    uk = "Народний комітет керує Хай Дуонгом і планує очищення ділянки."
    en = "The People's Committee governs Hai Duong."
    links = align_terms(uk, en, "uk", "en", glossary)
    got = [(x.concept, x.src and x.src.surface, x.tgt and x.tgt.surface) for x in links]
    assert got == [
        ("peoples-committee", "Народний комітет", "People's Committee"),
        ("hai-duong", "Хай Дуонгом", "Hai Duong"),
        ("site-clearance", "очищення ділянки", None),  # no counterpart in the English
    ]
    hd = links[1]
    assert uk[hd.src.start:hd.src.end] == "Хай Дуонгом" and en[hd.tgt.start:hd.tgt.end] == "Hai Duong"
    assert hd.src.how == "inflected"


def test_concept_anchors_decide_which_sentence_was_dropped(glossary):
    # Six uk sentences of about the same length; the English drops the third one. Between
    # scripts there are no shared words and no numbers: length alone cannot tell which one is
    # missing, the places named can.
    uk = ["У Хай Дуонгу розпочали будівництво нової дороги.",
          "У Ту Ки завершили ремонт старого мосту.",
          "У Тхань Мієні відкрили нову сучасну школу.",
          "У Куанг Нгієпі зібрали добрий урожай рису.",
          "На вулиці Во Ван Кіет посадили нові дерева.",
          "У Тхань Фу провели велике свято врожаю."]
    en = ["In Hai Duong, building of a new road began.",
          "In Tu Ky, the repair of an old bridge ended.",
          "In Quang Nghiep, a good rice harvest was gathered.",
          "On Vo Van Kiet street, new trees were planted.",
          "In Thanh Phu, a big harvest festival was held."]
    # Every sentence names a concept, so every one carries a concept anchor.
    assert all(find_terms(s, "uk", glossary) for s in uk) and all(find_terms(s, "en", glossary) for s in en)
    src, tgt = Sentences(uk, [False] * 6, "uk"), Sentences(en, [False] * 5, "en")
    with_glossary = align_documents(src, tgt, glossary=glossary)
    gold = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,)), ((5,), (4,))]
    assert [(b.src, b.tgt) for b in with_glossary.beads] == gold
    without = align_documents(src, tgt)
    assert [(b.src, b.tgt) for b in without.beads] != gold


def test_align_cli_json_carries_terms_and_pairs_folders(tmp_path):
    (tmp_path / "uk").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "uk" / "report.txt").write_text("Народний комітет керує Хай Дуонгом.\nДругий рядок 2023.\n", encoding="utf-8")
    (tmp_path / "en" / "report.en.txt").write_text("The People's Committee governs Hai Duong.\nSecond line 2023.\n", encoding="utf-8")
    (tmp_path / "uk" / "lonely.txt").write_text("Без пари.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["align", str(tmp_path / "uk"), str(tmp_path / "en"), "--src-lang", "uk",
                                 "--tgt-lang", "en", "--lines", "--format", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]
    assert "lonely.txt" in r.output  # warned about on stderr (mixed into the runner's output)
    beads = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(b["src"], b["tgt"]) for b in beads] == [([0], [0]), ([1], [1])]
    terms = beads[0]["terms"]
    assert [(t["concept"], t["src"]["surface"], t["tgt"]["surface"]) for t in terms] == [
        ("peoples-committee", "Народний комітет", "People's Committee"),
        ("hai-duong", "Хай Дуонгом", "Hai Duong"),
    ]
    assert beads[0]["src_text"][terms[1]["src"]["start"]:terms[1]["src"]["end"]] == "Хай Дуонгом"
    assert beads[1]["terms"] == []
    r = CliRunner().invoke(app, ["align", str(tmp_path / "uk"), str(tmp_path / "en"), "--src-lang", "uk",
                                 "--tgt-lang", "en", "--lines", "--format", "json", "--no-glossary"])
    assert r.exit_code != 0 and "-o" in str(r.exception)


def test_document_keys_and_pairing(tmp_path):
    assert document_key(Path("a/report.en.txt")) == "report"
    assert document_key(Path("report.txt")) == "report"
    assert document_key(Path("v1.2.txt")) == "v1.2"
    assert document_key(Path("report.de"), ["de"]) == "report"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for name in ("x.uk.txt", "y.txt"):
        (a / name).write_text("x\n", encoding="utf-8")
    for name in ("x.en.txt", "z.txt"):
        (b / name).write_text("x\n", encoding="utf-8")
    pairs, unpaired = pair_documents(a, b)
    assert [(p.key, p.src.name, p.tgt.name) for p in pairs] == [("x", "x.uk.txt", "x.en.txt")]
    assert [p.name for p in unpaired] == ["y.txt", "z.txt"]
