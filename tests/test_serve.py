"""`backtrans serve`: LibreTranslate's own client against a real uvicorn on loopback, with the copy
test models; batching, limits, keys and shutdown through real HTTP requests."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import lxml.html
import pytest

pytest.importorskip("fastapi")
from libretranslatepy import LibreTranslateAPI  # noqa: E402

from tests.helpers import SEEDS, run_cli  # noqa: E402
from tests.serving import post, serve_process, serving  # noqa: E402
from translate.check import check_documents, load_document  # noqa: E402
from translate.engine import installed_packages  # noqa: E402
from translate.serve import ServeSettings, Service  # noqa: E402
from translate.serve.app import create_app  # noqa: E402
from translate.serve.batcher import Batcher  # noqa: E402
from translate.serve.limits import Limits  # noqa: E402

SENTENCE = "Секретар провінційного комітету партії Хайзионгу відвідав Ханой."


@pytest.fixture(scope="module")
def glossary():
    import translate

    return translate.load_glossary()


def canonical(glossary, concept, lang):
    return glossary.get(concept).canonical(lang)


def test_libretranslate_client_against_the_command(installed_models, glossary):
    """The real `backtrans serve` and LibreTranslate's Python client: translate (direct and through
    English), languages, detect, an error; SIGTERM stops it cleanly; the log holds no text."""
    with serve_process([], installed_models) as (url, process):
        lt = LibreTranslateAPI(url)
        english = lt.translate(SENTENCE, "uk", "en")
        assert canonical(glossary, "hai-duong", "en") in english and "Хайзионг" not in english
        assert canonical(glossary, "vn-p01-ha-noi", "en") in english
        vietnamese = lt.translate(SENTENCE, "uk", "vi")  # no uk→vi model: through English
        assert canonical(glossary, "hai-duong", "vi") in vietnamese
        languages = {lang["code"]: lang for lang in lt.languages()}
        pairs = {(p.from_code, p.to_code) for p in installed_packages(installed_models)}
        assert set(languages) == {c for pair in pairs for c in pair}
        assert "vi" in languages["uk"]["targets"] and ("uk", "vi") not in pairs
        assert lt.detect(SENTENCE)[0]["language"] == "uk"
        with pytest.raises(urllib.error.HTTPError) as bad:
            lt.translate(SENTENCE, "xx", "en")
        assert bad.value.code == 400 and "xx" in bad.value.read().decode()
        process.terminate()
        process.wait(timeout=60)  # uvicorn shuts down, then re-raises SIGTERM: the exit status says so
        log = process.stderr.read()
    assert "Application shutdown complete" in log and "Traceback" not in log
    assert "POST /translate 200" in log and "Хайзионг" not in log and "Ханой" not in log


def test_api_keys_and_rate_limits_of_the_command(installed_models, tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("# team keys\nalpha 2\nbeta\n", encoding="utf-8")
    with serve_process(["--api-keys", str(keys)], installed_models) as (url, _):
        for key, status in ((None, 403), ("wrong", 403)):
            with pytest.raises(urllib.error.HTTPError) as refused:
                LibreTranslateAPI(url, api_key=key).translate("Ханой.", "uk", "en")
            assert refused.value.code == status and "API key" in refused.value.read().decode()
        alpha = LibreTranslateAPI(url, api_key="alpha")
        assert alpha.translate("Ханой.", "uk", "en") and alpha.detect("Ханой")  # its two requests a minute
        with pytest.raises(urllib.error.HTTPError) as slow:
            alpha.translate("Ханой.", "uk", "en")
        assert slow.value.code == 429 and slow.value.headers["Retry-After"]
        assert LibreTranslateAPI(url, api_key="beta").translate("Ханой.", "uk", "en")  # another key, its own rate


def test_without_the_serve_extra_one_line_says_what_to_install():
    """A Python where uvicorn cannot be imported (as without ``backtrans[serve]``) runs the real CLI."""
    code = ("import sys; sys.modules['uvicorn'] = None; from translate.cli import run; "
            "sys.exit(run(['serve', '--port', '0']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr.strip() == "backtrans: error: serving needs uvicorn: pip install 'backtrans[serve]'"


def test_a_bad_keys_file_is_one_line_naming_it(tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("alpha 10\nbeta ten\n", encoding="utf-8")
    result = run_cli(["serve", "--api-keys", str(keys)])
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and f"{keys}:2:" in result.stderr


@pytest.fixture(scope="module")
def packages(installed_models):
    return installed_packages(installed_models)


@pytest.fixture(scope="module")
def server(packages):
    """An in-process server with small limits, for the shapes and the limits."""
    settings = ServeSettings(limits=Limits(max_body_bytes=64_000, max_texts=4, max_chars=2_000))
    with serving(create_app(service=Service(settings, packages=packages))) as (url, _):
        yield url


def test_shapes_of_translate(server, glossary):
    status, single = post(f"{server}/translate", {"q": SENTENCE, "source": "auto", "target": "en"})
    assert status == 200 and single["detectedLanguage"]["language"] == "uk"
    assert {c["id"] for c in single["glossary"]["concepts"]} >= {"hai-duong", "vn-p01-ha-noi"}
    assert single["glossary"]["ok"] is True and "copy test model" in single["note"]
    form = f"q={urllib.parse.quote(SENTENCE)}&q=Ханой.&source=uk&target=en&alternatives=2".encode()
    status, many = post(f"{server}/translate", form, "application/x-www-form-urlencoded")
    assert status == 200 and many["translatedText"][0] == single["translatedText"]
    assert len(many["glossary"]) == 2 and many["alternatives"] == [[], []]
    status, plain = post(f"{server}/translate", {"q": SENTENCE, "source": "uk", "target": "en", "glossary": "none"})
    assert status == 200 and "glossary" not in plain and "detectedLanguage" not in plain


def test_html_keeps_its_tags(server, glossary):
    markup = '<p class="lead">Хайзионг, <b title="Хайзионг">Ханой</b><!-- Ханой --> і <code>Ханой</code>.</p>'
    status, out = post(f"{server}/translate", {"q": markup, "source": "uk", "target": "en", "format": "html"})
    assert status == 200
    before, after = (lxml.html.fragment_fromstring(m) for m in (markup, out["translatedText"]))
    assert [(e.tag, dict(e.attrib)) for e in before.iter()] == [(e.tag, dict(e.attrib)) for e in after.iter()]
    assert after.text.startswith(canonical(glossary, "hai-duong", "en"))
    assert after.find("b").text == canonical(glossary, "vn-p01-ha-noi", "en")
    assert after.find("code").text == "Ханой"  # code is not translated, nor are comments and attributes


def test_a_whole_html_document_keeps_its_doctype(server, glossary):
    markup = "<!DOCTYPE html>\n<html><head><title>Ханой</title></head><body><p>Хайзионг.</p></body></html>"
    status, out = post(f"{server}/translate", {"q": markup, "source": "uk", "target": "en", "format": "html"})
    page = lxml.html.document_fromstring(out["translatedText"])
    assert status == 200 and out["translatedText"].startswith("<!DOCTYPE html>")
    assert page.find(".//title").text == canonical(glossary, "vn-p01-ha-noi", "en")
    assert page.find(".//p").text == canonical(glossary, "hai-duong", "en") + "."


def test_the_library_call_is_what_the_server_answers(server, packages):
    """The Python face the README shows beside the command gives the server's answer."""
    with Service(ServeSettings(), packages=packages) as service:
        done = service.translate([SENTENCE], "uk", "vi")
    _, answer = post(f"{server}/translate", {"q": SENTENCE, "source": "uk", "target": "vi"})
    assert done.results[0].text == answer["translatedText"]
    assert done.results[0].glossary.to_json() == answer["glossary"]
    assert [p.to_code for p in done.route] == ["en", "vi"]


