"""Grading a class: every learner's answers assessed exactly as their self-check cells do.

Each expected exercise of each learner gets one :class:`Graded` record, whatever the
submission looks like: a status (graded, no answer, missing, unreadable), the assessment
when there is one, and notes naming anything unusual (a duplicated, moved or re-typed cell,
an answer found in another module's notebook). A broken notebook or a judge that trips over
an odd answer costs that learner that exercise, never the class its gradebook.
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrkit.classroom.assessing import Assessments
from okrkit.classroom.submissions import Candidate, NotebookRead, Submission, discover, read_submission
from okrkit.exercises import EXERCISES, Assessment, Exercise
from okrkit.exercises.record import is_starter

STATUSES = ("graded", "no answer", "missing", "unreadable")
_MODULE_OF = {e.id: e.module for e in EXERCISES}
_ORDER = {e.id: i for i, e in enumerate(EXERCISES)}


@dataclass(frozen=True)
class Graded:
    """One exercise of one learner."""

    learner: str
    exercise_id: str
    module: int
    status: str
    notebook: str = ""  # where the graded answer was found
    notes: tuple[str, ...] = ()
    assessment: Assessment | None = None
    source: str = ""  # the answer cell as the learner left it
    answer: Any = None  # the literal it assigns to ``answer``, when it could be read

    @property
    def passed(self) -> bool:
        return self.assessment is not None and self.assessment.passed

    @property
    def score(self) -> float:
        return self.assessment.score if self.assessment is not None and self.status == "graded" else 0.0


@dataclass(frozen=True)
class LearnerGrades:
    learner: str
    graded: tuple[Graded, ...]
    problems: tuple[str, ...]  # about the submission as a whole
    notebooks: tuple[str, ...]

    @property
    def passed(self) -> int:
        return sum(g.passed for g in self.graded)

    @property
    def score(self) -> float:
        """The mean score over every expected exercise (missing ones count 0)."""
        return sum(g.score for g in self.graded) / len(self.graded) if self.graded else 0.0


@dataclass(frozen=True)
class Gradebook:
    exercises: tuple[str, ...]
    learners: tuple[LearnerGrades, ...]

    def frame(self):
        """One row per learner and exercise: status, passed, score, notebook and notes."""
        import pandas as pd

        return pd.DataFrame([{"learner": g.learner, "exercise": g.exercise_id, "module": g.module,
                              "status": g.status, "passed": g.passed, "score": round(g.score, 3),
                              "notebook": g.notebook, "notes": "; ".join(g.notes)}
                             for learner in self.learners for g in learner.graded],
                            columns=["learner", "exercise", "module", "status", "passed", "score", "notebook", "notes"])

    def table(self):
        """The gradebook: one row per learner, a score column per exercise, and what to look at."""
        import pandas as pd

        rows = []
        for learner in self.learners:
            row = {"learner": learner.learner, "passed": learner.passed, "exercises": len(learner.graded),
                   "score": round(learner.score, 3)}
            row.update({g.exercise_id: round(g.score, 3) for g in learner.graded})
            said = {note for g in learner.graded for note in g.notes}
            issues = [f"{g.exercise_id}{'' if g.status == 'graded' else ' ' + g.status}"
                      f"{' (' + '; '.join(g.notes) + ')' if g.notes else ''}"
                      for g in learner.graded if g.status != "graded" or g.notes]
            row["issues"] = "; ".join(issues + [p for p in learner.problems if p not in said])
            rows.append(row)
        return pd.DataFrame(rows, columns=["learner", "passed", "exercises", "score", *self.exercises,
                                           "issues"]).set_index("learner")


def example_class():
    """A small class shipped with the kit (modules 2 and 3): good, partial, mangled and malicious work."""
    from importlib import resources

    return resources.files("okrkit") / "data" / "example-class"


def module_of(exercise_id: str) -> int | None:
    return _MODULE_OF.get(exercise_id)


def expected_exercises(submissions: list[Submission], modules: set[int] | None = None) -> tuple[Exercise, ...]:
    """The exercises to grade: those of the given modules, else of every module the class handed in."""
    if modules is None:
        modules = {nb.module for s in submissions for nb in s.notebooks if nb.module is not None}
    return tuple(e for e in EXERCISES if e.module in modules)


def _moved(notebook: NotebookRead) -> set[int]:
    """Cells of the notebook's own module that come after a cell of a later exercise."""
    own = [c for c in notebook.candidates if module_of(c.exercise_id) == notebook.module]
    moved, furthest = set(), -1
    for cell in own:
        if _ORDER[cell.exercise_id] < furthest:
            moved.add(cell.index)
        furthest = max(furthest, _ORDER[cell.exercise_id])
    return moved


