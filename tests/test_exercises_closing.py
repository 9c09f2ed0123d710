"""Module 8 exercises: closing by the rules OKR601-OKR605, and the blank sheet of the next cycle."""
import pytest

from okrkit.cycle import retro
from okrkit.exercises import assess, exercise
from okrkit.exercises import closing as m
from okrkit.formats.yamlsets import from_yaml

RETROS = (
    "execution: 3\n      decision: carry-forward\n      value: \"Market B has the most outlets still to win\"\n"
    "      learning: \"Agency time must be booked before the quarter\"\n      decided: \"Book it in the planning weeks\"",
    "execution: 4\n      decision: modify\n      learning: \"Recall moves too slowly to steer by\"\n"
    "      decided: \"Measure shelf listings instead\"",
    "execution: 4\n      decision: remove\n      learning: \"Owners reorder through their sales rep\"\n"
    "      decided: \"Move outlet news to the partner portal\"",
)
NEXT = """Team: Marketing
Level: team
Cycle: 2025-Q2
O: Launch an effective campaign to support growth of retail outlets
KR: Increase qualified leads from 392 to 550 in market A
KR: Increase qualified leads from 160 to 300 in market B
KR: Raise promotion sales from 8.4 to 12 Mil USD
O: Win the shelf space of the retail buyers who know us
KR: Increase shelf listings won from 120 to 180
KR: Raise the share of listings renewed from 60% to 80%
KR: Grow retail buyers who name us first from 11% to 20%
"""


def lines(result):
    return "\n".join(result.feedback)


def closed(*retros):
    text = m.TO_CLOSE
    for block in retros:
        start = text.index("      execution:\n      decision: \"\"")
        end = text.index("decided: \"\"\n", start) + len("decided: \"\"")
        text = text[:start] + "      " + block + text[end:]
    return text


class TestClose:
    def test_a_complete_closing_passes_and_shows_the_execution_diagnosis(self):
        result = assess("08-1", closed(*RETROS))
        assert result.passed, lines(result)
        assert [f.code for f in result.findings] == ["OKR605"] * 3

    def test_each_missing_answer_names_its_rule(self):
        result = assess("08-1", closed(RETROS[0].replace("value: \"Market B has the most outlets still to win\"",
                                                         "value: \"\""), RETROS[1].split("\n      learning")[0]))
        text = lines(result)
        assert not result.passed
        assert "(not yet, OKR602: O1)" in text and "(not yet, OKR603: O2, O3)" in text
        assert "(not yet, OKR601: O3)" in text and "Every objective rates its execution (1 to 5 stars) (not yet: O3)" in text

    def test_scores_must_stay(self):
        result = assess("08-1", closed(*RETROS).replace("score: 0.4", "score: 0.7"))
        assert not result.passed and "must stay as they were" in lines(result)

    def test_a_sixth_star_is_an_input_error_with_its_line(self):
        result = assess("08-1", closed(RETROS[0].replace("execution: 3", "execution: 6"), *RETROS[1:]))
        assert not result.passed and "expected 1 to 5 stars" in lines(result)


class TestDiagnose:
    def test_the_diagnoses_follow_okr605(self):
        assert {where: kind for where, (kind, _) in m.diagnoses().items()} == {
            "O1": "execution", "O2": "target", "O3": "none"}
        assert assess("08-2", {"O1": "poor execution", "o2": "The target or hypothesis", "O3": "achieved"}).passed

    def test_a_wrong_diagnosis_points_at_score_and_stars(self):
        result = assess("08-2", {"O1": "target", "O2": "target", "O3": "execution"})
        assert not result.passed and result.score == pytest.approx(1 / 3)
        assert "O3: not execution; look at its score and its stars together" in lines(result)


class TestBlankSheet:
    def test_a_fresh_draft_passes(self):
        result = assess("08-3", NEXT)
        assert result.passed, lines(result)

    def test_the_kits_own_next_draft_is_only_a_start(self):
        first = retro.next_draft(from_yaml(m.CLOSED))
        result = assess("08-3", first)
        assert not result.passed and "starts at 200, but it ended at 392" in lines(result)

    def test_an_abandoned_key_result_must_not_sneak_back(self):
        result = assess("08-3", NEXT + "KR: Cut unsubscribes from 1.5% to 1% per issue\n")
        assert not result.passed and "O3 was abandoned" in lines(result)

    def test_a_modified_objective_must_not_return_as_it_was(self):
        old = ("O: Make our brand the first one retail buyers think of\n"
               "KR: Raise aided brand recall among retail buyers from 33% to 45%\n"
               "KR: Increase retail buyers who name us first from 11% to 20%\n"
               "KR: Grow followers of our trade page from 4,100 to 5,000\n")
        draft = NEXT.split("O: Win")[0] + old
        result = assess("08-3", draft)
        assert not result.passed and "O2 came back unchanged" in lines(result)

    def test_it_is_the_next_cycle(self):
        result = assess("08-3", NEXT.replace("2025-Q2", "2025-Q1"))
        assert not result.passed and "Cycle: 2025-Q2" in lines(result)
        assert "Cycle: 2025-Q2" in lines(assess("08-3", NEXT.replace("2025-Q2", "next quarter")))


@pytest.mark.parametrize("exercise_id", ["08-1", "08-2", "08-3"])
def test_blank_answers_are_not_yet(exercise_id):
    assert "No answer yet" in lines(assess(exercise_id, exercise(exercise_id).starter))
