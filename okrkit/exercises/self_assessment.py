"""Module 7 exercises: a calibration drill (score seven cases, compared with a reference that
explains itself) and grading a whole quarter so that the grading rules OKR501-OKR504 are kept."""
from __future__ import annotations

import re
from dataclasses import dataclass

from okrkit import scoring
from okrkit.exercises import content
from okrkit.exercises.judging import same_text
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import KeyResult, Objective, OKRSet
from okrkit.rules import check, rule


@dataclass(frozen=True)
class Case:
    """A key result at the end of a quarter, what happened, and how the course would score it."""

    text: str
    current: float
    story: str
    reference: float
    accepted: tuple[float, float]  # the scores a calibrated grader could give
    why: str

    @property
    def key_result(self) -> KeyResult:
        return KeyResult(self.text, current=self.current)

    @property
    def progress(self) -> float:
        return scoring.key_result_progress(self.key_result)


CASES = {
    "case 1": Case(
        "Reduce average wait time on calls from 5 minutes to 2 minutes", 2.9,
        "An ordinary quarter: the team worked its plan, with no surprises either way. Calls ended at 2.9 minutes.",
        0.7, (0.6, 0.8),
        "With nothing unusual, the score follows the numbers: 0.7 is what we hoped to achieve, difficult but "
        "attainable."),
    "case 2": Case(
        "Increase qualified leads in market B from 100 to 250", 190,
        "Mid-quarter the biggest competitor cut its prices by 30%. The team rebuilt its campaign in two weeks "
        "and still reached 190 leads.",
        0.8, (0.7, 0.9),
        "Like the deck's seven new customers scored 0.9: far tougher than expected, an outstanding effort. Score "
        "above the numbers, and say why in the note."),
    "case 3": Case(
        "Increase newsletter sign-ups from 2,000 to 3,000", 3600,
        "The target was reached in week five without any special effort; the quarter ended at 3,600.",
        0.7, (0.6, 0.8),
        "Like the deck's target reached eight weeks into the quarter: the OKR was set too low, so 100% scores "
        "about 0.7."),
    "case 4": Case(
        "Grow partner-sourced pipeline from 1 to 3 Mil USD", 2.8,
        "1.5 Mil USD of it came from one partner who moved over from a competitor on its own; the team's own "
        "outreach brought in little.",
        0.6, (0.5, 0.7),
        "Like the deck's eight customers that were more luck than hard work: score below the numbers."),
    "case 5": Case(
        "Increase active outlet partners from 0 to 20", 18,
        "18 partners signed, but 12 of them order less than the minimum and bring almost no revenue.",
        0.5, (0.4, 0.6),
        "Like the deck's nine customers of whom seven bring little revenue: the numbers look better than the "
        "outcome, so 0.5, almost what we hoped but not quite."),
    "case 6": Case(
        "Raise first-order conversion from 2.1% to 3.5%", 2.1,
        "The checkout redesign the key result depended on moved to next quarter, and nothing else was tried.",
        0.0, (0.0, 0.1),
        "No progress: an unacceptable result that needs an explanation. The score stays at 0; the note "
        "explains."),
    "case 7": Case(
        "Cut average reply time from 48 to 8 hours", 8,
        "The team thought 8 hours was nearly impossible. It rebuilt its rota and triage and got there in the "
        "last week of the quarter.",
        1.0, (0.9, 1.0),
        "A stretch target that felt nearly impossible, reached: 1.0, the top of the grade scale."),
}
_SLACK = 1e-9


