"""An exercise is a record: the task, a starter answer, hints, and a judge that marks answers.

A judge looks at the substance of an answer with the kit's own analyses (the rule checker,
progress, the exam's marking) and says what is right and what is still wrong, point by point.
The same judge serves the learner's self-check cell and the instructor's grader.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from okrkit.findings import Finding


@dataclass(frozen=True)
class Point:
    """One thing a judge looked at: done (``ok``) or not yet, said in a sentence."""

    ok: bool
    text: str


@dataclass(frozen=True)
class Marked:
    """What a judge says about one answer. Without ``score``/``passed`` they follow the points:
    the score is the share of points done, and the answer passes when every point is."""

    points: tuple[Point, ...]
    findings: tuple[Finding, ...] = ()
    score: float | None = None
    passed: bool | None = None
    review: tuple[str, ...] = ()  # what the judge could not decide about the content: an instructor looks


@dataclass(frozen=True)
class Exercise:
    id: str  # "02-1": module 2, exercise 1
    title: str
    module: int
    task: str  # what the learner must produce, in one or two sentences
    answer_type: type | tuple[type, ...]  # the Python type of a literal answer: str, dict, list, (int, float)
    starter: Any  # the literal an exercise notebook starts with; it never passes
    hints: tuple[str, ...]  # from general to specific: attempt n shows the first n
    judge: Callable[[Any], Marked]
    context: str = ""  # given material (a draft to mend, a company's OKRs), shown by the notebook

    def starter_code(self) -> str:
        """The answer cell's code in a learner's exercise notebook."""
        return f"answer = {literal(self.starter)}"

    def __post_init__(self):
        if not self.hints:
            raise ValueError(f"exercise {self.id} needs at least one hint")


@dataclass(frozen=True)
class Assessment:
    """The verdict on one answer: what the learner sees and what an instructor's grader records."""

    exercise_id: str
    passed: bool
    score: float  # 0.0-1.0
    points: tuple[Point, ...]
    findings: tuple[Finding, ...] = ()
    hints: tuple[str, ...] = ()
    review: tuple[str, ...] = ()  # content the judge could not decide: the gradebook says "needs review"

    @property
    def needs_review(self) -> bool:
        return self.passed and bool(self.review)

    @property
    def feedback(self) -> tuple[str, ...]:
        """The points as lines: "✔ ..." for what is done, "✖ ..." for what is not yet, and "?
        ..." for what an instructor reviews because the judge cannot decide it."""
        lines = tuple(f"{'✔' if p.ok else '✖'} {p.text}" for p in self.points)
        if self.needs_review:
            lines += (f"? The form is right; your instructor reviews the content ({'; '.join(self.review)})",)
        return lines

    @property
    def verdict(self) -> str:
        return "passed" if self.passed else "not yet"

    def as_dict(self) -> dict:
        return {
            "exercise": self.exercise_id, "passed": self.passed, "score": round(self.score, 3),
            "points": [{"ok": p.ok, "text": p.text} for p in self.points],
            "findings": [f.as_dict() for f in self.findings],
            "hints": list(self.hints), "needs_review": self.needs_review, "review": list(self.review),
        }

    def __str__(self) -> str:
        lines = [f"Exercise {self.exercise_id}: {self.verdict} (score {self.score:.0%})", *self.feedback]
        lines += [f"  {f.code} {f.where or 'set'}: {f.message}" for f in self.findings]
        lines += [f"Hint: {hint}" for hint in self.hints]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from okrkit.exercises import render

        return render.assessment(self)


def canonical(value: Any) -> Any:
    """An answer as compared with its starter: text without its outer blank lines and spaces."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(canonical(v) for v in value)
    return value


def is_starter(exercise: Exercise, answer: Any) -> bool:
    """Whether an answer is still the exercise's starter, or blank."""
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return True
    return type(answer) is type(exercise.starter) and canonical(answer) == canonical(exercise.starter)


def literal(value: Any, indent: int = 0) -> str:
    """Python source for a literal, laid out for a learner to edit: a text draft between triple
    quotes, one dictionary entry or list item per line."""
    pad = " " * indent
    if isinstance(value, str):
        if "\n" in value and '"""' not in value and "\\" not in value:
            body = value if value.startswith("\n") else "\n" + value
            return f'"""{body}"""'
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = "".join(f"{pad}    {literal(k)}: {literal(v, indent + 4)},\n" for k, v in value.items())
        return "{\n" + items + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]" if isinstance(value, list) else "()"
        items = "".join(f"{pad}    {literal(v, indent + 4)},\n" for v in value)
        return ("[\n" if isinstance(value, list) else "(\n") + items + pad + ("]" if isinstance(value, list) else ")")
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    raise TypeError(f"not a literal an answer cell can hold: {type(value).__name__}")
