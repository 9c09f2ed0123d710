"""The alignment map: an organisation's sets by level, its links, and its problems at a glance.

Each set is a box in the row of its level (company at the top) with a numbered chip per
objective. ``aligns_to`` is a solid arrow up to the parent; ``depends_on`` a dashed orange
arrow and ``supports`` a dotted green one. Problems are red: a silo's chip, the arrows of a
cycle, a broken link ending in a "?" box, a "≠" line between conflicting key results, and an
unanswered dependency; a "=" badge marks an item copied from a higher level. Every drawn
problem carries a ``gid`` ("silo:sales/O1") so tests and tools can find it.
"""
from __future__ import annotations

from collections import Counter

from okrkit.alignment import Ref, of
from okrkit.alignment_layout import Layout, Node, layout
from okrkit.model import Organisation

INK, MUTED, RED, PURPLE = "#2c3e50", "#7f8c8d", "#c0392b", "#8e44ad"
STYLES = {  # kind: (colour, linestyle, label)
    "aligns_to": ("#34495e", "-", "aligns_to (up to the parent)"),
    "depends_on": ("#d35400", (0, (5, 3)), "depends_on"),
    "supports": ("#27ae60", (0, (1.5, 2)), "supports"),
}
FACES = {"company": "#dfe8f3", "department": "#e6f2e1", "team": "#fbf3df", "individual": "#efe7f6"}
CHIP_RADIUS = {True: 0.14, False: 0.1}


def alignment_map(organisation: Organisation, ax=None, subtree: str | None = None,
                  detail: bool | None = None, max_sets: int | None = None):
    """Draw the organisation (or the ``subtree`` under one set) and return the Axes.

    ``detail`` writes each objective's title under its chip (default: for up to 8 sets).
    Beyond ``max_sets`` sets (default 60) the rest is left out and the title says so:
    draw one subtree instead.
    """
    import matplotlib.pyplot as plt

    graph = of(organisation)
    kwargs = {} if max_sets is None else {"max_sets": max_sets}
    plan = layout(graph, subtree, detail, **kwargs)
    new_figure = ax is None
    if new_figure:
        _, ax = plt.subplots(figsize=(min(max(plan.width + 1.6, 6.0), 40), max(plan.height + 1.6, 3.0)))
    ax.set_xlim(-1.1, max(plan.width, 4.4) + 0.3)
    ax.set_ylim(-plan.height - 0.3, 0.75 if _has_broken_top(graph, plan) else 0.2)
    ax.set_aspect("equal")
    ax.axis("off")
    problems = _Problems(graph)
    for level, y in plan.rows:
        ax.text(-0.95, y, level, ha="left", va="center", fontsize=8, color=MUTED, style="italic")
    for node in plan.nodes.values():
        _draw_set(ax, node, plan, problems)
    _draw_combs(ax, graph, plan, problems)
    _draw_links(ax, graph, plan, problems)
    _draw_conflicts(ax, graph, plan)
    _fit(ax)
    if new_figure:  # one inch of the map is one inch of paper, so the text keeps its size
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        ax.figure.set_size_inches(min(x1 - x0, 40), y1 - y0 + 1.0)
    _legend(ax, graph, set(plan.nodes))
    _title(ax, organisation, plan, subtree, graph)
    return ax


def _has_broken_top(graph, plan: Layout) -> bool:
    """Whether a "?" box sits above the top row (it needs room)."""
    top = max((n.top for n in plan.nodes.values()), default=0.0)
    return any(abs(plan.nodes[link.source.set_id].top - top) < 1e-6
               for link in graph.broken_links if link.source.set_id in plan.nodes)


