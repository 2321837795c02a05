"""`backtrans fix`: renderings rewritten to the preferred form in the case of the form they replace."""

from __future__ import annotations

import base64
import json
import os
import pty
import stat
import subprocess

import lxml.html
import pytest

import translate
from tests.helpers import BACKTRANS, REPO, SEEDS, cli_env, run_cli
from translate.check import check_documents
from translate.check.inputs import load_document
from translate.fix import Rule, fix_file, fix_text
from translate.glossary import Concept, Glossary, Status, Term
from translate.terms import find_terms

SEED_LANGS = {path.name: path.name[:2] for path in sorted(SEEDS.glob("*.txt"))}
FORMATS = REPO / "tests" / "data" / "formats"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return translate.load_glossary()


def person(cid: str, en: str, vi: str, lang: str, preferred: str, admitted: str, kind: str = "person") -> Concept:
    return Concept(cid, kind, en, vi, terms={lang: [Term(preferred, lang, Status.PREFERRED),
                                                    Term(admitted, lang, Status.ADMITTED)]})


def only(text: str, lang: str, glossary: Glossary, **kwargs) -> str:
    fixed, _ = fix_text(text, lang, glossary, **kwargs)
    return fixed


def outside(text: str, changes) -> list[str]:
    """The pieces of ``text`` between the spans of the applied changes."""
    pieces, at = [], 0
    for c in sorted((c for c in changes if c.applied), key=lambda c: c.offset):
        pieces.append(text[at:c.offset])
        at = c.offset + len(c.old)
    return pieces + [text[at:]]


@pytest.mark.parametrize("name", sorted(SEED_LANGS))
def test_every_seed_variant_is_fixed_and_nothing_else_changes(name, glossary, tmp_path):
    lang = SEED_LANGS[name]
    text = (SEEDS / name).read_text(encoding="utf-8")
    fixed, changes = fix_text(text, lang, glossary, choose=True)
    assert outside(text, changes) == outside_fixed(fixed, changes)
    (tmp_path / name).write_text(fixed, encoding="utf-8")
    report = check_documents([load_document(tmp_path / name, lang)], glossary,
                             checks=["variants", "deprecated", "unknown-variant"])
    assert report.findings == []
    # every fixed span is the concept again, in its preferred form
    again = {m.offset: m for m in find_terms(fixed, lang, glossary)}
    shift = 0
    for c in sorted((c for c in changes if c.applied), key=lambda c: c.offset):
        m = again[c.offset + shift]
        assert (m.concept, m.surface) == (c.concept, c.new)
        canonical = glossary.get(c.concept).canonical(lang)  # none: the text's commonest rendering won
        assert m.canonical or m.term == canonical or not canonical
        shift += len(c.new) - len(c.old)
    assert fix_text(fixed, lang, glossary, choose=True)[1] == []  # fixing twice changes nothing


def outside_fixed(fixed: str, changes) -> list[str]:
    """The pieces of the fixed text between the new forms (the changes' spans moved by earlier ones)."""
    pieces, at, shift = [], 0, 0
    for c in sorted((c for c in changes if c.applied), key=lambda c: c.offset):
        start = c.offset + shift
        pieces.append(fixed[at:start])
        at = start + len(c.new)
        shift += len(c.new) - len(c.old)
    return pieces + [fixed[at:]]


def test_the_seeds_have_variants_to_fix(glossary):
    fixed = {name: fix_text((SEEDS / name).read_text(encoding="utf-8"), lang, glossary)[1]
             for name, lang in SEED_LANGS.items()}
    assert all(fixed[n] for n in fixed if not n.startswith("id_")), "a seed with variants has nothing fixed"
    rules = {c.rule for changes in fixed.values() for c in changes}
    assert {Rule.ADMITTED, Rule.DEPRECATED} <= rules


@pytest.mark.parametrize("old,new", [
    ("Хай Дуонг розвивається.", "Хайзионг розвивається."),  # nominative
    ("розвиток Хай Дуонга", "розвиток Хайзионга"),  # genitive
    ("завдяки Хай Дуонгові", "завдяки Хайзионгові"),  # dative
    ("відвідали Хай Дуонг", "відвідали Хайзионг"),  # accusative (inanimate: as the nominative)
    ("досягнуті Хай Дуонгом", "досягнуті Хайзионгом"),  # instrumental
    ("у Хай Дуонзі", "у Хайзионзі"),  # locative, г → з
    ("Хай Дуонге, вперед!", "Хайзионге, вперед!"),  # vocative
    ("у Тхай Біні та Тхай Бінем", "у Тхайбіні та Тхайбінем"),  # a soft stem: locative, instrumental
])
def test_ukrainian_name_keeps_its_case(old, new, glossary):
    assert only(old, "uk", glossary) == new


