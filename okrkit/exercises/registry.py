"""The exercises of the course, and the one function that assesses an answer to any of them.

The learner's self-check cell and the instructor's grader both call :func:`assess`, so a
learner is never told "passed" by one and "failed" by the other.
"""
from __future__ import annotations

from okrkit.errors import InputError
from okrkit.exercises import (
    anatomy,
    cascading,
    certification,
    closing,
    horizontal,
    rollout,
    self_assessment,
    team_okrs,
    weekly_checkins,
    why_okrs,
)
from okrkit.exercises.record import Assessment, Exercise, Point, is_starter

EXERCISES: tuple[Exercise, ...] = (
    *why_okrs.EXERCISES, *anatomy.EXERCISES, *team_okrs.EXERCISES, *certification.EXERCISES,
    *cascading.EXERCISES, *horizontal.EXERCISES,
    *weekly_checkins.EXERCISES, *self_assessment.EXERCISES, *closing.EXERCISES, *rollout.EXERCISES,
)
_BY_ID = {e.id: e for e in EXERCISES}
_FORMS = {str: "a text between triple quotes", dict: "a dictionary { ... }", list: "a list [ ... ]",
          (int, float): "a number"}


def exercise(exercise_id: str) -> Exercise:
    """The exercise with this id ("02-1"), or a KeyError naming the known ids."""
    try:
        return _BY_ID[str(exercise_id).strip()]
    except KeyError:
        raise KeyError(f"no exercise {exercise_id!r}; known exercises: {', '.join(_BY_ID)}") from None


def exercises_of(module: int) -> tuple[Exercise, ...]:
    return tuple(e for e in EXERCISES if e.module == module)


def _fits(answer: object, answer_type) -> bool:
    return isinstance(answer, answer_type) and not isinstance(answer, bool)


def assess(exercise_id: str, answer: object, attempt: int = 1) -> Assessment:
    """Mark an answer: passed or not yet, a score from 0 to 1, what is done and what is not, and
    the first ``attempt`` hints while it has not passed. Never raises on a wrong answer."""
    ex = exercise(exercise_id)
    hints = ex.hints[:max(1, attempt)]
    if is_starter(ex, answer):
        return Assessment(ex.id, False, 0.0, (Point(False, "No answer yet: write yours in the answer cell, "
                                                           "run it, then run this check again"),), (), hints)
    if not _fits(answer, ex.answer_type):
        form = _FORMS.get(ex.answer_type, str(ex.answer_type))
        return Assessment(ex.id, False, 0.0, (Point(False, f"The answer should be {form}, not "
                                                           f"{type(answer).__name__} {answer!r:.40}"),), (), hints)
    try:
        marked = ex.judge(answer)
    except InputError as error:
        return Assessment(ex.id, False, 0.0, (Point(False, f"Your answer could not be read: {error}"),), (), hints)
    points = marked.points
    score = marked.score if marked.score is not None else (
        sum(p.ok for p in points) / len(points) if points else 0.0)
    passed = marked.passed if marked.passed is not None else bool(points) and all(p.ok for p in points)
    return Assessment(ex.id, passed, score, points, marked.findings, () if passed else hints, marked.review)


def self_check(exercise_id: str, answer: object, attempt: int = 1) -> Assessment:
    """What a self-check cell shows: the assessment, or a friendly note for an unknown exercise id."""
    try:
        return assess(exercise_id, answer, attempt)
    except KeyError as error:
        return Assessment(str(exercise_id), False, 0.0, (Point(False, str(error.args[0])),))
