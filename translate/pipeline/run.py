"""A back-translation run, top to bottom as the data flows:

read → segment → recognise → (per hop) protect → translate → restore → verify → write.

The sentences of all documents are translated together, hop by hop and package by package
(one engine loaded at a time), each unique sentence once per model. Finished batches go to a
journal first, so an interrupted run resumes where it stopped and gives the same bytes as a run
that was never interrupted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from translate.detect import UNDETERMINED, reads_as_other
from translate.engine import (
    Engines,
    EngineSettings,
    ModelPackage,
    PackageTranslator,
    find_route,
    installed_packages,
)
from translate.errors import InputError, OutputError, UsageError
from translate.files import file_lock, remove_stale_temporaries
from translate.glossary.model import Glossary
from translate.langs import require_language
from translate.pipeline.backend import Backend
from translate.pipeline.hop import Checked, Strategy, translate_hop
from translate.pipeline.journal import Journal
from translate.pipeline.read import Document, expand_inputs
from translate.pipeline.recognise import (
    SourceTerms,
    find_in_document,
    recognise_documents,
)
from translate.pipeline.segment import read_segmented
from translate.pipeline.verify import expected_concepts, verify
from translate.pipeline.write import (
    Ambiguity,
    GlossaryCheck,
    TranslatedSegment,
    output_paths,
    write_translation,
)
from translate.terms import Match, People
from translate.terms.judge import Verdict

JOURNAL_NAME = ".backtrans-journal.jsonl"


@dataclass
class RunSummary:
    """What a run did."""

    documents: int = 0
    sentences: int = 0
    planned: int = 0  # sentence translations the run stands for: each document's sentences × the hops of each route
    translated: int = 0  # of those, computed by a model in this run (a sentence shared by routes or repeated once)
    reused: int = 0  # taken from the journal of an earlier, interrupted run
    tokens: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)
    checked: int = 0  # segments verified against the glossary (one per target language)
    failed: int = 0  # of those, segments whose output still fails verification
    repaired: dict[Strategy, int] = field(default_factory=dict)  # hop outputs fixed by a repair strategy
    glossary_seconds: float = 0.0  # time in the glossary layer itself (model calls excluded)
    models: list[ModelPackage] = field(default_factory=list)  # the packages the run's routes take
    warnings: list[str] = field(default_factory=list)  # e.g. a document --from names wrongly

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


class Progress:
    """Receives the progress of a run; the CLI draws it, a library user may ignore it."""

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
    strategies: list[list[Strategy]] = field(default_factory=list)  # per sentence, per hop done


def translate_documents(
    inputs: Iterable[str | Path],
    targets: list[str],
    out_dir: Path | str,
    *,
    source_lang: str | None = None,
    settings: EngineSettings = EngineSettings(),
    packages: list[ModelPackage] | None = None,
    resume: bool = True,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
    discover: bool = True,
    backend: Backend | None = None,
    allow_empty: bool = False,
) -> RunSummary:
    """Back-translate ``inputs`` (files, folders of .txt, globs) into each of ``targets`` in ``out_dir``;
    nothing to translate (no file, no sentence) is an InputError unless ``allow_empty``.

    With a ``glossary``, every hop protects the recognised terms, verifies its output and
    repairs failing segments (``translate.pipeline.hop``); each segment's record then carries
    its concepts and the final verdict. With ``discover`` (the default), the Vietnamese personal
    names no glossary holds are protected and verified too, one form per person over the run
    (``translate.terms.discover``). ``backend`` says where the work runs (default: this process;
    ``translate.distributed.RayBackend``: a Ray cluster, with the same outputs).
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    if not targets:
        raise UsageError("--to: no target language")
    targets = [require_language(t, option="--to", any_language=True) for t in targets]
    if source_lang is not None:
        source_lang = require_language(source_lang, option="--from", any_language=True)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError("the output must be a folder, and this is a file", out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)  # before any work: a folder that cannot be made fails now
    except OSError as e:
        raise OutputError(f"cannot create the output folder: {e.strerror or e}", out_dir) from None
    with file_lock(out_dir / JOURNAL_NAME, wait=False,
                   busy="another backtrans run is writing to this folder; wait for it, or choose another --out"):
        remove_stale_temporaries(out_dir)  # of a run killed while writing its outputs
        return _translate(inputs, targets, out_dir, source_lang, settings, packages, resume, progress or Progress(),
                          glossary, discover, started, backend or Backend(), allow_empty)


