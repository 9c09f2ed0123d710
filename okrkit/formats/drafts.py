"""Text drafts: the plain format a learner types (FORMATS.md, section 1), and markdown OKR files
as projects and handbooks publish them (headings, checkboxes, numbered lists: the kit's reading).

Parsing never fails on what a learner writes: a line the format does not know becomes a
stray line that the checker reports (OKR001, OKR101) with its line number. What
:func:`format_draft` writes parses back to the same set.
"""
from __future__ import annotations

import re

from okrkit.model import LEVELS, TYPES, KeyResult, Objective, OKRSet, StrayLine
from okrkit.text.language import LazyPattern

_BOLD = r"(?:\*\*|__)?"
_OBJECTIVE = LazyPattern(rf"^{_BOLD}\s*(?:O|Objective)\s*\d*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_KEY_RESULT = LazyPattern(
    rf"^{_BOLD}\s*(?:KR|Key\s*Result)\s*[\d.]*\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<text>.*)$", re.I)
_KR_LABEL = LazyPattern(rf"{_BOLD}\s*(?:KR|Key\s*Result)\s*[\d.]*\s*{_BOLD}\s*:", re.I)
# Markdown OKR files label with a dash ("### Objective 2 - Win ...", "**KR1** — ...") or with a
# numbered word and no mark at all ("## Objective 2 Win ..."): the kit reads both.
_OBJECTIVE_MARKDOWN = LazyPattern(
    rf"^{_BOLD}\s*(?:O\s*\d+|Objective(?:\s*\d+)?)\s*{_BOLD}\s*[-–—.]\s+{_BOLD}\s*(?P<text>.*)$"
    rf"|^{_BOLD}\s*Objective\s*\d+\s*{_BOLD}\s+(?P<bare>[^-–—:.\s].*)$", re.I)
_KEY_RESULT_MARKDOWN = LazyPattern(
    rf"^{_BOLD}\s*(?:KR\s*\d[\d.]*|Key\s*Result(?:\s*\d[\d.]*)?)\s*{_BOLD}\s*[-–—]\s+{_BOLD}\s*(?P<text>.*)$"
    rf"|^{_BOLD}\s*(?:KR|Key\s*Result)\s*\d+(?:\.\d+)*\s*{_BOLD}\s+(?P<bare>[^-–—:.\s].*)$", re.I)
# A label alone on its line ("### Objective 1", "**Objective 2**"): the title follows on the next line.
_OBJECTIVE_ALONE = LazyPattern(rf"^{_BOLD}\s*(?:O\s*\d+|Objective(?:\s*\d+)?)\s*{_BOLD}\s*:?\s*{_BOLD}$", re.I)
# Section labels ("#### Key results", "**KRs:**") name what follows and say nothing themselves.
_SECTION = LazyPattern(
    rf"^{_BOLD}\s*(?:key\s*results?|krs?|objectives?(?:\s*(?:and|&)\s*key\s*results?)?|okrs?)\s*{_BOLD}"
    rf"\s*:?\s*{_BOLD}$", re.I)
# What a line that the kit cannot read looks like, to say so in its finding ("O2 Win ...").
_LOOKS_LIKE = LazyPattern(r"^[|\s]*(?:\*\*|__)?\s*(?:(?P<objective>O\s*\d+|Objective)|(?P<key_result>KR\s*\d*|Key\s*Results?))\b",
                         re.I)
# Handbooks decorate headings and bullets: "### 🎯 Objective 1: ...", "- ✅ KR1: ...".
_DECORATION = LazyPattern("^[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+\\s*")
_BULLET = LazyPattern(r"^(?:[-*+•‣◦]|\d{1,3}[.)])\s+(?P<text>.*)$")
_CHECKBOX = LazyPattern(r"^\[[ xX]?\]\s*")
_HEADER = LazyPattern(rf"^{_BOLD}\s*(?P<name>team|set|level|cycle|type|owner)\s*{_BOLD}\s*:\s*{_BOLD}\s*(?P<value>.*)$", re.I)
# Files saved on old Macs end lines with CR alone; editors count those as lines too.
_LINE_BREAK = LazyPattern(r"\r\n|\r|\n")
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


def _label(content: str) -> tuple[str, str] | None:
    """("objective" | "key result", its text) when the content opens with a label, in the draft
    format or as markdown OKR files write it."""
    opening = content.lstrip("*_ \t")[:1]
    if opening in ("O", "o"):  # every objective label opens with O or Objective, every key result's with K
        if match := _OBJECTIVE.match(content) or _OBJECTIVE_MARKDOWN.match(content):
            return "objective", _clean(match["text"] if match["text"] is not None else match["bare"])
        return ("objective", "") if _OBJECTIVE_ALONE.match(content) else None
    if opening in ("K", "k") and (match := _KEY_RESULT.match(content) or _KEY_RESULT_MARKDOWN.match(content)):
        return "key result", _one_line(match["text"] if match["text"] is not None else match["bare"], _KR_LABEL)
    return None


def _resemblance(line: str, numbered: bool = False) -> tuple[str, str] | None:
    """("an objective" | "a key result", its label) when a line the kit could not read opens like
    one (in a heading only a numbered label counts: "## Key results for Q3" names a section)."""
    match = _LOOKS_LIKE.match(line.lstrip("#").strip())
    if not match or (numbered and not any(char.isdigit() for char in match.group())):
        return None
    label = " ".join((match["objective"] or match["key_result"]).split()) + ":"
    return ("an objective" if match["objective"] else "a key result"), label


