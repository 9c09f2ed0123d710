"""The alignment graph of an organisation: sets, objectives and key results, and their links.

An objective links to other parts of the organisation three ways (FORMATS.md, section 3):
``aligns_to`` (upwards: top-down when it names a key result, bottom-up when it names an
objective or a set), ``depends_on`` (it needs help from another set) and ``supports`` (it
helps another set's objective). References read ``SET``, ``SET/O<n>`` or ``SET/O<n>/KR<m>``.

Everything here is linear in the size of the organisation: links are resolved through the
set index, and texts are compared through dictionaries keyed by normalised text, never
pair by pair. The problems the alignment rules (OKR401-OKR406) report are computed here,
once, so the rules, the tables and the map agree.
"""
from __future__ import annotations

import difflib
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from okrkit import bulk
from okrkit.model import LEVELS, KeyResult, Objective, OKRSet, Organisation
from okrkit.text.language import LazyPattern, normalise
from okrkit.text.numbers import words_key

LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}  # company 0 ... individual 3
_REFERENCE = LazyPattern(r"([A-Za-z0-9_-]+)(?:/[Oo](\d+)(?:/[Kk][Rr](\d+))?)?")
_SLASH = LazyPattern(r"\s*/\s*")
_FORM = "write SET, SET/O<n> or SET/O<n>/KR<m>, for example company/O1/KR2"


class Ref(NamedTuple):
    """A place in an organisation: a set, one of its objectives, or one of its key results.

    A named tuple rather than a dataclass: an organisation of 5,000 sets makes some 200,000.
    """

    set_id: str
    objective: int | None = None  # numbered from 1, as in FORMATS.md
    key_result: int | None = None

    def __str__(self) -> str:
        text = self.set_id
        if self.objective is not None:
            text += f"/O{self.objective}"
        if self.key_result is not None:
            text += f"/KR{self.key_result}"
        return text

    def __lt__(self, other: Ref) -> bool:
        """Sets by id, then objectives and key results in their order (the set itself first)."""
        return (self.set_id, self.objective or 0, self.key_result or 0) < \
            (other.set_id, other.objective or 0, other.key_result or 0)

    @property
    def kind(self) -> str:
        return "set" if self.objective is None else "objective" if self.key_result is None else "key result"

    @property
    def owner(self) -> Ref:
        """The objective of a key result, the objective itself, or the set."""
        return Ref(self.set_id, self.objective) if self.key_result is not None else self


def parse_reference(text: str) -> Ref | None:
    """``sales/O1/KR2`` as a :class:`Ref`, or None when it is not written as a reference."""
    match = _REFERENCE.fullmatch(_SLASH.sub("/", str(text).strip()))
    if not match:
        return None
    objective, key_result = (int(n) if n is not None else None for n in match.group(2, 3))
    if objective == 0 or key_result == 0:
        return None
    return Ref(match.group(1), objective, key_result)


@dataclass(frozen=True)
class Link:
    """One ``aligns_to``, ``depends_on`` or ``supports`` entry of an objective, resolved."""

    source: Ref  # the objective that declares the link
    kind: str
    written: str  # the reference as the author wrote it
    target: Ref | None  # None when it names nothing
    problem: str = ""  # why it names nothing

    @property
    def is_self(self) -> bool:
        """It points at its own objective (or a key result of it), or at its own set."""
        if self.target is None:
            return False
        return self.target.owner == self.source or self.target == Ref(self.source.set_id)


def declared_links(objective: Objective):
    """(kind, reference) for every link an objective declares; blank entries are no link."""
    if objective.aligns_to and str(objective.aligns_to).strip():
        yield "aligns_to", str(objective.aligns_to)
    for kind in ("depends_on", "supports"):
        for written in getattr(objective, kind):
            if str(written).strip():
                yield kind, str(written)


