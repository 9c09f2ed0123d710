"""The retro form, headless: close each objective as a learner would, read the findings, export the record."""
import json
from html import escape

import pytest

from okrkit.cycle import retro
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import Retro
from okrkit.rules import check, closing
from okrkit.widgets import RetroForm
from okrkit.widgets.autosave import Autosave

NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
CLOSED = from_yaml("""
id: marketing
team: Marketing
cycle: 2025-Q1
objectives:
  - title: Make our brand the first one retail buyers think of
    key_results:
      - text: Raise aided brand recall among retail buyers from 30% to 45%
        current: 33
        score: 0.2
        note: Survey fielded late.
    retro:
      execution: 2
      decision: keep
      learning: Surveys need booking a month ahead.
  - title: Win the trust of retail buyers
    key_results:
      - text: Grow repeat orders from 40 to 60 per month
        current: 58
""")


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def close(form: RetroForm, where: str, decision=None, execution=None, value="", learning="", decided=""):
    closing_controls = form.objectives[where]
    closing_controls.decision.value, closing_controls.execution.value = decision, execution
    closing_controls.value.value, closing_controls.learning.value = value, learning
    closing_controls.decided.value = decided


class TestClosing:
    def test_a_fresh_form_asks_for_every_objectives_closing(self):
        form = RetroForm(example="sales-retail")
        assert form.okr_set.objectives[0].retro == Retro()
        assert sorted(form.findings.codes) == ["OKR601", "OKR603"]
        assert escape(form.findings.summary().capitalize()) in form._findings_view.value

    def test_a_closed_set_starts_from_its_retro_blocks(self):
        form = RetroForm(CLOSED)
        first = form.objectives["O1"]
        assert (first.decision.value, first.execution.value) == ("keep", 2)
        assert first.learning.value == "Surveys need booking a month ahead."
        assert form.findings == check(form.okr_set, rules=closing.RULES)

    def test_the_findings_follow_what_is_entered(self):
        form = RetroForm(CLOSED)
        close(form, "O2", decision="carry-forward", execution=4, learning="Repeat orders follow visits.")
        codes = form.findings.codes
        assert codes["OKR602"] == 1 and codes["OKR604"] == 2 and "OKR601" not in codes
        close(form, "O1", "keep", 2, value="Recall drives listings", learning="Book surveys early.",
              decided="Book the panel in week 1.")
        close(form, "O2", "carry-forward", 4, value="Summer listings", learning="Repeat orders follow visits.",
              decided="Visit every outlet monthly.")
        assert [f.code for f in form.findings] == ["OKR605"]  # O1 scored 0.2 with 2 stars: an execution diagnosis
        assert "poor execution" in form._findings_view.value
        assert "O1:</span>" in form._findings_view.value and "line " not in form._findings_view.value  # no file here

    def test_the_closed_set_is_retro_close_of_the_entries(self):
        form = RetroForm(CLOSED)
        close(form, "O2", "abandon", 3, learning="Not ours to move.", decided="Hand it to sales.")
        expected = Retro(execution=3, decision="abandon", learning="Not ours to move.", decided="Hand it to sales.")
        assert form.okr_set == retro.close(CLOSED, {"O1": form.objectives["O1"].retro, "O2": expected})

    def test_each_decision_says_what_it_means(self):
        tooltips = RetroForm(CLOSED).objectives["O1"].decision.tooltips
        assert list(tooltips) == [f"{d}: {retro.DECISION_MEANINGS[d]}"
                                  for d in ("keep", "modify", "abandon", "carry-forward")]

    def test_scores_show_as_band_words(self):
        form = RetroForm(CLOSED)
        assert "0.20 Red</b>: we failed to make real progress" in form.objectives["O1"].heading.value
        assert "not scored yet" in RetroForm(example="sales-retail").objectives["O1"].heading.value

    def test_learner_text_is_escaped(self):
        form = RetroForm(parse(f"Team: {NASTY}\nO: {NASTY}\nKR: Raise NPS from 20 to 40"))
        close(form, "O1", "carry-forward", 1, learning=NASTY)
        html = form._header.value + form.objectives["O1"].heading.value + form._findings_view.value
        assert "<img" not in html and "<script" not in html and "&lt;img src=x" in html


class TestExport:
    def test_the_record_the_retrospective_and_the_next_draft_are_written(self, notebook_folder):
        form = RetroForm(CLOSED)
        close(form, "O2", "carry-forward", 4, value="Summer listings", learning="Repeat orders follow visits.",
              decided="Visit every outlet monthly.")
        record, story, draft = form.export("out")
        assert record.read_text(encoding="utf-8").splitlines()[0].startswith("objective,title,score,band")
        assert "carry-forward,Summer listings" in record.read_text(encoding="utf-8")
        assert story.read_text(encoding="utf-8") == retro.team_retrospective(form.okr_set).as_markdown()
        assert draft.read_text(encoding="utf-8") == retro.next_draft(form.okr_set)
        next_cycle = parse(draft.read_text(encoding="utf-8"))
        assert next_cycle.objectives[0].title == "Make our brand the first one retail buyers think of"

    def test_the_button_exports_beside_the_notebook_and_keeps_the_previous_files(self, notebook_folder):
        form = RetroForm(CLOSED, name="module7-retro")
        assert form.folder.value == "module7-retro-export"
        form.export_button.click()
        exported = notebook_folder / "module7-retro-export" / "retrospective.md"
        exported.write_text(exported.read_text() + "A line the learner added by hand.\n")
        form.export_button.click()  # an unchanged file would need no backup; an edited one is kept
        assert "added by hand" in (notebook_folder / "module7-retro-export" / "retrospective.md~").read_text()
        assert "Wrote module7-retro-export/closing-record.csv" in form._exported.value

    def test_a_failed_export_is_shown_not_raised(self, notebook_folder):
        (notebook_folder / "taken").write_text("a file, not a folder")
        form = RetroForm(CLOSED)
        form.folder.value = "taken"
        form.export_button.click()
        assert "Could not export" in form._exported.value

    def test_spreadsheet_formulas_in_learner_text_are_neutralised(self, notebook_folder):
        form = RetroForm(CLOSED)
        close(form, "O2", "keep", 3, learning="=HYPERLINK(\"http://x\")", decided="d")
        record = form.export("out")[0].read_text(encoding="utf-8")
        assert "'=HYPERLINK" in record


class TestAutosave:
    def test_the_closing_comes_back(self):
        form = RetroForm(CLOSED, name="module7-retro")
        close(form, "O2", "modify", 5, learning="Visits matter", decided="Plan visits")
        saved = json.loads(Autosave("module7-retro", suffix=".retro.json").load())
        assert saved["objectives"]["O2"]["decision"] == "modify" and saved["objectives"]["O2"]["execution"] == 5

        again = RetroForm(CLOSED, name="module7-retro")
        assert again.okr_set == form.okr_set and "Restored your retro" in again._saving.status.value

    def test_creating_a_form_writes_nothing(self, notebook_folder):
        RetroForm(CLOSED, name="untouched")
        assert not (notebook_folder / ".okrkit-autosave").exists()

    def test_saved_values_that_make_no_sense_are_ignored(self):
        store = Autosave("odd", suffix=".retro.json")
        store.path.parent.mkdir()
        store.path.write_text(json.dumps({"objectives": {"O2": {
            "title": "Win the trust of retail buyers", "decision": "postpone", "execution": 9, "learning": 3}}}))
        closing_controls = RetroForm(CLOSED, name="odd").objectives["O2"]
        assert closing_controls.retro == Retro()
