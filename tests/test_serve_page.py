"""The web page at ``/``, in headless Chromium against a real server: it translates and lists the
glossary terms the translation kept."""

from __future__ import annotations

import urllib.parse

import lxml.html
import pytest

pytest.importorskip("fastapi")
from tests.serving import serving  # noqa: E402
from tests.test_check_html import dump_dom  # noqa: E402  (skips this module too when chromium is missing)
from translate.engine import installed_packages  # noqa: E402
from translate.serve import ServeSettings, Service  # noqa: E402
from translate.serve.app import create_app  # noqa: E402


def test_page_translates_and_shows_the_glossary_terms(installed_models, tmp_path):
    import translate

    glossary = translate.load_glossary()
    text = "Секретар провінційного комітету партії Хайзионгу відвідав Ханой."
    service = Service(ServeSettings(), packages=installed_packages(installed_models))
    with serving(create_app(service=service)) as (url, _):
        query = urllib.parse.urlencode({"q": text, "source": "uk", "target": "en"})
        page = lxml.html.fromstring(dump_dom(f"{url}/?{query}", tmp_path, wait_ms=20_000))
    result = page.get_element_by_id("result").text_content()
    assert glossary.get("hai-duong").canonical("en") in result and "Хайзионг" not in result
    rows = {row.get("data-concept"): [td.text_content() for td in row.findall("td")]
            for row in page.find_class("term")}
    assert rows["hai-duong"] == ["Хайзионгу", "hai-duong", glossary.get("hai-duong").canonical("en")]
    assert "vn-p01-ha-noi" in rows
    assert "canonical" in page.get_element_by_id("verdict").text_content()
    assert page.get_element_by_id("error").text_content() == ""
    # The selects were filled from /languages.
    assert "uk" in [o.get("value") for o in page.get_element_by_id("source").findall("option")]
