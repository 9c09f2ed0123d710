"""YAML sets and organisations (FORMATS.md, sections 2 and 3).

YAML is read by :func:`okrkit.formats.safeyaml.read_yaml` (safe loading, with limits). The shape is
checked field by field, so a learner reads "objectives[2].key_results[1].score: expected a
number, got 'high'" with its line, not a traceback.
"""
from __future__ import annotations

import difflib
import math
import re
from typing import Any

from okrkit.errors import InputError
from okrkit.formats.drafts import MAX_TEXT
from okrkit.formats.fields import one_line
from okrkit.formats.safeyaml import read_yaml
from okrkit.model import DECISIONS, LEVELS, TYPES, KeyResult, Objective, OKRSet, Organisation, Retro

SET_FIELDS = ("id", "team", "level", "cycle", "type", "owner", "objectives")
OBJECTIVE_FIELDS = ("title", "type", "aligns_to", "depends_on", "supports", "key_results", "retro")
KEY_RESULT_FIELDS = ("text", "baseline", "target", "current", "unit", "direction", "weight",
                     "confidence", "score", "note")
RETRO_FIELDS = ("execution", "decision", "value", "learning", "decided")
ORGANISATION_FIELDS = ("organisation", "organization", "cycle", "sets")
SET_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class _Reader:
    """Walks a YAML document beside its nodes, so every complaint names its line."""

    def __init__(self, path: str | None):
        self.path = path

    def fail(self, where: str, message: str, node: Any) -> InputError:
        line = node.start_mark.line + 1 if node is not None and hasattr(node, "start_mark") else None
        prefix = f"{where}: " if where else ""
        return InputError(prefix + message, self.path, line)

    def children(self, node: Any) -> dict:
        """The value nodes of a mapping node, by key."""
        if getattr(node, "id", None) != "mapping":
            return {}
        return {key.value: value for key, value in node.value}

    def items(self, node: Any) -> list:
        return node.value if getattr(node, "id", None) == "sequence" else []

    def mapping(self, data: Any, node: Any, where: str, fields: tuple[str, ...]) -> dict:
        if not isinstance(data, dict):
            raise self.fail(where, f"expected a mapping of fields, got {_describe(data)}", node)
        for key in data:
            if key not in fields:
                close = difflib.get_close_matches(str(key), fields, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(fields)}"
                raise self.fail(where, f"unknown field {_shown(key)}{hint}", self.children(node).get(key, node))
        return data

    def text(self, data: dict, node: Any, where: str, key: str, required: bool = False,
             lines: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(where, f"'{key}' is missing", node)
            return None
        if isinstance(value, (dict, list)):
            raise self.fail(_join(where, key), f"expected text, got {_describe(value)}", self.children(node).get(key, node))
        return self.short(str(value), where, node, key, lines)

    def short(self, text: str, where: str, node: Any, key: str | None = None, lines: bool = False) -> str:
        """The text, unless it is far longer than any title, key result or note can be.

        With a ``key``, the text is that field of the mapping ``node`` at ``where``; its own node
        (for the line) is looked up only when there is something to report: most texts are short.
        Line breaks are folded unless the field may hold ``lines`` (a note, a learning).
        """
        if len(text) > MAX_TEXT:
            if key is not None:
                where, node = _join(where, key), self.children(node).get(key, node)
            raise self.fail(where, f"is {len(text):,} characters long; keep it under {MAX_TEXT:,}", node)
        return text if lines else one_line(text)

    def number(self, data: dict, node: Any, where: str, key: str) -> float | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self.fail(_join(where, key), f"expected a number, got {_describe(value)}", self.children(node).get(key, node))
        try:
            number = float(str(value).replace(",", "").rstrip("%").strip()) if isinstance(value, str) else float(value)
        except (ValueError, OverflowError):
            raise self.fail(_join(where, key), f"expected a number, got {_shown(value)}", self.children(node).get(key, node)) from None
        if not math.isfinite(number):  # .nan, .inf or 1e999 would poison every sum and band
            raise self.fail(_join(where, key), f"expected a finite number, got {_shown(value)}",
                            self.children(node).get(key, node))
        return number

    def choice(self, data: dict, node: Any, where: str, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(data, node, where, key)
        if value is not None and value.lower() not in allowed:
            raise self.fail(_join(where, key), f"expected one of {', '.join(allowed)}, got {_shown(value)}",
                            self.children(node).get(key, node))
        return value.lower() if value is not None else None

    def references(self, data: dict, node: Any, where: str, key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (self.short(value, where, node, key),)
        if isinstance(value, list) and all(isinstance(item, (str, int)) for item in value):
            return tuple(self.short(str(item), where, node, key) for item in value)
        raise self.fail(_join(where, key), f"expected a reference or a list of references, got {_describe(value)}",
                        self.children(node).get(key, node))

    def key_result(self, data: Any, node: Any, where: str) -> KeyResult:
        line = node.start_mark.line + 1 if node is not None else None
        if isinstance(data, (str, int, float)) and not isinstance(data, bool):
            return KeyResult(text=self.short(str(data), where, node), line=line)
        if data is None:
            raise self.fail(where, "this key result is empty: write its text after the '- '", node)
        self.mapping(data, node, where, KEY_RESULT_FIELDS)
        return KeyResult(
            text=self.text(data, node, where, "text", required=True),
            baseline=self.number(data, node, where, "baseline"),
            target=self.number(data, node, where, "target"),
            current=self.number(data, node, where, "current"),
            unit=self.text(data, node, where, "unit"),
            direction=self.choice(data, node, where, "direction", ("increase", "decrease", "maintain")),
            weight=self.number(data, node, where, "weight"),
            confidence=self.number(data, node, where, "confidence"),
            score=self.number(data, node, where, "score"),
            note=self.text(data, node, where, "note", lines=True) or "",
            line=line,
        )

    def retro(self, data: Any, node: Any, where: str) -> Retro | None:
        if data is None:
            return None
        self.mapping(data, node, where, RETRO_FIELDS)
        execution = self.number(data, node, where, "execution")
        if execution is not None and not (1 <= execution <= 5 and execution == int(execution)):
            raise self.fail(_join(where, "execution"), f"expected 1 to 5 stars, got {_shown(data['execution'])}",
                            self.children(node).get("execution", node))
        decision = (self.text(data, node, where, "decision") or "").strip().lower().replace(" ", "-")
        if decision == "remove":
            decision = "abandon"
        if decision and decision not in DECISIONS:
            raise self.fail(_join(where, "decision"), f"expected one of {', '.join(DECISIONS)}, got {_shown(decision)}",
                            self.children(node).get("decision", node))
        return Retro(
            execution=int(execution) if execution is not None else None,
            decision=decision,
            value=self.text(data, node, where, "value", lines=True) or "",
            learning=self.text(data, node, where, "learning", lines=True) or "",
            decided=self.text(data, node, where, "decided", lines=True) or "",
            line=node.start_mark.line + 1 if node is not None else None,
        )

    def objective(self, data: Any, node: Any, where: str) -> Objective:
        self.mapping(data, node, where, OBJECTIVE_FIELDS)
        fields = self.children(node)
        key_results = data.get("key_results") or []
        if not isinstance(key_results, list):
            raise self.fail(_join(where, "key_results"), f"expected a list of key results, got {_describe(key_results)}",
                            fields.get("key_results", node))
        kr_nodes = self.items(fields.get("key_results"))
        return Objective(
            title=self.text(data, node, where, "title", required=True),
            key_results=tuple(
                self.key_result(kr, kr_nodes[i] if i < len(kr_nodes) else None, f"{where}.key_results[{i + 1}]")
                for i, kr in enumerate(key_results)),
            type=self.choice(data, node, where, "type", TYPES),
            aligns_to=self.text(data, node, where, "aligns_to"),
            depends_on=self.references(data, node, where, "depends_on"),
            supports=self.references(data, node, where, "supports"),
            retro=self.retro(data.get("retro"), fields.get("retro"), _join(where, "retro")),
            line=node.start_mark.line + 1 if node is not None else None,
        )

    def okr_set(self, data: Any, node: Any, where: str = "", inherited_cycle: str | None = None,
                default_id: str | None = None) -> OKRSet:
        self.mapping(data, node, where, SET_FIELDS)
        fields = self.children(node)
        objectives = data.get("objectives") or []
        if not isinstance(objectives, list):
            raise self.fail(_join(where, "objectives"), f"expected a list of objectives, got {_describe(objectives)}",
                            fields.get("objectives", node))
        set_id = self.text(data, node, where, "id") or default_id
        if set_id is not None and not SET_ID.match(set_id):
            raise self.fail(_join(where, "id"), f"{_shown(set_id)} is not a valid id: use letters, digits, - and _",
                            fields.get("id", node))
        nodes = self.items(fields.get("objectives"))
        return OKRSet(
            objectives=tuple(
                self.objective(o, nodes[i] if i < len(nodes) else None, _join(where, f"objectives[{i + 1}]"))
                for i, o in enumerate(objectives)),
            id=set_id,
            team=self.text(data, node, where, "team"),
            level=self.choice(data, node, where, "level", LEVELS) or "team",
            cycle=self.text(data, node, where, "cycle") or inherited_cycle,
            type=self.choice(data, node, where, "type", TYPES),
            owner=self.text(data, node, where, "owner"),
            path=self.path,
        )


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _shown(value: Any) -> str:
    """A value quoted in a message, cut short: a message is one line."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if hasattr(value, "isoformat"):  # YAML reads 2025-06-30 as a date
        return f"the date {value.isoformat()}"
    return type(value).__name__


def is_organisation(data: Any) -> bool:
    return isinstance(data, dict) and "sets" in data


def from_yaml(text: str, path: str | None = None, default_id: str | None = None) -> OKRSet | Organisation:
    """A set or an organisation, whichever the YAML document holds."""
    data, node = read_yaml(text, path)
    if data is None:
        raise InputError("is empty", path)
    reader = _Reader(path)
    if not is_organisation(data):
        return reader.okr_set(data, node, default_id=default_id)
    reader.mapping(data, node, "", ORGANISATION_FIELDS)
    fields = reader.children(node)
    cycle = reader.text(data, node, "", "cycle")
    sets_data = data["sets"]
    if not isinstance(sets_data, list):
        raise reader.fail("sets", f"expected a list of sets, got {_describe(sets_data)}", fields.get("sets", node))
    nodes = reader.items(fields.get("sets"))
    sets = []
    for i, item in enumerate(sets_data):
        item_node = nodes[i] if i < len(nodes) else None
        okr_set = reader.okr_set(item, item_node, f"sets[{i + 1}]", inherited_cycle=cycle)
        if not okr_set.id:
            raise reader.fail(f"sets[{i + 1}]", "every set of an organisation needs an 'id'", item_node)
        sets.append(okr_set)
    name = reader.text(data, node, "", "organisation") or reader.text(data, node, "", "organization")
    return organisation(sets, name=name, cycle=cycle, path=path)


def organisation(sets: list[OKRSet], name: str | None = None, cycle: str | None = None,
                 path: str | None = None) -> Organisation:
    """An organisation from its sets; set ids must be unique."""
    seen: dict[str, OKRSet] = {}
    for okr_set in sets:
        if okr_set.id in seen:
            first = seen[okr_set.id]
            where = f" (first in {first.path})" if first.path and first.path != okr_set.path else ""
            raise InputError(f"duplicate set id '{okr_set.id}'{where}", okr_set.path or path)
        seen[okr_set.id] = okr_set
    return Organisation(sets=tuple(sets), name=name, cycle=cycle, path=path)