def _drill_set(scores: dict[str, float]) -> OKRSet:
    """The cases as one set, each key result carrying the learner's score, for the grading rules."""
    return OKRSet((Objective("Calibration drill", tuple(
        KeyResult(case.text, current=case.current, score=scores.get(name), note=case.story)
        for name, case in CASES.items())),), id="drill")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _judge_drill(answer: dict) -> Marked:
    given = {name.strip().lower(): value for name, value in answer.items() if isinstance(name, str)}
    scores = {name: number for name in CASES if (number := _number(given.get(name))) is not None}
    out_of_range = {hit.where: hit.message for hit in rule("OKR501").check(_drill_set(scores))}
    points = []
    for j, (name, case) in enumerate(CASES.items(), 1):
        score = scores.get(name)
        low, high = case.accepted
        accepted = f"{low:g} to {high:g} accepted"
        if score is None:
            points.append(Point(False, f"{name}: no score yet (a number from 0.0 to 1.0)"))
        elif f"O1/KR{j}" in out_of_range:
            points.append(Point(False, f"{name}: {out_of_range[f'O1/KR{j}']} (OKR501)"))
        elif low - _SLACK <= score <= high + _SLACK:
            points.append(Point(True, f"{name}: {score:g}, in line with the reference ({case.reference:g}; "
                                      f"{accepted}). {case.why}"))
        else:
            side = "high" if score > high else "low"
            points.append(Point(False, f"{name}: {score:g} is {side}: the numbers say {case.progress:.2f}, and "
                                       f"the reference is {case.reference:g} ({accepted}). {case.why}"))
    return Marked(tuple(points))


# 07-2: the support team's quarter, to be graded as a whole.
QUARTER = """id: support
team: Customer support
cycle: 2025-Q2
objectives:
  - title: Make our support the reason customers stay
    key_results:
      # Reached in week 4, when the new phone system went live; no extra effort after that.
      - text: Reduce average wait time on calls from 5 minutes to 2 minutes
        current: 2
        score:
        note: ""
      # A steady climb, helped by the faster phone line.
      - text: Raise the net promoter score of support from 25 to 40
        current: 39
        score:
        note: ""
      # A steady climb; the last tickets were the hardest.
      - text: Increase tickets resolved within 24 hours from 60% to 90%
        current: 88
        score:
        note: ""
  - title: Be the support enterprise customers can count on
    type: committed
    key_results:
      # Two breaches in April, both in the week the hosting provider's data centre failed.
      - text: Cut SLA breaches from 12 to 0 per month
        current: 2
        score:
        note: ""
      - text: Increase enterprise escalations answered within 1 hour from 80% to 100%
        current: 100
        score:
        note: ""
      - text: Raise enterprise customer satisfaction from 4.1 to 4.6
        current: 4.6
        score:
        note: ""
"""
_GRADING_POINTS = (
    ("OKR501", "Every score is on 0.0-1.0"),
    ("OKR502", "Where a score differs from the numbers by 0.2 or more, the note says why"),
    ("OKR503", "The committed objective's miss is explained"),
    ("OKR504", "The stretch was a stretch, or the scores say honestly that it was not: not every aspirational "
               "key result scores 0.9 or more"),
)


# What happened to each key result, as the comments above it in the quarter say.
_STORIES = {text.strip(): story for story, text in re.findall(r"#\s*(.+)\n\s*- text:\s*(.+)", QUARTER)}
_REASONS = re.compile(r"\b(?:because|since|as|so|due|thanks|after|when|but|although|though|luck|lucky|easy|"
                      r"early|low|high|hard|harder|hardest|tough|effort|outside|failed|failure|reached)\b", re.I)
MISMATCH = 0.2  # the grading rules' threshold (OKR502): from here a score must say why


def _why_points(after: list[tuple[str, KeyResult]]) -> content.Reading:
    """Notes written in words; where a score leaves the numbers, a note that gives a reason: it
    speaks of what happened, or says why ("because", "too low", "luck")."""
    reading = content.note_points({where: kr.note for where, kr in after}, "note")
    unexplained = []
    for where, kr in after:
        progress = scoring.key_result_progress(kr) if kr.score is not None else None
        if progress is None or abs(kr.score - progress) < MISMATCH - 1e-9 or content.is_placeholder(kr.note or "x"):
            continue
        story = _STORIES.get(kr.text.strip(), "")
        if not (content.related(kr.note, story) or _REASONS.search(kr.note)):
            unexplained.append(where)
    reading.points.append(Point(not unexplained, "Where a score leaves the numbers, its note says why" if not
                                unexplained else f"{', '.join(unexplained)}: the score is {MISMATCH:g} or more away "
                                "from the numbers, and the note does not say why (what made it easier or harder?)"))
    return reading


