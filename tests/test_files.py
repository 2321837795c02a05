"""Atomic writes keep the file's mode, follow links, and name the file when they fail."""

from __future__ import annotations

import os
import stat

import pytest

from translate.errors import InputError, OutputError
from translate.files import atomic_write_text, read_text


def test_a_rewrite_keeps_the_mode_and_a_new_file_follows_the_umask(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o640)
    atomic_write_text(old, "y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text(encoding="utf-8") == "y"
    umask = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "new.txt", "z")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_link_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("a", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "b")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "b"


def test_failures_name_the_file(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        atomic_write_text(tmp_path, "x")
    (tmp_path / "bin").write_bytes(b"line\nline\x00")
    with pytest.raises(InputError) as binary:
        read_text(tmp_path / "bin")
    assert binary.value.line == 2
