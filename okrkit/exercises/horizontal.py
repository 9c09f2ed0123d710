"""Module 5 exercises: the deck's avoid-silos exercise (a team OKR its six leads carry together),
building the bridge between two teams (a dependency made visible and answered), and mending
the sales team's set of the lateral alignment example."""
from __future__ import annotations

import re

from okrkit.exercises import content
from okrkit.exercises.judging import choice, restated_parent_point
from okrkit.exercises.organisations import Placed, Setting, shared_words
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.text import language

SHOPPING = Setting("avoid-silos")  # the organisation OKR and the six leads' empty sets
LATERAL = Setting("lateral-alignment", writable=frozenset({"sales"}))
TOLERATED = frozenset({"OKR201"})  # the deck's exercise shows two key results
MIN_LEADS = 3  # the deck's CRM team OKR has three leads, from three functions
# What the shopping organisation's teams and the sales team can move, in their own words.
_SHOPPING_WORDS = ("shopping shoppers customers experience churn complaints support tickets contact resolution "
                   "satisfaction nps reviews ratings orders order delivery deliveries returns refunds checkout app "
                   "website software product payment response time wait agents partners business retention repeat "
                   "purchases conversion errors bugs")
TEAM_WORK = content.Domain("05-1", _SHOPPING_WORDS)
BRIDGE_WORK = content.Domain("05-2", _SHOPPING_WORDS)
SALES_WORK = content.Domain("05-3", own=(f"example organisation {LATERAL.example}",), words="customers customer referral referrals return returning satisfaction loyalty "
                                    "offering repeat orders purchases check-in program sales revenue deals renewals "
                                    "upsell visits week accounts churn retention recommendations")
_SEPARATORS = re.compile(r"\s*(?:[,;&/+]|\band\b)\s*", re.I)

TEAM_STARTER = """
id: 
team: 
level: team
owner: 
objectives:
  - title: 
    aligns_to: 
    key_results:
      - 
      - 
"""
BRIDGE_STARTER = """
sets:
  - id: 
    objectives:
      - title: 
        aligns_to: 
        depends_on: []
        key_results:
          - 
          - 
  - id: 
    objectives:
      - title: 
        aligns_to: 
        supports: []
        key_results:
          - 
          - 
"""
SALES_STARTER = """
id: sales
team: Sales
level: team
objectives:
  - title: Have our customers fall back in love with our offering
    aligns_to: company/O1
    key_results:
      - Increase the number of customers who return twice in a week from 10% to 40%
      - Customers referral rate from 25% to 50%
      - Increase customer satisfaction from 3 to 4.5
"""


def leads() -> dict[str, str]:
    """The six leads of the deck's exercise, by the id of the set each one heads."""
    return {s.id: s.owner for s in SHOPPING.base().sets}


def _lead_of(name: str, heads: dict[str, tuple[str, ...]]) -> str | None:
    """The set a lead heads, named as the deck names the lead ("COO"), by the team ("Operations")
    or by the set's id ("operations")."""
    said = choice(name)
    return next((set_id for set_id, names in heads.items() if said in names), None)


def _lead_points(placed: Placed) -> list[Point]:
    heads = {s.id: tuple(choice(n or "") for n in (s.owner, s.team, s.id)) for s in SHOPPING.base().sets}
    named = {name: _lead_of(name, heads) for name in _SEPARATORS.split(placed.sets[0].owner or "") if name.strip()}
    known = set(named.values()) - {None}
    strangers = [name for name, set_id in named.items() if set_id is None]
    everyone = ", ".join(leads().values())
    points = [Point(len(known) >= MIN_LEADS,
                    f"It is led across functions by {len(known)} of the six leads" if len(known) >= MIN_LEADS
                    else f"owner: names {len(known)} of the six leads; name at least {MIN_LEADS}, from different "
                         f"functions, so that no single department carries it alone ({everyone})")]
    if strangers:
        points.append(Point(False, f"{', '.join(repr(s) for s in strangers)}: not one of the six leads ({everyone})"))
    return points


