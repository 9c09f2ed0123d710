"""A set written as YAML reads back as the same set: titles, links, numbers, scores and retro blocks."""
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit import examples
from okrkit.formats.yamlsets import from_yaml
from okrkit.formats.yamlwriter import set_yaml
from okrkit.model import KeyResult, Objective, OKRSet, Retro


def without_lines(okr_set: OKRSet) -> OKRSet:
    """The set with every line number and the path cleared: those say where it was read, not what it is."""
    return replace(okr_set, path=None, objectives=tuple(
        replace(o, line=None, retro=o.retro and replace(o.retro, line=None),
                key_results=tuple(replace(kr, line=None) for kr in o.key_results)) for o in okr_set.objectives))


def round_trip(okr_set: OKRSet) -> OKRSet:
    return without_lines(from_yaml(set_yaml(okr_set)))


def test_every_course_organisation_set_reads_back_the_same():
    for name in examples.organisation_names():
        for okr_set in examples.load_example(name).sets:
            assert round_trip(okr_set) == without_lines(okr_set), (name, okr_set.id)


def test_numbers_scores_notes_and_retro_blocks_are_kept():
    okr_set = OKRSet(id="sales", team="Sales", level="team", cycle="2025-Q1", type="aspirational", owner="Head of Sales",
                     objectives=(Objective(
                         "Grow big with national retail outlets", type="committed", aligns_to="company/O1",
                         depends_on=("marketing",), supports=("ops/O2",),
                         key_results=(KeyResult("Increase revenue from 10 to 20 Mil USD", baseline=10, target=20,
                                                current=17, unit="Mil USD", confidence=0.6, score=0.7,
                                                note="Two outlets: signed late"),
                                      KeyResult("Open 5 outlets")),
                         retro=Retro(execution=4, decision="carry-forward", value="Market B", learning="Slow deals",
                                     decided="Start earlier")),))
    assert round_trip(okr_set) == okr_set


def test_a_key_result_with_only_its_text_stays_one_line_and_an_empty_set_says_so():
    text = set_yaml(OKRSet(id="ux", objectives=(Objective("Delight", key_results=(KeyResult("Raise NPS from 20 to 40"),)),)))
    assert "  - Raise NPS from 20 to 40\n" in text
    assert set_yaml(OKRSet(id="empty")).endswith("objectives: []\n")


words = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(title=words, texts=st.lists(words, min_size=0, max_size=3), note=words)
def test_any_text_reads_back_as_written(title, texts, note):
    """Quotes, colons, '#', '- ', numbers-as-text and YAML words (yes, null) all survive."""
    okr_set = OKRSet(id="team-1", objectives=(Objective(title.strip(), key_results=tuple(
        KeyResult(t.strip(), note=note.strip()) for t in texts)),))
    assert round_trip(okr_set) == okr_set
