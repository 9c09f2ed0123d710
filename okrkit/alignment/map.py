"""The alignment map: an organisation's sets by level, its links, and its problems at a glance.

Each set is a box in the row of its level (company at the top) with a numbered chip per
objective. ``aligns_to`` is a solid arrow up to the parent, tagged with the key result it
names; ``depends_on`` a dashed orange arrow and ``supports`` a dotted green one, both bowed so
that links between the same sets stay apart (routes: :mod:`okrkit.alignment.routes`).
Problems are red: a silo's chip, the arrows of a cycle, a broken link ending in a "?" box, a
"≠" line between conflicting key results, and an unanswered dependency; a "=" badge marks an
item copied from a higher level. In a comb of stacked teams, broken links and conflicts are
tags on the box's lower edge. The title names the problems in words (:mod:`okrkit.alignment.key`).
Every drawn problem carries a ``gid`` ("silo:sales/O1") so tests and tools can find it.
"""
from __future__ import annotations

from collections import Counter

from okrkit.alignment.graph import Ref, of
from okrkit.alignment.key import INK, MUTED, PURPLE, RED, STYLES, legend, problem_counts, title
from okrkit.alignment.layout import COMPACT, DETAIL, Layout, Node, layout
from okrkit.alignment.routes import Route, anchor_x, route
from okrkit.model import Organisation

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
    bottom = min((n.bottom for n in plan.nodes.values()), default=-plan.height)
    ax.set_ylim(bottom - 0.35, 0.75 if _has_broken_top(graph, plan) else 0.2)
    ax.set_aspect("equal")
    ax.axis("off")
    problems = _Problems(graph)
    for level, y in plan.rows:
        ax.text(-0.95, y, level, ha="left", va="center", fontsize=8, color=MUTED, style="italic")
    for node in plan.nodes.values():
        _draw_set(ax, node, plan, problems)
    _draw_combs(ax, graph, plan, problems)
    tags: dict[str, list] = {}
    _draw_links(ax, graph, plan, problems, tags)
    _draw_conflicts(ax, graph, plan, tags)
    _draw_tags(ax, plan, tags)
    _fit(ax)
    if new_figure:  # one inch of the map is one inch of paper, so the text keeps its size
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        ax.set_position([0, 0, 1, 1])  # title and legend sit outside; savefig(bbox_inches="tight") keeps them
        ax.figure.set_size_inches(min(x1 - x0, 40), y1 - y0)
    counts = problem_counts(graph, set(plan.nodes))
    legend(ax, counts)
    title(ax, organisation, plan, graph, subtree, counts)
    from okrkit.pages.plots import literal_text  # set names, titles and references are people's text

    return literal_text(ax)


def _has_broken_top(graph, plan: Layout) -> bool:
    """Whether a "?" box sits above the top row (it needs room)."""
    top = max((n.top for n in plan.nodes.values()), default=0.0)
    return any(abs(plan.nodes[link.source.set_id].top - top) < 1e-6
               for link in graph.broken_links if link.source.set_id in plan.nodes)


def _fit(ax) -> None:
    """Widen the limits to take in every arc (a link bends outside the boxes)."""
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for patch in ax.patches:
        if isinstance(patch, FancyArrowPatch):
            path = patch.get_path()  # its closing vertices are placeholders at the figure's corner: skip them
            points = path.vertices if path.codes is None else path.vertices[path.codes != Path.CLOSEPOLY]
            (px0, py0), (px1, py1) = points.min(axis=0), points.max(axis=0)
            x0, x1, y0, y1 = min(x0, px0 - 0.15), max(x1, px1 + 0.15), min(y0, py0 - 0.15), max(y1, py1 + 0.15)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


