"""score over bilingual files: untranslated units skipped and counted; a multilingual TMX's --lang variant."""

from __future__ import annotations

import json

from tests.helpers import run_cli

XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="r" source-language="en" target-language="pl" datatype="plaintext"><body>
<trans-unit id="1"><source>The delegation visited Quang Ninh.</source><target>Delegacja odwiedziła Quang Ninh.</target></trans-unit>
<trans-unit id="2"><source>The meeting lasted two hours.</source><target/></trans-unit>
<trans-unit id="3"><source>The secretary opened it.</source></trans-unit>
<trans-unit id="4"><source>Revenue rose.</source><target>Dochody wzrosły.</target></trans-unit>
</body></file></xliff>'''


def _score(*args):
    run = run_cli(["score", *args, "--no-glossary", "--format", "json"])
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_untranslated_units_are_skipped_and_counted(tmp_path):
    hyp = tmp_path / "hyp.xlf"
    hyp.write_text(XLIFF, encoding="utf-8")
    ref = tmp_path / "ref.pl.txt"
    ref.write_text("Delegacja odwiedziła Quang Ninh.\nSpotkanie trwało dwie godziny.\nSekretarz je otworzył.\n"
                   "Dochody wzrosły.\n", encoding="utf-8")
    [doc] = _score(str(hyp), "--ref", str(ref), "--lang", "pl")
    assert (doc["segments"], doc["skipped"]) == (2, 2)
    assert {s["metric"]: round(s["value"], 2) for s in doc["scores"]}["BLEU"] == 100.0  # the translated two, aligned
    text = run_cli(["score", str(hyp), "--ref", str(ref), "--lang", "pl", "--no-glossary"])
    assert "hyp.xlf (2 segments, 2 untranslated skipped)" in text.stdout
    # a reference whose unit is untranslated leaves that unit out too
    [both] = _score(str(ref), "--ref", str(hyp), "--lang", "pl")
    assert (both["segments"], both["skipped"]) == (2, 2)


def test_nothing_translated_is_one_line_exit_2(tmp_path):
    hyp = tmp_path / "hyp.xlf"
    hyp.write_text(XLIFF.replace("<target>Delegacja odwiedziła Quang Ninh.</target>", "")
                   .replace("<target>Dochody wzrosły.</target>", "<target> </target>"), encoding="utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("a\nb\nc\nd\n", encoding="utf-8")
    run = run_cli(["score", str(hyp), "--ref", str(ref), "--lang", "pl", "--no-glossary"])
    assert run.returncode == 2 and "nothing to score: all 4 units are untranslated" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_three_language_tmx_scores_the_variant_of_lang_not_the_first_other_one(tmp_path):
    tmx = tmp_path / "multi.tmx"
    tmx.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en"><seg>The delegation visited Quang Ninh.</seg></tuv><tuv xml:lang="uk"><seg>Делегація відвідала Куангнінь.</seg></tuv><tuv xml:lang="pl-PL"><seg>Delegacja odwiedziła Quang Ninh.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Revenue rose.</seg></tuv><tuv xml:lang="uk"><seg>Доходи зросли.</seg></tuv><tuv xml:lang="pl-PL"><seg>Dochody wzrosły.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Not in Polish yet.</seg></tuv><tuv xml:lang="uk"><seg>Ще не польською.</seg></tuv></tu>
</body></tmx>''', encoding="utf-8")
    for lang, ref_lines in [("pl", "Delegacja odwiedziła Quang Ninh.\nDochody wzrosły.\nx\n"),
                            ("uk", "Делегація відвідала Куангнінь.\nДоходи зросли.\nЩе не польською.\n")]:
        ref = tmp_path / f"ref.{lang}.txt"
        ref.write_text(ref_lines, encoding="utf-8")
        [doc] = _score(str(tmx), "--ref", str(ref), "--lang", lang)
        bleu = {s["metric"]: s["value"] for s in doc["scores"]}["BLEU"]
        assert round(bleu, 2) == 100.0, lang  # the first non-source variant (uk) would not match pl
        assert doc["skipped"] == (1 if lang == "pl" else 0)  # the unit with no pl variant
