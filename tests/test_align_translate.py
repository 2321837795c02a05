"""The translation-based bead cost with a real model: backtrans' copy test model pl→en.

The copy model returns the Polish source unchanged, so the "translation" of each source
sentence is itself and the similarity with a hand-edited copy is high exactly where the gold
beads are.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from align.documents import Sentences, align_documents
from align.sentences import AlignerConfig, align_sentences
from align.translated import TranslationCost, has_route, translate_sentences
from tests.test_align_sentences import _edit, _seed_lines
from translate.cli import _register, app
from translate.engine.packages import installed_packages

_register()


@pytest.fixture(scope="module")
def packages(installed_models):
    return installed_packages(installed_models)


@pytest.fixture(scope="module")
def edited():
    src = _seed_lines()[:24]
    split_at = next(i for i in range(12, len(src)) if ". " in src[i][20:-20])
    ops = {3: "merge", 8: "drop", split_at: "split", 18: "insert", 21: "merge"}
    assert split_at not in (4, 19, 22)
    tgt, gold = _edit(src, ops)
    return src, tgt, gold


def test_the_copy_model_translates_the_source_into_itself(packages):
    src = _seed_lines()[:3]
    assert has_route("pl", "en", packages) and not has_route("pl", "ar", packages)
    assert translate_sentences(src + ["  "], "pl", "en", packages) == src + [""]
    assert translate_sentences(src, "pl", "pl", []) == src  # one language: no model needed


def test_translation_cost_alone_recovers_the_gold_beads(edited, packages):
    src, tgt, gold = edited
    # No anchors, no penalties, lengths made uninformative (the edited copy keeps every length,
    # which Gale–Church alone would exploit): only the translation cost is left to decide.
    bare = AlignerConfig(weights={}, penalties={}, variance=1e12)
    cost = TranslationCost(translate_sentences(src, "pl", "en", packages), tgt)
    assert [(b.src, b.tgt) for b in align_sentences(src, tgt, config=bare, bead_cost=cost)] == gold
    s, t = Sentences(src, [False] * len(src), "pl"), Sentences(tgt, [False] * len(tgt), "en")
    blind = align_documents(s, t, config=bare, translate=False)
    assert [(b.src, b.tgt) for b in blind.beads] != gold
    # With the default anchors too (translate=None: on, since a route is installed).
    default = align_documents(s, t, translate=None, packages=packages)
    assert default.translated and [(b.src, b.tgt) for b in default.beads] == gold


def test_similarity_prefers_the_right_bead(edited):
    src, tgt, gold = edited
    cost = TranslationCost(src, tgt)
    merged = next(g for g in gold if len(g[0]) == 2)
    (a, b), (k,) = merged
    assert cost.similarity((a, b), (k,)) > cost.similarity((a,), (k,)) > cost.similarity((a,), (k + 1,))
    assert cost((a, b), (k,)) < 0 < cost((a,), (k + 1,))
    assert cost((a,), ()) == 0.0


def test_align_cli_translates_when_a_route_is_installed(edited, installed_models, tmp_path):
    src, tgt, gold = edited
    (tmp_path / "a.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    args = ["align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--src-lang", "pl", "--lines",
            "--format", "json", "--no-glossary"]
    env = {"ARGOS_PACKAGES_DIR": str(installed_models)}
    r = CliRunner().invoke(app, [*args, "--tgt-lang", "en"], env=env)
    assert r.exit_code == 0, r.output
    assert [(tuple(b["src"]), tuple(b["tgt"])) for b in json.loads(r.output)] == gold
    # Forced on without a route (pl→ar is not installed): a user error naming the pair.
    r = CliRunner().invoke(app, [*args, "--tgt-lang", "ar", "--translate"], env=env)
    assert r.exit_code != 0 and "pl→ar" in str(r.exception)


def test_aligning_several_documents_loads_each_engine_of_the_route_once(packages, edited, monkeypatch):
    """The pairs of one language pair are translated together, through the one engine lifecycle."""
    import translate.engine.lifecycle
    from align.documents import align_corpus
    from translate.engine import Engine

    loads: list[str] = []

    class CountedEngine(Engine):  # the real engine, counted
        def __init__(self, package, *args, **kwargs):
            loads.append(package.name)
            super().__init__(package, *args, **kwargs)

    monkeypatch.setattr(translate.engine.lifecycle, "Engine", CountedEngine)
    src, tgt, _ = edited
    pairs = [(Sentences(src[:n], [False] * n, "pl"), Sentences(tgt[:n], [False] * n, "en")) for n in (10, 20, 24)]
    aligned = align_corpus(pairs, translate=True, packages=packages)
    assert all(a.translated for a in aligned) and loads == ["translate-pl_en-backtrans_test"]
