"""``okrkit grade``: the whole class graded, the submissions untouched, a progress bar on stderr."""
import hashlib
import os
import pathlib

from okrkit.cli import main
from tests.classroom import STRONG_DRAFT, answer_cell, module_2, notebook, save


def snapshot(root):
    """Every file and folder under root with its checksum, size and modification time."""
    found = {}
    for directory, folders, files in os.walk(root):
        for name in folders + files:
            path = os.path.join(directory, name)
            stat = os.lstat(path)
            digest = hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest() if os.path.isfile(path) else "dir"
            found[os.path.relpath(path, root)] = (digest, stat.st_size, stat.st_mtime_ns, stat.st_mode)
    return found


def make_class(root):
    save(root / "ana" / "02_anatomy.ipynb", module_2(STRONG_DRAFT, ["OKR203"]))
    save(root / "bo_02_anatomy.ipynb", "{broken")
    save(root / "cy" / "02_anatomy.ipynb", notebook(
        answer_cell("02-1", source="# exercise 02-1\nanswer = __import__('shutil').rmtree('/')\n")))
    save(root / "=cmd" / "02_anatomy.ipynb", module_2())


def test_grading_leaves_every_submission_byte_for_byte_unchanged(tmp_path, capsys):
    make_class(tmp_path / "class")
    before = snapshot(tmp_path / "class")
    assert main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "out")]) == 0
    assert snapshot(tmp_path / "class") == before
    out, err = capsys.readouterr()
    assert "Graded 4 learners on 3 exercises" in out
    assert "grading" in err and "100%" in err  # the progress bar
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*"))
    assert {"gradebook.csv", "grades.csv", "gradebook.html", "dashboard.html", "learners/ana.html",
            "learners/bo.html", "learners/cy.html", "learners/cmd.html"} <= set(written)


def test_the_gradebook_is_never_written_into_the_submissions(tmp_path, capsys):
    make_class(tmp_path / "class")
    before = snapshot(tmp_path / "class")
    assert main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "class" / "out")]) == 2
    assert "outside the submissions folder" in capsys.readouterr().err
    assert snapshot(tmp_path / "class") == before


def test_no_progress_modules_and_solutions(tmp_path, capsys):
    make_class(tmp_path / "class")
    save(tmp_path / "solutions" / "02_anatomy.ipynb", module_2(STRONG_DRAFT, ["OKR203"]))
    code = main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "out"), "--modules", "2,3",
                 "--solutions", str(tmp_path / "solutions"), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "on 5 exercises" in out


def test_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "not a folder of submissions" in capsys.readouterr().err


def test_the_feedback_pages_never_land_in_the_submissions_either(tmp_path, capsys):
    make_class(tmp_path / "out" / "learners")
    before = snapshot(tmp_path / "out" / "learners")
    assert main(["grade", str(tmp_path / "out" / "learners"), "--out", str(tmp_path / "out")]) == 2
    assert snapshot(tmp_path / "out" / "learners") == before
