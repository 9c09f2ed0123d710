"""Answer cells are read without running them, and exercises/ is exactly what solutions/ builds."""
import ast
import json
import shutil

import pytest

from okrkit import cli
from okrkit.errors import InputError
from okrkit.exercises import EXERCISES, assess_notebook, exercise, read_answer, read_answers
from okrkit.exercises.build import BEGIN, END, build, dumps, exercise_notebook
from okrkit.exercises.notebooks import answer_cells, read_notebook, role, source
from tests.conftest import ROOT

SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISE_FILES = sorted((ROOT / "exercises").glob("*.ipynb"))


def names(paths):
    return [p.name for p in paths]


def notebook(*cells):
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def code_cell(text, **okrkit):
    return {"cell_type": "code", "execution_count": None, "id": "c", "outputs": [],
            "metadata": {"okrkit": okrkit} if okrkit else {}, "source": text.splitlines(keepends=True)}


class TestCommittedNotebooks:
    def test_every_solution_has_its_exercise_notebook_and_no_more(self):
        assert SOLUTIONS and names(SOLUTIONS) == names(EXERCISE_FILES)

    @pytest.mark.parametrize("path", SOLUTIONS, ids=names(SOLUTIONS))
    def test_exercises_are_exactly_what_the_build_produces(self, path):
        built = dumps(exercise_notebook(read_notebook(path), str(path)))
        committed = (ROOT / "exercises" / path.name).read_text(encoding="utf-8")
        assert committed == built, "exercises/ is out of date: run `okrkit build-exercises`"

    @pytest.mark.parametrize("path", SOLUTIONS, ids=names(SOLUTIONS))
    def test_every_solution_passes_its_own_checks(self, path):
        results = assess_notebook(path)
        assert results and all(r.passed for r in results), [str(r) for r in results if not r.passed]

    @pytest.mark.parametrize("path", EXERCISE_FILES, ids=names(EXERCISE_FILES))
    def test_no_starter_passes(self, path):
        results = assess_notebook(path)
        assert results and not any(r.passed for r in results)

    def test_every_exercise_has_one_answer_cell_and_a_check(self):
        answers, checks = [], []
        for path in SOLUTIONS:
            for cell in read_notebook(path)["cells"]:
                tags = role(cell)
                if tags.get("role") == "answer":
                    answers.append(tags["exercise"])
                    assert source(cell).startswith(f"# exercise {tags['exercise']}\n")
                elif tags.get("role") == "check":
                    checks.append(tags["exercise"])
                    assert f'"{tags["exercise"]}"' in source(cell)
        assert sorted(answers) == sorted(checks) == sorted(e.id for e in EXERCISES)

    @pytest.mark.parametrize("path", EXERCISE_FILES, ids=names(EXERCISE_FILES))
    def test_exercise_notebooks_hold_no_solutions(self, path):
        text = path.read_text(encoding="utf-8")
        assert BEGIN not in text and END not in text
        assert all(role(c).get("role") != "solution" for c in read_notebook(path)["cells"])

    @pytest.mark.parametrize("path", sorted(ROOT.glob("*/[0-9][0-9]_*.ipynb")), ids=lambda p: f"{p.parent.name}/{p.name}")
    def test_notebooks_define_no_library_code(self, path):
        for cell in read_notebook(path)["cells"]:
            if cell["cell_type"] == "code":
                tree = ast.parse(source(cell))
                assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))], path


class TestReadingAnswers:
    def test_a_literal_is_read(self):
        assert read_answer('# exercise 01-3\nanswer = 343\n') == 343
        assert read_answer('answer = {"a": ["b", 1]}') == {"a": ["b", 1]}

    def test_the_last_assignment_wins(self):
        assert read_answer('answer = 1\nanswer = 2') == 2

    @pytest.mark.parametrize("code, message", [
        ('answer = __import__("os").system("echo hacked")', "plain value"),
        ('answer = open("/etc/passwd").read()', "plain value"),
        ("answer = \"\"\"unclosed", "not valid Python"),
        ("result = 3", "assigns nothing"),
        ("answer = 1\x00", "not valid Python"),
    ])
    def test_code_is_never_run(self, code, message):
        with pytest.raises(InputError, match=message):
            read_answer(code)

    def test_a_retyped_cell_without_metadata_is_found_by_its_first_line(self):
        cells = answer_cells(notebook(code_cell("\n# Exercise 01-3  \nanswer = 343\n"),
                                      code_cell("# exercise 01-3 is hard\nanswer = 1\n"),
                                      {"cell_type": "markdown", "metadata": {}, "source": "# exercise 01-3"}))
        assert [(c.exercise_id, c.value) for c in cells] == [("01-3", 343)]

    def test_unreadable_cells_carry_their_problem(self):
        cells = answer_cells(notebook(code_cell("answer = 1 +", exercise="01-3", role="answer")))
        assert cells[0].problem.startswith("the answer cell is not valid Python")

    def test_a_broken_notebook_file_is_an_input_error(self, write):
        with pytest.raises(InputError, match="invalid JSON") as raised:
            read_answers(write("broken.ipynb", '{"cells": [\n oops'))
        assert raised.value.line == 2


