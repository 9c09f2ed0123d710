"""The text-draft parser: every label, bullet and header of FORMATS.md section 1, with lines."""
import pathlib
import re

import pytest

from okrkit.formats.drafts import format_draft, parse
from okrkit.formats.loading import load
from okrkit.rules import check


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


# Markdown OKR files, in the styles open-source projects and company handbooks publish them.
MARKDOWN = pathlib.Path(__file__).parent / "data" / "markdown"


def read(name: str):
    return load(MARKDOWN / name)


def outline(s) -> list[tuple[int, str, list[int]]]:
    return [(o.line, o.title, [kr.line for kr in o.key_results]) for o in s.objectives]


def test_headings_and_checkboxes_of_an_open_source_project():
    s = read("open-source-project.md")
    assert s.cycle == "2025-Q3"
    assert outline(s) == [(8, "Make the documentation the first stop for new users", [10, 11, 13]),
                          (15, "Ship a release users can trust", [17, 18, 19]),
                          (21, "Grow a healthy contributor community", [23, 24, 25])]
    assert s.objectives[0].key_results[0].text == "Grow monthly docs visitors from 12k to 20k"  # no "[ ]"
    assert {x.line for x in s.stray_lines} == {3, 4, 12}  # the introduction and a sub-point are reported


def test_numbered_lists_and_bold_labels_of_a_company_handbook():
    s = read("company-handbook.md")
    assert (s.team, s.level, s.cycle) == ("Sales", "department", "H2 2025")
    assert outline(s) == [(7, "Win the enterprise segment", [11, 12, 13]),
                          (15, "Make every renewal a non-event", [19, 20, 21])]
    assert s.objectives[0].key_results[0].text == "Grow enterprise ARR from $4m to $6m"
    assert [(x.line, "objective" in x.reason) for x in s.stray_lines] == [(23, True)]


def test_bold_labels_bullet_objectives_nested_key_results_and_tables():
    s = read("bold-labels.md")
    assert outline(s) == [(3, "Make deploys boring", [4, 5, 6]),
                          (8, "Keep our cloud bill in check this year", [9, 10, 12])]
    reasons = {x.line: x.reason for x in s.stray_lines}
    assert set(reasons) == {11, 14}
    assert "sub-point" in reasons[11] and "table row" in reasons[14]


@pytest.mark.parametrize("label", ["### Objective 2 ###", "**Objective 2**", "## O2:"])
def test_a_label_alone_starts_an_objective_whose_title_may_follow(label):
    s = parse(f"O: Win the north\n- Grow sales from 1 to 2\n{label}\n- Sign 3 enterprise customers\n")
    assert [(o.title, len(o.key_results)) for o in s.objectives] == [("Win the north", 1), ("", 1)]


def test_a_heading_alone_takes_the_title_on_the_next_line():
    s = read("heading-then-title.md")
    assert outline(s) == [(5, "Make our brand the first one retail buyers think of", [9, 10, 11]),
                          (13, "", [16, 17, 18])]
    assert not s.stray_lines  # "#### Key results" is a section label, the other headings comments


@pytest.mark.parametrize("name", sorted(p.name for p in MARKDOWN.glob("*.md")))
def test_nothing_that_looks_like_an_objective_or_key_result_vanishes(name):
    """Every line with a label or a bullet is read, or reported with its line number."""
    s = read(name)
    accounted = ({o.line for o in s.objectives} | {kr.line for o in s.objectives for kr in o.key_results}
                 | {x.line for x in s.stray_lines})
    text = (MARKDOWN / name).read_text(encoding="utf-8").splitlines()
    labelled = {number for number, line in enumerate(text, 1)
                if re.match(r"[#\s|*_]*(?:[-*+]\s|\d+\.\s|O\s*\d|Objective|KR|Key result\b)", line, re.I)}
    assert labelled - accounted == set()


@pytest.mark.parametrize("line", ["## O2: Win the enterprise segment", "### Objective 2 - Win the enterprise segment",
                                  "### Objective 2: Win the enterprise segment", "**Objective:** Win the enterprise segment",
                                  "#### Objective 2 — Win the enterprise segment", "## Objective 2 Win the enterprise segment",
                                  "1. **Objective 2:** Win the enterprise segment", "- O2. Win the enterprise segment",
                                  "## Objective 2: Win the enterprise segment ##"])
def test_a_markdown_objective_starts_its_own_objective(line):
    """The issue's complaint: the objective was read as a comment and its key results joined O1."""
    s = parse(f"O: Win the north\n- Grow sales from 1 to 2\n{line}\n- Sign 3 enterprise customers\n")
    assert [o.title for o in s.objectives] == ["Win the north", "Win the enterprise segment"]
    assert [kr.text for kr in s.objectives[1].key_results] == ["Sign 3 enterprise customers"]


