"""Aligning documents: read, split into sentences, find anchors, align, link terms; several
pairs at once (one lexicon for all); pairing the documents of two folders by name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from align.anchors import sentence_anchors
from align.bead import Anchor, Bead
from align.scripts import dominant_script
from align.sentences import (
    AlignerConfig,
    BeadCost,
    Progress,
    align_sentences,
    summed_costs,
)
from align.terms import TermLink, link_terms
from translate.engine import EngineSettings, ModelPackage
from translate.errors import UsageError
from translate.files import read_text
from translate.glossary.model import Glossary
from translate.langs import KNOWN, LANGUAGES, get_language
from translate.pipeline.backend import Backend
from translate.pipeline.read import Document
from translate.pipeline.recognise import recognise_segments
from translate.pipeline.segment import read_segmented
from translate.pipeline.write import TRANSLATION_SUFFIX, output_language
from translate.terms import Match

ExtraAnchors = tuple[list[frozenset[Anchor]], list[frozenset[Anchor]]]  # per sentence, of source and target


@dataclass
class Sentences:
    """The sentences of one document and whether each opens a paragraph."""

    texts: list[str]
    paragraph_starts: list[bool]
    lang: str
    path: Path | None = None

    @classmethod
    def of(cls, doc: Document) -> Sentences:
        """The sentences of a segmented document (``translate.pipeline``)."""
        return cls([s.text for s in doc.segments], [s.index == 0 for s in doc.segments], doc.lang or "", doc.path)


@dataclass
class AlignedDocuments:
    """Two documents' sentences and the beads between them, in document order."""

    src: Sentences
    tgt: Sentences
    beads: list[Bead] = field(default_factory=list)
    # Per bead, its term links (offsets into the bead's joined source and target texts, see
    # ``bead_text``); empty lists when aligned without a glossary.
    terms: list[list[TermLink]] = field(default_factory=list)
    translated: bool = False  # whether the translation-based bead cost was used


def bead_text(texts: list[str], ids: tuple[int, ...]) -> str:
    """The text of one side of a bead: its sentences, stripped, joined by a space."""
    return " ".join(texts[i].strip() for i in ids)


def read_sentences(path: Path | str, lang: str, lines: bool = False) -> Sentences:
    """Sentences of a text file: each line with ``lines`` (blank lines kept, so indices are
    line numbers), else each non-empty line is a paragraph split by ``translate.pipeline.segment``.
    """
    path = Path(path)
    if lines:
        texts = read_text(path).splitlines()
        return Sentences(texts, [False] * len(texts), lang, path)
    return Sentences.of(read_segmented(path, lang))