def test_ukrainian_party_term_keeps_case_and_number(glossary):
    text = "рішення Постійного комітету провінційної партії"
    assert only(text, "uk", glossary) == "рішення Постійного комітету провінційного партійного комітету"
    text = "Секретар обласної партії виступив."  # a common term at a sentence's start keeps its capital
    assert only(text, "uk", glossary) == "Провінційний секретар партії виступив."


def test_capitals_are_kept(glossary):
    assert only("ДОСЯГНУТІ ХАЙ ДУОНГОМ", "uk", glossary) == "ДОСЯГНУТІ ХАЙЗИОНГОМ"


@pytest.mark.parametrize("old,new", [
    ("Trinh Wan Ngoan powiedział", "Trinh Van Ngoan powiedział"),  # nominative
    ("według Trinha Wan Ngoana", "według Trinha Van Ngoana"),  # genitive: surname and given name
    ("dzięki Trinhowi Wan Ngoanowi", "dzięki Trinhowi Van Ngoanowi"),  # dative
    ("z Trinhem Wan Ngoanem", "z Trinhem Van Ngoanem"),  # instrumental
    ("o Wan Ngoanie", "o Van Ngoanie"),  # locative, the given names only
])
def test_polish_person_name_keeps_its_case(old, new):
    g = Glossary([person("trinh-van-ngoan", "Trinh Van Ngoan", "Trịnh Văn Ngoan", "pl", "Trinh Van Ngoan",
                         "Trinh Wan Ngoan"), person("van-ngoan", "Van Ngoan", "Văn Ngoan", "pl", "Van Ngoan", "Wan Ngoan")])
    assert only(old, "pl", g) == new


@pytest.mark.parametrize("old,new", [
    ("زار نينه بينه", "زار نين بين"),
    ("وبنينه بينه", "وبنين بين"),  # و + ب
    ("لنينه بينه", "لنين بين"),
    ("فنينه بينه", "فنين بين"),
    ("كنينه بينه", "كنين بين"),
])
def test_arabic_proclitics_are_kept(old, new):
    g = Glossary([person("ninh-binh", "Ninh Binh", "Ninh Bình", "ar", "نين بين", "نينه بينه", kind="place")])
    assert only(old, "ar", g) == new


def test_arabic_spelling_of_a_name_becomes_the_terms(glossary):
    assert only("وفي ثايبينه افتتح", "ar", glossary) == "وفي ثاي بينه افتتح"  # joined syllables spaced as listed


def test_arabic_article_drops_after_lam_in_the_preferred_term_too():
    g = Glossary([Concept("peoples-committee", "party-term", "People's Committee", "Ủy ban nhân dân", terms={"ar": [
        Term("الهيئة الشعبية", "ar", Status.PREFERRED), Term("اللجنة الشعبية", "ar", Status.ADMITTED)]})])
    assert only("قرار اللجنة الشعبية", "ar", g) == "قرار الهيئة الشعبية"
    assert only("للجنة الشعبية", "ar", g) == "للهيئة الشعبية"
    assert only("واللجنة الشعبية", "ar", g) == "والهيئة الشعبية"


def test_vietnamese_diacritics_are_restored(glossary):
    assert only("Tỉnh Hai Duong phát triển", "vi", glossary) == "Tỉnh Hải Dương phát triển"


def test_an_ambiguous_case_is_left_alone_unless_chosen(glossary):
    text = "Komórki Partii zebrały się."  # genitive singular or nominative plural
    fixed, changes = fix_text(text, "pl", glossary)
    assert fixed == text
    [left] = changes
    assert not left.applied and left.choices == ("Komórki partyjnej", "Komórki partyjne")
    assert only(text, "pl", glossary, choose=True) == "Komórki partyjnej zebrały się."


