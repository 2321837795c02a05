"""The one term judge: which expected concepts a text renders, which it adds, which it writes deprecated.

Verification of a translation, the consistency checks and the terminology scores all ask it,
differing only in what counts as rendering a concept (:class:`Presence`):

- ``CANONICAL``: the concept's canonical form in the text's language, written exactly: what a
  back-translation must write (``translate.pipeline.verify``);
- ``LISTED``: any form of any of its terms but a deprecated one: WMT21 term accuracy (``align.score``);
- ``ANY``: any match, fuzzy suspects included: whether a source term has a rendering at all
  (the ``missing-term`` check; a wrong rendering is the other checks' business).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from translate.terms.match import How, Match


class Presence(Enum):
    """What counts as rendering a concept (see the module)."""

    CANONICAL = "canonical"
    LISTED = "listed"
    ANY = "any"


@dataclass(frozen=True)
class Verdict:
    """Concept ids that are missing (once per missing occurrence), extra or written deprecated."""

    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.deprecated)

    @property
    def faults(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.deprecated)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "missing": list(self.missing), "extra": list(self.extra),
                "deprecated": list(self.deprecated)}


def renders(match: Match, presence: Presence) -> bool:
    """Whether ``match`` renders its concept under ``presence``."""
    if presence is Presence.CANONICAL:
        return match.canonical
    if presence is Presence.LISTED:
        return match.how is not How.FUZZY and not match.deprecated
    return True


def judge(expected: Sequence[str], found: Sequence[Match], presence: Presence = Presence.CANONICAL) -> Verdict:
    """The verdict on a text whose matches are ``found``, against ``expected`` concept ids (one
    per occurrence): each occurrence needs a rendering of its own (``missing`` lists each concept,
    in order of first expectation, as often as it falls short); a concept found but not expected
    is extra; a deprecated term (not a fuzzy suspect) is reported once per concept. A match with
    candidates (a name several units bear) renders any of them."""
    wanted = Counter(expected)
    available = Counter(_rendered(m, wanted) for m in found if renders(m, presence))
    missing = [c for c, n in wanted.items() for _ in range(max(0, n - available[c]))]
    extra = dict.fromkeys(m.concept for m in found if _rendered(m, wanted) not in wanted and m.how is not How.FUZZY)
    deprecated = dict.fromkeys(m.concept for m in found if m.deprecated and m.how is not How.FUZZY)
    return Verdict(tuple(missing), tuple(extra), tuple(deprecated))


def _rendered(match: Match, wanted: Counter[str]) -> str:
    """The concept ``match`` renders: a name several units bear renders whichever of them is wanted."""
    if match.concept in wanted or not match.candidates:
        return match.concept
    return next((c for c in match.candidates if c in wanted), match.concept)


def preferred_term(canonical: str, renderings: Counter[str]) -> str:
    """The term every rendering of a concept should be: its canonical form in the text's language,
    else the commonest of its ``renderings`` in the text (the first met on a tie); what the
    variants check suggests and ``backtrans fix`` writes."""
    if canonical:
        return canonical
    return renderings.most_common(1)[0][0] if renderings else ""


def status_label(match: Match) -> str:
    """How a check report names a rendering: its term's status, ``canonical`` for the concept's
    en/vi spelling written in another language, ``unknown`` for a fuzzy suspect, ``discovered``
    for a personal name no glossary holds."""
    if match.how is How.FUZZY:
        return "unknown"
    if match.how is How.DISCOVERED:
        return "discovered"
    return match.status.value if match.status is not None else "canonical"