@pytest.mark.parametrize("line, kind", [("O2 Win the enterprise segment", "an objective"),
                                        ("### O2 Win the enterprise segment", "an objective"),
                                        ("| KR1 | Grow sales | 40% |", "a key result")])
def test_a_line_that_looks_like_a_label_is_reported_as_such(line, kind):
    s = parse(f"O: Win the north\n- Grow sales from 1 to 2\n{line}\n")
    [stray] = s.stray_lines
    assert stray.line == 3 and f"looks like {kind}" in stray.reason
    assert any(f.code == "OKR001" and "looks like" in f.message for f in check(s))


@pytest.mark.parametrize("line", ["# a comment", "# about O2 and KR3", "#", "## Engineering", "### Key results", "**Key Results:**",
                                  "## Objectives and key results", "### Key results for Q3"])
def test_headings_and_section_labels_that_name_no_objective_are_quiet(line):
    s = parse(f"O: Win the north\n{line}\n- Grow sales from 1 to 2\n")
    assert not s.stray_lines and len(s.objectives[0].key_results) == 1


@pytest.mark.parametrize("line", ["KR2 - Grow sales from 1 to 2", "**KR2** — Grow sales from 1 to 2",
                                  "KR2 Grow sales from 1 to 2", "### KR 2.1: Grow sales from 1 to 2",
                                  "- [x] Grow sales from 1 to 2", "+ Grow sales from 1 to 2"])
def test_markdown_key_results(line):
    s = parse(f"O: Win the north\n{line}\n")
    assert [kr.text for kr in s.objectives[0].key_results] == ["Grow sales from 1 to 2"]


@pytest.mark.parametrize("line", ["# O2: Win the enterprise segment", "# Objective 2 - Win the enterprise segment",
                                  "#KR: Sign 3 enterprise customers", "# KR3 was dropped"])
def test_a_comment_that_looks_like_an_objective_or_key_result_is_reported(line):
    """A single '#' starts a comment (FORMATS.md), so it is not read; but it is not lost either."""
    s = parse(f"O: Win the north\n- Grow sales from 1 to 2\n{line}\n- Sign 3 enterprise customers\n")
    assert [o.title for o in s.objectives] == ["Win the north"]
    [stray] = s.stray_lines
    kind = "a key result" if "KR" in line else "an objective"
    assert stray.line == 3 and f"comment that looks like {kind}" in stray.reason


def test_emoji_that_decorate_headings_and_bullets_are_not_part_of_the_label():
    s = parse("### 🎯 Objective 1: Win the north\n- ✅ KR1: Grow sales from 1 to 2\n- 🚀 Grow visits from 1 to 2\n")
    assert [(o.title, [kr.text for kr in o.key_results]) for o in s.objectives] == [
        ("Win the north", ["Grow sales from 1 to 2", "🚀 Grow visits from 1 to 2"])]  # a key result's own words stay


@pytest.mark.parametrize("draft, key_results, sub_points", [
    ("O: Win\n- Grow a from 1 to 2\n  - owner: sales\n  - see the dashboard\n- Grow b from 1 to 2\n", 2, [3, 4]),
    ("O: Win\n**KR1:** Grow a from 1 to 2\n  - initiative: a pilot\n", 1, [3]),
    ("O: Win\n  - Grow a from 1 to 2\n  - Grow b from 1 to 2\n- Grow c from 1 to 2\n", 3, []),
    ("- **Objective 1**: Win\n  - Grow a from 1 to 2\n  - Grow b from 1 to 2\n", 2, []),
])
def test_a_bullet_deeper_than_the_key_result_above_is_a_sub_point(draft, key_results, sub_points):
    s = parse(draft)
    assert sum(len(o.key_results) for o in s.objectives) == key_results
    assert [x.line for x in s.stray_lines] == sub_points
    assert all("sub-point" in x.reason for x in s.stray_lines)


def test_a_header_may_be_a_heading_before_the_first_objective():
    s = parse("## Team: Platform\n### Cycle: 2026-Q1\n## O1: Make deploys boring\n- Cut failed deploys from 8% to 1%\n")
    assert (s.team, s.cycle, len(s.objectives)) == ("Platform", "2026-Q1", 1) and not s.stray_lines


def test_a_header_heading_after_the_first_objective_is_reported():
    s = parse("## O1: Make deploys boring\n- Cut failed deploys from 8% to 1%\n## Owner: Platform lead\n")
    assert s.owner is None
    assert [(x.line, x.reason) for x in s.stray_lines] == [(3, "a header belongs before the first objective")]
