"""Routes of the alignment map: around other boxes, apart by key result and by kind."""
import math

from okrkit.alignment.graph import Ref, of
from okrkit.alignment.layout import DETAIL, layout
from okrkit.alignment.routes import Route, anchor_x, arc, route
from okrkit.examples import load_example
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import Organisation

BATTERY_LAB = """
id: battery-lab
team: Battery lab
level: team
objectives:
  - title: Build a battery prototype that stores far more energy
    aligns_to: company/O1/KR2
    key_results:
      - Increase prototype cell storage from 250 to 350 Wh/kg
"""

LEVELS = """
organisation: Two levels
sets:
  - id: company
    level: company
    objectives:
      - title: Grow via national retail
        key_results: [Increase revenue from 40 to 50 Mil USD]
  - id: marketing
    level: department
    objectives:
      - title: Launch an effective campaign for the retail outlets
        aligns_to: company/O1
        supports: [sales/O1]
        key_results: [Increase qualified leads from 200 to 400]
  - id: sales
    level: team
    objectives:
      - title: Grow Big with national retail outlets
        aligns_to: marketing/O1
        depends_on: [marketing]
        key_results: [Increase revenue from 20 to 30 Mil USD]
"""


def link_route(plan, graph, source: Ref, target: Ref, kind: str) -> Route:
    a, b = plan.nodes[source.set_id], plan.nodes[target.set_id]
    count = len(graph.objective(target).key_results) if target.objective else 0
    return route(a, anchor_x(a, source, 0, plan.detail), b, anchor_x(b, target, count, plan.detail),
                 kind, list(plan.nodes.values()), DETAIL["row_gap"])


def test_a_link_two_levels_up_goes_around_the_box_in_between():
    battery = load_example("battery-cascade")
    org = Organisation((*battery.sets, from_yaml(BATTERY_LAB, "lab.yaml")), battery.name, battery.cycle)
    graph = of(org)
    plan = layout(graph)
    path = link_route(plan, graph, Ref("battery-lab", 1), Ref("company", 1, 2), "aligns_to")
    others, ends = list(plan.nodes.values()), {"battery-lab", "company"}
    assert Route((path.start, path.end)).crossings(others, ends) > 0  # the straight line would cross a box
    assert path.crossings(others, ends) == 0


def test_links_to_different_key_results_of_one_objective_arrive_apart():
    graph = of(load_example("battery-cascade"))
    plan = layout(graph)
    kr1, kr3 = (link_route(plan, graph, Ref(s, 1), Ref("company", 1, kr), "aligns_to")
                for s, kr in (("procurement", 1), ("vehicle-integration", 3)))
    assert kr3.end[0] - kr1.end[0] >= 0.5 and kr1.end[1] == kr3.end[1]


def test_opposite_horizontal_links_between_levels_bow_to_either_side():
    graph = of(from_yaml(LEVELS, "levels.yaml"))
    plan = layout(graph)
    depends = link_route(plan, graph, Ref("sales", 1), Ref("marketing"), "depends_on")
    supports = link_route(plan, graph, Ref("marketing", 1), Ref("sales", 1), "supports")
    aligns = link_route(plan, graph, Ref("sales", 1), Ref("marketing", 1), "aligns_to")
    middles = [p.at(0.5)[0] for p in (depends, aligns, supports)]
    assert depends.curved and supports.curved
    apart = [middle - middles[1] for middle in (middles[0], middles[2])]
    assert apart[0] * apart[1] < 0 and min(map(abs, apart)) > 0.15  # one each side of aligns_to, none on another


def test_an_arc_is_matplotlibs_arc3_and_a_polyline_is_walked_by_length():
    curve = arc((0.0, 0.0), (2.0, 0.0), 0.5)
    assert curve.points[1] == (1.0, -1.0) and curve.at(0.5) == (1.0, -0.5)
    elbow = Route(((0.0, 0.0), (0.0, 3.0), (4.0, 3.0)))
    assert elbow.at(0.5) == (0.5, 3.0) and elbow.at(1.0) == (4.0, 3.0)
    assert math.isclose(elbow.at(0.3)[1], 2.1)
