"""The alignment map's key: problem counts limited to what is drawn, and counts in words."""
import okrkit
from okrkit.alignment.graph import of
from okrkit.alignment.key import count, problem_counts
from tests.conftest import DATA


def test_problems_are_counted_only_on_the_sets_the_map_draws():
    graph = of(okrkit.load(DATA / "silos.yaml"))
    everything = dict(problem_counts(graph, set(graph.sets)))
    assert everything["silo objective"] == 1 and everything["broken link"] == 1
    only_booking = dict(problem_counts(graph, {"booking"}))
    assert only_booking["silo objective"] == 1 and only_booking["broken link"] == 0


def test_counts_read_as_words():
    assert count(1, "cycle") == "1 cycle"
    assert count(3, "unanswered dependency") == "3 unanswered dependencies"
    assert count(0, "broken link") == "0 broken links"