def _reaches_point(placed: Placed, what: str) -> Point:
    astray = [str(ref) for ref in placed.objectives if not placed.reaches_company(ref)]
    return Point(not astray, f"{what} leads up to the organisation's OKR through aligns_to" if not astray else
                 f"Not linked up to the organisation's OKR yet: {', '.join(astray)} (aligns_to company/O1, one "
                 "of its key results, or an objective that leads there)")


def _relates_point(placed: Placed) -> Point:
    company = placed.organisation.by_id["company"].objectives[0]
    theirs = " ".join([company.title, *(kr.text for kr in company.key_results)])
    mine = " ".join(o.title + " " + " ".join(kr.text for kr in o.key_results)
                    for s in placed.sets for o in s.objectives)
    words = shared_words(mine, theirs)
    return Point(bool(words), f"It serves the organisation's OKR visibly (both speak of {', '.join(sorted(words))})"
                 if words else "It should speak visibly to the organisation's OKR: name what it moves ("
                               f"{company.title.lower()}: {'; '.join(kr.text for kr in company.key_results)})")


def _judge_team(answer: str) -> Marked:
    placed = SHOPPING.place(answer)
    points = [Point(False, problem) for problem in placed.problems]
    if not placed.ids or not placed.objectives:
        return Marked(tuple(points or [Point(False, "Write the team OKR's set: an id, its leads and its objective")]))
    team = placed.sets[0]
    points += [
        Point(len(placed.ids) == 1 and len(team.objectives) == 1, "It is one team OKR: one set, one objective"),
        Point(team.level != "company", "It is a team's OKR, below the organisation's" if team.level != "company"
              else "level: company. The organisation already has its OKR: write the team's"),
        *_lead_points(placed),
        _reaches_point(placed, "The team objective"),
        _relates_point(placed),
        restated_parent_point(placed.graph, placed.ids),
    ]
    rules, found = placed.rule_points(TOLERATED)
    reading = content.read(TEAM_WORK, *content.texts_of(placed.sets))
    return Marked(tuple(points + rules + reading.points), tuple(found), review=tuple(reading.review))


def _judge_bridge(answer: str) -> Marked:
    placed = SHOPPING.place(answer)
    points = [Point(False, problem) for problem in placed.problems]
    filled = [set_id for set_id in placed.ids if set_id in leads() and placed.organisation.by_id[set_id].objectives]
    unknown = [set_id for set_id in placed.ids if set_id not in leads()]
    points.append(Point(len(filled) >= 2, f"It fills in the sets of {len(filled)} leads ({', '.join(filled)})"
                        if len(filled) >= 2 else "Fill in the objectives of at least two of the leads' sets: "
                                                 + ", ".join(i for i in leads() if i != "company")))
    if unknown:
        points.append(Point(False, f"{', '.join(unknown)}: not a set of the six leads; use their ids "
                                   f"({', '.join(i for i in leads() if i != 'company')})"))
    graph = placed.graph
    mine = set(placed.ids)
    needs = [link for link in graph.links if link.kind == "depends_on" and link.source.set_id in mine
             and link.target is not None and link.target.set_id not in (link.source.set_id, "company")]
    points.append(Point(bool(needs), "A dependency is visible: " + "; ".join(f"{link.source} depends on "
                                                                           f"{link.target}" for link in needs)
                        if needs else "Make a dependency visible: one team's objective depends_on another team"))
    waiting = [link for link in graph.unanswered if link.source.set_id in mine]
    if needs:
        points.append(Point(not waiting, "Every dependency is answered: the team depended on supports the objective"
                            if not waiting else "Build the bridge: " + "; ".join(
                                f"{link.target.set_id} should support {link.source}" for link in waiting)))
    points.append(_reaches_point(placed, "Every objective"))
    rules, found = placed.rule_points(TOLERATED)
    reading = content.read(BRIDGE_WORK, *content.texts_of(placed.sets))
    return Marked(tuple(points + rules + reading.points), tuple(found), review=tuple(reading.review))


