"""Is a pilot group's first draft ready? Every rule, grouped per team into a list of fixes.

A coach onboarding a pilot group wants, per team, what to mend first: findings that make an
OKR invalid, then broken alignment (silos, conflicts, broken links), then the other rules of
good practice, then suggestions. The report is a value; :mod:`okrkit.rollout.readiness_report`
renders it as a page with the alignment map.
"""
from __future__ import annotations

from dataclasses import dataclass

from okrkit.findings import Finding, Findings
from okrkit.model import OKRSet, Organisation
from okrkit.rules import check

VERDICTS = ("ready", "almost ready", "not ready")
URGENCIES = ("must fix", "fix alignment", "should fix", "consider")  # by priority, 1 to 4
ORGANISATION = "(organisation)"  # findings that belong to no set of the organisation


@dataclass(frozen=True)
class Fix:
    """One finding as a to-do for a team: what to change, where, and how urgent."""

    priority: int  # 1 first: 1 invalid OKR, 2 alignment, 3 good practice, 4 suggestion
    finding: Finding
    where: str  # inside the set: "O1/KR2", "O1" or "" for the set
    text: str  # the objective or key result it is about

    @property
    def urgency(self) -> str:
        return URGENCIES[self.priority - 1]


@dataclass(frozen=True)
class TeamReadiness:
    set_id: str
    team: str
    level: str
    objectives: int
    key_results: int
    fixes: tuple[Fix, ...]

    @property
    def verdict(self) -> str:
        if any(f.priority == 1 for f in self.fixes):
            return "not ready"
        return "almost ready" if any(f.priority in (2, 3) for f in self.fixes) else "ready"


@dataclass(frozen=True)
class Readiness:
    organisation: Organisation
    findings: Findings
    teams: tuple[TeamReadiness, ...]

    @property
    def verdict(self) -> str:
        """The organisation is as ready as its least ready team."""
        return max((t.verdict for t in self.teams), key=VERDICTS.index, default="ready")

    def summary(self) -> str:
        ready = sum(t.verdict == "ready" for t in self.teams)
        return (f"{ready} of {len(self.teams)} teams ready; {self.findings.summary()} "
                f"across {sum(len(t.fixes) for t in self.teams)} fixes")


def priority(finding: Finding) -> int:
    if finding.severity == "error":
        return 1
    if finding.severity == "warning":
        return 2 if finding.code.startswith("OKR4") else 3
    return 4


def item_text(okr_set: OKRSet, where: str) -> str:
    """The words at "O2" or "O2/KR1" of a set ("" when the place names no item)."""
    parts = where.split("/")
    try:
        objective = okr_set.objectives[int(parts[0][1:]) - 1] if parts[0].startswith("O") else None
        if objective is None:
            return ""
        if len(parts) > 1 and parts[1].startswith("KR"):
            return objective.key_results[int(parts[1][2:]) - 1].text
        return objective.title
    except (ValueError, IndexError):
        return ""


def assess(org: Organisation, found: Findings | None = None) -> Readiness:
    """Run every rule (alignment included) and sort the findings into each team's fixes."""
    found = Findings(check(org) if found is None else found)
    per_set: dict[str, list[Fix]] = {s.id: [] for s in org.sets}
    for finding in found:
        set_id, _, where = finding.where.partition("/")
        if set_id not in org.by_id:
            set_id, where = ORGANISATION, finding.where
        okr_set = org.by_id.get(set_id)
        per_set.setdefault(set_id, []).append(
            Fix(priority(finding), finding, where, item_text(okr_set, where) if okr_set else ""))
    teams = []
    for set_id, fixes in per_set.items():
        okr_set = org.by_id.get(set_id)
        fixes.sort(key=lambda f: (f.priority, f.finding.code, f.finding.line or 0, f.where))
        teams.append(TeamReadiness(
            set_id, okr_set.name if okr_set else set_id, okr_set.level if okr_set else "",
            len(okr_set.objectives) if okr_set else 0,
            sum(len(o.key_results) for o in okr_set.objectives) if okr_set else 0, tuple(fixes)))
    return Readiness(org, found, tuple(teams))


def fixes_frame(readiness: Readiness):
    """Every fix as a DataFrame row, most urgent first within each team."""
    import pandas as pd

    columns = ["team", "priority", "urgency", "severity", "code", "rule", "where", "line", "about",
               "message", "hint"]
    return pd.DataFrame([{"team": t.set_id, "priority": f.priority, "urgency": f.urgency,
                          "severity": f.finding.severity, "code": f.finding.code, "rule": f.finding.name,
                          "where": f.where, "line": f.finding.line, "about": f.text,
                          "message": f.finding.message, "hint": f.finding.hint}
                         for t in readiness.teams for f in t.fixes], columns=columns)


def teams_frame(readiness: Readiness):
    """One row per team: its size, its verdict and how many fixes of each urgency it has."""
    import pandas as pd

    return pd.DataFrame([{"team": t.set_id, "name": t.team, "level": t.level, "objectives": t.objectives,
                          "key results": t.key_results, "verdict": t.verdict,
                          **{urgency: sum(f.urgency == urgency for f in t.fixes)
                             for urgency in URGENCIES}}
                         for t in readiness.teams]).set_index("team")
