"""The class dashboard's numbers: rules broken most, pass rates, score calibration."""
import pytest

from okrkit.classroom import dashboard, grading
from okrkit.exercises.record import Assessment
from tests.classroom import STRONG_DRAFT, module_2, save, spotted_rules

WEAK = "Team: Marketing\nO: Focus on marketing\nKR: Acquire more leads\n"


@pytest.fixture
def book(tmp_path):
    save(tmp_path / "ana" / "02_anatomy.ipynb", module_2(STRONG_DRAFT, spotted_rules()))
    save(tmp_path / "bo" / "02_anatomy.ipynb", module_2(WEAK))
    save(tmp_path / "cy" / "02_anatomy.ipynb", module_2(WEAK.replace("marketing", "growth")))
    return grading.grade_class(tmp_path)


def test_rules_broken_counts_learners_and_answers(book):
    frame = dashboard.rules_broken(book)
    assert frame.loc["OKR203", "learners"] == 2 and frame.loc["OKR203", "share of class"] == pytest.approx(2 / 3)
    assert frame.loc["OKR203", "rule"] == "key-result-not-measurable" and frame.loc["OKR203", "exercises"] == "02-1"
    assert list(frame["learners"]) == sorted(frame["learners"], reverse=True)


def test_pass_rates_per_exercise(book):
    frame = dashboard.pass_rates(book)
    assert frame.loc["02-1", "passed"] == 1 and frame.loc["02-1", "pass rate"] == pytest.approx(1 / 3)
    assert frame.loc["02-2", "answered"] == 1 and frame.loc["02-2", "missing"] == 2
    assert frame.loc["02-3", "missing"] == 3 and frame.loc["02-3", "mean score"] == 0


def test_scores_in_finds_numbers_on_the_score_scale():
    answer = {"case 1": 0.7, "case 2": {"score": 1.0, "note": "x"}, "count": 12, "flag": True, "list": [0.3, 5]}
    assert dashboard.scores_in(answer) == {"case 1": 0.7, "case 2/score": 1.0, "list/0": 0.3}
    assert dashboard.scores_in(0.4) == {"": 0.4} and dashboard.scores_in("0.4") == {}


def calibrated_book(answers):
    learners = tuple(grading.LearnerGrades(name, (grading.Graded(name, "01-1", 1, "graded",
                                                                 assessment=Assessment("01-1", True, 1.0, ()),
                                                                 answer=value),), (), ())
                     for name, value in answers.items())
    return grading.Gradebook(("01-1",), learners)


def test_calibration_against_the_class_median_and_against_a_reference():
    book = calibrated_book({"high": {"a": 0.9, "b": 1.0}, "mid": {"a": 0.7, "b": 0.5}, "low": {"a": 0.3, "b": 0.4}})
    by_median = dashboard.calibration(book)
    assert by_median.attrs["against"] == "the class median"
    assert by_median.loc["high", "verdict"] == "scores high" and by_median.loc["low", "verdict"] == "scores low"
    assert by_median.loc["mid", "mean gap"] == pytest.approx(0.0)
    by_reference = dashboard.calibration(book, {"01-1": {"a": 0.3, "b": 0.3}})
    assert by_reference.loc["mid", "verdict"] == "scores high"
    assert by_reference.loc["low", "mean gap"] == pytest.approx(0.05)


def test_reference_answers_are_read_from_solution_notebooks(tmp_path):
    save(tmp_path / "02_anatomy.ipynb", module_2(STRONG_DRAFT, ["OKR203"]))
    references = dashboard.reference_answers(tmp_path)
    assert references["02-2"] == ["OKR203"] and references["02-1"].strip().startswith("Team: Marketing")
