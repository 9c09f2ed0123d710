"""Each distinct answer assessed once: the same verdicts as assessing every learner afresh."""
import pytest

from okrkit.classroom import assessing
from okrkit.classroom.assessing import Assessments
from okrkit.exercises import assess
from tests.classroom import STRONG_DRAFT, spotted_rules

WEAK = "Team: Sales\nCycle: 2025-Q2\nO: Sell more\nKR: Make more calls\n"


def test_verdicts_equal_a_fresh_assessment_and_are_worked_out_once(monkeypatch):
    calls = []

    def counting(exercise_id, value, attempt=1):
        calls.append((exercise_id, value))
        return assess(exercise_id, value, attempt)

    monkeypatch.setattr(assessing, "assess", counting)
    assessments = Assessments()
    answers = [("02-1", f"answer = {STRONG_DRAFT!r}", STRONG_DRAFT), ("02-1", f"answer = {WEAK!r}", WEAK),
               ("02-2", f"answer = {spotted_rules()!r}", spotted_rules())]
    for _ in range(3):  # three learners handing in the same three answers
        for exercise_id, source, value in answers:
            assert assessments(exercise_id, source, value) == assess(exercise_id, value)
    assert len(calls) == len(answers)
    assert assessments("02-1", f"answer = {STRONG_DRAFT!r}", STRONG_DRAFT).passed
    assert not assessments("02-1", f"answer = {WEAK!r}", WEAK).passed


def test_the_same_text_for_another_exercise_is_assessed_again():
    assessments = Assessments()
    assessments("02-1", "answer = 'x'", "x")
    assessments("03-1", "answer = 'x'", "x")
    assert set(assessments.verdicts) == {("02-1", "answer = 'x'"), ("03-1", "answer = 'x'")}


def test_a_judge_that_raises_raises_again_for_the_same_answer(monkeypatch):
    calls = []

    def broken(exercise_id, value, attempt=1):
        calls.append(value)
        raise ZeroDivisionError

    monkeypatch.setattr(assessing, "assess", broken)
    assessments = Assessments()
    for _ in range(2):
        with pytest.raises(ZeroDivisionError):
            assessments("02-1", "answer = 'x'", "x")
    assert calls == ["x"]
