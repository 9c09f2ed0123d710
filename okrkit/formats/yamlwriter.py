"""A set written as the YAML of FORMATS.md (section 2), so that reading it back gives the same set.

The alignment board hands a learner a team's set to edit, links and all, and a text draft
cannot carry links; this writes the set in the richer format. A key result with nothing but
its text stays one line, as people write them; fields left empty are left out.
"""
from __future__ import annotations

from okrkit.formats.yamlsets import KEY_RESULT_FIELDS, RETRO_FIELDS
from okrkit.model import KeyResult, Objective, OKRSet, Retro


def _key_result(kr: KeyResult):
    fields = {name: getattr(kr, name) for name in KEY_RESULT_FIELDS}
    kept = {name: value for name, value in fields.items() if value not in (None, "")}
    return kr.text if set(kept) == {"text"} else kept


def _retro(retro: Retro) -> dict:
    return {name: value for name in RETRO_FIELDS if (value := getattr(retro, name)) not in (None, "")}


def _objective(objective: Objective) -> dict:
    data = {"title": objective.title, "type": objective.type, "aligns_to": objective.aligns_to,
            "depends_on": list(objective.depends_on), "supports": list(objective.supports),
            "key_results": [_key_result(kr) for kr in objective.key_results]}
    data = {name: value for name, value in data.items() if value not in (None, "", [])}
    data.setdefault("key_results", [])
    if objective.retro is not None:
        data["retro"] = _retro(objective.retro)
    return data


def set_yaml(okr_set: OKRSet) -> str:
    """The set as YAML text: its header fields, then its objectives (an empty list when it has none)."""
    import yaml

    head = {name: value for name in ("id", "team", "level", "cycle", "type", "owner")
            if (value := getattr(okr_set, name)) not in (None, "")}
    data = {**head, "objectives": [_objective(o) for o in okr_set.objectives]}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
