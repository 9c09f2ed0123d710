"""Findings for people (text, coloured on a terminal) and for machines (JSON, FORMATS.md 4)."""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from okrkit.errors import printable
from okrkit.findings import SEVERITIES, Finding, Findings
from okrkit.model import OKRSet, Organisation

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


class TerminalText:
    """A stream (the command line's stdout) that prints control characters as escapes.

    Titles, names and file names come from learners and other people's files; printed raw, an
    escape sequence in one could clear or recolour the terminal, or move its cursor over the
    kit's own lines. Line breaks and tabs pass. Coloured findings (:func:`as_text`, whose
    learner text is already escaped) are written to :func:`unfiltered`.
    """

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text, keep_lines=True))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def unfiltered(stream):
    """The stream under a :class:`TerminalText`, for text whose escapes are the kit's own colours."""
    return stream.stream if isinstance(stream, TerminalText) else stream


def summary(found: Sequence[Finding], files: int) -> dict:
    counts = {severity: sum(1 for f in found if f.severity == severity) for severity in SEVERITIES}
    return {"files": files, "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}


def as_json(found: Sequence[Finding], files: int) -> str:
    return json.dumps({
        "findings": [{"path": f.path, "code": f.code, "name": f.name, "severity": f.severity,
                      "where": f.where, "line": f.line, "message": f.message, "hint": f.hint}
                     for f in found],
        "summary": summary(found, files),
    }, indent=2, ensure_ascii=False)


# From this many findings of one rule in one set, text output shows them as one line: 25
# identical hints say less than one line counting them. JSON keeps every finding.
GROUP_FROM = 3
# What a group of findings says about the key results or objectives it counts.
_GROUP_SAYS = {
    "OKR102": "state a metric instead of what matters",
    "OKR103": "are too vague to say what will change",
    "OKR104": "have no key results",
    "OKR201": "have fewer than 3 key results",
    "OKR202": "have more than 5 key results",
    "OKR203": "have no number",
    "OKR204": "describe an activity, not an outcome",
    "OKR205": "move a metric without saying where it starts",
    "OKR206": "have numbers that cannot be a target",
    "OKR207": "only keep a metric where it is",
    "OKR208": "repeat another key result",
    "OKR209": "count the team's own output",
    "OKR001": "are not headers, objectives or key results",
    "OKR401": "repeat a higher level's whole OKR",
    "OKR402": "are silos, linked to no other set",
    "OKR403": "aim short of a key result they are linked to",
    "OKR404": "name a set, objective or key result that does not exist",
    "OKR405": "go round in an alignment cycle",
    "OKR406": "depend on a set that does not answer",
}
# When at least half the key results of a set are unmeasured or tasks, and some are tasks indeed,
# the set as a whole is the problem (a blank template's "Increase ... from ... to ..." is not).
_TASK_LIST = frozenset({"OKR203", "OKR204", "OKR209"})
_TASKS = frozenset({"OKR204", "OKR209"})
_PLACE = re.compile(r"(?:^|/)O\d+(?:/KR\d+)?$")

Sizes = Mapping[tuple[str | None, str], tuple[int, int]]


def set_sizes(loaded: OKRSet | Organisation) -> dict[tuple[str | None, str], tuple[int, int]]:
    """(objectives, key results) of each set, by (path, set id as findings prefix it)."""
    if isinstance(loaded, Organisation):
        return {(s.path, s.id or ""): _size(s) for s in loaded.sets}
    return {(loaded.path, ""): _size(loaded)}


def _size(okr_set: OKRSet) -> tuple[int, int]:
    return len(okr_set.objectives), sum(len(o.key_results) for o in okr_set.objectives)


def _set_of(where: str) -> str:
    """The set a place belongs to: "sales" for "sales/O1/KR2", "" for "O1/KR2"."""
    return _PLACE.sub("", where)


def as_text(found: Sequence[Finding], files: int, colour: bool = False, sizes: Sizes | None = None) -> str:
    """Findings grouped by file, each with its line, place, code, message and hint; a rule that
    fires on many places of one set is one line that counts them."""
    def paint(text: str, style: str) -> str:
        return f"{_COLOURS[style]}{text}{_RESET}" if colour else text

    groups: dict[tuple, list[Finding]] = defaultdict(list)
    with_tasks = set()  # (path, set) where some key result is a task
    for f in found:
        if f.where or f.line:
            groups[(f.path, _set_of(f.where), f.code)].append(f)
        if f.code in _TASKS:
            with_tasks.add((f.path, _set_of(f.where)))
    lines: list[str] = []
    for path in dict.fromkeys(f.path for f in found):
        lines.append(paint(printable(path or "(draft)"), "bold"))
        shown = set()
        for f in (f for f in found if f.path == path):
            key = (f.path, _set_of(f.where), f.code)
            group, hint = groups.get(key, []), f.hint
            if len(group) >= GROUP_FROM:
                if key in shown:
                    continue
                shown.add(key)
                lines.append(f"  {f'{len(group)} ×':>9}  {paint(f'{f.severity:<7}', f.severity)} {f.code} "
                             f"{printable(key[1] or 'set')}: "
                             f"{printable(_group_message(group, (sizes or {}).get(key[:2]), key[:2] in with_tasks))}")
                lines.append(paint(f"{'':13}at {printable(_places(group))}", "dim"))
                hint = Counter(g.hint for g in group).most_common(1)[0][0]  # the hint most of them share
            else:
                place = f"line {f.line}" if f.line else "     "
                where = printable(f.where or "set")
                lines.append(f"  {place:>9}  {paint(f'{f.severity:<7}', f.severity)} {f.code} {where}: "
                             f"{printable(f.message)}")
            lines.append(paint(f"{'':13}→ {printable(hint)}", "dim"))
        lines.append("")
    lines.append(_summary_line(Findings(found), files))
    return "\n".join(lines)


def _group_message(group: list[Finding], size: tuple[int, int] | None, with_tasks: bool = False) -> str:
    """ "12 of 25 key results have no number: this reads as a task list, not an OKR set." """
    n, first = len(group), group[0]
    says = _GROUP_SAYS.get(first.code, f"are flagged: {first.name.replace('-', ' ')}")
    if first.code == "OKR001":
        return f"{n} lines {says}."
    on_key_results = all("/KR" in f.where for f in group)
    counted = "key results" if on_key_results else "objectives"
    total = (size[1] if on_key_results else size[0]) if size else None
    message = f"{n} of {total} {counted} {says}" if total and total >= n else f"{n} {counted} {says}"
    if first.code in _TASK_LIST and with_tasks and total and 2 * n >= total:
        message += ": this reads as a task list, not an OKR set"
    return message + "."


def _places(group: list[Finding]) -> str:
    """ "O1/KR2 (line 5), O2/KR1 (line 9)": each place within its set."""
    def place(f: Finding) -> str:
        inside = match.group().lstrip("/") if (match := _PLACE.search(f.where)) else ""
        return f"{inside} (line {f.line})" if inside and f.line else inside or f"line {f.line}"
    return ", ".join(map(place, group))


def _summary_line(found: Findings, files: int) -> str:
    checked = f"Checked {files} file{'s' if files != 1 else ''}"
    return f"{checked}: {found.summary()}." if found else f"{checked}: no findings. ✔"
