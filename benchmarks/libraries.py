"""What the kit writes by hand against the well-kept library that does the same, on the kit's own cases.

``python -m benchmarks.libraries`` prints the figures in CONTRIBUTING.md's table. The libraries are
not the kit's dependencies; install them beside it first, e.g.::

    pip install --target /tmp/libs defusedcsv quantulum3 price-parser grandalf networkx
    PYTHONPATH=$PWD:/tmp/libs .venv/bin/python -m benchmarks.libraries

The cases come from the kit's tests (tests/test_csvsafe.py, tests/test_numbers.py) and from the
alignment benchmark's synthetic organisations, so a library is judged on what the kit needs. Not
run by ``python -m benchmarks``: it measures choices, not speed targets.
"""
from __future__ import annotations

import importlib
import itertools
import logging
import math
import time
import warnings


def _cases(test_module: str, function: str) -> list:
    """The parameters of one of the kit's ``@pytest.mark.parametrize`` tests."""
    test = getattr(importlib.import_module(f"tests.{test_module}"), function)
    return list(next(mark for mark in test.pytestmark if mark.name == "parametrize").args[1])


def csv_neutralisation() -> list[str]:
    """okrkit.formats.csvsafe.neutralise against defusedcsv's cell escaping."""
    from defusedcsv import csv as defused

    from okrkit.formats import csvsafe

    starts = _cases("test_csvsafe", "test_formula_starts_get_an_apostrophe")
    plain = [case for case in _cases("test_csvsafe", "test_plain_text_and_numbers_are_left_alone")
             if case[0] is not None and not (isinstance(case[0], float) and math.isnan(case[0]))]
    kept = ["Cut costs | raise margins", "=cmd|' /C calc'!A0"]  # a learner's | must survive (after the ')
    lines = [f"csv: {len(starts)} formula starts, {len(plain) + 2} plain cells (with None and NaN), {len(kept)} texts with |"]
    for name, escape in (("okrkit", csvsafe.neutralise), ("defusedcsv", defused._escape)):
        neutralised = sum(escape(cell) == "'" + cell for cell in starts)
        left = sum(escape(cell) == shown for cell, shown in plain)
        left += (escape(None) in ("", None)) + (escape(float("nan")) == "")
        intact = sum(str(escape(cell)).lstrip("'") == cell for cell in kept)
        missed = [repr(cell) for cell in starts if escape(cell) != "'" + cell]
        lines.append(f"  {name:12} formula starts neutralised {neutralised}/{len(starts)}"
                     f"  plain cells as shown {left}/{len(plain) + 2}  | kept {intact}/{len(kept)}"
                     + (f"  missed: {', '.join(missed)}" if missed else ""))
    return lines


def number_reading() -> list[str]:
    """okrkit.text.numbers against quantulum3 and price-parser on tests/test_numbers.py's cases."""
    from price_parser import Price
    from quantulum3 import parser as quantulum

    from okrkit.text.numbers import measure, quantities

    forms = _cases("test_numbers", "test_number_forms")
    labels = (_cases("test_numbers", "test_codes_dates_and_labels_are_not_quantities")
              + _cases("test_numbers", "test_labels_are_not_quantities"))
    ranges = _cases("test_numbers", "test_baseline_target_direction")
    units = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "percentage": "%", "minute": "minutes"}
    own = getattr(quantities, "__wrapped__", quantities)  # timed without the kit's cache

    def by_okrkit(text):
        return [(q.value, q.unit) for q in own(text)]

    def by_quantulum(text):
        return [(q.value, None if q.unit.name == "dimensionless" else units.get(q.unit.name, q.unit.name))
                for q in quantulum.parse(text)]

    def by_price_parser(text):
        price = Price.fromstring(text)
        currency = {"$": "USD", "€": "EUR"}.get(price.currency, price.currency)
        return [] if price.amount is None else [(float(price.amount), currency)]

    def near(a, b):
        return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))

    def both_ends(read, text, baseline, target, direction):
        if read is by_okrkit:  # the kit reads a range with measure(): both ends and the direction
            found = measure(text)
            return (near(found.target, target) and found.direction == direction
                    and (baseline is None or near(found.baseline, baseline)))
        values = [value for value, _ in read(text)]  # a library gives numbers only: both must be among them
        return any(near(v, target) for v in values) and (baseline is None or any(near(v, baseline) for v in values))

    lines = [f"numbers: {len(forms)} number forms, {len(labels)} codes, dates and labels, {len(ranges)} from-to ranges"]
    for name, read in (("okrkit", by_okrkit), ("quantulum3", by_quantulum), ("price-parser", by_price_parser)):
        exact = sum(len(r := read(text)) == 1 and near(r[0][0], value) and r[0][1] == unit
                    for text, value, unit in forms)
        quiet = sum(not read(text) for text in labels)
        spans = sum(both_ends(read, *case) for case in ranges)
        texts = [case[0] for case in forms] + labels
        for text in texts:  # once untimed: patterns compile and lexicons load on first use
            read(text)
        start = time.perf_counter()
        for text in texts * 5:
            read(text)
        micro = (time.perf_counter() - start) / (len(texts) * 5) * 1e6
        lines.append(f"  {name:12} value and unit {exact}/{len(forms)}  no number in a label {quiet}/{len(labels)}"
                     f"  both ends of a range {spans}/{len(ranges)}  {micro:,.0f} µs a text")
    return lines


