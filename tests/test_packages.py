"""Model management on real .argosmodel files: install, list, remove, download, routes."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import zipfile

import pytest

from tests.helpers import run_cli
from translate.engine import packages
from translate.errors import BacktransError


def test_install_list_remove(test_models, tmp_path):
    target = tmp_path / "pkgs"
    installed = packages.install_package(test_models["uk", "en"], target)
    assert (installed.from_code, installed.to_code) == ("uk", "en")
    assert (installed.model_dir / "model.bin").is_file()
    packages.install_package(test_models["uk", "en"], target)  # reinstall replaces, no duplicate
    assert [(p.from_code, p.to_code) for p in packages.installed_packages(target)] == [("uk", "en")]
    assert not [p for p in target.iterdir() if p.name.startswith(".")]  # no staging left behind
    packages.remove_package("uk", "en", target)
    assert packages.installed_packages(target) == []
    with pytest.raises(BacktransError, match="no installed model"):
        packages.remove_package("uk", "en", target)


def test_route_direct_and_pivot(installed_models):
    found = packages.installed_packages(installed_models)
    assert [p.to_code for p in packages.find_route("uk", "en", found)] == ["en"]
    pivot = packages.find_route("uk", "vi", found)
    assert [(p.from_code, p.to_code) for p in pivot] == [("uk", "en"), ("en", "vi")]
    with pytest.raises(BacktransError, match="no model for vi→uk"):
        packages.find_route("vi", "uk", found)


def test_corrupt_model_file_is_one_line_error(tmp_path):
    bad = tmp_path / "broken.argosmodel"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = run_cli(["models", "install", str(bad)], env_dir=tmp_path / "pkgs")
    assert result.returncode == 2
    assert "broken.argosmodel" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_package_without_model_is_rejected(test_models, tmp_path):
    # A real package with its model.bin removed: install must refuse it and name the file.
    gutted = tmp_path / "gutted.argosmodel"
    with zipfile.ZipFile(test_models["uk", "en"]) as src, zipfile.ZipFile(gutted, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith("model/model.bin"):
                dst.writestr(item, src.read(item))
    with pytest.raises(BacktransError, match="no model/model.bin") as err:
        packages.install_package(gutted, tmp_path / "pkgs")
    assert "gutted.argosmodel" in str(err.value)


def test_corrupt_installed_model_fails_on_load(test_models, tmp_path):
    from translate.engine import Engine

    package = packages.install_package(test_models["uk", "en"], tmp_path / "pkgs")
    (package.model_dir / "model.bin").write_bytes(b"garbage")
    with pytest.raises(BacktransError, match="cannot load the model") as err:
        Engine(package)
    assert str(package.model_dir) in str(err.value)


def test_download_offline_fails_fast_with_advice(tmp_path):
    # No network here: the default index cannot be reached, and the message says what to do instead.
    result = run_cli(["models", "download", "uk", "en"], env_dir=tmp_path / "pkgs")
    assert result.returncode == 2
    assert "backtrans models install" in result.stderr and "Traceback" not in result.stderr


def test_download_from_a_package_index(test_models, tmp_path):
    # The real download path against an index served on loopback, as the Argos index is.
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(test_models["pl", "en"], served / "translate-pl_en.argosmodel")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (served / "index.json").write_text(json.dumps([
        {"type": "translate", "from_code": "pl", "to_code": "en", "package_version": "1.0",
         "links": [f"{base}/missing.argosmodel", f"{base}/translate-pl_en.argosmodel"]},
    ]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        package = packages.download_package("pl", "en", tmp_path / "pkgs", index_url=f"{base}/index.json")
        assert (package.from_code, package.to_code) == ("pl", "en")
        with pytest.raises(BacktransError, match="no model for id→en"):
            packages.download_package("id", "en", tmp_path / "pkgs", index_url=f"{base}/index.json")
    finally:
        server.shutdown()
    assert [p.from_code for p in packages.installed_packages(tmp_path / "pkgs")] == ["pl"]


@pytest.mark.parametrize("index, message", [
    (b"\xff\xfe not json", "the package index is not JSON"),
    (b'{"uk": "en"}', "not a JSON array of packages"),
    (b'["uk-en"]', "not a JSON array of packages"),
])
def test_a_bad_package_index_is_a_user_error(tmp_path, index, message):
    url = tmp_path / "index.json"
    url.write_bytes(index)
    with pytest.raises(BacktransError, match=message):
        packages.download_package("uk", "en", tmp_path / "pkgs", url.as_uri())


def test_install_of_a_folder_or_a_package_with_odd_metadata_is_a_user_error(tmp_path):
    with pytest.raises(BacktransError, match="is a directory"):
        packages.install_package(tmp_path, tmp_path / "pkgs")
    archive = tmp_path / "odd.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/metadata.json", "[]")
    with pytest.raises(BacktransError, match="not a JSON object"):
        packages.install_package(archive, tmp_path / "pkgs")


def test_models_list_refuses_an_unknown_format(tmp_path):
    run = run_cli(["models", "list", "--format", "xml"], tmp_path)
    assert run.returncode == 2 and "'xml' is not one of" in run.stderr
