"""Batch back-translation: documents in, text and JSON Lines per target language out.

read → segment → (per model hop) translate the sentences of all documents together →
write. Finished batches go to a journal first, so an interrupted run resumes where it
stopped and gives the same bytes as a run that was never interrupted.
"""

from __future__ import annotations

import glob
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from translate.files import atomic_write_text
from translate.detect import UNDETERMINED
from translate.documents import Document
from translate.engine import Engines, EngineSettings
from translate.enforce import protect
from translate.errors import InputError, UsageError
from translate.glossary.model import Glossary
from translate.journal import Journal
from translate.engine.packages import ModelPackage, find_route, installed_packages
from translate.segment import read_segmented
from translate.terms.judge import Verdict
from translate.verify import PROTECT, Checked, translate_verified, verify

JOURNAL_NAME = ".backtrans-journal.jsonl"


@dataclass(frozen=True)
class GlossaryCheck:
    """A segment's glossary record: its source concepts, the verdict, the strategy of each hop."""

    concepts: tuple[str, ...]
    verdict: Verdict
    strategies: tuple[str, ...]

    def to_json(self) -> dict:
        return {**self.verdict.to_json(), "strategies": list(self.strategies)}


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
        record = {
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


@dataclass
class RunSummary:
    """What a batch run did."""

    documents: int = 0
    sentences: int = 0
    translated: int = 0  # sentence translations computed by a model in this run
    reused: int = 0  # taken from the journal of an earlier, interrupted run
    tokens: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)
    checked: int = 0  # segments verified against the glossary (one per target language)
    failed: int = 0  # of those, segments whose output still fails verification
    repaired: dict[str, int] = field(default_factory=dict)  # hop outputs fixed by a repair strategy
    glossary_seconds: float = 0.0  # time in the glossary layer itself (model calls excluded)

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


class Progress:
    """Receives progress of a run; the CLI draws it, a library user may ignore it."""

    def plan(self, documents: int, sentences: int) -> None: ...

    def advance(self, sentences: int, tokens: int) -> None: ...

    def document_written(self, path: Path) -> None: ...


@dataclass
class _Job:
    """One document into one target language, through a route of model packages."""

    doc: Document
    source_lang: str
    target_lang: str
    route: list[ModelPackage]
    texts: list[str]  # the sentences as they stand after the hops done so far
    strategies: list[list[str]] = field(default_factory=list)  # per sentence, per hop done


def expand_inputs(inputs: list[str | Path]) -> list[Path]:
    """Files, folders (their *.txt, recursively) and globs → sorted unique files."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.exists():
            found.append(path)
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError("the pattern matches no file", item)
            found.extend(matches)
        else:
            raise InputError("no such file or folder", item)
    unique = list(dict.fromkeys(p.resolve() for p in found))
    stems: dict[str, Path] = {}
    for p in unique:
        if p.stem in stems:
            raise UsageError(f"two inputs would write the same outputs ({stems[p.stem]} and {p})", p)
        stems[p.stem] = p
    return unique


def load_documents(paths: list[Path], source_lang: str | None = None) -> list[Document]:
    """Read and segment each document; detect its language unless ``source_lang`` is given."""
    docs = [read_segmented(path, source_lang) for path in paths]
    for doc in docs:
        if doc.lang == UNDETERMINED:
            raise InputError("cannot tell the document's language; pass --from", doc.path)
    return docs


def output_paths(out_dir: Path, doc: Document, target_lang: str) -> tuple[Path, Path]:
    """Where a document's translation into ``target_lang`` goes: text and JSON Lines."""
    return out_dir / f"{doc.name}.{target_lang}.txt", out_dir / f"{doc.name}.{target_lang}.jsonl"


def translate_documents(
    inputs: list[str | Path],
    targets: list[str],
    out_dir: Path,
    *,
    source_lang: str | None = None,
    settings: EngineSettings = EngineSettings(),
    packages: list[ModelPackage] | None = None,
    resume: bool = True,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
) -> RunSummary:
    """Back-translate ``inputs`` into each of ``targets``, writing into ``out_dir``.

    With a ``glossary``, every hop protects the recognised terms (``translate.enforce``),
    verifies its output and repairs failing segments (``translate.verify``); each segment's
    record then carries its concepts and the final verdict.
    """
    started = time.perf_counter()
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError("the output must be a folder, and this is a file", out_dir)
    progress = progress or Progress()
    docs = load_documents(expand_inputs(inputs), source_lang)
    packages = installed_packages() if packages is None else packages
    jobs = [
        _Job(doc, doc.lang, target, [] if doc.lang == target else find_route(doc.lang, target, packages),
             [s.text for s in doc.segments], [[] for _ in doc.segments])
        for doc in docs
        for target in targets
    ]
    journal = Journal(out_dir / JOURNAL_NAME)
    if not resume:
        journal.clear()
    summary = RunSummary(documents=len(docs), sentences=sum(len(d.segments) for d in docs))
    progress.plan(len(docs), sum(len(j.texts) * len(j.route) for j in jobs))
    models = _Models(settings, journal, summary, progress)

    for hop in range(max((len(j.route) for j in jobs), default=0)):
        by_package: dict[Path, list[_Job]] = {}
        for job in jobs:
            if hop < len(job.route):
                by_package.setdefault(job.route[hop].path, []).append(job)
        for hop_jobs in by_package.values():
            package = hop_jobs[0].route[hop]
            unique = list(dict.fromkeys(t for j in hop_jobs for t in j.texts))
            if glossary is None:
                done = models.translate(package, unique, count=sum(len(j.texts) for j in hop_jobs))
                results = {t: Checked(done[t], "", Verdict()) for t in unique}
            else:
                results = _enforced_hop(models, package, unique, glossary, summary,
                                        count=sum(len(j.texts) for j in hop_jobs))
            for job in hop_jobs:
                checked = [results[t] for t in job.texts]
                job.texts = [c.text for c in checked]
                for strategies, c in zip(job.strategies, checked):
                    strategies.append(c.strategy)

    out_dir.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        checking = time.perf_counter()
        checks = _final_checks(job, glossary) if glossary is not None and job.route else None
        summary.glossary_seconds += time.perf_counter() - checking
        if checks is not None:
            summary.checked += len(checks)
            summary.failed += sum(not c.verdict.ok for c in checks)
        summary.written.extend(_write_job(job, out_dir, checks))
        progress.document_written(output_paths(out_dir, job.doc, job.target_lang)[0])
    summary.seconds = time.perf_counter() - started
    return summary


