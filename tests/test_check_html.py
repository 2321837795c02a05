"""The HTML report, opened in headless Chromium (Debian's ``chromium``): what the page shows after its scripts ran."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from tests.helpers import SEEDS
from translate.check import check_documents, load_document
from translate.check.report_html import render_html
from translate.glossary import load_glossary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install -y chromium); required in CI", allow_module_level=True)


def dump_dom(page, tmp_path, wait_ms: int = 0) -> str:
    """The DOM of ``page`` after its scripts ran, as headless Chromium serialises it; ``wait_ms``
    of virtual time lets the page's requests (fetch) finish first."""
    assert CHROMIUM is not None, "chromium must be installed in CI: apt-get install -y chromium"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", *([f"--virtual-time-budget={wait_ms}"] if wait_ms else []),
         "--dump-dom", page],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class Page(HTMLParser):
    """Collects marks, finding rows (hidden or not) and the counters of the dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.rows: list[dict] = []
        self.ids: dict[str, str] = {}
        self.external: list[str] = []
        self._open: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key):
                self.external.append(a[key])
        if tag == "mark":
            self.marks.append({**a, "text": ""})
        if tag == "tr" and "finding" in (a.get("class") or ""):
            self.rows.append(a)
        self._open.append((tag, a))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._open and self._open[-1][0] == "mark":
            self.marks[-1]["text"] += data
        if self._open and self._open[-1][1].get("id"):
            self.ids[self._open[-1][1]["id"]] = data


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    glossary = load_glossary()
    report = check_documents([load_document(SEEDS / "uk_thanh_phu_midterm.txt", "uk")], glossary)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path


def test_page_shows_each_rendering_highlighted_in_its_colour(page, tmp_path):
    dom = Page()
    dom.feed(dump_dom(page.as_uri(), tmp_path))
    assert dom.external == []  # self-contained: no external resources
    dong = [m for m in dom.marks if m["data-concept"] == "dong-khoi"]
    assert sorted(m["text"] for m in dong) == ["Дон Кхой", "Донг Кхой"]
    colours = {m["data-term"]: re.search(r"background:\s*([^;]+)", m["style"]).group(1) for m in dong}
    assert colours["Дон Кхой"] != colours["Донг Кхой"]
    secretary = [m["data-term"] for m in dom.marks if m["data-concept"] == "provincial-party-secretary"]
    assert sorted(secretary) == ["Секретар обласної партії"] + ["провінційний секретар партії"] * 4
    # The script ran: every finding row is shown and counted.
    # 2 variants, 2 deprecated and line 7's «Хо Ши Міна .» (a space before the full stop: grep -n "Міна \.").
    assert dom.ids["shown"] == dom.ids["total"] == str(len(dom.rows)) == "5"
    assert not any("hidden" in (r.get("class") or "") for r in dom.rows)


def test_filters_hide_a_check_and_a_concept(page, tmp_path):
    dom = Page()
    dom.feed(dump_dom(page.as_uri() + "#hide=variants,dong-khoi", tmp_path))
    shown = [(r["data-check"], r["data-concept"]) for r in dom.rows if "hidden" not in r["class"]]
    # Of 2 variants + 2 deprecated findings, only the deprecated secretary remains (and the punctuation).
    assert shown == [("deprecated", "provincial-party-secretary"), ("punctuation", "")]
    assert dom.ids["shown"] == "2"
    off = {m["data-concept"] for m in dom.marks if "off" in m["class"]}
    assert off == {"dong-khoi"}
