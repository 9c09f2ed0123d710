"""``okrkit collect``: each learner's exercise notebooks gathered from the class hub's homes.

The hub gives every learner a home (``HOMES/<learner>``) holding their copy of ``exercises/``;
collecting copies those notebooks into ``SUBMISSIONS/<learner>/``, the folder per learner that
``okrkit grade`` reads. Learners' files are read as data: a symbolic link (which could point at
any file the instructor may read) or anything but a regular file is skipped and reported, and
nothing in the homes is changed.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from okrkit.errors import InputError
from okrkit.files import write_atomic

MAX_NOTEBOOK_BYTES = 20_000_000  # a notebook with plots is a few MB; more is not an exercise
_SKIPPED = (".", "__")
_READ_ONLY_NO_LINKS = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block


@dataclass(frozen=True)
class Collected:
    learner: str
    notebooks: tuple[str, ...]  # file names copied
    skipped: tuple[str, ...] = ()  # why a file or the whole home was passed over


def learner_homes(homes: Path) -> list[Path]:
    """The learners' home folders: visible sub-folders, never a symbolic link."""
    if not homes.is_dir():
        raise InputError("is not a folder of learner homes", str(homes))
    return [entry for entry in sorted(homes.iterdir())
            if not entry.name.startswith(_SKIPPED) and not entry.is_symlink() and entry.is_dir()]


def read_learner_file(path: Path, max_bytes: int = MAX_NOTEBOOK_BYTES) -> bytes:
    """A learner's regular file, opened without following a symbolic link; InputError otherwise."""
    try:
        handle = os.open(path, flags=_READ_ONLY_NO_LINKS)
    except OSError as error:
        raise InputError("is a symbolic link or cannot be opened" if error.errno == errno.ELOOP else
                         f"cannot be read ({error.strerror})", str(path)) from None
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise InputError("is not a regular file", str(path))
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"is larger than {max_bytes // 1_000_000} MB", str(path))
    return data


def collect(homes: str | os.PathLike, out: str | os.PathLike, folder: str = "exercises") -> list[Collected]:
    """Copy ``HOMES/<learner>/<folder>/*.ipynb`` to ``OUT/<learner>/``; what was copied, per learner."""
    homes, out = Path(homes).resolve(), Path(out).resolve()
    if out == homes or homes in out.parents:
        raise InputError("collect outside the learners' homes, where learners could change the copies", str(out))
    if out in homes.parents:
        raise InputError("the submissions folder cannot hold the learners' homes", str(out))
    report = []
    for home in learner_homes(homes):
        source = home / folder
        if source.is_symlink() or not source.is_dir():
            report.append(Collected(home.name, (), (f"no {folder}/ folder",)))
            continue
        copied, skipped = [], []
        for path in sorted(source.iterdir()):
            if not path.name.endswith(".ipynb") or path.name.startswith(_SKIPPED):
                continue
            try:
                data = read_learner_file(path)
            except InputError as error:
                skipped.append(f"{folder}/{path.name} {error.message}")
                continue
            target = out / home.name / path.name
            if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
                write_atomic(target, data, keep_previous=target.exists())
            copied.append(path.name)
        report.append(Collected(home.name, tuple(copied), tuple(skipped)))
    return report
