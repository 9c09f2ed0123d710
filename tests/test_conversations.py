"""The deck's check-in agenda, CFR questions, habits to avoid and cadences, as data."""
from okrkit.cycle import conversations


def test_the_weekly_check_in_agenda():
    assert [item.title for item in conversations.CHECKIN_AGENDA] == ["Actions", "Decisions", "Communication"]
    assert all(item.detail for item in conversations.CHECKIN_AGENDA)
    assert conversations.CHECKIN_MINUTES == (10, 30)


def test_the_cfr_questions():
    assert len(conversations.CFR_QUESTIONS) == 4
    assert conversations.CFR_QUESTIONS[0] == "How are your OKRs coming along?"
    assert any("blockers" in q for q in conversations.CFR_QUESTIONS)


def test_check_ins_to_avoid_and_meeting_types():
    assert len(conversations.CHECKINS_TO_AVOID) == 3
    assert [m.title for m in conversations.MEETING_TYPES][2] == "One-on-one meetings"


def test_the_three_cadences():
    assert conversations.CADENCE_NAMES == ("regular weekly", "no plan, once in a while", "set and forget")
    assert "early risk detection" in conversations.cadence_named("regular weekly").consequences
    assert "sudden realization we are off course" in conversations.cadence_named("no plan, once in a while").consequences
