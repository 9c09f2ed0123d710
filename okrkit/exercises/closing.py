"""Module 8 exercises: close a quarter with the deck's three questions and one decision per
objective (rules OKR601-OKR605), read an execution rating, and start the next cycle from a
blank sheet where only what continues comes back, starting from where it ended."""
from __future__ import annotations

import re
import textwrap

from okrkit import scoring
from okrkit.errors import InputError
from okrkit.exercises import content
from okrkit.exercises.judging import choice, content_words, rule_points, same_text
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import KeyResult, Objective, OKRSet
from okrkit.rules import check
from okrkit.text import language

# The marketing team of module 6 at the end of its quarter, scored, with what its retrospective found.
_OBJECTIVES = (
    """  - title: Launch an effective campaign to support growth of retail outlets
    key_results:
      - text: Increase qualified leads from 200 to 400 in market A
        current: 392
        score: 0.9
        note: Trade fair leads carried us; the call centre kept up after all.
      - text: Increase qualified leads from 100 to 250 in market B
        current: 160
        score: 0.4
        note: The agency had nobody free for market B until March.
      - text: Raise promotion sales from 5 to 10 Mil USD
        current: 8.4
        score: 0.7
        note: The promotion started late in two regions.
""",
    """  - title: Make our brand the first one retail buyers think of
    key_results:
      - text: Raise aided brand recall among retail buyers from 30% to 45%
        current: 33
        score: 0.2
        note: The survey ran in the last week, too early to show the campaign.
      - text: Increase retail buyers who name us first from 10% to 20%
        current: 11
        score: 0.1
        note: Same survey, same story.
      - text: Grow followers of our trade page from 2,000 to 5,000
        current: 4100
        score: 0.7
        note: The trade fair posts travelled well.
""",
    """  - title: Make our newsletter the one outlet owners read first
    key_results:
      - text: Raise the newsletter's open rate among outlet owners from 20% to 40%
        current: 38
        score: 0.9
        note: Shorter issues with one offer each.
      - text: Increase reorders from newsletter links from 50 to 150 per month
        current: 70
        score: 0.2
        note: Owners read, then reorder through their sales rep.
      - text: Cut unsubscribes from 3% to 1% per issue
        current: 1.5
        score: 0.75
        note: Fewer, shorter issues.
""",
)
_FOUND = (
    "Market A went well; market B waited two months for the agency. Growing retail outlets stays the "
    "company's focus next quarter, and market B has the most outlets still to win.",
    "The team ran every activity it planned, but aided recall moves about a quarter after a campaign, too "
    "slowly to steer by. Retail buyers act on shelf listings within weeks.",
    "Outlet owners read the newsletter but reorder through their sales rep. Next quarter the company moves "
    "all outlet news to its new partner portal.",
)
_HEAD = "id: marketing\nteam: Marketing\nlevel: team\ncycle: 2025-Q1\nobjectives:\n"
_BLANK_RETRO = ("    retro:\n      execution:\n      decision: \"\"\n      value: \"\"\n      learning: \"\"\n"
                "      decided: \"\"\n")


def _comment(text: str) -> str:
    return "".join(f"    # {line}\n" for line in textwrap.wrap("At the retrospective: " + text, 96))


# 08-1: the quarter to close, each objective with an empty retro block.
TO_CLOSE = _HEAD + "".join(objective + _comment(found) + _BLANK_RETRO for objective, found in zip(_OBJECTIVES, _FOUND))

# The closing the team agreed on: the starting point of the blank-sheet exercise (08-3).
_AGREED = (
    "    retro:\n      execution: 3\n      decision: carry-forward\n"
    "      value: Growing retail outlets stays the company's focus, and market B has the most outlets still to win.\n"
    "      learning: Agency time must be booked before the quarter starts.\n"
    "      decided: Book agency time for both markets in the planning weeks.\n",
    "    retro:\n      execution: 4\n      decision: modify\n"
    "      learning: Aided recall moves a quarter after a campaign, too slowly to steer by.\n"
    "      decided: Measure the shelf listings retail buyers give us instead.\n",
    "    retro:\n      execution: 4\n      decision: abandon\n"
    "      learning: Outlet owners read the newsletter but reorder through their sales rep.\n"
    "      decided: Move outlet news to the new partner portal.\n",
)
CLOSED = _HEAD + "".join(objective + agreed for objective, agreed in zip(_OBJECTIVES, _AGREED))
_CLOSING_POINTS = (
    ("OKR601", "Every objective has a closing decision: keep, modify, abandon or carry forward"),
    ("OKR602", "What is carried forward says what more value it will bring"),
    ("OKR603", "Every objective records what you learned"),
    ("OKR604", "Every learning leads to a decision: what you will do because of it"),
)


