"""The text-draft parser: every label, bullet and header of FORMATS.md section 1, with lines."""
import pytest

from okrkit.formats.drafts import format_draft, parse


def test_course_example_is_read_completely():
    s = parse("Team: Sales\nLevel: team\nCycle: 2025-Q1\nO: Grow big with national retail outlets\n"
              "KR: Increase revenue from 20 to 30 Mil USD from market A\n"
              "KR: Increase revenue from 10 to 20 Mil USD from market B\n")
    assert (s.team, s.level, s.cycle) == ("Sales", "team", "2025-Q1")
    assert s.objectives[0].title == "Grow big with national retail outlets"
    assert [kr.line for kr in s.objectives[0].key_results] == [5, 6]
    assert s.objectives[0].key_results[1].measure.target == 20e6


@pytest.mark.parametrize("label", ["O:", "O1:", "O 1:", "Objective:", "Objective 1:", "**O:**", "**Objective 2:**",
                                   "o:"])
def test_objective_labels(label):
    s = parse(f"{label} Win the north")
    assert [o.title for o in s.objectives] == ["Win the north"]


@pytest.mark.parametrize("label", ["KR:", "KR1:", "KR 1:", "Key Result:", "Key Result 2:", "**KR 1:**", "-", "*",
                                   "•", "1.", "2)", "- KR:"])
def test_key_result_labels(label):
    s = parse(f"O: Win the north\n{label} Grow sales from 1 to 2")
    assert [kr.text for kr in s.objectives[0].key_results] == ["Grow sales from 1 to 2"]


@pytest.mark.parametrize("header, field, value", [
    ("Team: Ops", "team", "Ops"), ("Set: Ops", "team", "Ops"), ("TEAM: Ops", "team", "Ops"),
    ("Level: Company", "level", "company"), ("Cycle: Q1 2025", "cycle", "Q1 2025"),
    ("Type: committed", "type", "committed"), ("Owner: Head of Ops", "owner", "Head of Ops"),
    ("**Team:** Ops", "team", "Ops"),
])
def test_headers(header, field, value):
    assert getattr(parse(header + "\nO: Win the north"), field) == value


def test_defaults_to_a_team_set():
    assert parse("O: Win").level == "team"


def test_comments_blank_lines_crlf_and_bom_keep_line_numbers():
    text = "\ufeff# a comment\r\n\r\nTeam: Ops\r\nO: Win the north\r\n  KR: Grow sales from 1 to 2\r\n"
    s = parse(text)
    assert s.team == "Ops"
    assert s.objectives[0].line == 4
    assert s.objectives[0].key_results[0].line == 5
    assert s.objectives[0].key_results[0].text == "Grow sales from 1 to 2"
    assert not s.stray_lines


def test_stray_lines_are_kept_with_their_kind():
    s = parse("KR: too early\nO: Win\nrandom words\n")
    assert [(x.line, x.kind) for x in s.stray_lines] == [(1, "orphan-key-result"), (3, "unrecognized")]


def test_empty_text_is_an_empty_set():
    assert parse("").objectives == ()


def test_format_draft_round_trips():
    s = parse("Team: Ops\nLevel: department\nCycle: 2025\nO: Win the north\nKR: Grow sales from 1 to 2\nO: Delight\n")
    again = parse(format_draft(s))
    assert again == s
