"""Module 3 exercises: the deck's "Write team OKRs" (one objective linked to a company key result)
and "Delegate the key results to the team" (management gives the objective, the team the KRs)."""
from __future__ import annotations

import re
from dataclasses import replace

from okrkit.alignment.graph import of
from okrkit.exercises import content
from okrkit.exercises.judging import restated_parent_point, rule_points, same_text
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import organisation
from okrkit.model import OKRSet
from okrkit.rules import check

# The deck's outlet-expansion company OKR, with key results a strategy team might add to it.
COMPANY = """Team: Company
Level: company
Cycle: 2025
O: Let's grow via our outlet expansion
KR: Increase revenue from 40 to 50 Mil USD
KR: Grow the number of national retail outlets from 120 to 180
KR: Raise repeat purchases per outlet customer from 1.5 to 2 per quarter
"""

MANAGEMENT = """Team: Management
Level: company
Cycle: 2025-Q3
O: Delight first-time buyers in our web shop
"""
# What a team of the outlet company, and the web shop's team, can move, in their own words.
OUTLET_TEAM = content.Domain("03-1", "revenue sales outlets stores retail national region regional market customers "
                                     "buyers purchases repeat orders order value basket range listings shelf partners "
                                     "satisfaction support complaints returns delivery deliveries stock margin share")
WEB_SHOP = content.Domain("03-2", "web shop online first-time buyers customers visitors orders order conversion "
                                  "checkout basket cart returns refunds satisfaction reviews ratings repeat purchases "
                                  "delivery support complaints onboarding account signups")
LINK_WORDS = 2  # the deck's exercise links a team's OKR to a company metric: it must speak of it
_REFERENCE = re.compile(r"^(?:company\s*/\s*)?o\s*(\d+)(?:\s*/\s*kr\s*(\d+))?$", re.I)


def _company() -> OKRSet:
    return replace(parse(COMPANY, "company OKRs"), id="company")


def _linked(company: OKRSet, link: str) -> tuple[str, str] | None:
    """The canonical reference ("company/O1/KR2") and the text it points at, or None."""
    match = _REFERENCE.match(link.strip())
    if not match:
        return None
    o, kr = int(match[1]), match[2] and int(match[2])
    if not 1 <= o <= len(company.objectives):
        return None
    objective = company.objectives[o - 1]
    if not kr:
        return f"company/O{o}", " ".join([objective.title, *(k.text for k in objective.key_results)])
    if not 1 <= kr <= len(objective.key_results):
        return None
    return f"company/O{o}/KR{kr}", objective.key_results[kr - 1].text


def _judge_team_okr(answer: dict) -> Marked:
    company = _company()
    link, draft = answer.get("links_to"), answer.get("draft")
    if not isinstance(draft, str) or not draft.strip():
        return Marked((Point(False, "Write the team's draft under \"draft\", between the triple quotes"),))
    linked = _linked(company, link) if isinstance(link, str) else None
    team = parse(draft, "your draft")
    team = replace(team, id="team", objectives=tuple(replace(o, aligns_to=linked[0] if linked else None)
                                                     for o in team.objectives))
    placed = organisation([company, team])
    found = [f for f in check(placed) if f.where.startswith("team")]
    words = content.related(draft, linked[1]) if linked else set()
    wanted = min(LINK_WORDS, len(content.related(linked[1], linked[1]))) if linked else LINK_WORDS
    reading = content.read(OUTLET_TEAM, *content.texts_of([team]), keep_given=False)
    points = [
        Point(bool(linked), f"It links to {linked[0]}" if linked else
              "\"links_to\" names a key result or objective of the company's OKRs, such as company/O1/KR2"),
        Point(len(team.objectives) == 1, "It has one team objective, as the deck's exercise asks"),
        Point(team.level in ("team", "department"), "It is a team's (or department's) set, not the company's"),
        Point(bool(words) and len(words) >= wanted,
              f"It relates to what it links to (both speak of {', '.join(sorted(words))})" if words and
              len(words) >= wanted else f"It relates visibly to what it links to ('{linked[1] if linked else ''}'): "
              "name the metric or the result it moves" + (f"; one shared word ({', '.join(words)}) is not "
                                                          "enough" if words else "")),
        restated_parent_point(of(placed), ["team"]),
        *rule_points(found, tolerated=frozenset({"OKR201"}), aligned=True),  # the deck: at least one KR
        *reading.points,
    ]
    return Marked(tuple(points), tuple(found), review=tuple(reading.review))


def _judge_delegated(answer: str) -> Marked:
    given = parse(MANAGEMENT).objectives[0].title
    team = parse(answer, "your draft")
    found = check(team)
    kept = len(team.objectives) == 1 and same_text(team.objectives[0].title, given)
    counted = bool(team.objectives) and all(3 <= len(o.key_results) <= 5 for o in team.objectives)
    reading = content.read(WEB_SHOP, *content.texts_of([team]))
    return Marked((
        Point(kept, "The objective is management's, unchanged: they told you the destination"),
        Point(counted, "The team set 3 to 5 key results: how it will get there"),
        *rule_points(found), *reading.points,
    ), tuple(found), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="03-1", title="Write a team OKR linked to a company key result", module=3,
        task="Pick a team in one business unit, link it to one key result (or the objective) of the "
             "company's OKRs, and write its one monthly objective with key results.",
        answer_type=dict, starter={"links_to": "", "draft": "Team: \nLevel: team\nCycle: \nO: \nKR: \n"},
        context=COMPANY,
        hints=("First choose what your team moves: which company key result could a regional sales "
               "team, a product line team or a support team push forward?",
               "Write \"links_to\" as company/O1/KR1 (objective 1, key result 1) and name its metric in "
               "your team's objective or key results, with the team's own, smaller numbers.",
               "For example, a regional sales team linked to company/O1/KR1 might aim to increase revenue "
               "from its market: give the cycle (a month), one objective and KRs from a start to a target."),
        judge=_judge_team_okr,
    ),
    Exercise(
        id="03-2", title="Delegate the key results to the team", module=3,
        task="Management set the web shop's objective without key results. As the web shop team, keep "
             "the objective and add 3 to 5 key results.",
        answer_type=str, starter=MANAGEMENT.replace("Team: Management\nLevel: company",
                                                   "Team: Web shop\nLevel: team") + "KR: \n",
        context=MANAGEMENT,
        hints=("Tell them the destination, let them figure out how to get there: keep the objective as "
               "it is and write only key results.",
               "What would show that first-time buyers are delighted? Think of conversion, returns, "
               "satisfaction, repeat purchases.",
               "Write each as 'Increase <metric> from <start> to <target>' (or reduce), with 3 to 5 of them."),
        judge=_judge_delegated,
    ),
)
