"""The one language registry: every list of languages derives from it."""

from __future__ import annotations

from pathlib import Path

import pytest

import translate.langs as langs
from translate.engine.testmodel import TEST_PAIRS
from translate.errors import UsageError
from translate.langs import (
    DETECTABLE,
    KNOWN,
    LANGUAGES,
    get_language,
    require_language,
    split_tag,
)


def test_every_module_is_a_registered_language():
    modules = {p.stem for p in Path(langs.__file__).parent.glob("*.py")} - {"__init__", "base"}
    assert set(LANGUAGES) == modules
    assert set(KNOWN) == {"uk", "pl", "id", "ar", "en", "vi"} and set(DETECTABLE) == modules
    assert DETECTABLE[: len(KNOWN)] == KNOWN  # a tie goes to a language backtrans works with
    assert set(TEST_PAIRS) == {(c, "en") for c in KNOWN if c not in ("en", "vi")} | {("en", "vi")}


def test_a_code_without_a_module_is_generic_and_a_region_is_its_language():
    assert get_language("base").code == "base" and type(get_language("base")).__name__ == "Language"
    assert get_language("ar-MA") is get_language("ar") and get_language("UK") is get_language("uk")
    assert split_tag("ar_ma") == ("ar", "MA") and split_tag("zh-Hant-TW") == ("zh", "TW") and split_tag("uk") == ("uk", None)


def test_require_language_names_its_option():
    assert require_language("uk-UA") == "uk"
    for bad in ("base", "ua", "english"):
        with pytest.raises(UsageError, match=f"--from: unknown language '{bad}'"):
            require_language(bad, option="--from")
    # a real language the command has no rules or terms for is named, with no "did you mean" itself
    with pytest.raises(UsageError, match=r"--from: no rules or glossary terms for Russian \('ru'\); expected"):
        require_language("ru", option="--from")
    with pytest.raises(UsageError, match=r"no rules or glossary terms for French \('fr'\)") as raised:
        require_language("fr")
    assert "did you mean" not in str(raised.value)