class _Models:
    """The engines (one loaded at a time, ``translate.engine.lifecycle``) and the journal:
    translate unique sentences, each once per model."""

    def __init__(self, settings: EngineSettings, journal: Journal, summary: RunSummary, progress: Progress) -> None:
        self.settings = settings
        self.journal = journal
        self.summary = summary
        self.progress = progress
        self.engines = Engines(settings)

    def translate(self, package: ModelPackage, texts: list[str], count: int | None = None) -> dict[str, str]:
        """The raw translation of each of ``texts`` (unique), from the journal or the model.

        ``count`` is how many sentence slots the texts stand for (progress), default len(texts).
        """
        key = _model_key(package, self.settings)
        journal, summary, progress = self.journal, self.summary, self.progress
        todo = [t for t in texts if journal.get(key, t) is None]
        summary.reused += len(texts) - len(todo)
        progress.advance((len(texts) if count is None else count) - len(todo), 0)
        if todo:
            engine = self.engines.engine(package)

            def record(batch: list[int], out: list[str], n_tokens: int) -> None:
                journal.add(key, [(todo[i], t) for i, t in zip(batch, out)])
                summary.translated += len(batch)
                summary.tokens += n_tokens
                progress.advance(len(batch), n_tokens)

            engine.translate(todo, on_batch=record)
        return {t: journal.get(key, t) for t in texts}


def _enforced_hop(models: _Models, package: ModelPackage, texts: list[str], glossary: Glossary,
                  summary: RunSummary, count: int) -> dict[str, Checked]:
    """One hop with the glossary (see ``translate_verified``); repairs are counted in ``summary``."""
    counts = iter([count])
    model_seconds = 0.0

    def run(batch: list[str]) -> dict[str, str]:
        nonlocal model_seconds
        started = time.perf_counter()
        out = models.translate(package, batch, count=next(counts, None))
        model_seconds += time.perf_counter() - started
        return out

    started = time.perf_counter()
    results = translate_verified(texts, package.from_code, package.to_code, glossary, run)
    summary.glossary_seconds += time.perf_counter() - started - model_seconds
    for c in results.values():
        if c.strategy != PROTECT and c.verdict.ok:
            summary.repaired[c.strategy] = summary.repaired.get(c.strategy, 0) + 1
    return results


def _final_checks(job: _Job, glossary: Glossary) -> list[GlossaryCheck]:
    """Each segment's output checked against the concepts of its source sentence."""
    checks = []
    for segment, text, strategies in zip(job.doc.segments, job.texts, job.strategies):
        concepts = protect(segment.text, job.source_lang, job.target_lang, glossary).concepts
        checks.append(GlossaryCheck(concepts, verify(concepts, text, job.target_lang, glossary), tuple(strategies)))
    return checks


def _model_key(package: ModelPackage, settings: EngineSettings) -> str:
    return f"{package.name}@{package.version}|beam={settings.beam_size}|{settings.compute_type}"


def _write_job(job: _Job, out_dir: Path, checks: list[GlossaryCheck] | None) -> list[Path]:
    models = tuple(p.name for p in job.route)
    segments = [
        TranslatedSegment(job.doc.name, s.paragraph, s.index, s.text, t, job.source_lang, job.target_lang, models,
                          checks[i] if checks is not None else None)
        for i, (s, t) in enumerate(zip(job.doc.segments, job.texts))
    ]
    paragraphs: list[list[str]] = [[] for _ in job.doc.paragraphs]
    for seg in segments:
        paragraphs[seg.paragraph].append(seg.translation)
    text = "".join(" ".join(p) + "\n" for p in paragraphs)
    jsonl = "".join(seg.to_json() + "\n" for seg in segments)
    written = []
    for path, content in zip(output_paths(out_dir, job.doc, job.target_lang), (text, jsonl)):
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            atomic_write_text(path, content)
        written.append(path)
    return written
