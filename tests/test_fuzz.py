"""Every reader under mutated input: its model, or one BacktransError naming the file (tests/fuzzing.py).

Short runs with a fixed seed; ``python scripts/fuzz.py --minutes N`` runs the same for longer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzzing import READERS, mutated, read_one


@pytest.mark.parametrize("name", sorted(READERS))
def test_a_reader_reads_or_refuses_cleanly(name):
    with tempfile.TemporaryDirectory() as folder:
        @settings(max_examples=60, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(mutated(name))
        def contract(data: bytes) -> None:
            outcome = read_one(name, data, Path(folder))
            assert not outcome.failure, outcome.failure

        contract()


def test_the_samples_themselves_read():
    with tempfile.TemporaryDirectory() as folder:
        for name, reader in READERS.items():
            outcome = read_one(name, reader.sample(), Path(folder))
            assert not outcome.clean_error and not outcome.failure, (name, outcome)
