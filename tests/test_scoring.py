"""Progress and bands as RULES.md's scoring conventions say."""
import pytest

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
