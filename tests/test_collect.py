"""``okrkit collect``: the learners' exercise notebooks copied out of their homes, as data."""
import json

import pytest

from okrkit.classroom.collect import collect
from okrkit.cli import main
from okrkit.errors import InputError
from tests.classroom import STRONG_DRAFT, module_2, save


def _home(homes, learner, **notebooks):
    for name, content in notebooks.items():
        save(homes / learner / "exercises" / name, content)
    return homes / learner


def test_collect_copies_each_learners_exercises_into_a_folder_per_learner(tmp_path):
    homes = tmp_path / "homes"
    _home(homes, "ana", **{"02_anatomy.ipynb": module_2(STRONG_DRAFT)})
    _home(homes, "bo", **{"02_anatomy.ipynb": module_2(), "notes.txt": "not a notebook"})
    (homes / "cy").mkdir()  # logged in, never opened the exercises
    report = {r.learner: r for r in collect(homes, tmp_path / "in")}
    assert report["ana"].notebooks == ("02_anatomy.ipynb",) and report["cy"].skipped == ("no exercises/ folder",)
    copied = json.loads((tmp_path / "in" / "ana" / "02_anatomy.ipynb").read_text())
    assert copied == module_2(STRONG_DRAFT)
    assert not (tmp_path / "in" / "bo" / "notes.txt").exists()


def test_a_symbolic_link_in_a_home_is_never_followed(tmp_path):
    secret = save(tmp_path / "instructor-only.ipynb", "secret")
    home = _home(tmp_path / "homes", "eve", **{"02_anatomy.ipynb": module_2()})
    (home / "exercises" / "03_team.ipynb").symlink_to(secret)
    (tmp_path / "homes" / "mallory").symlink_to(tmp_path)  # a "home" that is a link
    report = collect(tmp_path / "homes", tmp_path / "in")
    assert [r.learner for r in report] == ["eve"]
    assert report[0].skipped == ("exercises/03_team.ipynb is a symbolic link or cannot be opened",)
    assert not (tmp_path / "in" / "eve" / "03_team.ipynb").exists()


def test_collecting_again_keeps_the_previous_copy_when_it_changed(tmp_path):
    home = _home(tmp_path / "homes", "ana", **{"02_anatomy.ipynb": module_2(None)})
    collect(tmp_path / "homes", tmp_path / "in")
    save(home / "exercises" / "02_anatomy.ipynb", module_2(STRONG_DRAFT))
    collect(tmp_path / "homes", tmp_path / "in")
    assert json.loads((tmp_path / "in" / "ana" / "02_anatomy.ipynb").read_text()) == module_2(STRONG_DRAFT)
    assert json.loads((tmp_path / "in" / "ana" / "02_anatomy.ipynb~").read_text()) == module_2(None)


def test_the_submissions_cannot_go_inside_the_homes(tmp_path):
    _home(tmp_path / "homes", "ana", **{"02_anatomy.ipynb": module_2()})
    with pytest.raises(InputError, match="outside the learners' homes"):
        collect(tmp_path / "homes", tmp_path / "homes" / "ana" / "in")


def test_the_command_collects_then_grade_reads_it(tmp_path, capsys):
    _home(tmp_path / "homes", "ana", **{"02_anatomy.ipynb": module_2(STRONG_DRAFT)})
    assert main(["collect", str(tmp_path / "homes"), "--out", str(tmp_path / "in")]) == 0
    assert "Collected 1 notebooks of 1 learners" in capsys.readouterr().out
    assert main(["grade", str(tmp_path / "in"), "--out", str(tmp_path / "book"), "--no-progress"]) == 0
    assert (tmp_path / "book" / "learners" / "ana.html").is_file()


def test_a_missing_homes_folder_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["collect", str(tmp_path / "nowhere"), "--out", str(tmp_path / "in")]) == 2
    assert capsys.readouterr().err.strip().endswith("nowhere: is not a folder of learner homes")