def _looks_like(line: str, numbered: bool = False) -> str:
    """Why a line the kit could not read may still be an objective or a key result, or ""."""
    if not (resemblance := _resemblance(line, numbered)):
        return ""
    what, label = resemblance
    if line.lstrip().startswith("|"):
        return f"it looks like {what} in a table row; write each on a line of its own, such as '{label} ...'"
    return f"it looks like {what}, but the kit cannot tell where its label ends; write it as '{label} ...'"


def _commented(content: str) -> str:
    """Why a comment is reported: it looks like an objective or a key result, and is not read."""
    labelled, resemblance = _label(content), _resemblance(content, numbered=True)
    objective = labelled[0] == "objective" if labelled else bool(resemblance) and resemblance[0] == "an objective"
    if objective:
        return ("a comment that looks like an objective, so the key results under it count for the objective "
                "before; make it a heading ('## O2: ...') or a line ('O2: ...') to have it read, or delete it")
    return "a comment that looks like a key result, so it is not read; remove the '#' to have it read, or delete it"


def _indent(raw: str) -> int:
    width = 0
    for char in raw:
        if char not in " \t":
            break
        width += 4 if char == "\t" else 1
    return width


def parse(text: str, path: str | None = None, set_id: str | None = None) -> OKRSet:
    """Read a text draft (or a markdown OKR file) into a set, keeping every line number.

    Markdown headings (``##`` to ``######``) that name an objective or a key result are read as
    one; any other heading is a comment. A line starting with a single ``#`` is a comment, as the
    draft format has it; one that looks like an objective or a key result is reported, since the
    key results under it would otherwise count for the objective before.
    """
    text = text.removeprefix("\ufeff")
    headers: dict[str, str] = {}
    objectives: list[tuple[str, int, list[KeyResult]]] = []
    strays: list[StrayLine] = []
    untitled = False  # the last objective was a label alone: its title may follow on the next line
    kr_indent = 0  # how deep the last key result was indented: a bullet deeper than it is a sub-point
    after_kr = False  # the line before was a key result, or a sub-point of one
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        line = raw.strip().removeprefix("\ufeff")
        if not line:
            continue
        hashes = len(line) - len(line.lstrip("#"))
        content = line[hashes:].strip()
        if hashes == 1:
            if _label(content) or _looks_like(line, numbered=True):
                strays.append(StrayLine(number, line, "unrecognized", _commented(content)))
            continue
        heading = hashes > 1
        if heading and content.endswith("#"):
            content = content.rstrip("#").rstrip()  # the closing hashes of "### Objective 1 ###"
        bullet = None if heading else _BULLET.match(content)
        if bullet:
            content = _CHECKBOX.sub("", bullet["text"], count=1)
        labelled = _label(content)
        if not labelled and (heading or bullet) and content and content[0] >= "\u2190":
            labelled = _label(_DECORATION.sub("", content, count=1))  # the emoji go with the label
        is_bullet = False
        if labelled and (labelled[0] == "objective" or not bullet or objectives):
            kind, body = labelled
        elif _SECTION.match(content):
            continue  # "#### Key results": a section label, nothing of its own
        elif heading and (match := _HEADER.match(content)):  # "## Team: Platform"
            kind, body = (match["name"].lower(), _clean(match["value"])) if not objectives else ("", line)
        elif heading:
            if reason := _looks_like(line, numbered=True):
                strays.append(StrayLine(number, line, "unrecognized", reason))
            continue  # a heading that names no objective, or a comment
        elif bullet and objectives:
            kind, body, is_bullet = "key result", _one_line(content, _KR_LABEL), True
        elif not bullet and (match := _HEADER.match(line)) and not objectives:
            kind, body = match["name"].lower(), _clean(match["value"])
        elif untitled and not bullet and not _HEADER.match(line):
            kind, body = "title", _clean(line)
        else:
            kind, body = "", line
        if kind != "title":
            untitled = False
        indent = _indent(raw)
        follows_kr, after_kr = after_kr, False
        if len(body) > MAX_TEXT:
            strays.append(StrayLine(number, line, "unrecognized", f"longer than {MAX_TEXT:,} characters; "
                                    "an objective or a key result fits in a sentence or two"))
        elif kind == "objective":
            objectives.append((body, number, []))
            untitled = not body
        elif kind == "title":
            title, line_number, krs = objectives[-1]
            objectives[-1] = (body, line_number, krs)
        elif kind == "key result" and is_bullet and follows_kr and indent > kr_indent:
            strays.append(StrayLine(number, line, "unrecognized", "a sub-point of the key result above, not a "
                                    "key result of its own; fold it into that key result or give it its own "
                                    "line at the same depth"))
            after_kr = True
        elif kind == "key result":
            if objectives:
                objectives[-1][2].append(KeyResult(text=body, line=number))
                kr_indent, after_kr = indent, True
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
            reason = ("a header belongs before the first objective" if not bullet and _HEADER.match(content)
                      else "a bullet belongs under an objective" if bullet else _looks_like(line))
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
