"""The course map: each module's lesson, exercises, the kit's time estimate and the deck slides it follows.

The course deck gives no times; the minutes here are the kit's own estimate of a module, lesson
and practice together: the totals of the timing table in docs/instructor-guide.md, which a
test keeps in step.
"""
from __future__ import annotations

from dataclasses import dataclass

LESSONS, EXERCISES = "notebooks", "exercises"
EXAM_EXERCISE = "10-1"  # the fixed practice exam: its checks also count as exam attempts


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    notebook: str  # the file name, the same in notebooks/ and (when it has exercises) in exercises/
    minutes: int  # the kit's estimate, lesson and exercises together
    slides: tuple[str, ...] = ()  # titles of the deck slides the lesson follows
    for_learners: bool = True  # False: a notebook for instructors and pilot leads
    summary: str = "In short"  # the lesson section that sums it up: where to start again on a weak topic

    @property
    def lesson(self) -> str:
        return f"{LESSONS}/{self.notebook}"

    @property
    def exercises(self) -> str:
        return f"{EXERCISES}/{self.notebook}"

    @property
    def label(self) -> str:
        return f"{self.number} · {self.title}"


MODULES: tuple[Module, ...] = (
    Module(0, "Start here", "00_start_here.ipynb", 20, summary="Let the kit check it"),
    Module(1, "Why OKRs, and why aspirational", "01_why_okrs.ipynb", 45, (
        "Why aspirational or learning OKRs?", "Neuro Traffic Lights",
        "Social dynamics directly affect the mental and physical state via messenger substances")),
    Module(2, "Anatomy of a strong OKR", "02_anatomy_of_a_strong_okr.ipynb", 75),
    Module(3, "Writing team OKRs", "03_writing_team_okrs.ipynb", 60, (
        "Setting OKR on Team Level", "Write Team OKRs", "To Decide on Team Goals",
        "Delegate the Key Results to the Team", "The IKEA Effect")),
    Module(4, "Alignment I: cascading", "04_alignment_cascading.ipynb", 60, (
        "Alignment", "Real OKR Example by Tesla", "Alignment Architecture",
        "Implicit (Reverse) Cascading Bottom – Up Approach")),
    Module(5, "Alignment II: horizontal and lateral", "05_alignment_horizontal.ipynb", 75, (
        "Horizontal Alignment", "Tunnel and Bridge Problem", "Avoid Silos via OKRs",
        "Avoid Silos via OKRs Exercise", "LATERAL ALIGNMENT EXAMPLE", "Alignment vs Autonomy")),
    Module(6, "Weekly check-ins and CFRs", "06_weekly_checkins_and_cfrs.ipynb", 45, (
        "Types of OKR Meetings / Conversations", "OKR Weekly Check-ins", "Capture Blockers / Risks",
        "OKR Check-ins – Consistency",
        "Good Questions asked for Conversation and Feedback (CFR) Weekly Check-ins",
        "OKR Weekly Check-ins to Avoid")),
    Module(7, "Grading and self-assessment", "07_grading_and_self_assessment.ipynb", 60, (
        "Rating of OKRs", "Grade Your OKRs", "Rating / Reflecting on OKRs")),
    Module(8, "Retrospectives and closing", "08_retrospectives_and_closing.ipynb", 45, (
        "Team Retrospective", "Organization Retrospective", "How to best close OKRs",
        "Learn from OKRs", "Reviewing OKRs")),
    Module(9, "Rolling out OKRs", "09_rolling_out_okrs.ipynb", 60, (
        "OKR Pilot Group", "Identify the Highest-Impact People", "Big Bang OKR roll-out",
        "OKR Implementation", "A Typical OKR Cycle")),
    Module(10, "Certification practice", "10_certification_practice.ipynb", 45, summary="Answer and get marked"),
    Module(11, "Onboarding a pilot group", "11_pilot_group_onboarding.ipynb", 45, for_learners=False,
           summary="1 · Choosing the pilot group"),
    Module(12, "The class dashboard", "12_class_dashboard.ipynb", 30, for_learners=False,
           summary="The gradebook"),
)
_BY_NUMBER = {m.number: m for m in MODULES}

# Where to look again when an exercise does not pass: the lesson section that teaches it.
SECTIONS: dict[str, str] = {
    "01-1": "Three tools, three jobs", "01-2": "Why ambition works: the brain at work",
    "01-3": "What a stretch looks like in numbers",
    "02-1": "A weak OKR", "02-2": "Every rule of the checker in action",
    "02-3": "Objective or key result?",
    "03-1": "Worked case: a regional support team", "03-2": "Delegate the key results to the team",
    "04-1": "Top-down: the battery system", "04-2": "Bottom-up: outlet expansion",
    "04-3": "What alignment is, and what it is not",
    "05-1": "Avoid silos via OKRs: the CRM example", "05-2": "The tunnel and bridge problem",
    "05-3": "The lateral alignment example",
    "06-1": "The weekly check-in", "06-2": "Consistency: regular weekly, once in a while, or set and forget",
    "06-3": "Reading the log", "06-4": "Blockers and risks",
    "07-1": "Calibration", "07-2": "Honest grading, by the rules",
    "08-1": "Closing each OKR", "08-2": "What the execution rating tells you",
    "08-3": "The next cycle starts from a blank sheet",
    "09-1": "Three ways to pilot", "09-2": "The implementation questions", "09-3": "The typical OKR cycle",
    "10-1": "Your turn",
}


def module(number: int) -> Module:
    try:
        return _BY_NUMBER[int(number)]
    except (KeyError, ValueError):
        raise KeyError(f"no module {number!r}; the modules are 0 to {MODULES[-1].number}") from None


def learner_modules() -> tuple[Module, ...]:
    return tuple(m for m in MODULES if m.for_learners)


def neighbours(number: int) -> tuple[Module | None, Module | None]:
    """The modules before and after this one, in course order (instructor notebooks follow on)."""
    at = [m.number for m in MODULES].index(module(number).number)
    return (MODULES[at - 1] if at else None, MODULES[at + 1] if at + 1 < len(MODULES) else None)


def total_minutes() -> int:
    return sum(m.minutes for m in learner_modules())
