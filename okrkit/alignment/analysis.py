"""What a coach asks about an organisation's alignment, as pandas DataFrames.

- :func:`parent_chains`: each objective's chain of ``aligns_to`` up to the company;
- :func:`set_dependencies`: per set, the deck's horizontal-alignment questions (who depends
  on you and how, whom you depend on, whom you work with most);
- :func:`silo_objectives`, :func:`shared_key_results` (the same metric in several sets, with
  the same or a conflicting target), :func:`level_counts` and :func:`link_table`.

Each takes an organisation and reads its alignment graph (:mod:`okrkit.alignment.graph`), so the
tables say what the rules say. pandas is imported only when a table is built.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from okrkit import bulk
from okrkit.alignment.graph import LEVEL_RANK, Alignment, Ref, of, same_goal
from okrkit.model import LEVELS, Organisation
from okrkit.text.language import normalise

MAX_SHOWN_HOPS = 8  # a chain longer than this is cut with "…" (real ones have a few levels)


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _chain_ends(graph: Alignment) -> dict[Ref, tuple[tuple[str, ...], int, str, str]]:
    """Per objective: the hops of its chain (cut), their number, the top, and how the chain ends.

    Each objective is walked once: a chain reuses what its parent's chain already found.
    """
    done: dict[Ref, tuple[tuple[str, ...], int, str, str]] = {}
    for ring in graph.cycles:
        for i, ref in enumerate(ring):
            hops = tuple(str(r) for r in ring[i + 1:] + ring[:i + 1])
            done[ref] = hops[:MAX_SHOWN_HOPS], len(ring), str(ref), "cycle"
    in_cycle = set(done)
    broken = {link.source for link in graph.broken_links if link.kind == "aligns_to"}
    for start in graph.objectives:
        path, ref = [], start
        while ref not in done and ref not in in_cycle:
            path.append(ref)
            target = graph.parents.get(ref)
            if target is None or target.objective is None:
                break
            ref = target.owner
        for node in reversed(path):
            done[node] = _chain_step(graph, node, done, broken)
    return done


def _chain_step(graph, ref, done, broken):
    target = graph.parents.get(ref)
    if target is None:
        company = graph.set_of(ref).level == "company"
        return (), 0, str(ref), "company" if company else ("broken link" if ref in broken else "not aligned")
    if target.objective is None:  # aligns to a whole set
        company = graph.set_of(target).level == "company"
        return (str(target),), 1, str(target), "company" if company else "a set"
    hops, depth, top, ends = done[target.owner]
    return (str(target), *hops)[:MAX_SHOWN_HOPS], depth + 1, top, ends


@bulk.paused()
def parent_chains(organisation: Organisation):
    """One row per objective: its ``aligns_to`` chain upwards and where it ends.

    ``ends`` is "company" when the chain reaches a company-level objective or set; otherwise
    "not aligned", "broken link", "cycle" or "a set" (an objective aligned to a whole set below
    the company, where the chain cannot go on).
    """
    graph = of(organisation)
    chains = _chain_ends(graph)
    rows = []
    for ref, (okr_set, objective) in graph.objectives.items():
        hops, depth, top, ends = chains[ref]
        cut = " → …" if depth > len(hops) else ""
        rows.append({"objective": str(ref), "set": ref.set_id, "level": okr_set.level, "title": objective.title,
                     "aligns_to": objective.aligns_to or "", "chain": " → ".join((str(ref), *hops)) + cut,
                     "depth": depth, "top": top, "ends": ends, "reaches_company": ends == "company"})
    return _frame(rows, ["objective", "set", "level", "title", "aligns_to", "chain", "depth", "top", "ends",
                         "reaches_company"])


@bulk.paused()
def set_dependencies(organisation: Organisation):
    """Per set, the deck's horizontal-alignment questions, answered from ``depends_on`` and ``supports``.

    ``depended_on_by`` and ``how``: which teams depend on this set, and through which of their
    objectives; ``depends_on``: whom this set needs; ``works_most_with``: the sets it shares the
    most horizontal links with; ``unanswered``: dependencies on this set it has not taken up.
    """
    graph = of(organisation)
    depends, depended, how, supports, supported = (defaultdict(set) for _ in range(5))
    partners: dict[str, Counter] = defaultdict(Counter)
    for link in graph.links:
        mine, theirs = link.source.set_id, link.target.set_id if link.target else None
        if theirs is None or theirs == mine or link.kind == "aligns_to":
            continue
        if link.kind == "depends_on":
            depends[mine].add(theirs)
            depended[theirs].add(mine)
            how[theirs].add(f"{link.source} needs {link.target}")
        else:
            supports[mine].add(theirs)
            supported[theirs].add(mine)
        partners[mine][theirs] += 1
        partners[theirs][mine] += 1
    waiting = Counter(link.target.set_id for link in graph.unanswered)
    rows = [{"set": set_id, "level": okr_set.level, "team": okr_set.name,
             "depended_on_by": ", ".join(sorted(depended[set_id])), "how": "; ".join(sorted(how[set_id])),
             "depends_on": ", ".join(sorted(depends[set_id])), "supports": ", ".join(sorted(supports[set_id])),
             "supported_by": ", ".join(sorted(supported[set_id])),
             "works_most_with": ", ".join(f"{other} ({n})" for other, n in
                                          sorted(partners[set_id].items(), key=lambda p: (-p[1], p[0]))[:3]),
             "unanswered": waiting[set_id]}
            for set_id, okr_set in graph.sets.items()]
    return _frame(rows, ["set", "level", "team", "depended_on_by", "how", "depends_on", "supports",
                         "supported_by", "works_most_with", "unanswered"])


@bulk.paused()
def silo_objectives(organisation: Organisation):
    """The objectives that are silos (OKR402): linked to nothing and by nothing."""
    graph = of(organisation)
    rows = [{"objective": str(ref), "set": ref.set_id, "level": graph.set_of(ref).level,
             "title": graph.objective(ref).title} for ref in graph.silos]
    return _frame(rows, ["objective", "set", "level", "title"])


@bulk.paused()
def shared_key_results(organisation: Organisation):
    """Key results that track one metric (their text once numbers are removed) in several sets.

    ``status`` compares each key result with the highest-level one of its metric: "same target",
    "own target" (another target that does not conflict, such as a team's stretch beyond its
    parent), or "conflict" (OKR403, on either side); ``finding`` is "OKR403" on the key result
    the rule reports.
    """
    graph = of(organisation)
    flagged = {kr for kr, _ in graph.conflicts}
    rivals = {other for _, other in graph.conflicts}
    rows = []
    for refs in graph.metrics:
        metric = normalise(graph.key_result(refs[0]).text, numbers=False)
        ordered = sorted(refs, key=lambda r: (graph.rank(r), r))
        top = graph.key_result(ordered[0])
        for ref in ordered:
            kr = graph.key_result(ref)
            status = ("conflict" if ref in flagged or ref in rivals
                      else "same target" if same_goal(top, kr) else "own target")
            rows.append({"metric": metric, "key_result": str(ref), "set": ref.set_id,
                         "level": graph.set_of(ref).level, "text": kr.text, "target": kr.measure.target,
                         "status": status, "finding": "OKR403" if ref in flagged else ""})
    return _frame(rows, ["metric", "key_result", "set", "level", "text", "target", "status", "finding"])


@bulk.paused()
def level_counts(organisation: Organisation):
    """Per level (company to individual): sets, objectives, key results, aligned objectives, silos."""
    graph = of(organisation)
    counts = {level: Counter() for level in LEVELS}
    for okr_set in graph.sets.values():
        counts.setdefault(okr_set.level, Counter())["sets"] += 1
    for ref, (okr_set, objective) in graph.objectives.items():
        row = counts[okr_set.level]
        row["objectives"] += 1
        row["key_results"] += len(objective.key_results)
        row["aligned"] += ref in graph.parents
    for ref in graph.silos:
        counts[graph.set_of(ref).level]["silos"] += 1
    rows = [{"level": level, **{k: c[k] for k in ("sets", "objectives", "key_results", "aligned", "silos")},
             "key_results_per_objective": round(c["key_results"] / c["objectives"], 2) if c["objectives"] else 0.0}
            for level, c in sorted(counts.items(), key=lambda item: LEVEL_RANK.get(item[0], len(LEVELS)))]
    return _frame(rows, ["level", "sets", "objectives", "key_results", "aligned", "silos",
                         "key_results_per_objective"])


@bulk.paused()
def link_table(organisation: Organisation):
    """Every link as written, with what it resolves to and what is wrong with it, if anything."""
    graph = of(organisation)
    unanswered = {(link.source, link.written) for link in graph.unanswered}
    in_cycle = {ref for ring in graph.cycles for ref in ring}
    rows = []
    for link in graph.links:
        problem = link.problem or ("cycle" if link.kind == "aligns_to" and link.source in in_cycle else "") or \
            ("unanswered" if (link.source, link.written) in unanswered else "")
        rows.append({"source": str(link.source), "kind": link.kind, "written": link.written,
                     "target": str(link.target) if link.target else "", "problem": problem})
    return _frame(rows, ["source", "kind", "written", "target", "problem"])
