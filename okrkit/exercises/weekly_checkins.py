"""Module 6 exercises: what belongs in a weekly check-in, the deck's check-in cadences, reading a
check-in log, and writing this week's check-in so that it is honest about blockers and risks."""
from __future__ import annotations

from datetime import date, timedelta

from okrkit.cycle import checkins, tracking
from okrkit.cycle.conversations import CADENCE_NAMES, CHECKIN_AGENDA, CHECKINS_TO_AVOID
from okrkit.exercises import content
from okrkit.exercises.judging import by_label, choice, classify
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.drafts import parse
from okrkit.scoring import key_result_progress

CYCLE = parse_cycle("2025-Q1")

# The marketing team of the deck's horizontal-alignment example, checking in through its quarter.
MARKETING = """Team: Marketing
Level: team
Cycle: 2025-Q1
O: Launch an effective campaign to support growth of retail outlets
KR: Increase qualified leads from 200 to 400 in market A
KR: Increase qualified leads from 100 to 250 in market B
KR: Raise promotion sales from 5 to 10 Mil USD
"""

# 06-1: what a weekly check-in does (the deck's three parts), and the check-ins to avoid.
_AVOID = "avoid"
AGENDA_ITEMS = {
    "Update each key result's number and how confident we are in it": "actions",
    "Agree what we do this week to get more leads in market B": "actions",
    "Move two people from market A to market B for a month": "decisions",
    "Drop a key result that no longer makes sense after a competitor's price cut": "decisions",
    "Tell the sales team, who depend on our leads, that market B will be late": "communication",
    "Flag the off-track key result to leadership at the monthly business review": "communication",
    "Book an extra one-hour 'OKR meeting' next to the weekly team meeting": _AVOID,
    "Go through all 40 tasks on the project board one by one": _AVOID,
    "Skip this week's check-in because the numbers barely moved": _AVOID,
}
_AGENDA = {item.title.lower(): item.detail for item in CHECKIN_AGENDA}
_WHY_AVOID = {
    "Book an extra one-hour 'OKR meeting' next to the weekly team meeting": CHECKINS_TO_AVOID[1],
    "Go through all 40 tasks on the project board one by one": CHECKINS_TO_AVOID[2],
    "Skip this week's check-in because the numbers barely moved": CHECKINS_TO_AVOID[0],
}

# 06-2: three teams' check-in days in the first quarter of 2025, read on 28 March.
CADENCE_DAY = date(2025, 3, 28)
TEAM_CHECK_INS = {
    "Support": tuple(date(2025, 1, 10) + timedelta(weeks=week) for week in range(12) if week != 5),
    "Finance": (date(2025, 1, 10), date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 21)),
    "Product": (date(2025, 1, 10), date(2025, 1, 17), date(2025, 1, 24)),
}
_CADENCE_WORDS = {
    "regular weekly": "regular weekly", "regular": "regular weekly", "weekly": "regular weekly",
    "no plan once in a while": "no plan, once in a while", "once in a while": "no plan, once in a while",
    "no plan": "no plan, once in a while", "set and forget": "set and forget", "set forget": "set and forget",
}

# 06-3: the sales team's log, read before its check-in on 7 March.
SALES = """Team: Sales
Level: team
Cycle: 2025-Q1
O: Grow big with national retail outlets
KR: Increase revenue from 20 to 30 Mil USD from market A
KR: Increase revenue from 10 to 20 Mil USD from market B
KR: Grow signed national retail outlets from 40 to 60
"""
SALES_LOG = """kr,date,value,confidence,blockers,risks,comment
O1/KR1,2025-02-21,24.5,0.8,,,
O1/KR2,2025-02-21,11.5,0.5,,,
O1/KR3,2025-02-21,49,0.8,,,
O1/KR1,2025-02-28,25.8,0.8,,,
O1/KR2,2025-02-28,11.8,0.4,,,Two distributors in market B delay their listings
O1/KR3,2025-02-28,51,0.8,,,
O1/KR1,2025-03-07,27.2,0.9,,,
O1/KR2,2025-03-07,12.1,0.4,,,
O1/KR3,2025-03-07,52,0.7,Legal review of the outlet contract template,,Three outlets wait for their signature
"""
READING_DAY = date(2025, 3, 7)
_STATUS_WORDS = {"on track": "on track", "at risk": "at risk", "off track": "off track"}

