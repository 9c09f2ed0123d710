"""The answer form, headless: answer as a learner would, check, and find the work again after a restart."""
import json

import pytest

from okrkit.exercises import Practice, read_answer
from okrkit.exercises.learner_record import load
from okrkit.widgets import AnswerForm, DraftChecker
from okrkit.widgets.autosave import FOLDER
from tests.test_answer_fields import SOLVED


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / "record.json"))


def test_answering_through_the_form_passes_and_is_recorded(tmp_path):
    form = AnswerForm("01-1", practice=Practice(1))
    for key, label in SOLVED["01-1"].items():
        form.controls[key].value = label  # as a learner picks from each dropdown
    result = form.check()
    assert result.passed and "passed" in form.verdict.value
    assert [(e.id, e.passed) for e in load(tmp_path / "record.json")] == [("01-1", True)]


def test_the_form_shows_its_answer_as_the_answer_cell_the_grader_reads():
    form = AnswerForm("07-1")
    form.answer = SOLVED["07-1"]
    assert read_answer(form.code) == SOLVED["07-1"]
    assert form.code.startswith("# exercise 07-1\n")


def test_a_draft_is_written_in_the_live_draft_checker():
    form = AnswerForm("02-1")
    checker = form.controls[None]
    assert isinstance(checker, DraftChecker)
    checker.value = SOLVED["02-1"]
    assert not checker.findings and form.check().passed


def test_the_form_is_saved_and_restored_after_a_restart(tmp_path):
    form = AnswerForm("06-3")
    form.answer = {"O1/KR1": "on track"}
    form.check()  # saves at once (typing saves after a pause)
    saved = json.loads((tmp_path / FOLDER / "answer-06-3.answer.json").read_text(encoding="utf-8"))
    assert saved["arguments"] == {"exercise": "06-3"} and saved["values"]["O1/KR1"] == "on track"
    again = AnswerForm("06-3")
    assert again.answer["O1/KR1"] == "on track" and "Restored" in again._saving.status.value


def test_saved_work_of_another_exercise_is_not_restored_and_the_form_says_so(tmp_path):
    first = AnswerForm("06-3", name="mine")
    first.answer = {"O1/KR1": "on track"}
    first.check()
    other = AnswerForm("06-2", name="mine")
    assert other.answer == {"Support": "", "Finance": "", "Product": ""}
    status = other._saving.status.value
    assert "Not restored" in status and "exercise &#x27;06-3&#x27;" in status and "&#x27;06-2&#x27;" in status


def test_saved_fields_the_exercise_no_longer_has_are_left_out_and_named(tmp_path):
    path = tmp_path / FOLDER / "answer-06-3.answer.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"arguments": {"exercise": "06-3"}, "values": {"O1/KR1": "at risk", "O9/KR9": "on track"}}))
    form = AnswerForm("06-3")
    assert form.answer["O1/KR1"] == "at risk"
    assert "O9/KR9" in form._saving.status.value


def test_every_input_has_a_label():
    for exercise_id in ("01-1", "01-3", "02-2", "07-1", "09-2"):
        form = AnswerForm(exercise_id, name=None)
        for control in form.controls.values():
            assert isinstance(control, DraftChecker) or control.description, exercise_id


def test_a_quarter_is_closed_in_retro_fields_beside_the_set_as_given():
    form = AnswerForm("08-1")
    assert "The set as given" in form.children[0].value and "At the retrospective" in form.children[0].value
    execution = form.controls["line 24"]
    assert execution.description == "O1 · execution" and "3" in execution.options[3]
    form.answer = SOLVED["08-1"]  # as a learner fills each field in
    assert execution.value == "3" and form.controls["line 25"].value == "carry-forward"
    assert form.check().passed