def _translate(inputs: Iterable[str | Path], targets: list[str], out_dir: Path, source_lang: str | None,
               settings: EngineSettings, packages: list[ModelPackage] | None, resume: bool, progress: Progress,
               glossary: Glossary | None, discover: bool, started: float, backend: Backend,
               allow_empty: bool) -> RunSummary:
    """``translate_documents`` in an output folder this run holds."""
    settings = backend.resolve(settings)  # the device decided once, for the engines and the journal's key
    # An output folder inside an input folder holds earlier outputs: they are not inputs.
    files = expand_inputs(inputs, allow_empty=allow_empty)
    paths = [p for p in files if not _inside(p, out_dir)] or files
    docs = backend.map(partial(read_segmented, lang=source_lang), paths)  # read, segment
    if not any(doc.segments for doc in docs):
        if allow_empty:
            return RunSummary(documents=len(docs), seconds=time.perf_counter() - started)
        names = ", ".join(str(p) for p in paths)
        raise InputError(f"nothing to translate: no sentence in {names} (--allow-empty to accept)")
    _check_documents(docs)
    people = People() if discover else None
    terms: SourceTerms = {}
    if glossary is not None:  # recognise: what needs no state found by the backend, the persons here, in order
        found = backend.map(partial(find_in_document, glossary=glossary, names=people is not None), docs)
        terms = recognise_documents(docs, glossary, people, found)
    if glossary is not None and people is not None:
        glossary = people.over(glossary)  # the persons discovered, as concepts to protect and verify
    packages = installed_packages() if packages is None else packages
    jobs = [_Job(doc, doc.lang or "", target, [] if doc.lang == target else find_route(doc.lang or "", target, packages),
                 [s.text for s in doc.segments], [[] for _ in doc.segments])
            for doc in docs for target in targets]
    journal = Journal(out_dir / JOURNAL_NAME, fresh=not resume)
    summary = RunSummary(documents=len(docs), sentences=sum(len(d.segments) for d in docs),
                         models=list({p.path: p for j in jobs for p in j.route}.values()))
    if source_lang is not None:  # the language was given, not detected: say where it looks wrong
        for doc in docs:
            other = reads_as_other("\n".join(doc.paragraphs), source_lang)
            if other is not None:
                summary.warnings.append(f"{doc.path}: reads as {other}, not {source_lang} (--from): "
                                        f"translated with the {source_lang} model all the same")
    summary.planned = sum(len(j.texts) * len(j.route) for j in jobs)
    progress.plan(len(docs), summary.planned)
    with _Models(settings, journal, summary, progress, backend.engines(settings)) as models:
        for hop in range(max((len(j.route) for j in jobs), default=0)):  # protect → translate → restore → verify
            for package, hop_jobs in _by_package(jobs, hop).items():
                _run_hop(models, package, hop_jobs, glossary, terms.get(package.from_code) if hop == 0 else None)
    finished = backend.map(partial(_finish, glossary=glossary), [(job, _job_terms(job, terms)) for job in jobs])
    for job, (segments, checks, seconds) in zip(jobs, finished):  # write
        summary.glossary_seconds += seconds
        if checks is not None:
            summary.checked += len(checks)
            summary.failed += sum(not c.verdict.ok for c in checks)
        summary.written.extend(write_translation(out_dir, job.doc, job.target_lang, segments))
        progress.document_written(output_paths(out_dir, job.doc, job.target_lang)[0])
    summary.seconds = time.perf_counter() - started
    return summary


def _check_documents(docs: list[Document]) -> None:
    """Every document's language is known and no two documents would write the same outputs."""
    names: dict[str, Path] = {}
    for doc in docs:
        if doc.lang == UNDETERMINED:
            raise InputError("cannot tell the document's language; pass --from", doc.path)
        if doc.name in names:
            raise UsageError(f"two inputs would write the same outputs ({names[doc.name]} and {doc.path})", doc.path)
        names[doc.name] = doc.path


def _by_package(jobs: list[_Job], hop: int) -> dict[ModelPackage, list[_Job]]:
    """The jobs that take ``hop`` through each package (in order of first use)."""
    out: dict[ModelPackage, list[_Job]] = {}
    for job in jobs:
        if hop < len(job.route):
            out.setdefault(job.route[hop], []).append(job)
    return out


class _Models:
    """The engines (one loaded at a time, ``translate.engine.Engines``) and the journal:
    translate unique sentences, each once per model, counting the work in the summary."""

    def __init__(self, settings: EngineSettings, journal: Journal, summary: RunSummary, progress: Progress,
                 engines: PackageTranslator | None = None) -> None:
        self.settings = settings
        self.journal = journal
        self.summary = summary
        self.progress = progress
        self.engines = Engines(settings) if engines is None else engines

    def __enter__(self) -> _Models:
        return self

    def __exit__(self, *exc: object) -> None:
        self.engines.close()

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
            def record(batch: list[int], out: list[str], n_tokens: int) -> None:
                journal.add(key, [(todo[i], t) for i, t in zip(batch, out)])
                summary.translated += len(batch)
                summary.tokens += n_tokens
                progress.advance(len(batch), n_tokens)

            self.engines.translate(package, todo, on_batch=record)
        return {t: journal.entries[key, t] for t in texts}


