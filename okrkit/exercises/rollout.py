"""Module 9 exercises: choose a pilot group for four organisations, mend an implementation plan
until it answers every question of the deck in line with the course, and date the typical OKR
cycle for a quarter of the learner's choice."""
from __future__ import annotations

from datetime import date, timedelta

from okrkit.cycle import milestones
from okrkit.errors import InputError
from okrkit.exercises.judging import by_label, choice
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.cycles import parse_cycle
from okrkit.rollout import pilot, plan

# 09-1: four organisations, described as a coach would hear them.
ORGANISATIONS = {
    "A 35-person software start-up with two levels, whose founders want OKRs": (
        "The start-up", pilot.OrganisationFacts(people=35, levels=2, executive_sponsorship=True)),
    "A 600-person retailer with four levels and silos, launching a new outlet format with 40 people from "
    "sales, marketing, supply and IT": ("The retailer", pilot.OrganisationFacts(
        people=600, levels=4, cross_functional_initiative=True, silo_risk=True, initiative_people=40)),
    "A 300-person manufacturer with three levels, whose executives are not yet convinced, and whose "
    "departments work well together": ("The manufacturer", pilot.OrganisationFacts(
        people=300, levels=3, executive_sponsorship=False)),
    "A 900-person bank with five levels and silos, whose executives want OKRs, with no cross-department "
    "initiative this year": ("The bank", pilot.OrganisationFacts(
        people=900, levels=5, executive_sponsorship=True, silo_risk=True)),
}
_OPTION_WORDS = {
    "executive": "executive", "executive level": "executive", "executives": "executive",
    "department": "department", "department level": "department", "one department": "department",
    "strategic initiative": "strategic-initiative", "initiative": "strategic-initiative",
    "cross functional": "strategic-initiative", "squad": "strategic-initiative",
    "big bang": "big-bang", "big bang roll out": "big-bang", "everyone": "big-bang",
}
_OPTION_KEYS = tuple(o.key for o in (*pilot.OPTIONS, pilot.BIG_BANG))


def _judge_pilot(answer: dict) -> Marked:
    given = by_label(answer)
    points = []
    for described, (label, facts) in ORGANISATIONS.items():
        advice = pilot.recommend(facts)
        value = given.get(choice(described))
        said = _OPTION_WORDS.get(choice(value).replace("-", " ")) if isinstance(value, str) else None
        if said is None:
            points.append(Point(False, f"{label}: no answer yet ({', '.join(_OPTION_KEYS)})"))
        elif said != advice.option.key:
            rank = ("second", "third", "fourth")[[key for key, _ in advice.ranking].index(said) - 1]
            points.append(Point(False, f"{label}: not {pilot.option(said).name.lower()}, which fits {rank} best "
                                       f"of four here; its drawback: {pilot.option(said).cons[0]}"))
        else:
            points.append(Point(True, f"{label}: {advice.option.name.lower()}, because {'; '.join(advice.reasons)}"))
    return Marked(tuple(points))


# 09-2: a leadership team's first implementation plan, with answers a coach would question.
FIRST_PLAN = {
    "levels": ["company", "team"],
    "objectives": 5,
    "key_results": "3-5",
    "scoring": "pass-fail",
    "cycle_months": 2,
    "tooling": "One shared spreadsheet per quarter",
    "kr_updates": "quarterly",
    "success": None,
    "tied_to_pay": "yes",
    "incentives": None,
    "okrs_vs_kpis": "KPIs stay on the dashboard; a key result must move a number",
    "alignment": "Company OKRs first; every team answers the three horizontal-alignment questions",
    "bottom_up_share": "20%",
    "agile_tools": "Two-week sprints; the weekly check-in joins the sprint review",
    "pilot_group": None,
    "pilot_people": "Volunteers who answer the highest-impact questions",
    "training": None,
    "facilitation": "A drafting workshop 6 weeks before the quarter, company OKRs 2 weeks before",
}


def _judge_plan(answer: dict) -> Marked:
    bad_keys = [k for k in answer if not isinstance(k, str)]
    if bad_keys:
        raise InputError(f"plan fields are names such as 'levels', not {bad_keys[0]!r}")
    chosen = plan.with_answers(plan.Plan(), **answer)
    open_topics = {q.topic for q in plan.undecided(chosen)}
    warnings: dict[str, list[str]] = {}
    for flag in plan.flags(chosen):
        if flag.severity == "warning":
            warnings.setdefault(flag.topic, []).append(flag.message)
    points = []
    for question in plan.QUESTIONS:
        if question.topic in open_topics:
            missing = ", ".join(f for f in question.fields if getattr(chosen, f) is None)
            points.append(Point(False, f"{question.topic}: still undecided ({missing}): {question.ask}"))
        elif question.topic in warnings:
            points.append(Point(False, f"{question.topic}: {'; '.join(warnings[question.topic])}"))
        else:
            points.append(Point(True, f"{question.topic}: decided, in line with the course"))
    return Marked(tuple(points))


