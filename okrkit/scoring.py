"""Progress, scores and bands, as the course defines them.

Progress is measured (where the numbers got to); a score is the owner's judgement. Both are
on 0.0-1.0, and both read the same bands: red below 0.4, yellow below 0.7, green from 0.7.
"""
from __future__ import annotations

BANDS = (
    (0.4, "red", "we failed to make real progress"),
    (0.7, "yellow", "we made progress, but fell short of completion"),
    (float("inf"), "green", "we delivered"),
)

GRADE_SCALE = (
    (1.0, "stretch target that felt nearly impossible to achieve"),
    (0.7, "what we hoped to achieve; difficult but attainable"),
    (0.5, "almost what we hoped to achieve, but not quite"),
    (0.3, "what we knew we could achieve with minimal effort"),
    (0.0, "no progress; an unacceptable result that needs an explanation"),
)

EXPECTED_SCORE = {"committed": 1.0, "aspirational": 0.7}


def progress(baseline: float | None, target: float, current: float, maintain: bool = False) -> float:
    """(current - baseline) / (target - baseline), clipped to 0.0-1.0; decreasing targets too.

    A key result with no baseline starts from 0. A *maintain* key result is 1.0 while it holds
    its level (current at or beyond the target) and 0.0 once it slips.
    """
    start = 0.0 if baseline is None else float(baseline)
    if maintain:
        return 1.0 if current >= target else 0.0
    if target == start:
        return 1.0 if current == target else 0.0
    return min(1.0, max(0.0, (current - start) / (target - start)))


def band(score: float) -> str:
    """"red", "yellow" or "green" for a score or a progress on 0.0-1.0."""
    return next(name for limit, name, _ in BANDS if score < limit)


def band_meaning(score: float) -> str:
    return next(meaning for limit, _, meaning in BANDS if score < limit)


def grade(score: float) -> tuple[float, str]:
    """The step of the deck's grade scale nearest to a score, with its description."""
    return min(GRADE_SCALE, key=lambda step: abs(step[0] - score))