# 06-4: the marketing team's numbers and news in week 8.
CHECK_IN_DAY = date(2025, 2, 21)
THIS_WEEK = {"O1/KR1": 322, "O1/KR2": 121, "O1/KR3": 6.9}
BLOCKED, AT_RISK = "O1/KR2", "O1/KR1"
# What the news says of each problem, and the words a learner may say it in.
AGENCY = ("The agency still has nobody free for the market B launch, so the campaign there cannot start; "
          "partner vendor designers staff people capacity available resources rollout kick-off delayed")
CALL_CENTRE = ("The outsourced call centre warns that from March it can qualify only 40 leads a week, fewer than "
               "the campaign brings in; center calls qualification capacity limit limited partner vendor backlog")
NEWS = f"""Check-in of the marketing team on {CHECK_IN_DAY} (week 8 of 2025-Q1). This week's numbers and news:
- O1/KR1 (qualified leads in market A): 322. The outsourced call centre warns that from March it can
  qualify only 40 leads a week, fewer than the campaign brings in.
- O1/KR2 (qualified leads in market B): 121. The agency still has nobody free for the market B launch,
  so the campaign there cannot start.
- O1/KR3 (promotion sales): 6.9 Mil USD. The promotion has finally started in the two late regions.
"""


def _read(said: object, words: dict[str, str]) -> str | None:
    return words.get(choice(said)) if isinstance(said, str) else None


def _judge_agenda(answer: dict) -> Marked:
    labels = {**{name: name for name in _AGENDA}, _AVOID: _AVOID, "action": "actions", "decision": "decisions"}

    def passed(item: str, right: str) -> str:
        if right == _AVOID:
            return f"avoid it. {_WHY_AVOID[item].title}: {_WHY_AVOID[item].detail}"
        return f"{right}. {_AGENDA[right]}"

    return classify(answer, AGENDA_ITEMS, lambda said: _read(said, labels), passed,
                    "no answer yet (actions, decisions, communication or avoid)")


def team_cadence(team: str) -> tracking.CadenceReading:
    """How the kit reads a team's check-in days of exercise 06-2."""
    entries = tuple(checkins.CheckIn("O1/KR1", day) for day in TEAM_CHECK_INS[team])
    return tracking.cadence(entries, CYCLE, CADENCE_DAY)


def _judge_cadence(answer: dict) -> Marked:
    given = by_label(answer)
    points = []
    for team in TEAM_CHECK_INS:
        reading = team_cadence(team)
        said = _read(given.get(choice(team)), _CADENCE_WORDS)
        facts = (f"{reading.weeks_with_check_in} of {reading.weeks} weeks with a check-in, the longest gap "
                 f"{reading.longest_gap_days} days")
        if said is None:
            points.append(Point(False, f"{team}: no answer yet ({', '.join(CADENCE_NAMES)})"))
        elif said != reading.name:
            points.append(Point(False, f"{team}: not {said}; look again: {facts}"))
        else:
            leads_to = ", ".join(reading.cadence.consequences)
            points.append(Point(True, f"{team}: {reading.name} ({facts}), which leads to {leads_to}"))
    return Marked(tuple(points))


def sales_tracks() -> list[tracking.Track]:
    """The sales team's key results as the kit reads them on the day of exercise 06-3."""
    okr_set = parse(SALES)
    log = checkins.validate(checkins.from_csv(SALES_LOG, "sales log"), okr_set, CYCLE, today=READING_DAY)
    return tracking.tracks(okr_set, log, CYCLE, READING_DAY)