def test_an_unlisted_person_takes_the_texts_commonest_spelling(glossary):
    text = "Pham Minh Tuan powiedział. Phạm Minh Tuấn dodał, że Pham Minh Tuana wybrano."
    fixed, changes = fix_text(text, "pl", glossary)
    assert fixed == "Pham Minh Tuan powiedział. Pham Minh Tuan dodał, że Pham Minh Tuana wybrano."
    assert [c.rule for c in changes] == [Rule.PERSON]
    assert fix_text(text, "pl", glossary, discover=False)[0] == text


def test_cli_in_place_keeps_bytes_mode_bom_and_line_endings(tmp_path):
    path = tmp_path / "report.txt"
    original = "\ufeffВидатні результати, досягнуті Хай Дуонгом.\r\nІнший рядок  без змін.\r\n".encode()
    path.write_bytes(original)
    os.chmod(path, 0o640)
    result = run_cli(["fix", str(path), "--lang", "uk", "--in-place"])
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == original.replace("Хай Дуонгом".encode(), "Хайзионгом".encode())
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "1 fixed" in result.stderr


def test_cli_dry_run_writes_nothing_and_reports_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("у Хай Дуонзі\n", encoding="utf-8")
    result = run_cli(["fix", str(path), "--lang", "uk", "--dry-run", "--format", "json"])
    assert result.returncode == 0, result.stderr
    [change] = json.loads(result.stdout)
    assert (change["file"], change["line"], change["old"], change["new"], change["rule"]) == \
        (str(path), 1, "Хай Дуонзі", "Хайзионзі", "admitted")
    assert path.read_text(encoding="utf-8") == "у Хай Дуонзі\n"
    diff = run_cli(["fix", str(path), "--lang", "uk", "-n"])
    assert "-у Хай Дуонзі" in diff.stdout and "+у Хайзионзі" in diff.stdout


