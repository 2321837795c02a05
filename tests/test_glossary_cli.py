"""`backtrans glossary` maintenance commands, merge conflicts, and two concurrent editors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli
from translate.glossary import Status, load_glossary, shipped_glossary_path

BACKTRANS = str(Path(sys.executable).with_name("backtrans"))

START = """\
# team glossary

# provinces
[hai-duong]
kind: place
en: Hai Duong
vi: Hải Dương
# the seed's spelling
- uk: Хайзионг
"""


def bt(*args: str, **kw) -> subprocess.CompletedProcess:
    return run_cli(["glossary", *args], **kw)


def test_add_edit_remove_keep_comments_and_order(tmp_path):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    run = bt("add", "-g", str(path), "--id", "tu-ky", "--kind", "place", "--en", "Tu Ky", "--vi", "Tứ Kỳ",
             "--term", "uk:Ту Ки", "--term", "pl:Tu Ky", "--term", "pl:Tu Kỳ:admitted", input="")
    assert run.returncode == 0, run.stderr
    assert bt("edit", "-g", str(path), "hai-duong", "--term", "uk:Хай Дуонг:admitted",
              "--note", "province").returncode == 0
    g = load_glossary(path)
    assert [c.id for c in g] == ["hai-duong", "tu-ky"]
    assert [(t.text, t.status) for t in g.get("hai-duong").terms["uk"]] == [
        ("Хайзионг", Status.PREFERRED), ("Хай Дуонг", Status.ADMITTED)]
    assert g.get("tu-ky").terms["pl"][1].status is Status.ADMITTED
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# team glossary\n\n# provinces\n[hai-duong]\n")
    assert "# the seed's spelling\n- uk: Хайзионг\n" in text
    assert bt("remove", "-g", str(path), "tu-ky").returncode == 0
    assert bt("remove", "-g", str(path), "tu-ky").returncode == 2  # already gone: a user error


def test_add_without_a_terminal_needs_every_field(tmp_path):
    run = bt("add", "-g", str(tmp_path / "g.gloss"), "--id", "x", input="")
    assert run.returncode == 2 and "missing --kind, --en, --vi" in run.stderr


def test_edit_in_editor_reparses_the_concept(tmp_path):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    editor = f"{sys.executable} -c \"import sys; p=sys.argv[1]; open(p,'a').write('- pl: Hai Duong\\n')\""
    run = bt("edit", "-g", str(path), "hai-duong", env={"EDITOR": editor, "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert load_glossary(path).get("hai-duong").terms["pl"][0].text == "Hai Duong"
    assert path.read_text(encoding="utf-8").startswith("# team glossary\n\n# provinces\n")
    broken = f"{sys.executable} -c \"import sys; open(sys.argv[1],'a').write('colour: red\\n')\""
    run = bt("edit", "-g", str(path), "hai-duong", env={"EDITOR": broken, "PATH": "/usr/bin:/bin"})
    assert run.returncode == 2 and "unknown field 'colour'" in run.stderr and "kept in" in run.stderr


def test_list_filters_and_json():
    run = bt("list", "--kind", "index", "--format", "json")
    records = json.loads(run.stdout)
    assert [r["id"] for r in records] == ["papi", "pci"]
    assert records[0]["terms"]["ar"][0] == {"text": "PAPI", "status": "preferred", "note": "",
                                            "source": "seeds/ar_ninh_binh_work_theme.txt"}
    run = bt("list", "--lang", "uk", "--text", "хай")
    assert run.stdout.splitlines() == ["hai-duong\tplace\tHai Duong\tHải Dương\tХайзионг; Хай Дуонг (admitted)"]
    assert bt("show", "ocop").stdout.startswith("# ---- Programmes")


def test_merge_reports_conflicts_and_writes_nothing(tmp_path):
    a, b, out = tmp_path / "a.gloss", tmp_path / "b.gloss", tmp_path / "out.gloss"
    a.write_text(START, encoding="utf-8")
    b.write_text("[hai-duong]\nkind: place\nen: Hai Duong\nvi: Hải Dương\n- uk: Хай Дуонг\n  status: admitted\n\n"
                 "[tu-ky]\nkind: place\nen: Tu Ky\nvi: Tứ Kỳ\n- uk: Ту Ки\n", encoding="utf-8")
    run = bt("merge", str(a), str(b), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    merged = load_glossary(out)
    assert [c.id for c in merged] == ["hai-duong", "tu-ky"]
    assert [t.text for t in merged.get("hai-duong").terms["uk"]] == ["Хайзионг", "Хай Дуонг"]
    c = tmp_path / "c.gloss"
    c.write_text("[hai-duong]\nkind: place\nen: Haiduong\nvi: Hải Dương\n\n"
                 "[other]\nkind: place\nen: Other\nvi: Other\n- uk: Хайзионг\n", encoding="utf-8")
    out.unlink()
    run = bt("merge", str(a), str(c), "-o", str(out))
    assert run.returncode == 1 and not out.exists()
    assert f"{c}:3: hai-duong: en differs: 'Hai Duong' vs 'Haiduong'" in run.stdout
    assert f"{c}:10: other: uk term 'Хайзионг' belongs to concept 'hai-duong'" in run.stdout


WORKER = """
import sys
from translate.glossary import Concept
from translate.glossary.edit import add_concept
path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(n):
    add_concept(path, Concept(f"{tag}-{i}", "place", f"{tag} {i}", f"{tag} {i}"))
