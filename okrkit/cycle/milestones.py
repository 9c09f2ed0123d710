"""The typical OKR cycle of the deck as dated milestones, a timeline and a calendar file.

The deck walks through one quarter: brainstorm company OKRs 4-6 weeks before it starts,
communicate them 2 weeks before, share team OKRs at the start and individual OKRs a week
later, track throughout, and reflect and score near the end. A pilot group needs those as
dates in its own calendar, so they are computed here for any quarter (or half-year or year).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from okrkit.errors import InputError
from okrkit.formats.cycles import Cycle, parse_cycle


@dataclass(frozen=True)
class Milestone:
    step: int
    title: str
    when: str  # the deck's wording: "2 weeks before quarter"
    start: date
    end: date  # inclusive; equal to start for a one-day milestone
    description: str


def cycle_of(cycle: str | Cycle) -> Cycle:
    """The cycle to plan: "2025-Q1", "Q1 2025", "2025-H2" or "2025" (a month is too short for OKRs)."""
    found = cycle if isinstance(cycle, Cycle) else parse_cycle(str(cycle))
    if found.kind == "month":
        raise InputError(f"{found.label} is a month: OKR time frames run from 3 months to 1 year")
    return found


def milestones(cycle: str | Cycle, brainstorm_weeks: int = 6) -> tuple[Milestone, ...]:
    """The six steps of the typical cycle, dated for a quarter (or a half-year or year)."""
    if not 4 <= brainstorm_weeks <= 6:
        raise InputError(f"the deck starts brainstorming 4-6 weeks before the quarter, not {brainstorm_weeks}")
    found = cycle_of(cycle)
    start, end, label, period = found.start, found.end, _label(found), _PERIOD[found.kind]
    week = timedelta(weeks=1)
    return (
        Milestone(1, f"Brainstorm annual and {label} company OKRs", f"4-6 weeks before {period}",
                  start - brainstorm_weeks * week, start - 2 * week - timedelta(days=1),
                  "Senior leaders brainstorm top-line company OKRs (and the annual plan before a first quarter)."),
        Milestone(2, f"Communicate company-wide OKRs for {label}", f"2 weeks before {period}",
                  start - 2 * week, start - 2 * week,
                  "Company OKRs are final and communicated to everyone."),
        Milestone(3, f"Communicate team {label} OKRs", f"start of {period}", start, start,
                  "From the company OKRs, teams develop their OKRs and share them at their meetings."),
        Milestone(4, f"Share individual {label} OKRs", f"1 week after start of {period}", start + week,
                  start + week, "Contributors share their own OKRs, agreed with their managers in one-on-ones."),
        Milestone(5, "Track progress and check in", f"throughout the {period}", start, end,
                  "Contributors measure and share progress, check in with their managers, and recalibrate "
                  "when attainment looks unlikely."),
        Milestone(6, f"Reflect on and score {label} OKRs", f"near the end of the {period}",
                  end - 2 * week + timedelta(days=1), end,
                  "Contributors score their OKRs, assess themselves and reflect on what they accomplished."),
    )


_PERIOD = {"quarter": "quarter", "half": "half-year", "year": "year"}


def _label(cycle: Cycle) -> str:
    return {"quarter": f"Q{cycle.number} {cycle.year}", "half": f"H{cycle.number} {cycle.year}"}.get(
        cycle.kind, str(cycle.year))


def frame(steps: tuple[Milestone, ...]):
    """The milestones as a DataFrame: one row per step, dates as datetime64."""
    import pandas as pd

    frame = pd.DataFrame([{"step": m.step, "milestone": m.title, "when": m.when,
                           "start": pd.Timestamp(m.start), "end": pd.Timestamp(m.end),
                           "days": (m.end - m.start).days + 1, "description": m.description} for m in steps])
    return frame.set_index("step")


def plot_timeline(steps: tuple[Milestone, ...], ax=None):
    """A timeline: one bar per step (a diamond for one-day steps), the quarter shaded."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.6))
    quarter = next(m for m in steps if m.step == 5)
    ax.axvspan(mdates.date2num(quarter.start), mdates.date2num(quarter.end + timedelta(days=1)),
               color="#e8f0fe", zorder=0, label="the quarter")
    for row, m in enumerate(reversed(steps)):
        begin = mdates.date2num(m.start)
        if m.start == m.end:
            ax.plot([begin + 0.5], [row], marker="D", markersize=9, color="#0b5394", zorder=3)
        else:
            ax.barh(row, (m.end - m.start).days + 1, left=begin, height=0.4, color="#0b5394", zorder=2)
        ax.annotate(m.start.strftime("%d %b"), (begin, row), xytext=(0, 11), textcoords="offset points",
                    fontsize=7, color="#444")
    ax.set_yticks(range(len(steps)), [f"{m.step}. {m.title}" for m in reversed(steps)], fontsize=8)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_ylim(-0.7, len(steps) - 0.3)
    ax.set_title("A typical OKR cycle")
    ax.grid(axis="x", color="#ddd")
    return ax


def to_ics(steps: tuple[Milestone, ...], calendar_name: str = "OKR cycle", stamp: datetime | None = None) -> str:
    """An iCalendar file of all-day events that calendar programs import; stable UIDs re-import cleanly.

    icalendar does the RFC 5545 escaping, line folding and CRLF endings; it is imported here so
    that ``import okrkit`` stays light.
    """
    import icalendar

    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    anchor = next(m for m in steps if m.step == 3).start.isoformat()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//okrkit//OKR cycle//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", icalendar.vText(calendar_name))  # an X- property is TEXT, escaped as such
    for m in steps:
        event = icalendar.Event()
        event.add("uid", f"okr-cycle-{anchor}-step{m.step}@okrkit")
        event.add("dtstamp", stamp)
        event.add("dtstart", m.start)
        event.add("dtend", m.end + timedelta(days=1))  # all-day events end the day after, exclusive
        event.add("summary", f"{m.step}) {m.title}")
        event.add("description", f"{m.when}: {m.description}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
