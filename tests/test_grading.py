"""Grading a class: good, partial, mangled and malicious submissions, each graded as far as possible."""
import json

import pytest

from okrkit.classroom import assessing, grading
from okrkit.exercises import exercises_of
from tests.classroom import STRONG_DRAFT, answer_cell, check_cell, module_2, notebook, save, spotted_rules, text_cell

WEAK_DRAFT = "Team: Marketing\nO: Focus on marketing\nKR: Acquire more leads\n"


def grade(tmp_path, **learners):
    for name, files in learners.items():
        for file_name, content in files.items():
            save(tmp_path / name / file_name, content)
    book = grading.grade_class(tmp_path, modules={2})
    return {learner.learner: learner for learner in book.learners}, book


def by_id(learner):
    return {g.exercise_id: g for g in learner.graded}


def test_a_good_submission_passes_what_it_answered(tmp_path):
    learners, book = grade(tmp_path, ana={"02_anatomy.ipynb": module_2(STRONG_DRAFT, spotted_rules())})
    graded = by_id(learners["ana"])
    assert book.exercises == tuple(e.id for e in exercises_of(2))
    assert graded["02-1"].passed and graded["02-1"].status == "graded" and graded["02-1"].score == 1.0
    assert graded["02-2"].passed and not graded["02-1"].notes
    assert graded["02-3"].status == "missing" and graded["02-3"].notes == ("the answer cell was deleted",)
    assert learners["ana"].passed == 2 and learners["ana"].score == pytest.approx(2 / 3)


def test_partial_and_blank_answers_are_told_apart(tmp_path):
    starter = exercises_of(2)[2].starter
    learners, _ = grade(tmp_path, bo={"02_anatomy.ipynb": module_2(WEAK_DRAFT, ["OKR203"], starter)})
    graded = by_id(learners["bo"])
    assert graded["02-1"].status == "graded" and not graded["02-1"].passed
    assert graded["02-1"].assessment.findings and graded["02-1"].assessment.hints
    assert 0 < graded["02-2"].score < 1
    assert graded["02-3"].status == "no answer" and graded["02-3"].score == 0


def test_mangled_cells_are_graded_and_named(tmp_path):
    cells = [text_cell("intro"),
             answer_cell("02-2", spotted_rules()), check_cell("02-2"),  # moved before 02-1
             answer_cell("02-1", WEAK_DRAFT), check_cell("02-1"),
             answer_cell("02-1", STRONG_DRAFT, metadata=False),  # duplicated, re-typed without metadata
             answer_cell("02-3", "Team: Company\nO: Be loved\nKR: Grow revenue from 40 to 50 Mil USD\n",
                         cell_type="markdown")]
    learners, _ = grade(tmp_path, cy={"02_anatomy.ipynb": notebook(*cells)})
    graded = by_id(learners["cy"])
    assert graded["02-1"].passed  # the last duplicate with an answer is graded
    notes = " ".join(graded["02-1"].notes)
    assert "duplicated" in notes and "lost its metadata" in notes and "moved" in notes
    assert graded["02-2"].passed and not any("moved" in n for n in graded["02-2"].notes)
    assert graded["02-3"].status == "graded" and "markdown cell" in " ".join(graded["02-3"].notes)


def test_a_notebook_that_is_not_json_is_unreadable_for_its_exercises_only(tmp_path):
    learners, _ = grade(tmp_path, dee={"02_anatomy.ipynb": "{\"cells\": [", "03_team.ipynb": notebook()})
    graded = by_id(learners["dee"])
    assert all(g.status == "unreadable" for g in graded.values())
    assert "invalid JSON" in graded["02-1"].notes[0]
    assert learners["dee"].problems == (graded["02-1"].notes[0],)


def test_answers_in_the_wrong_notebook_are_still_graded_with_a_note(tmp_path):
    learners, _ = grade(tmp_path, eve={"05_alignment.ipynb": module_2(STRONG_DRAFT)})
    graded = by_id(learners["eve"])
    assert graded["02-1"].passed and "another module" in graded["02-1"].notes[0]
    assert any("module 5" in p and "holds answers for module 2" in p for p in learners["eve"].problems)


def test_unknown_and_ungraded_exercises_are_named(tmp_path):
    nb = notebook(answer_cell("02-1", STRONG_DRAFT), answer_cell("99-9", "x"), answer_cell("03-1", {"a": 1}))
    learners, _ = grade(tmp_path, fay={"02_anatomy.ipynb": nb})
    problems = " ".join(learners["fay"].problems)
    assert "'99-9', which does not exist" in problems and "'03-1', which is not part of this grading" in problems


