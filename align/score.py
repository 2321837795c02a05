"""Translation scores: sacrebleu's BLEU, chrF and TER, and terminology metrics.

sacrebleu metrics are computed by sacrebleu itself, corpus-level over all segments and per
document. BLEU's tokenizer follows the hypothesis language (:data:`BLEU_TOKENIZE`): '13a'
(sacrebleu's default, WMT's mteval) for languages written with spaces between words (en, vi,
uk, pl, id, ...); 'intl' for Arabic, whose punctuation (، ؛ ؟) 13a leaves glued to words;
'zh'/'ja-mecab'/'ko-mecab' where sacrebleu has a dedicated one; 'char' for Thai, Lao, Khmer,
Burmese (no spaces). 'flores200' is not used: it needs a SentencePiece model download.

Term metrics (WMT21 terminology task, Alam et al. 2021; WMT23 consistency) take the glossary
matches of each segment as lists of :class:`Match` — from any callable, e.g.
``align.terms.glossary_recogniser(glossary)`` over ``translate.terms`` — so inflected forms count.
"""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sacrebleu.metrics import BLEU, CHRF, TER

from align.inputs import ScoreInput, read_score_inputs
from align.terms import Recognise, glossary_recogniser
from translate.errors import UsageError
from translate.glossary.model import Glossary
from translate.terms import Match
from translate.terms.judge import Presence, judge

BLEU_TOKENIZE: dict[str, str] = {
    "ar": "intl", "fa": "intl", "ur": "intl",
    "zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab",
    "th": "char", "lo": "char", "km": "char", "my": "char",
}


def bleu_tokenize(lang: str) -> str:
    """The sacrebleu BLEU tokenizer for hypotheses in ``lang`` ('13a' unless listed); a MeCab
    tokenizer whose extra (``sacrebleu[ja]``, ``sacrebleu[ko]``) is not installed gives way to
    'char', which the signature then names."""
    name = BLEU_TOKENIZE.get(lang.lower(), "13a")
    if name.endswith("-mecab") and not _importable(name):
        return "char"
    return name


def _importable(tokenizer: str) -> bool:
    try:
        BLEU(tokenize=tokenizer)
    except (ImportError, SystemExit, RuntimeError):  # sacrebleu exits when the extra is missing
        return False
    return True


@dataclass(frozen=True)
class MetricScore:
    """One sacrebleu figure with its signature."""

    metric: str  # "BLEU", "chrF2", "TER"
    value: float
    signature: str


@dataclass(frozen=True)
class DocumentScores:
    """Scores of one document (or of the whole corpus, name ``"*corpus*"``)."""

    name: str
    segments: int
    scores: list[MetricScore]
    terms: "TermScores | None" = None  # with a recogniser (see score_documents)
    skipped: int = 0  # untranslated units left out (bilingual input)


def metrics(lang: str) -> dict[str, BLEU | CHRF | TER]:
    """sacrebleu's BLEU (tokenized for ``lang``), chrF and TER, by name."""
    return {"BLEU": BLEU(tokenize=bleu_tokenize(lang)), "chrF2": CHRF(), "TER": TER()}


def mt_scores(hyps: Sequence[str], refs: Sequence[str], lang: str,
              more_refs: Sequence[Sequence[str]] = ()) -> list[MetricScore]:
    """Corpus BLEU, chrF and TER of ``hyps`` against their reference (and ``more_refs``), by sacrebleu."""
    streams = [list(refs), *(list(r) for r in more_refs)]
    if any(len(r) != len(hyps) for r in streams):
        raise UsageError(f"{len(hyps)} hypotheses but {', '.join(str(len(r)) for r in streams)} references")
    out = []
    for metric in metrics(lang).values():
        s = metric.corpus_score(list(hyps), streams)
        out.append(MetricScore(s.name, s.score, str(metric.get_signature())))
    return out


@dataclass(frozen=True)
class Comparison:
    """One metric of one system against the baseline under sacrebleu's paired test (bootstrap
    resampling, "bs", or approximate randomisation, "ar"): its score, the baseline's, the p-value,
    and with bootstrap the estimated mean and its 95% confidence interval."""

    system: str
    metric: str
    score: float
    baseline: float
    p_value: float
    mean: float | None
    ci: float | None
    signature: str


