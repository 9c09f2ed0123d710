"""The OKR implementation plan: the deck's fifteen questions as a form the kit can review.

Before a pilot starts, the deck asks an organisation to decide levels, number, scoring,
cycle time, tooling and more. Kept as a YAML form, the plan says what is still undecided and
which answers contradict the course (four objectives per team, a two-month cycle, bonuses
paid on OKR scores, no bottom-up share), each with the course's reason.
"""
from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from okrkit.errors import InputError
from okrkit.model import LEVELS


@dataclass(frozen=True)
class Question:
    topic: str
    ask: str  # the deck's question
    fields: tuple[str, ...]  # the plan fields that answer it
    guidance: str  # what the course suggests, in our words


QUESTIONS: tuple[Question, ...] = (
    Question("Levels", "At what level will we set OKRs?", ("levels",),
             "Start with company OKRs as the guardrail; teams set theirs from them."),
    Question("Number", "How many OKRs will we set?", ("objectives", "key_results"),
             "At most 3 objectives per team (1-3 for the company), each with 3-5 key results."),
    Question("Scoring", "How will we score OKRs?", ("scoring",),
             "Score 0.0-1.0 on the deck's grade scale; aspirational OKRs land around 0.7, committed at 1.0."),
    Question("Cycle Time", "How long is an OKR cycle?", ("cycle_months",),
             "From 3 months to 1 year; the deck's typical cycle is a quarter."),
    Question("Tooling", "Where do we draft, publish and track OKRs? What templates do we use?", ("tooling",),
             "One place everyone can see: transparency makes dependencies visible."),
    Question("KRs update", "How often will KRs be updated?", ("kr_updates",),
             "Weekly check-ins of 10-30 minutes; never set and forget."),
    Question("Success", "How do we define success?", ("success",),
             "Describe the desired future state, with the KPIs that show it."),
    Question("Incentives", "How do we incentivize OKRs?", ("tied_to_pay", "incentives"),
             "Keep OKR scores out of bonus formulas, or people play it safe and stop stretching."),
    Question("OKRs vs KPIs", "How do we differentiate OKRs from KPIs?", ("okrs_vs_kpis",),
             "KPIs monitor the health of the business; OKRs change something. Use both, for different purposes."),
    Question("Alignment", "How will we ensure OKRs are aligned?", ("alignment",),
             "Top-down, bottom-up and across teams: ask the three horizontal-alignment questions."),
    Question("Bottoms-Up", "How will we ensure most OKRs originate bottoms-up?", ("bottom_up_share",),
             "Tell teams the destination and let them figure out how to get there: most OKRs start in the teams."),
    Question("Agile Tools", "What agile process do you already have? And what heartbeat?", ("agile_tools",),
             "Fit check-ins into the meetings you already hold instead of adding new ones."),
    Question("Pilot Group", "How will we ensure to include OKR enthusiastic people in the pilot group?",
             ("pilot_group", "pilot_people"),
             "Pick an executive, department or strategic-initiative pilot, with the highest-impact people."),
    Question("Train", "Which OKR participants do you need to train in their roles?", ("training",),
             "Every role in the pilot, from VP to team, needs to know its part in each OKR event."),
    Question("Facilitate", "When do you facilitate OKR drafting, workshop, reviewing / update meetings?",
             ("facilitation",), "Plan the workshops by the typical cycle: 4-6 weeks before the quarter onwards."),
)

