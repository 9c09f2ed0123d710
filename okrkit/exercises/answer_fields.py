"""An exercise's answer as form fields, and back: the plain logic under the answer form widget.

Fields follow the Exercise record alone (its answer type and starter), so a form answers exactly
what the judge and ``okrkit grade`` read: a draft or YAML text is a text area, a dictionary of
labels a choice per entry, a dictionary of scores a score per entry, a number a number box, a
list of rule codes a multiple choice. The choices of the classification exercises are named here,
in the words their tasks give; a field without choices takes free text. A YAML set with blanks
to fill in (the scores and notes of 07-2, the retro blocks of 08-1) gets a field per blank: the
answer is the set as given, with what the learner entered written into its blanks.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from okrkit.exercises.record import Exercise, canonical

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
# A YAML set with blanks to fill in (a score, a note, a retro block), and no list item left blank
# for the learner to write: each blank is a field, and the answer is the set with them filled in.
_BLANK = re.compile(r'^(?P<lead>\s*(?:-\s+)?)(?P<key>[a-z_]+):(?:\s*|\s+"")$')
_FILLED = r'^\s*(?:-\s+)?{key}:\s*(?P<value>.*)$'
_OWNER = re.compile(r"^(?P<indent>\s*)-\s+(?P<kind>title|text):\s*(?P<text>.*)$")
STARS = ("1", "2", "3", "4", "5")
KINDS = ("text", "draft", "choice", "choices", "number", "score", "words")


@dataclass(frozen=True)
class Field:
    """One input of a form: ``key`` is the dictionary entry it fills (None: the whole answer)."""

    key: str | None
    kind: str  # one of KINDS; "draft" is many lines, "words" a list typed one per line
    label: str
    start: Any
    choices: tuple[str, ...] = ()
    about: str = ""  # what a blank of a YAML set belongs to: the key result's text or the objective's title


def _rule_codes() -> tuple[str, ...]:
    from okrkit.rules import CATALOG

    return tuple(r.code for r in CATALOG)


def _place(lines: list[str], at: int) -> tuple[str, str]:
    """Where a blank sits: "O2" or "O2/KR3", and the title or text it belongs to."""
    objective = kr = 0
    owner = ""
    indent = len(lines[at]) - len(lines[at].lstrip())
    for line in lines[:at]:
        found = _OWNER.match(line)
        if found and found["kind"] == "title":
            objective, kr = objective + 1, 0
        elif found:
            kr += 1
        if found and len(found["indent"]) < indent:
            owner = found["text"].strip()
            place = f"O{objective}" if found["kind"] == "title" else f"O{objective}/KR{kr}"
    return (place, owner) if owner else ("", "")


def _opens_block(lines: list[str], at: int) -> bool:
    """Whether a key without a value heads the lines under it (objectives:, retro:), not a blank."""
    key_at = len(lines[at]) - len(lines[at].lstrip(" -"))
    following = next((line for line in lines[at + 1:] if line.strip() and not line.lstrip().startswith("#")), "")
    return len(following) - len(following.lstrip(" -")) > key_at or following.lstrip().startswith("- ") and \
        len(following) - len(following.lstrip()) >= key_at


def blanks(starter: str) -> tuple[Field, ...]:
    """The blanks of a YAML starter to fill in, as fields (none when the learner writes the set)."""
    lines = canonical(starter).splitlines()
    if any(re.fullmatch(r"\s*-\s*", line) for line in lines):
        return ()
    found = []
    for at, line in enumerate(lines):
        if not (blank := _BLANK.match(line)) or _opens_block(lines, at):
            continue
        key = blank["key"]
        place, owner = _place(lines, at)
        label = f"{place} · {key}" if place else key
        if key == "decision":
            from okrkit.model import DECISIONS

            found.append(Field(f"line {at + 1}", "choice", label, "", DECISIONS, owner))
        elif key == "execution":
            found.append(Field(f"line {at + 1}", "choice", label, "", STARS, owner))
        elif key == "score":
            found.append(Field(f"line {at + 1}", "number", label, None, about=owner))
        else:
            found.append(Field(f"line {at + 1}", "text", label, "", about=owner))
    return tuple(found)


def _fill(starter: str, found: tuple[Field, ...], values: dict) -> str:
    lines = canonical(starter).splitlines()
    for field in found:
        value = entered(field, values.get(field.key, ""))
        if value is None or value == "":
            continue
        at = int(field.key.split()[1]) - 1
        blank = _BLANK.match(lines[at])
        shown_value = (f"{value:g}" if isinstance(value, float) else str(value)) if field.kind == "number" or \
            field.choices == STARS else json.dumps(value, ensure_ascii=False)
        lines[at] = f"{blank['lead']}{blank['key']}: {shown_value}"
    return "\n".join(lines) + "\n"


def _read_blanks(starter: str, found: tuple[Field, ...], given: object) -> dict:
    """What an answer text holds in each blank, when its lines still match the starter's."""
    import yaml

    values = {f.key: shown(f, f.start) for f in found}
    lines = canonical(given).splitlines() if isinstance(given, str) else []
    blank_lines = canonical(starter).splitlines()
    if len(lines) != len(blank_lines):
        return values
    for field in found:
        at = int(field.key.split()[1]) - 1
        key = _BLANK.match(blank_lines[at])["key"]
        if not (filled := re.match(_FILLED.format(key=re.escape(key)), lines[at])):
            continue
        try:
            value = yaml.safe_load(filled["value"]) if filled["value"].strip() else None
        except yaml.YAMLError:
            continue
        values[field.key] = shown(field, str(value) if field.choices == STARS and value is not None else value)
    return values


def fields(ex: Exercise) -> tuple[Field, ...]:
    """The inputs a form needs to write an answer to this exercise."""
    starter = ex.starter
    if isinstance(starter, str) and (found := blanks(starter)):
        return found
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
    if isinstance(ex.starter, str) and found and found[0].key is not None:
        return _fill(ex.starter, found, values)
    if len(found) == 1 and found[0].key is None:
        return entered(found[0], values.get(None))
    return {f.key: entered(f, values.get(f.key, shown(f, f.start))) for f in found}


def values_of(ex: Exercise, given: Any) -> dict[str | None, Any]:
    """Each field's input for an answer (to restore a form, or fill it from an answer cell)."""
    found = fields(ex)
    if isinstance(ex.starter, str) and found and found[0].key is not None:
        return _read_blanks(ex.starter, found, given)
    if len(found) == 1 and found[0].key is None:
        return {None: shown(found[0], given)}
    given = given if isinstance(given, dict) else {}
    return {f.key: shown(f, given.get(f.key, f.start)) for f in found}
