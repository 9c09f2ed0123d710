"""A learner's practice in one module: attempts counted, so hints get more specific, and the
latest verdicts kept, so ``check_all`` can show the way through the module."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from okrkit.exercises import certification, learner_record
from okrkit.exercises.course import EXAM_EXERCISE
from okrkit.exercises.record import Assessment, Exercise, canonical
from okrkit.exercises.registry import exercises_of, self_check


@dataclass(frozen=True)
class Status:
    exercise: Exercise
    attempts: int
    assessment: Assessment | None

    @property
    def state(self) -> str:
        if self.assessment is None:
            return "not tried"
        return self.assessment.verdict


@dataclass(frozen=True)
class Progress:
    module: int
    statuses: tuple[Status, ...]

    @property
    def passed(self) -> int:
        return sum(s.state == "passed" for s in self.statuses)

    def __str__(self) -> str:
        lines = [f"Module {self.module}: {self.passed} of {len(self.statuses)} exercises passed"]
        lines += [f"  {s.exercise.id} {s.exercise.title}: {s.state}" for s in self.statuses]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from okrkit.exercises import render

        return render.progress(self)


class Practice:
    """The exercises of one module, checked one by one: ``practice.check("02-1", answer)``."""

    def __init__(self, module: int, record: bool = True):
        self.module = module
        self.record = record  # each check is added to the learner's record (okrkit-progress.json)
        self.record_problem: str | None = None  # why the last check could not be recorded
        self.exercises = exercises_of(module)
        if not self.exercises:
            raise ValueError(f"module {module} has no exercises")
        self.attempts: Counter = Counter()
        self.latest: dict[str, Assessment] = {}
        self.answered: dict[str, object] = {}  # the answer last checked, per exercise

    def check(self, exercise_id: str, answer: object) -> Assessment | float:
        """The verdict on an answer; each changed answer to the same exercise unlocks one more
        hint. Running the check again on the same answer unlocks nothing: hints reward a try.

        Under nbgrader's autograder (which sets NBGRADER_EXECUTION) the score alone, from 0 to 1:
        nbgrader takes a number shown by a grade cell as its partial credit."""
        tried = canonical(answer)
        if exercise_id not in self.answered or self.answered[exercise_id] != tried:
            self.attempts[exercise_id] += 1
        self.answered[exercise_id] = tried
        result = self_check(exercise_id, answer, self.attempts[exercise_id])
        self.latest[exercise_id] = result
        if self.record and exercise_id in {e.id for e in self.exercises}:
            self._record(result, answer)
        if os.environ.get("NBGRADER_EXECUTION") == "autograde":
            return round(result.score, 4)
        return result

    def _record(self, result: Assessment, answer: object) -> None:
        """Keep the check in the learner's record; a record that cannot be written never stops practice."""
        try:
            learner_record.record_exercise(result)
            if result.exercise_id == EXAM_EXERCISE and isinstance(answer, dict):
                learner_record.record_exam(certification.exam().grade(answer), result.exercise_id)
            self.record_problem = None
        except OSError as error:
            self.record_problem = f"your progress could not be recorded ({error})"

    def check_all(self) -> Progress:
        """Where the learner stands in this module, from the latest check of each exercise."""
        return Progress(self.module, tuple(Status(e, self.attempts[e.id], self.latest.get(e.id))
                                           for e in self.exercises))