def pair_sentences(source: Document, target: Document) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The beads between two segmented documents as (source sentence ids, target sentence ids):
    the sentence aligner ``translate`` finds through its ``backtrans.aligner`` entry point."""
    aligned = align_documents(Sentences.of(source), Sentences.of(target))
    return [(b.src, b.tgt) for b in aligned.beads]


def align_documents(
    src: Sentences,
    tgt: Sentences,
    extra_anchors: ExtraAnchors | None = None,
    config: AlignerConfig | None = None,
    bead_cost: BeadCost | None = None,
    *,
    glossary: Glossary | None = None,
    translate: bool | None = False,
    packages: list[ModelPackage] | None = None,
    second_pass: bool = True,
) -> AlignedDocuments:
    """Align two documents with the default anchors (numbers, marks, paragraph breaks and,
    between languages of one script, shared words; between scripts, shared Latin words and
    transliterated names, see :func:`text_script`) plus ``extra_anchors`` per sentence.

    With ``glossary``, each sentence also gets ``Anchor("concept", id)`` for the concepts the
    recogniser finds, and each bead its term links. ``translate``: add the translation-based
    bead cost (``align.translated``) — True requires a model route src→tgt among ``packages``
    (default: the installed ones), None uses it when one exists. ``bead_cost`` adds to it.
    ``second_pass``: align again with a word-pair lexicon learnt from the first pass
    (``align.lexicon``).

    When both documents have the same paragraphs (same count, lengths in proportion), as a
    translation and its back-translation do, sentences are aligned within each paragraph
    pair (Gale & Church's two levels): cheaper, and no bead can cross a paragraph break.
    """
    [aligned] = align_corpus(
        [(src, tgt)], config, glossary=glossary, translate=translate, packages=packages,
        second_pass=second_pass, extra_anchors=[extra_anchors], bead_costs=[bead_cost],
    )
    return aligned


def align_corpus(
    pairs: Sequence[tuple[Sentences, Sentences]],
    config: AlignerConfig | None = None,
    *,
    glossary: Glossary | None = None,
    translate: bool | None = False,
    packages: list[ModelPackage] | None = None,
    second_pass: bool = True,
    extra_anchors: Sequence[ExtraAnchors | None] | None = None,
    bead_costs: Sequence[BeadCost | None] | None = None,
    backend: Backend | None = None,
    progress: Progress | None = None,
) -> list[AlignedDocuments]:
    """Align several document pairs as :func:`align_documents` does each, with two differences:
    the second pass's word-pair lexicon is learnt from the first-pass beads of all the pairs
    of the same two languages (more beads, a larger lexicon), and each pair's second pass also
    pays a Model 1 cost learnt from the other pairs' first passes (``align.model1``). On
    Text+Berg's seven documents strict F1 0.911 pooled against 0.883 per document (development),
    0.904 against 0.890 held out (``scripts/eval_align.py --loo``). ``extra_anchors`` and ``bead_costs``
    are per pair. ``backend``: where the pairs are translated and each is aligned on its own
    (default this process; on Ray ``translate.distributed.RayBackend``); the pooled second pass
    runs here, calling ``progress(done, total)`` after each document.
    """
    from align.lexicon import align_two_pass

    backend = backend or Backend()
    extra_anchors = extra_anchors or [None] * len(pairs)
    bead_costs = bead_costs or [None] * len(pairs)
    translations = _translations(pairs, translate, packages, backend)
    items = [(src, tgt, extra, cost, translations.get(k))
             for k, ((src, tgt), extra, cost) in enumerate(zip(pairs, extra_anchors, bead_costs, strict=True))]
    done = backend.map(partial(_prepare_and_align, glossary=glossary, config=config, second_pass=second_pass), items)
    prepared = [prep for prep, _ in done]
    beads_of = {k: beads for k, (_, beads) in enumerate(done) if beads is not None}
    free = [k for k, (_, beads) in enumerate(done) if beads is None]  # aligned as wholes (two passes), together
    by_languages: dict[tuple[str, str], list[int]] = {}
    for k in free:
        by_languages.setdefault((pairs[k][0].lang, pairs[k][1].lang), []).append(k)
    for group in by_languages.values():
        docs = [(pairs[k][0].texts, pairs[k][1].texts, prepared[k].src_anchors, prepared[k].tgt_anchors)
                for k in group]
        costs = [prepared[k].cost for k in group]
        for k, beads in zip(group, align_two_pass(docs, config, pooled=True, bead_costs=costs, progress=progress)):
            beads_of[k] = beads
    out = []
    for k, ((src, tgt), prep) in enumerate(zip(pairs, prepared)):
        beads = beads_of[k]
        terms = [
            link_terms(_bead_matches(src.texts, prep.src_matches, b.src), _bead_matches(tgt.texts, prep.tgt_matches, b.tgt))
            if glossary is not None else []
            for b in beads
        ]
        out.append(AlignedDocuments(src, tgt, beads, terms, prep.translated))
    return out


@dataclass
class _Prepared:
    """What aligning one pair needs: anchors per sentence, the extra bead cost, and the
    glossary matches per sentence (the one recogniser pass that gives both the concept
    anchors and the term links)."""

    src_anchors: list[frozenset[Anchor]]
    tgt_anchors: list[frozenset[Anchor]]
    cost: BeadCost | None
    translated: bool
    src_matches: list[list[Match]]
    tgt_matches: list[list[Match]]


def _bead_matches(texts: list[str], matches: list[list[Match]], ids: tuple[int, ...]) -> list[Match]:
    """The matches of a bead's sentences, with offsets into its :func:`bead_text`."""
    out: list[Match] = []
    offset = 0
    for i in ids:
        shift = offset - (len(texts[i]) - len(texts[i].lstrip()))
        out += [m.shifted(shift) for m in matches[i]]
        offset += len(texts[i].strip()) + 1
    return out


_Item = tuple["Sentences", "Sentences", "ExtraAnchors | None", "BeadCost | None", "list[str] | None"]


def _prepare_and_align(item: _Item, glossary: Glossary | None, config: AlignerConfig | None,
                       second_pass: bool) -> tuple[_Prepared, list[Bead] | None]:
    """One pair prepared (:func:`_prepare`) and, unless it waits for the pooled second pass
    (None), aligned: paragraph by paragraph when they correspond. A stage function."""
    src, tgt, extra, cost, translations = item
    prep = _prepare(src, tgt, extra, cost, glossary, translations)
    blocks = paragraph_blocks(src, tgt)
    if blocks:
        return prep, _align_blocks(src, tgt, prep.src_anchors, prep.tgt_anchors, prep.cost, config, blocks)
    if second_pass:
        return prep, None
    return prep, align_sentences(src.texts, tgt.texts, prep.src_anchors, prep.tgt_anchors, config=config,
                                 bead_cost=prep.cost)


def _translations(pairs: Sequence[tuple[Sentences, Sentences]], translate: bool | None,
                  packages: list[ModelPackage] | None, backend: Backend) -> dict[int, list[str]]:
    """The machine translation of each pair's source that the bead cost needs, by pair index.

    ``translate``: False none, True every pair (a ModelError without a route), None the pairs
    whose route is installed. The pairs of one language pair are translated together, so each
    engine of the route loads once for all of them.
    """
    from align.translated import has_route, translate_sentences

    if translate is False:
        return {}
    groups: dict[tuple[str, str], list[int]] = {}
    for k, (src, tgt) in enumerate(pairs):
        if translate or has_route(src.lang, tgt.lang, packages):
            groups.setdefault((src.lang, tgt.lang), []).append(k)
    out: dict[int, list[str]] = {}
    if not groups:
        return out
    engines = backend.engines(backend.resolve(EngineSettings(beam_size=1)))
    try:
        for (src_lang, tgt_lang), members in groups.items():
            texts = [t for k in members for t in pairs[k][0].texts]
            done = iter(translate_sentences(texts, src_lang, tgt_lang, packages, engines))
            for k in members:
                out[k] = [next(done) for _ in pairs[k][0].texts]
    finally:
        engines.close()
    return out


def _prepare(src: Sentences, tgt: Sentences, extra_anchors: ExtraAnchors | None, bead_cost: BeadCost | None,
             glossary: Glossary | None, translations: list[str] | None) -> _Prepared:
    """Anchors of both sides, the glossary matches, and the bead cost (with the translation-based
    one when the source's ``translations`` are given)."""
    from align.translated import TranslationCost

    s_script, t_script = text_script(src), text_script(tgt)
    latin_only = s_script != t_script
    # Transliterated names between a script with a transliteration (Cyrillic, Arabic) and Latin.
    names = latin_only and "Latin" in (s_script, t_script) and src.lang in LANGUAGES and tgt.lang in LANGUAGES
    sa = sentence_anchors(src.texts, paragraph_starts=src.paragraph_starts, latin_only=latin_only,
                          names=get_language(src.lang) if names else None)
    ta = sentence_anchors(tgt.texts, paragraph_starts=tgt.paragraph_starts, latin_only=latin_only,
                          names=get_language(tgt.lang) if names else None)
    if extra_anchors is not None:
        sa = [a | b for a, b in zip(sa, extra_anchors[0], strict=True)]
        ta = [a | b for a, b in zip(ta, extra_anchors[1], strict=True)]
    sm = recognise_segments(src.texts, src.lang, glossary) if glossary is not None else []
    tm = recognise_segments(tgt.texts, tgt.lang, glossary) if glossary is not None else []
    if glossary is not None:
        sa = [a | {Anchor("concept", m.concept) for m in ms} for a, ms in zip(sa, sm)]
        ta = [a | {Anchor("concept", m.concept) for m in ms} for a, ms in zip(ta, tm)]
    cost = bead_cost
    if translations is not None:
        cost = summed_costs(TranslationCost(translations, tgt.texts), bead_cost)
    return _Prepared(sa, ta, cost, translations is not None, sm, tm)


def text_script(doc: Sentences) -> str:
    """The script of a document: its language module's, or for a language without one the
    script of most of its letters (``align.scripts``: Chinese is not Latin)."""
    if doc.lang in LANGUAGES:
        return get_language(doc.lang).script
    return dominant_script(doc.texts)


def _align_blocks(src: Sentences, tgt: Sentences, sa: list[frozenset[Anchor]], ta: list[frozenset[Anchor]],
                  cost: BeadCost | None, config: AlignerConfig | None, blocks: list[tuple[range, range]]) -> list[Bead]:
    """Sentences aligned within each pair of corresponding paragraphs."""
    beads = []
    for sr, tr in blocks:
        s0, s1, t0, t1 = sr.start, sr.stop, tr.start, tr.stop
        shifted = None if cost is None else _shifted(cost, s0, t0)
        part = align_sentences(src.texts[s0:s1], tgt.texts[t0:t1], sa[s0:s1], ta[t0:t1],
                               config=config, bead_cost=shifted)
        beads += [Bead(tuple(i + s0 for i in b.src), tuple(j + t0 for j in b.tgt), b.score) for b in part]
    return beads


def paragraph_blocks(src: Sentences, tgt: Sentences, spread: float = 2.0) -> list[tuple[range, range]] | None:
    """Sentence ranges of corresponding paragraphs, or None when the paragraphs do not correspond.

    They correspond when there are as many (more than one) on each side and every pair's
    length ratio is within ``spread`` of the documents' overall ratio.
    """
    src_blocks, tgt_blocks = _paragraphs(src), _paragraphs(tgt)
    if len(src_blocks) < 2 or len(src_blocks) != len(tgt_blocks):
        return None
    ratio = (sum(map(len, tgt.texts)) or 1) / (sum(map(len, src.texts)) or 1)
    for s, t in zip(src_blocks, tgt_blocks):
        s_len = sum(len(src.texts[i]) for i in s) or 1
        t_len = sum(len(tgt.texts[i]) for i in t) or 1
        if not 1 / spread <= (t_len / s_len) / ratio <= spread:
            return None
    return list(zip(src_blocks, tgt_blocks))


def _paragraphs(doc: Sentences) -> list[range]:
    starts = [i for i, start in enumerate(doc.paragraph_starts) if start or i == 0]
    return [range(a, b) for a, b in zip(starts, starts[1:] + [len(doc.texts)])] if doc.texts else []


def _shifted(cost: BeadCost, s0: int, t0: int) -> BeadCost:
    """``cost`` over a paragraph's local indices."""
    return lambda s, t: cost(tuple(i + s0 for i in s), tuple(j + t0 for j in t))


def document_key(path: Path, langs: Iterable[str] = ()) -> str:
    """The name documents are paired by: the file name without its extension and without a
    trailing language suffix, a code of ``translate.langs.KNOWN`` or of ``langs``
    (``report.en.txt`` and ``report.txt`` both give ``report``)."""
    stem = path.stem if path.suffix else path.name
    base, dot, last = stem.rpartition(".")
    if dot and base and last.lower() in {*KNOWN, *(c.lower() for c in langs)}:
        return base
    return stem


@dataclass(frozen=True)
class DocumentPair:
    """Two documents of two folders that share a name (see :func:`document_key`)."""

    key: str
    src: Path
    tgt: Path


def pair_documents(
    src_dir: Path, tgt_dir: Path, langs: Iterable[str] = ()
) -> tuple[list[DocumentPair], list[Path]]:
    """Pair the files of two folders by :func:`document_key`; also returns the files of either
    folder left without a partner. Hidden files, translate's JSON Lines records and, when
    ``langs`` gives the (source, target) languages, the files named as translations into
    another language than their folder's (``report.vi.txt`` among English targets) are skipped,
    so that a folder translate wrote pairs with its sources; two files with one key in a folder
    are a user error."""
    langs = tuple(langs)

    def index(folder: Path, side: str | None) -> dict[str, Path]:
        if not folder.is_dir():
            raise UsageError("not a folder", folder)
        out: dict[str, Path] = {}
        for p in sorted(folder.iterdir()):
            if not p.is_file() or p.name.startswith(".") or p.suffix == TRANSLATION_SUFFIX:
                continue
            named = output_language(p)
            if side is not None and named is not None and named != side.lower():
                continue
            key = document_key(p, langs)
            if key in out:
                raise UsageError(f"two documents named {key!r}: {out[key].name} and {p.name}", p)
            out[key] = p
        return out

    sides = langs if len(langs) == 2 else (None, None)
    s, t = index(Path(src_dir), sides[0]), index(Path(tgt_dir), sides[1])
    pairs = [DocumentPair(k, s[k], t[k]) for k in sorted(s.keys() & t.keys())]
    unpaired = [s[k] for k in sorted(s.keys() - t.keys())] + [t[k] for k in sorted(t.keys() - s.keys())]
    return pairs, unpaired


@dataclass
class AlignmentRun:
    """What :func:`align_files` aligned: the document pairs, their alignments, the files left alone."""

    pairs: list[DocumentPair]
    aligned: list[AlignedDocuments]
    unpaired: list[Path] = field(default_factory=list)


def align_files(
    source: Path | str, target: Path | str, src_lang: str, tgt_lang: str, *,
    lines: bool = False, glossary: Glossary | None = None, translate: bool | None = None,
    packages: list[ModelPackage] | None = None, backend: Backend | None = None, progress: Progress | None = None,
) -> AlignmentRun:
    """Align a text file with its translation, or every document of a folder with its namesake in
    another (``report.txt`` ~ ``report.en.txt``), together (:func:`align_corpus`).

    ``lines``: each line is a sentence (ids are line numbers); else paragraphs are split into
    sentences. ``glossary`` adds concept anchors and term links; ``translate`` the
    translation-based cost (None: when a model route is installed). ``backend``: where the files
    are read, translated and aligned (see :func:`align_corpus`); ``progress(done, total)`` follows
    the pooled second pass.
    """
    source, target = Path(source), Path(target)
    if source.is_dir() != target.is_dir():
        raise UsageError("SOURCE and TARGET must both be files or both be folders", target)
    if source.is_dir():
        pairs, unpaired = pair_documents(source, target, (src_lang, tgt_lang))
        if not pairs:
            raise UsageError(f"no document of {source} has a namesake in {target}", source)
    else:
        pairs, unpaired = [DocumentPair(document_key(source, (src_lang, tgt_lang)), source, target)], []
    backend = backend or Backend()
    docs = backend.map(partial(_read_pair, src_lang=src_lang, tgt_lang=tgt_lang, lines=lines), pairs)
    aligned = align_corpus(docs, glossary=glossary, translate=translate, packages=packages, backend=backend,
                           progress=progress)
    return AlignmentRun(pairs, aligned, unpaired)


def _read_pair(pair: DocumentPair, src_lang: str, tgt_lang: str, lines: bool) -> tuple[Sentences, Sentences]:
    """A pair's two sides read (a stage function)."""
    return read_sentences(pair.src, src_lang, lines), read_sentences(pair.tgt, tgt_lang, lines)