def _key_results(okr_set: OKRSet) -> list[tuple[str, KeyResult]]:
    return [(f"O{i}/KR{j}", kr) for i, o in enumerate(okr_set.objectives, 1) for j, kr in enumerate(o.key_results, 1)]


def _judge_quarter(answer: str) -> Marked:
    given, graded = from_yaml(QUARTER, "the quarter"), from_yaml(answer, "your answer")
    if not isinstance(graded, OKRSet):  # an organisation's "sets:" list, not the team's quarter
        return Marked((Point(False, "Grade the support team's quarter as it is given: one set, not a list of sets"),))
    before, after = _key_results(given), _key_results(graded)
    same = len(before) == len(after) and all(
        same_text(a.text, b.text) and a.current == b.current for (_, a), (_, b) in zip(before, after))
    unscored = [where for where, kr in after if kr.score is None]
    silent = [where for where, kr in after if not kr.note.strip()]
    found = [f for f in check(graded) if f.code in dict(_GRADING_POINTS)]
    points = [
        Point(same, "The key results and their numbers are the team's, unchanged" if same else
              "Change only the score and note lines: the key results and their current values must stay as they were"),
        Point(bool(after) and not unscored, "Every key result has a score" +
              (f" (not yet: {', '.join(unscored)})" if unscored and after else "")),
        Point(bool(after) and not silent, "Every key result has a self-assessment note, as in the deck's rating table" +
              (f" (not yet: {', '.join(silent)})" if silent and after else "")),
    ]
    for code, text in _GRADING_POINTS:
        broken = [f for f in found if f.code == code]
        points.append(Point(not broken, text + (f" (not yet, {code}: " + "; ".join(
            f"{f.where or 'set'} {f.message}" for f in broken) + ")" if broken else "")))
    reading = _why_points(after)
    return Marked(tuple(points + reading.points), tuple(found), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="07-1", title="Calibration drill: score seven cases", module=7,
        task="Read what happened to each key result and give the score (0.0-1.0) you would give it. The kit "
             "compares each score with the reference and explains it.",
        answer_type=dict, starter={name: None for name in CASES},
        context="\n".join(f"{name}: {case.text}. Ended at {case.current:g}. {case.story}"
                          for name, case in CASES.items()),
        hints=("Start from the numbers: the measured progress. Then ask whether the story makes the result "
               "worth more or less than they say.",
               "Tougher than expected and an outstanding effort: above the numbers. Luck, or numbers that hide "
               "a weak outcome: below. A target reached early was set too low.",
               "The deck's four rows: 70% progress scored 0.9, 100% scored 0.7, 80% scored 0.6, 90% scored 0.5."),
        judge=_judge_drill,
    ),
    Exercise(
        id="07-2", title="Grade the quarter", module=7,
        task="Grade the support team's quarter: give every key result a score and a self-assessment note, so "
             "that the grading rules (OKR501-OKR504) have nothing to say. Change only the score and note lines.",
        answer_type=str, starter=QUARTER, context=QUARTER,
        hints=("Run okrkit.check on your answer (okrkit.formats.yamlsets.from_yaml reads it): the OKR50x findings say "
               "what is still missing.",
               "A committed objective that missed 1.0 needs a note saying why; so does any score 0.2 or more away "
               "from the measured progress.",
               "Every aspirational key result reached 0.9 or more. One was reached in week 4 without effort: "
               "score it as the deck scores a target set too low, and say so."),
        judge=_judge_quarter,
    ),
)
