"""The scaffolding of the lessons: time and links at the top, quick checks inside, a glossary that points home."""
import json
import re

import pytest

from okrkit.exercises import quick_check
from okrkit.exercises.certification import QUESTIONS
from okrkit.exercises.course import MODULES, module, neighbours
from okrkit.exercises.quick_checks import as_markdown, question
from tests.conftest import ROOT


def _cells(folder: str, name: str) -> list[dict]:
    return json.loads((ROOT / folder / name).read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _headings(name: str) -> set[str]:
    return {line.lstrip("#").strip() for c in _cells("notebooks", name) if c["cell_type"] == "markdown"
            for line in _text(c).splitlines() if line.startswith("#")}


@pytest.mark.parametrize("m", MODULES, ids=lambda m: m.notebook)
def test_each_lesson_opens_with_its_time_and_its_neighbours(m):
    top = _text(_cells("notebooks", m.notebook)[1])
    assert f"About {m.minutes} minutes" in top and "the kit's estimate" in top
    before, after = neighbours(m.number)
    for other in (before, after):
        if other:
            assert f"]({other.notebook})" in top
    for slide in m.slides:
        assert f"*{slide}*" in top


@pytest.mark.parametrize("m", [m for m in MODULES if m.number <= 9], ids=lambda m: m.notebook)
def test_each_lesson_has_quick_checks_inside_not_only_at_the_end(m):
    cells = _cells("notebooks", m.notebook)
    checks = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and "QuickCheckForm(" in _text(c)]
    assert 2 <= len(checks) <= 3
    last_heading = max(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and "\n## " in "\n" + _text(c))
    assert min(checks) < last_heading  # at least one before the lesson's last section
    for i in checks:
        qid = re.search(r'QuickCheckForm\("([\w-]+)"', _text(cells[i]))[1]
        assert _text(cells[i - 1]) == as_markdown(question(qid))  # the question is asked right above
        assert question(qid).module == m.number and qid not in QUESTIONS  # never a graded exam question


def test_a_quick_check_marks_on_the_spot_and_explains():
    assert quick_check("m02-team-max", "d").right
    assert quick_check("m02-team-max", "3, though a team should begin with 1").right  # a choice by its text
    wrong = quick_check("m02-team-max", "b")
    assert not wrong.right and "d) 3, though" in wrong.verdict and question("m02-team-max").explanation in wrong.verdict
    blank = quick_check("m02-team-max", "")
    assert not blank.right and not blank.answered and "Not answered yet" in str(blank)
    assert "<b>safe" not in quick_check("m01-play-safe", "<b>safe</b>")._repr_html_()


def test_every_exercise_notebook_offers_forms_for_its_exercises():
    offering = 0
    for m in MODULES:
        path = ROOT / m.exercises
        if not path.exists():
            continue
        forms = [c for c in _cells("exercises", m.notebook) if 'AnswerForm("' in _text(c)]
        answers = [c for c in _cells("exercises", m.notebook) if c.get("metadata", {}).get("okrkit", {}).get("role")
                   == "answer"]
        assert len(forms) == len(answers) and answers, m.notebook  # the answer cells stay, each with a form
        offering += 1
    assert offering >= 8


def test_the_glossary_points_to_sections_that_exist():
    rows = [line for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and "](../notebooks/" in line]
    assert len(rows) >= 30
    for row in rows:
        notebook, section = re.search(r"\]\(\.\./notebooks/([\w.]+)\) § (.+?) \|$", row).groups()
        assert section in _headings(notebook), row
    taught = {re.search(r"notebooks/(\d+)_", row)[1] for row in rows}
    assert {f"{m.number:02d}" for m in MODULES if 1 <= m.number <= 9} <= taught


def test_the_start_notebook_shows_the_course_map():
    assert any("my_progress()" in _text(c) for c in _cells("notebooks", module(0).notebook))