def _judge_reading(answer: dict) -> Marked:
    given = by_label(answer)
    points = []
    for track in sales_tracks():
        said = _read(given.get(choice(track.where)), _STATUS_WORDS)
        facts = f"{track.progress:.0%} of the way with {track.elapsed:.0%} of the cycle gone"
        if said is None:
            points.append(Point(False, f"{track.where}: no answer yet (on track, at risk or off track)"))
        elif said != track.status:
            points.append(Point(False, f"{track.where}: not {said}; it is {facts}, and read the latest "
                                       "check-in's blockers and confidence too"))
        else:
            points.append(Point(True, f"{track.where}: {track.status}: {track.reason}"))
    return Marked(tuple(points))


def _problems(log: checkins.CheckInLog) -> str:
    return "; ".join(f"line {p.line}: {p.message}" if p.line else p.message for p in log.problems)


def _judge_check_in(answer: str) -> Marked:
    okr_set = parse(MARKETING)
    text = answer.lstrip("\n")  # a log typed between triple quotes starts on the line after them
    log = checkins.validate(checkins.from_csv(text, "your check-in"), okr_set, CYCLE, today=CHECK_IN_DAY)
    today = {e.kr: e for e in log.entries if e.date == CHECK_IN_DAY}
    missing = [where for where in THIS_WEEK if where not in today]
    wrong_values = []
    for where, value in THIS_WEEK.items():
        entry, kr = today.get(where), okr_set.objectives[0].key_results[int(where[-1]) - 1]
        if entry is not None and (entry.value is None or not abs(key_result_progress(kr, entry.value)
                                                                  - key_result_progress(kr, value)) <= 0.005):
            wrong_values.append(f"{where} {'has no value' if entry.value is None else f'is not {entry.value:g}'}")
    unsure = [where for where, entry in today.items() if entry.confidence is None]
    said = {(i.where, i.kind): i.text for i in tracking.open_issues(log, CHECK_IN_DAY)}
    issues = set(said)
    tracks = tracking.tracks(okr_set, log, CYCLE, CHECK_IN_DAY)
    rosy = [f"{t.where} ({t.status}, confidence {t.confidence:.1f})" for t in tracks
            if t.status in ("at risk", "off track") and t.confidence is not None and t.confidence >= 0.7]
    blocker_text = ("The agency problem is a blocker on O1/KR2: it stops the market B campaign now"
                    if (BLOCKED, "blocker") in issues else
                    "The agency problem is a risk on O1/KR2 in your log, but it stops progress now: a blocker"
                    if (BLOCKED, "risk") in issues else
                    "The agency problem is recorded as a blocker on O1/KR2, the key result it stops")
    risk_text = ("The call centre's warning is a risk on O1/KR1: it may slow the leads later" if (AT_RISK, "risk")
                 in issues else "The call centre's warning is a blocker on O1/KR1 in your log, but nothing "
                 "stops yet: a risk" if (AT_RISK, "blocker") in issues else
                 "The call centre's warning is recorded as a risk on O1/KR1, the key result it may slow")
    texts = {f"{where} {column}": getattr(entry, column) for where, entry in today.items()
             for column in ("blockers", "risks", "comment")}
    reading = content.note_points(texts, "blocker, risk or comment")
    vague = [f"the {kind} on {where} says nothing of {what}" for where, kind, news, what in (
        (BLOCKED, "blocker", AGENCY, "the agency"), (AT_RISK, "risk", CALL_CENTRE, "the call centre"))
        if (where, kind) in said and not content.related(said[where, kind], news)]
    return Marked((
        *reading.points,
        Point(not vague, "Each blocker and risk says what it is, so others can help" if not vague else
              f"Say what stands in the way: {'; '.join(vague)}"),
        Point(not log.problems, "Every row of the log reads" + (f" (not yet: {_problems(log)})" if log.problems
                                                                 else "")),
        Point(not missing, f"Every key result has a row dated {CHECK_IN_DAY}" +
              (f" (not yet: {', '.join(missing)})" if missing else "")),
        Point(not missing and not wrong_values, "Each row holds this week's number" +
              (f" (not yet: {'; '.join(wrong_values)})" if wrong_values else "")),
        Point(not missing and not unsure, "Each row says how confident the team is (0 to 1)" +
              (f" (not yet: {', '.join(unsure)})" if unsure else "")),
        Point((BLOCKED, "blocker") in issues, blocker_text),
        Point((AT_RISK, "risk") in issues, risk_text),
        Point(not missing and not rosy, "The confidence is honest: below 0.7 wherever the numbers say at risk or "
                                        "off track" + (f" (not yet: {', '.join(rosy)})" if rosy else "")),
    ), review=tuple(reading.review))


