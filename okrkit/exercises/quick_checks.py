"""Quick checks inside a lesson: one question from the course's question bank, marked on the spot.

A lesson asks the question in a markdown cell (its options as a, b, c, d) and the learner answers
in the cell below, with a click in :class:`okrkit.widgets.QuickCheckForm` or in code:
``quick_check("m02-team-max", "c")``. Marking is the exam's own, lenient
(a choice by its letter or its text, a short answer by its key words), and the explanation
follows the first try, right or not: a quick check teaches, it does not grade. The questions of
the graded practice exam (exercise 10-1) are never quick checks.
"""
from __future__ import annotations

from dataclasses import dataclass

from okrkit.classroom.exam import Question, load_bank
from okrkit.pages.html import escape


@dataclass(frozen=True)
class QuickCheck:
    question: Question
    given: str

    @property
    def answered(self) -> bool:
        return bool(self.given.strip())

    @property
    def right(self) -> bool:
        return self.answered and self.question.accepts(self.given)

    @property
    def verdict(self) -> str:
        if not self.answered:
            return "Not answered yet: type your answer between the quotes and run the cell again."
        if self.right:
            return f"Right. {self.question.explanation}"
        return f"Not quite: the answer is {self.question.correct_text}. {self.question.explanation}"

    def __str__(self) -> str:
        mark = "✔" if self.right else "·" if not self.answered else "✖"
        return f"{mark} Quick check {self.question.id}: {self.verdict}"

    def _repr_html_(self) -> str:
        colour = "#1b7f3b" if self.right else "#999" if not self.answered else "#c77c00"
        mark = "✔" if self.right else "" if not self.answered else "✖"
        return (f'<div role="status" style="border-left:4px solid {colour};padding:4px 12px;margin:4px 0;'
                f'font-family:system-ui,sans-serif"><b>{mark} Quick check</b> {escape(self.verdict)}</div>')


def question(question_id: str) -> Question:
    return load_bank().by_id(question_id)


def quick_check(question_id: str, answer: object = "") -> QuickCheck:
    """Mark one answer to a quick check of a lesson (right or not, with the explanation)."""
    return QuickCheck(question(question_id), "" if answer is None else str(answer))


def as_markdown(q: Question) -> str:
    """The question as a lesson asks it, above its answer cell."""
    lines = [f"**Quick check.** {q.text}", ""]
    lines += [f"- **{key})** {text}" for key, text in q.options]
    how = "Pick your answer below" if q.options else "Type a few words below and press Enter"
    return "\n".join([*lines, "" if q.options else "", f"{how}: it is marked at once. (In code: "
                       f'`quick_check("{q.id}", "your answer")`.)']).replace("\n\n\n", "\n\n")
