"""The HTML report of ``backtrans check --format html``: one self-contained page, a translator's QA view.

- **Findings**: a row each with its file and line, the source and the target side by side (the
  flagged span marked), the message and what to write; a row's place links to the highlight in
  the document below (clicking it scrolls there and flashes it).
- **Filters**: severities, checks and concepts, each group with all / none; the URL fragment
  pre-sets them: ``#hide=variants,dong-khoi,info`` unchecks that check, concept and severity.
- **Ignore**: each row's "ignore" box marks a finding not an error; the page keeps the marked
  rows' entries (``translate.check.ignore``'s lines) in a link that saves them as an ignore file
  for ``backtrans check --ignore FILE``.
- **By concept** and **documents**: every rendering coloured by its status (preferred, admitted,
  deprecated, canonical, unknown), with file and line everywhere; each document's segments beside
  their sources when it has them.

Inline CSS and JS only, no external resource.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from translate.check.ignore import HEADER, ignore_entry
from translate.check.model import CheckedDocument, Finding, Report, Segment, Severity

if TYPE_CHECKING:
    from translate.fix import FixedFile

STATUS_COLOURS = {"preferred": "#a5d6a7", "admitted": "#fff59d", "deprecated": "#ef9a9a",
                  "canonical": "#80cbc4", "unknown": "#ce93d8"}
FINDING_COLOUR = "#ffcc80"
SOURCE_BG, TARGET_BG = "#e3ecfa", "#fdf3d8"

_CSS = f"""
body{{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}}
h1{{font-size:1.4em}}h2{{font-size:1.15em;margin-top:1.6em}}
table{{border-collapse:collapse;margin:.5em 0}}td,th{{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}}
.error{{color:#b71c1c;font-weight:bold}}.warning{{color:#e65100}}.info{{color:#01579b}}
mark{{padding:0 .1em;border-radius:3px}}mark.f{{background:{FINDING_COLOUR}}}
.swatch{{display:inline-block;width:1em;height:1em;border-radius:2px;vertical-align:middle}}
.filters div{{margin:.2em 0}}.filters label{{margin-right:1em;white-space:nowrap}}
.lineno{{color:#999;font-size:.8em}}td.src{{background:{SOURCE_BG}}}td.tgt{{background:{TARGET_BG}}}
.hidden{{display:none}}mark.off{{background:none!important}}tr.ignored td{{opacity:.45}}
.current{{outline:3px solid #d50000}}a.pin{{color:#d50000;text-decoration:none}}.file{{color:#555}}
"""

_JS = """
function apply(){
  var off=new Set();
  document.querySelectorAll('.filters input').forEach(function(b){if(!b.checked)off.add(b.value);});
  var shown=0;
  document.querySelectorAll('tr.finding').forEach(function(r){
    var hide=off.has(r.dataset.check)||off.has(r.dataset.severity)||(r.dataset.concept&&off.has(r.dataset.concept));
    r.classList.toggle('hidden',hide); if(!hide&&!r.classList.contains('ignored'))shown++;});
  document.querySelectorAll('mark.v').forEach(function(m){m.classList.toggle('off',off.has(m.dataset.concept));});
  document.querySelectorAll('.concept').forEach(function(c){c.classList.toggle('hidden',off.has(c.dataset.concept));});
  document.getElementById('shown').textContent=shown;
}
function ignored(){
  var lines=[], n=0;
  document.querySelectorAll('tr.finding').forEach(function(r){
    var box=r.querySelector('input.ignore'); r.classList.toggle('ignored',box.checked);
    if(box.checked){lines.push(r.dataset.ignore);n++;}});
  var text=document.getElementById('ignore-header').textContent+'\\n'+lines.map(function(l){return l+'\\n';}).join('');
  document.getElementById('ignore-file').textContent=text;
  document.getElementById('marked').textContent=n;
  document.getElementById('ignore-download').href='data:text/plain;charset=utf-8,'+encodeURIComponent(text);
  apply();
}
function go(id){
  document.querySelectorAll('.current').forEach(function(e){e.classList.remove('current');});
  var t=document.getElementById(id); if(t){t.classList.add('current'); t.scrollIntoView({block:'center'});}
}
document.addEventListener('DOMContentLoaded',function(){
  var m=/hide=([^&]*)/.exec(decodeURIComponent(location.hash));
  if(m){var hide=m[1].split(',');
    document.querySelectorAll('.filters input').forEach(function(b){if(hide.indexOf(b.value)>=0)b.checked=false;});}
  document.querySelectorAll('.filters input').forEach(function(b){b.addEventListener('change',apply);});
  document.querySelectorAll('button[data-group]').forEach(function(b){b.addEventListener('click',function(){
    document.querySelectorAll('#'+b.dataset.group+' input').forEach(function(i){i.checked=b.dataset.set==='all';});
    apply();});});
  document.querySelectorAll('input.ignore').forEach(function(b){b.addEventListener('change',ignored);});
  document.querySelectorAll('a.goto').forEach(function(a){a.addEventListener('click',function(){
    go(a.getAttribute('href').slice(1));});});
  document.querySelectorAll('tr.finding').forEach(function(r){r.addEventListener('click',function(e){
    if(e.target.tagName!=='INPUT'&&e.target.tagName!=='A')go(r.dataset.target);});});
  if(/^#h-/.test(location.hash))go(location.hash.slice(1));
  ignored();
});
"""


def render_html(report: Report, fixed: Mapping[str, FixedFile] | None = None) -> str:
    """The whole page as a string; ``fixed`` (``translate.fix.fixed_versions``): each document's
    fixed version, offered for download beside it."""
    docs = {str(d.path): d for d in report.documents}
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>",
             "<title>backtrans check</title>", f"<style>{_CSS}</style><script>{_JS}</script></head><body>",
             f"<h1>backtrans check: {len(report.documents)} document(s), "
             f"<span id='total'>{len(report.findings)}</span> finding(s), "
             f"<span id='shown'>{len(report.findings)}</span> shown, "
             f"<span id='ignored'>{len(report.ignored)}</span> ignored by the ignore list</h1>",
             "<p class='file'>" + ", ".join(escape(str(d.path)) for d in report.documents) + "</p>",
             _legend(), _filters(report), _findings(report, docs), _by_concept(report)]
    for i, doc in enumerate(report.documents):
        parts.append(_document(i, doc, report, (fixed or {}).get(str(doc.path))))
    parts.append("</body></html>")
    return "\n".join(parts)


def _legend() -> str:
    swatches = "".join(f"<label><span class='swatch' style='background:{c}'></span> {s}</label> "
                       for s, c in STATUS_COLOURS.items())
    return (f"<p id='legend'>{swatches}<label><span class='swatch' style='background:{FINDING_COLOUR}'>"
            "</span> a finding's span</label></p>")


def _group(ident: str, title: str, boxes: list[tuple[str, str]]) -> str:
    items = "".join(f"<label><input type='checkbox' value='{escape(v)}' checked> {escape(label)}</label>"
                    for v, label in boxes)
    return (f"<div id='{ident}'><b>{title}:</b> <button data-group='{ident}' data-set='all'>all</button> "
            f"<button data-group='{ident}' data-set='none'>none</button> {items}</div>")


def _filters(report: Report) -> str:
    severities = [(s.label, f"{s.label} ({sum(f.severity == s for f in report.findings)})")
                  for s in reversed(Severity)]
    checks = [(c, f"{c} ({sum(f.check == c for f in report.findings)})") for c in report.checks]
    concepts = [(c.concept, c.en) for c in report.concepts]
    return ("<div class='filters' id='filters'><h2>Filters</h2>" + _group("severity-filters", "Severities", severities)
            + _group("check-filters", "Checks", checks) + _group("concept-filters", "Concepts", concepts) + "</div>")


def _short(path: str) -> str:
    return Path(path).name


def _findings(report: Report, docs: dict[str, CheckedDocument]) -> str:
    rows = []
    order = sorted(range(len(report.findings)),
                   key=lambda i: (report.checks.index(report.findings[i].check)
                                  if report.findings[i].check in report.checks else 99, i))
    for i in order:
        f = report.findings[i]
        loc = f.location
        doc = docs.get(loc.file)
        seg = doc.segment(loc.segment) if doc is not None else None
        source = escape(seg.source) if seg is not None and seg.source is not None else ""
        target = _flagged(seg, f) if seg is not None else escape(f.evidence)
        rows.append(f"<tr class='finding' id='f-{i}' data-check='{escape(f.check)}' data-concept='{escape(f.concept)}' "
                    f"data-severity='{f.severity.label}' data-target='h-{i}' "
                    f"data-ignore='{escape(ignore_entry(f, report))}'>"
                    f"<td><input type='checkbox' class='ignore' title='not an error: ignore'></td>"
                    f"<td class='{f.severity.label}'>{f.severity.label}</td><td>{escape(f.check)}</td>"
                    f"<td><a class='goto' href='#h-{i}'>{escape(_short(loc.file))}:{loc.line}</a></td>"
                    f"<td class='src'>{source}</td><td class='tgt'>{target}</td>"
                    f"<td class='message'>{escape(f.message)}</td><td>{escape(f.suggestion)}</td></tr>")
    body = "".join(rows) or "<tr><td colspan='8'>no findings</td></tr>"
    return ("<h2>Findings</h2><p><span id='marked'>0</span> marked ignored: "
            "<a id='ignore-download' download='backtrans.ignore' href='#'>save the ignore list</a> "
            "(for <code>backtrans check --ignore FILE</code>)</p>"
            f"<pre id='ignore-header' class='hidden'>{escape(HEADER)}</pre><pre id='ignore-file' class='hidden'></pre>"
            "<table id='findings'><thead><tr><th>ignore</th><th>severity</th><th>check</th><th>where</th>"
            f"<th>source</th><th>target</th><th>message</th><th>use</th></tr></thead><tbody>{body}</tbody></table>")


def _flagged(seg: Segment, f: Finding) -> str:
    """The segment's text with the finding's span marked."""
    a, b = f.location.start - seg.column, f.location.end - seg.column
    a, b = max(0, min(a, len(seg.text))), max(0, min(b, len(seg.text)))
    if a >= b:
        return escape(seg.text[:a]) + "<mark class='f'>⚑</mark>" + escape(seg.text[a:])
    return f"{escape(seg.text[:a])}<mark class='f'>{escape(seg.text[a:b])}</mark>{escape(seg.text[b:])}"


def _by_concept(report: Report) -> str:
    blocks = []
    for c in sorted(report.concepts, key=lambda c: (-len(c.renderings), c.en)):
        items = "".join(
            f"<li class='rendering' data-term='{escape(r.term)}' data-count='{r.count}' data-status='{escape(r.status)}'>"
            f"<span class='swatch' style='background:{STATUS_COLOURS.get(r.status, FINDING_COLOUR)}'></span> "
            f"<b class='term'>{escape(r.term)}</b> ×<span class='count'>{r.count}</span> ({escape(r.status)}): "
            + ", ".join(f"<span class='place'>{escape(_short(p.location.file))}:{p.location.line}</span>"
                        for p in r.places) + "</li>"
            for r in c.renderings)
        several = " several" if len(c.renderings) > 1 else ""
        blocks.append(f"<div class='concept{several}' data-concept='{escape(c.concept)}'>"
                      f"<h3>{escape(c.en)} <small>({escape(c.vi)}, {len(c.renderings)} rendering(s))</small></h3>"
                      f"<ul>{items}</ul></div>")
    return "<h2>By concept</h2><div id='concepts'>" + "".join(blocks) + "</div>"


def _document(number: int, doc: CheckedDocument, report: Report, fixed: FixedFile | None = None) -> str:
    path = str(doc.path)
    marks: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for c in report.concepts:
        for r in c.renderings:
            for p in r.places:
                if p.location.file == path:
                    marks.setdefault(p.location.segment, []).append(
                        (p.location.start, p.location.end, c.concept, r.term, r.status))
    flagged: dict[int, list[tuple[int, int, int]]] = {}
    for i, f in enumerate(report.findings):
        if f.location.file == path:
            flagged.setdefault(f.location.segment, []).append((f.location.start, f.location.end, i))
    rows = []
    for seg in doc.segments:
        text = _marked(seg, sorted(marks.get(seg.index, [])), sorted(flagged.get(seg.index, [])))
        source = f"<td class='src'>{escape(seg.source or '')}</td>" if doc.bilingual else ""
        rows.append(f"<tr id='s-{number}-{seg.index}'><td class='lineno'>{escape(_short(path))}:{seg.line}</td>"
                    f"{source}<td class='tgt seg' data-segment='{seg.index}'>{text}</td></tr>")
    head = "<th>where</th>" + ("<th>source</th>" if doc.bilingual else "") + "<th>translation</th>"
    source_name = f" (source: {escape(str(doc.source_path))})" if doc.source_path and doc.source_path != doc.path else ""
    download = ""
    if fixed is not None:
        name = f"{doc.path.stem}.fixed{doc.path.suffix}"
        data = base64.b64encode(fixed.data()).decode("ascii")
        download = (f" <a class='fixed' download='{escape(name)}' href='data:application/octet-stream;base64,{data}'>"
                    f"download the fixed version ({len(fixed.applied)} renderings rewritten by backtrans fix)</a>")
    return (f"<h2>Document {escape(path)}{source_name}{download}</h2>"
            f"<table class='doc' data-file='{escape(path)}'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            "</tbody></table>")


def _marked(seg: Segment, renderings: list[tuple[int, int, str, str, str]], findings: list[tuple[int, int, int]]) -> str:
    """``seg``'s text with each rendering marked in its status colour and each finding's highlight
    (``id='h-N'``): the rendering's mark when the spans agree, else a mark of its own, else a pin."""
    n = len(seg.text)
    spans: list[tuple[int, int, str, list[int]]] = []  # start, end, opening tag without id, finding ids
    for start, end, concept, term, status in renderings:
        a, b = start - seg.column, end - seg.column
        if a < (spans[-1][1] if spans else 0) or not 0 <= a < b <= n:
            continue
        spans.append((a, b, f"<mark class='v st-{escape(status)}' data-concept='{escape(concept)}' "
                            f"data-term='{escape(term)}' data-status='{escape(status)}' "
                            f"style='background:{STATUS_COLOURS.get(status, FINDING_COLOUR)}'", []))
    pins: dict[int, list[int]] = {}
    for start, end, i in findings:
        a, b = max(0, min(start - seg.column, n)), max(0, min(end - seg.column, n))
        same = next((s for s in spans if (s[0], s[1]) == (a, b)), None)
        over = next((s for s in spans if s[0] < max(b, a + 1) and a < s[1]), None)
        if same is not None or over is not None:
            (same or over)[3].append(i)  # type: ignore[index]
        elif a < b:
            spans.append((a, b, "<mark class='f'", [i]))
            spans.sort(key=lambda s: s[0])
        else:
            pins.setdefault(a, []).append(i)
    out, pos = [], 0
    for a, b, tag, ids in spans:
        out.append(_pinned(seg.text, pos, a, pins))
        anchors = "".join(f"<a id='h-{i}' class='pin'></a>" for i in ids[1:])
        ident = f" id='h-{ids[0]}'" if ids else ""
        out.append(f"{anchors}{tag}{ident}>{escape(seg.text[a:b])}</mark>")
        pos = b
    out.append(_pinned(seg.text, pos, n + 1, pins))
    return "".join(out)


def _pinned(text: str, start: int, end: int, pins: dict[int, list[int]]) -> str:
    """``text[start:end]`` escaped, with a pin (⚑, ``id='h-N'``) where a finding has no span of its own."""
    out, pos = [], start
    for at in sorted(p for p in pins if start <= p < end):
        out.append(escape(text[pos:at]))
        out.append("".join(f"<a id='h-{i}' class='pin'>⚑</a>" for i in pins[at]))
        pos = at
    out.append(escape(text[pos:end]))
    return "".join(out)