def test_cli_writes_the_fixed_text_to_stdout_or_out(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("у Хай Дуонзі\n", encoding="utf-8")
    assert run_cli(["fix", str(path), "--lang", "uk"]).stdout == "у Хайзионзі\n"
    out = tmp_path / "fixed.txt"
    assert run_cli(["fix", str(path), "--lang", "uk", "--out", str(out)]).returncode == 0
    assert out.read_text(encoding="utf-8") == "у Хайзионзі\n"


@pytest.mark.parametrize("args,message", [
    (["fix", "{missing}", "--lang", "uk"], "no such file"),
    (["fix", "{a}", "{b}", "--lang", "uk"], "2 files to fix: add --in-place or --dry-run"),
    (["fix", "{a}", "--lang", "uk", "--in-place", "--dry-run"], "choose one of"),
    (["fix", "{a}", "--lang", "xq"], "unknown language"),
])
def test_cli_errors_are_one_line(args, message, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("у Хай Дуонзі\n", encoding="utf-8")
    args = [a.format(missing=tmp_path / "missing.txt", a=tmp_path / "a.txt", b=tmp_path / "b.txt") for a in args]
    result = run_cli(args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version='1.2' xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="vi-VN" target-language="uk-UA" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1"><source>Thành tựu của Hải Dương</source><target state='translated'>Досягнуті Хай Дуонгом &amp; <g id="1">у Хай Дуонзі</g><ph id="2">&lt;b title="Хай Дуонг"&gt;</ph>.</target></trans-unit>
   <trans-unit id="2"><source>Hải Dương</source><target/></trans-unit>
  </body>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="pl" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu tuid="1"><tuv xml:lang="pl"><seg>według Trinha Wan Ngoana</seg></tuv><tuv xml:lang="uk"><seg>за словами Хай Дуонга</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="uk"><seg>Хай Дуонг</seg></tuv><tuv xml:lang="pl"><seg>z Trinhem Wan Ngoanem<bpt i="1">&lt;b&gt;</bpt>!<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>
</body></tmx>
"""


def test_xliff_targets_are_fixed_markup_sources_and_codes_untouched(glossary, tmp_path):
    path = tmp_path / "report.xlf"
    path.write_bytes(XLIFF.encode())
    result = fix_file(path, "uk", glossary)
    assert result.data() == XLIFF.replace("Досягнуті Хай Дуонгом", "Досягнуті Хайзионгом").replace(
        "у Хай Дуонзі</g>", "у Хайзионзі</g>").encode()
    assert [(c.line, c.old, c.new) for c in result.applied] == [(5, "Хай Дуонгом", "Хайзионгом"),
                                                                 (5, "Хай Дуонзі", "Хайзионзі")]
    line = XLIFF.splitlines()[4]
    assert all(line[c.start:c.end] == c.old for c in result.applied)  # columns in the file's line


def test_an_xlz_package_is_fixed_through_its_xliff_and_its_other_members_kept(glossary, tmp_path):
    import zipfile

    path = tmp_path / "job.xlz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("skeleton.skl", b"\x00skeleton bytes\xff")
        zf.writestr(zipfile.ZipInfo("content.xlf", (2024, 5, 29, 10, 0, 0)), XLIFF.encode(), zipfile.ZIP_DEFLATED)
    assert run_cli(["fix", path, "--lang", "uk", "--in-place"]).returncode == 0
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        assert [(i.filename, i.date_time, i.compress_type) for i in infos] == [
            ("skeleton.skl", infos[0].date_time, zipfile.ZIP_STORED), ("content.xlf", (2024, 5, 29, 10, 0, 0), zipfile.ZIP_DEFLATED)]
        assert zf.read("skeleton.skl") == b"\x00skeleton bytes\xff"
        fixed = zf.read("content.xlf")
    plain = tmp_path / "plain.xlf"  # the same XLIFF, fixed as a file of its own
    plain.write_bytes(XLIFF.encode())
    assert fixed == fix_file(plain, "uk", glossary).data() != XLIFF.encode()


def test_tmx_fixes_the_target_language_only(tmp_path):
    g = Glossary([person("trinh-van-ngoan", "Trinh Van Ngoan", "Trịnh Văn Ngoan", "pl", "Trinh Van Ngoan",
                         "Trinh Wan Ngoan"), person("hai-duong", "Hai Duong", "Hải Dương", "uk", "Хайзионг",
                                                    "Хай Дуонг", kind="place")])
    path = tmp_path / "memory.tmx"
    path.write_bytes(TMX.encode())
    assert fix_file(path, "pl", g).data() == TMX.replace("Trinha Wan Ngoana", "Trinha Van Ngoana").replace(
        "Trinhem Wan Ngoanem", "Trinhem Van Ngoanem").encode()
    assert fix_file(path, "uk", g).data() == TMX.replace("Хай Дуонга", "Хайзионга").replace(
        "<seg>Хай Дуонг</seg>", "<seg>Хайзионг</seg>").encode()


def test_sdlxliff_segments_are_fixed(glossary, tmp_path):
    original = (FORMATS / "studio.sdlxliff").read_text(encoding="utf-8").replace("Quang Ninh", "Quảng Ninh")
    path = tmp_path / "studio.sdlxliff"
    path.write_text(original, encoding="utf-8")
    result = fix_file(path, "en", glossary)
    assert result.text == original.replace("in Quảng Ninh.</mrk>", "in Quang Ninh.</mrk>")
    assert "Куангніня" in result.text  # the source is not the target


def test_po_translations_are_fixed_in_place_and_nothing_else(tmp_path):
    head = ('msgid ""\nmsgstr ""\n"Language: uk\\n"\n"X-Note: Хай Дуонг\\n"\n\n'
            '#: report.py:10\nmsgid "Achieved by Hai Duong."\nmsgstr "Досягнуто Хай Дуонгом."\n\n')
    rest = ('#, fuzzy\nmsgid "We were in Hai Duong."\nmsgstr "Ми були у Хай Дуонзі."\n\n'
            'msgid "Hai Duong, twice."\nmsgstr ""\n"Хай "\n"Дуонг і \\"Хай Дуонг\\"."\n\n'
            '#~ msgid "Old."\n#~ msgstr "Хай Дуонг."\n')
    path = tmp_path / "report.uk.po"
    path.write_text(head + rest, encoding="utf-8")
    path.chmod(0o640)
    result = run_cli(["fix", path, "--lang", "uk", "--in-place", "--format", "json"])
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == head.replace("Досягнуто Хай Дуонгом.", "Досягнуто Хайзионгом.") + rest
    changes = json.loads(result.stdout)
    assert [(c["old"], c["new"], c["applied"], c["line"]) for c in changes] == [
        ("Хай Дуонгом", "Хайзионгом", True, 8),  # the header, a fuzzy entry and an obsolete one are no translations
        ("Хай Дуонг", "Хай Дуонг", False, 15), ("Хай Дуонг", "Хай Дуонг", False, 15)]  # across strings, escaped quotes
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_folder_of_translate_outputs_is_fixed_text_and_records_alike(installed_models, tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "report.txt").write_text("Thành tựu của Hai Duong năm 2023.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(["translate", source, "--from", "uk", "--to", "en,vi", "--out", out, "--no-glossary", "-q"],
                   env_dir=installed_models).returncode == 0
    # the copy test model returns its input: both "translations" are the text as written
    result = run_cli(["fix", out, "--lang", "vi", "--in-place"])
    assert result.returncode == 0, result.stderr
    assert (out / "report.vi.txt").read_text(encoding="utf-8") == "Thành tựu của Hải Dương năm 2023.\n"
    [record] = [json.loads(line) for line in (out / "report.vi.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["translation"] == "Thành tựu của Hải Dương năm 2023."
    assert "Hai Duong" in (out / "report.en.txt").read_text(encoding="utf-8")  # another language: left out


def test_a_fixed_record_carries_the_verdict_on_its_fixed_translation(tmp_path):
    record = {"doc": "report", "paragraph": 0, "index": 0, "from": "uk", "to": "vi", "source": "Досягнення Хайзионгу.",
              "translation": "Thành tựu của Hai Duong.", "models": ["m"], "concepts": ["hai-duong"],
              "glossary": {"ok": False, "missing": ["hai-duong"], "extra": [], "deprecated": [], "strategies": ["protect"]}}
    path = tmp_path / "report.vi.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli(["fix", path, "--lang", "vi", "--in-place"]).returncode == 0
    [fixed] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert fixed["translation"] == "Thành tựu của Hải Dương."
    assert fixed["glossary"] == {"ok": True, "missing": [], "extra": [], "deprecated": [], "strategies": ["protect"]}
    assert {k: v for k, v in fixed.items() if k not in ("translation", "glossary")} == \
        {k: v for k, v in record.items() if k not in ("translation", "glossary")}


def test_cli_interactive_asks_before_each_change(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Досягнуті Хай Дуонгом. Ми були у Хай Дуонзі.\n", encoding="utf-8")
    primary, secondary = pty.openpty()
    os.write(primary, b"y\nn\n")  # make the first change, leave the second
    process = subprocess.run([BACKTRANS, "fix", str(path), "--lang", "uk", "--in-place", "--interactive"],
                             stdin=secondary, stderr=secondary, stdout=subprocess.PIPE, timeout=300,
                             env=cli_env())
    os.close(secondary)
    shown = _drain(primary)
    assert process.returncode == 0, shown
    assert path.read_text(encoding="utf-8") == "Досягнуті Хайзионгом. Ми були у Хай Дуонзі.\n"
    assert "[Хай Дуонгом]" in shown and "1) Хайзионзі" in shown


def _drain(fd: int) -> str:
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    return out.decode("utf-8", "replace")


def test_cli_interactive_needs_a_terminal(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("у Хай Дуонзі\n", encoding="utf-8")
    result = run_cli(["fix", str(path), "--lang", "uk", "--interactive"])
    assert result.returncode == 2 and "--interactive needs a terminal" in result.stderr


def test_the_html_report_offers_the_fixed_version_fix_writes(glossary, tmp_path):
    seed = SEEDS / "uk_hai_duong_breakthroughs.txt"
    report = tmp_path / "qa.html"
    result = run_cli(["check", seed, "--lang", "uk", "--format", "html", "-o", report, "--fail-on", "never"])
    assert result.returncode == 0, result.stderr
    [link] = lxml.html.fromstring(report.read_text(encoding="utf-8")).xpath("//a[@class='fixed']")
    assert link.get("download") == "uk_hai_duong_breakthroughs.fixed.txt"
    data = base64.b64decode(link.get("href").split("base64,", 1)[1])
    assert data == fix_file(seed, "uk", glossary).data() and data != seed.read_bytes()


def test_cli_reads_standard_input(tmp_path):
    result = run_cli(["fix", "-", "--lang", "uk"], input="Досягнуті Хай Дуонгом.\n")
    assert result.returncode == 0 and result.stdout == "Досягнуті Хайзионгом.\n"
    refused = run_cli(["fix", "-", "--lang", "uk", "--in-place"], input="x\n")
    assert refused.returncode == 2 and "standard input" in refused.stderr
