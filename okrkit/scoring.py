"""Progress, scores, bands and grades, as the course defines them (RULES.md, scoring conventions).

Progress is measured (where the numbers got to); a score is the owner's judgement. Both are
on 0.0-1.0, and both read the same bands: red below 0.4, yellow below 0.7, green from 0.7.
A score outside 0.0-1.0 is a mistake (OKR501: "70" meant 0.7), so it never counts: the
measured progress stands in for it.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from okrkit.text.language import LazyPattern

if TYPE_CHECKING:
    from okrkit.model import KeyResult, Objective, OKRSet

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
ASSESSMENT_GAP = 0.2  # a score this far from measured progress needs a note (OKR502)
TOO_EASY = 0.9  # aspirational key results all scoring this high were no stretch (OKR504)
_EPSILON = 1e-9  # 0.9 - 0.7 is 0.20000000000000007 in floating point

# A "maintain" key result holds either a floor (uptime at least 99.9%) or a ceiling (churn
# below 2%). The words around the number say which; for a bare "at", the metric does.
_CEILING_WORDS = LazyPattern(
    r"\b(?:below|under|beneath|less\s+than|fewer\s+than|lower\s+than|at\s+most|no\s+more\s+than|"
    r"not\s+(?:more\s+than|exceed\w*|above)|up\s+to|max(?:imum)?|within)\b|[≤<]")
_FLOOR_WORDS = LazyPattern(
    r"\b(?:above|over|beyond|more\s+than|higher\s+than|at\s+least|no\s+less\s+than|no\s+fewer\s+than|"
    r"not\s+(?:below|under)|min(?:imum)?)\b|[≥>]")
_LOWER_IS_BETTER = LazyPattern(
    r"\b(?:churn|costs?|spend(?:ing)?|expenses?|incidents?|outages?|downtime|errors?|defects?|bugs?|"
    r"complaints?|latency|wait(?:ing)?|response\s+times?|lead\s+times?|cycle\s+times?|turnover|"
    r"attrition|overtime|backlog|returns|refunds|escalations|failures?|crash(?:es)?|delays?|"
    r"vulnerabilit(?:y|ies)|debt|waste|emissions|absences?|injur(?:y|ies)|accidents?)\b", re.I)


def progress(baseline: float | None, target: float, current: float, maintain: bool = False,
             ceiling: bool = False) -> float:
    """(current - baseline) / (target - baseline), clipped to 0.0-1.0; decreasing targets too.

    A key result with no baseline starts from 0. A *maintain* key result is 1.0 while it holds
    its level and 0.0 once it slips: at or above the target for a floor ("uptime at 99.9%"),
    at or below it for a ``ceiling`` ("churn below 2%").
    """
    start = 0.0 if baseline is None else float(baseline)
    if maintain:
        holds = current <= target if ceiling else current >= target
        return 1.0 if holds else 0.0
    if target == start:
        return 1.0 if current == target else 0.0
    return min(1.0, max(0.0, (current - start) / (target - start)))


def is_ceiling(text: str) -> bool:
    """Whether a maintain key result keeps a metric *under* its level ("keep churn below 2%")."""
    text = text.lower()
    if _CEILING_WORDS.search(text):
        return True
    if _FLOOR_WORDS.search(text):
        return False
    return bool(_LOWER_IS_BETTER.search(text))


def target_of(kr: KeyResult) -> float | None:
    """The value a key result must reach: stated, or its baseline moved by "by 30%" or "by 10 points"."""
    numbers = kr.measure
    if numbers.target is not None or numbers.baseline is None:
        return numbers.target
    if numbers.relative_change is not None:
        return numbers.baseline * (1 + numbers.relative_change)
    if numbers.change is not None:
        return numbers.baseline + (-numbers.change if numbers.direction == "decrease" else numbers.change)
    return None


def in_text_units(kr: KeyResult, value: float) -> float:
    """A value as the key result's text counts it: for "from 20 to 30 Mil USD", 25 means 25 Mil.

    The text's numbers carry their multiplier; a learner's current value or check-in usually
    does not. The reading closer to the target wins, as it does for "from 20 to 30 Mil".
    """
    target = kr.measure.target
    if kr.baseline is not None or kr.target is not None or not value or not target:
        return value
    from okrkit.text.numbers import quantities

    multiplier = next((q.multiplier for q in quantities(kr.text) if q.value == target), 1.0)
    scaled = value * multiplier
    if multiplier == 1.0 or abs(math.log(abs(scaled / target))) >= abs(math.log(abs(value / target))):
        return value
    return scaled


def key_result_progress(kr: KeyResult, value: float | None = None) -> float | None:
    """Measured progress of a key result at ``value`` (its ``current`` by default).

    None when there is nothing to measure: no value, no target, or a decrease with no
    baseline (counting a decrease from 0 would be meaningless).
    """
    value = kr.current if value is None else value
    target = target_of(kr)
    if value is None or target is None:
        return None
    value = in_text_units(kr, value)
    numbers = kr.measure
    if numbers.direction == "maintain":
        return progress(None, target, value, maintain=True, ceiling=is_ceiling(kr.text))
    if numbers.baseline is None and numbers.direction == "decrease":
        return None
    return progress(numbers.baseline, target, value)


def valid_score(score: float | None) -> bool:
    return score is not None and -_EPSILON <= score <= 1.0 + _EPSILON


def key_result_score(kr: KeyResult) -> float | None:
    """The self-assessed score when it is a valid one, else the measured progress."""
    return kr.score if valid_score(kr.score) else kr.progress


def objective_score(objective: Objective) -> float | None:
    """The mean of the key results' scores (progress where none is given), weighted when weights are."""
    pairs = [(score, kr.weight if kr.weight is not None and kr.weight > 0 else 1.0)
             for kr in objective.key_results if (score := key_result_score(kr)) is not None]
    total = sum(weight for _, weight in pairs)
    return sum(score * weight for score, weight in pairs) / total if pairs else None


def set_score(okr_set: OKRSet) -> float | None:
    """The mean of the objectives' scores."""
    scores = [s for o in okr_set.objectives if (s := objective_score(o)) is not None]
    return sum(scores) / len(scores) if scores else None


def differs(score: float, measured: float, by: float = ASSESSMENT_GAP) -> bool:
    """Whether a score and a progress are at least ``by`` apart (robust to float rounding)."""
    return abs(score - measured) >= by - _EPSILON


def band(score: float) -> str:
    """"red", "yellow" or "green" for a score or a progress on 0.0-1.0."""
    return next(name for limit, name, _ in BANDS if score < limit - _EPSILON)


def band_meaning(score: float) -> str:
    """Google's reading of a band, in the deck's words."""
    return next(meaning for limit, _, meaning in BANDS if score < limit - _EPSILON)


def grade(score: float) -> tuple[float, str]:
    """The step of the deck's grade scale nearest to a score, with its description."""
    return min(GRADE_SCALE, key=lambda step: abs(step[0] - score))


def expectation(score: float, kind: str = "aspirational") -> str:
    """How a score reads against what its type expects: 1.0 when committed, about 0.7 when aspirational."""
    if kind == "committed":
        if score >= 1.0 - _EPSILON:
            return "delivered, as a commitment should be"
        return "a commitment missed: say what got in the way"
    if score >= TOO_EASY - _EPSILON:
        return "above the ~0.7 a stretch aims for: the target may have been set too low"
    if score >= 0.7 - _EPSILON:
        return "on the ~0.7 a stretch goal aims for"
    if score >= 0.4 - _EPSILON:
        return "progress, short of the ~0.7 a stretch aims for"
    return "little real progress on the stretch"