class _Problems:
    """What is wrong where, by objective, from the alignment graph."""

    def __init__(self, graph):
        self.silos = set(graph.silos)
        self.cycle = {ref for ring in graph.cycles for ref in ring}
        self.repeated: dict[Ref, set[str]] = {}  # an objective copied whole: the sets it copies
        for item, original in graph.repeated:
            self.repeated.setdefault(item, set()).add(original.set_id)
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
            note = ax.text(x, y - radius - 0.2 - 0.15 * len(lines),
                           f"= copies the whole OKR of {', '.join(sorted(problems.repeated[ref]))}", ha="center", va="center", fontsize=6, color=PURPLE,
                           style="italic", zorder=4)
            note.set_gid(f"repeated-note:{ref}")
        badges = [("silo", RED, problems.silos), ("cycle", RED, problems.cycle)] if plan.detail else []
        badges += [("≠", RED, problems.conflict), ("=", PURPLE, problems.repeated)]
        shown = [(text, colour) for text, colour, where in badges if ref in where]
        for i, (text, colour) in enumerate(shown):
            kind = {"≠": "conflict", "=": "repeated"}.get(text, text)
            badge = ax.text(x + radius + 0.02, y + radius - 0.13 * i, text, ha="left", va="center",
                            fontsize=7.5 if plan.detail else 6.5, fontweight="bold", color=colour, zorder=6)
            badge.set_gid(f"{kind}:{ref}")


def _arrow(ax, path: Route, colour, style, width, gid, head=True):
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    codes = [Path.MOVETO] + [Path.CURVE3 if path.curved else Path.LINETO] * (len(path.points) - 1)
    arrow = FancyArrowPatch(path=Path(path.points, codes), arrowstyle="-|>" if head else "-", mutation_scale=9,
                            color=colour, linewidth=width, linestyle=style, zorder=1)
    arrow.set_gid(gid)
    ax.add_patch(arrow)


def _straight(start, end) -> Route:
    return Route((start, end))


def _label(ax, xy, text, colour, gid=None, size=6) -> None:
    label = ax.text(*xy, text, fontsize=size, color=colour, ha="center", va="center", fontweight="bold", zorder=6,
                    bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": colour,
                          "linewidth": 0.7})
    label.set_gid(gid)


class _Router:
    """Routes for the links of one map, each end at its objective's chip, moved by the key result."""

    def __init__(self, graph, plan: Layout):
        self.graph, self.plan = graph, plan
        self.nodes = list(plan.nodes.values())
        self.row_gap = (DETAIL if plan.detail else COMPACT)["row_gap"]

    def x(self, node: Node, ref: Ref) -> float:
        count = len(self.graph.objective(ref).key_results) if ref.objective is not None else 0
        return anchor_x(node, ref, count, self.plan.detail)

    def __call__(self, source_ref: Ref, target_ref: Ref, kind: str) -> Route:
        source, target = self.plan.nodes[source_ref.set_id], self.plan.nodes[target_ref.set_id]
        return route(source, self.x(source, source_ref), target, self.x(target, target_ref), kind,
                     self.nodes, self.row_gap, 0.14 if self.plan.detail else 0.05)


def _draw_links(ax, graph, plan: Layout, problems: _Problems, tags: dict) -> None:
    """Each link in the detailed view; in the compact one, one arrow per pair of sets and kind."""
    trunked = {(child, comb.parent) for comb in plan.combs for child in comb.children}
    bundles: dict[tuple, list] = {}
    for link in graph.links:
        source = plan.nodes.get(link.source.set_id)
        if source is None:
            continue
        if link.target is None:
            _draw_broken(ax, source, link, tags)
        elif link.target.set_id in plan.nodes and not (
                link.kind == "aligns_to" and (link.source.set_id, link.target.set_id) in trunked):
            key = (link,) if plan.detail else (link.source.set_id, link.target.set_id, link.kind)
            bundles.setdefault(key, []).append(link)
    router, labelled = _Router(graph, plan), set()
    for links in bundles.values():
        _draw_bundle(ax, links, plan, problems, router, labelled)