class Alignment:
    """An organisation's links, resolved and indexed, and the problems they show."""

    @bulk.paused()
    def __init__(self, organisation: Organisation):
        self.organisation = organisation
        self.sets: dict[str, OKRSet] = organisation.by_id
        self.objectives: dict[Ref, tuple[OKRSet, Objective]] = {
            Ref(s.id, i): (s, o) for s in organisation.sets if s.id for i, o in enumerate(s.objectives, 1)}
        self.links: tuple[Link, ...] = tuple(
            self._link(ref, kind, written)
            for ref, (_, objective) in self.objectives.items() for kind, written in declared_links(objective))

    def _link(self, source: Ref, kind: str, written: str) -> Link:
        target, problem = self.resolve(written)
        return Link(source, kind, written, target, problem)

    def resolve(self, written: str) -> tuple[Ref | None, str]:
        """The place a reference names, or None and why it names nothing."""
        ref = parse_reference(written)
        if ref is None:
            return None, f"'{written}' is not a reference: {_FORM}"
        okr_set = self.sets.get(ref.set_id)
        if okr_set is None:
            return None, f"there is no set '{ref.set_id}'{self._suggestion(ref.set_id)}"
        if ref.objective is not None and ref.objective > len(okr_set.objectives):
            n = len(okr_set.objectives)
            return None, f"set '{ref.set_id}' has {n} objective{'s' if n != 1 else ''}, so there is no O{ref.objective}"
        if ref.key_result is not None:
            n = len(okr_set.objectives[ref.objective - 1].key_results)
            if ref.key_result > n:
                return None, f"{ref.owner} has {n} key result{'s' if n != 1 else ''}, so there is no KR{ref.key_result}"
        return ref, ""

    def _suggestion(self, set_id: str) -> str:
        folded = self._folded_ids.get(set_id.lower())
        if folded is None and len(self.sets) <= 500:
            close = difflib.get_close_matches(set_id, list(self.sets), n=1)
            folded = close[0] if close else None
        return f" (did you mean '{folded}'?)" if folded else ""

    @cached_property
    def _folded_ids(self) -> dict[str, str]:
        return {set_id.lower(): set_id for set_id in self.sets}

    # ----------------------------------------------------------------- indexes
    def set_of(self, ref: Ref) -> OKRSet:
        return self.sets[ref.set_id]

    def objective(self, ref: Ref) -> Objective:
        return self.objectives[ref.owner][1]

    def key_result(self, ref: Ref) -> KeyResult:
        return self.objective(ref).key_results[ref.key_result - 1]

    def objectives_of(self, set_id: str) -> list[Ref]:
        return [Ref(set_id, i) for i in range(1, len(self.sets[set_id].objectives) + 1)]

    def rank(self, ref: Ref) -> int:
        return LEVEL_RANK.get(self.sets[ref.set_id].level, len(LEVELS))

    @cached_property
    def outgoing(self) -> dict[Ref, list[Link]]:
        found = defaultdict(list)
        for link in self.links:
            found[link.source].append(link)
        return found

    @cached_property
    def incoming(self) -> dict[Ref, list[Link]]:
        """Resolved links by what they point at: an objective (key results fold onto it) or a set."""
        found = defaultdict(list)
        for link in self.links:
            if link.target is not None:
                found[link.target.owner].append(link)
        return found

    @cached_property
    def parents(self) -> dict[Ref, Ref]:
        """Each objective's resolved ``aligns_to``: an objective, a key result, or a set."""
        return {link.source: link.target for link in self.links
                if link.kind == "aligns_to" and link.target is not None}

    def parent_objective(self, ref: Ref) -> Ref | None:
        """The objective an objective's ``aligns_to`` leads to (its own, when it names its own set)."""
        target = self.parents.get(ref)
        if target is None:
            return None
        if target.objective is None:
            return ref if target.set_id == ref.set_id else None
        return target.owner

    # ---------------------------------------------------------------- problems
    @cached_property
    def broken_links(self) -> list[Link]:
        """Links naming a set, objective or key result that does not exist (OKR404)."""
        return [link for link in self.links if link.target is None]

    @cached_property
    def cycles(self) -> list[tuple[Ref, ...]]:
        """Rings of objectives whose ``aligns_to`` leads back to where it started (OKR405)."""
        state: dict[Ref, int] = {}  # 1 on the current path, 2 done
        found = []
        for start in self.objectives:
            path, ref = [], start
            while ref is not None and ref not in state:
                state[ref] = 1
                path.append(ref)
                ref = self.parent_objective(ref)
            if ref is not None and state[ref] == 1:
                found.append(tuple(path[path.index(ref):]))
            for done in path:
                state[done] = 2
        return found

    @cached_property
    def silos(self) -> list[Ref]:
        """Objectives below the company that link to nothing and that nothing aligns to or supports (OKR402)."""
        found = []
        for ref, (okr_set, _) in self.objectives.items():
            if okr_set.level == "company":
                continue
            own = [link for link in self.outgoing.get(ref, ())
                   if link.kind == "aligns_to" or not link.is_self]
            if own or self._is_helped(ref):
                continue
            found.append(ref)
        return found

    def _is_helped(self, ref: Ref) -> bool:
        """Another objective aligns to it or supports it (or its whole set, from another set)."""
        if any(link.kind != "depends_on" and link.source != ref for link in self.incoming.get(ref, ())):
            return True
        return any(link.kind != "depends_on" and link.source.set_id != ref.set_id
                   for link in self.incoming.get(Ref(ref.set_id), ()))

    @cached_property
    def unanswered(self) -> list[Link]:
        """``depends_on`` links that no objective of the depended-on set answers (OKR406).

        Only a ``supports`` or an ``aligns_to`` from that set, naming the objective (or one of
        its key results) or its whole set, answers a dependency.
        """
        answers = {(link.source.set_id, link.target.owner) for link in self.links
                   if link.kind != "depends_on" and link.target is not None and not link.is_self}
        found, seen = [], set()
        for link in self.links:
            if link.kind != "depends_on" or link.target is None or link.is_self:
                continue
            helper, key = link.target.set_id, (link.source, link.target.set_id)
            if key in seen:
                continue
            seen.add(key)
            if (helper, link.source) not in answers and (helper, Ref(link.source.set_id)) not in answers:
                found.append(link)
        return found

    @cached_property
    def _key_result_texts(self) -> list[tuple[Ref, str]]:
        return [(Ref(ref.set_id, ref.objective, j), kr.text)
                for ref, (_, objective) in self.objectives.items() for j, kr in enumerate(objective.key_results, 1)]

    def _texts(self, kind: str) -> list[tuple[Ref, str]]:
        """(ref, text) for every objective title, or for every key result."""
        if kind == "objective":
            return [(ref, objective.title) for ref, (_, objective) in self.objectives.items()]
        return self._key_result_texts

    @staticmethod
    def _rough(items, numbers: bool) -> dict[str, list[tuple[Ref, str]]]:
        """Items grouped by a cheap key that texts equal once normalised share (:func:`words_key`)."""
        rough: dict[str, list[tuple[Ref, str]]] = defaultdict(list)
        for ref, text in items:
            rough[words_key(text, numbers)].append((ref, text))
        return rough

    @cached_property
    def _rough_metrics(self) -> dict[str, list[tuple[Ref, str]]]:
        """Key results by the rough key of their metric: built once for :attr:`metrics` and :attr:`linked_metrics`."""
        return self._rough(self._texts("key result"), False)

    def _same_text(self, rough: dict, numbers: bool, spread, keep=None) -> list[list[Ref]]:
        """Groups of items whose texts normalise alike, where ``spread`` (levels, or sets) is more than one.

        Only the items of a rough group (see :meth:`_rough`) that could matter (those ``keep``
        keeps) are normalised: one pass, no pairs.
        """
        found = []
        for group in rough.values():
            if len(group) > 1 and keep is not None:
                group = keep(group)
            if len(group) < 2 or len({spread(ref) for ref, _ in group}) < 2:
                continue
            exact: dict[str, list[Ref]] = defaultdict(list)
            for ref, text in group:
                if key := normalise(text, numbers=numbers):
                    exact[key].append(ref)
            found += [refs for refs in exact.values() if len({spread(ref) for ref in refs}) > 1]
        return found

    @cached_property
    def repeated(self) -> list[tuple[Ref, Ref]]:
        """(objective, original): a lower level's objective that copies a higher one whole (OKR401).

        The whole OKR is copied when the titles are the same and every key result of the lower
        objective repeats one of the higher objective's. Sharing the objective with key results
        of the team's own is the deck's lateral alignment, not a copy.
        """
        found = []
        for refs in self._same_text(self._rough(self._texts("objective"), True), True, self.rank):
            by_text: dict[str, set[Ref]] = defaultdict(set)  # a key result's text -> objectives that have it
            for ref in refs:
                for kr in self.objective(ref).key_results:
                    by_text[normalise(kr.text)].add(ref)
            for ref in refs:
                texts = {normalise(kr.text) for kr in self.objective(ref).key_results}
                if not texts:
                    continue
                higher = {other for other in refs if self.rank(other) < self.rank(ref)}
                for text in sorted(texts, key=lambda t: len(by_text[t])):
                    higher &= by_text[text]
                    if not higher:
                        break
                if higher:
                    found.append((ref, min(higher, key=lambda other: (self.rank(other), other))))
        return sorted(found)

    @cached_property
    def linked_sets(self) -> dict[tuple[str, str], bool]:
        """(set, other set) for every set that links to another; True when one link is an aligns_to."""
        found: dict[tuple[str, str], bool] = {}
        for link in self.links:
            if link.target is not None and link.target.set_id != link.source.set_id:
                pair = (link.source.set_id, link.target.set_id)
                found[pair] = found.get(pair, False) or link.kind == "aligns_to"
        return found

    @cached_property
    def metrics(self) -> list[list[Ref]]:
        """Key results that track one metric (the same text once numbers are removed) in two sets or more."""
        return self._same_text(self._rough_metrics, False, lambda ref: ref.set_id)

    @cached_property
    def _partners(self) -> dict[str, set[str]]:
        """The other sets each set links with, either way."""
        partners: dict[str, set[str]] = defaultdict(set)
        for first, second in self.linked_sets:
            partners[first].add(second)
            partners[second].add(first)
        return partners

    def _with_partners(self, group: list[tuple[Ref, str]]) -> list[tuple[Ref, str]]:
        """The items of a group whose set links with another set of the group."""
        sets = {ref.set_id for ref, _ in group}
        partners = self._partners
        return [(ref, text) for ref, text in group if ref.set_id in partners and not partners[ref.set_id].isdisjoint(sets)]

    @cached_property
    def linked_metrics(self) -> list[list[Ref]]:
        """The key results of :attr:`metrics` that share their metric with a linked set's.

        OKR403 needs no more: metrics that unlinked sets happen to share (more of them the larger
        the organisation) are left out before their texts are normalised.
        """
        return self._same_text(self._rough_metrics, False, lambda ref: ref.set_id, keep=self._with_partners)

    @cached_property
    def conflicts(self) -> list[tuple[Ref, Ref]]:
        """(key result, other): the same metric as a linked set's key result, another target (OKR403)."""
        partners = self._partners
        found: dict[Ref, Ref] = {}
        for refs in self.linked_metrics:
            by_set: dict[str, list[Ref]] = defaultdict(list)
            for ref in refs:
                by_set[ref.set_id].append(ref)
            for set_id, mine in by_set.items():
                for other in partners.get(set_id, set()) & by_set.keys():
                    if other < set_id:
                        continue  # each pair of sets once
                    for a in mine:
                        for b in by_set[other]:
                            for kr, rival in self._conflict_owners(a, b):
                                found.setdefault(kr, rival)
        return sorted(found.items())

    def _conflict_owners(self, a: Ref, b: Ref) -> list[tuple[Ref, Ref]]:
        """The key results of a pair on one metric that conflict, each with its rival (RULES.md, OKR403).

        Up the levels only a lower key result that aims short of the higher one conflicts (aiming
        further is the team's own stretch); at one level any other target does, reported on the
        set that links to the other, or on the one whose objective aligns to the other.
        """
        if self.rank(a) != self.rank(b):
            lower, higher = (a, b) if self.rank(a) > self.rank(b) else (b, a)
            return [(lower, higher)] if aims_short(self.key_result(lower), self.key_result(higher)) else []
        if same_goal(self.key_result(a), self.key_result(b)):
            return []
        a_links, b_links = (a.set_id, b.set_id) in self.linked_sets, (b.set_id, a.set_id) in self.linked_sets
        if a_links != b_links:
            return [(a, b)] if a_links else [(b, a)]
        a_aligns, b_aligns = (self._aligns_into(a.owner, b.set_id), self._aligns_into(b.owner, a.set_id))
        if a_aligns != b_aligns:
            return [(a, b)] if a_aligns else [(b, a)]
        return [(a, b), (b, a)]

    def _aligns_into(self, objective: Ref, set_id: str) -> bool:
        target = self.parents.get(objective)
        return target is not None and target.set_id == set_id


