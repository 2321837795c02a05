"""The checks of form (translate/check/formal.py) on hand-made TMX files, through the real reader."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

import translate
from tests.helpers import run_cli
from translate.check import check_documents, load_document
from translate.check.model import CheckSettings

FORMAL = ["end-punctuation", "punctuation", "double-space", "double-word", "leading-trailing-space"]


def write_tmx(path, src, tgt, pairs):
    units = "".join(f'<tu tuid="{i}"><tuv xml:lang="{src}"><seg>{escape(s)}</seg></tuv>'
                    f'<tuv xml:lang="{tgt}"><seg>{escape(t)}</seg></tuv></tu>\n' for i, (s, t) in enumerate(pairs, 1))
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="{src}" '
                    f'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t" creationtool="t" '
                    f'creationtoolversion="1"/><body>\n{units}</body></tmx>\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def glossary():
    return translate.load_glossary(None, gazetteer=False)


def findings(tmp_path, glossary, src, tgt, pairs, settings=CheckSettings()):
    doc = load_document(write_tmx(tmp_path / f"{src}-{tgt}.tmx", src, tgt, pairs), tgt)
    report = check_documents([doc], glossary, FORMAL, settings=settings)
    return sorted((f.check, f.location.segment, f.suggestion) for f in report.findings)


def test_end_punctuation_follows_the_target_languages_marks(tmp_path, glossary):
    pairs = [("Did the province meet its targets?", "هل حققت المقاطعة أهدافها؟"),   # Arabic question: right
             ("Did the district meet its targets?", "هل حققت المنطقة أهدافها?"),      # Latin «?» in Arabic
             ("The plan was met.", "تم تنفيذ الخطة"),                                 # the full stop dropped
             ("Results:", "النتائج."),                                                # colon became a stop
             ("He said: \u201cWe will.\u201d", "قال: «سنفعل».")]                       # quotes skipped: both stops
    assert findings(tmp_path, glossary, "en", "ar", pairs) == [
        ("end-punctuation", 1, "؟"), ("end-punctuation", 2, "."), ("end-punctuation", 3, ":"),
        ("punctuation", 1, "؟")]


def test_punctuation_rules_of_ukrainian_polish_and_arabic(tmp_path, glossary):
    uk = [("The \"Dong Khoi\" movement grew.", "Рух \"Донг Кхой\" зріс."),
          ("Revenue rose , as planned.", "Дохід зріс , як і планувалося.")]
    assert findings(tmp_path, glossary, "en", "uk", uk) == [
        ("punctuation", 0, "«Донг Кхой»"), ("punctuation", 1, ",")]
    pl = [("The \"Dong Khoi\" movement grew.", "Ruch \"Dong Khoi\" rozwinął się.")]
    assert findings(tmp_path, glossary, "en", "pl", pl) == [("punctuation", 0, "„Dong Khoi”")]
    # Arabic: a decimal comma between digits is no comma to replace; one beside words is.
    ar = [("Growth was 6,5 percent, the highest.", "بلغ النمو 6,5 بالمئة, وهو الأعلى.")]
    assert findings(tmp_path, glossary, "en", "ar", ar) == [("punctuation", 0, "،")]


def test_doubled_words_in_any_script_and_case_but_not_reduplication(tmp_path, glossary):
    uk = [("The plan was met.", "План було було виконано."), ("In the city.", "У У місті.")]
    assert findings(tmp_path, glossary, "en", "uk", uk) == [("double-word", 0, "було"), ("double-word", 1, "У")]
    ar = [("In the city.", "في في المدينة.")]
    assert findings(tmp_path, glossary, "en", "ar", ar) == [("double-word", 0, "في")]
    en = [("Kế hoạch đã hoàn thành.", "The the plan had had results.")]  # "had had" is English grammar
    assert findings(tmp_path, glossary, "vi", "en", en) == [("double-word", 0, "The")]
    # Vietnamese reduplication (ngày ngày: day after day) is grammar; «của của» is a slip.
    vi = [("Day after day the people of the province work.", "Ngày ngày người dân của của tỉnh làm việc.")]
    assert findings(tmp_path, glossary, "en", "vi", vi) == [("double-word", 0, "của")]
    # Indonesian writes reduplication with a hyphen.
    id_ = [("The children came.", "Anak anak datang.")]
    assert findings(tmp_path, glossary, "en", "id", id_) == [("double-word", 0, "Anak-anak")]
    # A profile may allow a word.
    assert findings(tmp_path, glossary, "en", "ar", ar, CheckSettings(allowed_doubled_words=("في",))) == []


def test_spaces_doubled_and_at_the_edges(tmp_path, glossary):
    pairs = [("The plan was met.", "План  було виконано."),
             (" The plan was met.", "План було виконано."),
             ("The plan was met.", "План було виконано. "),
             (" Revenue rose. ", " Дохід зріс. ")]
    assert findings(tmp_path, glossary, "en", "uk", pairs) == [
        ("double-space", 0, " "), ("leading-trailing-space", 1, " "), ("leading-trailing-space", 2, "")]


def test_new_checks_are_listed_and_selectable(tmp_path, glossary):
    run = run_cli(["check", "--list-checks"])
    names = [line.split()[0] for line in run.stdout.splitlines()]
    assert set(FORMAL) <= set(names)
    path = write_tmx(tmp_path / "t.tmx", "en", "uk", [("The plan was met.", "План було було виконано")])
    result = run_cli(["check", str(path), "--lang", "uk", "--checks", "double-word", "--format", "json"])
    assert result.returncode == 1 and '"double-word"' in result.stdout and "end-punctuation" not in result.stdout
