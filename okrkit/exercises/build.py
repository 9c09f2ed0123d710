"""``okrkit build-exercises``: the learners' exercise notebooks, generated from the solutions.

``solutions/`` is the single source, as in nbgrader: an answer cell holds its answer between
``### BEGIN SOLUTION`` and ``### END SOLUTION``. The build replaces that region with the
exercise's starter, drops cells whose role is "solution" (notes on why an answer works), and
strips outputs. A learner's edited exercise notebook is never overwritten without a backup.

Each cell also gets nbgrader's metadata, so a course on nbgrader can use ``exercises/`` as its
source folder: answer cells are solution cells, self-check cells are grade cells worth one
point (autograded by the kit's own score, see :meth:`Practice.check`), every other cell is
locked. The exercises are already cleared of solutions, so such a course turns nbgrader's
clearing off (deploy/nbgrader_config.py) and the learners keep the kit's starters.
"""
from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

from okrkit.errors import InputError
from okrkit.exercises import known
from okrkit.exercises.notebooks import answer_cells, exercise_of, read_notebook, role, source
from okrkit.exercises.record import is_starter
from okrkit.exercises.registry import exercise
from okrkit.files import backup_path, write_atomic

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
NBGRADER_SCHEMA = 3


def nbgrader_metadata(cell: dict, number: int) -> dict:
    """nbgrader's view of a cell: an answer is a solution cell, a self-check a one-point grade
    cell, anything else locked; ids derive from the exercise, else from the cell's own id."""
    tags = role(cell)
    exercise_id = exercise_of(cell)
    base = {"grade": False, "solution": False, "locked": True, "task": False, "schema_version": NBGRADER_SCHEMA}
    if exercise_id:
        return {**base, "solution": True, "locked": False, "grade_id": f"answer-{exercise_id}"}
    if tags.get("role") == "check" and tags.get("exercise") and cell.get("cell_type") == "code":
        return {**base, "grade": True, "points": 1, "grade_id": f"check-{tags['exercise']}"}
    return {**base, "grade_id": f"cell-{cell.get('id') or number}"}


def _starter(text: str, exercise_id: str, where: str) -> str:
    """The answer cell with its solution region replaced by the exercise's starter."""
    lines = text.splitlines()
    if not lines or not lines[0].strip().lower().startswith(f"# exercise {exercise_id}".lower()):
        raise InputError(f"the answer cell of {exercise_id} must start with '# exercise {exercise_id}'", where)
    begins = [i for i, line in enumerate(lines) if line.strip() == BEGIN]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if len(begins) != 1 or len(ends) != 1 or begins[0] > ends[0]:
        raise InputError(f"the answer cell of {exercise_id} needs one '{BEGIN}' ... '{END}' region", where)
    try:
        starter = exercise(exercise_id).starter_code()
    except KeyError as error:
        raise InputError(str(error.args[0]), where) from None
    return "\n".join(lines[:begins[0]] + starter.splitlines() + lines[ends[0] + 1:])


def exercise_notebook(solution: dict, where: str = "notebook") -> dict:
    """The learner's copy of a solution notebook."""
    notebook = copy.deepcopy(solution)
    notebook.get("metadata", {}).pop("widgets", None)
    cells = []
    for number, cell in enumerate(notebook["cells"], 1):
        if role(cell).get("role") == "solution":
            continue
        text = source(cell)
        if exercise_id := exercise_of(cell):
            text = _starter(text, exercise_id, f"{where}, cell {number}")
        elif BEGIN in text or END in text:
            raise InputError(f"cell {number} has a solution region but is not an answer cell", where)
        cell["source"] = text.splitlines(keepends=True)
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cell.get("metadata", {}).pop("execution", None)
        cell.setdefault("metadata", {})["nbgrader"] = nbgrader_metadata(cell, number)
        cells.append(cell)
    notebook["cells"] = cells
    return notebook


def dumps(notebook: dict) -> str:
    """A notebook as Jupyter writes it, so rebuilding an unchanged notebook changes no byte."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _edited(path: Path) -> bool:
    """Whether a learner has worked in this exercise notebook: outputs, or answers not the starters."""
    try:
        notebook = read_notebook(path)
    except InputError:
        return True
    if any(cell.get("outputs") for cell in notebook["cells"] if isinstance(cell, dict)):
        return True
    for cell in answer_cells(notebook):
        try:
            if cell.problem or not is_starter(exercise(cell.exercise_id), cell.value):
                return True
        except KeyError:
            return True
    return False


def build(solutions: str | Path = "solutions", exercises: str | Path = "exercises",
          check_only: bool = False) -> list[tuple[Path, str]]:
    """Generate every exercise notebook; each path with what happened to it."""
    solutions, exercises = Path(solutions), Path(exercises)
    if not solutions.is_dir():
        raise InputError("no such directory; run from the repository root or pass --solutions", str(solutions))
    sources = sorted(solutions.glob("*.ipynb"))
    if not sources:
        raise InputError("holds no solution notebooks (*.ipynb)", str(solutions))
    report = []
    for path in sources:
        text = dumps(exercise_notebook(read_notebook(path), str(path)))
        target = exercises / path.name
        try:
            current = target.read_text(encoding="utf-8") if target.exists() else None
        except (OSError, UnicodeDecodeError):
            current = ""
        if current == text:
            report.append((target, "up to date"))
        elif check_only:
            report.append((target, "missing" if current is None else "out of date"))
        else:
            kept = current is not None and _edited(target)
            write_atomic(target, text, keep_previous=kept)
            report.append((target, f"written; your version is kept as {backup_path(target).name}" if kept
                           else "written"))
    return report


def run(args: argparse.Namespace) -> int:
    report = build(args.solutions, args.exercises, args.check)
    for path, status in report:
        print(f"{path}: {status}")
    notebooks = Path(args.solutions).parent / "notebooks"
    if not args.check and notebooks.is_dir() and known.write(notebooks, Path(args.solutions)):
        print("okrkit/data/worked-examples.json: written (the statements judges recognise as copies)")
    return 1 if args.check and any(status != "up to date" for _, status in report) else 0


def register(commands) -> None:
    parser = commands.add_parser(
        "build-exercises", help="generate the learners' exercise notebooks from the solutions",
        description="Generate exercises/*.ipynb from solutions/*.ipynb: each answer between "
                    f"'{BEGIN}' and '{END}' becomes the exercise's starter, outputs are stripped. "
                    "An exercise notebook a learner has worked in is kept as NAME~ before it is replaced.")
    parser.add_argument("--solutions", default="solutions", metavar="DIR", help="the solution notebooks (default: solutions)")
    parser.add_argument("--exercises", default="exercises", metavar="DIR", help="where the exercises go (default: exercises)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when an exercise notebook is missing or out of date")
    parser.set_defaults(run=run)
