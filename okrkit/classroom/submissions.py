"""A class's submissions, read as data: learners, their notebooks, and every answer cell.

Instructors collect exercise notebooks as a folder per learner, or as files named after the
learner ("ana_02_anatomy.ipynb"). Real submissions are messy: cells deleted, duplicated,
moved, turned into markdown, metadata lost, a file that is not JSON at all. This module
reads whatever is there without executing anything (JSON and :func:`ast.literal_eval` only)
and records what it found, so the grader can grade as far as possible and say why.
Nothing here writes to the submissions, and symbolic links are never followed.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrkit.errors import InputError
from okrkit.exercises.notebooks import MARKER, read_answer, read_notebook

_MODULE = re.compile(r"^(\d{1,2})[ _-]")
_LEARNER_FILE = re.compile(r"^(?P<learner>.+?)[ _-]+(?P<notebook>\d{1,2}[ _-]+[^\W\d_].*)$")  # ana_02_topic
_SKIPPED = (".", "__")  # hidden files, .ipynb_checkpoints, __MACOSX
_CHECK_CALL = re.compile(r"\b(?:self_)?check\(\s*[\"']([\w.-]+)[\"']")
_ASSIGNS_ANSWER = re.compile(r"^answer\s*=", re.MULTILINE)


@dataclass(frozen=True)
class Candidate:
    """One cell that claims to answer an exercise."""

    exercise_id: str
    index: int  # position in the notebook
    cell_type: str  # "code" unless the learner re-typed the cell
    found_by: str  # "metadata", "comment" (its "# exercise" line) or "position" (just before its check)
    source: str
    value: Any = None
    problem: str | None = None  # why the answer could not be read
    comment_id: str | None = None  # the id its comment names, when that differs from the metadata


@dataclass(frozen=True)
class NotebookRead:
    path: Path
    name: str  # the path shown to people: relative to the submissions folder
    module: int | None  # from the file name, else from most of its answer cells
    candidates: tuple[Candidate, ...] = ()
    problem: str | None = None  # the notebook could not be read at all


@dataclass(frozen=True)
class Submission:
    learner: str
    notebooks: tuple[NotebookRead, ...]


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def _tags(cell: dict) -> dict:
    metadata = cell.get("metadata")
    tags = metadata.get("okrkit") if isinstance(metadata, dict) else None
    return tags if isinstance(tags, dict) else {}


def _answer(text: str) -> tuple[Any, str | None]:
    try:
        return read_answer(text), None
    except InputError as error:
        return None, error.message + (f" (line {error.line} of the cell)" if error.line else "")


def candidate(index: int, cell: Any) -> Candidate | None:
    """The answer a cell holds, if it is an answer cell (by metadata or by its first line)."""
    if not isinstance(cell, dict):
        return None
    text, tags = _text(cell), _tags(cell)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    marked = MARKER.match(first)
    tagged = str(tags["exercise"]) if tags.get("role") == "answer" and tags.get("exercise") else None
    exercise_id = tagged or (marked["id"] if marked else None)
    if exercise_id is None:
        return None
    comment = marked["id"] if marked and tagged and marked["id"] != tagged else None
    kind = cell.get("cell_type") if isinstance(cell.get("cell_type"), str) else "unknown"
    return Candidate(exercise_id, index, kind, "metadata" if tagged else "comment", text, *_answer(text),
                     comment_id=comment)


def _check_of(cell: Any) -> str | None:
    """The exercise a self-check cell checks, from its metadata or its ``check("02-1", ...)`` call."""
    if not isinstance(cell, dict):
        return None
    tags = _tags(cell)
    if tags.get("role") == "check" and tags.get("exercise"):
        return str(tags["exercise"])
    match = _CHECK_CALL.search(_text(cell))
    return match[1] if match else None


def _by_position(cells: list, found: list[Candidate]) -> list[Candidate]:
    """Answers re-typed into a fresh cell without the marker: the last unmarked cell assigning
    ``answer`` between the previous exercise's cells and this exercise's check."""
    marked = {c.index for c in found}
    answered = {c.exercise_id for c in found}
    inferred, start = [], 0
    for index, cell in enumerate(cells):
        checked = _check_of(cell)
        if checked is None:
            if index in marked:
                start = index + 1
            continue
        if checked not in answered:
            for back in range(index - 1, start - 1, -1):
                text = _text(cells[back]) if isinstance(cells[back], dict) else ""
                if back not in marked and _ASSIGNS_ANSWER.search(text):
                    kind = cells[back].get("cell_type")
                    inferred.append(Candidate(checked, back, kind if isinstance(kind, str) else "unknown",
                                              "position", text, *_answer(text)))
                    break
        start = index + 1
    return inferred


def module_from_name(name: str) -> int | None:
    match = _MODULE.match(name)
    return int(match[1]) if match else None


def read(path: Path, name: str, module_of=None) -> NotebookRead:
    """One notebook as data; a notebook that cannot be read is a NotebookRead with a problem.

    ``module_of(exercise_id)`` gives an exercise's module (None when unknown); it names the
    notebook's module when its file name does not.
    """
    named = module_from_name(path.name) or module_from_name(_notebook_part(path.name))
    if path.is_symlink():
        return NotebookRead(path, name, named, problem="is a symbolic link, which the grader does not follow: "
                                                       "hand in the notebook itself")
    try:
        notebook = read_notebook(path)
    except InputError as error:
        return NotebookRead(path, name, named, problem=error.message)
    except (RecursionError, MemoryError):
        return NotebookRead(path, name, named, problem="is not a notebook (nested too deeply)")
    cells = notebook["cells"]
    marked = [c for i, cell in enumerate(cells) if (c := candidate(i, cell))]
    found = tuple(sorted(marked + _by_position(cells, marked), key=lambda c: c.index))
    if named is None and module_of is not None:
        modules = [m for c in found if (m := module_of(c.exercise_id)) is not None]
        named = max(set(modules), key=modules.count) if modules else None
    return NotebookRead(path, name, named, found)


def _notebook_part(file_name: str) -> str:
    match = _LEARNER_FILE.match(file_name)
    return match["notebook"] if match else file_name


def _visible(path: Path) -> bool:
    return not path.name.startswith(_SKIPPED) and not path.is_symlink()


def _notebook_file(path: Path) -> bool:
    """Anything named .ipynb that is not hidden: a link, a pipe or a folder of that name is read
    as a notebook that cannot be read, so the learner is told why instead of shown as missing."""
    return path.name.lower().endswith(".ipynb") and not path.name.startswith(_SKIPPED)


def _notebooks(folder: Path) -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(folder):  # os.walk does not follow symlinks
        found += [Path(directory, f) for f in sorted(files + subdirectories) if _notebook_file(Path(directory, f))]
        subdirectories[:] = sorted(d for d in subdirectories
                                   if _visible(Path(directory, d)) and not _notebook_file(Path(directory, d)))
    return found


def discover(root: str | os.PathLike) -> dict[str, list[Path]]:
    """Each learner's notebooks: a sub-folder per learner, or files named "learner_02_topic.ipynb"."""
    root = Path(root)
    if not root.is_dir():
        raise InputError("is not a folder of submissions", str(root))
    learners: dict[str, list[Path]] = {}
    for entry in sorted(root.iterdir()):
        if _notebook_file(entry):
            match = _LEARNER_FILE.match(entry.stem)
            learners.setdefault(_learner(match["learner"] if match else entry.stem), []).append(entry)
        elif _visible(entry) and entry.is_dir():
            learners.setdefault(_learner(entry.name), []).extend(_notebooks(entry))
    return learners


def _learner(name: str) -> str:
    """One spelling per learner: "José" typed on a Mac (decomposed) and on Windows is one name."""
    return unicodedata.normalize("NFC", name)


def read_submission(root: Path, learner: str, paths: list[Path], module_of=None) -> Submission:
    """One learner's notebooks, each read as data and named relative to the submissions folder."""
    return Submission(learner, tuple(read(p, p.relative_to(root).as_posix(), module_of) for p in paths))