# The decisions the retrospective's facts rule out, per objective, and why.
_RULED_OUT = {
    0: ({"abandon"}, "growing retail outlets stays the company's focus next quarter, and market B has the most "
                     "outlets still to win: this objective still matters"),
    2: ({"keep", "carry-forward"}, "the company moves all outlet news to its new partner portal next quarter: the "
                                   "newsletter cannot go on as it is"),
}
_DECISIONS = {"remove": "abandon", "carry forward": "carry-forward", "carry": "carry-forward"}
# "It was not finished": the deck's example of a reason that is none (unfinished work is no value).
_UNFINISHED = re.compile(r"\b(?:not|never|n['’]t|didn['’]t)\b.{0,30}\b(?:finish|finished|done|complete|completed|"
                         r"reached|achieved|over|there)\b|\bunfinished\b|\bincomplete\b|\bran out of time\b|"
                         r"\bmore time\b|\bnot yet\b|\bleft over\b", re.I)


def _decision(value: str) -> str:
    said = choice(value).replace(" ", "-") if value else ""
    return _DECISIONS.get(choice(value), said)


def _fact_points(closed: OKRSet) -> content.Reading:
    """The closing's words against the facts the retrospective found."""
    texts = {}
    contradicted, unfinished, loose = [], [], []
    for i, objective in enumerate(closed.objectives):
        retro = objective.retro
        if retro is None:
            continue
        where = f"O{i + 1}"
        texts.update({f"{where} {name}": getattr(retro, name) for name in ("value", "learning", "decided")})
        decision = _decision(retro.decision)
        ruled_out, why = _RULED_OUT.get(i, (set(), ""))
        if decision in ruled_out:
            contradicted.append(f"{where} cannot be '{decision}': {why}")
        finding = _FOUND[i] if i < len(_FOUND) else ""
        if decision == "carry-forward" and retro.value.strip() and (
                _UNFINISHED.search(retro.value) and len(content.related(retro.value, finding)) < 2
                or len(content_words(retro.value)) < 3):
            unfinished.append(where)
        found = " ".join([finding, objective.title, *(f"{kr.text} {kr.note}" for kr in objective.key_results)])
        if retro.learning.strip() and not content.related(retro.learning, found):
            loose.append(where)
    reading = content.note_points(texts, "value, learning or decision")
    if loose:
        reading.review.append(f"{', '.join(loose)}: the learning does not speak of what the retrospective found")
    reading.points.append(Point(not contradicted, "Every decision fits what the retrospective found" if not
                                contradicted else "; ".join(contradicted)))
    reading.points.append(Point(not unfinished, "What is carried forward says what more it brings, not that it is "
                                "unfinished" if not unfinished else f"{', '.join(unfinished)}: not finishing is no "
                                "reason to carry an objective forward. Say what more value it will bring"))
    return reading


def _scores(okr_set: OKRSet) -> list[tuple[str, float | None]]:
    return [(o.title, kr.score) for o in okr_set.objectives for kr in o.key_results]


def _judge_close(answer: str) -> Marked:
    closed = from_yaml(answer, "your answer")
    if not isinstance(closed, OKRSet):  # an organisation's "sets:" list, not the team's quarter
        return Marked((Point(False, "Close the marketing team's quarter as it is given: one set, not a list of sets"),))
    before = from_yaml(TO_CLOSE, "the quarter")
    same = len(_scores(closed)) == len(_scores(before)) and all(
        same_text(a, b) and x == y for (a, x), (b, y) in zip(_scores(closed), _scores(before)))
    unrated = [f"O{i}" for i, o in enumerate(closed.objectives, 1) if o.retro is None or o.retro.execution is None]
    found = [f for f in check(closed) if f.code.startswith("OKR60")]
    points = [
        Point(same, "The objectives and their scores are the team's, unchanged" if same else
              "Fill in only the retro blocks: the objectives, key results and scores must stay as they were"),
        Point(bool(closed.objectives) and not unrated, "Every objective rates its execution (1 to 5 stars)" +
              (f" (not yet: {', '.join(unrated)})" if unrated and closed.objectives else "")),
    ]
    for code, text in _CLOSING_POINTS:
        broken = [f for f in found if f.code == code]
        points.append(Point(not broken, text + (f" (not yet, {code}: {', '.join(f.where for f in broken)})"
                                                if broken else "")))
    reading = _fact_points(closed)
    return Marked(tuple(points + reading.points), tuple(found), review=tuple(reading.review))


