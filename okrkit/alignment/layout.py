"""Where each set goes on the alignment map: rows by level, children under their parent.

Pure geometry in inches, no matplotlib: which sets are drawn (all, or one subtree with its
chain up to the company and its horizontal partners), a box per set and a chip per
objective. A set's *parent* on the map is the higher-level set most of its objectives align
to. Parents sit over the middle of their children; in the compact view a parent's children
without children of their own are stacked in a column under it (a *comb*, as in an org
chart), so thirty teams take a page, not a poster. Rows never overlap, and nothing is placed
where a link to a parent two rows up has to pass.
"""
from __future__ import annotations

import math
import textwrap
from collections import Counter, defaultdict, deque
from dataclasses import dataclass

from okrkit.alignment.graph import Alignment, Ref
from okrkit.errors import InputError

MAX_SETS = 60  # beyond this a map stops being readable: draw a subtree
GAP, STACK_GAP, INDENT = 0.35, 0.2, 0.3
STACK_FROM = 3  # this many leaf children of one parent are stacked in a comb
COMB_ROWS = 10  # a longer comb is wrapped into columns of about this many
COMPACT = {"column": 0.3, "min_width": 1.25, "height": 0.62, "header": 0.3, "row_gap": 0.9}
DETAIL = {"column": 1.9, "min_width": 2.0, "height": 1.55, "header": 0.36, "row_gap": 1.25}
TITLE_WIDTH, TITLE_LINES = 30, 3


