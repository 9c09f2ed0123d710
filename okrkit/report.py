"""Findings for people (text, coloured on a terminal) and for machines (JSON, FORMATS.md 4)."""
from __future__ import annotations

import json
from collections.abc import Sequence

from okrkit.errors import printable
from okrkit.findings import SEVERITIES, Finding, Findings

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


def as_text(found: Sequence[Finding], files: int, colour: bool = False) -> str:
    """Findings grouped by file, each with its line, place, code, message and hint."""
    def paint(text: str, style: str) -> str:
        return f"{_COLOURS[style]}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for path in dict.fromkeys(f.path for f in found):
        lines.append(paint(printable(path or "(draft)"), "bold"))
        for f in (f for f in found if f.path == path):
            place = f"line {f.line}" if f.line else "     "
            where = printable(f.where or "set")
            lines.append(f"  {place:>9}  {paint(f'{f.severity:<7}', f.severity)} {f.code} {where}: "
                         f"{printable(f.message)}")
            lines.append(paint(f"{'':13}→ {printable(f.hint)}", "dim"))
        lines.append("")
    lines.append(_summary_line(Findings(found), files))
    return "\n".join(lines)


def _summary_line(found: Findings, files: int) -> str:
    checked = f"Checked {files} file{'s' if files != 1 else ''}"
    return f"{checked}: {found.summary()}." if found else f"{checked}: no findings. ✔"
