"""Module 10 exercise: a fixed practice exam with one question from every module, and one more."""
from __future__ import annotations

from okrkit.classroom.exam import Exam, fixed_exam
from okrkit.exercises.record import Exercise, Marked, Point

QUESTIONS = (
    "m00-where", "m01-expected-scores", "m02-kr-count", "m03-ikea", "m04-explicit",
    "m05-horizontal-questions", "m06-length", "m07-progress", "m08-blank-sheet",
    "m09-department-risk", "m10-diagnose", "m07-too-low",
)


def exam() -> Exam:
    """The exam of exercise 10-1: the same questions for every learner, so answers can be graded."""
    return fixed_exam(QUESTIONS)


def _judge_exam(answer: dict) -> Marked:
    result = exam().grade(answer)
    points = tuple(
        Point(True, f"{r.question.id}: right. {r.question.explanation}") if r.correct else
        Point(False, f"{r.question.id}: not yet; revisit module {r.question.module} "
                     f"({result.bank.title(r.question.module)}): {r.question.lesson}")
        for r in result.results)
    return Marked(points, score=result.score, passed=result.passed)


EXERCISES = (
    Exercise(
        id="10-1", title="A practice exam", module=10,
        task="Answer the twelve questions of the practice exam: a letter for a choice, a few words for "
             "a short answer. The pass mark is 70%.",
        answer_type=dict, starter={question: "" for question in QUESTIONS},
        hints=("Each question you missed names its module: reread that module, then try again.",
               "Answer a choice with its letter (\"b\"); a short answer needs only its key words "
               "(a number, or a name such as \"reverse cascading\").",
               "The numbers that come up most: 3 to 5 key results, 1 to 3 company objectives, 0.7 for "
               "green and for an aspirational OKR, 10 to 30 minutes for a check-in."),
        judge=_judge_exam,
    ),
)