@pytest.mark.parametrize("body, status", [
    ({"source": "uk", "target": "en"}, 400),
    ({"q": "x", "source": "uk"}, 400),
    ({"q": ["a"] * 5, "source": "uk", "target": "en"}, 400),  # more texts than the limit
    ({"q": "а" * 2_001, "source": "uk", "target": "en"}, 400),  # more characters than the limit
    ({"q": "x", "source": "uk", "target": "en", "glossary": "unknown"}, 400),
    ({"q": "x", "source": "uk", "target": "en", "format": "pdf"}, 400),
    ({"q": 5, "source": "uk", "target": "en"}, 400),
    ({"q": "x" * 70_000, "source": "uk", "target": "en"}, 413),  # a body over the limit
])
def test_bad_requests_get_libretranslate_errors(server, body, status):
    got, answer = post(f"{server}/translate", body)
    assert got == status and isinstance(answer["error"], str) and answer["error"]


def test_bad_bodies(server):
    assert post(f"{server}/translate", b"{not json", "application/json")[0] == 400
    assert post(f"{server}/translate", b"[1, 2]", "application/json")[0] == 400
    assert post(f"{server}/detect", {"q": ""})[0] == 400
    assert post(f"{server}/suggest", {"q": "a", "s": "b"}) == (403, {"error": "Suggestions are disabled on this server."})


