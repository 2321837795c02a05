"""Region and script locales in imported termbases (en-US, vi-VN, uk-UA...) are read as the
languages backtrans knows; variants of one language in one concept are merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli
from translate.glossary import Status, Term, load_glossary
from translate.glossary.tabular import parse_tabular
from translate.glossary.tbx import NS, parse_tbx
from translate.langs import normalise_language


@pytest.mark.parametrize("code, expected", [
    ("en", "en"), ("EN-us", "en"), ("en_GB", "en"), ("uk-UA", "uk"), ("ar-SA", "ar"), ("vi-VN", "vi"),
    ("ID-id", "id"), ("pl_PL", "pl"), ("vi-Latn-VN", "vi"), ("en-US-x-trados", "en"), (" uk ", "uk"),
    # unknown to backtrans: kept, in BCP 47 case (language lower, Script title, REGION upper)
    ("pt_br", "pt-BR"), ("ZH-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), ("DE", "de"),
    # not language tags
    ("english", None), ("e", None), ("en-", None), ("", None),
])
def test_normalise_language(code, expected):
    assert normalise_language(code) == expected


# Trados MultiTerm / memoQ style TBX v2: region locales in upper and mixed case, en-US and en-GB
# side by side, the same English term under both.
MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="hai-duong">
      <descrip type="subjectField">place</descrip>
      <langSet xml:lang="EN-US">
        <tig><term>Hai Duong</term></tig>
      </langSet>
      <langSet xml:lang="en-GB">
        <tig><term>Hai Duong</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>Haiduong</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="VI-VN"><tig><term>Hải Dương</term></tig></langSet>
      <langSet xml:lang="uk-UA">
        <tig><term>Хайзионг</term></tig>
        <tig><term>Хай Дуонг</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="ar-SA"><tig><term>هاي دونغ</term></tig></langSet>
      <langSet xml:lang="pt_br"><tig><term>Hai Duong</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

# TBX v3 (DCA) as Phrase writes it: en-GB before en-US, an underscore locale, a script subtag.
TBX3 = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{NS}">
  <tbxHeader><fileDesc><sourceDesc><p>Phrase export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="peoples-committee">
      <descrip type="subjectField">party-term</descrip>
      <langSec xml:lang="en-GB">
        <termSec><term>People's Committee</term></termSec>
        <termSec><term>Peoples Committee</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><note>no apostrophe</note></termSec>
      </langSec>
      <langSec xml:lang="EN-us">
        <termSec><term>peoples  committee</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        <termSec><term>People's Council</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="vi-Latn-VN"><termSec><term>Ủy ban nhân dân</term></termSec></langSec>
      <langSec xml:lang="pl_PL"><termSec><term>Komitet Ludowy</term></termSec></langSec>
      <langSec xml:lang="zh-hant-tw"><termSec><term>人民委員會</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def check_hai_duong(concept) -> None:
    """What MARTIF must read as (checked against the file above by hand)."""
    assert (concept.kind, concept.en, concept.vi) == ("place", "Hai Duong", "Hải Dương")
    assert set(concept.terms) == {"en", "uk", "ar", "pt-BR"}
    # en-GB's "Hai Duong" repeats en-US's first term: dropped, so the canonical form stays preferred
    assert concept.terms["en"] == [Term("Haiduong", "en", Status.DEPRECATED)]
    assert concept.terms["uk"] == [Term("Хайзионг", "uk"), Term("Хай Дуонг", "uk", Status.ADMITTED)]
    assert concept.terms["ar"] == [Term("هاي دونغ", "ar")]
    assert concept.terms["pt-BR"] == [Term("Hai Duong", "pt-BR")]


def test_tbx_v2_locales_are_read_as_known_languages():
    check_hai_duong(parse_tbx(MARTIF.encode(), "multiterm.tbx").get("hai-duong"))


def test_tbx_v3_variants_of_one_language_merge_in_file_order():
    c = parse_tbx(TBX3.encode(), "phrase.tbx").get("peoples-committee")
    assert (c.en, c.vi) == ("People's Committee", "Ủy ban nhân dân")  # en-GB came first: its first term
    assert set(c.terms) == {"en", "pl", "zh-Hant-TW"}
    # en-US's "peoples  committee" is en-GB's admitted term again (case and spacing aside): en-GB's stands
    assert c.terms["en"] == [Term("Peoples Committee", "en", Status.ADMITTED, "no apostrophe"),
                             Term("People's Council", "en", Status.DEPRECATED)]
    assert c.terms["pl"] == [Term("Komitet Ludowy", "pl")]
    assert c.terms["zh-Hant-TW"] == [Term("人民委員會", "zh-Hant-TW")]


def test_tbx_import_through_the_cli_writes_base_languages(tmp_path):
    source = tmp_path / "multiterm.tbx"
    source.write_text(MARTIF, encoding="utf-8")
    target = tmp_path / "team.gloss"
    run = run_cli(["glossary", "import", str(source), "-g", str(target)])
    assert run.returncode == 0, run.stderr
    assert "imported 1 new concept(s)" in run.stdout
    text = target.read_text(encoding="utf-8")
    assert "- uk: Хайзионг" in text and "en-" not in text.lower() and "uk-" not in text.lower()
    check_hai_duong(load_glossary(target).get("hai-duong"))


def test_a_locale_termbase_extends_the_concepts_a_glossary_has(tmp_path):
    """The point of the mapping: uk-UA terms land on the glossary's uk terms, no 'uk-UA' language appears."""
    target = tmp_path / "team.gloss"
    target.write_text("[hai-duong]\nkind: place\nen: Hai Duong\nvi: Hải Dương\n- uk: Хайзионг\n", encoding="utf-8")
    source = tmp_path / "phrase.tbx"
    source.write_text(TBX3.replace("</body>", """<conceptEntry id="hai-duong"><descrip type="subjectField">place</descrip>
      <langSec xml:lang="en-US"><termSec><term>Hai Duong</term></termSec></langSec>
      <langSec xml:lang="vi-VN"><termSec><term>Hải Dương</term></termSec></langSec>
      <langSec xml:lang="UK-ua"><termSec><term>Хайзионг</term></termSec>
        <termSec><term>Хай Дуонг</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec></conceptEntry></body>"""), encoding="utf-8")
    run = run_cli(["glossary", "import", str(source), "-g", str(target)])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "imported 1 new concept(s), extended 1" in run.stdout
    g = load_glossary(target)
    assert g.get("hai-duong").terms == {"uk": [Term("Хайзионг", "uk"), Term("Хай Дуонг", "uk", Status.ADMITTED)]}
    assert g.get("peoples-committee").en == "People's Committee"