class TestAssessNotebook:
    def test_missing_and_unreadable_cells_are_assessed_not_raised(self, write):
        path = write("01_why_okrs.ipynb", json.dumps(notebook(
            code_cell("# exercise 01-3\nanswer = 343\n"),
            code_cell("# exercise 01-2\nanswer = {", exercise="01-2", role="answer"))))
        results = {r.exercise_id: r for r in assess_notebook(path)}
        assert list(results) == ["01-1", "01-2", "01-3"]
        assert results["01-3"].passed
        assert "No answer cell" in results["01-1"].feedback[0]
        assert "could not be read" in results["01-2"].feedback[0]

    def test_a_notebook_without_a_module_prefix_is_assessed_by_its_ids(self, write):
        path = write("my work.ipynb", json.dumps(notebook(code_cell("# exercise 02-2\nanswer = []\n"))))
        assert [r.exercise_id for r in assess_notebook(path)] == ["02-1", "02-2", "02-3"]


@pytest.fixture
def course(tmp_path):
    """A copy of solutions/ and an empty exercises/ directory."""
    solutions = tmp_path / "solutions"
    shutil.copytree(ROOT / "solutions", solutions)
    return solutions, tmp_path / "exercises"


class TestBuild:
    def test_a_build_writes_then_is_up_to_date(self, course):
        solutions, exercises = course
        assert {status for _, status in build(solutions, exercises)} == {"written"}
        assert {status for _, status in build(solutions, exercises)} == {"up to date"}
        assert not list(exercises.glob("*~"))

    def test_the_answer_region_becomes_the_starter(self, course):
        solutions, exercises = course
        build(solutions, exercises)
        cells = read_answers(exercises / "01_why_okrs.ipynb")
        assert cells["01-3"].value is None and cells["01-1"].value == exercise("01-1").starter

    def test_a_learners_edited_notebook_is_kept_before_it_is_replaced(self, course):
        solutions, exercises = course
        build(solutions, exercises)
        target = exercises / "01_why_okrs.ipynb"
        mine = target.read_text(encoding="utf-8").replace("answer = None", "answer = 343")
        target.write_text(mine, encoding="utf-8")
        report = dict(build(solutions, exercises))
        assert "kept as 01_why_okrs.ipynb~" in report[target]
        assert (exercises / "01_why_okrs.ipynb~").read_text(encoding="utf-8") == mine
        assert "answer = None" in target.read_text(encoding="utf-8")

    def test_an_older_untouched_build_is_replaced_without_a_backup(self, course):
        solutions, exercises = course
        build(solutions, exercises)
        target = exercises / "02_anatomy_of_a_strong_okr.ipynb"
        target.write_text(target.read_text(encoding="utf-8").replace("## 02-1", "## 02-1 (old)"), encoding="utf-8")
        assert dict(build(solutions, exercises))[target] == "written"
        assert not (exercises / "02_anatomy_of_a_strong_okr.ipynb~").exists()

    def test_outputs_are_stripped(self, course):
        solutions, exercises = course
        path = solutions / "01_why_okrs.ipynb"
        doc = read_notebook(path)
        code = next(i for i, cell in enumerate(doc["cells"]) if cell["cell_type"] == "code")
        doc["cells"][code]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}]
        doc["cells"][code]["execution_count"] = 3
        doc["metadata"]["widgets"] = {"state": {}}
        path.write_text(json.dumps(doc), encoding="utf-8")
        build(solutions, exercises)
        built = read_notebook(exercises / "01_why_okrs.ipynb")
        assert built["cells"][code]["outputs"] == [] and built["cells"][code]["execution_count"] is None
        assert "widgets" not in built["metadata"]

    @pytest.mark.parametrize("cell, message", [
        (code_cell("# exercise 01-3\nanswer = 1\n", exercise="01-3", role="answer"), "needs one"),
        (code_cell(f"x = 1\n{BEGIN}\nx = 2\n{END}\n"), "not an answer cell"),
        (code_cell(f"# exercise 77-1\n{BEGIN}\nanswer = 1\n{END}\n", exercise="77-1", role="answer"), "no exercise"),
        (code_cell(f"# exercise 01-2\n{BEGIN}\nanswer = 1\n{END}\n", exercise="01-3", role="answer"), "must start"),
    ])
    def test_a_malformed_solution_stops_the_build_with_its_cell(self, cell, message):
        with pytest.raises(InputError, match=message) as raised:
            exercise_notebook(notebook(cell), "solutions/x.ipynb")
        assert "solutions/x.ipynb" in str(raised.value)

    def test_the_command_checks_and_builds(self, course, capsys):
        solutions, exercises = course
        args = ["build-exercises", "--solutions", str(solutions), "--exercises", str(exercises)]
        assert cli.main(args + ["--check"]) == 1
        assert "missing" in capsys.readouterr().out
        assert not exercises.exists()
        assert cli.main(args) == 0
        assert cli.main(args + ["--check"]) == 0
        assert "up to date" in capsys.readouterr().out

    def test_a_missing_solutions_directory_is_explained(self, tmp_path, capsys):
        assert cli.main(["build-exercises", "--solutions", str(tmp_path / "nowhere")]) == 2
        assert "run from the repository root" in capsys.readouterr().err
