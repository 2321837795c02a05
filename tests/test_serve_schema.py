"""The server's OpenAPI spec exercised by schemathesis against a real uvicorn: no generated input
(valid or not, JSON or form) gets a 500, and every status answered is one the spec documents."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
import schemathesis  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation.modes import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    status_code_conformance,
)

from tests.serving import serving  # noqa: E402
from translate.engine import installed_packages  # noqa: E402
from translate.serve import ServeSettings, Service  # noqa: E402
from translate.serve.app import create_app  # noqa: E402
from translate.serve.limits import Limits  # noqa: E402

EXAMPLES = 25  # per operation and mode: about a thousand requests in all


@pytest.fixture(scope="module")
def api(installed_models):
    limits = Limits(max_texts=8, max_chars=500, requests_per_minute=100_000)
    service = Service(ServeSettings(limits=limits), packages=installed_packages(installed_models))
    with serving(create_app(service=service)) as (url, _):
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_error_on_generated_input(api, mode):
    """Every operation of the spec, with data that fits it and data that does not."""
    operations = [result.ok() for result in api.get_all_operations()]
    assert {op.path for op in operations} >= {"/translate", "/detect", "/languages", "/check", "/glossary/terms"}
    unsatisfiable = []
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance])

        try:
            call()
        except Unsatisfiable:  # nothing of it can be made invalid (/languages, /health: no input)
            unsatisfiable.append(operation.path)
    assert not {"/translate", "/detect", "/check", "/glossary/terms"} & set(unsatisfiable)
