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
from translate.check.report_html import STATUS_COLOURS, render_html
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
            if a.get(key) and not a[key].startswith(("#", "data:")):  # in-page links and the ignore list
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
    dong = [m for m in dom.marks if m.get("data-concept") == "dong-khoi"]
    assert sorted(m["text"] for m in dong) == ["Дон Кхой", "Донг Кхой"]
    colours = {m["data-term"]: re.search(r"background:\s*([^;]+)", m["style"]).group(1) for m in dong}
    status = {m["data-term"]: m["data-status"] for m in dong}
    # Colours say the glossary's status: «Дон Кхой» is deprecated, «Донг Кхой» preferred.
    assert status == {"Дон Кхой": "deprecated", "Донг Кхой": "preferred"}
    assert colours == {t: STATUS_COLOURS[s] for t, s in status.items()}
    secretary = [m["data-term"] for m in dom.marks if m.get("data-concept") == "provincial-party-secretary"]
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


def test_severity_filter_hides_the_warnings(page, tmp_path):
    dom = Page()
    dom.feed(dump_dom(page.as_uri() + "#hide=warning", tmp_path))
    shown = sorted(r["data-check"] for r in dom.rows if "hidden" not in r["class"])
    assert shown == ["deprecated", "deprecated"] and dom.ids["shown"] == "2"


BILINGUAL = [("The Dong Khoi movement covered 4/34 targets.", "Рух Дон Кхой охопив 3/34 цілей."),
             ("The plan was met.", "План було було виконано."),
             ("Did the district grow?", "Чи зріс район.")]

_PROBE = """<script>window.addEventListener('load',function(){
  var rows=[].slice.call(document.querySelectorAll('tr.finding')), out={};
  out.sides=rows.map(function(r){return [r.dataset.check, r.querySelector('td.src').textContent,
                                         r.querySelector('td.tgt').textContent];});
  rows[1].querySelector('a.goto').click();
  var cur=document.querySelector('.current');
  out.clicked=[rows[1].dataset.target, cur?cur.id:null, cur?cur.textContent:null,
               cur?!!cur.closest('table.doc'):false];
  document.querySelector('button[data-group=severity-filters][data-set=none]').click();
  out.none=document.getElementById('shown').textContent;
  document.querySelector('button[data-group=severity-filters][data-set=all]').click();
  out.all=document.getElementById('shown').textContent;
  rows[0].querySelector('input.ignore').click(); rows[2].querySelector('input.ignore').click();
  out.marked=[rows[0].dataset.check, rows[2].dataset.check];
  out.shownAfterIgnore=document.getElementById('shown').textContent;
  out.file=document.getElementById('ignore-file').textContent;
  out.href=document.getElementById('ignore-download').getAttribute('href');
  var pre=document.createElement('pre'); pre.id='probe'; pre.textContent=JSON.stringify(out);
  document.body.appendChild(pre);});</script>"""


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    from tests.test_check_formal import write_tmx

    folder = tmp_path_factory.mktemp("bilingual")
    tmx = write_tmx(folder / "units.tmx", "en", "uk", BILINGUAL)
    html = folder / "qa.html"
    from tests.helpers import run_cli

    assert run_cli(["check", str(tmx), "--lang", "uk", "--format", "html", "-o", str(html)]).returncode == 1
    return tmx, html


def test_click_a_finding_filter_and_mark_ignored_for_the_cli(bilingual, tmp_path):
    import json
    from urllib.parse import unquote

    from tests.helpers import run_cli

    tmx, html = bilingual
    probe = tmp_path / "probe.html"
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(probe.as_uri(), tmp_path, wait_ms=2000)
    out = json.loads(re.search(r"<pre id=\"probe\">(.*?)</pre>", dom, re.S).group(1)
                     .replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    # Source and target side by side in every row.
    sides = {check: (src, tgt) for check, src, tgt in out["sides"]}
    assert sides["numbers"] == (BILINGUAL[0][0], BILINGUAL[0][1])
    assert sides["double-word"] == BILINGUAL[1]
    # The clicked finding's highlight in the document is the current one.
    target, current, text, in_document = out["clicked"]
    assert current == target and in_document and text
    total = len(out["sides"])
    assert out["none"] == "0" and out["all"] == str(total)
    assert out["shownAfterIgnore"] == str(total - 2)
    assert unquote(out["href"].split(",", 1)[1]) == out["file"]
    # The saved list is an ignore file the command reads: the two marked findings stay quiet.
    ignore = tmp_path / "qa.ignore"
    ignore.write_text(out["file"], encoding="utf-8")
    run = run_cli(["check", str(tmx), "--lang", "uk", "--format", "json", "--ignore", str(ignore)])
    data = json.loads(run.stdout)
    assert data["summary"]["ignored"] == 2 and len(data["findings"]) == total - 2
    remaining = sorted(f["check"] for f in data["findings"])
    everything = sorted(check for check, _, _ in out["sides"])
    for check in out["marked"]:
        everything.remove(check)
    assert remaining == everything


def read_png(path):
    """The pixels of an 8-bit RGB or RGBA PNG as a (height, width, 3) array (zlib and the five filters)."""
    import struct
    import zlib

    import numpy as np

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows = np.zeros((height, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, cur = line[0], np.frombuffer(line[1:], dtype=np.uint8).astype(np.int32)
        if kind == 1 or kind == 3 or kind == 4:
            out = cur.copy()
            for x in range(stride):
                left = out[x - bpp] if x >= bpp else 0
                up, corner = prev[x], (prev[x - bpp] if x >= bpp else 0)
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + up) // 2
                else:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                out[x] = (cur[x] + pred) & 0xFF
            cur = out
        elif kind == 2:
            cur = (cur + prev) & 0xFF
        rows[y] = prev = cur
    return rows.reshape(height, width, bpp)[:, :, :3]


def test_screenshot_shows_findings_with_source_beside_target(bilingual, tmp_path):
    import numpy as np

    from translate.check.report_html import SOURCE_BG, TARGET_BG

    _, html = bilingual
    shot = tmp_path / "qa.png"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,900", f"--screenshot={shot}", html.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    pixels = read_png(shot)
    assert pixels.shape == (900, 1200, 3)

    def where(colour):
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        return np.all(np.abs(pixels - rgb) <= 2, axis=2)

    src, tgt = where(SOURCE_BG), where(TARGET_BG)
    # Rows of the screen where a source cell and a target cell are both painted, the source on the left.
    both = [y for y in range(pixels.shape[0]) if src[y].any() and tgt[y].any()
            and np.flatnonzero(src[y]).mean() < np.flatnonzero(tgt[y]).mean()]
    assert len(both) >= 3 * 15  # three finding rows at least a line of text high each
    # Text was drawn inside those cells (dark pixels), not empty boxes.
    dark = np.all(pixels < 100, axis=2)
    assert dark[both].any(axis=0).sum() > 100
    # The flagged spans are highlighted inside those rows (the legend's swatch is above them).
    from translate.check.report_html import FINDING_COLOUR

    assert where(FINDING_COLOUR)[both].sum() > 50