def paired_test(baseline: Sequence[str], systems: Sequence[tuple[str, Sequence[str]]], refs: Sequence[Sequence[str]],
                lang: str, test: str = "bs") -> list[Comparison]:
    """Each of ``systems`` against ``baseline`` on the references ``refs`` (streams, line for line),
    by sacrebleu's own paired test (``test`` "bs" with 1,000 resamples, or "ar" with 10,000 shuffles);
    seeded as sacrebleu seeds it, so a run is repeatable."""
    from sacrebleu.significance import PairedTest, Result

    named: list[tuple[str, Sequence[str]]] = [("baseline", list(baseline)), *((name, list(h)) for name, h in systems)]
    if any(len(h) != len(baseline) for _, h in named):
        raise UsageError("the systems compared have different numbers of segments")
    chosen = metrics(lang)
    signatures, scores = PairedTest(named, chosen, [list(r) for r in refs], test_type=test,
                                    n_samples=1000 if test == "bs" else 10_000)()
    out = []
    for metric, column in scores.items():
        results = [r for r in column if isinstance(r, Result)]  # the "System" column holds the names
        if not results:
            continue
        base, *rest = results
        out += [Comparison(name, metric, float(r.score), float(base.score),
                           float(r.p_value) if r.p_value is not None else 1.0,
                           float(r.mean) if r.mean is not None else None, float(r.ci) if r.ci is not None else None,
                           str(signatures[metric])) for (name, _), r in zip(named[1:], rest)]
    return out


def score_documents(
    docs: Sequence[ScoreInput], lang: str, recognise: Recognise | None = None, src_lang: str | None = None,
) -> list[DocumentScores]:
    """Per-document scores, then the corpus's (when more than one document).

    With ``recognise`` (e.g. ``align.terms.glossary_recogniser(glossary)``) each also carries
    :class:`TermScores`; the concepts to find are those of the source lines (in ``src_lang``)
    when every document has them, else those of the references.
    """
    use_src = src_lang is not None and all(d.srcs is not None for d in docs)

    def one(d: ScoreInput) -> DocumentScores:
        terms = None
        if recognise is not None:
            s = d.srcs
            expected = [recognise(x, src_lang) for x in s] if src_lang is not None and use_src and s is not None else None
            terms = term_scores(d.hyps, d.refs, lang, recognise, expected)
        return DocumentScores(d.name, len(d.hyps), mt_scores(d.hyps, d.refs, lang, d.more_refs), terms, d.skipped)

    out = [one(d) for d in docs]
    if len(docs) != 1:
        out.append(one(corpus(docs)))
    return out


def corpus(docs: Sequence[ScoreInput]) -> ScoreInput:
    """The documents as one, named ``*corpus*``: their lines in order (the sources only when all have them)."""
    srcs = [x for d in docs for x in d.srcs or ()] if all(d.srcs is not None for d in docs) else None
    more = tuple([x for d in docs for x in d.more_refs[i]] for i in range(min((len(d.more_refs) for d in docs), default=0)))
    return ScoreInput("*corpus*", [x for d in docs for x in d.hyps], [x for d in docs for x in d.refs], srcs,
                      sum(d.skipped for d in docs), more)


# --- terminology ---------------------------------------------------------------------------




@dataclass(frozen=True)
class TermScores:
    """WMT21 terminology figures and WMT23 consistency (all in [0, 1], higher is better)."""

    exact_match: float
    expected: int  # concept occurrences expected (in the reference or source)
    found: int  # of which found in the hypothesis with a non-deprecated term
    window_overlap: dict[int, float] = field(default_factory=dict)  # window size → figure
    one_minus_term: float = 0.0  # 1 − TERm
    consistency: float = 0.0


def exact_match(expected: Sequence[Sequence[Match]], hyp: Sequence[Sequence[Match]]) -> tuple[int, int]:
    """(found, expected): concept occurrences of each expected segment that the hypothesis
    segment renders (the term judge, LISTED: each hypothesis match used once; deprecated terms
    do not count)."""
    found = total = 0
    for exp, got in zip(expected, hyp, strict=True):
        total += len(exp)
        found += len(exp) - len(judge([m.concept for m in exp], got, Presence.LISTED).missing)
    return found, total


def _tokens(text: str) -> list[tuple[int, int]]:
    spans, i = [], 0
    for tok in text.split():
        i = text.index(tok, i)
        spans.append((i, i + len(tok)))
        i += len(tok)
    return spans


