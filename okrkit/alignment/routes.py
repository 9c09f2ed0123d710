"""Where each link of the alignment map runs: from box edge to box edge, around the other boxes.

Pure geometry in inches, like :mod:`okrkit.alignment.layout`. A link ends at its target's
chip, moved sideways by the key result it names, so links to KR1 and KR3 of one objective
arrive apart and their tags do not overlap. ``depends_on`` and ``supports`` keep to their
right and bow (by different depths), so a pair of opposite links between two sets, on one
level or on two, shows as two arcs beside the straight ``aligns_to``. Each link tries a few
routes and takes the first that crosses no other box: straight or bowed, or up its own lane
and then across the gap under its target's row.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from okrkit.alignment.graph import Ref
from okrkit.alignment.layout import Node

LANES = {"aligns_to": 0, "depends_on": -1, "supports": 1, "conflict": 2}  # beside each other in a comb, in steps
BENDS = {"aligns_to": 0.0, "depends_on": 0.22, "supports": 0.34, "conflict": 0.12}  # how far a link bows, inches
SAMPLES = 32


@dataclass(frozen=True)
class Route:
    """A quadratic curve (start, control, end: matplotlib's arc3) or a polyline."""

    points: tuple[tuple[float, float], ...]
    curved: bool = False

    @property
    def start(self) -> tuple[float, float]:
        return self.points[0]

    @property
    def end(self) -> tuple[float, float]:
        return self.points[-1]

    def at(self, t: float) -> tuple[float, float]:
        """The point a fraction t of the way along (by parameter for a curve, by length for a polyline)."""
        if self.curved:
            (x0, y0), (x1, y1), (x2, y2) = self.points
            u = 1 - t
            return u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2
        pieces = list(zip(self.points, self.points[1:]))
        lengths = [math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in pieces]
        left = t * sum(lengths)
        for (a, b), length in zip(pieces, lengths):
            if left <= length:
                f = left / length if length else 0.0
                return a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])
            left -= length
        return self.end

    def crossings(self, nodes, skip: set[str]) -> int:
        """How many other boxes the route runs through."""
        points = [self.at(i / SAMPLES) for i in range(1, SAMPLES)]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        near = [n for n in nodes if n.set_id not in skip and n.left < max(xs) + 0.03 and n.right > min(xs) - 0.03
                and n.bottom < max(ys) + 0.03 and n.top > min(ys) - 0.03]
        return sum(any(n.left - 0.03 < x < n.right + 0.03 and n.bottom - 0.03 < y < n.top + 0.03 for x, y in points)
                   for n in near)


def arc(start, end, rad: float) -> Route:
    """matplotlib's arc3: the control point off the middle by rad times the length, to the right."""
    (x1, y1), (x2, y2) = start, end
    return Route(((x1, y1), ((x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)), (x2, y2)), True)


def anchor_x(node: Node, ref: Ref, key_results: int, detail: bool) -> float:
    """Where on a box's edge a link to (or from) ``ref`` meets it: its chip, moved by the key result."""
    x, _ = node.chip(ref)
    step = 0.4 if detail else 0.06
    if ref.key_result is not None and key_results > 1:
        x += (ref.key_result - (key_results + 1) / 2) * min(step, (node.width - 0.3) / key_results)
    return x


def route(source: Node, x1: float, target: Node, x2: float, kind: str, nodes, row_gap: float,
          keep: float = 0.14) -> Route:
    """The first candidate that crosses no other box, else the one crossing fewest.

    A horizontal link keeps ``keep`` inches to its right of the straight line, as it bows.
    """
    skip = {source.set_id, target.set_id}
    best = None
    if kind != "aligns_to" and abs(source.y - target.y) > 1e-6 and not (source.stacked or target.stacked):
        shift = keep * (1.6 if kind == "conflict" else 1.0) * (1 if target.y > source.y else -1)
        x1, x2 = x1 + shift, x2 + shift
    for candidate in _candidates(source, x1, target, x2, kind, nodes, row_gap):
        crossed = candidate.crossings(nodes, skip)
        if crossed == 0:
            return candidate
        if best is None or crossed < best[0]:
            best = (crossed, candidate)
    return best[1]


def _candidates(source: Node, x1: float, target: Node, x2: float, kind: str, nodes, row_gap: float):
    bend, lane = BENDS[kind], LANES[kind]
    if source.stacked or target.stacked:  # a comb has boxes above and below: use the sides
        yield from _sideways(source, target, kind, nodes)
        return
    if abs(source.y - target.y) > 1e-6:
        up = target.y > source.y
        start, end = (x1, source.top if up else source.bottom), (x2, target.bottom if up else target.top)
        length = max(math.hypot(end[0] - start[0], end[1] - start[1]), 0.1)
        yield arc(start, end, 2 * bend / length)
        turn = end[1] - (0.45 if up else -0.45) * row_gap  # up its own lane, then across the gap
        yield Route((start, (x1, turn), end))
        for rad in (-2 * bend / length or 0.25, 0.45, -0.45, 0.7, -0.7):
            yield arc(start, end, rad)
        return
    if source.set_id == target.set_id and abs(x1 - x2) < 0.05:
        x2 += 0.2
    side = 0.08 if x2 >= x1 else -0.08  # opposite links leave and arrive beside each other
    start, end = (x1 + side, source.bottom), (x2 + side, target.bottom)
    rad = (1.0 if x2 >= x1 else -1.3) if source.set_id == target.set_id else (0.35 if x2 >= x1 else -0.6)
    yield arc(start, end, rad + 0.05 * lane)
    yield arc((start[0], source.top), (end[0], target.top), -rad)
    yield arc(start, end, 1.6 * rad)


def _sideways(source: Node, target: Node, kind: str, nodes):
    lane = LANES[kind] * 0.08
    if abs(source.x - target.x) < 1e-6:  # the same column: an arc on its right, deeper the further it goes
        up = target.y >= source.y
        end_y = target.y + (0.1 if source is target else 0.0)
        distance = max(abs(end_y - source.y), 0.1)
        low, high = min(source.bottom, target.bottom), max(source.top, target.top)
        room = min((n.left - source.right for n in nodes
                    if n.left > source.right and n.bottom < high and n.top > low), default=3.0) - 0.15
        for bulge in (max(min(0.2 + 0.12 * distance, room) + lane, 0.15), room + 0.3, 1.2):
            rad = 2 * bulge / distance * (1 if up else -1)
            yield arc((source.right, source.y + lane), (target.right, end_y + lane), rad)
        return
    rightwards = target.x > source.x
    start = (source.right if rightwards else source.left, source.y + lane)
    end = (target.left if rightwards else target.right, target.y + lane)
    for rad in (0.2, -0.2, 0.45, -0.45):
        yield arc(start, end, rad if rightwards else -rad)