# 08-2: three closed objectives of the web shop team and their execution ratings.
DIAGNOSE = """id: web-shop
team: Web shop
level: team
cycle: 2025-Q2
objectives:
  - title: Make reordering effortless for outlet owners
    key_results:
      - text: Cut the clicks needed to reorder from 12 to 3
        score: 0.3
      - text: Raise the share of reorders placed online from 20% to 50%
        score: 0.3
    retro:
      execution: 2
  - title: Win back the outlets that stopped ordering last year
    key_results:
      - text: Increase returning lapsed outlets from 0 to 40
        score: 0.4
      - text: Raise average order value of returning outlets from 800 to 1,200 USD
        score: 0.4
    retro:
      execution: 5
  - title: Make our app the fastest way to reorder
    key_results:
      - text: Cut average reorder time in the app from 6 to 2 minutes
        score: 0.8
      - text: Increase weekly app reorders from 300 to 900
        score: 0.8
    retro:
      execution: 2
"""
DIAGNOSES = ("execution", "target", "both", "none")
_DIAGNOSIS_WORDS = {
    **dict.fromkeys(("execution", "poor execution", "the execution"), "execution"),
    **dict.fromkeys(("target", "the target", "hypothesis", "target or hypothesis", "the target or hypothesis",
                     "target or the hypothesis"), "target"),
    **dict.fromkeys(("both", "neither", "look at both"), "both"),
    **dict.fromkeys(("none", "no diagnosis", "nothing", "achieved"), "none"),
}


def diagnoses() -> dict[str, tuple[str, str]]:
    """Per objective of exercise 08-2: the diagnosis the execution rating gives (OKR605), and why."""
    okr_set = from_yaml(DIAGNOSE, "web shop")
    said = {f.where: f.message for f in check(okr_set) if f.code == "OKR605"}
    found = {}
    for i, objective in enumerate(okr_set.objectives, 1):
        message = said.get(f"O{i}")
        if message is None:
            score = scoring.objective_score(objective)
            found[f"O{i}"] = ("none", f"It scored {score:.2f}, achieved: the execution rating needs no diagnosis")
        else:
            kind = ("execution" if "poor execution" in message else "target" if "look again at the target" in message
                    else "both")
            found[f"O{i}"] = (kind, message)
    return found


def _judge_diagnose(answer: dict) -> Marked:
    given = {choice(k).replace(" ", ""): v for k, v in answer.items() if isinstance(k, str)}
    points = []
    for where, (kind, why) in diagnoses().items():
        value = given.get(where.lower())
        said = _DIAGNOSIS_WORDS.get(choice(value)) if isinstance(value, str) else None
        if said is None:
            points.append(Point(False, f"{where}: no answer yet ({', '.join(DIAGNOSES)})"))
        elif said != kind:
            points.append(Point(False, f"{where}: not {said}; look at its score and its stars together"))
        else:
            points.append(Point(True, f"{where}: {kind}. {why}"))
    return Marked(tuple(points))


def _metric(text: str) -> str:
    return language.normalise(text, numbers=False)


def _ended(old: KeyResult) -> float | None:
    return None if old.current is None else scoring.in_text_units(old, old.current)


def _find(draft: OKRSet, objective: Objective) -> Objective | None:
    return next((o for o in draft.objectives if same_text(o.title, objective.title)), None)


def _restarted(old: Objective, new: Objective) -> tuple[list[str], list[str]]:
    """The key results of a returning objective that start where they ended, and those that do not."""
    good, bad = [], []
    for old_kr in old.key_results:
        new_kr = next((kr for kr in new.key_results if _metric(kr.text) == _metric(old_kr.text)), None)
        if new_kr is None:
            continue
        ended, start = _ended(old_kr), new_kr.measure.baseline
        if ended is not None and start is not None and abs(start - ended) <= 0.005 * max(abs(ended), 1e-9):
            good.append(new_kr.text)
        else:
            shown = "no starting point" if start is None else f"starts at {new_kr.measure.baseline:g}"
            bad.append(f"'{new_kr.text}' {shown}, but it ended at {old_kr.current:g}")
    return good, bad


NEXT_QUARTER = content.Domain("08-3", "marketing campaign leads qualified market retail outlets buyers shelf listings "
                                      "listed stores promotion sales revenue brand partners portal orders reorders "
                                      "customers name first awareness accounts deals trade fair")