def _fit(ax) -> None:
    """Widen the limits to take in every arc (a link bends outside the boxes)."""
    from matplotlib.patches import FancyArrowPatch

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for patch in ax.patches:
        if isinstance(patch, FancyArrowPatch):
            (px0, py0), (px1, py1) = patch.get_path().vertices.min(axis=0), patch.get_path().vertices.max(axis=0)
            x0, x1, y0, y1 = min(x0, px0 - 0.15), max(x1, px1 + 0.15), min(y0, py0 - 0.15), max(y1, py1 + 0.15)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


class _Problems:
    """What is wrong where, by objective, from the alignment graph."""

    def __init__(self, graph):
        self.silos = set(graph.silos)
        self.cycle = {ref for ring in graph.cycles for ref in ring}
        self.repeated: dict[Ref, tuple[list[str], set[str]]] = {}  # objective: (what is copied, from which sets)
        for item, original in sorted(graph.repeated):
            parts, sources = self.repeated.setdefault(item.owner, ([], set()))
            parts.append("title" if item.key_result is None else f"KR{item.key_result}")
            sources.add(original.set_id)
        self.conflict = {kr.owner for kr, _ in graph.conflicts}
        self.unanswered = {(link.source, link.written) for link in graph.unanswered}


def _draw_set(ax, node: Node, plan: Layout, problems: _Problems) -> None:
    from matplotlib.patches import Circle, FancyBboxPatch

    face = "#f4f4f4" if node.context else FACES.get(node.level, "#f4f4f4")
    box = FancyBboxPatch((node.x - node.width / 2, node.bottom), node.width, node.height,
                         boxstyle="round,pad=0,rounding_size=0.08", facecolor=face, zorder=2,
                         edgecolor=MUTED if node.context else INK, linewidth=1.0,
                         linestyle="--" if node.context else "-")
    box.set_gid(f"set:{node.set_id}")
    ax.add_patch(box)
    limit = int(node.width * 11)
    label = node.label if len(node.label) <= limit else node.label[: limit - 1] + "…"
    ax.text(node.x, node.top - 0.17, label, ha="center", va="center", fontsize=8 if plan.detail else 7,
            fontweight="bold", color=INK, zorder=4)
    radius = CHIP_RADIUS[plan.detail]
    if not node.chips and plan.detail:
        ax.text(node.x, node.y - 0.15, "no objectives yet", ha="center", va="center", fontsize=7,
                color=MUTED, style="italic", zorder=4)
    for ref, x, y, lines in node.chips:
        silo, cycle = ref in problems.silos, ref in problems.cycle
        chip = Circle((x, y), radius, facecolor="#fadbd8" if silo else "white",
                      edgecolor=RED if silo or cycle else INK, linewidth=2.0 if silo or cycle else 1.0, zorder=4)
        chip.set_gid(f"silo:{ref}" if silo else f"objective:{ref}")
        ax.add_patch(chip)
        ax.text(x, y, f"O{ref.objective}" if plan.detail else str(ref.objective), ha="center", va="center",
                fontsize=6.5 if plan.detail else 5.5, color=INK, zorder=5)
        for row, line in enumerate(lines):
            ax.text(x, y - radius - 0.14 - 0.15 * row, line, ha="center", va="center", fontsize=6.3,
                    color=INK, zorder=4)
        if plan.detail and ref in problems.repeated:
            parts, sources = problems.repeated[ref]
            note = ax.text(x, y - radius - 0.2 - 0.15 * len(lines), f"= copies {', '.join(parts)} of "
                           f"{', '.join(sorted(sources))}", ha="center", va="center", fontsize=6, color=PURPLE,
                           style="italic", zorder=4)
            note.set_gid(f"repeated-note:{ref}")
        badges = [("silo", RED, problems.silos), ("cycle", RED, problems.cycle)] if plan.detail else []
        badges += [("≠", RED, problems.conflict), ("=", PURPLE, problems.repeated)]
        shown = [(text, colour) for text, colour, where in badges if ref in where]
        for i, (text, colour) in enumerate(shown):
            kind = {"≠": "conflict", "=": "repeated"}.get(text, text)
            badge = ax.text(x + radius + 0.02, y + radius - 0.13 * i, text, ha="left", va="center",
                            fontsize=6 if plan.detail else 5, fontweight="bold", color=colour, zorder=6)
            badge.set_gid(f"{kind}:{ref}")


