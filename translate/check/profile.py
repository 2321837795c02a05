"""QA profiles: a named set of checks, their severities and thresholds in a TOML file, as Xbench's
and Verifika's profiles are.

::

    name = "news desk"
    checks = ["variants", "deprecated", "numbers", "double-word", "end-punctuation"]  # default: all
    fail_on = "error"                          # default: warning
    [severities]
    end-punctuation = "info"
    [settings]
    min_words_for_detection = 6                # untranslated: shorter segments are not detected
    detection_margin = 0.3
    allowed_doubled_words = ["had", "that"]

A key or value that does not fit is a FormatError naming the file and the key's line.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from translate.check.model import CheckSettings, Severity
from translate.errors import FormatError
from translate.files import read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_KEYS = {"name", "checks", "fail_on", "severities", "settings"}


@dataclass(frozen=True)
class Profile:
    """What a profile sets; None or empty: the defaults."""

    name: str = ""
    checks: tuple[str, ...] | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    settings: CheckSettings = CheckSettings()
    fail_on: Severity | None = None


def load_profile(path: Path | str, known_checks: tuple[str, ...]) -> Profile:
    """Read the profile ``path``; checks must be among ``known_checks``."""
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        found = re.search(r"\(at line (\d+), column \d+\)", str(e))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        raise FormatError(f"not TOML: {reason}", path, int(found.group(1)) if found else None) from None

    def fail(message: str, key: str) -> FormatError:
        return FormatError(message, path, _line_of(text, key))

    for key in data:
        if key not in _KEYS:
            raise fail(f"unknown key {key!r} (a profile has {', '.join(sorted(_KEYS))})", key)
    checks = data.get("checks")
    if checks is not None:
        if not isinstance(checks, list) or not all(isinstance(c, str) for c in checks):
            raise fail("checks is a list of check names", "checks")
        for c in checks:
            if c not in known_checks:
                raise fail(f"unknown check {c!r} (choose from {', '.join(known_checks)})", c)
    severities = {}
    for name, value in _table(data, "severities", fail).items():
        if name not in known_checks:
            raise fail(f"unknown check {name!r} (choose from {', '.join(known_checks)})", name)
        severities[name] = _severity(value, name, fail)
    return Profile(str(data.get("name", "")), tuple(checks) if checks is not None else None, severities,
                   _settings(_table(data, "settings", fail), fail),
                   _severity(data["fail_on"], "fail_on", fail) if "fail_on" in data else None)


def _table(data: dict[str, Any], key: str, fail: Any) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise fail(f"{key} is a table ([{key}])", key)
    return value


def _severity(value: Any, key: str, fail: Any) -> Severity:
    names = [s.label for s in Severity]
    if not isinstance(value, str) or value.lower() not in names:
        raise fail(f"{key}: {value!r} is no severity ({', '.join(names)})", key)
    return Severity.parse(value)


def _settings(table: dict[str, Any], fail: Any) -> CheckSettings:
    defaults = CheckSettings()
    values: dict[str, Any] = {}
    for f in fields(CheckSettings):
        if f.name not in table:
            continue
        value, default = table[f.name], getattr(defaults, f.name)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(f"{f.name} is a list of strings", f.name)
            value = tuple(value)
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise fail(f"{f.name} is a number from 0 to 1, not {value!r}", f.name)
            value = float(value)
        elif isinstance(default, int) and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise fail(f"{f.name} is a whole number of 0 or more, not {value!r}", f.name)
        values[f.name] = value
    unknown = sorted(set(table) - set(values))
    if unknown:
        raise fail(f"unknown setting {unknown[0]!r} (settings: {', '.join(f.name for f in fields(CheckSettings))})",
                   unknown[0])
    return CheckSettings(**values)


def _line_of(text: str, key: str) -> int | None:
    """The first line of ``text`` where ``key`` is written (as a key, quoted or bare, or a value)."""
    pattern = re.compile(rf"(^|[\s\[\"',]){re.escape(key)}($|[\s\]\"'=,])")
    return next((n for n, line in enumerate(text.splitlines(), 1)
                 if pattern.search(line.split("#", 1)[0])), None)
