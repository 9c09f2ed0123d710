"""Closing a cycle: retrospectives, closing decisions, and the next cycle's draft.

The deck closes a cycle in two rooms: each team holds a retrospective (what went well, what
could have been better, learnings sent to the team before the next drafting) and management
holds one about focus, culture and the bridge between strategy and teams. Each objective is
closed with a decision (keep, modify, abandon, carry forward; or simply keep or remove). The
next cycle starts from a blank sheet: only what is kept or carried forward comes back, and
only for the value still to be gained, never because it was not finished.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrkit import scoring
from okrkit.errors import InputError
from okrkit.files import write_atomic
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.fields import markdown_text, one_line
from okrkit.model import DECISIONS, Objective, OKRSet, Retro

TEAM_RETRO_QUESTIONS = (
    "What did we do well?",
    "What should we have done better?",
    "Which learnings do we capture and send to the team before drafting the next cycle's OKRs?",
)
REVIEW_TOPICS = ("Cadence", "Crafting: what went well, what could have been better, what was not needed",
                 "System", "Culture", "Alignment")
ORGANISATION_RETRO_QUESTIONS = (
    "Were we focused on what matters most?",
    "Did we change the culture and dynamics?",
    "Did we bridge the gap between strategies and operations (the teams)?",
)
REFLECTION_QUESTIONS = (
    "Did I accomplish all of my objectives? If so, what contributed to my success?",
    "If not, what obstacles did I encounter?",
    "If I rewrite a goal achieved in full, what would I change?",
    "What have I learned that might alter my approach to the next cycle's OKRs?",
)
CLOSING_QUESTIONS = (
    "How would you rate your execution? (1-5 stars)",
    "What did you learn?",
    "What have you decided based on those learnings?",
)
DECISION_MEANINGS = {
    "keep": "it still matters as it is: it returns next cycle",
    "modify": "it still matters, but must be rewritten before it returns",
    "abandon": "it no longer earns its place (the simple scheme's \"remove\")",
    "carry-forward": "it flows over into the next cycle, for the more value still to be gained",
}
CONTINUING = ("keep", "carry-forward")


def decision(text: str) -> str:
    """A closing decision as the kit spells it: "Carry forward" is carry-forward, "remove" is abandon."""
    key = "-".join(str(text).strip().lower().split())
    key = {"remove": "abandon", "carry": "carry-forward", "carryforward": "carry-forward"}.get(key, key)
    if key not in DECISIONS:
        raise InputError(f"unknown closing decision {text!r}: use {', '.join(DECISIONS)} (or remove)")
    return key


def close(okr_set: OKRSet, retros: dict[str, Retro]) -> OKRSet:
    """The set with retro blocks attached by place: ``{"O1": Retro(decision="keep", ...)}``."""
    objectives = list(okr_set.objectives)
    for where, retro in retros.items():
        index = int(where.strip().lstrip("Oo")) - 1
        if not 0 <= index < len(objectives):
            raise InputError(f"no objective {where} in {okr_set.name}")
        objectives[index] = dataclasses.replace(objectives[index], retro=retro)
    return dataclasses.replace(okr_set, objectives=tuple(objectives))


@dataclass(frozen=True)
class TeamRetrospective:
    """What a team head sends the team before the next drafting starts."""

    team: str
    cycle: str | None
    went_well: tuple[str, ...] = ()
    could_be_better: tuple[str, ...] = ()
    learnings: tuple[str, ...] = ()
    sent_on: date | None = None
    next_drafting: date | None = None

    @property
    def sent_in_time(self) -> bool | None:
        """Whether the learnings reached the team before drafting started (None while unknown)."""
        if self.sent_on is None or self.next_drafting is None:
            return None
        return self.sent_on < self.next_drafting

    def as_markdown(self) -> str:
        """The message to the team, ready to send."""
        def section(title: str, items: tuple[str, ...]) -> list[str]:
            shown = [markdown_text(item) for item in items] or ["(nothing recorded yet)"]
            return [f"## {title}", "", *(f"- {item}" for item in shown), ""]

        head = f"# Retrospective: {markdown_text(self.team)}" + (f", {markdown_text(self.cycle)}" if self.cycle else "")
        return "\n".join([head, "", *section("What went well", self.went_well),
                          *section("What could have been better", self.could_be_better),
                          *section("Learnings for the next drafting", self.learnings)]).rstrip() + "\n"


def team_retrospective(okr_set: OKRSet) -> TeamRetrospective:
    """A first draft of the team's retrospective, read from a closed set's scores and retro blocks."""
    well, better, learnings = [], [], []
    for objective in okr_set.objectives:
        score = scoring.objective_score(objective)
        if score is not None:
            line = f"{objective.title} ({score:.2f}, {scoring.band(score)})"
            (well if score >= 0.7 else better).append(line)
        if objective.retro and objective.retro.learning.strip():
            decided = objective.retro.decided.strip()
            learnings.append(objective.retro.learning.strip() + (f" Decided: {decided}" if decided else ""))
    return TeamRetrospective(okr_set.name, okr_set.cycle, tuple(well), tuple(better), tuple(learnings))


@dataclass(frozen=True)
class Continuation:
    """An objective that returns next cycle, and why."""

    where: str
    objective: Objective
    decision: str
    value: str  # what justifies continuing it; empty when nobody said (OKR602)


def continuing(okr_set: OKRSet) -> list[Continuation]:
    """The objectives kept or carried forward, with the value their retro block gives."""
    found = []
    for i, objective in enumerate(okr_set.objectives, 1):
        retro = objective.retro
        if retro is not None and retro.decision in CONTINUING:
            found.append(Continuation(f"O{i}", objective, retro.decision, retro.value.strip()))
    return found


def _next_cycle(okr_set: OKRSet, cycle: str | None) -> str | None:
    if cycle:
        return parse_cycle(cycle).label
    return parse_cycle(okr_set.cycle, okr_set.path).next().label if okr_set.cycle else None


def _why(item: Continuation) -> str:
    if item.decision == "keep":
        return f"Kept: {item.value}" if item.value else "Kept: say what value it brings next cycle"
    if item.value:
        return f"Carried forward: {item.value}"
    return "Carried forward, but nobody said what more value it brings: say it, or leave it out (OKR602)"


def _ended(objective: Objective) -> list[str]:
    lines = []
    for j, kr in enumerate(objective.key_results, 1):
        facts = [f"ended at {kr.current:g}" if kr.current is not None else "",
                 f"progress {kr.progress:.2f}" if kr.progress is not None else "",
                 f"score {kr.score:g}" if kr.score is not None else ""]
        if any(facts):
            lines.append(f"KR{j} {', '.join(f for f in facts if f)}")
    return lines


def _leftovers(okr_set: OKRSet) -> list[str]:
    lines = []
    for objective in okr_set.objectives:
        retro = objective.retro
        if retro is not None and retro.decision == "modify":
            lines.append(f"# To rewrite before it returns (modify): {one_line(objective.title)}")
        elif retro is None or not retro.decision:
            lines.append(f"# No closing decision yet (OKR601): {one_line(objective.title)}")
    return lines


def next_draft(okr_set: OKRSet, cycle: str | None = None) -> str:
    """The next cycle's text draft: a blank sheet except the objectives kept or carried forward."""
    lines = [f"# Draft for the cycle after {one_line(okr_set.cycle or 'the closed one')}, from the closing of "
             f"{one_line(okr_set.name)}.",
             "# A blank sheet, except what was kept or carried forward for the value still to be gained.",
             "# Move each key result's baseline to where it ended, and cut what no longer earns its place."]
    for name, value in (("Team", okr_set.team), ("Level", okr_set.level), ("Cycle", _next_cycle(okr_set, cycle)),
                        ("Type", okr_set.type), ("Owner", okr_set.owner)):
        if value:
            lines.append(f"{name}: {one_line(value)}")
    for item in continuing(okr_set):
        lines += ["", f"# {one_line(_why(item))}"]
        if item.objective.retro.learning.strip():
            lines.append(f"# Learning: {one_line(item.objective.retro.learning.strip())}")
        lines += [*(f"# {line}" for line in _ended(item.objective)), f"O: {one_line(item.objective.title)}"]
        lines += [f"KR: {one_line(kr.text)}" for kr in item.objective.key_results]
    if leftovers := _leftovers(okr_set):
        lines += ["", *leftovers]
    return "\n".join(lines) + "\n"


