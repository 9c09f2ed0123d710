"""Exercises with instant feedback: the registry, assessing answers, and practice in notebooks.

    >>> from okrkit import exercises
    >>> exercises.assess("01-3", 343).passed
    True
    >>> exercises.assess("01-3", 310).passed
    False

A learner's self-check cell and an instructor's grader run the same :func:`assess`; the
grader reads answers from notebooks with :func:`read_answers` / :func:`assess_notebook`,
without executing them. See docs/exercises.md.
"""
from okrkit.exercises.course_map import show as my_progress
from okrkit.exercises.notebooks import AnswerCell, assess_notebook, read_answer, read_answers
from okrkit.exercises.quick_checks import quick_check
from okrkit.exercises.record import Assessment, Exercise, Marked, Point
from okrkit.exercises.registry import EXERCISES, assess, exercise, exercises_of, self_check
from okrkit.exercises.session import Practice, Progress

__all__ = [
    "EXERCISES", "AnswerCell", "Assessment", "Exercise", "Marked", "Point", "Practice", "Progress",
    "assess", "assess_notebook", "exercise", "exercises_of", "my_progress", "quick_check", "read_answer",
    "read_answers", "self_check",
]