def alignment_layout() -> list[str]:
    """okrkit.alignment.layout against grandalf (Sugiyama) and networkx (multipartite), with the kit's boxes."""
    import networkx
    import yaml
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout

    from benchmarks.synthetic import organisation_data
    from okrkit.alignment.graph import Ref, of
    from okrkit.alignment.layout import COMPACT, GAP, layout, set_parents
    from okrkit.formats.yamlsets import from_yaml

    def sizes(graph):
        return {s: (max(COMPACT["min_width"], COMPACT["column"] * len(graph.sets[s].objectives) + 0.3),
                    COMPACT["height"]) for s in graph.sets}

    def by_okrkit(graph, edges):
        return {s: (n.x, n.y, n.width, n.height) for s, n in layout(graph).nodes.items()}

    def by_grandalf(graph, edges):
        dims = sizes(graph)
        vertices = {s: Vertex(s) for s in graph.sets}
        for s, vertex in vertices.items():
            vertex.view = type("View", (), {"w": dims[s][0], "h": dims[s][1]})()
        whole = Graph(list(vertices.values()), [Edge(vertices[p], vertices[c]) for c, p in edges])
        boxes, left = {}, 0.0
        for part in whole.C:  # each connected part laid out, then placed side by side as the kit does
            sugiyama = SugiyamaLayout(part)
            sugiyama.xspace, sugiyama.yspace = GAP, COMPACT["row_gap"]
            sugiyama.init_all()
            sugiyama.draw(3)
            mine = {v.data: (v.view.xy[0], -v.view.xy[1], *dims[v.data]) for v in part.sV}
            low = min(x - w / 2 for x, _, w, _ in mine.values())
            high = max(x + w / 2 for x, _, w, _ in mine.values())
            boxes.update({s: (x - low + left, y, w, h) for s, (x, y, w, h) in mine.items()})
            left += high - low + GAP
        return boxes

    def by_networkx(graph, edges):
        dims = sizes(graph)
        digraph = networkx.DiGraph()
        for s in graph.sets:
            digraph.add_node(s, layer=graph.rank(Ref(s)))
        digraph.add_edges_from((p, c) for c, p in edges)
        placed = networkx.multipartite_layout(digraph, subset_key="layer", align="horizontal")
        rows: dict[int, list[str]] = {}
        for s in graph.sets:
            rows.setdefault(graph.rank(Ref(s)), []).append(s)
        widest = max(sum(dims[s][0] + GAP for s in row) for row in rows.values())  # boxes side by side
        xs = [x for x, _ in placed.values()]
        span = (max(xs) - min(xs)) or 1.0
        return {s: ((placed[s][0] - min(xs)) / span * widest,
                    -graph.rank(Ref(s)) * (COMPACT["height"] + COMPACT["row_gap"]), *dims[s]) for s in graph.sets}

    def page(boxes):
        return (max(x + w / 2 for x, _, w, _ in boxes.values()) - min(x - w / 2 for x, _, w, _ in boxes.values()),
                max(y + h / 2 for _, y, _, h in boxes.values()) - min(y - h / 2 for _, y, _, h in boxes.values()))

    def overlapping(boxes):
        return sum(abs(a[0] - b[0]) < (a[2] + b[2]) / 2 - 1e-9 and abs(a[1] - b[1]) < (a[3] + b[3]) / 2 - 1e-9
                   for a, b in itertools.combinations(boxes.values(), 2))

    def crossing(boxes, edges):
        """Pairs of straight links, child's top to parent's bottom, that cross (sharing a set does not count)."""
        def turn(a, b, c):
            return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])
        links = [((boxes[c][0], boxes[c][1] + boxes[c][3] / 2), (boxes[p][0], boxes[p][1] - boxes[p][3] / 2), {c, p})
                 for c, p in edges]
        return sum(not (s1 & s2) and turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0
                   for (a, b, s1), (c, d, s2) in itertools.combinations(links, 2))

    lines = ["layout: the benchmark's synthetic organisations, compact boxes; a page is at most 20 x 16 in"]
    for count in (30, 60):
        graph = of(from_yaml(yaml.safe_dump(organisation_data(count, seed=3))))
        edges = list(set_parents(graph).items())
        for name, place in (("okrkit", by_okrkit), ("grandalf", by_grandalf), ("networkx", by_networkx)):
            start = time.perf_counter()
            boxes = place(graph, edges)
            milli = (time.perf_counter() - start) * 1000
            width, height = page(boxes)
            lines.append(f"  {count} sets {name:10} {width:5.1f} x {height:4.1f} in  overlapping boxes "
                         f"{overlapping(boxes)}  crossing links {crossing(boxes, edges)}  {milli:.1f} ms")
    return lines


def main() -> None:
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)  # quantulum3 logs every guess
    for part in (csv_neutralisation, number_reading, alignment_layout):
        print("\n".join(part()))


if __name__ == "__main__":
    main()
