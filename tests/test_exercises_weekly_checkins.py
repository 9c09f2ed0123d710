"""Module 6 exercises judge check-ins with the kit's own log reader and tracking."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit.exercises import assess, exercise
from okrkit.exercises import weekly_checkins as m

CHECK_IN = """kr,date,value,confidence,blockers,risks,comment
O1/KR1,2025-02-21,322,0.8,,Call centre can qualify only 40 leads a week from March,
O1/KR2,2025-02-21,121,0.2,No one free at the agency for the market B launch,,
O1/KR3,2025-02-21,6.9,0.6,,,"Promotion started in the two late regions, at last"
"""


def lines(result):
    return "\n".join(result.feedback)


class TestAgenda:
    def test_the_reference_passes_and_explains_each_part(self):
        result = assess("06-1", dict(m.AGENDA_ITEMS))
        assert result.passed
        assert "fold them into meetings the team already holds" in lines(result)

    def test_labels_are_read_leniently(self):
        loose = {k.upper() + " ": {"actions": "Action", "decisions": "decision.", "communication": " Communication",
                                   "avoid": "AVOID"}[v] for k, v in m.AGENDA_ITEMS.items()}
        assert assess("06-1", loose).passed

    def test_an_extra_meeting_is_not_an_action(self):
        item = "Book an extra one-hour 'OKR meeting' next to the weekly team meeting"
        result = assess("06-1", dict(m.AGENDA_ITEMS, **{item: "actions"}))
        assert not result.passed and f"{item!r}: not actions" in lines(result)


class TestCadence:
    def test_each_team_reads_as_the_kit_classes_it(self):
        assert {team: m.team_cadence(team).name for team in m.TEAM_CHECK_INS} == {
            "Support": "regular weekly", "Finance": "no plan, once in a while", "Product": "set and forget"}

    def test_short_names_pass(self):
        assert assess("06-2", {"support": "weekly", "Finance": "once in a while", "product": "Set-and-forget"}).passed

    def test_a_wrong_cadence_shows_the_counts_to_look_at(self):
        result = assess("06-2", {"Support": "weekly", "Finance": "weekly", "Product": "set and forget"})
        assert not result.passed and "Finance: not regular weekly" in lines(result)
        assert "4 of 13 weeks" in lines(result)


class TestReading:
    def test_statuses_come_from_tracking(self):
        statuses = {t.where: t.status for t in m.sales_tracks()}
        assert statuses == {"O1/KR1": "on track", "O1/KR2": "off track", "O1/KR3": "at risk"}
        assert assess("06-3", statuses).passed

    def test_a_blocker_is_what_makes_the_difference(self):
        result = assess("06-3", {"O1/KR1": "on track", "O1/KR2": "off track", "O1/KR3": "on track"})
        assert not result.passed and "O1/KR3: not on track" in lines(result) and "blockers" in lines(result)


class TestCheckIn:
    def test_an_honest_complete_check_in_passes(self):
        result = assess("06-4", CHECK_IN)
        assert result.passed, lines(result)

    def test_a_log_typed_between_triple_quotes_reads_from_its_header(self):
        assert assess("06-4", "\n\n" + CHECK_IN).passed

    def test_values_are_compared_by_progress_not_by_text(self):
        assert assess("06-4", CHECK_IN.replace(",6.9,", ",6900000,")).passed
        wrong = assess("06-4", CHECK_IN.replace(",121,", ",131,"))
        assert not wrong.passed and "O1/KR2 is not 131" in lines(wrong)

    def test_a_blocker_filed_as_a_risk_is_explained(self):
        swapped = CHECK_IN.replace(",No one free at the agency for the market B launch,,",
                                   ",,No one free at the agency for the market B launch,")
        result = assess("06-4", swapped)
        assert not result.passed and "it stops progress now: a blocker" in lines(result)

    def test_sugarcoated_confidence_is_caught(self):
        rosy = CHECK_IN.replace(",121,0.2,", ",121,0.8,")
        result = assess("06-4", rosy)
        assert not result.passed and "O1/KR2 (off track, confidence 0.8)" in lines(result)

    def test_bad_rows_are_named_with_their_line(self):
        result = assess("06-4", CHECK_IN.replace("O1/KR3,2025-02-21", "O1/KR9,2025-02-21"))
        assert not result.passed and "line 4: no key result 'O1/KR9'" in lines(result)
        assert "not yet: O1/KR3" in lines(result)

    def test_the_starter_never_passes(self):
        filled = exercise("06-4").starter.replace(",,,,,", ",1,1,,,")
        assert not assess("06-4", filled).passed


@settings(max_examples=80, deadline=None)
@given(exercise_id=st.sampled_from(["06-1", "06-2", "06-3"]),
       answer=st.dictionaries(st.text(max_size=20), st.none() | st.text(max_size=20) | st.integers(), max_size=5))
def test_no_dictionary_makes_a_check_raise(exercise_id, answer):
    assert 0.0 <= assess(exercise_id, answer).score <= 1.0


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["O1/KR1", "O1/KR2", "O9/KR1", "", "x"]),
                               st.sampled_from(["2025-02-21", "2025-02-30", "2026-01-01", ""]),
                               st.sampled_from(["", "121", "nan", "-5", "1e400", "abc"]),
                               st.sampled_from(["", "0.5", "70%", "11", "inf"])), max_size=6))
def test_no_log_makes_the_check_raise(rows):
    text = "kr,date,value,confidence\n" + "".join(",".join(row) + "\n" for row in rows)
    result = assess("06-4", text)  # no blocker column: it can never pass
    assert not result.passed and result.points


@pytest.mark.parametrize("exercise_id", ["06-1", "06-2", "06-3", "06-4"])
def test_blank_answers_are_not_yet(exercise_id):
    result = assess(exercise_id, exercise(exercise_id).starter)
    assert not result.passed and "No answer yet" in lines(result)
