"""Synthetic class submissions for the grading benchmark: real exercise notebooks, filled in.

Each learner hands in the course's exercise notebooks (``exercises/``) with answers drawn from
the solutions (``solutions/``): mostly right, some weakened, some left blank, and the mess real
submissions carry: deleted, duplicated, moved and re-typed cells, metadata lost, a file that
is not JSON, code that would delete files if anything ran it. Deterministic for a seed.
"""
from __future__ import annotations

import copy
import json
import random
from pathlib import Path

from okrkit.exercises import read_answers
from okrkit.exercises.notebooks import exercise_of, read_notebook
from okrkit.exercises.record import literal

ROOT = Path(__file__).resolve().parents[1]
MALICIOUS = "import shutil\nshutil.rmtree('okrkit-grader-canary')  # would delete files if a grader ran it\n"


def _weaken(value, rng: random.Random):
    """A plausible wrong answer of the same shape as a good one."""
    if isinstance(value, str):
        lines = value.strip().splitlines()
        return "\n".join(lines[:-1] + ["KR: Be more effective at it", "KR: Work on the launch"]) + "\n"
    if isinstance(value, dict):
        keys = list(value)
        return {k: (value[k] if rng.random() < 0.5 else "") for k in keys}
    if isinstance(value, list):
        return value[: len(value) // 2]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value + 1
    return value


def _answer_source(exercise_id: str, value) -> list[str]:
    return f"# exercise {exercise_id}\nanswer = {literal(value)}\n".splitlines(keepends=True)


def _fill(template: dict, references: dict, rng: random.Random) -> dict | str:
    """One learner's copy of an exercise notebook."""
    if rng.random() < 0.02:
        return '{"cells": [{"cell_type": "code", "source": '  # a truncated upload
    notebook = copy.deepcopy(template)
    cells = []
    for cell in notebook["cells"]:
        exercise_id = exercise_of(cell)
        if exercise_id is None:
            cells.append(cell)
            continue
        roll = rng.random()
        if roll < 0.05:
            continue  # deleted
        good = references.get(exercise_id)
        if good is not None and roll < 0.65:
            cell["source"] = _answer_source(exercise_id, good)
        elif good is not None and roll < 0.9:
            cell["source"] = _answer_source(exercise_id, _weaken(good, rng))
        cells.append(cell)
        mess = rng.random()
        if mess < 0.05:
            cells.append(copy.deepcopy(cell))  # duplicated
        elif mess < 0.08:
            cell["cell_type"] = "markdown"
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
        elif mess < 0.13:
            cell["metadata"] = {}
        elif mess < 0.15:
            cell["source"] = [f"# exercise {exercise_id}\n", MALICIOUS, "answer = shutil.rmtree('okrkit-grader-canary')\n"]
    if rng.random() < 0.05 and len(cells) > 2:
        cells[0], cells[-1] = cells[-1], cells[0]  # moved
    notebook["cells"] = cells
    return notebook


def templates(exercises: Path = ROOT / "exercises", wanted: int = 8) -> list[tuple[str, dict]]:
    """The exercise notebooks, padded with copies ("-Copy1") until there are ``wanted``."""
    found = [(path.name, read_notebook(path)) for path in sorted(exercises.glob("*.ipynb"))]
    if not found:
        raise FileNotFoundError(f"no exercise notebooks in {exercises}; build them with `okrkit build-exercises`")
    padded, copies = list(found), 1
    while len(padded) < wanted:
        for name, notebook in found[: wanted - len(padded)]:
            padded.append((name.replace(".ipynb", f"-Copy{copies}.ipynb"), notebook))
        copies += 1
    return padded[:wanted]


def write_class(root: str | Path, learners: int = 200, notebooks: int = 8, seed: int = 11) -> Path:
    """A folder of submissions: one sub-folder per learner, ``notebooks`` notebooks each."""
    root, rng = Path(root), random.Random(seed)
    references = {}
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        references.update({i: cell.value for i, cell in read_answers(path).items() if cell.problem is None})
    chosen = templates(wanted=notebooks)
    for number in range(learners):
        folder = root / f"learner-{number:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, template in chosen:
            filled = _fill(template, references, rng)
            (folder / name).write_text(filled if isinstance(filled, str) else json.dumps(filled, indent=1),
                                       encoding="utf-8")
    return root
