"""Text drafts: the plain format a learner types (FORMATS.md, section 1).

Parsing never fails on what a learner writes: a line the format does not know becomes a
stray line that the checker reports (OKR001, OKR101) with its line number.
"""
from __future__ import annotations

import re

from okrkit.model import LEVELS, TYPES, KeyResult, Objective, OKRSet, StrayLine

_BOLD = r"(?:\*\*|__)?"
_OBJECTIVE = re.compile(rf"^{_BOLD}\s*(?:O|Objective)\s*\d*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_KEY_RESULT = re.compile(
    rf"^{_BOLD}\s*(?:KR|Key\s*Result)\s*[\d.]*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_BULLET = re.compile(r"^(?:[-*•‣◦]|\d{1,3}[.)])\s+(?P<text>.*)$")
_HEADER = re.compile(rf"^{_BOLD}\s*(?P<name>team|set|level|cycle|type|owner)\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<value>.*)$", re.I)


def _clean(text: str) -> str:
    return text.strip().strip("*_").strip()


def parse(text: str, path: str | None = None, set_id: str | None = None) -> OKRSet:
    """Read a text draft into a set, keeping every line number."""
    text = text.removeprefix("\ufeff")
    headers: dict[str, str] = {}
    objectives: list[tuple[str, int, list[KeyResult]]] = []
    strays: list[StrayLine] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip().removeprefix("\ufeff")
        if not line or line.startswith("#"):
            continue
        if match := _OBJECTIVE.match(line):
            objectives.append((_clean(match["text"]), number, []))
        elif match := _KEY_RESULT.match(line) or (objectives and _BULLET.match(line)):
            body = _clean(match["text"])
            if labelled := _KEY_RESULT.match(body):  # "- KR: ..."
                body = _clean(labelled["text"])
            if objectives:
                objectives[-1][2].append(KeyResult(text=body, line=number))
            else:
                strays.append(StrayLine(number, line, "orphan-key-result"))
        elif (match := _HEADER.match(line)) and not objectives:
            name, value = match["name"].lower(), _clean(match["value"])
            name = "team" if name == "set" else name
            problem = _header_problem(name, value)
            if problem:
                strays.append(StrayLine(number, line, "unrecognized", problem))
            else:
                headers[name] = value.lower() if name in ("level", "type") else value
        else:
            reason = ("a header belongs before the first objective" if _HEADER.match(line)
                      else "a bullet belongs under an objective" if _BULLET.match(line) else "")
            strays.append(StrayLine(number, line, "unrecognized", reason))
    return OKRSet(
        objectives=tuple(Objective(title, tuple(krs), line=number) for title, number, krs in objectives),
        id=set_id,
        team=headers.get("team"),
        level=headers.get("level", "team"),
        cycle=headers.get("cycle"),
        type=headers.get("type"),
        owner=headers.get("owner"),
        path=path,
        stray_lines=tuple(strays),
    )


def _header_problem(name: str, value: str) -> str:
    allowed = {"level": LEVELS, "type": TYPES}.get(name)
    if allowed and value.lower() not in allowed:
        return f"{name.title()} must be one of {', '.join(allowed)}"
    return ""


def format_draft(okr_set: OKRSet) -> str:
    """Write a set back as a text draft (numbers and scores stay in YAML)."""
    lines = []
    for name, value in (("Team", okr_set.team), ("Level", okr_set.level), ("Cycle", okr_set.cycle),
                        ("Type", okr_set.type), ("Owner", okr_set.owner)):
        if value:
            lines.append(f"{name}: {value}")
    for objective in okr_set.objectives:
        lines.append(f"O: {objective.title}")
        lines.extend(f"KR: {kr.text}" for kr in objective.key_results)
    return "\n".join(lines) + "\n"
