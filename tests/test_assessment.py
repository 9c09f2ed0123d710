"""Grading reports: the deck's rating table, score reports, calibration across a class, closing tables."""
import pytest

import okrkit
from okrkit.cycle import assessment
from okrkit.formats.yamlsets import from_yaml, organisation
from tests.conftest import DATA


def scored(set_id: str, rows: list[tuple[int, float, float | None]]) -> okrkit.OKRSet:
    """A set whose key results go from 0 to 10, each (current, score, confidence)."""
    krs = "".join(f"      - text: Bring in 10 new customers in region {i}\n        baseline: 0\n        target: 10\n"
                  f"        current: {current}\n        score: {score}\n"
                  + (f"        confidence: {confidence}\n" if confidence is not None else "")
                  for i, (current, score, confidence) in enumerate(rows, 1))
    return from_yaml(f"id: {set_id}\ncycle: 2025-Q1\nobjectives:\n  - title: Win new regions\n"
                     f"    key_results:\n{krs}")


def test_rating_table_follows_the_deck():
    table = assessment.rating_table(okrkit.load(DATA / "self-assessment.yaml"))
    assert list(table.columns) == ["key result", "text", "progress", "score", "gap", "band", "grade",
                                   "self-assessment"]
    first = table.iloc[0]
    assert (first["progress"], first["score"], first["band"]) == (pytest.approx(0.7), 0.9, "green")
    assert first["gap"] == pytest.approx(0.2)
    assert first["self-assessment"].startswith("Harder than planned")
    assert table.iloc[2].isna()["band"]  # an out-of-range score gets no band


def test_score_report_reads_each_objective_against_its_type():
    report = assessment.score_report(okrkit.load(DATA / "committed-and-sandbagging.yaml"))
    assert list(report["type"]) == ["committed", "aspirational"]
    assert list(report["expected"]) == [1.0, 0.7]
    assert report.iloc[0]["score"] == pytest.approx(0.75)
    assert "missed" in report.iloc[0]["reading"] and "too low" in report.iloc[1]["reading"]


class TestCalibration:
    def verdict(self, *sets):
        return list(assessment.calibration(list(sets))["verdict"])

    def test_always_one_point_oh_is_sandbagging(self):
        assert "sandbagging" in self.verdict(scored("a", [(10, 1.0, None), (10, 1.0, None)]))[0]

    def test_scores_above_and_below_progress(self):
        assert self.verdict(scored("a", [(5, 0.8, None), (6, 0.9, None)]))[0] == "scores above measured progress"
        assert self.verdict(scored("a", [(8, 0.5, None), (9, 0.6, None)]))[0] == "scores below measured progress"

    def test_scores_that_stray_both_ways(self):
        assert "both ways" in self.verdict(scored("a", [(7, 0.9, None), (8, 0.5, None)]))[0]

    def test_over_confidence(self):
        assert "over-confident" in self.verdict(scored("a", [(3, 0.3, 0.8), (4, 0.4, 0.9)]))[0]

    def test_calibrated_and_unscored(self):
        unscored = from_yaml("id: b\nobjectives:\n  - title: Win\n    key_results: [Grow sales from 1 to 2]\n")
        assert self.verdict(scored("a", [(7, 0.7, 0.7)]), unscored) == ["calibrated", "not scored yet"]

    def test_a_class_of_sets_and_organisations(self):
        frame = assessment.calibration([scored("a", [(7, 0.7, None)]),
                                        organisation([scored("b", [(5, 0.5, None)]), scored("c", [(1, 0.1, None)])])])
        assert list(frame["set"]) == ["a", "b", "c"]
        assert frame.iloc[0]["mean progress"] == pytest.approx(0.7)

    def test_confidence_table(self):
        table = assessment.confidence_table(scored("a", [(3, 0.3, 0.8), (4, 0.4, None)]))
        assert len(table) == 1 and table.iloc[0]["gap"] == pytest.approx(0.5)


def test_closing_table():
    table = assessment.closing_table(okrkit.load(DATA / "retro.yaml"))
    assert list(table["decision"]) == ["carry-forward", ""]
    assert list(table["execution"]) == ["★★★★", "★★"]
    assert list(table["band"]) == ["yellow", "red"]
