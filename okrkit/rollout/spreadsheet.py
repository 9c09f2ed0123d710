"""Draft OKRs from a spreadsheet export: one CSV row per key result, read as data only.

Pilot groups draft in spreadsheets. This reads the export (comma, semicolon or tab separated,
UTF-8) into an :class:`~okrkit.model.Organisation`, so every rule and the alignment analysis
apply, and every finding points at the CSV line to mend. Cells are never evaluated: a cell
holding ``=SUM(A1)`` is the text "=SUM(A1)". The columns are documented in
docs/pilot-onboarding.md; ``template_path()`` is a filled-in example to start from.
"""
from __future__ import annotations

import csv
import difflib
import io
import math
import os
import re
from dataclasses import dataclass, field
from importlib import resources

from okrkit.errors import InputError, quoted
from okrkit.files import read_text
from okrkit.formats.yamlsets import SET_ID, organisation
from okrkit.model import LEVELS, TYPES, KeyResult, Objective, OKRSet, Organisation

COLUMNS = ("team", "set_id", "level", "cycle", "owner", "objective", "objective_type", "aligns_to",
           "depends_on", "supports", "key_result", "baseline", "target", "current", "unit", "confidence",
           "score", "note")
REQUIRED = ("team", "objective", "key_result")
ALIASES = {"set": "set_id", "id": "set_id", "type": "objective_type", "kr": "key_result",
           "key_results": "key_result", "aligns": "aligns_to", "aligned_to": "aligns_to",
           "depends": "depends_on", "dependencies": "depends_on", "notes": "note", "comment": "note"}
NUMBERS = ("baseline", "target", "current")
SHARES = ("confidence", "score")  # 0-1, or a percentage
# A cell may hold line breaks (Alt+Enter in a spreadsheet), but one whose later lines hold the
# delimiter has swallowed rows: a quote opened and closed only rows below.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def template_path():
    """The shipped example export: a pilot group's first draft, ready to be replaced by yours."""
    return resources.files("okrkit") / "data" / "pilot-okrs-template.csv"


def _column(header: str) -> str:
    name = re.sub(r"[\s\-]+", "_", header.strip().lower())
    return ALIASES.get(name, name)


def _slug(team: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", team.strip().lower()).strip("-") or "team"


@dataclass
class _Set:
    id: str
    team: str
    line: int
    facts: dict = field(default_factory=dict)  # level, cycle, owner -> (value, line)
    objectives: dict = field(default_factory=dict)  # normalised title -> _Objective


@dataclass
class _Objective:
    title: str
    line: int
    facts: dict = field(default_factory=dict)  # objective_type -> (value, line)
    links: list = field(default_factory=list)  # (aligns_to, depends_on, supports, line) as written
    key_results: list = field(default_factory=list)


class _Reader:
    def __init__(self, path: str | None):
        self.path = path

    def fail(self, message: str, line: int | None) -> InputError:
        return InputError(message, self.path, line)

    def header(self, cells: list[str]) -> list[str]:
        columns = [_column(c) for c in cells]
        known = set(COLUMNS)
        for raw, name in zip(cells, columns):
            if name not in known and (close := difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.75)):
                raise self.fail(f"unknown column {raw.strip()!r} (did you mean '{close[0]}'?)", 1)
        repeated = sorted({c for c in columns if c in known and columns.count(c) > 1})
        if repeated:
            raise self.fail(f"column '{repeated[0]}' appears twice", 1)
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise self.fail(f"missing column(s) {', '.join(missing)}; the header needs at least "
                            f"{', '.join(REQUIRED)}", 1)
        return columns

    def number(self, text: str, column: str, line: int) -> float | None:
        if not text:
            return None
        cleaned = text.replace(",", "").replace(" ", "")
        share = column in SHARES and cleaned.endswith("%")
        try:
            value = float(cleaned.rstrip("%"))
        except ValueError:
            raise self.fail(f"{column}: expected a number, got {quoted(text)}", line) from None
        if not math.isfinite(value):  # nan and inf would read as 0% or 100% of the way
            raise self.fail(f"{column}: expected a finite number, got {quoted(text)}", line)
        return value / 100 if share else value

    def fact(self, facts: dict, name: str, value: str, line: int, owner: str) -> None:
        if not value:
            return
        if name in facts and facts[name][0] != value:
            raise self.fail(f"{owner} has {name.replace('_', ' ')} {quoted(facts[name][0])} on line "
                            f"{facts[name][1]} but {quoted(value)} here", line)
        facts.setdefault(name, (value, line))

    def references(self, text: str, line: int, names: dict[str, str], single: bool = False) -> list[str]:
        """References as FORMATS.md writes them; a team's name stands for its set id."""
        out = []
        written = [text] if single else re.split(r"[;,]", text)
        for reference in filter(None, (part.strip() for part in written)):
            head, _, rest = reference.partition("/")
            head = names.get(head.lower(), head)
            parts = [head] + [p.upper() for p in rest.split("/")] if rest else [head]
            if not SET_ID.match(head) or any(not re.fullmatch(r"(?:O|KR)\d+", p) for p in parts[1:]):
                raise self.fail(f"{quoted(reference)} is not a reference: write a team, TEAM/O1 or TEAM/O1/KR2", line)
            out.append("/".join(parts))
        return out