def test_a_missing_notebook_and_an_empty_submission(tmp_path):
    (tmp_path / "gil").mkdir()
    save(tmp_path / "hal" / "02_anatomy.ipynb", module_2(STRONG_DRAFT))
    book = grading.grade_class(tmp_path)
    learners = {learner.learner: learner for learner in book.learners}
    assert all(g.status == "missing" for g in learners["gil"].graded)
    assert "no notebook for module 2 was handed in" in learners["gil"].graded[0].notes
    assert learners["gil"].problems == ("no notebooks were handed in",)


def test_malicious_notebooks_never_run(tmp_path):
    canary = tmp_path / "canary.txt"
    canary.write_text("still here")
    wipe = f"import shutil, os\nshutil.rmtree({str(tmp_path)!r})\nos.system('touch {tmp_path}/PWNED')\n"
    cells = [{"cell_type": "code", "metadata": {}, "source": wipe, "outputs": [], "execution_count": None},
             answer_cell("02-1", source=f"# exercise 02-1\nanswer = open({str(canary)!r}, 'w').write('gone')\n"),
             answer_cell("02-2", source="# exercise 02-2\nanswer = [c for c in __import__('os').listdir('/')]\n"),
             answer_cell("02-3", source="# exercise 02-3\nanswer = " + "(" * 5000 + "1" + ")" * 5000 + "\n")]
    learners, _ = grade(tmp_path / "class", mal={"02_anatomy.ipynb": notebook(*cells)})
    assert canary.read_text() == "still here" and not (tmp_path / "PWNED").exists()
    graded = by_id(learners["mal"])
    assert [g.status for g in graded.values()] == ["unreadable"] * 3
    assert "plain value" in graded["02-1"].notes[-1]


def test_a_judge_that_trips_costs_one_exercise_not_the_class(tmp_path, monkeypatch):
    def broken(exercise_id, answer, attempt=1):
        raise ZeroDivisionError

    monkeypatch.setattr(assessing, "assess", broken)
    learners, _ = grade(tmp_path, ivy={"02_anatomy.ipynb": module_2(STRONG_DRAFT)})
    graded = by_id(learners["ivy"])
    assert graded["02-1"].status == "unreadable" and "ZeroDivisionError" in graded["02-1"].notes[-1]


def test_frames_have_a_row_per_learner_and_exercise(tmp_path):
    _, book = grade(tmp_path, ana={"02_anatomy.ipynb": module_2(STRONG_DRAFT)},
                    bo={"02_anatomy.ipynb": module_2(WEAK_DRAFT, spotted_rules())})
    long = book.frame()
    assert len(long) == 2 * len(book.exercises) and set(long["status"]) <= set(grading.STATUSES)
    table = book.table()
    assert list(table.index) == ["ana", "bo"] and table.loc["ana", "02-1"] == 1.0
    assert "02-3 missing (the answer cell was deleted)" in table.loc["bo", "issues"]


def test_expected_exercises_follow_the_modules_handed_in(tmp_path):
    save(tmp_path / "ana" / "02_anatomy.ipynb", module_2())
    save(tmp_path / "bo" / "03_team_okrs.ipynb", notebook())
    book = grading.grade_class(tmp_path)
    assert {grading.module_of(i) for i in book.exercises} == {2, 3}
    assert json.dumps(book.exercises)  # plain ids, ready for a CSV header


def test_the_shipped_example_class_shows_every_kind_of_submission():
    book = grading.grade_class(grading.example_class())
    learners = {learner.learner: learner for learner in book.learners}
    assert list(learners) == [f"learner-0{n}" for n in range(1, 7)]
    assert learners["learner-01"].passed == len(book.exercises)
    statuses = {g.status for learner in book.learners for g in learner.graded}
    assert statuses == set(grading.STATUSES)
    notes = " ".join(n for learner in book.learners for g in learner.graded for n in g.notes)
    for said in ("duplicated", "moved", "markdown cell", "lost its metadata", "another module", "not a notebook",
                 "plain value", "deleted"):
        assert said in notes


def test_a_pass_on_form_only_is_marked_needs_review(tmp_path):
    partly = ("Team: Marketing\nCycle: 2025-Q2\nO: Become the brand retail buyers ask for\n"
              "KR: Increase qualified leads from 150 to 300\nKR: Raise the lead-to-customer conversion from 5% to 9%\n"
              "KR: Cut printer paper used from 20 to 5 reams\n")
    learners, book = grade(tmp_path, cy={"02_anatomy.ipynb": module_2(partly)}, di={"02_anatomy.ipynb": module_2()})
    graded = by_id(learners["cy"])["02-1"]
    assert graded.passed and graded.assessment.needs_review
    assert any(note.startswith("needs review: ") and "printer paper" in note for note in graded.notes)
    assert "02-1 (needs review: " in book.table().loc["cy", "issues"]
    assert not any("needs review" in note for note in by_id(learners["di"])["02-1"].notes)
