"""Numbers by value across locales: ``8.850,26`` (id, pl) = ``8,850.26`` (en) = ``8 850,26`` (uk).

:func:`number_value` reads one number token; :func:`find_quantities` finds the quantities of a
text (plain numbers, percentages, ratios such as ``20/21``, dates, money) with scale words
resolved (``500 мільярдів`` = ``500 miliar`` = 5·10¹¹). Each quantity carries a
language-neutral ``key``: two texts state the same quantity when their keys are equal.

The per-language data (decimal mark, thousands separators, scale, percent, month and currency
words) is each language's :class:`~translate.langs.NumberFormat`, chosen by the language tag's
region where a language's regions write numbers differently (ar-MA: "1,5"; ar-EG: "1.5").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from translate.langs import Language, NumberFormat, get_language, split_tag

# Arabic-Indic and Extended Arabic-Indic digits to ASCII; one character to one, so offsets hold.
# The Arabic thousands separator becomes a narrow no-break space; the Arabic decimal separator
# is kept (it is never a thousands separator) and read as the decimal mark.
ARABIC_DECIMAL = "\u066b"  # ٫
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGITS[ord("\u066c")] = "\u202f"  # ٬
_ARABIC_NUMERALS = re.compile("[\u0660-\u0669\u06f0-\u06f9\u066c]")


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits as ASCII ones, one character for one, so offsets hold."""
    return text.translate(_DIGITS) if _ARABIC_NUMERALS.search(text) else text


_NON_DIGIT = re.compile(r"\D")
_SPACES = " \u00a0\u202f\u2009'’"
_NUMBER = (r"\d+(?:(?:[.,'’\u00a0\u202f\u2009" + ARABIC_DECIMAL + r"]| (?=\d{3}(?!\d)))\d+)*")
_TOKEN = re.compile(
    r"(?=\d)"  # implied by every branch; lets the regex engine jump from digit to digit
    r"(?:(?P<iso>\d{4}-\d{1,2}-\d{1,2}(?!\d))"
    r"|(?P<date>\d{1,2}(?P<ds>[./-])\d{1,2}(?P=ds)(?:\d{4}|\d{2})(?![\d.,]\d))"
    r"|(?P<ratio>\d+\s?/\s?\d+(?![\d/]))"
    r"|(?P<number>" + _NUMBER + r"))"
)
_NUMBER_TOKEN = re.compile(_NUMBER)


def number_tokens(text: str) -> list[str]:
    """The number tokens of ``text`` in any locale and digits (``8.850,26``, ``٨٨٥٠٫٢٦``), ASCII digits."""
    return _NUMBER_TOKEN.findall(ascii_digits(text))


_AFTER = re.compile(r"[ \u00a0\u202f]?(?P<pct>[%٪])|\s*(?P<word>[^\W\d_]+\.?)")
_BEFORE_CURRENCY = re.compile(r"(?P<sym>[$€£]|US\$|Rp\.?|VND|USD|EUR)\s?$")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|(?<!\S)\S+@\S+\.\w+|(?<!\S)\S+\.html?\b")  # (?<!\S): only try at word starts
_URL_HINTS = ("://", "www.", "@", ".htm")  # each alternative of _URL contains one of these
SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "Rp": "IDR", "Rp.": "IDR",
           "VND": "VND", "USD": "USD", "EUR": "EUR", "đ": "VND"}


