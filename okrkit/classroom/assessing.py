"""Each distinct answer of a class assessed once.

A class of hundreds hands in the same starters, the same right answers and the same common
mistakes many times over; the judges are pure functions of the answer, so the verdict on an
answer cell's text is worked out for its first learner and reused for the rest. This is what
lets ``okrkit grade`` mark a company-wide training (1,000 learners x 10 notebooks) in seconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from okrkit.exercises import Assessment, assess


@dataclass
class Assessments:
    """The verdicts given so far, by exercise and answer text; one per grading run, never shared."""

    verdicts: dict[tuple[str, str], Assessment | Exception] = field(default_factory=dict)

    def __call__(self, exercise_id: str, source: str, value: Any) -> Assessment:
        """``assess(exercise_id, value)``, where ``value`` is what the answer text ``source`` assigns.

        A judge that raised on an answer raises the same error again for the same answer."""
        key = (exercise_id, source)
        verdict = self.verdicts.get(key)
        if verdict is None:
            try:
                verdict = assess(exercise_id, value)
            except Exception as error:  # noqa: BLE001 - remembered, and raised again to every caller
                verdict = error
            self.verdicts[key] = verdict
        if isinstance(verdict, Exception):
            raise verdict.with_traceback(None)
        return verdict
