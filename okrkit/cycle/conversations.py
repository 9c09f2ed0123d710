"""The conversations that keep OKRs alive during a cycle, as data for notebooks and widgets.

The deck names three kinds of OKR meetings, a three-part agenda for the weekly check-in,
four CFR (conversation, feedback, recognition) questions for one-on-ones, three habits of
check-ins to avoid, and three check-in cadences with what each leads to. The questions are
the deck's; the explanations are ours.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One entry of a list from the course: its title and what it means in practice."""

    title: str
    detail: str = ""


MEETING_TYPES = (
    Item("Team performance meetings", "the weekly check-ins: short, regular, about progress and blockers"),
    Item("Strategy meetings", "setting OKRs up: drafting, aligning and agreeing them for a cycle"),
    Item("One-on-one meetings", "CFRs: conversation and feedback between a lead and one team member"),
)

CHECKIN_MINUTES = (10, 30)  # the deck: a weekly check-in takes 10-30 minutes

CHECKIN_AGENDA = (
    Item("Actions", "What moved each key result since last week, and what will we do this week? "
                    "Update the numbers and the confidence."),
    Item("Decisions", "What must be decided now: re-prioritise, unblock, ask for help, or adjust a target "
                      "that no longer makes sense?"),
    Item("Communication", "Who needs to know what we found: other teams we depend on or support, and "
                          "leadership when a key result is off track?"),
)

CFR_QUESTIONS = (
    "How are your OKRs coming along?",
    "What critical capabilities do you need to be successful?",
    "Are there any blockers that could stop you from attaining your objectives?",
    "What OKRs need to be adjusted—or added, or eliminated—in light of shifting priorities?",
)

CHECKINS_TO_AVOID = (
    Item("Thinking you don't need check-ins",
         "without them OKRs do not stick, and the team learns slowly; the check-in is where learning happens"),
    Item("Check-ins as additional meetings",
         "fold them into meetings the team already holds instead of adding one more to the calendar"),
    Item("Check-ins as project management meetings",
         "a check-in is about outcomes and confidence; if it turns into a task review, the OKRs hold too "
         "many tasks"),
)

BLOCKERS_AND_RISKS = (
    Item("Blocker", "something that stops progress on a key result now and needs help within a day"),
    Item("Risk", "something that may stop progress later; to be solved before it becomes a blocker"),
    Item("Solved", "a blocker or risk no longer reported at the latest check-in"),
)


@dataclass(frozen=True)
class Cadence:
    """One of the deck's check-in cadences and what it leads to."""

    name: str
    pattern: str  # how to recognise it in a check-in log, in our words
    consequences: tuple[str, ...]  # the deck's list


CADENCES = (
    Cadence("regular weekly", "a check-in in nearly every week (one week in four may be missed), never two "
                              "weeks without one",
            ("check-in meetings", "high transparency", "leadership", "weekly updates keep OKRs top of mind",
             "early risk detection")),
    Cadence("no plan, once in a while", "check-ins happen, but with gaps of more than two weeks or many "
                                        "weeks missed",
            ("lack of consistency", "sudden realization we are off course", "no discipline")),
    Cadence("set and forget", "no check-in at all, or none for the last four weeks",
            ("no focus on the OKR set", "lost confidence in leadership and the OKR program")),
)
CADENCE_NAMES = tuple(c.name for c in CADENCES)


def cadence_named(name: str) -> Cadence:
    return next(c for c in CADENCES if c.name == name)
