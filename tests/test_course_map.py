"""The course map: modules and times, exercises passed, exam scores, weakest topics and the next step."""
import json
import re

from okrkit.exercises import Practice, exercises_of
from okrkit.exercises.course import MODULES, SECTIONS, module, neighbours, total_minutes
from okrkit.exercises.course_map import course_map, show
from okrkit.exercises.learner_record import Event, load
from tests.conftest import ROOT


def _notebook_headings(name: str) -> set[str]:
    cells = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
    return {line.lstrip("#").strip() for c in cells if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("#")}


def test_every_module_has_its_lesson_and_its_exercises_notebook():
    for m in MODULES:
        assert (ROOT / m.lesson).exists(), m.lesson
        assert (ROOT / m.exercises).exists() == bool(exercises_of(m.number)), m.exercises
    assert total_minutes() == sum(m.minutes for m in MODULES if m.for_learners)


def test_every_section_to_revisit_is_a_heading_of_its_lesson():
    for m in MODULES:
        assert m.summary in _notebook_headings(m.notebook), (m.notebook, m.summary)
    for exercise_id, section in SECTIONS.items():
        lesson = module(int(exercise_id[:2])).notebook
        assert section in _notebook_headings(lesson), (exercise_id, section)


def test_neighbours_follow_course_order():
    assert neighbours(0) == (None, module(1))
    assert neighbours(5) == (module(4), module(6))
    assert neighbours(MODULES[-1].number)[1] is None


def _e(kind, id, passed, score=1.0, modules=None, at="2026-01-01T10:00:00+00:00"):
    return Event(kind, at, id, passed, score, modules)


def test_a_fresh_learner_is_sent_to_start_here():
    fresh = course_map()
    assert "00_start_here" in fresh.next_step
    assert all(not s.passed for s in fresh.modules)


def test_passed_exercises_count_and_the_next_step_is_the_first_not_passed():
    events = tuple(_e("exercise", e.id, True) for e in exercises_of(1)) + (_e("exercise", "02-1", True),)
    shown = course_map(events)
    assert shown.modules[1].done and len(shown.modules[2].passed) == 1
    assert "02-2" in shown.next_step and "exercises/02_anatomy_of_a_strong_okr.ipynb" in shown.next_step


def test_the_weakest_topics_name_the_lesson_section_to_revisit():
    events = (_e("exercise", "06-3", False, 0.3), _e("exercise", "06-3", False, 0.3), _e("exercise", "02-2", False),
              _e("exercise", "02-2", True),
              _e("exam", "10-1", False, 0.5, {"7": [0, 2], "1": [1, 1]}))
    weakest = course_map(events).weakest
    assert [t.name.split()[0] for t in weakest] == ["06-3", "Grading"]  # 02-2 passed in the end
    assert weakest[0].section == "Reading the log" and weakest[0].lesson.endswith("06_weekly_checkins_and_cfrs.ipynb")
    assert "2 of 2 missed" in weakest[1].why


def test_exam_scores_over_time_in_order_and_in_the_text():
    events = (_e("exam", "10-1", False, 0.5, at="2026-01-01T10:00:00"), _e("exam", "10-1", True, 0.75,
                                                                             at="2026-01-02T10:00:00"))
    text = str(course_map(events))
    assert text.index("50%") < text.index("75%")


def test_a_fresh_folder_has_no_record_yet_and_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv("OKRKIT_PROGRESS", raising=False)
    shown = show(tmp_path)
    assert shown.record is None and "No record yet" in str(shown)
    assert "9 · Rolling out OKRs" in str(shown)


def test_practice_checks_land_in_the_record(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / "record.json"))
    practice = Practice(1)
    practice.check("01-3", 250)
    practice.check("01-3", 343)
    assert [(e.id, e.passed) for e in load(tmp_path / "record.json")] == [("01-3", False), ("01-3", True)]
    assert len(show().modules[1].passed) == 1


def test_an_exam_exercise_check_is_also_an_exam_attempt(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRKIT_PROGRESS", str(tmp_path / "record.json"))
    Practice(10).check("10-1", {"m02-kr-count": "3 to 5"})
    kinds = [e.kind for e in load(tmp_path / "record.json")]
    assert kinds == ["exercise", "exam"]


def test_html_escapes_what_the_record_holds():
    nasty = course_map((_e("exam", "<script>x</script>", False, 0.1),))._repr_html_()
    assert "<script>x" not in nasty and "&lt;script&gt;" in nasty


def test_the_time_estimates_are_the_instructor_guides_totals():
    guide = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    totals = {int(n): int(total) for n, total in re.findall(r"^\| (\d+) \|.*\| (\d+) min \|$", guide, re.MULTILINE)}
    assert totals and all(module(n).minutes == minutes for n, minutes in totals.items())
