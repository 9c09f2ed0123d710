"""Loading whatever a learner or an instructor points the kit at: a draft, a set, an organisation."""
from __future__ import annotations

import os
from pathlib import Path

from okrkit import drafts, yamlsets
from okrkit.errors import InputError
from okrkit.files import read_text
from okrkit.model import OKRSet, Organisation

YAML_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".okr", ".txt", ".md")


def load(path: str | os.PathLike) -> OKRSet | Organisation:
    """A text draft, a YAML set, an organisation file, or a directory of set files."""
    path = Path(path)
    if path.is_dir():
        return load_directory(path)
    text = read_text(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        return yamlsets.from_yaml(text, str(path), default_id=_set_id(path))
    return drafts.parse(text, str(path), set_id=_set_id(path))


def load_directory(path: Path) -> Organisation:
    """An organisation whose sets are the draft and YAML files of a directory."""
    files = sorted(p for p in path.iterdir()
                   if p.is_file() and p.suffix.lower() in YAML_SUFFIXES + DRAFT_SUFFIXES
                   and not p.name.startswith("."))
    if not files:
        raise InputError("holds no set files (*.okr, *.yaml, *.yml)", str(path))
    sets = []
    for file in files:
        loaded = load(file)
        if isinstance(loaded, Organisation):
            raise InputError("is an organisation file inside an organisation directory", str(file))
        sets.append(loaded)
    return yamlsets.organisation(sets, name=path.name, path=str(path))


def _set_id(path: Path) -> str | None:
    """Text drafts in an organisation take their id from the file name."""
    stem = path.stem
    return stem if yamlsets.SET_ID.match(stem) else None
