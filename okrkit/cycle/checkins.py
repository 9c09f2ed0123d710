"""The check-in log: one row per key result per check-in, kept as CSV or YAML.

Columns: ``kr`` (``O1/KR2``, ``sales/O1/KR2`` in an organisation, or the key result's text),
``date`` (YYYY-MM-DD), ``value`` (the metric now), ``confidence`` (0-1, or 0-10 for the whole
log as soon as one value is above 1; "70%" is 0.7), ``blockers``, ``risks``, ``comment``.
A bad row never spoils the log: it becomes a problem (an InputError with file and line) and
the good rows still count. Only a log whose columns cannot be read raises.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import math
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from okrkit.errors import InputError, quoted
from okrkit.files import read_text, write_atomic
from okrkit.formats.csvsafe import restore
from okrkit.model import OKRSet, Organisation
from okrkit.text.language import normalise

COLUMNS = ("kr", "date", "value", "confidence", "blockers", "risks", "comment")
ONE_LINE = ("kr", "date", "value", "confidence")  # a line break in one of these is a quote left open
_ALIASES = {"key result": "kr", "key results": "kr", "kr": "kr", "date": "date", "value": "value",
            "current": "value", "confidence": "confidence", "blockers": "blockers", "blocker": "blockers",
            "risks": "risks", "risk": "risks", "comment": "comment", "comments": "comment", "note": "comment"}
_REFERENCE = re.compile(r"^(?:(?P<set>[A-Za-z0-9_-]+)\s*/\s*)?o\s*(?P<o>\d+)\s*[/.\- ]?\s*kr\s*(?P<kr>\d+)$", re.I)


@dataclass(frozen=True)
class CheckIn:
    """What a team said about one key result on one day."""

    kr: str  # "O1/KR2" once resolved against a set ("sales/O1/KR2" in an organisation)
    date: date
    value: float | None = None
    confidence: float | None = None  # 0.0-1.0
    blockers: str = ""
    risks: str = ""
    comment: str = ""
    line: int | None = None


@dataclass(frozen=True)
class CheckInLog:
    """Check-ins in date order, with the problems of the rows that could not count."""

    entries: tuple[CheckIn, ...] = ()
    path: str | None = None
    problems: tuple[InputError, ...] = ()

    def for_kr(self, kr: str) -> tuple[CheckIn, ...]:
        return tuple(e for e in self.entries if e.kr == kr)

    def for_set(self, set_id: str) -> CheckInLog:
        """The check-ins of one set of an organisation, with references relative to it."""
        prefix = f"{set_id}/"
        return dataclasses.replace(self, entries=tuple(
            dataclasses.replace(e, kr=e.kr[len(prefix):]) for e in self.entries if e.kr.startswith(prefix)))


def _text(value) -> str:
    return restore(str(value).strip()) if value is not None else ""


def _number(value, name: str) -> tuple[float | None, bool]:
    """A number and whether it was written as a percentage; "1,200" and "70%" are read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, False
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{name}: expected a number, got {quoted(value)}")
    text = _text(value).replace(",", "")
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").strip())
    except ValueError:
        raise ValueError(f"{name}: expected a number, got {quoted(value)}") from None
    if not math.isfinite(number):  # nan or inf would read as "0% of the way" or "100%, on track"
        raise ValueError(f"{name}: expected a finite number, got {quoted(value)}")
    return number, percent


def _date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    try:
        return date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise ValueError(f"date: expected a date written YYYY-MM-DD, got {quoted(text)}") from None


def _row(fields: dict, line: int | None, path: str | None) -> tuple[CheckIn, bool]:
    """One check-in from its fields, and whether its confidence was a percentage."""
    try:
        kr = _text(fields.get("kr"))
        if not kr:
            raise ValueError("kr: say which key result this check-in is about (O1/KR2)")
        if fields.get("date") in (None, ""):
            raise ValueError("date: missing")
        value, _ = _number(fields.get("value"), "value")
        confidence, percent = _number(fields.get("confidence"), "confidence")
    except ValueError as error:
        raise InputError(f"{error}; row skipped", path, line) from None
    if confidence is not None and not 0 <= confidence <= (100 if percent else 10):
        raise InputError(f"confidence: {confidence:g} is outside 0-1 (or 0-10, or 0-100%); row skipped", path, line)
    try:
        day = _date(fields.get("date"))
    except ValueError as error:
        raise InputError(f"{error}; row skipped", path, line) from None
    return CheckIn(kr, day, value, confidence / 100 if percent and confidence is not None else confidence,
                   _text(fields.get("blockers")), _text(fields.get("risks")), _text(fields.get("comment")),
                   line), percent