"""


def test_two_processes_adding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.gloss"
    path.write_text(START, encoding="utf-8")
    n = 40
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), tag, str(n)]) for tag in ("a", "b")]
    cli = [subprocess.Popen([BACKTRANS, "glossary", "add", "-g", str(path), "--id", f"cli-{i}", "--kind", "place",
                             "--en", f"X {i}", "--vi", f"X {i}"], stdin=subprocess.DEVNULL) for i in range(3)]
    assert all(p.wait(timeout=120) == 0 for p in workers + cli)
    ids = {c.id for c in load_glossary(path)}
    expected = {"hai-duong"} | {f"{t}-{i}" for t in "ab" for i in range(n)} | {f"cli-{i}" for i in range(3)}
    assert ids == expected


def test_editors_through_links_and_through_the_path_lose_nothing(tmp_path):
    path = tmp_path / "shared.gloss"
    path.write_text(START, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "mine.gloss"
    link.symlink_to(path)
    spellings = [path, link, tmp_path / "elsewhere" / ".." / "shared.gloss", link]
    n = 12
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(spelling), f"w{k}", str(n)])
               for k, spelling in enumerate(spellings * 2)]
    assert all(p.wait(timeout=180) == 0 for p in workers)
    assert link.is_symlink()  # edits through the link reach the file it names, and keep it a link
    ids = {c.id for c in load_glossary(path)}
    assert ids == {"hai-duong"} | {f"w{k}-{i}" for k in range(8) for i in range(n)}


def test_help_explains_itself():
    run = bt("--help")
    assert run.returncode == 0 and "preferred" in run.stdout and "--glossary" in run.stdout
    assert shipped_glossary_path().exists()


def test_term_specs_with_a_bad_language_or_status_are_refused_before_writing(tmp_path):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    for spec, message in (("xx1:foo", "'xx1' is not a language code"), ("pl:Hanoi:admited", "unknown status")):
        run = bt("add", "-g", str(path), "--id", "ha-noi", "--kind", "place", "--en", "Ha Noi", "--vi", "Hà Nội",
                 "--term", spec, input="")
        assert run.returncode == 2 and message in run.stderr
    assert bt("edit", "-g", str(path), "hai-duong", "--term", "uk:Хай Дуонг:admited").returncode == 2
    assert path.read_text(encoding="utf-8") == START
    assert bt("add", "-g", str(path), "--id", "x", "--kind", "place", "--en", "X", "--vi", "X",
              "--term", "en:Ratio 1:2", input="").returncode == 0  # ':' inside a term is fine
    assert load_glossary(path).get("x").terms["en"][0].text == "Ratio 1:2"


def test_export_or_merge_onto_a_folder_is_one_line_and_exit_2(tmp_path):
    for args in (("export", "--format", "tbx", "-o", str(tmp_path)),
                 ("merge", str(shipped_glossary_path()), str(shipped_glossary_path()), "-o", str(tmp_path))):
        run = bt(*args)
        assert run.returncode == 2, run.stderr
        assert run.stderr == f"backtrans: error: {tmp_path}: is a directory, not a file\n"


def test_a_term_given_with_a_region_locale_is_stored_under_its_language(tmp_path):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    assert bt("edit", "-g", str(path), "hai-duong", "--term", "uk-UA:Хайдионг:deprecated").returncode == 0
    terms = load_glossary(path).get("hai-duong").terms
    assert "uk-UA" not in terms and [t.text for t in terms["uk"]][-1] == "Хайдионг"


@pytest.mark.parametrize("args, message", [
    (["--kind", "plase", "--en", "Tu Ky", "--vi", "Tứ Kỳ"], "did you mean 'place'"),
    (["--kind", "place", "--en", "Tứ Kỳ", "--vi", "Tứ Kỳ"], "should be the vi without diacritics"),
    (["--kind", "place", "--en", "Tu Ky", "--vi", "Tứ Kỳ", "-t", "uk:Хайзионг"], "also belongs to concept 'hai-duong'"),
])
def test_edits_that_validate_would_reject_are_refused_unless_forced(tmp_path, args, message):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    run = bt("add", "-g", str(path), "--id", "tu-ky", *args, input="")
    assert run.returncode == 2 and message in run.stderr, run.stderr
    assert path.read_text(encoding="utf-8") == START  # nothing written
    assert bt("add", "-g", str(path), "--id", "tu-ky", *args, "--force", input="").returncode == 0


def test_edit_refuses_empty_fields_and_needs_flags_or_an_editor(tmp_path):
    path = tmp_path / "team.gloss"
    path.write_text(START, encoding="utf-8")
    assert "--kind cannot be empty" in bt("edit", "-g", str(path), "hai-duong", "--kind", "").stderr
    run = bt("edit", "-g", str(path), "hai-duong", env={"EDITOR": "", "VISUAL": ""})
    assert run.returncode == 2 and "nothing to change" in run.stderr
    assert path.read_text(encoding="utf-8") == START


def test_the_shipped_glossary_is_edited_only_when_named(tmp_path):
    from translate.glossary.store import shipped_glossary_path

    before = shipped_glossary_path().read_bytes()
    run = bt("add", "--id", "tu-ky", "--kind", "place", "--en", "Tu Ky", "--vi", "Tứ Kỳ", input="")
    assert run.returncode == 2 and "no glossary to edit" in run.stderr
    assert shipped_glossary_path().read_bytes() == before
