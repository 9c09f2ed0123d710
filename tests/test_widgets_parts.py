"""The pieces the forms share: badges that read without colour, the findings block, typed numbers."""
import re

import pytest

from okrkit import scoring
from okrkit.findings import Findings
from okrkit.formats.drafts import parse
from okrkit.rules import check
from okrkit.widgets import parts


def without_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("score, words", [(0.0, "Red"), (0.39, "Red"), (0.4, "Yellow"), (0.69, "Yellow"),
                                          (0.7, "Green"), (1.0, "Green")])
def test_a_band_badge_says_score_band_and_meaning_in_words(score, words):
    badge = parts.band_badge(score)
    text = without_tags(badge)
    assert f"{score:.2f} {words}: {scoring.band_meaning(score)}" in text
    assert parts.BAND_ICONS[words.lower()] in text and f"okrkit-badge {words.lower()}" in badge


def test_no_score_is_said_in_words():
    assert without_tags(parts.band_badge(None, "not scored yet")).strip() == "○ not scored yet"


def test_the_three_band_icons_differ():
    assert len(set(parts.BAND_ICONS.values())) == 3


@pytest.mark.parametrize("status", ["on track", "at risk", "off track", "no check-in"])
def test_a_status_badge_says_the_status_and_escapes_the_reason(status):
    badge = parts.status_badge(status, "open blocker: <script>")
    assert status.capitalize() in without_tags(badge) and "&lt;script&gt;" in badge and "<script>" not in badge


def test_the_findings_block_is_the_summary_and_each_finding():
    draft = parse("O: Grow\nKR: Get more leads")
    found = check(draft)
    block = parts.findings_block(found, draft, "clean", "empty")
    assert block.count("<details") == len(found) and found.summary().capitalize() in block
    assert "clean" in parts.findings_block(Findings(), draft, "clean", "empty")
    assert "empty" in parts.findings_block(Findings(), parse(""), "clean", "empty")


@pytest.mark.parametrize("typed, number", [("25", 25.0), (" 1,200 ", 1200.0), ("45%", 45.0), ("-3.5", -3.5),
                                           ("", None), ("   ", None)])
def test_typed_numbers_are_read(typed, number):
    assert parts.read_number(typed) == number


@pytest.mark.parametrize("typed", ["lots", "nan", "inf", "1e999", "2 3"])
def test_what_is_not_a_finite_number_is_refused_in_words(typed):
    with pytest.raises(ValueError, match="is not a number"):
        parts.read_number(typed)


def test_a_form_starts_from_a_set_a_draft_or_an_example_but_not_an_organisation():
    draft = "O: Win\nKR: Raise NPS from 20 to 40"
    assert parts.starting_set(draft, None) == parse(draft)
    assert parts.starting_set(parse(draft), None) == parse(draft)
    assert parts.starting_set(None, "sales-retail").team == "Sales"
    with pytest.raises(ValueError, match="by_id"):
        parts.starting_set(None, "lateral-alignment")
    with pytest.raises(ValueError, match="one of"):
        parts.starting_set(None, None)
