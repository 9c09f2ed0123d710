"""Closing a cycle: decisions, the team retrospective, and the next cycle's draft from a blank sheet."""
from datetime import date

import pytest

import okrkit
from okrkit.cycle import retro
from okrkit.errors import InputError
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import Retro

CLOSED = """
id: marketing
team: Marketing
cycle: 2025-Q4
type: aspirational
objectives:
  - title: Launch an effective campaign to support growth of retail outlets
    key_results:
      - text: Increase qualified leads from 200 to 400 in market A
        current: 380
        score: 0.9
      - text: Increase qualified leads from 100 to 250 in market B
        current: 160
        score: 0.4
    retro:
      execution: 4
      decision: carry-forward
      value: Market B doubles its leads once local material exists
      learning: Local-language material is the bottleneck in market B.
      decided: Translate the kit before the next campaign.
  - title: Make our brand the first one retail buyers think of
    key_results:
      - text: Raise aided brand recall from 30% to 45%
        current: 33
    retro:
      execution: 2
      decision: abandon
      learning: Recall follows distribution, not campaigns.
      decided: Put the budget into outlet listings.
  - title: Win the trust of the trade press
    key_results:
      - Grow trade press mentions from 4 to 12 per quarter
    retro:
      decision: keep
      learning: Editors answer data stories.
      decided: Publish one data story a month.
  - title: Rebuild the partner portal experience
    key_results:
      - Raise partner portal CSAT from 3.1 to 4.0
    retro:
      decision: modify
  - title: Open the Nordic market
    key_results:
      - Grow Nordic outlets from 0 to 20
"""


@pytest.fixture
def closed():
    return from_yaml(CLOSED, "marketing.yaml")


@pytest.mark.parametrize("text, expected", [("Keep", "keep"), ("remove", "abandon"), ("Carry forward", "carry-forward"),
                                            ("carry-forward", "carry-forward"), (" MODIFY ", "modify")])
def test_decisions_are_read_as_the_kit_spells_them(text, expected):
    assert retro.decision(text) == expected


def test_an_unknown_decision_names_the_choices():
    with pytest.raises(InputError, match="keep, modify, abandon, carry-forward"):
        retro.decision("postpone")


def test_close_attaches_retro_blocks_by_place(closed):
    reopened = okrkit.OKRSet(tuple(o.__class__(o.title, o.key_results) for o in closed.objectives))
    assert not reopened.closed
    again = retro.close(reopened, {"O2": Retro(decision="abandon", learning="Too early.")})
    assert again.closed and again.objectives[1].retro.decision == "abandon"
    with pytest.raises(InputError, match="no objective O9"):
        retro.close(reopened, {"O9": Retro()})


def test_only_kept_and_carried_objectives_continue(closed):
    found = retro.continuing(closed)
    assert [(c.where, c.decision) for c in found] == [("O1", "carry-forward"), ("O3", "keep")]
    assert found[0].value == "Market B doubles its leads once local material exists"
    assert found[1].value == ""


class TestNextDraft:
    def test_a_blank_sheet_except_what_continues(self, closed):
        draft = okrkit.parse(retro.next_draft(closed))
        assert [o.title for o in draft.objectives] == ["Launch an effective campaign to support growth of retail outlets",
                                                        "Win the trust of the trade press"]
        assert (draft.team, draft.cycle, draft.type) == ("Marketing", "2026-Q1", "aspirational")
        assert len(draft.objectives[0].key_results) == 2

    def test_each_continuing_objective_says_what_justifies_it(self, closed):
        text = retro.next_draft(closed)
        assert "# Carried forward: Market B doubles its leads once local material exists" in text
        assert "# Kept: say what value it brings next cycle" in text
        assert "# KR1 ended at 380, progress 0.90, score 0.9" in text

    def test_what_still_needs_a_hand_is_listed_as_comments(self, closed):
        text = retro.next_draft(closed)
        assert "# To rewrite before it returns (modify): Rebuild the partner portal experience" in text
        assert "# No closing decision yet (OKR601): Open the Nordic market" in text
        assert "Make our brand" not in text  # abandoned

    def test_a_carry_forward_without_value_is_flagged(self):
        text = retro.next_draft(from_yaml(CLOSED.replace(
            "      value: Market B doubles its leads once local material exists\n", "")))
        assert "nobody said what more value it brings" in text

    def test_the_cycle_can_be_named(self, closed):
        assert okrkit.parse(retro.next_draft(closed, "H1 2026")).cycle == "2026-H1"

    def test_the_yaml_draft_loads_as_a_set(self, closed):
        draft = from_yaml(retro.next_draft_yaml(closed))
        assert [o.title for o in draft.objectives] == ["Launch an effective campaign to support growth of retail outlets",
                                                        "Win the trust of the trade press"]
        assert draft.cycle == "2026-Q1" and not draft.closed
        assert "# Carried forward: Market B" in retro.next_draft_yaml(closed)

    def test_nothing_continues(self):
        text = retro.next_draft_yaml(from_yaml(CLOSED.replace("decision: carry-forward", "decision: abandon")
                                               .replace("decision: keep", "decision: abandon")))
        assert from_yaml(text).objectives == ()

    def test_writing_keeps_the_previous_version(self, closed, tmp_path):
        path = tmp_path / "next.okr"
        path.write_text("O: my own first ideas\n")
        written = retro.write_next_draft(closed, path)
        assert written == path and "O: Win the trust of the trade press" in path.read_text()
        assert (tmp_path / "next.okr~").read_text() == "O: my own first ideas\n"

    def test_never_over_the_closed_cycle_itself(self, tmp_path):
        path = tmp_path / "marketing.yaml"
        path.write_text(CLOSED)
        with pytest.raises(InputError, match="closed cycle itself"):
            retro.write_next_draft(okrkit.load(path), path)


class TestTeamRetrospective:
    def test_drafted_from_the_scores_and_learnings(self, closed):
        found = retro.team_retrospective(closed)
        assert found.went_well == ()
        assert found.could_be_better[0].startswith("Launch an effective campaign")
        assert "Decided: Translate the kit" in found.learnings[0]
        assert "## Learnings for the next drafting" in found.as_markdown()

    def test_learnings_must_reach_the_team_before_drafting(self):
        sent = retro.TeamRetrospective("Marketing", "2025-Q4", sent_on=date(2025, 12, 10),
                                       next_drafting=date(2025, 12, 15))
        assert sent.sent_in_time is True
        assert retro.TeamRetrospective("Marketing", None, sent_on=date(2025, 12, 20),
                                       next_drafting=date(2025, 12, 15)).sent_in_time is False
        assert retro.TeamRetrospective("Marketing", None).sent_in_time is None


def test_the_deck_questions_are_there():
    assert len(retro.TEAM_RETRO_QUESTIONS) == 3 and "before drafting" in retro.TEAM_RETRO_QUESTIONS[2]
    assert len(retro.ORGANISATION_RETRO_QUESTIONS) == 3 and len(retro.CLOSING_QUESTIONS) == 3
    assert set(retro.DECISION_MEANINGS) == set(okrkit.model.DECISIONS)