CHOICES = {
    "scoring": ("grade-scale", "percent", "pass-fail"),
    "kr_updates": ("weekly", "biweekly", "monthly", "quarterly", "end-of-cycle"),
    "tied_to_pay": ("no", "partly", "yes"),
    "pilot_group": ("executive", "department", "strategic-initiative", "big-bang"),
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(weeks?|months?|years?)?\s*$", re.IGNORECASE)
_DURATION_WORDS = {"quarter": 3.0, "quarterly": 3.0, "half-year": 6.0, "half year": 6.0, "year": 12.0,
                   "annual": 12.0, "yearly": 12.0, "month": 1.0, "monthly": 1.0}


@dataclass(frozen=True)
class Plan:
    """An organisation's answers; ``None`` is undecided. Values are checked and tidied on creation."""

    levels: tuple[str, ...] | None = None
    objectives: int | None = None  # objectives per set
    key_results: tuple[int, int] | None = None  # key results per objective, as a range
    scoring: str | None = None
    cycle_months: float | None = None
    tooling: str | None = None
    kr_updates: str | None = None
    success: str | None = None
    tied_to_pay: str | None = None
    incentives: str | None = None
    okrs_vs_kpis: str | None = None
    alignment: str | None = None
    bottom_up_share: float | None = None  # 0.0-1.0
    agile_tools: str | None = None
    pilot_group: str | None = None
    pilot_people: str | None = None
    training: str | None = None
    facilitation: str | None = None

    def __post_init__(self):
        for field in fields(self):
            value = getattr(self, field.name)
            if value is not None:
                object.__setattr__(self, field.name, _tidy(field.name, value))


FIELDS = tuple(f.name for f in fields(Plan))


def _tidy(name: str, value: Any) -> Any:
    """One answer in its canonical form, or an InputError naming the field."""
    def fail(expected: str) -> InputError:
        return InputError(f"{name}: expected {expected}, got {value!r}")

    if isinstance(value, str) and not value.strip():
        return None
    if name == "levels":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
            raise fail(f"a list of levels ({', '.join(LEVELS)})")
        tidy = tuple(dict.fromkeys(i.strip().lower() for i in items))
        if unknown := [i for i in tidy if i not in LEVELS]:
            raise fail(f"levels among {', '.join(LEVELS)} (not {', '.join(unknown)})")
        return tidy or None
    if name == "objectives":
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
            raise fail("a whole number of objectives")
        return int(value)
    if name == "key_results":
        text = f"{value[0]}-{value[1]}" if isinstance(value, (list, tuple)) and len(value) == 2 else str(value)
        match = None if isinstance(value, bool) else re.fullmatch(r"\s*(\d+)\s*(?:(?:-|–|to)\s*(\d+))?\s*", text)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise fail('a number of key results or a range such as "3-5"')
        return int(match.group(1)), int(match.group(2) or match.group(1))
    if name == "cycle_months":
        return _months(value, fail)
    if name == "bottom_up_share":
        text = str(value).strip()
        try:
            share = float(text.rstrip("%")) / (100 if text.endswith("%") or float(text.rstrip("%")) > 1 else 1)
        except ValueError:
            raise fail('a share such as 0.6 or "60%"') from None
        if not 0 <= share <= 1:
            raise fail("a share between 0 and 1 (or 0% and 100%)")
        return share
    if name in CHOICES:
        choice = {True: "yes", False: "no"}.get(value, str(value)).strip().lower().replace(" ", "-") \
            if isinstance(value, (bool, str)) else None
        if choice not in CHOICES[name]:
            raise fail(f"one of {', '.join(CHOICES[name])}")
        return choice
    if isinstance(value, (dict, list, tuple)):
        raise fail("text")
    return str(value).strip()


def _months(value: Any, fail) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        months = float(value)
    elif isinstance(value, str) and value.strip().lower() in _DURATION_WORDS:
        months = _DURATION_WORDS[value.strip().lower()]
    elif isinstance(value, str) and (match := _DURATION.match(value)):
        unit = (match.group(2) or "months").lower()
        months = float(match.group(1)) * {"w": 12 / 52, "m": 1.0, "y": 12.0}[unit[0]]
    else:
        raise fail('a number of months, or a length such as "6 weeks", "quarter" or "1 year"')
    if months <= 0:
        raise fail("a cycle longer than zero")
    return round(months, 2)


def undecided(plan: Plan) -> list[Question]:
    """The questions that still have a field without an answer, in the deck's order."""
    return [q for q in QUESTIONS if any(getattr(plan, f) is None for f in q.fields)]


@dataclass(frozen=True)
class Flag:
    """An answer that contradicts the course (warning) or deserves a second look (info)."""

    topic: str
    severity: str
    message: str
    source: str


def flags(plan: Plan) -> list[Flag]:
    return list(_flags(plan))


def _flags(p: Plan) -> Iterator[Flag]:
    if p.levels is not None and "company" not in p.levels:
        yield Flag("Levels", "info", "no company level: teams then set OKRs without the company's guardrail",
                   "guide: company-level OKRs as a guardrail")
    if p.objectives is not None and p.objectives > 3:
        yield Flag("Number", "warning", f"{p.objectives} objectives per team: the course allows at most 3",
                   "guide: company 1-3, a team never more than 3")
    if p.key_results is not None and (p.key_results[0] < 3 or p.key_results[1] > 5):
        low, high = p.key_results
        shown = f"{low}" if low == high else f"{low}-{high}"
        yield Flag("Number", "warning", f"{shown} key results per objective: the course asks for 3-5",
                   "guide: fewer than 3 misses indicators, more than 5 cannot be traced")
    if p.scoring == "pass-fail":
        yield Flag("Scoring", "warning", "pass/fail scoring punishes stretch: the course scores 0.0-1.0 and "
                   "expects aspirational OKRs around 0.7", "deck: rating and grading OKRs")
    elif p.scoring == "percent":
        yield Flag("Scoring", "info", "a percentage is measured progress; the score is the owner's judgement "
                   "on 0.0-1.0, with a note when they differ", "deck: rating / reflecting table")
    if p.cycle_months is not None and not 3 <= p.cycle_months <= 12:
        yield Flag("Cycle Time", "warning", f"a cycle of {p.cycle_months:g} months: OKR time frames run from "
                   "3 months to 1 year", "guide: specific time frame")
    if p.kr_updates in ("quarterly", "end-of-cycle"):
        yield Flag("KRs update", "warning", f"key results updated {p.kr_updates.replace('-', ' ')}: that is "
                   "'set and forget', which loses focus and confidence", "deck: OKR check-ins, consistency")
    elif p.kr_updates == "monthly":
        yield Flag("KRs update", "info", "monthly updates find problems late; the deck checks in weekly",
                   "deck: regular weekly check-ins")
    if p.tied_to_pay == "yes":
        yield Flag("Incentives", "warning", "OKR scores feed pay directly: people will play it safe and "
                   "sandbag instead of stretching", "deck: 'play it safe' and avoid risk")
    elif p.tied_to_pay == "partly" and not p.incentives:
        yield Flag("Incentives", "warning", "OKRs partly tied to pay without saying how stretch is protected",
                   "deck: 'play it safe' and avoid risk")
    if p.bottom_up_share is not None and p.bottom_up_share < 0.5:
        amount = "no" if p.bottom_up_share == 0 else f"only {p.bottom_up_share:.0%} of"
        yield Flag("Bottoms-Up", "warning", f"{amount} OKRs originate bottom-up: the deck wants most of them to",
                   "deck: bottoms-up; delegate the key results to the team")


def with_answers(plan: Plan, **answers: Any) -> Plan:
    """The plan with some answers changed (unknown names are an error, with a suggestion)."""
    for name in answers:
        if name not in FIELDS:
            raise InputError(f"unknown plan field '{name}'{_suggest(name)}")
    return replace(plan, **answers)


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(str(name), FIELDS, n=1)
    return f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(FIELDS)}"


