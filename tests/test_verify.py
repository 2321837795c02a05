"""Verification of a segment (missing, extra, deprecated) and the repair strategies of a hop."""

from __future__ import annotations

import pytest

from translate.engine import Engine, EngineSettings
from translate.engine.packages import installed_packages
from translate.glossary import Concept, Glossary, Status, Term, load_glossary
from translate.pipeline.hop import Strategy, translate_hop
from translate.pipeline.verify import verify


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_canonical_output_passes(glossary):
    verdict = verify(["provincial-party-secretary", "hai-duong"],
                     "The Provincial Party Secretary visited Hai Duong's factories.", "en", glossary)
    assert verdict.ok and verdict.to_json() == {"ok": True, "missing": [], "extra": [], "deprecated": []}


def test_missing_term_and_non_canonical_rendering_fail(glossary):
    # dropped entirely
    verdict = verify(["provincial-party-secretary", "hai-duong"], "The secretary visited Hai Duong.", "en", glossary)
    assert not verdict.ok and verdict.missing == ("provincial-party-secretary",)
    # present, but not in its exact canonical form
    verdict = verify(["hai-duong"], "They visited hai duong.", "en", glossary)
    assert verdict.missing == ("hai-duong",)
    # once where the source had it twice
    verdict = verify(["hai-duong", "hai-duong"], "Hai Duong and the city.", "en", glossary)
    assert verdict.missing == ("hai-duong",)


def test_extra_concept_fails(glossary):
    verdict = verify(["hai-duong"], "The Politburo visited Hai Duong.", "en", glossary)
    assert verdict.extra == ("politburo",) and verdict.missing == () and not verdict.ok


def test_deprecated_rendering_fails():
    concept = Concept("ppc", "party-term", "Provincial Party Committee", "Tỉnh ủy", terms={
        "en": [Term("Committee of the Provincial Party", "en", Status.DEPRECATED)],
        "uk": [Term("провінційний партійний комітет", "uk")],
    })
    glossary = Glossary([concept])
    verdict = verify(["ppc"], "The Committee of the Provincial Party met.", "en", glossary)
    assert verdict.deprecated == ("ppc",) and verdict.missing == ("ppc",)
    assert verify(["ppc"], "The Provincial Party Committee met.", "en", glossary).ok


# --- repair: a hop through the real copy model, with the damage a real model does ----------

SENTENCES = [
    "Провінційний секретар партії відвідав Хайзионг.",
    "Програма OCOP діє в Ту Ки.",
    "Звичайне речення без термінів.",
]


@pytest.fixture(scope="module")
def copy_engine(installed_models):
    (package,) = [p for p in installed_packages(installed_models) if (p.from_code, p.to_code) == ("uk", "en")]
    return Engine(package, EngineSettings(beam_size=1))


def _model(engine, damage):
    """A model: the copy engine, then ``damage`` on each output (it sees the input too)."""
    calls = []

    def translate(texts):
        calls.append(list(texts))
        return {t: damage(t, out) for t, out in zip(texts, engine.translate(texts))}

    return translate, calls


def test_copy_model_needs_no_repair(glossary, copy_engine):
    translate, calls = _model(copy_engine, lambda src, out: out)
    results = translate_hop(SENTENCES, "uk", "en", glossary, translate)
    assert results[SENTENCES[0]].text == "Provincial Party Secretary відвідав Hai Duong."
    assert results[SENTENCES[1]].text == "Програма OCOP діє в Tu Ky."
    assert results[SENTENCES[2]].text == SENTENCES[2]
    assert {c.strategy for c in results.values()} == {Strategy.PROTECT} and all(c.verdict.ok for c in results.values())
    assert len(calls) == 1  # nothing failed: no second translation


def test_dropped_surrogate_is_repaired_with_the_term_left_in(glossary, copy_engine):
    def damage(src, out):
        if "Hai Duong" in src:  # the protected sentence: the model drops the surrogate
            return out.replace(" Hai Duong", "")
        return out.replace("Хайзионг", "Hai Zuong")  # the bare name: transliterated its own way

    translate, calls = _model(copy_engine, damage)
    results = translate_hop(SENTENCES[:1], "uk", "en", glossary, translate)
    result = results[SENTENCES[0]]
    assert result.strategy == Strategy.TERM_LEFT_IN and result.verdict.ok
    assert result.text == "Provincial Party Secretary відвідав Hai Duong."
    # the repair left the dropped term for the model and protected the others
    assert calls[1] == ["Provincial Party Secretary відвідав Хайзионг."]


def test_surrogate_rendered_as_a_known_variant_is_repaired_by_the_recogniser(glossary, copy_engine):
    translate, calls = _model(copy_engine, lambda src, out: out.replace("OCOP", "One Commune One Product"))
    result = translate_hop(SENTENCES[1:2], "uk", "en", glossary, translate)[SENTENCES[1]]
    assert result.strategy == Strategy.RECOGNISE and result.verdict.ok
    assert result.text == "Програма OCOP діє в Tu Ky."
    assert len(calls) == 1


def test_unrepairable_segment_keeps_the_best_output_and_fails(glossary, copy_engine):
    def damage(src, out):
        return out.replace("Hai Duong", "").replace("Хайзионг", "").replace("Provincial Party Secretary", "Secretary")

    translate, _ = _model(copy_engine, damage)
    result = translate_hop(SENTENCES[:1], "uk", "en", glossary, translate)[SENTENCES[0]]
    assert not result.verdict.ok
    assert result.strategy == Strategy.PROTECT  # the first output kept: the repairs did no better
    assert result.verdict.missing == ("provincial-party-secretary", "hai-duong")
