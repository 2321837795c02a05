"""The web page served at ``/``: translate a text and see the glossary terms the translation kept.

Self-contained (no external script or style). It speaks the server's own API (/languages,
/translate with the ``glossary`` extension). ``/?q=TEXT&source=uk&target=en`` fills the form and
translates on load, so a link can share a translation.
"""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>backtrans</title>
<style>
body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
textarea { width: 100%; min-height: 8rem; box-sizing: border-box; }
#result { white-space: pre-wrap; border: 1px solid #ccc; padding: .5rem; min-height: 4rem; }
.ok { color: #063; } .fail { color: #a00; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
</style>
</head>
<body>
<h1>backtrans</h1>
<form id="form">
<label>From <select id="source"><option value="auto">Auto Detect</option></select></label>
<label>To <select id="target"></select></label>
<label>Glossary <select id="glossary"></select></label>
<textarea id="q" placeholder="Text to translate"></textarea>
<button type="submit" id="go">Translate</button>
</form>
<h2>Translation</h2>
<div id="result"></div>
<p id="detected"></p>
<h2>Glossary terms</h2>
<p id="verdict"></p>
<table><thead><tr><th>source</th><th>concept</th><th>written</th></tr></thead><tbody id="terms"></tbody></table>
<p id="error" class="fail"></p>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
function option(select, value, label) {
  const o = document.createElement("option");
  o.value = value; o.textContent = label; select.appendChild(o);
}
async function setUp() {
  const params = new URLSearchParams(location.search);
  const [languages, settings] = await Promise.all([
    fetch("languages").then((r) => r.json()), fetch("frontend/settings").then((r) => r.json())]);
  const targets = new Set();
  for (const l of languages) {
    option($("source"), l.code, l.name);
    l.targets.forEach((t) => targets.add(t));
  }
  for (const l of languages) if (targets.has(l.code)) option($("target"), l.code, l.name);
  for (const g of settings.glossaries) option($("glossary"), g, g);
  $("target").value = params.get("target") || settings.language.target.code;
  if (params.get("source")) $("source").value = params.get("source");
  if (params.get("glossary")) $("glossary").value = params.get("glossary");
  if (params.get("q")) { $("q").value = params.get("q"); await translate(); }
}
async function translate() {
  $("error").textContent = "";
  const body = {q: $("q").value, source: $("source").value, target: $("target").value,
                glossary: $("glossary").value, format: "text"};
  const response = await fetch("translate", {method: "POST", headers: {"Content-Type": "application/json"},
                                             body: JSON.stringify(body)});
  const data = await response.json();
  if (!response.ok) { $("error").textContent = data.error; return; }
  $("result").textContent = data.translatedText;
  $("detected").textContent = data.detectedLanguage ? "detected: " + data.detectedLanguage.language : "";
  const rows = $("terms");
  rows.replaceChildren();
  const g = data.glossary;
  if (!g) { $("verdict").textContent = "no glossary"; return; }
  $("verdict").textContent = g.ok ? "every glossary term in its canonical form"
                                  : "not kept: " + g.missing.concat(g.extra, g.deprecated).join(", ");
  $("verdict").className = g.ok ? "ok" : "fail";
  for (const c of g.concepts) {
    const tr = document.createElement("tr");
    tr.className = "term"; tr.dataset.concept = c.id;
    for (const text of [c.source, c.id, c.target]) {
      const td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
    }
    rows.appendChild(tr);
  }
}
$("form").addEventListener("submit", (e) => { e.preventDefault(); translate(); });
setUp().catch((e) => { $("error").textContent = String(e); });
</script>
</body>
</html>
"""
