"""nbgrader's conventions: the exercise notebooks carry its cell metadata, and nbgrader itself
generates and autogrades one of them in a temporary course folder, scoring what the kit scores."""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from okrkit.classroom.grading import grade_class
from okrkit.exercises import exercises_of
from okrkit.exercises.build import exercise_notebook, nbgrader_metadata
from okrkit.exercises.record import literal
from tests.classroom import STRONG_DRAFT, spotted_rules
from tests.conftest import ROOT

EXERCISE = "02_anatomy_of_a_strong_okr.ipynb"


def _nbgrader(cell):
    return cell["metadata"]["nbgrader"]


def test_answer_cells_are_solutions_checks_are_graded_and_the_rest_is_locked():
    notebook = json.loads((ROOT / "exercises" / EXERCISE).read_text(encoding="utf-8"))
    kinds = {}
    for cell in notebook["cells"]:
        meta = _nbgrader(cell)
        kinds.setdefault((meta["solution"], meta["grade"], meta["locked"]), []).append(meta["grade_id"])
    ids = [e.id for e in exercises_of(2)]
    assert kinds.pop((True, False, False)) == [f"answer-{i}" for i in ids]
    assert kinds.pop((False, True, True)) == [f"check-{i}" for i in ids]
    assert list(kinds) == [(False, False, True)]
    every_id = [_nbgrader(c)["grade_id"] for c in notebook["cells"]]
    assert len(every_id) == len(set(every_id))


def test_every_exercise_notebook_is_built_with_the_metadata():
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        built = exercise_notebook(json.loads(path.read_text(encoding="utf-8")), str(path))
        assert all(_nbgrader(c) == nbgrader_metadata(c, n) for n, c in enumerate(built["cells"], 1)), path
        assert sum(_nbgrader(c)["grade"] for c in built["cells"]) == sum(_nbgrader(c)["solution"] for c in built["cells"])


def _answer(notebook, exercise_id, value):
    for cell in notebook["cells"]:
        if _nbgrader(cell)["grade_id"] == f"answer-{exercise_id}":
            cell["source"] = f"# exercise {exercise_id}\nanswer = {literal(value)}\n"
    return notebook


@pytest.fixture
def nbgrader(monkeypatch):
    """nbgrader's command; it calls ``alembic`` by name, so this environment's scripts go on PATH."""
    if importlib.util.find_spec("nbgrader") is None:
        pytest.fail("nbgrader is one of the test dependencies: pip install -e '.[test]'")
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return [sys.executable, "-m", "nbgrader"]


def test_nbgrader_generates_and_autogrades_an_exercise_as_the_kit_grades_it(nbgrader, tmp_path):
    course = tmp_path / "course"
    (course / "source" / "module2").mkdir(parents=True)
    shutil.copy(ROOT / "deploy" / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copy(ROOT / "exercises" / EXERCISE, course / "source" / "module2" / EXERCISE)

    def run(*args):
        done = subprocess.run([*nbgrader, *args], cwd=course, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    run("generate_assignment", "module2", "--force")
    release = json.loads((course / "release" / "module2" / EXERCISE).read_text(encoding="utf-8"))
    starter = json.loads((ROOT / "exercises" / EXERCISE).read_text(encoding="utf-8"))
    assert [c["source"] for c in release["cells"]] == [c["source"] for c in starter["cells"]]  # starters kept

    submitted = _answer(_answer(release, "02-1", STRONG_DRAFT), "02-2", spotted_rules())
    target = course / "submitted" / "ana" / "module2" / EXERCISE
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(submitted), encoding="utf-8")
    run("autograde", "module2", "--create", "--force")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        scores = {g.name: g.score for g in book.find_submission_notebook(EXERCISE[:-6], "module2", "ana").grades}
    kit = {g.exercise_id: g.score for g in grade_class(course / "submitted" / "ana").learners[0].graded}
    assert scores == {f"check-{i}": pytest.approx(kit[i], abs=1e-3) for i in kit}
    assert scores["check-02-1"] == 1 and scores["check-02-2"] == 1 and scores["check-02-3"] == 0


def test_under_nbgraders_autograder_a_self_check_shows_the_score_alone(monkeypatch):
    from okrkit.exercises import Practice

    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert Practice(2).check("02-1", STRONG_DRAFT).passed
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert Practice(2).check("02-1", STRONG_DRAFT) == 1.0
    assert Practice(2).check("02-1", "KR: Acquire more leads\n") < 1.0
