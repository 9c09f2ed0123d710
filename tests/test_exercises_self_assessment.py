"""Module 7 exercises: the calibration drill against its references, and grading a quarter by OKR501-OKR504."""
import pytest

from okrkit import scoring
from okrkit.exercises import assess, exercise
from okrkit.exercises import self_assessment as m
from okrkit.formats.yamlsets import from_yaml


def lines(result):
    return "\n".join(result.feedback)


def graded(*rows):
    """The quarter with (score, note) filled in, key result by key result."""
    text = m.QUARTER
    for score, note in rows:
        text = text.replace('score:\n        note: ""', f'score: {score}\n        note: "{note}"', 1)
    return text


HONEST = graded((0.7, "Reached in week 4 when the phone system went live: I set this target too low."),
                (0.9, "A steady climb."), (0.9, "The last tickets were the hardest."),
                (0.8, "Both breaches came in the week the data centre failed."),
                (1.0, "Every escalation answered within the hour."), (1.0, "Promised and delivered."))


class TestDrill:
    def test_every_reference_lies_in_its_accepted_range(self):
        for case in m.CASES.values():
            low, high = case.accepted
            assert low <= case.reference <= high and 0 <= low <= high <= 1

    def test_the_references_pass(self):
        assert assess("07-1", {name: case.reference for name, case in m.CASES.items()}).passed

    def test_scoring_by_the_numbers_alone_misses_the_stories(self):
        by_numbers = {name: round(case.progress, 2) for name, case in m.CASES.items()}
        result = assess("07-1", by_numbers)
        assert not result.passed
        missed = {p.text.split(":")[0] for p in result.points if not p.ok}
        assert missed == {"case 2", "case 3", "case 4", "case 5"}

    def test_a_wrong_score_is_compared_and_explained(self):
        result = assess("07-1", {name: case.reference for name, case in m.CASES.items()} | {"case 4": 0.9})
        text = lines(result)
        assert "case 4: 0.9 is high: the numbers say 0.90, and the reference is 0.6" in text
        assert "more luck than hard work" in text

    def test_a_percentage_is_caught_by_okr501(self):
        result = assess("07-1", {"case 1": 70})
        assert "case 1: The score 70 is outside 0.0-1.0. Did you mean 0.7? (OKR501)" in lines(result)

    def test_missing_and_non_numeric_scores_are_not_yet(self):
        result = assess("07-1", {"Case 1": 0.7, "case 2": "0.8"})
        assert result.points[0].ok and "case 2: no score yet" in lines(result)


class TestQuarter:
    def test_an_honest_grading_passes(self):
        result = assess("07-2", HONEST)
        assert result.passed, lines(result)

    def test_scoring_by_progress_alone_trips_the_grading_rules(self):
        naive = graded(*((round(kr.progress, 2), "") for o in from_yaml(m.QUARTER).objectives
                         for kr in o.key_results))
        result = assess("07-2", naive)
        codes = {f.code for f in result.findings}
        assert not result.passed and {"OKR503", "OKR504"} <= codes
        assert "not yet: O1/KR1" in lines(result)

    def test_a_big_gap_needs_its_note(self):
        silent = HONEST.replace("Reached in week 4 when the phone system went live: I set this target too low.", "")
        result = assess("07-2", silent)
        assert not result.passed and any(f.code == "OKR502" for f in result.findings)

    def test_the_numbers_must_stay_the_teams(self):
        result = assess("07-2", HONEST.replace("current: 39", "current: 40"))
        assert not result.passed and "must stay as they were" in lines(result)

    def test_unreadable_yaml_is_explained_with_its_line(self):
        result = assess("07-2", HONEST.replace("score: 0.9", "score: [0.9", 1))
        assert not result.passed and "could not be read" in lines(result)

    @pytest.mark.parametrize("score", [1.3, 70])
    def test_out_of_range_scores_fail(self, score):
        result = assess("07-2", HONEST.replace("score: 0.8", f"score: {score}"))
        assert not result.passed and any(f.code == "OKR501" for f in result.findings)

    def test_the_objective_scores_read_as_the_course_expects(self):
        okr_set = from_yaml(HONEST)
        assert [scoring.band(scoring.objective_score(o)) for o in okr_set.objectives] == ["green", "green"]


@pytest.mark.parametrize("exercise_id", ["07-1", "07-2"])
def test_blank_answers_are_not_yet(exercise_id):
    assert "No answer yet" in lines(assess(exercise_id, exercise(exercise_id).starter))
