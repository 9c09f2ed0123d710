"""Autosave: what a learner writes in a widget survives a re-run of its cell and a kernel restart.

A widget given a name (``DraftChecker(name="module2-exercise1")``) saves under
``.okrkit-autosave/<name><suffix>`` in the kernel's working directory, which in JupyterLab is
the notebook's folder, and restores from there when it is created again. Writes are atomic.
The first save of each session keeps the file as it was as ``<name><suffix>~``, so text wiped
by mistake in this session can still be found in the previous session's version.

Two kernels can share one autosave (a notebook duplicated in its folder keeps the widget's
name). Each save first looks whether the file is still the one this widget last read or
wrote; if another kernel has saved since, its text is kept as ``~`` (older backups move down
a generation, see :func:`okrkit.files.write_atomic`) and :attr:`Autosave.conflict` says so.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from okrkit.errors import InputError
from okrkit.files import backup_path, write_atomic

FOLDER = ".okrkit-autosave"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


@dataclass
class Autosave:
    """Where one widget's work is kept, and the two things to do with it: save and load."""

    name: str
    suffix: str = ".okr"
    root: Path = field(default_factory=Path.cwd)
    conflict: bool = field(default=False, init=False)  # the last save found another kernel's text and kept it
    _kept_previous: bool = field(default=False, init=False, repr=False)
    _seen: tuple | None = field(default=None, init=False, repr=False)  # the file as this widget last knew it

    def __post_init__(self):
        if not NAME.fullmatch(self.name) or ".." in self.name:
            raise ValueError(f"autosave name {self.name!r}: use letters, digits, '-', '_' and '.', "
                             "starting with a letter or digit, e.g. 'module2-exercise1'")
        self.root = Path(self.root)

    @property
    def path(self) -> Path:
        return self.root / FOLDER / f"{self.name}{self.suffix}"

    def save(self, text: str) -> Path:
        """Write the text atomically; the first save of a session, and a save after another
        kernel's, keeps the file that was there as ``~``."""
        now = _stamp(self.path)
        self.conflict = now is not None and now != self._seen
        path = write_atomic(self.path, text, keep_previous=self.conflict or not self._kept_previous)
        self._kept_previous = True
        self._seen = _stamp(path)
        return path

    def load(self) -> str | None:
        """The saved text, or None when nothing has been saved under this name yet."""
        self._seen = _stamp(self.path)
        return _read(self.path)

    def previous(self) -> str | None:
        """The version kept from before this session's first save, or None when there is none."""
        return _read(backup_path(self.path))


def _stamp(path: Path) -> tuple | None:
    """What changes whenever anyone saves the file (a save replaces it: a new inode)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


def _read(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", str(path)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", str(path)) from None