def _own_key_result_point(sales: Placed) -> Point:
    """The deck's teams strike out what they cannot move and add key results of their own."""
    company = {language.normalise(kr.text) for o in sales.organisation.by_id["company"].objectives
               for kr in o.key_results}
    own = [kr.text for o in sales.sets[0].objectives for kr in o.key_results
           if language.normalise(kr.text) not in company]
    return Point(bool(own), f"Sales adds key results of its own ({len(own)})" if own else
                 "Add at least one key result that sales itself moves: every key result is still the company's")


def _judge_lateral(answer: str) -> Marked:
    placed = LATERAL.place(answer)
    points = [Point(False, problem) for problem in placed.problems]
    if "sales" not in placed.ids:
        return Marked(tuple(points + [Point(False, "Keep id: sales, so that your set replaces the sales team's")]))
    sales = Placed(placed.organisation, ("sales",))
    if not sales.objectives:
        return Marked(tuple(points + [Point(False, "Give sales its objective back, with its key results")]))
    points += [Point(True, "It is the sales team's set"), _reaches_point(sales, "Sales"), _relates_point(sales),
               _own_key_result_point(sales)]
    rules, found = sales.rule_points()
    reading = content.read(SALES_WORK, *content.texts_of(sales.sets))
    return Marked(tuple(points + rules + reading.points), tuple(found), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="05-1", title="Avoid silos: a team OKR its leads carry together", module=5,
        task="Write the team OKR of the deck's exercise under the organisation's OKR (increase shopping "
             "customer experience): one objective linked to it, key results, and under owner: at least "
             "three of the six leads who carry it together.",
        answer_type=str, starter=TEAM_STARTER,
        hints=("Which change would cut churn or complaints, and which departments have to work on it "
               "together? Those departments' heads are the team OKR's leads.",
               "owner: lists the leads, separated by commas, as the deck names them (CEO, Head of Software "
               "Development, COO, Head of Product B, Head of Business Development, Team Lead Support). "
               "aligns_to names company/O1 or one of its key results.",
               "For example, a team OKR 'Solve shoppers' problems at the first contact', aligned to "
               "company/O1/KR2, led by the Team Lead Support, the Head of Software Development and the COO, "
               "with key results on first-contact resolution and repeat complaints, and your own numbers."),
        judge=_judge_team,
    ),
    Exercise(
        id="05-2", title="Build the bridge between two teams", module=5,
        task="Fill in the objectives of two of the six leads' sets so that one depends on the other, the "
             "other supports it, and both lead up to the organisation's OKR.",
        answer_type=str, starter=BRIDGE_STARTER,
        hints=("Choose two of the leads' sets (software, operations, product-b, bizdev, support): which "
               "one needs the other to reach its objective?",
               "In the needing team's objective write depends_on: [the other set's id]; in the helping "
               "team's objective write supports: [needing-set/O1]. Both still align up, to company/O1 or "
               "one of its key results.",
               "For example, support depends_on [software] to cut complaints; software's objective "
               "supports [support/O1] and aligns to company/O1/KR2."),
        judge=_judge_bridge,
    ),
    Exercise(
        id="05-3", title="Align sales laterally, the deck's way", module=5,
        task="Sales' first draft copies the company's whole OKR: the objective and every key result. Rewrite "
             "it the way the deck's lateral alignment example does: keep the shared objective (and its link "
             "to company/O1) if it is sales' too, strike out the key results sales cannot move, and add key "
             "results of sales' own. A key result you keep on a company metric aims at least as far as the "
             "company's target.",
        answer_type=str, starter=SALES_STARTER,
        hints=("Which of the company's three key results can sales really move? Which results of its own "
               "would show that customers fall back in love with the offering?",
               "The checker reports a whole copied OKR (OKR401) and a key result that aims short of the "
               "company's target on the same metric (OKR403). Aiming further is fine: in the deck, sales takes "
               "the referral rate to 60% where the company asks 50%.",
               "For example, keep the objective and the referral rate (25% to 60%), drop what engineering moves, "
               "and add 'Raise first month customer satisfaction from 3 to 4.5' and a key result on customers "
               "in the check-in program."),
        judge=_judge_lateral,
    ),
)
