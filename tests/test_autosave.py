"""Autosave keeps a learner's text across re-runs and restarts, atomically, with the version before."""
import pytest

from okrkit.errors import InputError
from okrkit.widgets.autosave import FOLDER, Autosave

DRAFT = "Team: Sales\r\nO: Grow big with national retail outlets — in Köln\nKR: Increase revenue from 20 to 30 Mil USD\n"


def test_saved_text_comes_back_exactly(tmp_path):
    """What is saved loads back byte for byte, line endings and accents included."""
    Autosave("module2-exercise1", root=tmp_path).save(DRAFT)
    assert Autosave("module2-exercise1", root=tmp_path).load() == DRAFT


def test_nothing_saved_yet_loads_as_none(tmp_path):
    assert Autosave("fresh", root=tmp_path).load() is None
    assert Autosave("fresh", root=tmp_path).previous() is None


def test_an_empty_draft_is_kept_as_empty(tmp_path):
    """A learner who clears the text area gets an empty draft back, not an error."""
    Autosave("cleared", root=tmp_path).save("")
    assert Autosave("cleared", root=tmp_path).load() == ""


def test_file_sits_in_a_folder_beside_the_notebook(tmp_path, monkeypatch):
    """By default the folder is the kernel's working directory, the notebook's folder."""
    monkeypatch.chdir(tmp_path)
    saved = Autosave("module2-exercise1").save("O: x")
    assert saved == tmp_path / FOLDER / "module2-exercise1.okr"
    assert Autosave("scores", suffix=".yaml").path == tmp_path / FOLDER / "scores.yaml"


def test_previous_session_is_kept_even_after_many_saves(tmp_path):
    """The ~ file holds the text from before this session, however often the session saves."""
    Autosave("draft", root=tmp_path).save("first session")
    session = Autosave("draft", root=tmp_path)
    for text in ("second", "second session, wiped by mistake", ""):
        session.save(text)
    assert session.load() == ""
    assert session.previous() == "first session"
    next_session = Autosave("draft", root=tmp_path)
    next_session.save("third session")
    assert next_session.previous() == ""


def test_saving_leaves_no_temporary_files(tmp_path):
    Autosave("draft", root=tmp_path).save("one")
    store = Autosave("draft", root=tmp_path)
    store.save("two")
    store.save("three")
    assert sorted(p.name for p in (tmp_path / FOLDER).iterdir()) == ["draft.okr", "draft.okr~"]


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".hidden", "a..b", "with space", "x" * 101])
def test_names_that_are_not_plain_file_names_are_refused(name, tmp_path):
    with pytest.raises(ValueError, match="module2-exercise1"):
        Autosave(name, root=tmp_path)


def test_a_file_that_is_not_utf8_is_an_input_error_naming_it(tmp_path):
    store = Autosave("broken", root=tmp_path)
    store.path.parent.mkdir()
    store.path.write_bytes(b"O: caf\xe9\n")
    with pytest.raises(InputError) as error:
        store.load()
    assert error.value.path == str(store.path) and "UTF-8" in str(error.value)
