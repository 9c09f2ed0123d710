"""Closing rules OKR601-OKR605 beyond their record examples: a closed set, each decision, each diagnosis."""
import pytest

from okrkit.formats.yamlsets import from_yaml
from okrkit.rules import check

OBJECTIVE = ("  - title: {title}\n    key_results:\n"
             "      - text: Increase qualified leads from 200 to 400\n        current: {current}\n{score}{retro}")


def objective(title="Win the trade buyers' trust", current=380, score=None, retro=None) -> str:
    score_line = f"        score: {score}\n" if score is not None else ""
    retro_block = "    retro:\n" + "".join(f"      {line}\n" for line in retro.split("\n")) if retro else ""
    return OBJECTIVE.format(title=title, current=current, score=score_line, retro=retro_block)


def found(*objectives: str) -> list[tuple[str, str]]:
    text = "id: marketing\ncycle: 2025-Q1\nobjectives:\n" + "".join(objectives)
    return sorted((f.code, f.where) for f in check(from_yaml(text)) if f.code.startswith("OKR6"))


COMPLETE = "execution: 4\ndecision: keep\nlearning: Webinars beat trade fairs.\ndecided: Double the webinars."


def test_a_set_without_retro_blocks_is_not_closed():
    assert found(objective(), objective(title="Make buyers think of us first")) == []


def test_a_complete_closing_has_nothing_to_say():
    assert found(objective(retro=COMPLETE)) == []


def test_once_closed_every_objective_needs_its_closing():
    assert found(objective(retro=COMPLETE), objective(title="Make buyers think of us first")) == [
        ("OKR601", "O2"), ("OKR603", "O2")]


@pytest.mark.parametrize("decision", ["keep", "modify", "abandon", "remove", "Carry forward"])
def test_every_decision_of_the_deck_is_accepted(decision):
    retro = COMPLETE.replace("decision: keep", f"decision: {decision}")
    if "arry" in decision:
        retro += "\nvalue: Webinars still have untapped regions."
    assert found(objective(retro=retro)) == []


def test_carry_forward_needs_its_value():
    retro = COMPLETE.replace("decision: keep", "decision: carry-forward")
    assert found(objective(retro=retro)) == [("OKR602", "O1")]
    assert found(objective(retro=retro + "\nvalue: \"  \"")) == [("OKR602", "O1")]


def test_keep_is_not_asked_for_a_value():
    assert ("OKR602", "O1") not in found(objective(retro=COMPLETE))


def test_a_learning_without_a_decision_from_it():
    assert found(objective(retro=COMPLETE.replace("decided: Double the webinars.", ""))) == [("OKR604", "O1")]


def test_no_learning_is_not_also_a_missing_decision_from_it():
    retro = "execution: 4\ndecision: abandon"
    assert found(objective(retro=retro)) == [("OKR603", "O1")]


class TestExecutionDiagnosis:
    @staticmethod
    def message(current, execution, score=None):
        retro = COMPLETE.replace("execution: 4", f"execution: {execution}")
        text = "id: m\ncycle: 2025-Q1\nobjectives:\n" + objective(current=current, score=score, retro=retro)
        return [f.message for f in check(from_yaml(text)) if f.code == "OKR605"]

    def test_low_stars_point_at_execution(self):
        [message] = self.message(current=250, execution=2)  # progress 0.25
        assert "poor execution" in message and "0.25" in message

    def test_high_stars_point_at_the_target(self):
        [message] = self.message(current=250, execution=5)
        assert "target or the hypothesis" in message

    def test_three_stars_look_at_both(self):
        [message] = self.message(current=250, execution=3)
        assert "both" in message

    def test_the_score_wins_over_progress(self):
        assert self.message(current=250, execution=2, score=0.8) == []
        assert self.message(current=390, execution=2, score=0.5)

    def test_achieved_objectives_need_no_diagnosis(self):
        assert self.message(current=340, execution=1) == []  # progress 0.7

    def test_no_rating_no_diagnosis(self):
        text = "id: m\ncycle: 2025-Q1\nobjectives:\n" + objective(
            current=250, retro="decision: abandon\nlearning: Too early.\ndecided: Wait a year.")
        assert not [f for f in check(from_yaml(text)) if f.code == "OKR605"]
