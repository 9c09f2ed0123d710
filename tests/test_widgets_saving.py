"""A form's autosave: restored or not, saved when changed, and every outcome said in the status line."""
import pytest

from okrkit.widgets.autosave import Autosave
from okrkit.widgets.saving import Saving, from_json, status_line, to_json


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def saving(name="module5-scores") -> Saving:
    return Saving(name, ".scores.json", "your scores", 'ScoreCard(..., name="module5-scores")')


def test_state_round_trips_through_json_with_accents_as_they_are():
    state = {"key_results": {"O1/KR1": {"note": "Köln — später", "score": 0.7}}}
    assert from_json(to_json(state)) == state and "Köln" in to_json(state)


@pytest.mark.parametrize("text", ["[1, 2]", '"text"', "{", ""])
def test_what_is_not_a_saved_form_is_refused(text):
    with pytest.raises(ValueError):
        from_json(text)


def test_without_a_name_nothing_is_saved_and_the_status_says_how():
    keeper = saving(None)
    assert keeper.restore(from_json) is None
    keeper.save("{}")
    assert "Not saved" in keeper.status.value and "name=&quot;module5-scores&quot;" in keeper.status.value
    assert not Autosave("module5-scores", suffix=".scores.json").path.parent.exists()


def test_a_first_restore_finds_nothing_and_says_where_it_will_save(notebook_folder):
    keeper = saving()
    assert keeper.restore(from_json) is None
    assert ".okrkit-autosave/module5-scores.scores.json" in keeper.status.value


def test_saved_work_is_restored_and_the_status_says_when():
    saving().save(to_json({"a": 1}))
    keeper = saving()
    assert keeper.restore(from_json) == {"a": 1} and "Restored your scores from" in keeper.status.value


def test_only_changes_are_saved():
    keeper = saving()
    keeper.settle("same")
    keeper.save("same")
    assert Autosave("module5-scores", suffix=".scores.json").load() is None
    keeper.save("changed")
    assert Autosave("module5-scores", suffix=".scores.json").load() == "changed" and "Saved at" in keeper.status.value


def test_an_unreadable_file_starts_afresh_and_says_where_it_will_be_kept():
    Autosave("module5-scores", suffix=".scores.json").save("not json")
    keeper = saving()
    assert keeper.restore(from_json) is None
    assert "Could not restore your scores" in keeper.status.value and "scores.json~" in keeper.status.value
    keeper.save("{}")
    assert Autosave("module5-scores", suffix=".scores.json").previous() == "not json"


def test_a_failed_save_is_said_as_a_problem(monkeypatch):
    def read_only(self, text):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Autosave, "save", read_only)
    keeper = saving()
    keeper.save("{}")
    assert "Could not save your scores (Read-only file system)" in keeper.status.value
    assert 'role="alert"' in keeper.status.value


def test_status_text_is_escaped():
    assert "<b>" not in status_line("<b>bold</b>") and "&lt;b&gt;" in status_line("<b>bold</b>", problem=True)


def _keeper(arguments: dict) -> Saving:
    return Saving("module5-scores", ".scores.json", "your scores", "ScoreCard(...)", arguments)


def test_saved_work_comes_back_only_to_the_same_arguments_and_says_so_otherwise(notebook_folder):
    first = _keeper({"example": "battery"})
    first.save(first.state_text({"key_results": {"O1/KR1": {"score": 0.7}}}))
    assert _keeper({"example": "battery"}).restore_state()["key_results"] == {"O1/KR1": {"score": 0.7}}
    other = _keeper({"example": "sales-retail"})
    assert other.restore_state() == {}
    said = other.status.value
    assert "Not restored" in said and "example &#x27;battery&#x27;" in said and "sales-retail" in said


def test_work_saved_without_arguments_is_restored_as_it_is(notebook_folder):
    Autosave("module5-scores", ".scores.json").save(to_json({"key_results": {}}))
    assert _keeper({"example": "battery"}).restore_state() == {"key_results": {}}
