"""Atomic writes keep the previous version, and a failed write leaves the old file intact."""
import os

import pytest

from okrkit.errors import InputError
from okrkit.files import backup_path, read_text, write_atomic


def test_write_keeps_the_previous_version(tmp_path):
    path = tmp_path / "draft.okr"
    write_atomic(path, "first")
    write_atomic(path, "second")
    assert path.read_text() == "second"
    assert backup_path(path).read_text() == "first"


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "draft.okr"
    write_atomic(path, "precious")

    def broken_replace(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(path, "new", keep_previous=False)
    monkeypatch.undo()
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_read_text_strips_a_bom_and_names_the_line_of_bad_bytes(tmp_path):
    good = tmp_path / "a.okr"
    good.write_bytes("\ufeffO: Win".encode("utf-8"))
    assert read_text(good) == "O: Win"
    bad = tmp_path / "b.okr"
    bad.write_bytes(b"O: Win\nKR: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        read_text(bad)
    assert caught.value.line == 2


def test_read_text_refuses_directories(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)
