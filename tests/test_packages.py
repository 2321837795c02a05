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


def _as_real_model(test_model, folder, name="translate-uk_en-1_9"):
    """The copy model installed as if it were a real Argos model: no test marker, another name."""
    installed = packages.install_package(test_model, folder)
    meta = json.loads((installed.path / "metadata.json").read_text())
    del meta["backtrans_test_model"]
    (installed.path / "metadata.json").write_text(json.dumps(meta))
    return installed.path.rename(folder / name)


def test_build_test_installs_apart_from_argos_models(test_models, tmp_path):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos"), "BACKTRANS_TEST_MODELS": str(tmp_path / "tests")}
    cache = next(iter(test_models.values())).parent
    run = run_cli(["models", "build-test", "--cache", str(cache)], env=env)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "argos").exists()  # argospm and LibreTranslate never see them
    listed = json.loads(run_cli(["models", "list", "--format", "json"], env=env).stdout)
    assert listed and all(m["test"] and m["name"].endswith("-backtrans_test") for m in listed)


def test_a_real_model_always_wins_over_a_test_model(test_models, tmp_path):
    real = _as_real_model(test_models["uk", "en"], tmp_path / "argos")
    for pair in (("uk", "en"), ("en", "vi")):
        packages.install_package(test_models[pair], tmp_path / "tests")
    found = packages.installed_packages(tmp_path / "argos") + packages.installed_packages(tmp_path / "tests")
    assert [p.name for p in packages.find_route("uk", "en", found)] == [real.name]
    assert [p.test for p in packages.find_route("uk", "vi", found)] == [False, True]
    assert [p.test for p in packages.find_route("uk", "vi", found[::-1])] == [False, True]  # whatever the order


def test_a_run_on_a_test_model_says_so_and_a_real_one_is_taken_first(test_models, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("Делегація прибула до Хайзионга.\n", encoding="utf-8")
    packages.install_package(test_models["uk", "en"], tmp_path / "tests")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos"), "BACKTRANS_TEST_MODELS": str(tmp_path / "tests")}
    args = ["translate", str(source), "--from", "uk", "--to", "en", "--fresh"]
    copy = run_cli([*args, "--out", str(tmp_path / "a")], env=env)
    assert copy.returncode == 0 and "uk→en used backtrans' copy test model" in copy.stderr
    _as_real_model(test_models["uk", "en"], tmp_path / "argos")
    real = run_cli([*args, "--out", str(tmp_path / "b")], env=env)
    assert real.returncode == 0 and "copy test model" not in real.stderr
    [record] = [json.loads(line) for line in (tmp_path / "b" / "report.en.jsonl").read_text().splitlines()]
    assert record["models"] == ["translate-uk_en-1_9"]