def _token_range(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    ids = [k for k, (a, b) in enumerate(spans) if a < end and b > start]
    return (ids[0], ids[-1]) if ids else (0, -1)


def _window(words: list[str], first: int, last: int, size: int) -> list[str]:
    left = [w for w in reversed(words[:first]) if w not in string.punctuation][:size]
    right = [w for w in words[last + 1:] if w not in string.punctuation][:size]
    return left + right


def window_overlap(
    hyps: Sequence[str], refs: Sequence[str],
    hyp_matches: Sequence[Sequence[Match]], ref_matches: Sequence[Sequence[Match]],
    window: int,
) -> float:
    """WMT21 window overlap: for each reference term occurrence paired with a hypothesis
    occurrence of the same concept (not a deprecated term), the share of the ``window`` words left and right of it in
    the reference (punctuation skipped) also around it in the hypothesis; averaged per segment
    over paired occurrences (best pairs first), then over segments with reference terms."""
    total, n = 0.0, 0
    for hyp, ref, hm, rm in zip(hyps, refs, hyp_matches, ref_matches, strict=True):
        if not rm:
            continue
        n += 1
        hs, rs = _tokens(hyp), _tokens(ref)
        hw, rw = [hyp[a:b] for a, b in hs], [ref[a:b] for a, b in rs]
        acc, matched = 0.0, 0
        for concept in {m.concept for m in rm}:
            pairs = []
            for j, r in enumerate(m for m in rm if m.concept == concept):
                ref_win = _window(rw, *_token_range(rs, *r.span), window)
                for k, h in enumerate(m for m in hm if m.concept == concept and not m.deprecated):
                    hyp_win = _window(hw, *_token_range(hs, *h.span), window)
                    cnt = sum((Counter(ref_win) & Counter(hyp_win)).values())
                    pairs.append((cnt / len(ref_win) if ref_win else 0.0, j, k))
            used_r, used_h = set(), set()
            for score, j, k in sorted(pairs, key=lambda p: -p[0]):
                if j not in used_r and k not in used_h:
                    used_r.add(j)
                    used_h.add(k)
                    acc += score
                    matched += 1
        total += acc / matched if matched else 0.0
    return total / n if n else 0.0


def _weighted_edit_rate(hyp: list[str], ref: list[str], term_ids: set[int], weight: float) -> float:
    """Word edit distance where editing a reference term word costs ``weight``, over ref length."""
    cost = lambda j: weight if j in term_ids else 1.0  # noqa: E731
    prev = [0.0] * (len(ref) + 1)
    for j in range(1, len(ref) + 1):
        prev[j] = prev[j - 1] + cost(j - 1)
    for i in range(1, len(hyp) + 1):
        cur = [prev[0] + 1.0] + [0.0] * len(ref)
        for j in range(1, len(ref) + 1):
            sub = 0.0 if hyp[i - 1] == ref[j - 1] else cost(j - 1)
            cur[j] = min(prev[j - 1] + sub, prev[j] + 1.0, cur[j - 1] + cost(j - 1))
        prev = cur
    return prev[-1] / max(len(ref), 1)


def one_minus_term(
    hyps: Sequence[str], refs: Sequence[str], ref_matches: Sequence[Sequence[Match]],
    weight: float = 2.0,
) -> float:
    """1 − TERm: 1 − mean over segments of a word error rate in which edits of reference term
    words cost ``weight`` (2, as in WMT21). Unlike the WMT21 script, no block shifts."""
    if not hyps:
        return 0.0
    rates = []
    for hyp, ref, rm in zip(hyps, refs, ref_matches, strict=True):
        rs = _tokens(ref)
        ids: set[int] = set()
        for m in rm:
            first, last = _token_range(rs, *m.span)
            ids.update(range(first, last + 1))
        rates.append(_weighted_edit_rate(hyp.split(), [ref[a:b] for a, b in rs], ids, weight))
    return 1.0 - sum(rates) / len(rates)


def consistency(hyp_matches: Sequence[Sequence[Match]]) -> float:
    """WMT23-style consistency: over concepts met at least twice in the hypotheses, the share
    of their occurrences that use the concept's most frequent rendering (``term``, else the
    case-folded surface). 1.0 when no concept recurs."""
    renderings: dict[str, Counter[str]] = defaultdict(Counter)
    for seg in hyp_matches:
        for m in seg:
            renderings[m.concept][m.term or m.surface.casefold()] += 1
    same = total = 0
    for counts in renderings.values():
        n = sum(counts.values())
        if n >= 2:
            same += counts.most_common(1)[0][1]
            total += n
    return same / total if total else 1.0


def term_scores(
    hyps: Sequence[str], refs: Sequence[str], lang: str, recognise: Recognise,
    expected: Sequence[Sequence[Match]] | None = None, windows: Sequence[int] = (2, 3),
) -> TermScores:
    """All terminology figures; ``recognise(text, lang)`` finds the matches of each hypothesis
    and reference segment. ``expected`` (e.g. the matches of the source segments) replaces
    the reference's concepts as the terms to find, for exact-match accuracy."""
    hm = [recognise(h, lang) for h in hyps]
    rm = [recognise(r, lang) for r in refs]
    found, total = exact_match(expected if expected is not None else rm, hm)
    return TermScores(
        exact_match=found / total if total else 0.0,
        expected=total,
        found=found,
        window_overlap={w: window_overlap(hyps, refs, hm, rm, w) for w in windows},
        one_minus_term=one_minus_term(hyps, refs, rm),
        consistency=consistency(hm),
    )


@dataclass(frozen=True)
class ScoreRun:
    """What :func:`score_files` scored: per document then the corpus, where the expected terms
    came from (``"source"`` or ``"reference"``), and the paired tests of other systems against it."""

    documents: list[DocumentScores]
    expected_from: str
    comparisons: list[Comparison] = field(default_factory=list)

    def to_text(self) -> str:
        """The report ``backtrans score`` prints: each metric with its signature, then the terms line,
        then each compared system's scores beside the baseline's with their p-value."""
        lines = []
        for d in self.documents:
            skipped = f", {d.skipped} untranslated skipped" if d.skipped else ""
            lines.append(f"{d.name} ({d.segments} segments{skipped})")
            lines += [f"  {s.metric:<6} {s.value:7.2f}  {s.signature}" for s in d.scores]
            if d.terms is not None:
                t = d.terms
                wins = "  ".join(f"window {w}: {v:.3f}" for w, v in t.window_overlap.items())
                lines.append(f"  terms  exact-match {t.exact_match:.3f} ({t.found}/{t.expected} from the "
                             f"{self.expected_from})  {wins}  1-TERm {t.one_minus_term:.3f}  "
                             f"consistency {t.consistency:.3f}")
        if self.comparisons:
            lines.append("paired test against HYP (the baseline), over all segments")
            for c in self.comparisons:
                estimate = f"  mean {c.mean:.2f} ± {c.ci:.2f}" if c.mean is not None and c.ci is not None else ""
                lines.append(f"  {c.system}  {c.metric:<6} {c.score:7.2f} (baseline {c.baseline:.2f})  "
                             f"p = {c.p_value:.4f}{estimate}  {c.signature}")
        return "\n".join(lines) + "\n"


def score_files(hyp: Path | str, ref: Path | str | Sequence[Path | str], lang: str, *, src: Path | str | None = None,
                src_lang: str | None = None, glossary: Glossary | None = None,
                compare: Sequence[Path | str] = (), test: str = "bs") -> ScoreRun:
    """Score a hypothesis file or folder (text, TMX, XLIFF; ``-``: standard input) against its
    reference(s); with a ``glossary`` also the terminology figures, expected terms from ``src``
    (or a bilingual hypothesis's sources) when given, else from the (first) reference. Each of
    ``compare`` (other systems' outputs, paired with HYP's documents) is tested against HYP by
    sacrebleu's paired ``test`` ("bs" bootstrap or "ar" approximate randomisation)."""
    docs, src_lang = read_score_inputs(hyp, ref, lang, src, src_lang)
    recognise = glossary_recogniser(glossary) if glossary is not None else None
    expected_from = "source" if src_lang and all(d.srcs is not None for d in docs) else "reference"
    comparisons = []
    if compare:
        whole = corpus(docs)
        systems = []
        for other in compare:
            other_docs, _ = read_score_inputs(other, ref, lang)
            if len(other_docs) != len(docs) or len(docs) > 1 and [d.name for d in other_docs] != [d.name for d in docs]:
                raise UsageError(f"not the documents of {hyp}", other)
            systems.append((str(other), corpus(other_docs).hyps))
        comparisons = paired_test(whole.hyps, systems, [whole.refs, *whole.more_refs], lang, test)
    return ScoreRun(score_documents(docs, lang, recognise, src_lang), expected_from, comparisons)
