"""Text drafts: the plain format a learner types (FORMATS.md, section 1).

Parsing never fails on what a learner writes: a line the format does not know becomes a
stray line that the checker reports (OKR001, OKR101) with its line number. What
:func:`format_draft` writes parses back to the same set.
"""
from __future__ import annotations

import re

from okrkit.model import LEVELS, TYPES, KeyResult, Objective, OKRSet, StrayLine

_BOLD = r"(?:\*\*|__)?"
_OBJECTIVE = re.compile(rf"^{_BOLD}\s*(?:O|Objective)\s*\d*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_KEY_RESULT = re.compile(
    rf"^{_BOLD}\s*(?:KR|Key\s*Result)\s*[\d.]*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_KR_LABEL = re.compile(rf"{_BOLD}\s*(?:KR|Key\s*Result)\s*[\d.]*\s*{_BOLD}\s*:", re.I)
_BULLET = re.compile(r"^(?:[-*•‣◦]|\d{1,3}[.)])\s+(?P<text>.*)$")
_HEADER = re.compile(rf"^{_BOLD}\s*(?P<name>team|set|level|cycle|type|owner)\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<value>.*)$", re.I)
# Files saved on old Macs end lines with CR alone; editors count those as lines too.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters in one line of a draft: a title or a key result is a sentence or two. Longer
# lines are reported, not read, so that pasting a whole document stays quick.
MAX_TEXT = 5_000


def _emphasis(char: str) -> bool:
    return char.isspace() or char in "*_"


def _clean(text: str) -> str:
    """The text without the spaces and markdown emphasis around it ("** Win **" is "Win"); in
    one pass, so that a line of a thousand "* " stays quick."""
    start, end = 0, len(text)
    while start < end and _emphasis(text[start]):
        start += 1
    while end > start and _emphasis(text[end - 1]):
        end -= 1
    return text[start:end]


def _one_line(text: str, label: re.Pattern | None = None) -> str:
    """Text as one line of a draft: line breaks joined, emphasis trimmed, repeated labels
    ("KR: KR: ...") dropped, so that writing it and reading it back change nothing."""
    text = _clean(_LINE_BREAK.sub(" ", text))
    start = 0
    while label and (match := label.match(text, start)):
        start = match.end()
        while start < len(text) and _emphasis(text[start]):
            start += 1
    return text[start:]


def parse(text: str, path: str | None = None, set_id: str | None = None) -> OKRSet:
    """Read a text draft into a set, keeping every line number."""
    text = text.removeprefix("\ufeff")
    headers: dict[str, str] = {}
    objectives: list[tuple[str, int, list[KeyResult]]] = []
    strays: list[StrayLine] = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        line = raw.strip().removeprefix("\ufeff")
        if not line or line.startswith("#"):
            continue
        if match := _OBJECTIVE.match(line):
            kind, body = "objective", _clean(match["text"])
        elif match := _KEY_RESULT.match(line) or (objectives and _BULLET.match(line)):
            kind, body = "key result", _one_line(match["text"], _KR_LABEL)  # also "- KR: ..."
        elif (match := _HEADER.match(line)) and not objectives:
            kind, body = match["name"].lower(), _clean(match["value"])
        else:
            kind, body = "", line
        if len(body) > MAX_TEXT:
            strays.append(StrayLine(number, line, "unrecognized", f"longer than {MAX_TEXT:,} characters; "
                                    "an objective or a key result fits in a sentence or two"))
        elif kind == "objective":
            objectives.append((body, number, []))
        elif kind == "key result":
            if objectives:
                objectives[-1][2].append(KeyResult(text=body, line=number))
            else:
                strays.append(StrayLine(number, line, "orphan-key-result"))
        elif kind:
            if not body:
                continue  # "Cycle:" left blank in a template says nothing
            name = "team" if kind == "set" else kind
            if problem := _header_problem(name, body):
                strays.append(StrayLine(number, line, "unrecognized", problem))
            else:
                headers[name] = body.lower() if name in ("level", "type") else body
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
    """Write a set back as a text draft (numbers and scores stay in YAML).

    Every title and key result becomes exactly one line, whatever it holds, so a text from a
    YAML file cannot add or hide lines.
    """
    lines = []
    for name, value in (("Team", okr_set.team), ("Level", okr_set.level), ("Cycle", okr_set.cycle),
                        ("Type", okr_set.type), ("Owner", okr_set.owner)):
        if value and (value := _one_line(value)):
            lines.append(f"{name}: {value}")
    for objective in okr_set.objectives:
        lines.append(f"O: {_one_line(objective.title)}")
        lines.extend(f"KR: {_one_line(kr.text, _KR_LABEL)}" for kr in objective.key_results)
    return "\n".join(lines) + "\n"
