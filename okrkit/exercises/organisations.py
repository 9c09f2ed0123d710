"""A learner's team sets placed into one of the course's organisations, and judged there.

The alignment exercises (modules 4 and 5) ask for team OKRs that fit an organisation: the
company's set of a course example, sometimes with teams it already has. An answer is YAML,
one set (``id: ...``) or several (``sets: [...]``). The sets join the example, so the kit's
alignment rules judge them in place: links resolve, nothing is a silo, no target conflicts
with a linked set, nothing copies a higher level.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from okrkit.alignment.graph import Alignment, Ref, of
from okrkit.errors import InputError
from okrkit.examples import load_example
from okrkit.exercises.judging import content_words, rule_points, stem
from okrkit.exercises.record import Point
from okrkit.findings import Finding
from okrkit.formats.yamlsets import from_yaml, organisation
from okrkit.model import OKRSet, Organisation
from okrkit.rules import check
from okrkit.text import openers

ANSWER = "your answer"
# Words that say how, not about what: two texts sharing only these are not about the same thing.
_GENERIC = frozenset(["that", "this", "these", "those", "more", "most", "far", "higher", "better", "best", "new", "effective", "own", "all", "every", "each", "include", "including", "make", "ensure", "achieve", "reach", "get", "our", "your", "their", "team", "teams"])


@dataclass(frozen=True)
class Placed:
    """The example organisation with the learner's sets in it, and what could not be placed."""

    organisation: Organisation
    ids: tuple[str, ...]  # the learner's sets, in the order written
    problems: tuple[str, ...] = ()

    @property
    def graph(self) -> Alignment:
        return of(self.organisation)

    @property
    def sets(self) -> tuple[OKRSet, ...]:
        return tuple(self.organisation.by_id[set_id] for set_id in self.ids)

    @property
    def objectives(self) -> list[Ref]:
        return [ref for set_id in self.ids for ref in self.graph.objectives_of(set_id)]

    def findings(self) -> list[Finding]:
        """The checker's findings on the learner's sets (the example's own are not theirs to mend)."""
        return [f for f in check(self.organisation) if f.where.split("/", 1)[0] in self.ids]

    def rule_points(self, tolerated: frozenset[str] = frozenset()) -> tuple[list[Point], list[Finding]]:
        """The aspects of a strong OKR, alignment included, and the findings behind them."""
        found = self.findings()
        return rule_points(found, tolerated, aligned=True), found

    def reaches_company(self, ref: Ref) -> bool:
        """Whether following ``aligns_to`` from this objective arrives at the company level."""
        graph, seen = self.graph, set()
        while ref is not None and ref not in seen:
            seen.add(ref)
            target = graph.parents.get(ref)
            if target is None:
                return False
            if graph.set_of(target).level == "company":
                return True
            ref = target.owner if target.objective is not None else None
        return False


@dataclass(frozen=True)
class Setting:
    """The course organisation an exercise's answer joins, and which of its sets an answer may
    write: the sets named in ``writable``, and any set that is still empty (filled in, it keeps
    its level, and its team and owner unless the answer names others)."""

    example: str  # a course organisation, by name (okrkit.examples.organisation_names)
    writable: frozenset[str] = frozenset()

    def base(self) -> Organisation:
        return load_example(self.example)

    def place(self, answer: str) -> Placed:
        """The answer's sets in the example; raises InputError when the YAML cannot be read."""
        base = self.base()
        sets = {s.id: s for s in base.sets}
        mine, problems = [], []
        for okr_set in read_sets(answer):
            given = sets.get(okr_set.id)
            if given is not None and given.objectives and okr_set.id not in self.writable:
                problems.append(f"The organisation already has a set '{okr_set.id}' ({given.name}); "
                                "give your team its own id")
                continue
            if given is not None and not given.objectives:  # a lead's empty set: its place stays the same
                okr_set = replace(okr_set, level=given.level, team=okr_set.team or given.team,
                                  owner=okr_set.owner or given.owner)
            sets[okr_set.id] = replace(okr_set, cycle=okr_set.cycle or base.cycle)
            mine.append(okr_set.id)
        placed = organisation(list(sets.values()), name=base.name, cycle=base.cycle, path=ANSWER)
        return Placed(placed, tuple(mine), tuple(problems))

    def preview(self, answer: object) -> Organisation:
        """The organisation with the answer in it, for a map; the example alone while the answer
        cannot be read yet, so a notebook cell drawing it never fails."""
        try:
            return self.place(answer).organisation if isinstance(answer, str) else self.base()
        except InputError:
            return self.base()


def read_sets(answer: str) -> list[OKRSet]:
    """The sets of a YAML answer: one set, or an organisation's ``sets:`` list."""
    document = from_yaml(answer, ANSWER)
    sets = list(document.sets) if isinstance(document, Organisation) else [document]
    if len(sets) == 1 and not sets[0].id:
        raise InputError("give the set an id, a short name such as 'id: battery-lab' "
                         "(letters, digits, - and _)", ANSWER)
    return sets


def shared_words(first: str, second: str) -> set[str]:
    """The meaningful words two texts share, compared by their first letters ("storage" and
    "stores" both speak of storing): enough to see that one text takes up the other."""
    def words(text: str) -> dict[str, str]:
        found = (w.rstrip("'’") for w in content_words(text))
        return {stem(w): w for w in found if w not in _GENERIC and not openers.WORK_VERBS.opens(w)}
    mine, theirs = words(first), words(second)
    return {mine[stem] for stem in mine.keys() & theirs.keys()}
