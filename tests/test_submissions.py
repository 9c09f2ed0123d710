"""Reading submissions as data: learners, notebooks, answer cells, and everything odd about them."""
import json

from okrkit.classroom import submissions
from tests.classroom import answer_cell, check_cell, module_2, notebook, save, text_cell


def test_learners_are_folders_or_file_name_prefixes(tmp_path):
    save(tmp_path / "ana" / "02_anatomy.ipynb", module_2())
    save(tmp_path / "ana" / "nested" / "03_team_okrs.ipynb", notebook())
    save(tmp_path / "bo_02_anatomy.ipynb", module_2())
    save(tmp_path / "Cy Lee - 02 anatomy.ipynb", module_2())
    save(tmp_path / "dee.ipynb", module_2())
    save(tmp_path / ".ipynb_checkpoints" / "x.ipynb", module_2())
    save(tmp_path / "ana" / ".ipynb_checkpoints" / "02_anatomy-checkpoint.ipynb", module_2())
    save(tmp_path / "notes.txt", "not a notebook")
    found = submissions.discover(tmp_path)
    assert sorted(found) == ["Cy Lee", "ana", "bo", "dee"]
    assert [p.name for p in found["ana"]] == ["02_anatomy.ipynb", "03_team_okrs.ipynb"]


def test_symlinks_are_never_followed(tmp_path):
    outside = save(tmp_path / "outside" / "secret.ipynb", module_2())
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "eve_02_x.ipynb").symlink_to(outside)
    (tmp_path / "class" / "mallory").symlink_to(tmp_path / "outside", target_is_directory=True)
    save(tmp_path / "class" / "ana" / "02_a.ipynb", module_2())
    (tmp_path / "class" / "ana" / "link.ipynb").symlink_to(outside)
    found = submissions.discover(tmp_path / "class")
    # a linked notebook is listed, so the learner hears why it was not graded, but never opened
    assert {k: [p.name for p in v] for k, v in found.items()} == \
        {"ana": ["02_a.ipynb", "link.ipynb"], "eve": ["eve_02_x.ipynb"]}
    for path in (found["ana"][1], found["eve"][0]):
        read = submissions.read(path, path.name)
        assert "symbolic link" in read.problem and read.candidates == ()


def test_a_notebook_reads_into_candidates_with_how_each_was_found(tmp_path):
    cells = [text_cell("intro"),
             answer_cell("02-1", "Team: A\nO: Win\nKR: Grow x from 1 to 2\n"),
             answer_cell("02-2", ["OKR203"], metadata=False),
             answer_cell("02-3", "draft", cell_type="markdown"),
             answer_cell("02-1", source="# exercise 02-9\nanswer = 'x'\n")]
    read = submissions.read(save(tmp_path / "02_anatomy.ipynb", notebook(*cells)), "ana/02_anatomy.ipynb")
    assert read.module == 2 and read.problem is None
    first, second, third, fourth = read.candidates
    assert (first.exercise_id, first.found_by, first.value.strip().startswith("Team: A")) == ("02-1", "metadata", True)
    assert (second.found_by, second.value) == ("comment", ["OKR203"])
    assert (third.cell_type, third.value) == ("markdown", "draft")
    assert (fourth.exercise_id, fourth.comment_id) == ("02-1", "02-9")


def test_an_unmarked_answer_before_its_check_is_found_by_position(tmp_path):
    cells = [answer_cell("02-1", "x"), check_cell("02-1"),
             {"cell_type": "code", "metadata": {}, "source": "answer = ['OKR204']\n", "outputs": []},
             {"cell_type": "code", "metadata": {}, "source": "print('thinking')\n", "outputs": []},
             check_cell("02-2"),
             check_cell("02-3")]
    read = submissions.read(save(tmp_path / "02_x.ipynb", notebook(*cells)), "02_x.ipynb")
    inferred = [c for c in read.candidates if c.found_by == "position"]
    assert [(c.exercise_id, c.index, c.value) for c in inferred] == [("02-2", 2, ["OKR204"])]


