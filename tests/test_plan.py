"""The implementation plan: undecided questions, answers that contradict the course, YAML round trip."""
import pytest

from okrkit.errors import InputError
from okrkit.rollout import plan as plans
from okrkit.rollout.plan import Plan

SOUND = dict(levels=["company", "team"], objectives=3, key_results="3-5", scoring="grade-scale", cycle_months=3,
             tooling="Shared OKR spreadsheet", kr_updates="weekly", success="Pilot teams score around 0.7",
             tied_to_pay="no", incentives="Recognition at the all-hands", okrs_vs_kpis="KPIs on the dashboard",
             alignment="Three horizontal questions in planning", bottom_up_share="60%",
             agile_tools="Scrum, two-week sprints", pilot_group="strategic-initiative",
             pilot_people="Volunteers who answered the highest-impact questions", training="Half-day per role",
             facilitation="Workshops 6 and 2 weeks before the quarter")


def codes(plan):
    return {(f.topic, f.severity) for f in plans.flags(plan)}


def test_the_deck_asks_fifteen_questions_and_every_field_answers_one():
    assert len(plans.QUESTIONS) == 15
    answered = [f for q in plans.QUESTIONS for f in q.fields]
    assert sorted(answered) == sorted(plans.FIELDS)


def test_a_blank_plan_is_all_undecided_and_a_sound_one_is_decided_and_unflagged():
    assert len(plans.undecided(Plan())) == 15
    sound = Plan(**SOUND)
    assert plans.undecided(sound) == [] and plans.flags(sound) == []


def test_a_question_with_one_field_missing_is_still_undecided():
    half = Plan(**{**SOUND, "key_results": None})
    assert [q.topic for q in plans.undecided(half)] == ["Number"]


@pytest.mark.parametrize("change, topic", [
    ({"objectives": 5}, "Number"),
    ({"key_results": "2-7"}, "Number"),
    ({"cycle_months": "6 weeks"}, "Cycle Time"),
    ({"cycle_months": 18}, "Cycle Time"),
    ({"tied_to_pay": "yes"}, "Incentives"),
    ({"tied_to_pay": "partly", "incentives": ""}, "Incentives"),
    ({"bottom_up_share": 0}, "Bottoms-Up"),
    ({"bottom_up_share": 0.3}, "Bottoms-Up"),
    ({"kr_updates": "end of cycle"}, "KRs update"),
    ({"scoring": "pass/fail".replace("/", "-")}, "Scoring"),
])
def test_answers_that_contradict_the_course_are_warnings(change, topic):
    assert (topic, "warning") in codes(Plan(**{**SOUND, **change}))


def test_partly_tied_to_pay_with_care_and_the_edges_of_the_course_pass():
    assert codes(Plan(**{**SOUND, "tied_to_pay": "partly", "incentives": "Scores never enter the formula"})) == set()
    assert codes(Plan(**{**SOUND, "cycle_months": "1 year", "bottom_up_share": 0.5, "key_results": 5})) == set()


def test_second_looks_are_infos():
    found = codes(Plan(**{**SOUND, "levels": ["team"], "kr_updates": "monthly", "scoring": "percent"}))
    assert found == {("Levels", "info"), ("KRs update", "info"), ("Scoring", "info")}


def test_answers_are_tidied_on_creation():
    plan = Plan(levels="Team", key_results=4, cycle_months="quarter", bottom_up_share=70, tied_to_pay=False,
                pilot_group="Strategic Initiative", tooling="  ")
    assert plan.levels == ("team",) and plan.key_results == (4, 4) and plan.cycle_months == 3
    assert plan.bottom_up_share == 0.7 and plan.tied_to_pay == "no"
    assert plan.pilot_group == "strategic-initiative" and plan.tooling is None


@pytest.mark.parametrize("field, value", [
    ("levels", ["company", "tribe"]), ("objectives", "three"), ("objectives", True), ("key_results", "5-3"),
    ("cycle_months", "soon"), ("cycle_months", 0), ("bottom_up_share", "150%"), ("kr_updates", "daily"),
    ("tooling", {"a": 1}),
])
def test_impossible_answers_are_input_errors_naming_the_field(field, value):
    with pytest.raises(InputError, match=field):
        Plan(**{field: value})


def test_with_answers_rejects_unknown_fields_with_a_suggestion():
    assert plans.with_answers(Plan(), objectives=2).objectives == 2
    with pytest.raises(InputError, match="did you mean 'objectives'"):
        plans.with_answers(Plan(), objectivs=2)


def test_save_and_load_round_trip_with_awkward_text(tmp_path):
    plan = Plan(**{**SOUND, "tooling": 'Sheet # "v2": tabs,\nand a second line', "success": "- yes: 100%"})
    path = plans.save(plan, tmp_path / "plan.yaml")
    text = path.read_text()
    assert "# Incentives: How do we incentivize OKRs?" in text and "# no | partly | yes" in text
    assert plans.load(path) == plan
    assert plans.load(plans.save(Plan(), tmp_path / "blank.yaml")) == Plan()


def test_load_reports_the_file_and_line_of_a_bad_answer(write):
    path = write("plan.yaml", "levels: [company]\nobjectives: 3\ncycle_months: sometimes\n")
    with pytest.raises(InputError) as error:
        plans.load(path)
    assert error.value.path == str(path) and error.value.line == 3
    path = write("typo.yaml", "levels: [company]\nbotom_up_share: 0.5\n")
    with pytest.raises(InputError, match="did you mean 'bottom_up_share'") as error:
        plans.load(path)
    assert error.value.line == 2


def test_load_is_safe_yaml_only(write):
    path = write("evil.yaml", "tooling: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(InputError, match="not valid YAML"):
        plans.load(path)
    with pytest.raises(InputError, match="mapping"):
        plans.load(write("list.yaml", "- a\n- b\n"))
