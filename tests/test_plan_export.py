"""The plan exported: one row per question, escaped for markdown and HTML, safe as CSV."""
import csv
import io

from okrkit.rollout import plan_export
from okrkit.rollout.plan import Plan

HOSTILE = Plan(levels=["company"], objectives=4, tooling="<script>alert(1)</script> | pipe",
               success="=HYPERLINK(\"http://x\")", bottom_up_share=0.6)


def test_rows_follow_the_decks_questions_with_a_status():
    rows = plan_export.rows(HOSTILE)
    assert [r.topic for r in rows][:3] == ["Levels", "Number", "Scoring"]
    status = {r.topic: r.status for r in rows}
    assert status["Levels"] == "decided" and status["Scoring"] == "undecided"
    number = Plan(objectives=4, key_results=(3, 5))
    assert {r.topic: r.status for r in plan_export.rows(number)}["Number"] == "flagged"


def test_summary_counts_decided_questions_and_contradictions():
    assert plan_export.summary(Plan()) == "0 of 15 questions decided, nothing contradicts the course"
    assert "1 answer contradict" in plan_export.summary(Plan(objectives=4, key_results=4))


def test_frame_is_indexed_by_topic():
    frame = plan_export.frame(HOSTILE)
    assert frame.shape[0] == 15 and frame.loc["Bottoms-Up", "answer"] == "60%"


def test_markdown_and_html_escape_organisation_text():
    markdown = plan_export.as_markdown(HOSTILE)
    html = plan_export.as_html(HOSTILE)
    for text in (markdown, html):
        assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\| pipe" in markdown
    assert markdown.count("\n| ") == 16  # the header row and one row per question


def test_csv_neutralises_formulas():
    rows = list(csv.reader(io.StringIO(plan_export.as_csv(HOSTILE))))
    success = next(r for r in rows if r[0] == "Success")
    assert success[2].startswith("'=HYPERLINK")
    assert len(rows) == 16
