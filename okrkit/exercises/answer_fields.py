"""An exercise's answer as form fields, and back: the plain logic under the answer form widget.

Fields follow the Exercise record alone (its answer type and starter), so a form answers exactly
what the judge and ``okrkit grade`` read: a draft or YAML text is a text area, a dictionary of
labels a choice per entry, a dictionary of scores a score per entry, a number a number box, a
list of rule codes a multiple choice. The choices of the classification exercises are named here,
in the words their tasks give; a field without choices takes free text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from okrkit.exercises.record import Exercise

# The labels each classification exercise's task asks for, in its own words.
CHOICES: dict[str, tuple[str, ...]] = {
    "01-1": ("okr", "kpi", "individual"),
    "01-2": ("red", "green"),
    "04-3": ("is", "is not"),
    "06-1": ("actions", "decisions", "communication", "avoid"),
    "06-2": ("regular weekly", "no plan, once in a while", "set and forget"),
    "06-3": ("on track", "at risk", "off track"),
    "08-2": ("execution", "target", "both", "none"),
    "09-1": ("executive", "department", "strategic initiative", "big bang"),
}
SCORES = ("07-1",)  # dictionaries of scores from 0.0 to 1.0
KINDS = ("text", "draft", "choice", "choices", "number", "score", "words")


@dataclass(frozen=True)
class Field:
    """One input of a form: ``key`` is the dictionary entry it fills (None: the whole answer)."""

    key: str | None
    kind: str  # one of KINDS; "draft" is many lines, "words" a list typed one per line
    label: str
    start: Any
    choices: tuple[str, ...] = ()


def _rule_codes() -> tuple[str, ...]:
    from okrkit.rules import CATALOG

    return tuple(r.code for r in CATALOG)


def fields(ex: Exercise) -> tuple[Field, ...]:
    """The inputs a form needs to write an answer to this exercise."""
    starter = ex.starter
    if isinstance(starter, str):
        return (Field(None, "draft", "Your answer", starter),)
    if isinstance(starter, list):
        return (Field(None, "choices", "Your answer", list(starter), _rule_codes()),)
    if starter is None or isinstance(starter, (int, float)):
        return (Field(None, "number", "Your answer", starter),)
    found = []
    for key, value in starter.items():
        if ex.id in CHOICES:
            found.append(Field(key, "choice", key, value, CHOICES[ex.id]))
        elif ex.id in SCORES:
            found.append(Field(key, "score", key, value))
        elif isinstance(value, str):
            found.append(Field(key, "draft" if "\n" in value else "text", key, value))
        elif isinstance(value, list):
            found.append(Field(key, "words", key, value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append(Field(key, "number", key, value))
        else:
            found.append(Field(key, "text", key, value))
    return tuple(found)


def read_number(text: object) -> int | float | None:
    """A number box's value: a whole number stays an int; empty or unreadable text is None."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return int(text) if float(text).is_integer() else text
    cleaned = str(text or "").strip().replace(",", "")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def entered(field: Field, value: Any) -> Any:
    """What one field puts into the answer, from what its input holds."""
    if field.kind == "number":
        return read_number(value)
    if field.kind == "choices":
        return list(value or ())
    if field.kind == "words":
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]
    if field.kind == "text" and field.start is None and not str(value or "").strip():
        return None
    if field.kind == "score":
        return value
    return "" if value is None else str(value)


def shown(field: Field, value: Any) -> Any:
    """What one field's input shows for a value of the answer (the reverse of :func:`entered`)."""
    if field.kind == "words":
        return "\n".join(str(v) for v in value or ())
    if field.kind == "choices":
        return tuple(v for v in value or () if v in field.choices)
    if field.kind == "number":
        return "" if value is None else str(value)
    if field.kind == "choice":
        return value if value in field.choices else ""
    if field.kind == "score":
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return "" if value is None else str(value)


def answer(ex: Exercise, values: dict[str | None, Any]) -> Any:
    """The answer the fields make, as the answer cell would hold it."""
    found = fields(ex)
    if len(found) == 1 and found[0].key is None:
        return entered(found[0], values.get(None))
    return {f.key: entered(f, values.get(f.key, shown(f, f.start))) for f in found}


def values_of(ex: Exercise, given: Any) -> dict[str | None, Any]:
    """Each field's input for an answer (to restore a form, or fill it from an answer cell)."""
    found = fields(ex)
    if len(found) == 1 and found[0].key is None:
        return {None: shown(found[0], given)}
    given = given if isinstance(given, dict) else {}
    return {f.key: shown(f, given.get(f.key, f.start)) for f in found}
