"""Progress and bands as RULES.md's scoring conventions say."""
import pytest

from okrkit import scoring
from okrkit.model import KeyResult, Objective, OKRSet
from okrkit.scoring import band, grade, progress


@pytest.mark.parametrize("baseline, target, current, expected", [
    (20, 30, 27, 0.7), (0, 10, 7, 0.7), (None, 10, 7, 0.7), (120, 40, 60, 0.75),
    (20, 30, 35, 1.0), (20, 30, 10, 0.0), (400, 100, 90, 1.0),
])
def test_progress(baseline, target, current, expected):
    assert progress(baseline, target, current) == pytest.approx(expected)


def test_maintain_is_full_while_it_holds():
    assert progress(None, 99.9, 99.95, maintain=True) == 1.0
    assert progress(None, 99.9, 99.0, maintain=True) == 0.0


@pytest.mark.parametrize("score, name", [(0.0, "red"), (0.39, "red"), (0.4, "yellow"), (0.69, "yellow"),
                                         (0.7, "green"), (1.0, "green")])
def test_bands(score, name):
    assert band(score) == name


def test_grade_scale():
    assert grade(0.72) == (0.7, "what we hoped to achieve; difficult but attainable")
    assert grade(0.0)[0] == 0.0


class TestDirections:
    @pytest.mark.parametrize("baseline, target, current, expected", [
        (20, 30, 25, 0.5),  # increasing, halfway
        (20, 30, 15, 0.0),  # below the baseline
        (20, 30, 45, 1.0),  # beyond the target is clipped
        (6, 4, 5, 0.5),  # decreasing, halfway
        (6, 4, 7, 0.0),  # a decrease that went up
        (6, 4, 3, 1.0),  # beyond a decreasing target is clipped
    ])
    def test_increase_and_decrease_are_clipped(self, baseline, target, current, expected):
        assert progress(baseline, target, current) == pytest.approx(expected)

    def test_a_floor_holds_at_or_above_its_level(self):
        assert progress(None, 99.9, 99.9, maintain=True) == 1.0
        assert progress(None, 99.9, 99.89, maintain=True) == 0.0

    def test_a_ceiling_holds_at_or_below_its_level(self):
        assert progress(None, 2, 1.5, maintain=True, ceiling=True) == 1.0
        assert progress(None, 2, 2, maintain=True, ceiling=True) == 1.0
        assert progress(None, 2, 2.4, maintain=True, ceiling=True) == 0.0


@pytest.mark.parametrize("text, ceiling", [
    ("Keep churn below 2%", True), ("Stay under 5 incidents per month", True),
    ("Keep response time within 2 seconds", True), ("Keep churn at 2%", True),
    ("Maintain uptime at 99.9%", False), ("Keep NPS above 40", False), ("Hold CSAT at least at 4.5", False),
    ("Keep costs no more than 10k EUR", True),
])
def test_maintain_reads_floor_or_ceiling_from_the_words(text, ceiling):
    assert scoring.is_ceiling(text) is ceiling


class TestKeyResultProgress:
    def test_maintain_key_results_use_their_floor_or_ceiling(self):
        assert KeyResult("Keep churn below 2%", current=1.7).progress == 1.0
        assert KeyResult("Keep churn below 2%", current=2.3).progress == 0.0
        assert KeyResult("Maintain uptime at 99.9%", current=99.95).progress == 1.0
        assert KeyResult("Maintain uptime at 99.9%", current=99.5).progress == 0.0

    def test_a_relative_target_moves_the_baseline(self):
        kr = KeyResult("Increase monthly website visits by 30%", baseline=1000, current=1150)
        assert kr.progress == pytest.approx(0.5)

    def test_values_count_in_the_units_of_the_text(self):
        kr = KeyResult("Increase promotion sales from 5 to 10 Mil USD", current=8)
        assert kr.progress == pytest.approx(0.6)
        assert KeyResult("Increase promotion sales from 5 to 10 Mil USD", current=8_000_000).progress == \
            pytest.approx(0.6)

    def test_a_decrease_without_baseline_cannot_be_measured(self):
        assert KeyResult("Reduce wait time to 2 minutes", current=3).progress is None

    def test_no_value_no_progress(self):
        assert KeyResult("Grow revenue from 1 to 2 Mil USD").progress is None


class TestScores:
    def test_objective_score_is_the_mean_of_scores_with_progress_standing_in(self):
        objective = Objective("Win the north", (
            KeyResult("Grow sales from 10 to 20", current=15, score=0.9),
            KeyResult("Grow NPS from 20 to 40", current=30),  # no score: progress 0.5
        ))
        assert scoring.objective_score(objective) == pytest.approx(0.7)

    def test_weights_count_when_given(self):
        objective = Objective("Win the north", (KeyResult("A 1", score=1.0, weight=3), KeyResult("B 2", score=0.0)))
        assert scoring.objective_score(objective) == pytest.approx(0.75)

    def test_an_out_of_range_score_never_counts(self):
        kr = KeyResult("Grow sales from 10 to 20", current=17, score=70)
        assert scoring.key_result_score(kr) == pytest.approx(0.7)

    def test_nothing_to_score(self):
        assert scoring.objective_score(Objective("Win", (KeyResult("Be nicer"),))) is None

    def test_set_score_is_the_mean_of_objective_scores(self):
        okr_set = OKRSet((Objective("A", (KeyResult("x 1", score=0.2),)), Objective("B", (KeyResult("y 1", score=0.6),))))
        assert scoring.set_score(okr_set) == pytest.approx(0.4)

    def test_differs_is_robust_to_float_rounding(self):
        assert scoring.differs(0.9, 0.7)  # 0.20000000000000007 and 0.2 alike
        assert scoring.differs(0.5, 0.7)
        assert not scoring.differs(0.89, 0.7)


@pytest.mark.parametrize("score, kind, words", [
    (1.0, "committed", "delivered"), (0.9, "committed", "missed"), (0.95, "aspirational", "too low"),
    (0.7, "aspirational", "on the ~0.7"), (0.5, "aspirational", "short of"), (0.1, "aspirational", "little"),
])
def test_expectations_differ_for_committed_and_aspirational(score, kind, words):
    assert words in scoring.expectation(score, kind)
    assert scoring.EXPECTED_SCORE == {"committed": 1.0, "aspirational": 0.7}


@pytest.mark.parametrize("score, step", [(1.0, 1.0), (0.85, 1.0), (0.72, 0.7), (0.55, 0.5), (0.35, 0.3), (0.1, 0.0)])
def test_grade_scale_has_the_five_steps_of_the_deck(score, step):
    assert grade(score)[0] == step
    assert [s for s, _ in scoring.GRADE_SCALE] == [1.0, 0.7, 0.5, 0.3, 0.0]


def test_band_meanings_follow_the_deck():
    assert scoring.band_meaning(0.2) == "we failed to make real progress"
    assert scoring.band_meaning(0.4).startswith("we made progress")
    assert scoring.band_meaning(0.7) == "we delivered"