def next_draft_yaml(okr_set: OKRSet, cycle: str | None = None) -> str:
    """The next cycle's draft as a YAML set, with the same justifying comments."""
    import textwrap

    import yaml

    head = {key: value for key, value in (("id", okr_set.id), ("team", okr_set.team), ("level", okr_set.level),
                                          ("cycle", _next_cycle(okr_set, cycle)), ("type", okr_set.type),
                                          ("owner", okr_set.owner)) if value}
    parts = [f"# Draft for the cycle after {okr_set.cycle or 'the closed one'}: only what was kept or carried "
             "forward, each with the value that justifies it.\n", yaml.safe_dump(head, sort_keys=False,
                                                                                 allow_unicode=True)]
    items = continuing(okr_set)
    parts.append("objectives:\n" if items else "objectives: []\n")
    for item in items:
        objective = item.objective
        data = {"title": objective.title, "type": objective.type, "aligns_to": objective.aligns_to,
                "depends_on": list(objective.depends_on), "supports": list(objective.supports),
                "key_results": [kr.text for kr in objective.key_results]}
        data = {key: value for key, value in data.items() if value}
        comments = [one_line(_why(item)), *_ended(objective)]
        parts.append("".join(f"  # {line}\n" for line in comments))
        parts.append(textwrap.indent(yaml.safe_dump([data], sort_keys=False, allow_unicode=True), "  "))
    if leftovers := _leftovers(okr_set):
        parts.append("\n".join(leftovers) + "\n")
    return "".join(parts)


def write_next_draft(okr_set: OKRSet, path: str | os.PathLike, cycle: str | None = None) -> Path:
    """Write the next cycle's draft (.okr text, or .yaml/.yml), keeping any file already there as ``name~``."""
    path = Path(path)
    if okr_set.path and path.exists() and path.resolve() == Path(okr_set.path).resolve():
        raise InputError("is the closed cycle itself: write the next draft to another file", str(path))
    text = next_draft_yaml(okr_set, cycle) if path.suffix.lower() in (".yaml", ".yml") else next_draft(okr_set, cycle)
    return write_atomic(path, text)