def _judge_blank_sheet(answer: str) -> Marked:
    closed = from_yaml(CLOSED, "the closed quarter")
    draft = parse(answer, "your draft")
    carried, modified, abandoned = closed.objectives
    next_cycle = parse_cycle(closed.cycle).next().label
    try:
        cycle = parse_cycle(draft.cycle).label if draft.cycle else None
    except InputError:
        cycle = None
    returned = _find(draft, carried)
    good, bad = _restarted(carried, returned) if returned else ([], [])
    old_metrics = {_metric(kr.text) for kr in abandoned.key_results}
    copied = _find(draft, abandoned) is not None or any(
        _metric(kr.text) in old_metrics for o in draft.objectives for kr in o.key_results)
    unchanged = _find(draft, modified)
    as_was = unchanged is not None and {_metric(kr.text) for kr in unchanged.key_results} == {
        _metric(kr.text) for kr in modified.key_results}
    others = [o for o in draft.objectives if o is not returned and not same_text(o.title, abandoned.title)]
    found = check(draft)
    reading = content.read(NEXT_QUARTER, *content.texts_of([draft]))
    return Marked((
        Point(cycle == next_cycle, f"It is the draft for the next cycle, {next_cycle}" if cycle == next_cycle else
              f"Give it the next cycle: Cycle: {next_cycle}"),
        Point(returned is not None, "O1 (carried forward) comes back, under its own title" if returned else
              f"O1 was carried forward: bring back '{carried.title}'"),
        Point(returned is not None and bool(good) and not bad,
              "Its key results start where they ended" + (f" (not yet: {'; '.join(bad)})" if bad else
                                                            "" if good or returned is None else
                                                            " (not yet: none of its key results is there)")),
        Point(bool(others) and not as_was, "O2 (modify) comes back rewritten, not as it was" if others and not as_was
              else "O2 came back unchanged: modify means rewrite it before it returns" if as_was
              else "O2 was modified, not abandoned: it still matters, so write it anew"),
        Point(not copied, "O3 (abandoned) stays out: a blank sheet, not a copy" if not copied else
              "O3 was abandoned: it must not come back, not even one of its key results"),
        *rule_points(found), *reading.points,
    ), tuple(found), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="08-1", title="Close the quarter", module=8,
        task="Close the marketing team's quarter: fill in each objective's retro block with the deck's three "
             "answers (execution stars, learning, what you decided) and a decision. Change nothing else.",
        answer_type=str, starter=TO_CLOSE, context=TO_CLOSE,
        hints=("Each retro block needs: execution (1 to 5), decision (keep, modify, abandon or carry-forward), a "
               "learning and what was decided because of it.",
               "Read what the retrospective found above each block. What continues, and what no longer earns "
               "its place next quarter?",
               "Carrying an objective forward needs a value: what more it will bring. Not finishing is no reason."),
        judge=_judge_close,
    ),
    Exercise(
        id="08-2", title="What does the execution rating say?", module=8,
        task="For each of the web shop's closed objectives, say what its execution rating tells you: "
             "\"execution\" (poor execution is the likely cause), \"target\" (look again at the target or "
             "its hypothesis), \"both\", or \"none\" (achieved, nothing to diagnose).",
        answer_type=dict, starter={"O1": "", "O2": "", "O3": ""}, context=DIAGNOSE,
        hints=("First: was the objective achieved (0.7 or more)? Only a missed objective needs a diagnosis.",
               "Missed with 2 stars or fewer: execution. Missed with 4 stars or more: something else.",
               "A team that executed well and still missed should doubt the target or the idea behind it."),
        judge=_judge_diagnose,
    ),
    Exercise(
        id="08-3", title="The blank sheet", module=8,
        task="The marketing team agreed how to close its quarter (shown above). Write its draft for the next "
             "quarter: a blank sheet where only what continues comes back, starting from where it ended.",
        answer_type=str, starter="Team: Marketing\nLevel: team\nCycle: \nO: \nKR: \n", context=CLOSED,
        hints=("okrkit.cycle.retro.next_draft gives a first version from the closing: read its comments.",
               "Carried forward: same objective, but each key result now starts where it ended (market A from "
               "392). Modified: rewrite it. Abandoned: leave it out.",
               "For the modified objective, follow what the team decided: measure the shelf listings retail "
               "buyers give you, with 3 to 5 key results."),
        judge=_judge_blank_sheet,
    ),
)
