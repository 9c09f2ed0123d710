"""The alignment map's key: its colours and line styles, the legend, and a title that names the problems.

The title says in words what the red marks show (a person reads it first); the legend lists
the line styles, then each kind of problem with how many the map shows, greying the kinds
it does not show, so "nothing wrong here" is as visible as a problem.
"""
from __future__ import annotations

from okrkit.alignment.layout import Layout

INK, MUTED, RED, PURPLE = "#2c3e50", "#7f8c8d", "#c0392b", "#8e44ad"
STYLES = {  # kind: (colour, linestyle, label)
    "aligns_to": ("#34495e", "-", "aligns_to (up to the parent)"),
    "depends_on": ("#d35400", (0, (5, 3)), "depends_on"),
    "supports": ("#27ae60", (0, (1.5, 2)), "supports"),
}


def problem_counts(graph, drawn: set[str]) -> list[tuple[str, int]]:
    """Each kind of problem with how many of them the map shows."""
    def shown(refs) -> int:
        return sum(ref.set_id in drawn for ref in refs)

    return [("silo objective", shown(graph.silos)),
            ("cycle", sum(any(ref.set_id in drawn for ref in ring) for ring in graph.cycles)),
            ("broken link", shown(link.source for link in graph.broken_links)),
            ("conflicting target", shown(kr for kr, _ in graph.conflicts)),
            ("unanswered dependency", shown(link.source for link in graph.unanswered)),
            ("copied from a higher level", shown(item for item, _ in graph.repeated))]


def legend(ax, counts: list[tuple[str, int]]) -> None:
    """Line styles first, then the problem marks with their counts; a kind the map does not show is greyed."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Line2D([], [], color=colour, linestyle=style, linewidth=1.4, label=label)
               for colour, style, label in STYLES.values()]
    labels = [f"{'≠ ' if i == 3 else ''}{kind} ({n})" for i, (kind, n) in enumerate(counts)]
    handles += [
        Line2D([], [], marker="o", color="none", markerfacecolor="#fadbd8", markeredgecolor=RED, markersize=8,
               markeredgewidth=2, label=labels[0]),
        Line2D([], [], color=RED, linewidth=2.4, label=labels[1]),
        Patch(facecolor="white", edgecolor=RED, linestyle="--", label=labels[2]),
        Line2D([], [], color=RED, linestyle="-.", label=labels[3]),
        Line2D([], [], color=RED, linestyle=(0, (5, 3)), label=labels[4]),
        Line2D([], [], marker="$=$", color="none", markeredgecolor=PURPLE, markerfacecolor=PURPLE,
               markersize=7, label=labels[5]),
    ]
    key = ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, fontsize=7,
                    frameon=False, handlelength=3, labelcolor=INK)
    for (_, n), text, handle in zip(counts, key.get_texts()[3:], key.legend_handles[3:]):
        if not n:
            text.set_color(MUTED)
            handle.set_alpha(0.3)


def count(n: int, noun: str) -> str:
    """'1 cycle', '3 unanswered dependencies'."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def title(ax, organisation, plan: Layout, graph, subtree: str | None, counts: list[tuple[str, int]]) -> None:
    """The organisation and its size, then its problems in words: a person reads these first."""
    name = organisation.name or "Organisation"
    scope = f": the subtree of '{subtree}'" if subtree else ""
    objectives = sum(len(graph.sets[s].objectives) for s in plan.nodes)
    text = f"{name}{scope} — {count(len(plan.nodes), 'set')}, {count(objectives, 'objective')}"
    found = [count(n, "copied item" if kind.startswith("copied") else kind) for kind, n in counts if n]
    text += "\nProblems: " + ", ".join(found) if found else "\nNo alignment problems found"
    if plan.hidden:
        text += f"\n{count(plan.hidden, 'more set')} not drawn: " + (
            "its horizontal partners come last; raise max_sets to see them" if subtree
            else "draw one subtree (subtree=SET_ID) to see them")
    ax.set_title(text, fontsize=10, color=INK, loc="left")


def describe(organisation) -> str:
    """The map in words, for a text alternative: its size and each problem with where it is."""
    from okrkit.alignment.graph import of

    graph = of(organisation)
    name = organisation.name or "the organisation"
    parts = [f"Alignment map of {name}: {count(len(graph.sets), 'set')}, {count(len(graph.objectives), 'objective')}."]
    found = [
        ("silo", [str(ref) for ref in graph.silos]),
        ("alignment cycle", [" → ".join(map(str, ring)) for ring in graph.cycles]),
        ("broken link", [f"{link.source} names {link.written}" for link in graph.broken_links]),
        ("conflicting target", [f"{kr} against {other}" for kr, other in graph.conflicts]),
        ("unanswered dependency", [f"{link.source} on {link.target.set_id}" for link in graph.unanswered]),
        ("copied OKR", [f"{item} copies {original}" for item, original in graph.repeated]),
    ]
    problems = [f"{count(len(where), kind)} ({'; '.join(where)})" for kind, where in found if where]
    parts.append("Problems: " + ", ".join(problems) + "." if problems else "No alignment problems.")
    return " ".join(parts)