def _run_hop(models: _Models, package: ModelPackage, jobs: list[_Job], glossary: Glossary | None,
             matches: Mapping[str, Sequence[Match]] | None) -> None:
    """One hop of ``jobs`` through ``package``: each distinct sentence translated once, with the
    glossary enforced when there is one; each job's texts and strategies move on."""
    unique = list(dict.fromkeys(t for j in jobs for t in j.texts))
    count = sum(len(j.texts) for j in jobs)
    if glossary is None:
        done = models.translate(package, unique, count)
        results = {t: Checked(done[t], None, Verdict()) for t in unique}
    else:
        results = _enforced_hop(models, package, unique, glossary, matches, count)
    for job in jobs:
        checked = [results[t] for t in job.texts]
        job.texts = [c.text for c in checked]
        for strategies, c in zip(job.strategies, checked):
            if c.strategy is not None:
                strategies.append(c.strategy)


def _enforced_hop(models: _Models, package: ModelPackage, texts: list[str], glossary: Glossary,
                  matches: Mapping[str, Sequence[Match]] | None, count: int) -> dict[str, Checked]:
    """One hop with the glossary (``translate_hop``); its repairs are counted in the summary."""
    counts = iter([count])
    model_seconds = 0.0

    def run(batch: list[str]) -> dict[str, str]:
        nonlocal model_seconds
        started = time.perf_counter()
        out = models.translate(package, batch, count=next(counts, None))
        model_seconds += time.perf_counter() - started
        return out

    started = time.perf_counter()
    results = translate_hop(texts, package.from_code, package.to_code, glossary, run, matches)
    summary = models.summary
    summary.glossary_seconds += time.perf_counter() - started - model_seconds
    for c in results.values():
        if c.strategy is not Strategy.PROTECT and c.strategy is not None and c.verdict.ok:
            summary.repaired[c.strategy] = summary.repaired.get(c.strategy, 0) + 1
    return results


def _inside(path: Path, folder: Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return real.startswith(top.rstrip(os.sep) + os.sep)


def _job_terms(job: _Job, terms: SourceTerms) -> dict[str, list[Match]] | None:
    """The matches of ``job``'s source sentences (None: nothing to check), all a final check needs."""
    found = terms.get(job.source_lang)
    return None if found is None or not job.route else {s.text: found[s.text] for s in job.doc.segments}


def _finish(item: tuple[_Job, dict[str, list[Match]] | None], glossary: Glossary | None
            ) -> tuple[list[TranslatedSegment], list[GlossaryCheck] | None, float]:
    """A job's records to write: verified against its source's concepts with a glossary (and
    the seconds that took). A stage function: the backend may run it in another process."""
    job, found = item
    started = time.perf_counter()
    checks = _final_checks(job, found, glossary) if glossary is not None and found is not None else None
    return _segments(job, checks), checks, time.perf_counter() - started


def _final_checks(job: _Job, found: Mapping[str, Sequence[Match]], glossary: Glossary) -> list[GlossaryCheck]:
    """Each segment's output verified against the concepts of its source sentence."""
    checks = []
    for segment, text, strategies in zip(job.doc.segments, job.texts, job.strategies):
        matches = found[segment.text]
        concepts = expected_concepts(matches, job.target_lang, glossary)
        ambiguous = tuple(Ambiguity(m.surface, m.concept, m.candidates) for m in matches if m.candidates)
        checks.append(GlossaryCheck(concepts, verify(concepts, text, job.target_lang, glossary), tuple(strategies),
                                    ambiguous))
    return checks


def _segments(job: _Job, checks: list[GlossaryCheck] | None) -> list[TranslatedSegment]:
    models = tuple(p.name for p in job.route)
    return [TranslatedSegment(job.doc.name, s.paragraph, s.index, s.text, t, job.source_lang, job.target_lang, models,
                              checks[i] if checks is not None else None)
            for i, (s, t) in enumerate(zip(job.doc.segments, job.texts))]


def _model_key(package: ModelPackage, settings: EngineSettings) -> str:
    device = settings.resolved_device
    return (f"{package.name}@{package.version}|beam={settings.beam_size}|{settings.compute_type}"
            + ("" if device == "cpu" else f"|{device}"))  # a GPU's translations are not the CPU's
