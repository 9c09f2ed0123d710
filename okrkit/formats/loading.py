"""Loading whatever a learner or an instructor points the kit at: a draft, a set, an organisation."""
from __future__ import annotations

import os
from pathlib import Path

from okrkit import bulk
from okrkit.errors import InputError
from okrkit.files import read_text
from okrkit.formats import drafts, yamlsets
from okrkit.model import OKRSet, Organisation

YAML_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".okr", ".txt", ".md")
# A text draft is one set of OKRs, a few KB; the cap keeps checking a wrongly chosen file quick.
DRAFT_MAX_BYTES = 200_000


def load(path: str | os.PathLike, skipped: list[InputError] | None = None) -> OKRSet | Organisation:
    """A text draft, a YAML set, an organisation file, or a directory of set files.

    With a ``skipped`` list, a directory's unreadable files (and sets repeating an id) are
    added to it and left out, so the rest of the organisation can still be checked.
    """
    path = Path(path)
    with bulk.paused():  # an organisation file builds hundreds of thousands of objects
        if path.is_dir():
            return load_directory(path, skipped)
        if path.suffix.lower() in YAML_SUFFIXES:
            return yamlsets.from_yaml(read_text(path), str(path), default_id=_set_id(path))
        return drafts.parse(read_text(path, DRAFT_MAX_BYTES), str(path), set_id=_set_id(path))


def load_directory(path: Path, skipped: list[InputError] | None = None) -> Organisation:
    """An organisation whose sets are the draft and YAML files of a directory."""
    try:
        files = sorted(p for p in path.iterdir()
                       if p.is_file() and p.suffix.lower() in YAML_SUFFIXES + DRAFT_SUFFIXES
                       and not p.name.startswith("."))
    except OSError as exc:
        raise InputError(f"cannot be read ({(exc.strerror or str(exc)).lower()})", str(path)) from None
    if not files:
        raise InputError(f"holds no set files ({', '.join('*' + s for s in DRAFT_SUFFIXES + YAML_SUFFIXES)})", str(path))
    sets, first = [], {}
    for file in files:
        try:
            loaded = load(file)
            if isinstance(loaded, Organisation):
                raise InputError("is an organisation file inside an organisation directory", str(file))
            if skipped is not None and loaded.id is None:
                raise InputError("has no set id: name the file with letters, digits, - and _, or give it an id",
                                 str(file))
            if skipped is not None and loaded.id in first:
                raise InputError(f"duplicate set id '{loaded.id}' (first in {first[loaded.id]}); left out", str(file))
        except InputError as error:
            if skipped is None:
                raise
            skipped.append(error)
            continue
        first.setdefault(loaded.id, file)
        sets.append(loaded)
    if not sets:
        raise InputError("holds no readable set files", str(path))
    return yamlsets.organisation(sets, name=path.name, path=str(path))


def files_read(loaded: OKRSet | Organisation) -> int:
    """How many files a loaded input came from: a directory's set files, else the one file."""
    if isinstance(loaded, Organisation):
        return max(1, len({okr_set.path for okr_set in loaded.sets}))
    return 1


def _set_id(path: Path) -> str | None:
    """Text drafts in an organisation take their id from the file name."""
    stem = path.stem
    return stem if yamlsets.SET_ID.match(stem) else None