def load(path: str | os.PathLike) -> Plan:
    """A plan from its YAML form; a bad answer is an InputError with its line."""
    from okrkit.files import read_text
    from okrkit.formats.safeyaml import read_yaml

    name = str(path)
    data, node = read_yaml(read_text(path), name)
    if data is None:
        return Plan()
    if not isinstance(data, dict):
        raise InputError("a plan is a mapping of answers (levels: ..., objectives: ...)", name, 1)
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    for key in data:
        if key not in FIELDS:
            raise InputError(f"unknown plan field '{key}'{_suggest(key)}", name, lines.get(key))
    answers = {}
    for key, value in data.items():
        try:
            answers[key] = None if value is None else _tidy(key, value)
        except InputError as error:
            raise error.at(name, lines.get(key)) from None
    return Plan(**answers)


def save(plan: Plan, path: str | os.PathLike):
    """The plan as a commented YAML form (each deck question above its answer), written atomically."""
    import yaml

    from okrkit.files import write_atomic

    out = ["# OKR implementation plan (okrkit). Leave an answer empty while it is undecided.",
           "# Check it with: okrkit plan THIS-FILE", ""]
    for question in QUESTIONS:
        out += [f"# {question.topic}: {question.ask}", f"#   course: {question.guidance}"]
        for name in question.fields:
            value = getattr(plan, name)
            if name == "key_results" and value is not None:
                value = f"{value[0]}-{value[1]}" if value[0] != value[1] else value[0]
            elif name == "levels" and value is not None:
                value = list(value)
            choices = f"  # {' | '.join(CHOICES[name])}" if name in CHOICES else ""
            dumped = "" if value is None else " " + yaml.safe_dump(value, default_flow_style=True, width=10_000,
                                                                  allow_unicode=True).strip().removesuffix("\n...")
            out.append(f"{name}:{dumped}{choices}")
        out.append("")
    return write_atomic(path, "\n".join(out))
