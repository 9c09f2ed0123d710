"""Reading a check-in log during the cycle: is each key result on track, and is the team checking in?

Per key result: progress at each check-in against the expected line (the share of the cycle
gone by), the end-of-cycle score projected at the pace so far, and a status with its reason.
Per team: the deck's check-in cadence, open blockers and risks, and net confidence (share on
track minus share off track). After the cycle: how well the confidence reported along the
way predicted the final score.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from okrkit import scoring
from okrkit.cycle.checkins import CheckIn, CheckInLog
from okrkit.cycle.conversations import Cadence, cadence_named
from okrkit.formats.cycles import Cycle
from okrkit.model import OKRSet

STATUSES = ("on track", "at risk", "off track")
NO_CHECK_IN = "no check-in"
EARLY = 1 / 3  # before a third of the cycle, the owner's confidence says more than the numbers
STALE_DAYS = 21  # three weeks without a check-in puts an on-track key result at risk
FORGOTTEN_DAYS = 28  # four weeks without any check-in: set and forget


@dataclass(frozen=True)
class Point:
    """One check-in of a key result, placed in the cycle."""

    date: date
    elapsed: float  # share of the cycle gone by: where the expected line is
    progress: float | None
    confidence: float | None


@dataclass(frozen=True)
class Track:
    """A key result through the cycle so far, with its status and the reason for it."""

    where: str
    text: str
    points: tuple[Point, ...]
    elapsed: float  # at the date of the reading
    progress: float | None  # at the latest check-in with a value
    projected: float | None  # end-of-cycle progress at the pace so far
    confidence: float | None  # the latest reported
    status: str  # one of STATUSES, or NO_CHECK_IN
    reason: str
    blockers: str = ""  # open: reported at the latest check-in
    risks: str = ""


def _status(value: float, goal: float) -> str:
    if value >= goal - 1e-9:
        return "on track"
    return "at risk" if value >= goal - 0.3 - 1e-9 else "off track"


def _find(okr_set: OKRSet, where: str):
    """The objective and key result at "O1/KR2"."""
    i, j = (int(n) for n in re.findall(r"\d+", where))
    objective = okr_set.objectives[i - 1]
    return objective, objective.key_results[j - 1]


def track(okr_set: OKRSet, where: str, log: CheckInLog, cycle: Cycle, as_of: date) -> Track:
    """The track of one key result ("O1/KR2") from the check-ins of a validated log."""
    objective, kr = _find(okr_set, where)
    goal = scoring.EXPECTED_SCORE[okr_set.objective_type(objective)]
    entries = [e for e in log.for_kr(where) if e.date <= as_of]
    points = tuple(Point(e.date, cycle.elapsed(e.date),
                         scoring.key_result_progress(kr, e.value) if e.value is not None else None,
                         e.confidence) for e in entries)
    elapsed = cycle.elapsed(as_of)
    if not entries:
        return Track(where, kr.text, (), elapsed, None, None, None, NO_CHECK_IN, "no check-in yet")
    measured = [p for p in points if p.progress is not None]
    latest = measured[-1] if measured else None
    confidence = next((p.confidence for p in reversed(points) if p.confidence is not None), None)
    projected = None
    if latest is not None:
        maintain = kr.measure.direction == "maintain"
        pace = latest.progress / latest.elapsed if latest.elapsed else 0.0
        projected = latest.progress if maintain else min(1.0, latest.progress + pace * (1 - latest.elapsed))
    if latest is not None and (elapsed >= EARLY or confidence is None):
        status = _status(projected, goal)
        reason = (f"{latest.progress:.0%} of the way at {latest.elapsed:.0%} of the cycle; at this pace it ends "
                  f"near {projected:.2f}, and {okr_set.objective_type(objective)} key results aim for {goal:.1f}")
    elif confidence is not None:
        status = _status(confidence, 0.7)
        reason = (f"early in the cycle, so the reported confidence ({confidence:.1f}) counts more than the numbers"
                  if latest is not None else f"no value to measure, so the reported confidence ({confidence:.1f}) "
                                             "speaks")
    else:
        status, reason = NO_CHECK_IN, "check-ins so far report no value and no confidence"
    last = entries[-1]
    if last.blockers:
        reason = f"{reason}; open blocker: {last.blockers}"
    if status == "on track":
        if last.blockers:
            status = "at risk"
        elif confidence is not None and confidence < 0.4:
            status, reason = "at risk", f"{reason}; but the owner's confidence is only {confidence:.1f}"
        elif (as_of - last.date).days > STALE_DAYS and as_of < cycle.end:
            status, reason = "at risk", f"{reason}; but no check-in for {(as_of - last.date).days} days"
    return Track(where, kr.text, points, elapsed, latest.progress if latest else None, projected, confidence,
                 status, reason, last.blockers, last.risks)


def tracks(okr_set: OKRSet, log: CheckInLog, cycle: Cycle, as_of: date) -> list[Track]:
    """Every key result of the set, checked in or not."""
    return [track(okr_set, f"O{i}/KR{j}", log, cycle, as_of)
            for i, o in enumerate(okr_set.objectives, 1) for j, _ in enumerate(o.key_results, 1)]


def net_confidence(found: list[Track]) -> float | None:
    """Share of key results on track minus share off track, among those with a status."""
    known = [t.status for t in found if t.status in STATUSES]
    if not known:
        return None
    return (known.count("on track") - known.count("off track")) / len(known)


@dataclass(frozen=True)
class CadenceReading:
    """How regularly a team checked in, classed as one of the deck's cadences."""

    cadence: Cadence
    weeks: int  # weeks of the cycle gone by
    weeks_with_check_in: int
    longest_gap_days: int
    last: date | None

    @property
    def name(self) -> str:
        return self.cadence.name


