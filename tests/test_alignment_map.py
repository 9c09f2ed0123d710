"""The alignment map: it renders, it places every set without overlap, and it marks the problems."""
import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402

import okrkit  # noqa: E402
from benchmarks.synthetic import organisation_data  # noqa: E402
from okrkit.alignment.graph import of  # noqa: E402
from okrkit.alignment.layout import layout  # noqa: E402
from okrkit.alignment.map import alignment_map  # noqa: E402
from okrkit.errors import InputError  # noqa: E402
from okrkit.examples import load_example, organisation_names  # noqa: E402
from okrkit.formats.yamlsets import from_yaml  # noqa: E402
from tests.conftest import DATA  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def synthetic(n_sets: int, seed: int = 3):
    return from_yaml(yaml.safe_dump(organisation_data(n_sets, seed=seed)), f"synthetic-{n_sets}.yaml")


def gids(ax) -> set[str]:
    return {artist.get_gid() for artist in ax.get_children() + ax.patches + ax.texts + ax.lines
            if artist.get_gid()}


def legend(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def assert_no_overlap(plan):
    for a, b in itertools.combinations(plan.nodes.values(), 2):
        apart = a.right <= b.left or b.right <= a.left or a.top <= b.bottom or b.top <= a.bottom
        assert apart, f"{a.set_id} and {b.set_id} overlap"


@pytest.mark.parametrize("name", organisation_names())
def test_every_course_example_renders_each_set_and_objective(name):
    org = load_example(name)
    ax = alignment_map(org)
    marks = gids(ax)
    assert {f"set:{s.id}" for s in org.sets} <= marks
    assert sum(len(s.objectives) for s in org.sets) == sum(g.startswith(("objective:", "silo:")) for g in marks
                                                           if g.count("/") == 1)
    assert_no_overlap(layout(of(org)))


def test_it_draws_on_the_axes_it_is_given():
    fig, (left, right) = plt.subplots(1, 2)
    assert alignment_map(load_example("sales-marketing"), ax=right) is right
    assert not left.patches and right.patches


def test_the_detailed_view_writes_the_titles_and_the_links_by_kind():
    ax = alignment_map(load_example("sales-marketing"))
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "Grow Big with national retail" in texts and "Launch an effective campaign" in texts
    assert {"link:depends_on:sales/O1->marketing", "link:supports:marketing/O1->sales/O1"} <= gids(ax)
    assert legend(ax)[:3] == ["aligns_to (up to the parent)", "depends_on", "supports"]


def test_silos_broken_links_and_unanswered_dependencies_are_marked():
    ax = alignment_map(okrkit.load(DATA / "silos.yaml"))
    assert {"silo:booking/O1", "broken:partners/O1", "unanswered:crew/O1"} <= gids(ax)
    assert "? company/O3" in [t.get_text() for t in ax.texts]
    assert "silo objective (1)" in legend(ax) and "broken link (1)" in legend(ax)


def test_a_cycle_is_drawn_red_on_every_objective_of_it():
    ax = alignment_map(okrkit.load(DATA / "broken-links.yaml"))
    assert {"cycle:buying/O1", "cycle:quality/O1", "broken:app/O1"} <= gids(ax)
    red = [p for p in ax.patches if (p.get_gid() or "").startswith("cycle:")]
    assert all(matplotlib.colors.to_hex(p.get_edgecolor()) == "#c0392b" for p in red)
    assert "cycle (1)" in legend(ax)


def test_conflicts_and_copies_are_marked():
    ax = alignment_map(load_example("copies-and-shortfalls"))
    marks = gids(ax)
    assert {"conflict-line:marketing/O1/KR1", "conflict-label:marketing/O1/KR1", "conflict-line:product/O1/KR2",
            "repeated:support/O1", "repeated-note:support/O1"} <= marks
    assert "= copies the whole OKR of company" in [t.get_text() for t in ax.texts]
    assert "≠ conflicting target (2)" in legend(ax) and "copied from a higher level (1)" in legend(ax)
    assert not {g for g in gids(alignment_map(load_example("lateral-alignment")))
                if g.startswith(("conflict", "repeated"))}


def test_thirty_sets_stay_on_a_page_with_combs_and_no_overlap():
    org = synthetic(30)
    plan = layout(of(org))
    assert not plan.detail and plan.combs and len(plan.nodes) == 30
    assert_no_overlap(plan)
    ax = alignment_map(org)
    width, height = ax.figure.get_size_inches()
    assert width <= 20 and height <= 16
    assert {f"set:{s.id}" for s in org.sets} <= gids(ax)
    problems = of(org)
    assert {f"silo:{ref}" for ref in problems.silos} <= gids(ax)


def test_a_subtree_shows_its_chain_up_and_everything_beneath_it():
    org = synthetic(300, seed=5)
    graph = of(org)
    plan = layout(graph, root="dept-2")
    below = {link.source.set_id for link in graph.links
             if link.kind == "aligns_to" and link.target and link.target.set_id == "dept-2"}
    assert {"company", "dept-2"} | below <= set(plan.nodes)
    assert not {"dept-3", "dept-4"} & {n.set_id for n in plan.nodes.values() if not n.context}
    assert_no_overlap(plan)
    ax = alignment_map(org, subtree="dept-2")
    assert "the subtree of 'dept-2'" in ax.get_title(loc="left")


def test_a_large_organisation_is_cut_and_says_so():
    ax = alignment_map(synthetic(300, seed=5), max_sets=40)
    assert sum(g.startswith("set:") for g in gids(ax)) == 40
    assert "260 more sets not drawn" in ax.get_title(loc="left")


def test_an_unknown_subtree_is_a_clear_error():
    with pytest.raises(InputError, match="no set 'Sales'.*did you mean 'sales'"):
        alignment_map(load_example("sales-marketing"), subtree="Sales")


def test_labels_of_links_to_different_key_results_do_not_overlap():
    ax = alignment_map(load_example("battery-cascade"))
    renderer = ax.figure.canvas.get_renderer()
    boxes = {t.get_gid(): t.get_window_extent(renderer) for t in ax.texts if (t.get_gid() or "").startswith("kr-")}
    assert {"kr-label:company/O1/KR1", "kr-label:company/O1/KR3", "kr-label:procurement/O1/KR2"} == set(boxes)
    assert not boxes["kr-label:company/O1/KR1"].overlaps(boxes["kr-label:company/O1/KR3"])


def test_the_title_names_the_problems_and_the_legend_greys_what_is_not_there():
    ax = alignment_map(okrkit.load(DATA / "silos.yaml"))
    assert "Problems: 1 silo objective, 1 broken link, 1 unanswered dependency" in ax.get_title(loc="left")
    colours = {t.get_text(): matplotlib.colors.to_hex(t.get_color()) for t in ax.get_legend().get_texts()}
    assert colours["cycle (0)"] == "#7f8c8d" and colours["silo objective (1)"] != "#7f8c8d"
    assert "No alignment problems found" in alignment_map(load_example("battery-cascade")).get_title(loc="left")


def test_problem_tags_in_a_comb_sit_on_their_box_and_do_not_overlap():
    ax = alignment_map(synthetic(30))
    renderer = ax.figure.canvas.get_renderer()
    tags = [t for t in ax.texts if (t.get_gid() or "").startswith(("broken:", "conflict-label:"))]
    assert any(t.get_gid().startswith("broken:") for t in tags) and len(tags) >= 3
    for a, b in itertools.combinations(tags, 2):
        assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)), (a.get_gid(), b.get_gid())
