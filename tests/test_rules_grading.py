"""Self-assessment rules OKR501-OKR504 beyond their record examples: edges and what must not fire."""
import pytest

from okrkit.formats.yamlsets import from_yaml
from okrkit.rules import check


def set_with(key_results: str, objective_type: str = "aspirational", extra: str = "") -> str:
    return ("id: t\ncycle: 2025-Q1\nobjectives:\n  - title: Become the partner retailers trust first\n"
            f"    type: {objective_type}\n    key_results:\n{key_results}{extra}")


def kr(text="Bring in 10 new customers", baseline=0, target=10, current=7, score=None, note=None) -> str:
    lines = [f"      - text: {text}", f"        baseline: {baseline}", f"        target: {target}",
             f"        current: {current}"]
    if score is not None:
        lines.append(f"        score: {score}")
    if note is not None:
        lines.append(f"        note: \"{note}\"")
    return "\n".join(lines) + "\n"


def found(text: str, code: str) -> list:
    return [(f.where, f.message) for f in check(from_yaml(text)) if f.code == code]


class TestScoreOutOfRange:
    @pytest.mark.parametrize("score", [1.3, -0.1, 70, "70%"])
    def test_outside_zero_to_one(self, score):
        assert [w for w, _ in found(set_with(kr(score=score)), "OKR501")] == ["O1/KR1"]

    def test_a_percentage_gets_its_reading_suggested(self):
        assert "Did you mean 0.7?" in found(set_with(kr(score=70)), "OKR501")[0][1]

    @pytest.mark.parametrize("score", [0, 0.0, 1, 1.0, 0.55])
    def test_inside(self, score):
        assert not found(set_with(kr(score=score, note="fine")), "OKR501")

    def test_an_out_of_range_score_is_not_also_unexplained(self):
        assert not found(set_with(kr(score=1.3)), "OKR502")


class TestUnexplainedScore:
    def test_a_gap_of_exactly_0_2_fires(self):  # progress 0.7, score 0.9
        assert [w for w, _ in found(set_with(kr(score=0.9)), "OKR502")] == ["O1/KR1"]

    def test_below_the_gap_does_not(self):
        assert not found(set_with(kr(score=0.85)), "OKR502")

    def test_scoring_lower_than_progress_fires_too(self):
        assert found(set_with(kr(score=0.5)), "OKR502")

    def test_a_note_explains_it(self):
        assert not found(set_with(kr(score=0.9, note="Far tougher than we thought")), "OKR502")

    def test_a_blank_note_explains_nothing(self):
        assert found(set_with(kr(score=0.9, note="   ")), "OKR502")

    def test_without_measurable_progress_there_is_nothing_to_compare(self):
        text = set_with("      - text: Delight every customer\n        score: 0.2\n")
        assert not found(text, "OKR502")


class TestCommittedMiss:
    def test_committed_below_one_without_note(self):
        assert [w for w, _ in found(set_with(kr(score=0.7), "committed"), "OKR503")] == ["O1"]

    def test_a_note_on_any_key_result_explains_it(self):
        text = set_with(kr(score=0.7) + kr(text="Grow NPS from 20 to 40", baseline=20, target=40, current=40,
                                          score=1.0, note="Two deals slipped to July"), "committed")
        assert not found(text, "OKR503")

    def test_committed_in_full_is_fine(self):
        assert not found(set_with(kr(current=10, score=1.0), "committed"), "OKR503")

    def test_aspirational_misses_are_expected(self):
        assert not found(set_with(kr(score=0.7)), "OKR503")

    def test_the_set_type_makes_objectives_committed(self):
        text = "type: committed\n" + set_with(kr(score=0.7)).replace("    type: aspirational\n", "")
        assert found(text, "OKR503")

    def test_unscored_objectives_are_not_graded(self):
        assert not found(set_with(kr(), "committed"), "OKR503")


class TestTargetsTooLow:
    def test_every_aspirational_score_at_least_0_9_fires_once_on_the_set(self):
        text = set_with(kr(current=10, score=1.0) + kr(text="Grow NPS from 20 to 40", baseline=20, target=40,
                                                      current=39, score=0.9))
        assert [w for w, _ in found(text, "OKR504")] == [""]

    def test_one_real_stretch_is_enough(self):
        text = set_with(kr(current=10, score=1.0) + kr(text="Grow NPS from 20 to 40", baseline=20, target=40,
                                                      current=34, score=0.7))
        assert not found(text, "OKR504")

    def test_committed_objectives_do_not_count(self):
        assert not found(set_with(kr(current=10, score=1.0), "committed"), "OKR504")

    def test_unscored_sets_are_not_judged(self):
        assert not found(set_with(kr(current=10)), "OKR504")
