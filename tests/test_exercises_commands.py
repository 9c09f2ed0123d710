"""okrkit progress and okrkit bundle --learner, run as a learner and an instructor would."""
import json

import pytest

from okrkit.cli import main
from okrkit.errors import InputError
from okrkit.exercises.build import BEGIN
from okrkit.exercises.bundle import bundle, solution_text
from tests.conftest import ROOT


def test_progress_in_a_fresh_folder_says_there_is_no_record_and_shows_the_map(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("OKRKIT_PROGRESS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "No record yet" in out and "0 · Start here" in out and "Next step:" in out
    assert not (tmp_path / "okrkit-progress.json").exists()


def test_progress_shows_what_the_record_holds(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / "p.json"))
    (tmp_path / "p.json").write_text(json.dumps({"events": [
        {"kind": "exercise", "id": "01-1", "passed": True, "score": 1.0, "at": "2026-01-01T10:00"}]}))
    assert main(["progress"]) == 0
    assert "1/3 exercises passed" in capsys.readouterr().out


def test_progress_with_an_unreadable_record_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / "p.json"))
    (tmp_path / "p.json").write_text("[1, 2")
    assert main(["progress"]) == 0
    assert "could not be read" in capsys.readouterr().out


def test_the_learner_bundle_has_lessons_and_exercises_and_no_solutions(tmp_path, capsys):
    out = tmp_path / "learner"
    assert main(["bundle", "--learner", str(out), "--from", str(ROOT)]) == 0
    assert "no solutions" in capsys.readouterr().out
    assert sorted(p.name for p in (out / "exercises").glob("*.ipynb")) == \
        sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
    assert (out / "notebooks" / "00_start_here.ipynb").exists()
    assert not (out / "solutions").exists()
    assert not (out / "notebooks" / "12_class_dashboard.ipynb").exists()  # for instructors
    assert not (out / "docs" / "instructor-guide.md").exists()
    for notebook in (out / "exercises").glob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert BEGIN not in text and '"role": "solution"' not in text, notebook.name
        assert not solution_text(json.loads(text))


def test_the_bundle_refuses_an_exercise_notebook_with_worked_answers(tmp_path):
    course = tmp_path / "course"
    (course / "notebooks").mkdir(parents=True)
    (course / "exercises").mkdir()
    leaked = (ROOT / "solutions" / "02_anatomy_of_a_strong_okr.ipynb").read_text(encoding="utf-8")
    (course / "exercises" / "02_anatomy_of_a_strong_okr.ipynb").write_text(leaked, encoding="utf-8")
    with pytest.raises(InputError, match="worked answers"):
        bundle(course, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_bundle_needs_an_out_folder_and_a_course(tmp_path, capsys):
    assert main(["bundle"]) == 2
    assert "--learner OUT" in capsys.readouterr().err
    assert main(["bundle", "--learner", str(tmp_path / "o"), "--from", str(tmp_path)]) == 2
    assert "notebooks/ and exercises/" in capsys.readouterr().err