@dataclass(frozen=True)
class Quantity:
    """One quantity written in a text.

    ``kind``: number, percent, ratio, date or money. ``value``: the canonical value (scale word
    applied: ``"8850260000000"``; ratio ``"20/21"``; date ``"2024-05-29"``, ``"--06-16"`` when the
    year is not written). ``unit``: the ISO currency code of money. ``start``/``end``: the span
    in the text, scale, percent and currency words included.
    """

    kind: str
    value: str
    text: str
    start: int
    end: int
    unit: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What two translations must share: money compares as a number (currency names vary)."""
        return ("number" if self.kind == "money" else self.kind), self.value


def number_format(lang: str | Language) -> NumberFormat:
    """The number format of a language tag ("pl", "ar-MA") or language."""
    if isinstance(lang, Language):
        return lang.numbers
    base, region = split_tag(lang)
    return get_language(base).number_format(region)


def number_value(token: str, lang: str | Language | None = None) -> list[str]:
    """The value(s) of a number token written in any locale, as canonical decimal strings.

    ``8.850,26``, ``8,850.26``, ``8 850,26`` and ``٨٨٥٠٫٢٦`` all give ``["8850.26"]``. A lone
    ``.`` or ``,`` is read with ``lang``'s decimal mark when a language is given; without one,
    it is a thousands separator before exactly three digits (``1.000`` = ``1,000`` = 1000), so
    both sides of a translation read an ambiguous number the same way. Groups that cannot be
    one number (``9.9.1988``) give each part's value.
    """
    return _values(token, number_format(lang) if lang is not None else None)


def _values(token: str, fmt: NumberFormat | None) -> list[str]:
    token = ascii_digits(token)
    decimal_part = ""
    if ARABIC_DECIMAL in token:
        token, _, decimal_part = token.partition(ARABIC_DECIMAL)
        if not decimal_part.isdigit():
            return [_canonical(g) for g in re.split(r"\D", token + "." + decimal_part) if g]
    if token.isdecimal():  # no separator: the common case, and what \D splits on
        return [_canonical(token + ("." + decimal_part if decimal_part else ""))]
    groups = _NON_DIGIT.split(token)
    seps = _NON_DIGIT.findall(token)
    kinds = {" " if s in _SPACES else s for s in seps}
    if decimal_part:
        int_groups = groups
        if len(kinds) > 1:
            return [_canonical(g) for g in groups] + [_canonical(decimal_part)]
    elif len(kinds) == 2 and seps[-1] in ".," and seps.count(seps[-1]) == 1:
        int_groups, decimal_part = groups[:-1], groups[-1]
    elif len(kinds) == 1:
        sep = seps[0]
        if len(seps) == 1 and sep in ".,":
            if _lone_is_decimal(sep, groups, fmt):
                int_groups, decimal_part = groups[:1], groups[1]
            else:
                int_groups = groups
        else:
            int_groups = groups
    else:
        return [_canonical(g) for g in groups]
    if len(int_groups) > 1 and (
        not 1 <= len(int_groups[0]) <= 3 or any(len(g) != 3 for g in int_groups[1:])
    ):
        parts = groups + ([decimal_part] if decimal_part and int_groups is groups else [])
        return [_canonical(g) for g in parts]
    value = "".join(int_groups) + ("." + decimal_part if decimal_part else "")
    return [_canonical(value)]


def _lone_is_decimal(sep: str, groups: list[str], fmt: NumberFormat | None) -> bool:
    if fmt is not None and fmt.decimal_mark:
        if sep == fmt.decimal_mark:
            return True
        if sep in fmt.group_marks:
            return len(groups[1]) != 3 or groups[0] == "0"
    return len(groups[1]) != 3 or groups[0] == "0"


def _canonical(number: str) -> str:
    try:
        d = Decimal(number)
    except InvalidOperation:
        return number
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def find_quantities(text: str, lang: str | Language) -> list[Quantity]:
    """Every quantity of ``text`` (written in ``lang``, a tag such as "uk" or "ar-MA"), in text order."""
    fmt = number_format(lang)
    ascii_text = ascii_digits(text)
    skip = [m.span() for m in _URL.finditer(ascii_text)] if _maybe_url(ascii_text) else []
    out: list[Quantity] = []
    for m in _TOKEN.finditer(ascii_text):
        start, end = m.span()
        if any(s <= start < e for s, e in skip):
            continue
        if out and start < out[-1].end:
            continue  # the year of a date already read ("29 May 2024")
        if start and _glued(ascii_text, start):
            continue  # part of an identifier (COVID-19, F1, a/b/c)
        if end < len(ascii_text) and ascii_text[end].isalpha() and not ascii_text[end] in "%٪":
            if m.lastgroup == "number" and not _glued_unit(ascii_text, end, fmt):
                continue
        if m.lastgroup == "iso":
            y, mo, d = (int(p) for p in m.group().split("-"))
            out.append(_date(text, start, end, y, mo, d))
        elif m.lastgroup == "date":
            a, b, y = (int(p) for p in re.split(r"[./-]", m.group()))
            out.append(_date(text, start, end, _year(y), *_month_day(a, b)))
        elif m.lastgroup == "ratio":
            over, under = (p.strip() for p in m.group().split("/"))
            out.append(Quantity("ratio", f"{_canonical(over)}/{_canonical(under)}", text[start:end], start, end))
        else:
            out.append(_number(text, ascii_text, start, end, fmt))
    return out


def _maybe_url(text: str) -> bool:
    """Whether ``text`` may hold a URL or e-mail address (a cheap test before :data:`_URL`)."""
    return any(hint in text for hint in _URL_HINTS)


def _glued(text: str, start: int) -> bool:
    """Whether the number at ``start`` continues a word; Arabic clitics (و53) do not count."""
    prev = text[start - 1]
    if prev == "-" and start > 1:
        prev = text[start - 2]
        return prev.isalpha() and not _arabic(prev)
    return (prev.isalnum() and not _arabic(prev)) or prev in "_/"


def _arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def _glued_unit(text: str, end: int, fmt: NumberFormat) -> bool:
    word = re.match(r"[^\W\d_]+", text[end:])
    return word is not None and word.group().lower() in fmt.scales


def _number(text: str, ascii_text: str, start: int, end: int, fmt: NumberFormat) -> Quantity:
    values = _values(ascii_text[start:end], fmt)
    value = values[0] if len(values) == 1 else " ".join(values)
    kind, unit = "number", ""
    before = _BEFORE_CURRENCY.search(ascii_text[max(0, start - 5):start])
    if before:
        kind, unit = "money", SYMBOLS.get(before.group("sym"), "")
        start = start - len(before.group())
    after = _AFTER.match(ascii_text, end)
    while after is not None and len(values) == 1:
        if after.group("pct"):
            kind, end = "percent", after.end()
            break
        word = after.group("word")
        low = word.lower()
        bare = low.rstrip(".")
        if bare in fmt.scales:
            value = _canonical(str(Decimal(value) * fmt.scales[bare]))
            end = after.end() - (len(word) - len(bare))
            after = _AFTER.match(ascii_text, end)
            continue
        if bare in fmt.percent_words:
            kind, end = "percent", after.end() - (len(word) - len(bare))
            break
        month = fmt.month_names.get(bare)
        if month and kind == "number" and value.isdigit() and 1 <= int(value) <= 31:
            year = re.match(r"\s+(\d{4})(?!\d)", ascii_text[after.end():])
            stop = after.end() - (len(word) - len(bare))
            if year:
                stop = after.end() + year.end()
                return _date(text, start, stop, int(year.group(1)), month, int(value))
            return Quantity("date", f"--{month:02d}-{int(value):02d}", text[start:stop], start, stop)
        code = SYMBOLS.get(word) or _currency(bare, fmt)
        if code:
            kind, unit, end = "money", code, after.end() - (len(word) - len(bare))
        break
    return Quantity(kind, value, text[start:end], start, end, unit)


def _currency(word: str, fmt: NumberFormat) -> str:
    for stem, code in fmt.currency_stems.items():
        if word.startswith(stem):
            return code
    return ""


def _month_day(a: int, b: int) -> tuple[int, int]:
    """(month, day) of a day-first numeric date, month-first when the day-first reading is impossible."""
    if b > 12 >= a:
        return a, b
    return b, a


def _year(y: int) -> int:
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y


def _date(text: str, start: int, end: int, y: int, mo: int, d: int) -> Quantity:
    return Quantity("date", f"{y:04d}-{mo:02d}-{d:02d}", text[start:end], start, end)


@dataclass(frozen=True)
class NumberDiff:
    """Quantities of one side that the other side lacks (by key, counting repeats)."""

    missing: list[Quantity]  # in the source, not in the target
    extra: list[Quantity]  # in the target, not in the source


def compare_quantities(source: list[Quantity], target: list[Quantity]) -> NumberDiff:
    """Which quantities differ between a source and its translation, compared by value."""
    return NumberDiff(_unmatched(source, target), _unmatched(target, source))


def _unmatched(quantities: list[Quantity], others: list[Quantity]) -> list[Quantity]:
    """The quantities with no counterpart of the same value among ``others`` (each used once)."""
    available = Counter(q.key for q in others)
    unmatched = []
    for q in quantities:
        if available[q.key] > 0:
            available[q.key] -= 1
        else:
            unmatched.append(q)
    return unmatched


__all__ = ["NumberDiff", "Quantity", "ascii_digits", "compare_quantities", "find_quantities", "number_tokens", "number_value"]