def parse_csv(text: str, path: str | None = None, name: str | None = None) -> Organisation:
    """An organisation from the text of a CSV export (see the module docstring)."""
    reader = _Reader(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    sets: dict[str, _Set] = {}
    columns, previous, line = None, ("", ""), 1
    try:
        for cells in rows:
            start, line = line, rows.line_num + 1
            if columns is None:
                columns = reader.header(cells)
                continue
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if any(delimiter in rest for c in cells for rest in _LINE_BREAK.split(c)[1:]):
                raise reader.fail(f"a cell runs on past the end of line {start}: is a closing quote (\") missing?",
                                  start)
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
                raise reader.fail(f"{len(cells)} cells, but the header has {len(columns)} columns", start)
            row = dict.fromkeys(COLUMNS, "") | {c: cells[i].strip() for i, c in enumerate(columns) if i < len(cells)}
            previous = _add_row(reader, sets, row, previous, start)
    except csv.Error as error:
        raise reader.fail(f"not valid CSV: {error}", line) from None
    if columns is None:
        raise reader.fail("is empty", None)
    if not sets:
        raise reader.fail("has a header but no key result rows", 2)
    return _organisation(reader, sets, path, name)


def _add_row(reader: _Reader, sets: dict[str, _Set], row: dict, previous: tuple[str, str],
             line: int) -> tuple[str, str]:
    """Adds one row; a blank team or objective continues the row above (merged cells export so)."""
    team = row["team"] or previous[0]
    title = row["objective"] or (previous[1] if team == previous[0] else "")
    if not team:
        raise reader.fail("the team is missing (only rows below a filled-in team may leave it blank)", line)
    if not title:
        raise reader.fail(f"the objective is missing for team {quoted(team)}", line)
    set_id = row["set_id"] or next((s.id for s in sets.values() if s.team.lower() == team.lower()), _slug(team))
    if not SET_ID.match(set_id):
        raise reader.fail(f"{quoted(set_id)} is not a valid set id: use letters, digits, - and _", line)
    okr_set = sets.setdefault(set_id, _Set(set_id, team, line))
    if okr_set.team.lower() != team.lower():
        raise reader.fail(f"set id {quoted(set_id)} is already used by team {quoted(okr_set.team)}", line)
    level = row["level"].lower()
    if level and level not in LEVELS:
        raise reader.fail(f"level: expected one of {', '.join(LEVELS)}, got {quoted(row['level'])}", line)
    for fact, value in (("level", level), ("cycle", row["cycle"]), ("owner", row["owner"])):
        reader.fact(okr_set.facts, fact, value, line, f"team {quoted(team)}")
    objective = okr_set.objectives.setdefault(" ".join(title.lower().split()), _Objective(title, line))
    kind = row["objective_type"].lower()
    if kind and kind not in TYPES:
        raise reader.fail(f"objective type: expected one of {', '.join(TYPES)}, got {quoted(row['objective_type'])}", line)
    reader.fact(objective.facts, "objective_type", kind, line, f"objective {quoted(title)}")
    objective.links.append((row["aligns_to"], row["depends_on"], row["supports"], line))
    if row["key_result"]:
        objective.key_results.append(KeyResult(
            text=row["key_result"],
            **{c: reader.number(row[c], c, line) for c in NUMBERS + SHARES},
            unit=row["unit"] or None, note=row["note"], line=line))
    return team, title


def _organisation(reader: _Reader, sets: dict[str, _Set], path: str | None, name: str | None) -> Organisation:
    """Resolve links once every team is known (a row may point at a team further down)."""
    names = {s.team.lower(): s.id for s in sets.values()} | {s.id.lower(): s.id for s in sets.values()}
    built = []
    for s in sets.values():
        objectives = []
        for o in s.objectives.values():
            aligns, depends, supports = {}, [], []
            for aligns_to, depends_on, supported, line in o.links:
                for target in reader.references(aligns_to, line, names, single=True):
                    reader.fact(aligns, "aligns_to", target, line, f"objective {quoted(o.title)}")
                depends += reader.references(depends_on, line, names)
                supports += reader.references(supported, line, names)
            objectives.append(Objective(
                title=o.title, key_results=tuple(o.key_results),
                type=o.facts.get("objective_type", (None,))[0],
                aligns_to=aligns.get("aligns_to", (None,))[0],
                depends_on=tuple(dict.fromkeys(depends)), supports=tuple(dict.fromkeys(supports)), line=o.line))
        built.append(OKRSet(objectives=tuple(objectives), id=s.id, team=s.team,
                            level=s.facts.get("level", ("team",))[0], cycle=s.facts.get("cycle", (None,))[0],
                            owner=s.facts.get("owner", (None,))[0], path=path))
    cycles = {s.cycle for s in built}
    stem = os.path.splitext(os.path.basename(path))[0] if path else None
    return organisation(built, name=name or stem, cycle=cycles.pop() if len(cycles) == 1 else None, path=path)


def read_csv(path: str | os.PathLike, name: str | None = None) -> Organisation:
    """An organisation from a CSV export on disk; bad rows are InputErrors with the file and line."""
    return parse_csv(read_text(path), str(path), name)