def _grade(learner: str, exercise: Exercise, found: list[tuple[NotebookRead, Candidate]],
           notebooks: tuple[NotebookRead, ...], assessments: Assessments) -> Graded:
    def result(status: str, notes: list[str], notebook: str = "", assessment=None, source: str = "",
               answer: Any = None) -> Graded:
        return Graded(learner, exercise.id, exercise.module, status, notebook, tuple(notes), assessment, source,
                      answer)

    if not found:
        home = [nb for nb in notebooks if nb.module == exercise.module]
        if not home:
            return result("missing", [f"no notebook for module {exercise.module} was handed in"])
        broken = next((nb for nb in home if nb.problem), None)
        if broken and len(home) == 1:
            return result("unreadable", [f"{broken.name} {broken.problem}"], broken.name)
        return result("missing", ["the answer cell was deleted"], home[0].name)
    own = [(nb, c) for nb, c in found if nb.module == exercise.module]
    pool, notes = own or found, []
    if not own:
        notes.append(f"answer found in {pool[-1][0].name}, the notebook of another module")
    if len(pool) > 1:
        notes.append(f"{len(pool)} answer cells for this exercise (duplicated); the last with an answer is graded")
    notebook, cell = next(((nb, c) for nb, c in reversed(pool) if not c.problem and not is_starter(exercise, c.value)),
                          pool[-1])
    if cell.cell_type != "code":
        notes.append(f"the answer cell was turned into a {cell.cell_type} cell; its text is graded")
    if cell.found_by == "comment":
        notes.append("the answer cell lost its metadata; found by its '# exercise' line")
    elif cell.found_by == "position":
        notes.append("found by position: an unmarked cell setting `answer` just before this exercise's check")
    if cell.comment_id:
        notes.append(f"the cell's first line names exercise {cell.comment_id}")
    if cell.index in _moved(notebook):
        notes.append("the answer cell was moved out of order")
    if cell.problem:
        return result("unreadable", notes + [cell.problem], notebook.name, source=cell.source)
    try:
        assessment = assessments(exercise.id, cell.source, cell.value)
    except Exception as error:  # noqa: BLE001 - one odd answer must not stop a class's grading
        return result("unreadable", notes + [f"the grader could not mark this answer ({type(error).__name__})"],
                      notebook.name, source=cell.source)
    status = "no answer" if is_starter(exercise, cell.value) else "graded"
    if assessment.needs_review:  # a pass on form only: never a silent one
        notes.append("needs review: " + "; ".join(assessment.review))
    return result(status, notes, notebook.name, assessment, cell.source, cell.value)


def grade_submission(submission: Submission, expected: tuple[Exercise, ...],
                     assessments: Assessments | None = None) -> LearnerGrades:
    """One learner's grades; pass the class's ``assessments`` to assess each distinct answer once."""
    assessments = assessments if assessments is not None else Assessments()
    found: dict[str, list[tuple[NotebookRead, Candidate]]] = defaultdict(list)
    problems = []
    for notebook in submission.notebooks:
        if notebook.problem:
            problems.append(f"{notebook.name} {notebook.problem}")
        for cell in notebook.candidates:
            found[cell.exercise_id].append((notebook, cell))
        foreign = sorted({m for c in notebook.candidates if (m := module_of(c.exercise_id)) is not None
                          and notebook.module is not None and m != notebook.module})
        if foreign:
            problems.append(f"{notebook.name} is the notebook of module {notebook.module} but holds answers "
                            f"for module {', '.join(map(str, foreign))} (the wrong exercise?)")
    wanted = {e.id for e in expected}
    for exercise_id, places in found.items():
        if exercise_id not in wanted:
            why = "is not part of this grading" if module_of(exercise_id) else "does not exist"
            problems.append(f"{places[0][0].name} answers exercise {exercise_id!r}, which {why}")
    if not submission.notebooks:
        problems.append("no notebooks were handed in")
    graded = tuple(_grade(submission.learner, e, found.get(e.id, []), submission.notebooks, assessments)
                   for e in expected)
    return LearnerGrades(submission.learner, graded, tuple(problems), tuple(nb.name for nb in submission.notebooks))


def grade_class(root: str | os.PathLike, modules: set[int] | None = None, progress: bool = False) -> Gradebook:
    """Grade every learner's notebooks under ``root``; with ``progress`` a bar shows on stderr."""
    from tqdm import tqdm

    root = Path(root)
    learners = discover(root)
    submissions = [read_submission(root, learner, paths, module_of) for learner, paths in
                   tqdm(learners.items(), desc="reading", unit="learner", disable=not progress, file=sys.stderr)]
    expected = expected_exercises(submissions, modules)
    assessments = Assessments()
    graded = tuple(grade_submission(s, expected, assessments) for s in
                   tqdm(submissions, desc="grading", unit="learner", disable=not progress, file=sys.stderr))
    return Gradebook(tuple(e.id for e in expected), graded)