def same_goal(a: KeyResult, b: KeyResult) -> bool:
    """Whether two key results on one metric aim at the same place (target, or relative change)."""
    goals = [(m.target, m.relative_change, m.change) for m in (a.measure, b.measure)]
    return all(x == y or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))
               for x, y in zip(*goals))


def aims_short(lower: KeyResult, higher: KeyResult) -> bool:
    """Whether meeting the lower key result would leave the higher one's target unmet.

    The direction comes from the lower key result's own numbers or verb, else the higher one's;
    a metric held steady counts as its target. Goals of different kinds (a target against a
    relative change) cannot be compared, and are not reported.
    """
    mine, theirs = lower.measure, higher.measure
    if mine.target is not None and theirs.target is not None:
        goal, parent_goal = mine.target, theirs.target
    elif mine.relative_change is not None and theirs.relative_change is not None:
        goal, parent_goal = mine.relative_change, theirs.relative_change
    elif mine.change is not None and theirs.change is not None:
        goal, parent_goal = mine.change, theirs.change
    else:
        return False
    if math.isclose(goal, parent_goal, rel_tol=1e-9):
        return False
    direction = mine.direction if mine.direction in ("increase", "decrease") else theirs.direction
    if direction == "increase":
        return goal < parent_goal
    if direction == "decrease":
        return goal > parent_goal
    return True


def of(organisation: Organisation) -> Alignment:
    """The organisation's alignment graph, built once and kept with it."""
    return organisation.alignment