@dataclass(frozen=True)
class Node:
    """One set on the map: a box centred on (x, y), a chip per objective."""

    set_id: str
    label: str
    level: str
    x: float
    y: float
    width: float
    height: float
    chips: tuple[tuple[Ref, float, float, tuple[str, ...]], ...]  # objective, chip x, chip y, title lines
    context: bool = False  # drawn only because it is linked to the subtree
    stacked: bool = False  # one of a comb: links leave from its sides

    @property
    def top(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y - self.height / 2

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    def chip(self, ref: Ref) -> tuple[float, float]:
        """Where an objective's chip is (the box's centre for the set itself)."""
        for objective, x, y, _ in self.chips:
            if objective == ref.owner:
                return x, y
        return self.x, self.y


@dataclass(frozen=True)
class Comb:
    """Children stacked under a parent in columns, each joined to the parent by a trunk line."""

    parent: str
    children: tuple[str, ...]
    trunks: tuple[float, ...]  # x of each column's trunk
    rows: int  # children per column

    def columns(self) -> list[tuple[float, tuple[str, ...]]]:
        return [(x, self.children[i * self.rows:(i + 1) * self.rows]) for i, x in enumerate(self.trunks)]


@dataclass(frozen=True)
class Layout:
    nodes: dict[str, Node]
    combs: tuple[Comb, ...]
    rows: tuple[tuple[str, float], ...]  # (level, y of the row's first line of boxes)
    width: float
    height: float
    detail: bool
    hidden: int  # sets of the organisation (or subtree) left out of the map


def set_parents(graph: Alignment) -> dict[str, str]:
    """Each set's parent on the map: the higher-level set its objectives align to most."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for source, target in graph.parents.items():
        if graph.rank(target) < graph.rank(source):
            votes[source.set_id][target.set_id] += 1
    return {set_id: counter.most_common(1)[0][0] for set_id, counter in votes.items()}


def subtree(graph: Alignment, root: str) -> tuple[list[str], set[str]]:
    """The sets of one subtree (the root, its chain upwards, everything aligned beneath it)
    and, as context, the sets linked to them by depends_on or supports."""
    if root not in graph.sets:
        folded = {s.lower(): s for s in graph.sets}.get(root.lower())
        hint = f" (did you mean '{folded}'?)" if folded else ""
        raise InputError(f"there is no set '{root}' in this organisation{hint}", graph.organisation.path)
    up, queue = [root], deque([root])
    while queue:
        for ref in graph.objectives_of(queue.popleft()):
            target = graph.parents.get(ref)
            if target is not None and target.set_id not in up:
                up.append(target.set_id)
                queue.append(target.set_id)
    seen, down, queue = set(up), [], deque([root])
    while queue:
        set_id = queue.popleft()
        for target in (Ref(set_id), *graph.objectives_of(set_id)):
            for link in graph.incoming.get(target, ()):
                if link.kind == "aligns_to" and link.source.set_id not in seen:
                    seen.add(link.source.set_id)
                    down.append(link.source.set_id)
                    queue.append(link.source.set_id)
    context = {link.target.set_id if link.source.set_id in seen else link.source.set_id
               for link in graph.links if link.kind != "aligns_to" and link.target is not None
               and (link.source.set_id in seen) != (link.target.set_id in seen)}
    return up[::-1] + down, context


def layout(graph: Alignment, root: str | None = None, detail: bool | None = None,
           max_sets: int = MAX_SETS) -> Layout:
    """Positions for every set drawn, in inches, the top row's top at y = 0."""
    chosen, context = (list(graph.sets), set()) if root is None else subtree(graph, root)
    order = {set_id: i for i, set_id in enumerate(graph.sets)}
    wanted = chosen + sorted(context, key=order.get)
    shown = wanted[:max_sets]
    if detail is None:
        detail = len(shown) <= 8 and all(len(graph.sets[s].objectives) <= 4 for s in shown)
    sizes = DETAIL if detail else COMPACT
    rank = {s: graph.rank(Ref(s)) for s in shown}
    widths = {s: max(sizes["min_width"], sizes["column"] * len(graph.sets[s].objectives) + 0.3) for s in shown}
    parents = {child: parent for child, parent in set_parents(graph).items() if child in rank and parent in rank}
    kids = defaultdict(list)
    for s in sorted(shown, key=order.get):
        if s in parents:
            kids[parents[s]].append(s)
    units = _Units(kids, rank, widths, sizes["height"], stack=not detail)
    x = units.place(sorted((s for s in shown if s not in parents), key=lambda s: (rank[s], order[s])), parents)
    levels = sorted(set(rank.values()))
    row_top, y = {}, 0.0
    for level in levels:
        row_top[level] = y
        y -= max(units.height(s) for s in shown if rank[s] == level and units.depth.get(s, 0) == 0) + sizes["row_gap"]
    left = min(x[s] - widths[s] / 2 for s in shown) - (INDENT if units.combs else 0.0) if shown else 0.0
    nodes = {}
    for s in shown:
        depth = units.depth.get(s, 0)
        centre = row_top[rank[s]] - sizes["height"] / 2 - depth * (sizes["height"] + STACK_GAP)
        nodes[s] = _node(graph, s, x[s] - left, centre, widths[s], sizes, detail, s in context, units.in_comb(s))
    combs = tuple(Comb(p, tuple(c), tuple(nodes[c[i]].left - INDENT / 2 for i in range(0, len(c), _rows(len(c)))),
                       _rows(len(c))) for p, c in units.combs)
    names = {rank[s]: graph.sets[s].level for s in shown}
    width = max((n.right for n in nodes.values()), default=1.0)
    return Layout(nodes, combs, tuple((names[r], row_top[r] - sizes["height"] / 2) for r in levels), width,
                  -y - sizes["row_gap"], detail, len(wanted) - len(shown))


class _Units:
    """Boxes and combs placed left to right, parents over the middle of their children."""

    def __init__(self, kids, rank, widths, box_height, stack: bool):
        self.kids, self.rank, self.widths, self.box_height = kids, rank, widths, box_height
        self.combs: list[tuple[str, list[str]]] = []
        self.depth: dict[str, int] = {}  # place in a comb, from the top
        self.groups: dict[str, list[str | list[str]]] = {}
        for parent, children in kids.items():
            leaves = defaultdict(list)
            for child in children:
                if stack and not kids.get(child):
                    leaves[rank[child]].append(child)
            stacked = {r: group for r, group in leaves.items() if len(group) >= STACK_FROM}
            groups = [c for c in children if not (rank[c] in stacked and c in stacked[rank[c]])]
            for group in stacked.values():
                groups.append(group)
                self.combs.append((parent, group))
                self.depth.update({child: i % _rows(len(group)) for i, child in enumerate(group)})
            self.groups[parent] = groups

    def in_comb(self, set_id: str) -> bool:
        return set_id in self.depth

    def height(self, set_id: str) -> float:
        comb = next((group for _, group in self.combs if group[0] == set_id), None)
        n = _rows(len(comb)) if comb else 1
        return n * self.box_height + (n - 1) * STACK_GAP

    def place(self, roots: list[str], parents: dict[str, str]) -> dict[str, float]:
        x: dict[str, float] = {}
        cursor: dict[int, float] = defaultdict(float)
        rank, widths = self.rank, self.widths

        def lanes(unit) -> range:
            """The rows a unit and its link up to its parent pass through."""
            first = unit[0] if isinstance(unit, list) else unit
            top = rank[parents[first]] + 1 if first in parents else rank[first]
            return range(top, rank[first] + 1)

        def members(unit) -> list[str]:
            return unit if isinstance(unit, list) else [unit]

        def claim(unit) -> None:
            right = max(x[m] + widths[m] / 2 for m in members(unit)) + GAP
            for r in lanes(unit):
                cursor[r] = max(cursor[r], right)

        def shift(unit, by: float) -> None:
            for member in members(unit):
                x[member] += by
                for child in self.groups.get(member, ()):
                    shift(child, by)
            claim(unit)

        def place(unit) -> None:
            start = max(cursor[r] for r in lanes(unit))
            if isinstance(unit, list):  # a comb: columns of a trunk, then the boxes, left-aligned
                pitch, rows = INDENT + max(widths[m] for m in unit) + GAP, _rows(len(unit))
                for i, member in enumerate(unit):
                    x[member] = start + (i // rows) * pitch + INDENT + widths[member] / 2
                claim(unit)
                return
            groups = self.groups.get(unit, [])
            for group in groups:
                place(group)
            least = start + widths[unit] / 2
            x[unit] = least
            if groups:
                # over a single child, over the middle of several; a comb's trunk drops from the left
                anchors = [_comb_anchor(g, x, widths, widths[unit]) if isinstance(g, list) else x[g] for g in groups]
                middle = (min(anchors) + max(anchors)) / 2
                if middle < least:
                    for group in groups:
                        shift(group, least - middle)
                x[unit] = max(middle, least)
            claim(unit)

        for root in roots:
            place(root)
        return x


def _rows(n: int) -> int:
    """Children per column of a comb of n: one column up to a dozen, else columns of about COMB_ROWS."""
    return n if n <= 12 else math.ceil(n / math.ceil(n / COMB_ROWS))


def _comb_anchor(comb: list[str], x: dict, widths: dict, parent_width: float) -> float:
    """Where the parent of a comb goes: its trunk under the parent's left side, or over the columns' middle."""
    trunk = x[comb[0]] - widths[comb[0]] / 2 - INDENT / 2
    if len(comb) <= _rows(len(comb)):
        return trunk + parent_width / 2 - 0.2
    return (trunk + max(x[m] + widths[m] / 2 for m in comb)) / 2


def _node(graph, set_id, x, y, width, sizes, detail, context, stacked) -> Node:
    okr_set = graph.sets[set_id]
    objectives = graph.objectives_of(set_id)
    left, top = x - width / 2, y + sizes["height"] / 2
    chip_y = top - sizes["header"] - (0.16 if detail else 0.1)
    offset = (width - sizes["column"] * len(objectives)) / 2
    chips = tuple((ref, left + offset + sizes["column"] * (i + 0.5), chip_y,
                   _lines(graph.objective(ref).title) if detail else ())
                  for i, ref in enumerate(objectives))
    label = okr_set.team if okr_set.team and okr_set.team != set_id else set_id
    return Node(set_id, label, okr_set.level, x, y, width, sizes["height"], chips, context, stacked)


def _lines(title: str) -> tuple[str, ...]:
    lines = textwrap.wrap(title, TITLE_WIDTH) or [""]
    if len(lines) > TITLE_LINES:
        lines = lines[:TITLE_LINES]
        lines[-1] = lines[-1][: TITLE_WIDTH - 1].rstrip() + "…"
    return tuple(lines)
