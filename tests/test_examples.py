"""The drafts that ship with the kit: course examples and the blank template."""
import pytest

import okrkit
from okrkit import examples


def test_there_are_course_examples_with_their_source_named():
    names = examples.example_names()
    assert len(names) >= 5 and names == sorted(names)
    for name in names:
        first = examples.example(name).splitlines()[0]
        assert first.startswith("# ") and ("course deck" in first or "OKR guide" in first)


@pytest.mark.parametrize("name", examples.example_names())
def test_every_example_is_a_readable_draft(name):
    """Each example parses into objectives with key results and no stray lines."""
    draft = okrkit.parse(examples.example(name))
    assert draft.objectives and all(o.key_results for o in draft.objectives)
    assert draft.stray_lines == () and draft.cycle


def test_the_weak_and_strong_examples_live_up_to_their_names():
    assert okrkit.check(examples.example("go-to-market-weak")).errors
    assert not okrkit.check(examples.example("support-strong"))


def test_an_unknown_example_names_the_ones_there_are():
    with pytest.raises(KeyError, match="go-to-market-weak"):
        examples.example("no-such-example")


def test_template_has_a_line_for_each_part_and_notes_the_checker_skips():
    draft = okrkit.parse(examples.template())
    assert draft.team and draft.cycle and len(draft.objectives) == 1
    assert len(draft.objectives[0].key_results) == 3
    assert draft.stray_lines == ()


@pytest.mark.parametrize("name", examples.organisation_names())
def test_the_alignment_examples_load_by_name_as_organisations(name):
    org = examples.load_example(name)
    assert isinstance(org, okrkit.Organisation) and len(org.sets) >= 2 and org.cycle
    assert all(s.cycle == org.cycle for s in org.sets)  # each set takes the organisation's cycle
    assert not [f for f in okrkit.check(org) if f.code in ("OKR404", "OKR405")]


def test_the_course_alignment_examples_are_all_there():
    assert {"crm-platform", "outlet-expansion", "sales-marketing", "lateral-alignment",
            "avoid-silos"} <= set(examples.organisation_names())
    assert len(examples.load_example("avoid-silos").sets) == 6  # the exercise's six leads


def test_the_lateral_alignment_example_is_alignment_done_right():
    found = {(f.code, f.where) for f in okrkit.check(examples.load_example("lateral-alignment"))}
    assert not {code for code, _ in found} & {"OKR401", "OKR403"}  # the deck's example: shared, not copied
    wrong = {(f.code, f.where) for f in okrkit.check(examples.load_example("copies-and-shortfalls"))}
    assert wrong == {("OKR401", "support/O1"), ("OKR403", "marketing/O1/KR1"), ("OKR403", "product/O1/KR2")}


def test_load_example_also_parses_a_draft_and_names_the_examples_there_are():
    assert isinstance(examples.load_example("battery"), okrkit.OKRSet)
    with pytest.raises(KeyError, match="lateral-alignment"):
        examples.load_example("no-such-example")