def _route(source: Node, source_ref: Ref, target: Node, target_ref: Ref) -> tuple[tuple, tuple, float]:
    """Start, end and curvature of a link, from box edge to box edge.

    Between rows: the facing top and bottom edges, above or below the chips. Within a row:
    the bottom edges, bending below the row (deeper right to left, so a pair of opposite links
    shows as two arcs). A set in a comb has neighbours above and below: its links use its sides.
    """
    (x1, _), (x2, _) = source.chip(source_ref), target.chip(target_ref)
    if source.stacked or target.stacked:
        if source.set_id == target.set_id or abs(source.x - target.x) < 1e-6:
            rad = 0.5 if target.y >= source.y else -0.5
            return (source.right, source.y), (target.right, target.y + (0.1 if source is target else 0.0)), rad
        rightwards = target.x > source.x
        start = (source.right if rightwards else source.left, source.y)
        end = (target.left if rightwards else target.right, target.y)
        return start, end, 0.2 if rightwards else -0.2
    if abs(source.y - target.y) > 1e-6:
        up = target.y > source.y
        return (x1, source.top if up else source.bottom), (x2, target.bottom if up else target.top), 0.0
    if source.set_id == target.set_id and abs(x1 - x2) < 1e-6:
        x2 += 0.2
    side = 0.08 if x2 >= x1 else -0.08  # opposite links leave and arrive beside each other
    x1, x2 = x1 + side, x2 + side
    rad = 0.35 if x2 >= x1 else -0.6
    if source.set_id == target.set_id:
        rad = 1.0 if x2 >= x1 else -1.3
    return (x1, source.bottom), (x2, target.bottom), rad


def _midpoint(start, end, rad) -> tuple[float, float]:
    """The middle of an arc3 curve (a quadratic Bézier through its control point)."""
    (x1, y1), (x2, y2) = start, end
    return (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2


def _arrow(ax, start, end, rad, colour, style, width, gid, head=True):
    from matplotlib.patches import FancyArrowPatch

    arrow = FancyArrowPatch(start, end, arrowstyle="-|>" if head else "-", mutation_scale=9, color=colour,
                            linewidth=width, linestyle=style, connectionstyle=f"arc3,rad={rad}",
                            shrinkA=1, shrinkB=1, zorder=1)
    arrow.set_gid(gid)
    ax.add_patch(arrow)


def _label(ax, xy, text, colour, gid=None) -> None:
    label = ax.text(*xy, text, fontsize=6, color=colour, ha="center", va="center", fontweight="bold", zorder=6,
                    bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": colour,
                          "linewidth": 0.7})
    label.set_gid(gid)


def _draw_links(ax, graph, plan: Layout, problems: _Problems) -> None:
    """Each link in the detailed view; in the compact one, one arrow per pair of sets and kind."""
    trunked = {(child, comb.parent) for comb in plan.combs for child in comb.children}
    bundles: dict[tuple, list] = {}
    for link in graph.links:
        source = plan.nodes.get(link.source.set_id)
        if source is None:
            continue
        if link.target is None:
            _draw_broken(ax, source, link)
        elif link.target.set_id in plan.nodes and not (
                link.kind == "aligns_to" and (link.source.set_id, link.target.set_id) in trunked):
            key = (link,) if plan.detail else (link.source.set_id, link.target.set_id, link.kind)
            bundles.setdefault(key, []).append(link)
    for links in bundles.values():
        _draw_bundle(ax, links, plan, problems)


