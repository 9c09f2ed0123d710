"""The typical OKR cycle: dated milestones, a timeline, and an importable calendar file."""
from datetime import date, datetime, timezone

import matplotlib
import pytest

from okrkit.cycle import milestones
from okrkit.errors import InputError

matplotlib.use("Agg")


def by_step(cycle="2025-Q1", **options):
    return {m.step: m for m in milestones.milestones(cycle, **options)}


def test_the_decks_six_steps_are_dated_for_a_quarter():
    steps = by_step("2025-Q1")
    start = date(2025, 1, 1)
    assert (start - steps[1].start).days == 42  # brainstorm from 6 weeks before
    assert steps[1].end < steps[2].start
    assert (start - steps[2].start).days == 14  # company OKRs 2 weeks before
    assert steps[3].start == start  # team OKRs at the start
    assert (steps[4].start - start).days == 7  # individual OKRs a week later
    assert (steps[5].start, steps[5].end) == (start, date(2025, 3, 31))  # tracking throughout
    assert steps[6].end == date(2025, 3, 31) and steps[6].start > date(2025, 3, 1)  # scoring near the end


def test_spellings_and_brainstorm_window():
    assert by_step("Q3 2025")[3].start == date(2025, 7, 1)
    assert (date(2025, 7, 1) - by_step("2025-Q3", brainstorm_weeks=4)[1].start).days == 28
    with pytest.raises(InputError, match="4-6 weeks"):
        milestones.milestones("2025-Q1", brainstorm_weeks=8)


def test_longer_cycles_and_refusing_a_month():
    steps = by_step("2025-H2")
    assert steps[5].end == date(2025, 12, 31) and "half-year" in steps[5].when
    with pytest.raises(InputError, match="3 months to 1 year"):
        milestones.milestones("2025-03")
    with pytest.raises(InputError):
        milestones.milestones("next quarter")


def test_frame_has_one_row_per_step_with_dates():
    frame = milestones.frame(milestones.milestones("2025-Q1"))
    assert list(frame.index) == [1, 2, 3, 4, 5, 6]
    assert frame.loc[5, "days"] == 90
    assert str(frame.loc[3, "start"].date()) == "2025-01-01"


def test_timeline_draws_every_step_on_given_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    steps = milestones.milestones("2025-Q2")
    assert milestones.plot_timeline(steps, ax=ax) is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 6 and any("Brainstorm" in label for label in labels)
    plt.close(fig)
    assert milestones.plot_timeline(steps).figure is not None
    plt.close("all")


def test_ics_is_a_valid_calendar_with_all_day_events():
    stamp = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    text = milestones.to_ics(milestones.milestones("2025-Q1"), "Pilot; Q1, sales", stamp=stamp)
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert text.count("BEGIN:VEVENT") == 6 == text.count("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20241218" in text and "DTEND;VALUE=DATE:20241219" in text
    assert "DTSTAMP:20250102T030405Z" in lines
    assert "X-WR-CALNAME:Pilot\\; Q1\\, sales" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 6


def test_ics_folding_round_trips_and_keeps_the_same_uids():
    steps = milestones.milestones("2025-Q1")
    first, second = milestones.to_ics(steps), milestones.to_ics(steps)
    unfolded = first.replace("\r\n ", "")
    assert "near the end of the quarter: Contributors score their OKRs" in unfolded
    assert [line for line in first.split("\r\n") if line.startswith("UID")] == \
        [line for line in second.split("\r\n") if line.startswith("UID")]


def test_ics_reads_back_with_every_character_a_pilot_group_may_type():
    import icalendar

    name = "Équipe ventes; pilote, Q1 — 🚀 " * 4
    text = milestones.to_ics(milestones.milestones("2025-Q1"), name)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded by octets, not characters
    escaped = name.replace(";", "\\;").replace(",", "\\,")
    assert f"X-WR-CALNAME:{escaped}\r\n" in text.replace("\r\n ", "")  # unfolded: TEXT escaping, whole
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]).split(")")[0] for e in events] == ["1", "2", "3", "4", "5", "6"]
    assert events[4].decoded("DTSTART") == date(2025, 1, 1) and events[4].decoded("DTEND") == date(2025, 4, 1)