def _build(rows: list[tuple[dict, int | None] | InputError], path: str | None) -> CheckInLog:
    """The log from rows read as fields (or already found bad), the confidence scale settled."""
    entries, problems, percents = [], [], []
    for row in rows:
        try:
            if isinstance(row, InputError):
                raise row
            entry, percent = _row(*row, path)
        except InputError as problem:
            problems.append(problem)
            continue
        entries.append(entry)
        percents.append(percent)
    raw = [e.confidence for e, p in zip(entries, percents) if e.confidence is not None and not p]
    if any(c > 1 for c in raw):  # the whole log is on 0-10
        for i, (entry, percent) in enumerate(zip(entries, percents)):
            if entry.confidence is None or percent:
                continue
            if 0 < entry.confidence < 1:
                problems.append(InputError(f"confidence {entry.confidence:g} read as {entry.confidence / 10:g} "
                                           "on this log's 0-10 scale", path, entry.line))
            entries[i] = dataclasses.replace(entry, confidence=entry.confidence / 10)
    return CheckInLog(tuple(entries), path, tuple(problems))


def _column(name, path: str | None, line: int | None) -> str:
    key = re.sub(r"[\s_\-]+", " ", str(name).strip().lower())
    if key not in _ALIASES:
        raise InputError(f"unknown column {quoted(name)}; the columns are {', '.join(COLUMNS)}", path, line)
    return _ALIASES[key]


def _columns(names: list[str], path: str | None) -> list[str]:
    known = [_column(name, path, 1) for name in names]
    if missing := [c for c in ("kr", "date") if c not in known]:
        raise InputError(f"the log needs the column{'s' if len(missing) > 1 else ''} {' and '.join(missing)}",
                         path, 1)
    return known


def from_csv(text: str, path: str | None = None) -> CheckInLog:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader)
        columns = _columns(header, path)
        rows = []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if any("\n" in cell or "\r" in cell for column, cell in zip(columns, record) if column in ONE_LINE):
                rows.append(InputError("a cell runs on over several lines: is a closing quote (\") missing? "
                                       "row skipped", path, reader.line_num))
                continue
            if len(record) > len(columns):
                rows.append(InputError(f"{len(record)} cells for {len(columns)} columns (a comma too many?); "
                                       "row skipped", path, reader.line_num))
                continue
            rows.append((dict(zip(columns, record)), reader.line_num))
    except StopIteration:
        raise InputError("is empty", path) from None
    except csv.Error as error:
        raise InputError(f"not valid CSV: {error}", path, reader.line_num) from None
    return _build(rows, path)


def from_yaml(text: str, path: str | None = None) -> CheckInLog:
    """A list of check-ins, or a mapping whose ``checkins`` holds that list."""
    from okrkit.formats.yamlsets import read_yaml

    data, node = read_yaml(text, path)
    if isinstance(data, dict) and set(data) <= {"checkins"}:
        node = next((v for k, v in node.value if k.value == "checkins"), None)
        data = data.get("checkins")
    if not isinstance(data, list):
        raise InputError("expected a list of check-ins (or 'checkins:' holding one)", path, 1)
    nodes = node.value if getattr(node, "id", None) == "sequence" else []
    rows = []
    for i, item in enumerate(data):
        line = nodes[i].start_mark.line + 1 if i < len(nodes) else None
        try:
            if not isinstance(item, dict):
                raise InputError("expected a check-in with kr, date, value, ...; row skipped", path, line)
            rows.append(({_column(key, path, line): value for key, value in item.items()}, line))
        except InputError as problem:
            rows.append(problem)
    return _build(rows, path)


def load_log(path: str | os.PathLike) -> CheckInLog:
    """A check-in log from a .csv, .yaml or .yml file."""
    text = read_text(path)
    if Path(path).suffix.lower() in (".yaml", ".yml"):
        return from_yaml(text, str(path))
    return from_csv(text, str(path))


