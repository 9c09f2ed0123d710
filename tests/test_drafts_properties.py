"""The draft parser on any text: it never fails, and what the kit writes reads back the same."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit.formats.drafts import MAX_TEXT, format_draft, parse
from okrkit.model import LEVELS, TYPES, KeyResult, Objective, OKRSet
from tests.conftest import DATA, ROOT

LABELS = ["O: ", "O1: ", "O 2:", "Objective: ", "Objective 3: ", "**O:** ", "o:", "KR: ", "KR1: ", "KR 2.1: ",
          "Key Result: ", "**KR 1:** ", "- ", "* ", "• ", "1. ", "2) ", "- KR: ", "KR: KR: ", "Team: ", "Set: ",
          "Level: ", "Level: company", "Cycle: ", "Type: ", "Type: committed", "Owner: ", "# ", "**", "__", "  ",
          "\ufeff", "\t"]
LINE = st.one_of(st.text(max_size=40),
                 st.builds(str.__add__, st.sampled_from(LABELS), st.text(max_size=30)))
DRAFT = st.builds(lambda lines, newline: newline.join(lines),
                  st.lists(LINE, max_size=15), st.sampled_from(["\n", "\r\n", "\r"]))
ANY_TEXT = st.one_of(st.text(), DRAFT)


def content(okr_set: OKRSet) -> tuple:
    """What a set says, without where it said it (line numbers, file, id)."""
    return (okr_set.team, okr_set.level, okr_set.cycle, okr_set.type, okr_set.owner,
            tuple((o.title, tuple(kr.text for kr in o.key_results)) for o in okr_set.objectives))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_parses_with_sane_line_numbers(text):
    s = parse(text)
    lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    numbers = [o.line for o in s.objectives] + [kr.line for o in s.objectives for kr in o.key_results]
    assert all(1 <= n <= lines for n in numbers + [x.line for x in s.stray_lines])
    assert [o.line for o in s.objectives] == sorted(o.line for o in s.objectives)
    assert s.level in LEVELS and s.type in (None, *TYPES)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_what_format_draft_writes_parses_back_to_the_same_set(text):
    s = parse(text)
    again = parse(format_draft(s))
    assert content(again) == content(s)
    assert not again.stray_lines


TEXT = st.text(max_size=60)
SETS = st.builds(
    OKRSet,
    objectives=st.lists(st.builds(Objective, title=TEXT, key_results=st.lists(
        st.builds(KeyResult, text=TEXT), max_size=4).map(tuple)), max_size=4).map(tuple),
    team=st.none() | TEXT, level=st.sampled_from(LEVELS), cycle=st.none() | TEXT,
    type=st.none() | st.sampled_from(TYPES), owner=st.none() | TEXT,
)


@settings(max_examples=300, deadline=None)
@given(SETS)
def test_any_set_is_written_one_line_per_title_and_key_result(okr_set):
    """Line breaks, labels or markdown inside a text from a YAML file cannot add or hide lines."""
    written = format_draft(okr_set)
    again = parse(written)
    assert [len(o.key_results) for o in again.objectives] == [len(o.key_results) for o in okr_set.objectives]
    assert not again.stray_lines
    assert format_draft(again) == written


def test_course_drafts_round_trip():
    drafts = sorted((ROOT / "okrkit" / "data" / "drafts").glob("*.okr")) + sorted(DATA.glob("drafts/*.okr"))
    assert len(drafts) >= 9, "the course's drafts in okrkit/data/drafts are missing"
    for path in drafts:
        s = parse(path.read_text(encoding="utf-8"))
        assert content(parse(format_draft(s))) == content(s), path.name


@pytest.mark.parametrize("text, expected", [
    ("O: a * *", "a"), ("O: **Win** __", "Win"), ("O: _ * Win * _", "Win"),
])
def test_emphasis_is_trimmed_completely(text, expected):
    assert parse(text).objectives[0].title == expected


def test_repeated_key_result_labels_are_dropped():
    assert parse("O: Win\nKR: KR: Key Result 2: Grow sales from 1 to 2").objectives[0].key_results[0].text == \
        "Grow sales from 1 to 2"


def test_old_mac_line_endings_are_lines():
    s = parse("Team: Ops\rO: Win\rKR: Grow sales from 1 to 2\r")
    assert s.team == "Ops"
    assert [(kr.text, kr.line) for kr in s.objectives[0].key_results] == [("Grow sales from 1 to 2", 3)]


def test_blank_headers_say_nothing():
    s = parse("Team:\nCycle: **\nO: Win\n")
    assert (s.team, s.cycle, s.stray_lines) == (None, None, ())


def test_a_line_longer_than_any_key_result_is_reported_not_read():
    s = parse("O: Win\nKR: " + "Grow sales from 1 to 2 " * 1000 + "\nKR: Grow sales from 1 to 2")
    assert [kr.line for kr in s.objectives[0].key_results] == [3]
    (stray,) = s.stray_lines
    assert stray.line == 2 and f"longer than {MAX_TEXT:,} characters" in stray.reason