def test_csv_wide_locale_columns_keep_their_own_companion_columns(tmp_path):
    source = tmp_path / "memoq.csv"
    source.write_text(
        "concept_id,kind,EN-us,en_GB,en_GB_status,VI-vn,uk_UA,uk_UA_status,pt_br\n"
        "peoples-committee,party-term,People's Committee,People's Committee;Peoples Committee,;admitted,"
        "Ủy ban nhân dân,Народний комітет;Народний Комітет,;deprecated,Comitê Popular\n",
        encoding="utf-8")
    for g in (load_glossary(source), _imported(source, tmp_path)):
        c = g.get("peoples-committee")
        assert (c.kind, c.en, c.vi) == ("party-term", "People's Committee", "Ủy ban nhân dân")
        assert c.terms == {
            "en": [Term("Peoples Committee", "en", Status.ADMITTED)],  # en_GB's first repeats EN-us's
            "uk": [Term("Народний комітет", "uk"), Term("Народний Комітет", "uk", Status.DEPRECATED)],
            "pt-BR": [Term("Comitê Popular", "pt-BR")],
        }


def test_tsv_long_rows_with_locales_merge_and_the_first_variant_wins():
    text = ("concept_id\tkind\ten\tvi\tlang\tterm\tstatus\n"
            "ha-noi\tplace\tHa Noi\tHà Nội\tuk-UA\tХаной\t\n"
            "ha-noi\tplace\tHa Noi\tHà Nội\tUK_ua\tХа Ной\tadmitted\n"
            "ha-noi\tplace\tHa Noi\tHà Nội\ten-GB\tHanoi\tadmitted\n"
            "ha-noi\tplace\tHa Noi\tHà Nội\ten-US\tHanoi\tdeprecated\n"
            "ha-noi\tplace\tHa Noi\tHà Nội\tar-SA\tهانوي\t\n")
    c = parse_tabular(text, "phrase.tsv", "tsv").get("ha-noi")
    assert c.terms == {
        "uk": [Term("Ханой", "uk"), Term("Ха Ной", "uk", Status.ADMITTED)],  # UK_ua is uk-UA spelt otherwise
        "en": [Term("Hanoi", "en", Status.ADMITTED)],  # en-US repeats en-GB's term: en-GB's status stands
        "ar": [Term("هانوي", "ar")],
    }


def _imported(source: Path, tmp_path: Path):
    target = tmp_path / f"{source.stem}.gloss"
    run = run_cli(["glossary", "import", str(source), "-g", str(target)])
    assert run.returncode == 0, run.stderr
    return load_glossary(target)
