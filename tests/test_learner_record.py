"""The learner's record: events appended atomically, readable JSON, nothing lost when kernels write at once."""
import json
import multiprocessing

import pytest

from okrkit.classroom.exam import fixed_exam
from okrkit.errors import InputError
from okrkit.exercises import assess
from okrkit.exercises.learner_record import (
    FILE,
    Event,
    append,
    course_folder,
    load,
    record_exam,
    record_exercise,
    record_path,
)


def _event(i: int) -> Event:
    return Event("exercise", "2026-01-01T00:00:00+00:00", f"0{i % 9 + 1}-1", i % 2 == 0, 0.5)


def test_events_are_appended_and_read_back_as_readable_json(tmp_path):
    path = tmp_path / FILE
    append(path, _event(0))
    append(path, _event(1))
    assert [e.id for e in load(path)] == ["01-1", "02-1"]
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["format"] == "okrkit-progress/1"
    assert text.count("\n") >= 3  # one event a line, for a person to read


def _writer(path: str, first: int, count: int) -> None:
    for i in range(first, first + count):
        append(path, _event(i))


def test_two_kernels_writing_at_once_lose_no_event(tmp_path):
    path = str(tmp_path / FILE)
    writers = [multiprocessing.Process(target=_writer, args=(path, n * 100, 25)) for n in range(4)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
    assert all(w.exitcode == 0 for w in writers)
    assert len(load(path)) == 100
    assert not (tmp_path / (FILE + ".lock")).exists()


def test_an_unreadable_record_is_kept_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / FILE
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a progress record"):
        load(path)
    append(path, _event(0))
    assert len(load(path)) == 1
    assert (tmp_path / (FILE + "~")).read_text(encoding="utf-8") == "{ not json"


def test_no_record_yet_is_no_events(tmp_path):
    assert load(tmp_path / FILE) == ()


def test_events_it_cannot_read_are_skipped_not_fatal(tmp_path):
    path = tmp_path / FILE
    path.write_text(json.dumps({"events": [{"kind": "exercise", "id": "01-1", "score": "high"},
                                           {"kind": "exam", "id": "10-1", "score": 0.8, "passed": True}]}))
    assert [(e.kind, e.score) for e in load(path)] == [("exam", 0.8)]


def test_the_record_lives_in_the_course_folder_seen_from_a_notebook_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("OKRKIT_PROGRESS", raising=False)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    assert course_folder(tmp_path / "exercises") == tmp_path.resolve()
    assert record_path(tmp_path / "notebooks") == tmp_path.resolve() / FILE
    elsewhere = tmp_path / "notebooks" / "deeper"
    elsewhere.mkdir()
    assert course_folder(elsewhere) == elsewhere.resolve()  # only one level up is looked at


def test_checks_and_exams_are_recorded_with_scores_per_module(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / FILE))
    record_exercise(assess("01-3", 343))
    paper = fixed_exam(["m02-kr-count", "m07-progress"])
    record_exam(paper.grade({"m02-kr-count": "3 to 5"}), "practice")
    exercise, exam = load(tmp_path / FILE)
    assert (exercise.id, exercise.passed, exercise.score) == ("01-3", True, 1.0)
    assert (exam.kind, exam.score, exam.passed) == ("exam", 0.5, False)
    assert exam.modules == {"2": [1, 1], "7": [0, 1]}