def cadence(entries: tuple[CheckIn, ...], cycle: Cycle, as_of: date) -> CadenceReading:
    """Regular weekly: a check-in in all weeks but one in four (at least one may be missed), never a gap
    over two weeks; set and forget: nothing at all, or nothing for four weeks; else once in a while."""
    end = min(as_of, cycle.end)
    days = sorted({e.date for e in entries if cycle.start <= e.date <= end})
    weeks = max(1, -(-((end - cycle.start).days + 1) // 7))
    covered = len({(d - cycle.start).days // 7 for d in days})
    edges = [cycle.start, *days, end]
    gap = max((b - a).days for a, b in zip(edges, edges[1:]))
    last = days[-1] if days else None
    if last is None or ((end - last).days >= FORGOTTEN_DAYS):
        name = "set and forget"
    elif weeks - covered <= max(1, weeks // 4) and gap <= 14:
        name = "regular weekly"
    else:
        name = "no plan, once in a while"
    return CadenceReading(cadence_named(name), weeks, covered, gap, last)


@dataclass(frozen=True)
class Issue:
    """A blocker or a risk still open: reported at a key result's latest check-in."""

    where: str
    kind: str  # "blocker" | "risk"
    text: str
    since: date  # first reported in the run of check-ins that still carry it


def open_issues(log: CheckInLog, as_of: date | None = None) -> list[Issue]:
    found = []
    for where in dict.fromkeys(e.kr for e in log.entries):
        entries = [e for e in log.for_kr(where) if as_of is None or e.date <= as_of]
        for kind, field in (("blocker", "blockers"), ("risk", "risks")):
            text = getattr(entries[-1], field) if entries else ""
            if not text:
                continue
            since = entries[-1].date
            for entry in reversed(entries):
                if getattr(entry, field) != text:
                    break
                since = entry.date
            found.append(Issue(where, kind, text, since))
    return found


@dataclass(frozen=True)
class TeamReading:
    """Everything a weekly check-in looks at for one team."""

    team: str
    cycle: Cycle
    as_of: date
    tracks: tuple[Track, ...]
    cadence: CadenceReading
    net_confidence: float | None
    issues: tuple[Issue, ...]

    def count(self, status: str) -> int:
        return sum(1 for t in self.tracks if t.status == status)


def read_team(okr_set: OKRSet, log: CheckInLog, cycle: Cycle, as_of: date) -> TeamReading:
    """A team's reading from a log validated against its set."""
    found = tracks(okr_set, log, cycle, as_of)
    return TeamReading(okr_set.name, cycle, as_of, tuple(found), cadence(log.entries, cycle, as_of),
                       net_confidence(found), tuple(open_issues(log, as_of)))


def final_score(okr_set: OKRSet, where: str, log: CheckInLog) -> float | None:
    """The score a key result ended with: its valid score, its progress, or its last check-in's."""
    _, kr = _find(okr_set, where)
    if (score := scoring.key_result_score(kr)) is not None:
        return score
    values = [e.value for e in log.for_kr(where) if e.value is not None]
    return scoring.key_result_progress(kr, values[-1]) if values else None


def confidence_calibration(okr_set: OKRSet, log: CheckInLog):
    """Per key result: the confidence reported during the cycle beside the final score (a DataFrame).

    ``gap`` is mean confidence minus final score: above 0 the team was over-confident.
    """
    import pandas as pd

    rows = []
    for i, objective in enumerate(okr_set.objectives, 1):
        for j, kr in enumerate(objective.key_results, 1):
            where = f"O{i}/KR{j}"
            reported = [e.confidence for e in log.for_kr(where) if e.confidence is not None]
            final = final_score(okr_set, where, log)
            if not reported or final is None:
                continue
            mean = sum(reported) / len(reported)
            rows.append({"set": okr_set.id or okr_set.name, "key result": where, "text": kr.text,
                         "check-ins": len(reported), "mean confidence": mean, "last confidence": reported[-1],
                         "final score": final, "gap": mean - final})
    return pd.DataFrame(rows, columns=["set", "key result", "text", "check-ins", "mean confidence",
                                       "last confidence", "final score", "gap"])


def calibration_verdict(frame) -> str:
    """One sentence on a calibration frame: over-confident, under-confident or well calibrated."""
    if frame.empty:
        return "no key result has both a reported confidence and a final score yet"
    bias, spread = frame["gap"].mean(), frame["gap"].abs().mean()
    if bias >= 0.15:
        return f"over-confident: reported confidence ran {bias:.2f} above the final scores on average"
    if bias <= -0.15:
        return f"under-confident: reported confidence ran {-bias:.2f} below the final scores on average"
    return f"well calibrated on average (mean miss {spread:.2f} either way)"


def tracks_frame(found: list[Track]):
    """The tracks as a table: one row per key result."""
    import pandas as pd

    return pd.DataFrame([{"key result": t.where, "text": t.text, "check-ins": len(t.points),
                          "progress": t.progress, "expected": t.elapsed, "projected": t.projected,
                          "confidence": t.confidence, "status": t.status, "reason": t.reason,
                          "blockers": t.blockers, "risks": t.risks} for t in found],
                        columns=["key result", "text", "check-ins", "progress", "expected", "projected",
                                 "confidence", "status", "reason", "blockers", "risks"])
