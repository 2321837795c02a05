"""Sentence segmentation: one regex finds candidate ends, a few checks on the words around them decide.

A candidate is a run of sentence-ending punctuation (``. ! ? … ؟``), the closing quotes or brackets
glued to it, then a space. It is NOT a sentence end when

- no letter or digit follows in the paragraph (trailing ``|`` or ``*`` stays with the sentence);
- the next word starts with a lower-case letter (``Partai... dilakukan``, ``2021 r. został``);
- the punctuation is a single ``.`` and the word before it is
  an abbreviation of the language (``m.in.``, ``TP.``, ``Mr.``),
  an abbreviation that precedes numbers and a digit follows (``No. 5``),
  an initial (one capital letter: ``J. Smith``),
  or a list number opening the sentence (``1. Item``).

Decimal numbers (``8.850,26``), URLs and dotted tokens never have a space after their dots, so
they are never candidates. Abbreviations come from ``translate.langs``; an unknown language
code gets the generic rules.
"""

from __future__ import annotations

import re
from pathlib import Path

from translate.detect import detect_language
from translate.langs import Language, get_language
from translate.pipeline.read import Document, Segment, read_document

_OPENERS = "\"'«„“‘‚‹([{"
_CLOSERS = "\"'»”’›)]}"
_CANDIDATE = re.compile(r"(?P<punct>[.!?…؟۔]+)[\"'»”’›)\]}]*(?=\s)")
# A closing quote written after a space ("... OCOP. »"): it still belongs to the sentence.
_SPACED_CLOSER = re.compile(r"\s+[\"»”›)\]}]+(?=\s|$)")
_NEXT_WORD = re.compile(r"[^\W_]")
_LIST_NUMBER = re.compile(r"\d{1,3}|[IVXLC]{1,5}|[a-z]")


def split_sentences(paragraph: str, lang: str | Language) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of ``paragraph``, without surrounding space."""
    language = lang if isinstance(lang, Language) else get_language(lang)
    start = _skip_space(paragraph, 0)
    if start == len(paragraph):
        return []
    spans = []
    for m in _CANDIDATE.finditer(paragraph):
        if not _is_boundary(paragraph, m, start, language):
            continue
        end = m.end()
        closer = _SPACED_CLOSER.match(paragraph, end)
        if closer and ('"' not in closer.group() or paragraph.count('"', 0, end) % 2 == 1):
            end = closer.end()
        spans.append((start, end))
        start = _skip_space(paragraph, end)
        if start == len(paragraph):
            return spans
    spans.append((start, len(paragraph.rstrip())))
    return spans


def segment_document(doc: Document) -> Document:
    """Fill ``doc.segments`` with the sentences of each paragraph (rules of ``doc.lang``); return doc."""
    language = get_language(doc.lang or "xx")
    doc.segments = [
        Segment(paragraph=p, index=i, text=text[s:e], start=s, end=e)
        for p, text in enumerate(doc.paragraphs)
        for i, (s, e) in enumerate(split_sentences(text, language))
    ]
    return doc


def read_segmented(path: Path | str, lang: str | None = None) -> Document:
    """Read a text document and split it into sentences.

    Without ``lang`` its language is detected ("und" when undetermined).
    """
    doc = read_document(path, lang)
    if doc.lang is None:
        doc.lang = detect_language("\n".join(doc.paragraphs))
    return segment_document(doc)


def _is_boundary(text: str, m: re.Match[str], sentence_start: int, language: Language) -> bool:
    following = _NEXT_WORD.search(text, m.end())
    if following is None or following.group().islower():
        return False
    if m.group("punct") != ".":
        return True
    before = text[sentence_start : m.start()].rstrip()
    raw = before.split()[-1] if before else ""
    token = raw.strip(_OPENERS + _CLOSERS)
    word = token.lower()
    if word in language.segmentation.abbreviations:
        return False
    if word in language.segmentation.before_number and following.group().isdigit():
        return False
    if len(token) == 1 and token.isupper():  # an initial
        return False
    first_token = raw == before
    return not (first_token and _LIST_NUMBER.fullmatch(token))


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i
