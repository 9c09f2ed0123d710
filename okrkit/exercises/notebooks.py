"""Answer cells in notebooks, read without running anything.

An answer cell is a code cell with the metadata ``{"okrkit": {"exercise": "02-1", "role":
"answer"}}`` whose source starts with ``# exercise 02-1`` and assigns one Python literal to
``answer``. The comment line finds a cell a learner re-typed without metadata; the literal is
read with :func:`ast.literal_eval`, so a grader never executes a learner's code.
"""
from __future__ import annotations

import ast
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrkit.errors import InputError
from okrkit.exercises.record import Assessment, Point
from okrkit.exercises.registry import EXERCISES, assess, exercises_of
from okrkit.files import read_text

MARKER = re.compile(r"^#\s*exercise\s+(?P<id>[\w.-]+)\s*$", re.IGNORECASE)


def read_notebook(path: str | os.PathLike) -> dict:
    """A notebook's JSON document, or an InputError naming the file and line."""
    text = read_text(path)
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"is not a notebook (invalid JSON: {error.msg})", str(path), error.lineno) from None
    except RecursionError:
        raise InputError("is not a notebook (its JSON is nested too deeply to read)", str(path)) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise InputError("is not a notebook (no list of cells)", str(path))
    return notebook


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def role(cell: dict) -> dict:
    """The cell's okrkit metadata: {"exercise": id, "role": "answer" | "check" | "solution"}."""
    found = cell.get("metadata", {}).get("okrkit", {})
    return found if isinstance(found, dict) else {}


def exercise_of(cell: dict) -> str | None:
    """The exercise an answer cell belongs to, from its metadata or its first line."""
    if cell.get("cell_type") != "code":
        return None
    tags = role(cell)
    if tags.get("role") == "answer" and tags.get("exercise"):
        return str(tags["exercise"])
    first = next((line for line in source(cell).splitlines() if line.strip()), "")
    match = MARKER.match(first.strip())
    return match["id"] if match else None


def read_answer(code: str) -> Any:
    """The literal assigned to ``answer`` (the last assignment wins), read without running it."""
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise InputError(f"the answer cell is not valid Python ({error.msg})", None, error.lineno) from None
    except (ValueError, RecursionError, MemoryError):
        raise InputError("the answer cell is not valid Python") from None
    assigned = [node for node in tree.body if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "answer" for t in node.targets)]
    if not assigned:
        raise InputError("the answer cell assigns nothing to `answer`")
    node = assigned[-1]
    try:
        return ast.literal_eval(node.value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise InputError("`answer` must be a plain value (a text, a number, a list or a dictionary), "
                         "not code to run", None, node.lineno) from None


@dataclass(frozen=True)
class AnswerCell:
    exercise_id: str
    index: int  # the cell's position in the notebook
    value: Any = None
    problem: str | None = None  # why the answer could not be read


def answer_cells(notebook: dict) -> list[AnswerCell]:
    """Every answer cell, in notebook order, read or with the reason it could not be."""
    found = []
    for index, cell in enumerate(notebook.get("cells", [])):
        if not isinstance(cell, dict) or not (exercise_id := exercise_of(cell)):
            continue
        try:
            found.append(AnswerCell(exercise_id, index, read_answer(source(cell))))
        except InputError as error:
            place = f" (line {error.line} of the cell)" if error.line else ""
            found.append(AnswerCell(exercise_id, index, problem=error.message + place))
    return found


def read_answers(path: str | os.PathLike) -> dict[str, AnswerCell]:
    """The answer cells of a notebook by exercise id; when a learner duplicated a cell, the last wins."""
    return {cell.exercise_id: cell for cell in answer_cells(read_notebook(path))}


def _modules(path: Path, cells: dict[str, AnswerCell]) -> list[int]:
    prefix = re.match(r"^(\d+)_", path.name)
    if prefix and exercises_of(int(prefix[1])):
        return [int(prefix[1])]
    known = {e.id: e.module for e in EXERCISES}
    return sorted({known[i] for i in cells if i in known})


def assess_notebook(path: str | os.PathLike) -> list[Assessment]:
    """Every exercise of the notebook's module assessed, as an instructor's grader needs it: a
    missing or unreadable answer cell is an assessment that did not pass, not an error."""
    path = Path(path)
    cells = read_answers(path)
    results = []
    for module in _modules(path, cells):
        for ex in exercises_of(module):
            cell = cells.get(ex.id)
            if cell is None:
                results.append(Assessment(ex.id, False, 0.0, (Point(False, "No answer cell for this exercise"),)))
            elif cell.problem:
                results.append(Assessment(ex.id, False, 0.0, (Point(False, f"The answer cell could not be read: "
                                                                           f"{cell.problem}"),)))
            else:
                results.append(assess(ex.id, cell.value))
    return results
