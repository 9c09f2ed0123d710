"""Module 9 exercises: pilot groups by pilot.recommend, the plan by plan.flags, the cycle by milestones."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit.exercises import assess, exercise
from okrkit.exercises import rollout as m
from okrkit.rollout import pilot

GOOD_PLAN = dict(m.FIRST_PLAN, objectives=3, scoring="grade-scale", cycle_months="quarter", kr_updates="weekly",
                 success="Every pilot team scores its OKRs and decides what to keep", tied_to_pay="no",
                 incentives="Recognition at the all-hands; scores never enter pay", bottom_up_share=0.6,
                 pilot_group="strategic initiative", training="Half a day per role, from VP to team")
CYCLE = {"quarter": "Q1 2026", "brainstorm company OKRs": "2025-11-17", "communicate company-wide OKRs": "2025-12-18",
         "communicate team OKRs": "2026-01-02", "share individual OKRs": "2026-01-08",
         "reflect on and score OKRs": "2026-03-20"}


def lines(result):
    return "\n".join(result.feedback)


class TestPilot:
    def test_the_four_organisations_get_four_different_options(self):
        keys = [pilot.recommend(facts).option.key for _, facts in m.ORGANISATIONS.values()]
        assert sorted(keys) == sorted(o.key for o in (*pilot.OPTIONS, pilot.BIG_BANG))

    def test_the_recommendations_pass_in_loose_words(self):
        words = {"big-bang": "Big bang", "strategic-initiative": "cross-functional", "department": "Department level",
                 "executive": "executives"}
        answer = {described: words[pilot.recommend(facts).option.key]
                  for described, (_, facts) in m.ORGANISATIONS.items()}
        assert assess("09-1", answer).passed

    def test_a_second_best_choice_names_its_drawback(self):
        described = next(iter(m.ORGANISATIONS))
        result = assess("09-1", {described: "department"})
        assert "The start-up: not department level, which fits second best" in lines(result)
        assert "reinforce silos" in lines(result)


class TestPlan:
    def test_a_mended_plan_passes(self):
        assert assess("09-2", GOOD_PLAN).passed

    def test_open_and_conflicting_answers_are_named_by_topic(self):
        result = assess("09-2", dict(m.FIRST_PLAN, tooling="A shared spreadsheet"))
        text = lines(result)
        assert "Number: 5 objectives per team" in text and "Success: still undecided (success)" in text
        assert sum(not p.ok for p in result.points) == 9

    def test_a_misspelt_field_is_an_input_error_with_a_suggestion(self):
        result = assess("09-2", dict(GOOD_PLAN, objectivs=3))
        assert not result.passed and "did you mean 'objectives'?" in lines(result)

    @settings(max_examples=80, deadline=None)
    @given(field=st.sampled_from(sorted(m.FIRST_PLAN)),
           value=st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
           | st.lists(st.text(max_size=5), max_size=3))
    def test_no_value_makes_the_check_raise(self, field, value):
        result = assess("09-2", dict(GOOD_PLAN, **{field: value}))
        assert 0.0 <= result.score <= 1.0


class TestCycle:
    def test_a_well_dated_quarter_passes(self):
        assert assess("09-3", CYCLE).passed

    @pytest.mark.parametrize("step, day, word", [("brainstorm company OKRs", "2025-12-10", "late"),
                                                 ("communicate team OKRs", "2025-12-20", "early"),
                                                 ("reflect on and score OKRs", "2026-04-02", "late")])
    def test_a_date_outside_its_window_says_which_way(self, step, day, word):
        result = assess("09-3", dict(CYCLE, **{step: day}))
        assert not result.passed and f"{step}: {day} is too {word}" in lines(result)

    def test_windows_follow_the_milestones(self):
        found = m.windows("2025-Q3")
        assert found[2] == (date(2025, 6, 14), date(2025, 6, 20))
        assert found[6] == (date(2025, 9, 17), date(2025, 9, 30))

    @pytest.mark.parametrize("quarter", ["", "2026", "2026-03", "next quarter"])
    def test_the_quarter_must_be_a_quarter(self, quarter):
        result = assess("09-3", dict(CYCLE, quarter=quarter))
        assert not result.passed and "Choose a quarter" in lines(result)


@pytest.mark.parametrize("exercise_id", ["09-1", "09-2", "09-3"])
def test_blank_answers_are_not_yet(exercise_id):
    assert "No answer yet" in lines(assess(exercise_id, exercise(exercise_id).starter))