def test_translate_file_and_download(server):
    text = (SEEDS / "uk_thanh_phu_midterm.txt").read_text(encoding="utf-8")[:1500]
    import httpx

    answer = httpx.post(f"{server}/translate_file", data={"source": "uk", "target": "en"},
                        files={"file": ("report.txt", text.encode())}, timeout=120).json()
    got = httpx.get(answer["translatedFileUrl"], timeout=60)
    assert got.status_code == 200 and 'filename="report.txt"' in got.headers["content-disposition"]
    _, direct = post(f"{server}/translate", {"q": text, "source": "uk", "target": "en"})
    assert got.text == direct["translatedText"] and got.text.count("\n") == text.count("\n")
    refused = httpx.post(f"{server}/translate_file", data={"source": "uk", "target": "en"},
                         files={"file": ("report.docx", b"PK\x03\x04")}, timeout=60)
    assert refused.status_code == 400 and "plain text" in refused.json()["error"]
    page = ('<!DOCTYPE html>\n<html><head><title>Хайзионг</title><script>var x = "Хайзионг";</script></head>'
            '<body><p class="lead">Місто <b>Хайзионг</b> росте.</p><p translate="no">Хайзионг</p></body></html>')
    answer = httpx.post(f"{server}/translate_file", data={"source": "uk", "target": "en"},
                        files={"file": ("page.html", page.encode())}, timeout=120).json()
    got = httpx.get(answer["translatedFileUrl"], timeout=60)
    assert got.headers["content-type"].startswith("text/html")
    _, direct = post(f"{server}/translate", {"q": page, "source": "uk", "target": "en", "format": "html"})
    assert got.text == direct["translatedText"]
    assert "<b>Hai Duong</b>" in got.text and 'var x = "Хайзионг"' in got.text and '<p translate="no">Хайзионг</p>' in got.text


def test_check_is_the_report_of_backtrans_check(server, glossary, tmp_path):
    text = "Секретар обласної партії відвідав Дон Кхой.\nПотім він поїхав у Донг Кхой."  # a deprecated term, variants
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    status, report = post(f"{server}/check", {"text": text, "lang": "uk"})
    expected = check_documents([load_document(tmp_path / "text.txt", "uk")], glossary)
    assert {f.check for f in expected.findings} == {"deprecated", "variants"}
    assert status == 200 and report["schema"].startswith("backtrans-check")
    assert [(f["check"], f["concept"]) for f in report["findings"]] == [(f.check, f.concept) for f in expected.findings]
    assert post(f"{server}/check", {"text": "x", "lang": "zz"})[0] == 400


def test_glossary_terms(server):
    with urllib.request.urlopen(f"{server}/glossary/terms?q={urllib.parse.quote('Хайзионг')}&lang=uk") as r:
        found = json.loads(r.read())
    assert found[0]["id"] == "hai-duong" and {"text": "Хайзионг", "status": "preferred"} in found[0]["terms"]["uk"]


def test_concurrent_requests_share_one_batch(packages):
    """Requests waiting when the worker takes a batch go to the engine together: one call."""
    batcher = Batcher(start=False)
    service = Service(ServeSettings(), packages=packages, batcher=batcher)
    texts = [f"Речення номер {i} про Ханой." for i in range(6)]
    with serving(create_app(service=service)) as (url, _):
        answers: dict[int, tuple[int, dict]] = {}
        threads = [threading.Thread(target=lambda i=i: answers.__setitem__(i, post(
            f"{url}/translate", {"q": texts[i], "source": "uk", "target": "en", "glossary": "none"})))
            for i in range(len(texts))]
        for t in threads:
            t.start()
        _wait(lambda: batcher.stats.pending == len(texts))
        batcher.start()
        for t in threads:
            t.join(timeout=120)
    assert batcher.stats.batches == 1 and batcher.stats.largest == len(texts)
    assert [answers[i] for i in range(len(texts))] == [(200, {"translatedText": t, "note": answers[0][1]["note"]})
                                                       for t in texts]  # the copy model: each its own


def test_full_queue_is_503_and_shutdown_finishes_requests_in_flight(packages, glossary):
    batcher = Batcher(start=False, max_pending=1)
    service = Service(ServeSettings(), packages=packages, batcher=batcher)
    with serving(create_app(service=service)) as (url, server):
        first: list = []
        request = threading.Thread(target=lambda: first.append(post(
            f"{url}/translate", {"q": "Ханой.", "source": "uk", "target": "en"})))
        request.start()
        _wait(lambda: batcher.stats.pending == 1)
        status, answer = post(f"{url}/translate", {"q": "Ханой.", "source": "uk", "target": "en"})
        assert status == 503 and "busy" in answer["error"]
        server.should_exit = True  # what SIGTERM does: stop accepting, let the request in flight finish
        _wait(lambda: all(not s.is_serving() for s in server.servers))  # no longer accepting
        batcher.start()
        request.join(timeout=120)
    assert first[0][0] == 200 and first[0][1]["translatedText"] == canonical(glossary, "vn-p01-ha-noi", "en") + "."


def _wait(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)
