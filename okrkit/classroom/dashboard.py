"""The class dashboard: what to re-teach after grading a class.

Three views of a :class:`~okrkit.classroom.grading.Gradebook`: the rules the class breaks most (from the
checker's findings on every answer), the pass rate of each exercise, and score calibration
across learners: on answers that are scores (numbers on the 0.0-1.0 scale), how far each
learner lands above or below the reference answer, or the class median when no reference is
given. Each view is a DataFrame, a plot (``ax=None``, returns the Axes) and part of one page.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from statistics import median
from typing import Any

from okrkit.classroom.grading import Gradebook
from okrkit.errors import InputError
from okrkit.exercises import exercise, read_answers
from okrkit.rules import rule

CALIBRATION_GAP = 0.1  # a learner's mean gap beyond this reads as scoring high or low


def rules_broken(gradebook: Gradebook):
    """Each rule that fired on the class's answers: how many learners and answers, and where."""
    import pandas as pd

    learners, answers, where = defaultdict(set), defaultdict(int), defaultdict(set)
    for learner in gradebook.learners:
        for graded in learner.graded:
            for finding in (graded.assessment.findings if graded.assessment else ()):
                learners[finding.code].add(learner.learner)
                answers[finding.code] += 1
                where[finding.code].add(graded.exercise_id)
    rows = [{"code": code, "rule": rule(code).name if _known(code) else "", "learners": len(learners[code]),
             "share of class": len(learners[code]) / max(1, len(gradebook.learners)), "answers": answers[code],
             "exercises": ", ".join(sorted(where[code]))} for code in learners]
    frame = pd.DataFrame(rows, columns=["code", "rule", "learners", "share of class", "answers", "exercises"])
    return frame.sort_values(["learners", "answers", "code"], ascending=[False, False, True]).set_index("code")


def _known(code: str) -> bool:
    try:
        rule(code)
    except KeyError:
        return False
    return True


def pass_rates(gradebook: Gradebook):
    """Per exercise: how many handed in an answer, how many passed, and the mean score."""
    import pandas as pd

    rows = []
    for index, exercise_id in enumerate(gradebook.exercises):
        graded = [learner.graded[index] for learner in gradebook.learners]
        count = {status: sum(g.status == status for g in graded) for status in ("graded", "no answer", "missing",
                                                                                  "unreadable")}
        passed = sum(g.passed for g in graded)
        rows.append({"exercise": exercise_id, "title": exercise(exercise_id).title, "learners": len(graded),
                     "answered": count["graded"], "passed": passed,
                     "pass rate": passed / len(graded) if graded else 0.0,
                     "mean score": sum(g.score for g in graded) / len(graded) if graded else 0.0,
                     "no answer": count["no answer"], "missing": count["missing"],
                     "unreadable": count["unreadable"]})
    return pd.DataFrame(rows, columns=["exercise", "title", "learners", "answered", "passed", "pass rate",
                                       "mean score", "no answer", "missing", "unreadable"]).set_index("exercise")


def scores_in(answer: Any, path: str = "") -> dict[str, float]:
    """The numbers on the 0.0-1.0 score scale inside an answer, by their place ("case 2", "0")."""
    if isinstance(answer, bool):
        return {}
    if isinstance(answer, (int, float)):
        return {path: float(answer)} if 0 <= answer <= 1 else {}
    items = answer.items() if isinstance(answer, dict) else enumerate(answer) if isinstance(answer, (list, tuple)) else ()
    found = {}
    for key, value in items:
        found.update(scores_in(value, f"{path}/{key}" if path else str(key)))
    return found


def reference_answers(folder: str | os.PathLike) -> dict[str, Any]:
    """The answers of the solution notebooks in a folder, read as data (nothing is run)."""
    found = {}
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            answers = read_answers(path)
        except RecursionError:  # JSON nested thousands deep
            raise InputError("is not a notebook (nested too deeply)", str(path)) from None
        found.update({i: cell.value for i, cell in answers.items() if cell.problem is None})
    return found


def calibration(gradebook: Gradebook, references: dict[str, Any] | None = None):
    """Per learner: the mean gap between their scores and the reference (or the class median)."""
    import pandas as pd

    given: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)  # (exercise, place) -> learner -> score
    for learner in gradebook.learners:
        for graded in learner.graded:
            if graded.status == "graded" and graded.assessment is not None:
                for place, score in scores_in(graded.answer).items():
                    given[(graded.exercise_id, place)][learner.learner] = score
    reference = {}
    for (exercise_id, place), scores in given.items():
        truth = scores_in((references or {}).get(exercise_id)).get(place)
        reference[(exercise_id, place)] = truth if truth is not None else median(scores.values())
    gaps: dict[str, list[float]] = defaultdict(list)
    for item, scores in given.items():
        for learner, score in scores.items():
            gaps[learner].append(score - reference[item])
    rows = [{"learner": learner, "scores": len(values), "mean gap": round(sum(values) / len(values), 3),
             "mean distance": round(sum(abs(v) for v in values) / len(values), 3)} for learner, values in gaps.items()]
    frame = pd.DataFrame(rows, columns=["learner", "scores", "mean gap", "mean distance"])
    frame["verdict"] = [("scores high" if gap > CALIBRATION_GAP else "scores low" if gap < -CALIBRATION_GAP
                         else "in line") for gap in frame["mean gap"]]
    frame.attrs["against"] = "the reference answers" if references else "the class median"
    return frame.sort_values("mean gap", ascending=False).set_index("learner")
