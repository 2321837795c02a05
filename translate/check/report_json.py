"""The JSON report of ``backtrans check --format json``: a stable, documented schema.

Schema ``backtrans-check/1`` (also :data:`SCHEMA`, as JSON Schema)::

    {
      "schema": "backtrans-check/1",
      "lang": "uk",                       # target language
      "checks": ["variants", ...],        # the checks that ran
      "summary": {"findings": 7, "worst": "error" | null,
                  "ignored": 2,                   # findings an ignore list silenced (not listed)
                  "by_severity": {"error": 4, "warning": 3, "info": 0},
                  "by_check": {"variants": 3, "deprecated": 4, ...}},   # every check that ran
      "documents": [{"file": "...", "lang": "uk", "source_file": "..." | null,
                     "source_lang": "vi" | null, "segments": 42}],
      "findings": [{"check": "deprecated", "severity": "error" | "warning" | "info",
                    "file": "...", "line": 7,        # 1-based line (TMX/XLIFF: the unit's line)
                    "segment": 12,                   # 0-based segment index in the document
                    "start": 748, "end": 756,        # character span in the line
                                                     # (TMX/XLIFF: in the segment text)
                    "message": "...", "evidence": "...",
                    "concept": "dong-khoi" | "",     # glossary concept id, if any
                    "suggestion": "Донг Кхой" | ""}],
      "concepts": [{"concept": "hai-duong", "en": "Hai Duong", "vi": "Hải Dương",
                    "renderings": [{"term": "Хай Дуонг", "count": 3,
                                    "status": "preferred" | "admitted" | "deprecated" | "canonical" | "unknown",
                                    "places": [{"file": "...", "line": 3, "segment": 4,
                                                "start": 10, "end": 19, "surface": "Хай Дуонг"}]}]}]
    }

Fields are only ever added (with a new minor meaning, never a changed one); a change that
breaks readers bumps the version in ``schema``.
"""

from __future__ import annotations

import json
from typing import Any

from translate.check.model import Location, Report, Severity

VERSION = "backtrans-check/1"

_LOCATION = {"file": {"type": "string"}, "line": {"type": "integer"}, "segment": {"type": "integer"},
             "start": {"type": "integer"}, "end": {"type": "integer"}}
_SEVERITY = {"type": "string", "enum": [s.label for s in Severity]}
_NULLABLE_STRING = {"type": ["string", "null"]}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


SCHEMA: dict[str, Any] = _object({
    "schema": {"type": "string", "enum": [VERSION]},
    "lang": {"type": "string"},
    "checks": {"type": "array", "items": {"type": "string"}},
    "summary": _object({
        "findings": {"type": "integer"},
        "worst": {"type": ["string", "null"], "enum": [s.label for s in Severity] + [None]},
        "ignored": {"type": "integer"},
        "by_severity": _object({s.label: {"type": "integer"} for s in Severity}),
        "by_check": {"type": "object", "additionalProperties": {"type": "integer"}},
    }),
    "documents": {"type": "array", "items": _object({
        "file": {"type": "string"}, "lang": {"type": "string"}, "source_file": _NULLABLE_STRING,
        "source_lang": _NULLABLE_STRING, "segments": {"type": "integer"}})},
    "findings": {"type": "array", "items": _object({
        "check": {"type": "string"}, "severity": _SEVERITY, **_LOCATION,
        "message": {"type": "string"}, "evidence": {"type": "string"},
        "concept": {"type": "string"}, "suggestion": {"type": "string"}})},
    "concepts": {"type": "array", "items": _object({
        "concept": {"type": "string"}, "en": {"type": "string"}, "vi": {"type": "string"},
        "renderings": {"type": "array", "items": _object({
            "term": {"type": "string"}, "count": {"type": "integer"},
            "status": {"type": "string",
                       "enum": ["preferred", "admitted", "deprecated", "canonical", "unknown"]},
            "places": {"type": "array", "items": _object({**_LOCATION, "surface": {"type": "string"}})},
        })},
    })},
})


def _location(loc: Location) -> dict[str, Any]:
    return {"file": loc.file, "line": loc.line, "segment": loc.segment, "start": loc.start, "end": loc.end}


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data following :data:`SCHEMA`."""
    worst = report.worst()
    return {
        "schema": VERSION,
        "lang": report.lang,
        "checks": list(report.checks),
        "summary": {
            "findings": len(report.findings),
            "worst": worst.label if worst else None,
            "ignored": len(report.ignored),
            "by_severity": {s.label: sum(f.severity == s for f in report.findings) for s in Severity},
            "by_check": {c: sum(f.check == c for f in report.findings) for c in report.checks},
        },
        "documents": [{"file": str(d.path), "lang": d.lang,
                       "source_file": str(d.source_path) if d.source_path else None,
                       "source_lang": d.source_lang, "segments": len(d.segments)}
                      for d in report.documents],
        "findings": [{"check": f.check, "severity": f.severity.label, **_location(f.location),
                      "message": f.message, "evidence": f.evidence, "concept": f.concept,
                      "suggestion": f.suggestion} for f in report.findings],
        "concepts": [{"concept": c.concept, "en": c.en, "vi": c.vi,
                      "renderings": [{"term": r.term, "count": r.count, "status": r.status,
                                      "places": [{**_location(p.location), "surface": p.surface}
                                                 for p in r.places]}
                                     for r in c.renderings]}
                     for c in report.concepts],
    }


def render_json(report: Report) -> str:
    """The JSON report text."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


_TYPES = {"object": dict, "array": list, "string": str, "integer": int, "null": type(None)}


def schema_errors(data: Any, schema: dict[str, Any] = SCHEMA, where: str = "$") -> list[str]:
    """Where ``data`` breaks ``schema`` (the JSON Schema subset :data:`SCHEMA` uses); [] when valid."""
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        ok = any(isinstance(data, _TYPES[n]) and not (n == "integer" and isinstance(data, bool)) for n in names)
        if not ok:
            return [f"{where}: expected {'/'.join(names)}, got {type(data).__name__}"]
    if "enum" in schema and data not in schema["enum"]:
        errors.append(f"{where}: {data!r} not one of {schema['enum']}")
    if isinstance(data, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in data:
                errors.append(f"{where}: missing {key!r}")
        extra = schema.get("additionalProperties", True)
        for key, value in data.items():
            if key in props:
                errors += schema_errors(value, props[key], f"{where}.{key}")
            elif extra is False:
                errors.append(f"{where}: unexpected {key!r}")
            elif isinstance(extra, dict):
                errors += schema_errors(value, extra, f"{where}.{key}")
    if isinstance(data, list) and "items" in schema:
        for i, item in enumerate(data):
            errors += schema_errors(item, schema["items"], f"{where}[{i}]")
    return errors
