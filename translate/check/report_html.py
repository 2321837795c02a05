"""The HTML report of ``backtrans check --format html``: one self-contained page.

Findings by check and by concept, each document with every rendering highlighted in its
colour (the renderings of one concept in different colours), and filters: a checkbox per check
and per concept. Inline CSS and JS only, no external resource. The URL fragment pre-sets the
filters: ``#hide=variants,dong-khoi`` unchecks the check ``variants`` and the concept ``dong-khoi``.
"""

from __future__ import annotations

from html import escape

from translate.check.model import CheckedDocument, Report

PALETTE = ("#ffd54f", "#81d4fa", "#ef9a9a", "#a5d6a7", "#ce93d8", "#ffab91", "#80cbc4", "#e6ee9c")

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
.error{color:#b71c1c;font-weight:bold}.warning{color:#e65100}.info{color:#01579b}
mark{padding:0 .1em;border-radius:3px}.swatch{display:inline-block;width:1em;height:1em;border-radius:2px;vertical-align:middle}
.filters label{margin-right:1em;white-space:nowrap}.doc p{margin:.3em 0}.lineno{color:#999;font-size:.8em;margin-right:.6em}
.hidden{display:none}mark.off{background:none!important}
"""

_JS = """
function apply(){
  var off=new Set();
  document.querySelectorAll('.filters input').forEach(function(b){if(!b.checked)off.add(b.value);});
  var shown=0;
  document.querySelectorAll('.finding').forEach(function(r){
    var hide=off.has(r.dataset.check)||(r.dataset.concept&&off.has(r.dataset.concept));
    r.classList.toggle('hidden',hide); if(!hide)shown++;});
  document.querySelectorAll('mark.v').forEach(function(m){m.classList.toggle('off',off.has(m.dataset.concept));});
  document.querySelectorAll('.concept').forEach(function(c){c.classList.toggle('hidden',off.has(c.dataset.concept));});
  document.getElementById('shown').textContent=shown;
}
document.addEventListener('DOMContentLoaded',function(){
  var m=/hide=([^&]*)/.exec(decodeURIComponent(location.hash));
  if(m){var hide=m[1].split(',');
    document.querySelectorAll('.filters input').forEach(function(b){if(hide.indexOf(b.value)>=0)b.checked=false;});}
  document.querySelectorAll('.filters input').forEach(function(b){b.addEventListener('change',apply);});
  apply();
});
"""


def render_html(report: Report) -> str:
    """The whole page as a string."""
    colours = {(c.concept, r.term): PALETTE[i % len(PALETTE)]
               for c in report.concepts for i, r in enumerate(c.renderings)}
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>",
             "<title>backtrans check</title>", f"<style>{_CSS}</style><script>{_JS}</script></head><body>",
             f"<h1>backtrans check: {len(report.documents)} document(s), "
             f"<span id='total'>{len(report.findings)}</span> finding(s), "
             f"<span id='shown'>{len(report.findings)}</span> shown</h1>"]
    parts.append(_filters(report))
    parts.append(_by_check(report))
    parts.append(_by_concept(report, colours))
    for doc in report.documents:
        parts.append(_document(doc, report, colours))
    parts.append("</body></html>")
    return "\n".join(parts)


def _filters(report: Report) -> str:
    checks = "".join(f"<label><input type='checkbox' class='f-check' value='{escape(c)}' checked> {escape(c)}"
                     f" ({sum(f.check == c for f in report.findings)})</label>" for c in report.checks)
    concepts = "".join(f"<label><input type='checkbox' class='f-concept' value='{escape(c.concept)}' checked> "
                       f"{escape(c.en)}</label>" for c in report.concepts)
    return (f"<div class='filters' id='filters'><h2>Filters</h2><div id='check-filters'><b>Checks:</b> {checks}</div>"
            f"<div id='concept-filters'><b>Concepts:</b> {concepts}</div></div>")


def _by_check(report: Report) -> str:
    rows = []
    for check in report.checks:
        for f in (f for f in report.findings if f.check == check):
            loc = f.location
            rows.append(f"<tr class='finding' data-check='{escape(f.check)}' data-concept='{escape(f.concept)}'>"
                        f"<td>{escape(f.check)}</td><td class='{f.severity.label}'>{f.severity.label}</td>"
                        f"<td>{escape(loc.file.rsplit('/', 1)[-1])}:{loc.line}:{loc.start}-{loc.end}</td>"
                        f"<td class='message'>{escape(f.message)}</td><td>{escape(f.suggestion)}</td></tr>")
    body = "".join(rows) or "<tr><td colspan='5'>no findings</td></tr>"
    return ("<h2>Findings by check</h2><table id='findings'><thead><tr><th>check</th><th>severity</th>"
            f"<th>where</th><th>message</th><th>use</th></tr></thead><tbody>{body}</tbody></table>")


def _by_concept(report: Report, colours: dict[tuple[str, str], str]) -> str:
    blocks = []
    for c in sorted(report.concepts, key=lambda c: (-len(c.renderings), c.en)):
        items = "".join(
            f"<li class='rendering' data-term='{escape(r.term)}' data-count='{r.count}'>"
            f"<span class='swatch' style='background:{colours[c.concept, r.term]}'></span> "
            f"<b class='term'>{escape(r.term)}</b> ×<span class='count'>{r.count}</span> ({escape(r.status)}): "
            + ", ".join(f"line {p.location.line}" for p in r.places) + "</li>"
            for r in c.renderings)
        several = " several" if len(c.renderings) > 1 else ""
        blocks.append(f"<div class='concept{several}' data-concept='{escape(c.concept)}'>"
                      f"<h3>{escape(c.en)} <small>({escape(c.vi)}, {len(c.renderings)} rendering(s))</small></h3>"
                      f"<ul>{items}</ul></div>")
    return "<h2>By concept</h2><div id='concepts'>" + "".join(blocks) + "</div>"


def _document(doc: CheckedDocument, report: Report, colours: dict[tuple[str, str], str]) -> str:
    marks: dict[int, list[tuple[int, int, str, str]]] = {}
    for c in report.concepts:
        for r in c.renderings:
            for p in r.places:
                if p.location.file == str(doc.path):
                    marks.setdefault(p.location.segment, []).append(
                        (p.location.start, p.location.end, c.concept, r.term))
    lines: dict[int, list[str]] = {}
    for seg in doc.segments:
        out, pos = [], 0
        for start, end, concept, term in sorted(marks.get(seg.index, [])):
            a, b = start - seg.column, end - seg.column
            if a < pos:
                continue
            out.append(escape(seg.text[pos:a]))
            out.append(f"<mark class='v' data-concept='{escape(concept)}' data-term='{escape(term)}' "
                       f"style='background:{colours[concept, term]}'>{escape(seg.text[a:b])}</mark>")
            pos = b
        out.append(escape(seg.text[pos:]))
        lines.setdefault(seg.line, []).append(f"<span class='seg' data-segment='{seg.index}'>{''.join(out)}</span>")
    body = "".join(f"<p><span class='lineno'>{n}</span>{' '.join(spans)}</p>" for n, spans in sorted(lines.items()))
    return (f"<h2>Document {escape(str(doc.path))}</h2>"
            f"<div class='doc' data-file='{escape(str(doc.path))}'>{body}</div>")