def _draw_bundle(ax, links: list, plan: Layout, problems: _Problems, router: _Router, labelled: set) -> None:
    first = links[0]
    if len(links) == 1:
        source_ref, target_ref = first.source, first.target
    else:
        source_ref = Ref(first.source.set_id)
        target_ref = Counter(link.target.owner for link in links).most_common(1)[0][0]
    path = router(source_ref, target_ref, first.kind)
    colour, style, _ = STYLES[first.kind]
    width = min(1.3 + 0.35 * (len(links) - 1), 3.0)
    gid = f"link:{first.kind}:{first.source}->{first.target}"
    cycle = [link for link in links if link.kind == "aligns_to" and link.source in problems.cycle]
    unanswered = [link for link in links if (link.source, link.written) in problems.unanswered]
    if cycle:
        colour, width, gid = RED, max(width, 2.4), f"cycle:{cycle[0].source}"
    elif unanswered:
        colour, gid = RED, f"unanswered:{unanswered[0].source}"
    _arrow(ax, path, colour, style, width, gid)
    if unanswered:
        _label(ax, path.at(0.5), "no answer", RED)
    if plan.detail and first.target.key_result is not None:
        # a tag on the arrow just before its head: which key result of the objective it names
        (x, y), target = path.end, plan.nodes[first.target.set_id]
        y += -0.13 if abs(y - target.bottom) < 1e-6 else 0.13
        if (round(x, 2), round(y, 2)) not in labelled:
            labelled.add((round(x, 2), round(y, 2)))
            _label(ax, (x, y), f"KR{first.target.key_result}", colour, f"kr-label:{first.target}", size=5.5)


def _draw_broken(ax, source: Node, link, tags: dict) -> None:
    """A broken link ends in a dashed "?" box naming what it tried to reach."""
    from matplotlib.patches import FancyBboxPatch

    written = link.written if len(link.written) <= 16 else link.written[:15] + "…"
    if source.stacked:  # a comb has boxes above, below and beside: a tag on the box's lower edge
        tags.setdefault(source.set_id, []).append((f"? {written}", f"broken:{link.source}", "--"))
        return
    x, _ = source.chip(link.source)
    centre, start, end = (x, source.top + 0.42), (x, source.top), (x, source.top + 0.3)
    ghost = FancyBboxPatch((centre[0] - 0.55, centre[1] - 0.12), 1.1, 0.24, zorder=3,
                           boxstyle="round,pad=0,rounding_size=0.05", facecolor="white", edgecolor=RED,
                           linestyle="--", linewidth=1.2)
    ghost.set_gid(f"broken:{link.source}")
    ax.add_patch(ghost)
    ax.text(*centre, f"? {written}", ha="center", va="center", fontsize=6, color=RED, zorder=4)
    _arrow(ax, _straight(start, end), RED, STYLES[link.kind][1], 1.3, f"link:{link.kind}:{link.source}->{link.written}")


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
        _arrow(ax, _straight((x, parent.bottom - 0.22), (x, parent.bottom)), colour, "-", 1.3,
               f"trunk-head:{comb.parent}")
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


def _draw_conflicts(ax, graph, plan: Layout, tags: dict) -> None:
    """The detailed view joins conflicting key results by a line; the compact one tags the box."""
    router = _Router(graph, plan)
    for kr, other in graph.conflicts:
        a, b = plan.nodes.get(kr.set_id), plan.nodes.get(other.set_id)
        if a is None or b is None:
            continue
        if not plan.detail:  # lines across thirty sets would be a tangle: a tag on the box instead
            tags.setdefault(a.set_id, []).append((f"≠ O{kr.objective}/KR{kr.key_result} vs {other}",
                                                  f"conflict-label:{kr}", "-"))
            continue
        path = router(kr, other, "conflict")
        _arrow(ax, path, RED, "-.", 1.2, f"conflict-line:{kr}", head=False)
        _label(ax, path.at(0.5), f"≠ KR{kr.key_result} vs {other}", RED, f"conflict-label:{kr}")


def _text_width(text: str, size: float, weight: str = "normal") -> float:
    """How wide a text is in inches (the map is drawn one inch to the unit)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    return TextPath((0, 0), text, size=size, prop=FontProperties(weight=weight)).get_extents().width / 72


def _draw_tags(ax, plan: Layout, tags: dict) -> None:
    """Red tags in a line along a box's lower edge, left to right: what is wrong there."""
    for set_id, found in tags.items():
        node = plan.nodes[set_id]
        x, y = node.left + 0.06, node.bottom - (0.0 if node.stacked else 0.1)
        for text, gid, style in found:
            if x > node.right + 0.4:  # beyond this it would run into the next column: the chips' badges still say it
                break
            tag = ax.text(x, y, text, ha="left", va="center", fontsize=5.5, color=RED, fontweight="bold", zorder=6,
                          bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": RED,
                                "linestyle": style, "linewidth": 0.8})
            tag.set_gid(gid)
            x += _text_width(text, 5.5, "bold") + 0.14
