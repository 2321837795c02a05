"""A library caller tells errors apart by class, each keeping its file and line."""

from __future__ import annotations

import pytest

from translate.engine.packages import find_route
from translate.errors import (
    BacktransError,
    FormatError,
    GlossaryError,
    InputError,
    ModelError,
    UsageError,
)
from translate.glossary import load_glossary
from translate.glossary.edit import get_concept
from translate.glossary.tbx import parse_tbx


def test_each_kind_is_its_own_class_under_one_base(tmp_path):
    with pytest.raises(ModelError, match="no model for uk→vi"):
        find_route("uk", "vi", [])
    with pytest.raises(InputError) as missing:
        load_glossary(tmp_path / "missing.gloss")
    assert missing.value.path == tmp_path / "missing.gloss" and not isinstance(missing.value, FormatError)
    bad = tmp_path / "bad.gloss"
    bad.write_text("[a]\nkind: place\nen: A\nvi: A\n- uk A\n", encoding="utf-8")
    with pytest.raises(FormatError) as syntax:
        load_glossary(bad)
    assert (syntax.value.path, syntax.value.line) == (bad, 5)
    with pytest.raises(FormatError) as xml:
        parse_tbx(b"<tbx>\n<text><body>\n<conceptEntry>\n</body></text></tbx>", "t.tbx")
    assert xml.value.line == 4 and isinstance(xml.value, InputError)
    with pytest.raises(GlossaryError, match="no concept with id 'nowhere'"):
        get_concept(load_glossary(), "nowhere")
    for cls in (UsageError, InputError, FormatError, GlossaryError, ModelError):
        assert issubclass(cls, BacktransError)


def test_at_moves_an_error_to_another_file_keeping_its_class():
    moved = FormatError("bad", "a.xml", 3).at("b.zip")
    assert type(moved) is FormatError and str(moved) == "b.zip: bad"
