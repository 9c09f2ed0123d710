"""Building a class's submissions for the grading tests: notebooks as learners leave them."""
import json
from pathlib import Path

from okrkit import check, parse
from okrkit.exercises.anatomy import TO_INSPECT
from okrkit.exercises.record import literal

STRONG_DRAFT = ("Team: Marketing\nCycle: 2025-Q2\nO: Win the mid-market with a clear go-to-market\n"
                "KR: Increase qualified leads from 200 to 400\nKR: Raise win rate from 20% to 30%\n"
                "KR: Cut sales cycle from 60 to 45 days\n")


def spotted_rules() -> list[str]:
    """A passing answer to 02-2: the rules the checker reports on the draft to inspect."""
    return sorted(check(parse(TO_INSPECT)).codes)


def answer_cell(exercise_id, value=None, source=None, metadata=True, cell_type="code"):
    text = source if source is not None else f"# exercise {exercise_id}\nanswer = {literal(value)}\n"
    cell = {"cell_type": cell_type, "metadata": {"okrkit": {"exercise": exercise_id, "role": "answer"}} if metadata
            else {}, "source": text.splitlines(keepends=True)}
    if cell_type == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def check_cell(exercise_id):
    return {"cell_type": "code", "execution_count": None, "outputs": [],
            "metadata": {"okrkit": {"exercise": exercise_id, "role": "check"}},
            "source": [f'check("{exercise_id}", answer)']}


def text_cell(text):
    return {"cell_type": "markdown", "metadata": {}, "source": [text]}


def notebook(*cells):
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def module_2(first=STRONG_DRAFT, second=None, third=None):
    """Module 2's notebook with answers (None leaves an exercise's cells out)."""
    cells = [text_cell("# Module 2 exercises")]
    for exercise_id, value in (("02-1", first), ("02-2", second), ("02-3", third)):
        if value is not None:
            cells += [answer_cell(exercise_id, value), check_cell(exercise_id)]
    return notebook(*cells)


def save(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, (bytes, str)):
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path
