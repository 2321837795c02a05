"""Glossary validation: typed problems with file, line and concept."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from translate.errors import GlossaryError
from translate.glossary.kinds import is_vietnamese_name
from translate.glossary.model import Concept, Glossary, Status
from translate.langs import KNOWN, normalise_language
from translate.text import (
    mixed_scripts,
    not_nfc,
    strip_vietnamese_diacritics,
    whitespace_damage,
)


class Rule(str, Enum):
    """What a problem is about (one per validation rule)."""

    DUPLICATE_ID = "duplicate-id"
    AMBIGUOUS_TERM = "ambiguous-term"
    NO_PREFERRED = "no-preferred-term"
    EN_NOT_FOLDED_VI = "en-not-folded-vi"
    WHITESPACE = "whitespace"
    MIXED_SCRIPTS = "mixed-scripts"
    NOT_NFC = "not-nfc"
    REGION_LANGUAGE = "region-language"

    @property
    def blocks_edits(self) -> bool:
        """Whether an edit that brings this problem is refused (``--force`` aside): all but a
        language with admitted terms only, which real termbases often have."""
        return self is not Rule.NO_PREFERRED


@dataclass(frozen=True)
class Problem:
    """One validation finding: where it is and what is wrong."""

    path: Path | None
    line: int
    concept: str
    rule: Rule
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.path is not None else f"<glossary>:{self.line}"
        return f"{where}: {self.concept}: {self.message}"


def _fields(concept: Concept) -> list[tuple[str, str, int]]:
    """(label, value, line) of every text field of a concept and its terms."""
    out = [("id", concept.id, concept.line)]
    for key in ("kind", "en", "vi"):
        out.append((key, getattr(concept, key), concept.lines.get(key, concept.line)))
    for terms in concept.terms.values():
        for term in terms:
            out.append((f"{term.lang} term {term.text!r}", term.text, term.line or concept.line))
    return out


def validate_glossary(glossary: Glossary) -> list[Problem]:
    """Every problem in ``glossary``, in file order."""
    path = glossary.path
    problems: list[Problem] = []

    def report(line: int, concept: str, rule: Rule, message: str) -> None:
        problems.append(Problem(path, line, concept, rule, message))

    first_line: dict[str, int] = {}
    owner: dict[tuple[str, str], str] = {}  # (lang, folded term) → concept id
    for concept in glossary.concepts:
        cid = concept.id
        if cid in first_line:
            report(concept.line, cid, Rule.DUPLICATE_ID, f"duplicate id (first defined at line {first_line[cid]})")
        else:
            first_line[cid] = concept.line

        for label, value, line in _fields(concept):
            damage = whitespace_damage(value)
            if damage == "empty" and label in ("en", "vi") and not is_vietnamese_name(concept.kind):
                damage = ""  # a termbase of other languages has no en or vi form: nothing is damaged
            if damage:
                report(line, cid, Rule.WHITESPACE, f"{label}: {damage}")
            if value and not_nfc(value):
                report(line, cid, Rule.NOT_NFC, f"{label}: not in Unicode NFC (normalise it)")
            scripts = mixed_scripts(value)
            if scripts:
                report(line, cid, Rule.MIXED_SCRIPTS, f"{label}: mixes scripts in one word ({', '.join(scripts)})")

        if is_vietnamese_name(concept.kind) and concept.vi.strip():
            expected = strip_vietnamese_diacritics(concept.vi)
            exonym = any(t.text == expected for t in concept.terms.get("en", []))  # Hanoi, with Ha Noi admitted
            if concept.en != expected and not exonym:
                report(
                    concept.lines.get("en", concept.line), cid, Rule.EN_NOT_FOLDED_VI,
                    f"en {concept.en!r} should be the vi without diacritics: {expected!r}",
                )

        for lang in concept.terms:
            base = normalise_language(lang)
            if base != lang and base in KNOWN:
                line = concept.terms[lang][0].line or concept.line
                report(line, cid, Rule.REGION_LANGUAGE,
                       f"{lang!r} terms are not read as {base}: recognition, checks and enforcement look "
                       f"under {base!r}; write '- {base}: ...'")
            terms = concept.terms_in(lang)  # en/vi: the canonical form counts as preferred
            if terms and not any(t.status is Status.PREFERRED for t in terms):
                line = terms[0].line or concept.line
                report(line, cid, Rule.NO_PREFERRED, f"no preferred term in {lang}")
        for lang in concept.languages:
            for term in concept.terms_in(lang):
                if not term.text.strip():
                    continue
                other = owner.setdefault(term.key, cid)
                if other != cid:
                    line = term.line or concept.lines.get(lang, concept.line)
                    report(line, cid, Rule.AMBIGUOUS_TERM,
                           f"{lang} term {term.text!r} also belongs to concept {other!r}")
    problems.sort(key=lambda p: p.line)
    return problems


def problem_keys(*glossaries: Glossary) -> set[tuple[str, str, str]]:
    """The problems of ``glossaries`` without their line numbers, so that the same problem is
    recognised in another version of a glossary."""
    return {_key(p) for g in glossaries for p in validate_glossary(g)}


def _key(problem: Problem) -> tuple[str, str, str]:
    return problem.concept, problem.rule.value, problem.message.split(" (first defined at line")[0]


def refuse_new_problems(result: Glossary, known: set[tuple[str, str, str]], path: Path | str | None) -> None:
    """A GlossaryError naming the first problem of ``result`` that blocks edits
    (``Rule.blocks_edits``) and is not ``known`` (``problem_keys`` of the glossaries before):
    one an edit, import or merge brought."""
    new = [p for p in validate_glossary(result) if p.rule.blocks_edits and _key(p) not in known]
    if new:
        more = f" (and {len(new) - 1} more)" if len(new) > 1 else ""
        raise GlossaryError(f"nothing written: {new[0].concept}: {new[0].message}{more}; "
                            "fix it, or pass --force to write it anyway", path)