EXERCISES = (
    Exercise(
        id="06-1", title="What belongs in a weekly check-in?", module=6,
        task="Label each thing a team might do at its weekly check-in \"actions\", \"decisions\" or "
             "\"communication\" (the deck's three parts), or \"avoid\" for a check-in habit to avoid.",
        answer_type=dict, starter={item: "" for item in AGENDA_ITEMS},
        hints=("A check-in is short (10 to 30 minutes) and about outcomes: what moves, what must be decided, "
               "who must know.",
               "Actions are about this week's work and numbers, decisions change priorities or targets, "
               "communication tells someone outside the room.",
               "Three items are habits to avoid: an extra meeting, a task-by-task project review, and skipping "
               "the check-in."),
        judge=_judge_agenda,
    ),
    Exercise(
        id="06-2", title="Which check-in cadence?", module=6,
        task=f"Three teams checked in on the days shown. On {CADENCE_DAY}, label each team's cadence: "
             f"{', '.join(repr(name) for name in CADENCE_NAMES)}.",
        answer_type=dict, starter={team: "" for team in TEAM_CHECK_INS},
        context="\n".join(f"{team}: {', '.join(day.isoformat() for day in days)}"
                          for team, days in TEAM_CHECK_INS.items()),
        hints=("Count the weeks of the quarter so far that have a check-in, and look for long gaps.",
               "Regular weekly allows a missed week now and then, but never a gap of more than two weeks. "
               "Set and forget means nothing for the last four weeks.",
               "One team misses a single week, one checks in about once a month, one stopped in January."),
        judge=_judge_cadence,
    ),
    Exercise(
        id="06-3", title="Read the log before the check-in", module=6,
        task=f"Before the sales team's check-in on {READING_DAY}, read its log. Label each key result "
             "\"on track\", \"at risk\" or \"off track\" as the kit reads it.",
        answer_type=dict, starter={"O1/KR1": "", "O1/KR2": "", "O1/KR3": ""},
        context=SALES + "\n" + SALES_LOG,
        hints=("Compare how far each key result has come with how much of the quarter has gone by.",
               "At the pace so far, where does each one end? An aspirational key result aims for 0.7: at or "
               "above is on track, 0.4 to 0.7 at risk, below 0.4 off track.",
               "An open blocker at the latest check-in puts a key result that the numbers call on track at risk."),
        judge=_judge_reading,
    ),
    Exercise(
        id="06-4", title="Write this week's check-in", module=6,
        task=f"Write the marketing team's check-in for {CHECK_IN_DAY} as rows of its log (CSV): one row per key "
             "result with this week's number, the team's confidence, and any blocker or risk in its column.",
        answer_type=str,
        starter="kr,date,value,confidence,blockers,risks,comment\n" + "".join(
            f"{where},{CHECK_IN_DAY},,,,,\n" for where in THIS_WEEK),
        context=NEWS,
        hints=("Fill in each row: value, confidence (0 to 1), and a blocker or a risk where the news has one. "
               "Put a comment with a comma between double quotes.",
               "A blocker stops progress now; a risk may stop it later. Which key result does each problem "
               "touch?",
               "Be honest: where the numbers say at risk or off track, a confidence of 0.7 or more is sugarcoating."),
        judge=_judge_check_in,
    ),
)
