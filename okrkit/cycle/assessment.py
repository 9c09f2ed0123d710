"""Grading reports as DataFrames: the deck's rating table, score reports, and calibration across a class.

The rating / reflecting table puts each key result's measured progress beside its score and
the owner's self-assessment. Across many sets (a class, or an organisation) the same numbers
show who grades above or below what was measured, who sandbags (every score 1.0), and whose
reported confidence ran ahead of the results.
"""
from __future__ import annotations

from collections.abc import Iterable

from okrkit import scoring
from okrkit.model import OKRSet, Organisation

CONFIDENCE_GAP = 0.15  # mean confidence this far above the results reads as over-confidence
MEAN_SCORE_GAP = 0.1  # scores this far above or below progress on average


def sets_of(targets: OKRSet | Organisation | Iterable[OKRSet | Organisation]) -> list[OKRSet]:
    """The sets of a set, an organisation, or any mix of them (a class's submissions)."""
    if isinstance(targets, (OKRSet, Organisation)):
        targets = [targets]
    found = []
    for target in targets:
        found.extend(target.sets if isinstance(target, Organisation) else [target])
    return found


def rating_table(okr_set: OKRSet):
    """One row per key result: progress, score, the gap between them, band, grade and note."""
    import pandas as pd

    rows = []
    for i, objective in enumerate(okr_set.objectives, 1):
        for j, kr in enumerate(objective.key_results, 1):
            measured, score = kr.progress, kr.score
            shown = score if scoring.valid_score(score) else None
            rows.append({
                "key result": f"O{i}/KR{j}", "text": kr.text, "progress": measured, "score": score,
                "gap": shown - measured if shown is not None and measured is not None else None,
                "band": scoring.band(shown) if shown is not None else None,
                "grade": scoring.grade(shown)[1] if shown is not None else None,
                "self-assessment": kr.note,
            })
    return pd.DataFrame(rows, columns=["key result", "text", "progress", "score", "gap", "band", "grade",
                                       "self-assessment"])


def score_report(targets):
    """One row per objective of each set: its score, band, and how it reads against its type's expectation."""
    import pandas as pd

    rows = []
    for okr_set in sets_of(targets):
        for i, objective in enumerate(okr_set.objectives, 1):
            score = scoring.objective_score(objective)
            kind = okr_set.objective_type(objective)
            rows.append({
                "set": okr_set.id or okr_set.name, "objective": f"O{i}", "title": objective.title, "type": kind,
                "expected": scoring.EXPECTED_SCORE[kind], "score": score,
                "band": scoring.band(score) if score is not None else None,
                "reading": scoring.expectation(score, kind) if score is not None else "not scored yet",
            })
    return pd.DataFrame(rows, columns=["set", "objective", "title", "type", "expected", "score", "band", "reading"])


def _verdicts(scores: list[float], gaps: list[float], confidence_gaps: list[float]) -> list[str]:
    said = []
    if len(scores) >= 2 and all(s >= 1.0 for s in scores):
        said.append("sandbagging: every score is 1.0")
    if gaps and sum(gaps) / len(gaps) >= MEAN_SCORE_GAP:
        said.append("scores above measured progress")
    elif gaps and sum(gaps) / len(gaps) <= -MEAN_SCORE_GAP:
        said.append("scores below measured progress")
    elif gaps and sum(1 for g in gaps if abs(g) >= scoring.ASSESSMENT_GAP - 1e-9) * 2 >= len(gaps):
        said.append("scores stray from measured progress both ways")
    if confidence_gaps and sum(confidence_gaps) / len(confidence_gaps) >= CONFIDENCE_GAP:
        said.append("over-confident: reported confidence ran ahead of the results")
    if said:
        return said
    return ["calibrated"] if scores else ["not scored yet"]


def calibration(targets):
    """One row per set: how its self-assessment compares with measured progress and reported confidence.

    ``score gap`` is the mean of score minus progress; ``confidence gap`` the mean of reported
    confidence minus the final score (the valid score, else the progress).
    """
    import pandas as pd

    rows = []
    for okr_set in sets_of(targets):
        krs = [kr for o in okr_set.objectives for kr in o.key_results]
        scores = [kr.score for kr in krs if scoring.valid_score(kr.score)]
        gaps = [kr.score - kr.progress for kr in krs if scoring.valid_score(kr.score) and kr.progress is not None]
        confidence_gaps = [kr.confidence - final for kr in krs
                           if kr.confidence is not None and (final := scoring.key_result_score(kr)) is not None]
        progress = [kr.progress for kr in krs if kr.progress is not None]
        rows.append({
            "set": okr_set.id or okr_set.name, "team": okr_set.name, "scored": len(scores),
            "mean progress": sum(progress) / len(progress) if progress else None,
            "mean score": sum(scores) / len(scores) if scores else None,
            "score gap": sum(gaps) / len(gaps) if gaps else None,
            "above progress": sum(1 for g in gaps if g >= scoring.ASSESSMENT_GAP - 1e-9),
            "below progress": sum(1 for g in gaps if g <= -scoring.ASSESSMENT_GAP + 1e-9),
            "confidence gap": sum(confidence_gaps) / len(confidence_gaps) if confidence_gaps else None,
            "verdict": "; ".join(_verdicts(scores, gaps, confidence_gaps)),
        })
    return pd.DataFrame(rows, columns=["set", "team", "scored", "mean progress", "mean score", "score gap",
                                       "above progress", "below progress", "confidence gap", "verdict"])


def confidence_table(targets):
    """One row per key result that reports a confidence: it beside the final score (the valid score, else
    the progress), in the columns :func:`okrkit.cycle.tracking.confidence_calibration` uses."""
    import pandas as pd

    rows = [{"set": okr_set.id or okr_set.name, "key result": f"O{i}/KR{j}", "text": kr.text, "check-ins": 1,
             "mean confidence": kr.confidence, "last confidence": kr.confidence, "final score": final,
             "gap": kr.confidence - final}
            for okr_set in sets_of(targets) for i, o in enumerate(okr_set.objectives, 1)
            for j, kr in enumerate(o.key_results, 1)
            if kr.confidence is not None and (final := scoring.key_result_score(kr)) is not None]
    return pd.DataFrame(rows, columns=["set", "key result", "text", "check-ins", "mean confidence",
                                       "last confidence", "final score", "gap"])


def closing_table(okr_set: OKRSet):
    """One row per objective of a closed cycle: score, execution stars, decision, value, learning, decided."""
    import pandas as pd

    rows = []
    for i, objective in enumerate(okr_set.objectives, 1):
        retro, score = objective.retro, scoring.objective_score(objective)
        rows.append({
            "objective": f"O{i}", "title": objective.title, "score": score,
            "band": scoring.band(score) if score is not None else None,
            "execution": "★" * retro.execution if retro and retro.execution else "",
            "decision": retro.decision if retro else "", "value": retro.value if retro else "",
            "learning": retro.learning if retro else "", "decided": retro.decided if retro else "",
        })
    return pd.DataFrame(rows, columns=["objective", "title", "score", "band", "execution", "decision", "value",
                                       "learning", "decided"])