# 09-3: the typical OKR cycle, dated for a quarter the learner chooses.
STEPS = {
    "brainstorm company OKRs": 1,
    "communicate company-wide OKRs": 2,
    "communicate team OKRs": 3,
    "share individual OKRs": 4,
    "reflect on and score OKRs": 6,
}
SLACK_DAYS = 3  # a step may fall on the nearest working day


def _date(value: object) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def windows(quarter: str) -> dict[int, tuple[date, date]]:
    """The days on which each step of the typical cycle may fall, for a quarter ("2025-Q3")."""
    earliest, latest = milestones.milestones(quarter, 6), milestones.milestones(quarter, 4)
    slack = timedelta(days=SLACK_DAYS)
    found = {1: (earliest[0].start - slack, latest[0].start + slack)}
    for step in (2, 3, 4):
        day = earliest[step - 1].start
        found[step] = (day - slack, day + slack)
    found[6] = (earliest[5].start, earliest[5].end)
    return found


def _judge_cycle(answer: dict) -> Marked:
    given = by_label(answer)
    quarter = given.get("quarter")
    try:
        cycle = parse_cycle(quarter) if isinstance(quarter, str) and quarter.strip() else None
    except InputError:
        cycle = None
    if cycle is None or cycle.kind != "quarter":
        return Marked((Point(False, "Choose a quarter under \"quarter\", written like 2026-Q1"),))
    allowed = windows(cycle.label)
    steps = {m.step: m for m in milestones.milestones(cycle.label)}
    points = [Point(True, f"The cycle is planned for {cycle.label} ({cycle.start} to {cycle.end})")]
    for name, step in STEPS.items():
        value = given.get(choice(name))
        day = _date(value)
        low, high = allowed[step]
        when = steps[step].when
        if day is None:
            points.append(Point(False, f"{name}: give a date written YYYY-MM-DD ({when})"))
        elif low <= day <= high:
            points.append(Point(True, f"{name}: {day}, {when}"))
        else:
            points.append(Point(False, f"{name}: {day} is too {'early' if day < low else 'late'}; it comes {when}"))
    return Marked(tuple(points))


EXERCISES = (
    Exercise(
        id="09-1", title="Choose the pilot group", module=9,
        task="For each organisation, choose how to start with OKRs: \"executive\", \"department\", "
             "\"strategic initiative\" or \"big bang\".",
        answer_type=dict, starter={described: "" for described in ORGANISATIONS},
        hints=("Weigh each option's pros and cons against the facts: size and levels, silos, a cross-functional "
               "initiative, and whether the executives back OKRs.",
               "Big bang suits small, flat organisations. A department pilot reinforces silos where they exist. An "
               "executive pilot needs executives who want it.",
               "One organisation has a cross-functional launch: the deck calls that option an excellent approach."),
        judge=_judge_pilot,
    ),
    Exercise(
        id="09-2", title="Mend the implementation plan", module=9,
        task="A leadership team answered the deck's implementation questions. Mend its plan so that every "
             "question is answered and no answer contradicts the course.",
        answer_type=dict, starter=FIRST_PLAN,
        hints=("The check names each question still open or in conflict with the course; plan.flags() and "
               "plan.undecided() say the same.",
               "Look at the numbers: objectives per team, the cycle's length in months, how often key results are "
               "updated, the share of OKRs that start bottom-up.",
               "Choices: scoring grade-scale, percent or pass-fail; kr_updates weekly to end-of-cycle; tied_to_pay "
               "no, partly or yes; pilot_group executive, department, strategic-initiative or big-bang."),
        judge=_judge_plan,
    ),
    Exercise(
        id="09-3", title="Date the typical OKR cycle", module=9,
        task="Choose a quarter and date the typical OKR cycle for it: when to brainstorm and communicate company "
             "OKRs, communicate team OKRs, share individual OKRs, and reflect and score. Dates as YYYY-MM-DD.",
        answer_type=dict, starter={"quarter": "", **{name: "" for name in STEPS}},
        hints=("Start from the first day of your quarter; every step is counted from it.",
               "Brainstorming starts 4 to 6 weeks before the quarter, company OKRs go out 2 weeks before, team "
               "OKRs at the start, individual OKRs a week later.",
               "Reflecting and scoring happens near the end: in the quarter's last two weeks."),
        judge=_judge_cycle,
    ),
)