def resolve(reference: str, target: OKRSet | Organisation) -> str | None:
    """The canonical place of a key result ("O1/KR2", "sales/O1/KR2"), or None when there is none."""
    sets = target.sets if isinstance(target, Organisation) else (target,)
    if match := _REFERENCE.match(reference.strip()):
        chosen = [s for s in sets if s.id == match["set"]] if match["set"] else list(sets)
        if len(chosen) == 1:
            okr_set, i, j = chosen[0], int(match["o"]), int(match["kr"])
            if 1 <= i <= len(okr_set.objectives) and 1 <= j <= len(okr_set.objectives[i - 1].key_results):
                return _place(target, okr_set, i, j)
        return None
    wanted = normalise(reference)
    found = [_place(target, s, i, j) for s in sets for i, o in enumerate(s.objectives, 1)
             for j, kr in enumerate(o.key_results, 1) if normalise(kr.text) == wanted]
    return found[0] if len(found) == 1 else None


def _place(target, okr_set: OKRSet, i: int, j: int) -> str:
    return f"{okr_set.id}/O{i}/KR{j}" if isinstance(target, Organisation) else f"O{i}/KR{j}"


def validate(log: CheckInLog, target: OKRSet | Organisation, cycle=None, today: date | None = None) -> CheckInLog:
    """The log with references resolved, in date order; bad rows move to the problems.

    Skipped: a key result that does not exist, a date in the future or outside the cycle.
    Kept, with a problem: dates out of order in the file, two check-ins of one key result on one day.
    """
    today = today or date.today()
    kept, problems = [], list(log.problems)
    seen: dict[str, dict[date, int | None]] = {}  # per key result: each date and its first line
    for entry in log.entries:
        place = resolve(entry.kr, target)
        if place is None:
            problems.append(InputError(f"no key result {quoted(entry.kr)} in {_name(target)}; row skipped",
                                       log.path, entry.line))
        elif entry.date > today:
            problems.append(InputError(f"date {entry.date} is in the future; row skipped", log.path, entry.line))
        elif cycle is not None and not cycle.contains(entry.date):
            problems.append(InputError(f"date {entry.date} is outside the cycle {cycle} ({cycle.start} to "
                                       f"{cycle.end}); row skipped", log.path, entry.line))
        else:
            dates = seen.setdefault(place, {})
            latest = max(dates, default=None)
            if entry.date in dates:
                problems.append(InputError(f"{place}: a second check-in on {entry.date} (first on line "
                                           f"{dates[entry.date]}); the later line counts", log.path, entry.line))
            elif latest is not None and entry.date < latest:
                problems.append(InputError(f"{place}: {entry.date} comes after {latest} (line {dates[latest]}); "
                                           "read in date order", log.path, entry.line))
            dates.setdefault(entry.date, entry.line)
            kept.append(dataclasses.replace(entry, kr=place))
    kept.sort(key=lambda e: e.date)  # stable: on one day, the later line comes last
    return CheckInLog(tuple(kept), log.path, tuple(sorted(problems, key=lambda p: p.line or 0)))


def _name(target) -> str:
    return f"the set {target.id or target.name}" if isinstance(target, OKRSet) else "the organisation"


def as_csv(log: CheckInLog) -> str:
    """The log as CSV, safe to open in a spreadsheet."""
    from okrkit.formats.csvsafe import to_csv

    return to_csv(COLUMNS, ([e.kr, e.date.isoformat(), e.value, e.confidence, e.blockers, e.risks, e.comment]
                            for e in log.entries))


def as_yaml(log: CheckInLog) -> str:
    import yaml

    items = [{key: value for key, value in (("kr", e.kr), ("date", e.date), ("value", e.value),
                                             ("confidence", e.confidence), ("blockers", e.blockers),
                                             ("risks", e.risks), ("comment", e.comment))
              if value not in (None, "")} for e in log.entries]
    return yaml.safe_dump({"checkins": items}, sort_keys=False, allow_unicode=True)


def save_log(log: CheckInLog, path: str | os.PathLike) -> Path:
    """Write the log as CSV or YAML (by the suffix), atomically, keeping the previous file as ``name~``."""
    text = as_yaml(log) if Path(path).suffix.lower() in (".yaml", ".yml") else as_csv(log)
    return write_atomic(path, text)