def _draw_bundle(ax, links: list, plan: Layout, problems: _Problems) -> None:
    first = links[0]
    source, target = plan.nodes[first.source.set_id], plan.nodes[first.target.set_id]
    if len(links) == 1:
        source_ref, target_ref = first.source, first.target
    else:
        source_ref = Ref(source.set_id)
        target_ref = Counter(link.target.owner for link in links).most_common(1)[0][0]
    start, end, rad = _route(source, source_ref, target, target_ref)
    colour, style, _ = STYLES[first.kind]
    width = min(1.3 + 0.35 * (len(links) - 1), 3.0)
    gid = f"link:{first.kind}:{first.source}->{first.target}"
    cycle = [link for link in links if link.kind == "aligns_to" and link.source in problems.cycle]
    unanswered = [link for link in links if (link.source, link.written) in problems.unanswered]
    if cycle:
        colour, width, gid = RED, max(width, 2.4), f"cycle:{cycle[0].source}"
    elif unanswered:
        colour, gid = RED, f"unanswered:{unanswered[0].source}"
    _arrow(ax, start, end, rad, colour, style, width, gid)
    if unanswered:
        _label(ax, _midpoint(start, end, rad), "no answer", RED)
    if plan.detail and first.target.key_result is not None:
        ax.text(end[0] + 0.04, end[1] - 0.1, f"KR{first.target.key_result}", fontsize=5.5, color=colour,
                ha="left", va="center", zorder=3)


def _draw_broken(ax, source: Node, link) -> None:
    """A broken link ends in a dashed "?" box naming what it tried to reach."""
    from matplotlib.patches import FancyBboxPatch

    x, _ = source.chip(link.source)
    if source.stacked:  # beside the box: a comb has boxes above and below
        centre, start, end = (source.right + 0.75, source.y), (source.right, source.y), (source.right + 0.2, source.y)
    else:
        centre, start, end = (x, source.top + 0.42), (x, source.top), (x, source.top + 0.3)
    ghost = FancyBboxPatch((centre[0] - 0.55, centre[1] - 0.12), 1.1, 0.24, zorder=3,
                           boxstyle="round,pad=0,rounding_size=0.05", facecolor="white", edgecolor=RED,
                           linestyle="--", linewidth=1.2)
    ghost.set_gid(f"broken:{link.source}")
    ax.add_patch(ghost)
    written = link.written if len(link.written) <= 16 else link.written[:15] + "…"
    ax.text(*centre, f"? {written}", ha="center", va="center", fontsize=6, color=RED, zorder=4)
    _arrow(ax, start, end, 0.0, RED, STYLES[link.kind][1], 1.3, f"link:{link.kind}:{link.source}->{link.written}")


def _draw_combs(ax, graph, plan: Layout, problems: _Problems) -> None:
    """From each parent a trunk down the left of every column of its stacked children, a tick into each."""
    colour = STYLES["aligns_to"][0]
    for comb in plan.combs:
        parent = plan.nodes[comb.parent]
        x = min(max(comb.trunks[0], parent.left + 0.12), parent.right - 0.12)
        bus = parent.bottom - 0.3
        if len(comb.trunks) == 1 and abs(x - comb.trunks[0]) < 1e-6:
            bus = parent.bottom
        else:
            ax.plot([x, x, min(x, comb.trunks[0]), max(x, comb.trunks[-1])], [parent.bottom, bus, bus, bus],
                    color=colour, linewidth=1.3, zorder=1)
        _arrow(ax, (x, parent.bottom - 0.22), (x, parent.bottom), 0.0, colour, "-", 1.3, f"trunk-head:{comb.parent}")
        for trunk_x, children in comb.columns():
            trunk, = ax.plot([trunk_x, trunk_x], [bus, plan.nodes[children[-1]].y], color=colour, linewidth=1.3,
                             zorder=1, solid_capstyle="butt")
            trunk.set_gid(f"trunk:{comb.parent}")
            for child in children:
                node = plan.nodes[child]
                cycle = any(link.source in problems.cycle for ref in graph.objectives_of(child)
                            for link in graph.outgoing.get(ref, ()) if link.kind == "aligns_to")
                tick, = ax.plot([trunk_x, node.left], [node.y, node.y], color=RED if cycle else colour,
                                linewidth=2.4 if cycle else 1.3, zorder=1)
                tick.set_gid(f"cycle:{child}" if cycle else f"link:aligns_to:{child}->{comb.parent}")