def test_code_is_never_run_and_unreadable_answers_say_why(tmp_path):
    cells = [answer_cell("02-1", source="# exercise 02-1\nanswer = __import__('os').system('touch PWNED')\n"),
             answer_cell("02-2", source="# exercise 02-2\nanswer = [\n"),
             answer_cell("02-3", source="# exercise 02-3\nprint('no answer here')\n")]
    read = submissions.read(save(tmp_path / "02_x.ipynb", notebook(*cells)), "02_x.ipynb")
    problems = [c.problem for c in read.candidates]
    assert "plain value" in problems[0] and "not valid Python" in problems[1] and "assigns nothing" in problems[2]
    assert not (tmp_path / "PWNED").exists()


def test_broken_notebooks_become_problems_not_exceptions(tmp_path):
    cases = {
        "02_invalid.ipynb": "{not json",
        "02_empty.ipynb": "",
        "02_binary.ipynb": b"\x00\x01",
        "02_list.ipynb": "[1, 2]",
        "02_deep.ipynb": "[" * 100_000 + "]" * 100_000,
        "02_odd_cells.ipynb": json.dumps({"cells": [1, None, {"cell_type": 3, "metadata": [], "source": [1, "x"]},
                                                    {"metadata": {"okrkit": "answer"}, "source": None}]}),
    }
    for name, content in cases.items():
        read = submissions.read(save(tmp_path / name, content), name)
        assert read.module == 2
        if name == "02_odd_cells.ipynb":
            assert read.problem is None and read.candidates == ()
        else:
            assert read.problem, name


def test_module_comes_from_the_file_name_else_from_the_answers(tmp_path):
    path = save(tmp_path / "my work.ipynb", module_2(second=["OKR203"]))
    assert submissions.read(path, "x", module_of=lambda i: int(i[:2])).module == 2
    assert submissions.read(path, "x").module is None
    assert submissions.module_from_name("10_certification.ipynb") == 10


def test_learner_names_with_numbers_keep_them(tmp_path):
    save(tmp_path / "learner-06_02_anatomy.ipynb", module_2())
    save(tmp_path / "ana_02_top_10_tips.ipynb", module_2())
    found = submissions.discover(tmp_path)
    assert sorted(found) == ["ana", "learner-06"]
    read = submissions.read(found["learner-06"][0], "learner-06_02_anatomy.ipynb")
    assert read.module == 2


def test_pipes_and_folders_named_like_notebooks_are_reported_not_opened(tmp_path):
    import os

    save(tmp_path / "ana" / "02_a.ipynb", module_2())
    os.mkfifo(tmp_path / "ana" / "03_b.ipynb")
    os.mkfifo(tmp_path / "bo_02_a.ipynb")
    (tmp_path / "cy" / "02_c.ipynb").mkdir(parents=True)
    found = submissions.discover(tmp_path)
    assert {k: [p.name for p in v] for k, v in found.items()} == \
        {"ana": ["02_a.ipynb", "03_b.ipynb"], "bo": ["bo_02_a.ipynb"], "cy": ["02_c.ipynb"]}
    problems = [submissions.read(p, p.name).problem for p in (found["ana"][1], found["bo"][0], found["cy"][0])]
    assert ["not a regular file" in problems[0], "not a regular file" in problems[1],
            "is a directory" in problems[2]] == [True, True, True], problems


def test_names_that_differ_only_by_unicode_normalisation_are_one_learner(tmp_path):
    import unicodedata

    save(tmp_path / unicodedata.normalize("NFC", "José") / "02_a.ipynb", module_2())
    save(tmp_path / unicodedata.normalize("NFD", "José") / "03_b.ipynb", module_2())
    found = submissions.discover(tmp_path)
    assert {k: sorted(p.name for p in v) for k, v in found.items()} == \
        {unicodedata.normalize("NFC", "José"): ["02_a.ipynb", "03_b.ipynb"]}
