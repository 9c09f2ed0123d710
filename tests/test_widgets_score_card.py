"""The score card, headless: move sliders and type as the browser would, and look at what it shows."""
import json
from html import escape

import pytest

from okrkit import check, scoring
from okrkit.cycle import assessment
from okrkit.formats.yamlsets import from_yaml
from okrkit.rules import grading
from okrkit.widgets import ScoreCard
from okrkit.widgets.autosave import Autosave

NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
SCORED = from_yaml("""
id: it-ops
team: IT Operations
cycle: 2025-Q2
objectives:
  - title: Make every release boringly reliable
    type: committed
    key_results:
      - text: Cut failed deployments from 12 to 2 per month
        current: 4
        score: 0.8
      - text: Raise deployment frequency from 4 to 20 per month
        score: 70
""")


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestStarting:
    def test_a_fresh_card_scores_nothing_until_a_slider_moves(self):
        card = ScoreCard(example="sales-retail")
        assert card.scores == {"O1/KR1": None, "O1/KR2": None} and card.findings == []
        assert all("not scored yet" in row.band.value for row in card.rows.values())
        assert "Nothing scored yet" in card._findings_view.value

    def test_a_scored_set_shows_its_scores_and_findings(self):
        card = ScoreCard(SCORED)
        assert card.scores == {"O1/KR1": 0.8, "O1/KR2": 70}
        assert card.findings == check(SCORED, rules=grading.RULES)
        assert {f.code for f in card.findings} == {"OKR501", "OKR503"}
        assert "70 is off the 0.0-1.0 scale" in card.rows["O1/KR2"].band.value
        assert card.rows["O1/KR1"].now.value == "4"

    def test_from_draft_text_or_one_start_only(self):
        assert list(ScoreCard("O: Win\nKR: Raise NPS from 20 to 40").rows) == ["O1/KR1"]
        with pytest.raises(ValueError, match="one of"):
            ScoreCard(SCORED, example="sales-retail")
        with pytest.raises(ValueError, match="organisation"):
            ScoreCard(example="avoid-silos")


class TestScoring:
    def test_moving_a_slider_shows_band_in_icon_words_and_colour(self):
        card = ScoreCard(example="sales-retail")
        row = card.rows["O1/KR1"]
        for value, band, icon in ((0.3, "red", "✖"), (0.5, "yellow", "◐"), (0.8, "green", "✔")):
            row.score_box.value = value
            assert card.scores["O1/KR1"] == value
            meaning = escape(scoring.band_meaning(value))
            assert f'okrkit-badge {band}' in row.band.value and icon in row.band.value
            assert f"{band.capitalize()}</b>: {meaning}" in row.band.value

    def test_the_value_now_measures_progress_beside_the_score(self):
        card = ScoreCard(example="sales-retail")
        row = card.rows["O1/KR1"]  # from 20 to 30 Mil USD
        assert "Type the value now" in row.measured.value
        row.now.value = "25"
        assert "Measured progress <b>0.50</b>" in row.measured.value
        assert card.okr_set.objectives[0].key_results[0].progress == 0.5
        row.now.value = "lots"
        assert "&#x27;lots&#x27; is not a number" in row.measured.value

    def test_a_score_far_from_progress_needs_a_note(self):
        card = ScoreCard(example="sales-retail")
        row = card.rows["O1/KR1"]
        row.now.value, row.score_box.value = "25", 0.9
        assert "OKR502" in card.findings.codes
        assert escape(card.findings.summary().capitalize()) in card._findings_view.value
        row.note.value = "Two outlets signed late, worth more than the numbers say"
        assert "OKR502" not in card.findings.codes
        assert card.okr_set.objectives[0].key_results[0].note.startswith("Two outlets")

    def test_objective_and_set_scores_read_from_scoring(self):
        card = ScoreCard(example="sales-retail")
        card.rows["O1/KR1"].score_box.value = 0.4
        card.rows["O1/KR2"].score_box.value = 0.8
        objective = card.okr_set.objectives[0]
        assert scoring.objective_score(objective) == pytest.approx(0.6)
        assert "0.60 Yellow" in card._objectives[0].value and "0.60 Yellow" in card._header.value
        assert escape(scoring.expectation(0.6, "aspirational")) in card._objectives[0].value

    def test_rating_table_is_the_assessment_table(self):
        card = ScoreCard(SCORED)
        assert card.rating_table().equals(assessment.rating_table(card.okr_set))

    def test_learner_text_is_escaped(self):
        card = ScoreCard(f"Team: {NASTY}\nO: {NASTY}\nKR: {NASTY} from 1 to 2")
        card.rows["O1/KR1"].score_box.value = 0.5
        card.rows["O1/KR1"].note.value = NASTY
        html = "".join(w.value for w in (card._header, *card._objectives, card.rows["O1/KR1"].label,
                                         card._findings_view))
        assert "<img" not in html and "<script" not in html and "&lt;script&gt;" in html


class TestAutosave:
    def test_scores_values_and_notes_come_back(self):
        card = ScoreCard(example="sales-retail", name="module5-scores")
        row = card.rows["O1/KR2"]
        row.score_box.value, row.now.value, row.note.value = 0.6, "16", "Market B moved slower"
        saved = json.loads(Autosave("module5-scores", suffix=".scores.json").load())
        assert saved["key_results"]["O1/KR2"] == {"text": row.kr.text, "score": 0.6, "now": "16",
                                                  "note": "Market B moved slower"}

        again = ScoreCard(example="sales-retail", name="module5-scores")
        assert again.scores == {"O1/KR1": None, "O1/KR2": 0.6}
        assert again.rows["O1/KR2"].score_box.value == 0.6 and again.rows["O1/KR2"].note.value == "Market B moved slower"
        assert again.okr_set == card.okr_set
        assert "Restored your scores" in again._saving.status.value

    def test_creating_a_card_writes_nothing(self, notebook_folder):
        ScoreCard(example="sales-retail", name="untouched")
        assert not (notebook_folder / ".okrkit-autosave").exists()

    def test_scores_of_key_results_no_longer_in_the_set_are_left_out_and_said(self):
        ScoreCard("O: Win\nKR: Raise NPS from 20 to 40", name="changed").rows["O1/KR1"].score_box.value = 0.7
        card = ScoreCard("O: Win\nKR: Raise NPS from 20 to 50", name="changed")
        assert card.scores == {"O1/KR1": None} and "1 saved key results are not in this set" in \
            card._saving.status.value

    def test_a_broken_autosave_starts_afresh_and_says_why(self):
        store = Autosave("broken", suffix=".scores.json")
        store.path.parent.mkdir()
        store.path.write_text("[1, 2", encoding="utf-8")
        card = ScoreCard(example="sales-retail", name="broken")
        assert card.scores == {"O1/KR1": None, "O1/KR2": None}
        assert "Could not restore your scores" in card._saving.status.value

    def test_a_failed_save_is_shown_not_raised(self, monkeypatch):
        def disk_full(self, text):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Autosave, "save", disk_full)
        card = ScoreCard(example="sales-retail", name="full")
        card.rows["O1/KR1"].score_box.value = 0.7
        assert "Could not save your scores (No space left on device)" in card._saving.status.value
        assert card.scores["O1/KR1"] == 0.7