def _draw_conflicts(ax, graph, plan: Layout) -> None:
    for kr, other in graph.conflicts:
        a, b = plan.nodes.get(kr.set_id), plan.nodes.get(other.set_id)
        if a is None or b is None:
            continue
        text = f"≠ KR{kr.key_result} vs {other}"
        if not plan.detail:  # a label under the box: lines across thirty sets would be a tangle
            _label(ax, (a.x, a.bottom - 0.1), text, RED, f"conflict-label:{kr}")
            continue
        start, end, rad = _route(a, kr, b, other)
        shift = 0.12 if end[0] >= start[0] else -0.12  # beside the aligns_to arrow it usually runs along
        start, end = (start[0] + shift, start[1]), (end[0] + shift, end[1])
        _arrow(ax, start, end, rad, RED, "-.", 1.2, f"conflict-line:{kr}", head=False)
        _label(ax, _midpoint(start, end, rad), text, RED, f"conflict-label:{kr}")


def _legend(ax, graph, drawn: set[str]) -> None:
    """Line styles and problem marks, each problem with how many of them the map shows."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def shown(refs) -> int:
        return sum(ref.set_id in drawn for ref in refs)

    handles = [Line2D([], [], color=colour, linestyle=style, linewidth=1.4, label=label)
               for colour, style, label in STYLES.values()]
    counts = [("silo objective", shown(graph.silos)),
              ("cycle", sum(any(ref.set_id in drawn for ref in ring) for ring in graph.cycles)),
              ("broken link", shown(link.source for link in graph.broken_links)),
              ("conflicting target", shown(kr for kr, _ in graph.conflicts)),
              ("unanswered dependency", shown(link.source for link in graph.unanswered)),
              ("copied from a higher level", shown(item for item, _ in graph.repeated))]
    handles += [
        Line2D([], [], marker="o", color="none", markerfacecolor="#fadbd8", markeredgecolor=RED, markersize=8,
               markeredgewidth=2, label=f"{counts[0][0]} ({counts[0][1]})"),
        Line2D([], [], color=RED, linewidth=2.4, label=f"{counts[1][0]} ({counts[1][1]})"),
        Patch(facecolor="white", edgecolor=RED, linestyle="--", label=f"{counts[2][0]} ({counts[2][1]})"),
        Line2D([], [], color=RED, linestyle="-.", label=f"≠ {counts[3][0]} ({counts[3][1]})"),
        Line2D([], [], color=RED, linestyle=(0, (5, 3)), label=f"{counts[4][0]} ({counts[4][1]})"),
        Line2D([], [], marker="$=$", color="none", markeredgecolor=PURPLE, markerfacecolor=PURPLE,
               markersize=7, label=f"{counts[5][0]} ({counts[5][1]})"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, fontsize=7,
              frameon=False, handlelength=3)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _title(ax, organisation, plan: Layout, subtree, graph) -> None:
    name = organisation.name or "Organisation"
    scope = f": the subtree of '{subtree}'" if subtree else ""
    objectives = sum(len(graph.sets[s].objectives) for s in plan.nodes)
    title = f"{name}{scope} — {_count(len(plan.nodes), 'set')}, {_count(objectives, 'objective')}"
    if plan.hidden:
        title += f"\n{_count(plan.hidden, 'more set')} not drawn: " + (
            "its horizontal partners come last; raise max_sets to see them" if subtree
            else "draw one subtree (subtree=SET_ID) to see them")
    ax.set_title(title, fontsize=10, color=INK, loc="left")
