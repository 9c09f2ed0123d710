"""Module 4 exercises judge cascading by the alignment rules: where the link goes, what it copies."""
import pytest

from okrkit.exercises import assess, exercise
from okrkit.exercises.cascading import STATEMENTS

LAB = """
id: battery-lab
team: Battery lab
level: team
objectives:
  - title: Build a battery prototype that stores far more energy
    aligns_to: company/O1/KR2
    key_results:
      - Increase prototype cell storage from 250 to 350 Wh/kg
      - Raise charge cycles before 80% capacity from 800 to 1,200
      - Cut the prototype's charging time from 40 to 25 minutes
"""

LOGISTICS = """
id: logistics
team: Logistics
objectives:
  - title: Stock every new outlet from its very first day
    aligns_to: company/O1
    key_results:
      - Raise on-time deliveries to new outlets from 80% to 98%
      - Cut days to stock a new outlet from 10 to 3
      - Reduce out-of-stock days per new outlet from 6 to 1 per month
"""


def lines(result):
    return "\n".join(result.feedback)


class TestExplicit:
    def test_a_cascaded_key_result_passes(self):
        result = assess("04-1", LAB)
        assert result.passed, lines(result)
        assert "explicit, top-down" in lines(result) and "prototype" in lines(result)

    def test_the_key_results_words_may_become_the_objective(self):
        """The deck turns a key result into a team objective; OKR102 does not fire on it."""
        verbatim = LAB.replace("Build a battery prototype that stores far more energy",
                               "Developing a prototype with a 40% higher storage")
        assert assess("04-1", verbatim).passed

    def test_a_link_to_the_objective_is_not_top_down(self):
        result = assess("04-1", LAB.replace("company/O1/KR2", "company/O1"))
        assert not result.passed and "an objective. Top-down" in lines(result)

    def test_a_link_to_nothing_says_why(self):
        result = assess("04-1", LAB.replace("company/O1/KR2", "company/O1/KR5"))
        assert not result.passed and "no KR5" in lines(result)
        assert "OKR404" in {f.code for f in result.findings}

    def test_an_objective_unrelated_to_its_key_result_is_named(self):
        result = assess("04-1", LAB.replace("Build a battery prototype that stores far more energy",
                                            "Make our charging cables the most durable on the market"))
        assert not result.passed and "should say in words what company/O1/KR2 asks for" in lines(result)

    def test_a_copied_company_key_result_is_caught(self):
        result = assess("04-1", LAB.replace("Increase prototype cell storage from 250 to 350 Wh/kg",
                                            "Developing a prototype with a 40% higher storage"))
        assert not result.passed and "battery-lab/O1/KR1 restates the key result the objective aligns to" in lines(result)

    def test_a_team_the_programme_already_has_is_refused(self):
        result = assess("04-1", LAB.replace("id: battery-lab", "id: procurement"))
        assert not result.passed and "give your team its own id" in lines(result)

    def test_unreadable_yaml_is_an_answer_that_did_not_pass(self):
        result = assess("04-1", LAB.replace("      - Cut the prototype's charging time from 40 to 25 minutes",
                                            "      - "))
        assert not result.passed and "could not be read" in lines(result) and "your answer:11:" in lines(result)


class TestImplicit:
    def test_an_own_objective_linked_to_the_company_objective_passes(self):
        result = assess("04-2", LOGISTICS)
        assert result.passed, lines(result)
        assert "implicit, bottom-up" in lines(result)

    def test_a_link_to_a_key_result_is_not_bottom_up(self):
        result = assess("04-2", LOGISTICS.replace("company/O1\n", "company/O1/KR1\n"))
        assert not result.passed and "a key result. Bottom-up" in lines(result)

    def test_a_rival_revenue_target_is_a_conflict(self):
        result = assess("04-2", LOGISTICS.replace("Cut days to stock a new outlet from 10 to 3",
                                                  "Increase revenue from 40 to 45 Mil USD"))
        assert not result.passed and "OKR403" in {f.code for f in result.findings}

    def test_another_teams_objective_is_not_your_own(self):
        result = assess("04-2", LOGISTICS.replace("Stock every new outlet from its very first day",
                                                  "Grow big with national retail outlets"))
        assert not result.passed and "already taken" in lines(result)

    def test_a_silo_does_not_pass(self):
        result = assess("04-2", LOGISTICS.replace("    aligns_to: company/O1\n", ""))
        assert not result.passed and "OKR402" in {f.code for f in result.findings}
        assert "has no aligns_to yet" in lines(result)


class TestIsOrIsNot:
    def test_the_decks_lists_pass_with_lenient_words(self):
        said = {"yes": "is", "Is not.": "is not", "isn't": "is not", "NOT": "is not"}
        words = {v: k for k, v in said.items()}
        answer = {statement.upper(): words[right] for statement, right in STATEMENTS.items()}
        assert assess("04-3", answer).passed

    def test_wrong_and_missing_labels_are_named(self):
        answer = {statement: "is" for statement in STATEMENTS}
        answer.pop("Collaborating across divisions and levels")
        result = assess("04-3", answer)
        wrong = sum(right == "is not" for right in STATEMENTS.values())
        assert not result.passed and lines(result).count('not "is"') == wrong
        assert "no answer yet" in lines(result)


@pytest.mark.parametrize("exercise_id", ["04-1", "04-2", "04-3"])
def test_the_starter_is_no_answer_and_asks_for_one(exercise_id):
    result = assess(exercise_id, exercise(exercise_id).starter)
    assert not result.passed and result.hints
