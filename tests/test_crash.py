"""kill -9 at random moments of a translation run and of glossary writes: nothing torn, resumed runs identical."""

from __future__ import annotations

import random

from tests.crashing import glossary_trials, translate_trials


def test_translation_runs_killed_at_random_moments_resume_identically(installed_models, tmp_path):
    trials = translate_trials(installed_models, tmp_path, documents=3, kills=3, rng=random.Random(5),
                              options=("--no-gazetteer",))  # the layer's start-up adds nothing to what is tried
    assert trials.ok, trials
    assert trials.kills + trials.finished_first == 3


def test_glossary_writes_killed_at_random_moments_leave_the_old_or_the_new_glossary(tmp_path):
    trials = glossary_trials(tmp_path, concepts=2000, kills=2, rng=random.Random(5))
    assert trials.ok, trials
