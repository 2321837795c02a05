"""Write: each document's translation into each language as text and JSON Lines, atomically.

``DOC.LANG.txt`` keeps the source's layout (one line per source line, the sentences of a
paragraph joined by a space); ``DOC.LANG.jsonl`` has one record per sentence: where it is, the
source and its translation, the models of the route and, with a glossary, the concepts and the
verdict. A file whose bytes would not change is not rewritten. ``read_translations`` reads the
JSON Lines back (for ``check``, ``align`` and ``score`` on the folders translate writes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.errors import FormatError
from translate.files import atomic_write_text, read_text
from translate.langs import KNOWN
from translate.pipeline.hop import Strategy
from translate.pipeline.read import Document
from translate.terms.judge import Verdict


@dataclass(frozen=True)
class Ambiguity:
    """A source name that several units bear and the document did not decide: the one written, and all."""

    surface: str
    concept: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryCheck:
    """A segment's glossary record: its source concepts, the verdict, the strategy of each hop,
    and the names left ambiguous (written in the first candidate's form: said, not guessed silently)."""

    concepts: tuple[str, ...]
    verdict: Verdict
    strategies: tuple[Strategy, ...]
    ambiguous: tuple[Ambiguity, ...] = ()

    def to_json(self) -> dict[str, Any]:
        record = {**self.verdict.to_json(), "strategies": [s.value for s in self.strategies]}
        if self.ambiguous:
            record["ambiguous"] = [{"surface": a.surface, "concept": a.concept, "candidates": list(a.candidates)}
                                   for a in self.ambiguous]
        return record


@dataclass(frozen=True)
class TranslatedSegment:
    """One source sentence and its translation into one target language."""

    doc: str
    paragraph: int
    index: int
    source: str
    translation: str
    source_lang: str
    target_lang: str
    models: tuple[str, ...]
    check: GlossaryCheck | None = None  # None: translated without a glossary

    def to_json(self) -> str:
        record: dict[str, Any] = {
            "doc": self.doc,
            "paragraph": self.paragraph,
            "index": self.index,
            "from": self.source_lang,
            "to": self.target_lang,
            "source": self.source,
            "translation": self.translation,
            "models": list(self.models),
        }
        if self.check is not None:
            record["concepts"] = list(self.check.concepts)
            record["glossary"] = self.check.to_json()
        return json.dumps(record, ensure_ascii=False)


def output_paths(out_dir: Path, doc: Document, target_lang: str) -> tuple[Path, Path]:
    """Where a document's translation into ``target_lang`` goes: text and JSON Lines."""
    return out_dir / f"{doc.name}.{target_lang}.txt", out_dir / f"{doc.name}.{target_lang}.jsonl"


def output_language(path: Path | str) -> str | None:
    """The language of a file named as translate names its outputs (``DOC.LANG.txt``,
    ``DOC.LANG.jsonl``, LANG a language backtrans knows), else None."""
    inner = Path(Path(path).stem).suffix[1:].lower()
    return inner if inner in KNOWN else None


def write_translation(out_dir: Path, doc: Document, target_lang: str, segments: list[TranslatedSegment]) -> list[Path]:
    """Write ``doc``'s ``segments`` (in document order) into ``target_lang``; returns the two paths."""
    paragraphs: list[list[str]] = [[] for _ in doc.paragraphs]
    for seg in segments:
        paragraphs[seg.paragraph].append(seg.translation)
    text = "".join(" ".join(p) + "\n" for p in paragraphs)
    jsonl = "".join(seg.to_json() + "\n" for seg in segments)
    written = []
    for path, content in zip(output_paths(out_dir, doc, target_lang), (text, jsonl)):
        if not _holds(path, content):
            atomic_write_text(path, content)
        written.append(path)
    return written


def _holds(path: Path, content: str) -> bool:
    """Whether ``path`` is a file that already holds exactly ``content``."""
    try:
        return path.read_bytes() == content.encode("utf-8")
    except OSError:
        return False


TRANSLATION_SUFFIX = ".jsonl"


def read_translations(path: Path | str) -> list[TranslatedSegment]:
    """The records of a ``DOC.LANG.jsonl`` file that translate wrote (the glossary records aside);
    a line that is not such a record is a FormatError with its line."""
    out = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            out.append(TranslatedSegment(str(record["doc"]), int(record["paragraph"]), int(record["index"]),
                                         str(record["source"]), str(record["translation"]), str(record["from"]),
                                         str(record["to"]), tuple(map(str, record.get("models", ())))))
        except (ValueError, KeyError, TypeError) as e:
            reason = f"missing field {e}" if isinstance(e, KeyError) else "not a JSON record"
            raise FormatError(f"not a record of backtrans translate ({reason})", path, number) from None
    return out
