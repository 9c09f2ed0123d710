"""Module 2 exercises: mend the guide's weak OKR, spot the rules a draft breaks, and turn a
metric objective into an objective with its key results."""
from __future__ import annotations

from okrkit.exercises import content
from okrkit.exercises.judging import choice, mark_draft, same_text
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.drafts import parse
from okrkit.rules import CATALOG, check
from okrkit.text.numbers import measure

WEAK = """Team: Marketing
Cycle: 2025-Q2
O: Focus on Go To Market
KR: Send 100% of scheduled newsletters
KR: Acquire more leads
KR: Be more effective at ABM Marketing
"""

TO_INSPECT = """Team: Support
O: Work on customer support
KR: Answer more tickets
KR: Hire 3 support agents
KR: Maintain first-response time at 4 hours
KR: Reduce wait time on calls to 2 minutes
"""

METRIC_OBJECTIVE = """Team: Company
Level: company
Cycle: 2025
O: Increase revenue from 40 to 50 Mil USD
KR: Grow the number of national retail outlets from 120 to 180
KR: Raise repeat purchases per outlet customer from 1.5 to 2 per quarter
"""
REVENUE = "Increase revenue from 40 to 50 Mil USD"

# What the marketing team and the outlet company can move, in their own words.
MARKETING = content.Domain("02-1", "marketing market go-to-market launch leads prospects accounts buyers customers "
                                   "clients visitors traffic website signups trials demos meetings deals conversion "
                                   "pipeline opportunities sales revenue brand awareness recall mentions press reach "
                                   "audience subscribers engagement campaign partners referrals inbound win share")
COMPANY = content.Domain("02-3", "revenue sales growth outlets stores retail national customers buyers purchases "
                                 "repeat orders market share margin profit regions partners shelf listings brand")


def _judge_mend(answer: str) -> Marked:
    okr_set, found, points = mark_draft(answer)
    changed = not same_text(answer, WEAK)
    reading = content.read(MARKETING, *content.texts_of([okr_set]))
    return Marked((Point(changed, "The draft is rewritten, not the weak one as it was"),
                   Point(bool(okr_set.objectives), "It has at least one objective"), *points, *reading.points),
                  tuple(found), review=tuple(reading.review))


def _code(said: object) -> str | None:
    """A rule named by its code ("OKR204", "okr204", "204") or its name ("key-result-is-a-task")."""
    word = choice(str(said) if isinstance(said, (str, int)) else "").replace(" ", "-")
    for rule in CATALOG:
        if word in (rule.code.lower(), rule.code[3:], rule.name):
            return rule.code
    return None


def _judge_spot(answer: list) -> Marked:
    reference = {f.code: f for f in check(parse(TO_INSPECT))}
    named = [(said, _code(said)) for said in answer]
    given = {code for _, code in named if code}
    points = [Point(code in given, f"{code} {f.name} fires at {f.where or 'set'}" if code in given
                    else "One rule that fires is still missing") for code, f in sorted(reference.items())]
    points += [Point(False, f"{said!r} is not a rule code or name") for said, code in named if not code]
    points += [Point(False, f"{code} does not fire on this draft") for code in sorted(given - set(reference))]
    return Marked(tuple(points))


def _judge_split(answer: str) -> Marked:
    okr_set, found, points = mark_draft(answer)
    target = measure(REVENUE)
    moved = any(("revenue" in kr.text.lower() and (kr.measure.baseline, kr.measure.target)
                 == (target.baseline, target.target))
                for o in okr_set.objectives for kr in o.key_results)
    worded = bool(okr_set.objectives) and not any(f.code == "OKR102" for f in found)
    reading = content.read(COMPANY, *content.texts_of([okr_set]))
    return Marked((Point(worded, "The objective says in words what matters, with no number in it"),
                   Point(moved, "The revenue target (from 40 to 50 Mil USD) is now a key result"),
                   *points, *reading.points), tuple(found), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="02-1", title="Mend the guide's weak OKR", module=2,
        task="Rewrite the marketing team's weak draft into a strong OKR that the checker has nothing "
             "to warn about.",
        answer_type=str, starter=WEAK, context=WEAK,
        hints=("Run okrkit.check on your draft: each finding names what is still wrong and how to mend it.",
               "Name the change you want in the objective (who wins what), and measure outcomes such as "
               "leads or conversions, not newsletters sent.",
               "Write each key result as 'Increase <metric> from <start> to <target>', and keep 3 to 5 of them."),
        judge=_judge_mend,
    ),
    Exercise(
        id="02-2", title="Spot the rules", module=2,
        task="List the codes (or names) of every rule the checker reports on the support team's draft, "
             "without running the checker first.",
        answer_type=list, starter=[], context=TO_INSPECT,
        hints=("Read the draft line by line: the objective, each key result, and what the set lacks as a whole.",
               "Six rules fire: one on the objective, four on the key results, one on the set.",
               "Look for a vague opener, a key result without a number, an activity verb, a metric kept "
               "where it is, a target without a starting point, and a missing cycle."),
        judge=_judge_spot,
    ),
    Exercise(
        id="02-3", title="An objective is not a metric", module=2,
        task="The company wrote its revenue target as the objective. Give it a qualitative objective and "
             "make the revenue target one of its key results.",
        answer_type=str, starter=METRIC_OBJECTIVE, context=METRIC_OBJECTIVE,
        hints=("An objective answers 'what matters?'; a key result proves it with a number.",
               "Ask why the company wants more revenue: what would be different? Put that in the objective.",
               f"Move '{REVENUE}' down to a KR: line and write the objective above it in words "
               "(the deck's company wrote 'Let's grow via our outlet expansion')."),
        judge=_judge_split,
    ),
)
