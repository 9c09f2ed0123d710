"""The rule catalog and the engine that applies it to a set or an organisation.

The catalog is an explicit tuple, in code order: adding a rule means declaring it in its
module and listing that module here.
"""
from __future__ import annotations

from dataclasses import fields
from functools import partial

from okrkit import bulk
from okrkit.findings import Finding, Findings
from okrkit.model import OKRSet, Organisation
from okrkit.rules import alignment, closing, grading, key_results, objectives, structure
from okrkit.rules.record import Hit, Rule

CATALOG: tuple[Rule, ...] = tuple(sorted(
    (*structure.RULES, *objectives.RULES, *key_results.RULES, *alignment.RULES, *grading.RULES,
     *closing.RULES),
    key=lambda rule: rule.code,
))
_BY_CODE = {rule.code: rule for rule in CATALOG}
# Sets of an organisation from which its set rules run on every core. Measured on two busy
# cores: at 100 sets a copy of the process costs what it saves, at 500 it saves a fifth,
# at 5,000 (``python -m benchmarks alignment``) some two fifths.
SPREAD_FROM_SETS = 500


def rule(code: str) -> Rule:
    """The rule with this code (case-insensitive), or a KeyError naming the known codes."""
    try:
        return _BY_CODE[code.upper()]
    except KeyError:
        raise KeyError(f"no rule {code!r}; known rules: {', '.join(_BY_CODE)}") from None


def _finding(rule: Rule, hit: Hit, path: str | None, prefix: str | None = None) -> Finding:
    where = hit.where
    if prefix:
        where = f"{prefix}/{where}" if where else prefix
    return Finding(rule.code, rule.name, rule.severity, where, hit.line, hit.message,
                   hit.hint or rule.hint, path)


def check_set(okr_set: OKRSet, rules=CATALOG, prefix: str | None = None) -> list[Finding]:
    found = [_finding(r, hit, okr_set.path, prefix)
             for r in rules if r.scope == "set" for hit in r.check(okr_set)]
    found.sort(key=lambda f: (f.line is None, f.line or 0, f.code))
    return found


_FIELDS = tuple(field.name for field in fields(Finding))


def _check_sets(sets: tuple[OKRSet, ...], rules: tuple[Rule, ...]) -> list[tuple]:
    """The findings of the set rules, as rows of plain values: they come back from other processes as JSON."""
    return [tuple(getattr(finding, name) for name in _FIELDS)
            for okr_set in sets for finding in check_set(okr_set, rules, prefix=okr_set.id)]


def check(target: OKRSet | Organisation | str, rules=CATALOG, workers: int | None = None) -> Findings:
    """Every finding of the rules on a set, an organisation, or the text of a draft.

    The sets of a large organisation are checked on every core (see :func:`okrkit.bulk.spread`);
    ``workers`` sets how many processes share them (1: this one only), whatever the size.
    """
    if isinstance(target, str):
        from okrkit.formats.drafts import parse

        target = parse(target)
    if isinstance(target, OKRSet):
        return Findings(check_set(target, rules))
    if not isinstance(target, Organisation):
        raise TypeError(f"check() takes a set, an organisation or draft text, not {type(target).__name__}")
    rules = tuple(rules)
    if workers is None:
        workers = bulk.usable_cores() if len(target.sets) >= SPREAD_FROM_SETS else 1
    with bulk.paused():  # thousands of sets: see okrkit.bulk
        rows = bulk.spread(partial(_check_sets, rules=rules), target.sets, workers) \
            if any(r.scope == "set" for r in rules) else []
        found = Findings(Finding(*row) for row in rows)
        for r in rules:
            if r.scope == "organisation":
                for hit in r.check(target):
                    owner = target.by_id.get(hit.where.split("/", 1)[0])
                    found.append(_finding(r, hit, owner.path if owner else target.path))
    return found
