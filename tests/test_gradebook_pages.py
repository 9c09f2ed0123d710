"""The gradebook written: safe CSV, escaped HTML, one feedback page per learner."""
import csv

from okrkit.classroom import gradebook as gradebook_pages
from okrkit.classroom import grading
from tests.classroom import STRONG_DRAFT, answer_cell, module_2, notebook, save

EVIL = '=HYPERLINK("evil.example","click")'


def book(tmp_path):
    save(tmp_path / "class" / EVIL / "02_anatomy.ipynb", module_2(STRONG_DRAFT))
    save(tmp_path / "class" / "<b>bo<i>" / "02_anatomy.ipynb",
         notebook(answer_cell("02-1", "Team: <script>alert(1)</script>\nO: Grow\nKR: Be great\n")))
    save(tmp_path / "class" / "B-b-o-" / "02_anatomy.ipynb", module_2())
    return grading.grade_class(tmp_path / "class")


def test_page_names_are_safe_and_unique(tmp_path):
    names = gradebook_pages.page_names(book(tmp_path))
    assert len(set(names.values())) == 3
    assert all(name.endswith(".html") and "/" not in name and "<" not in name and '"' not in name
               for name in names.values())


def test_csvs_neutralise_learner_names_and_notes(tmp_path):
    out = gradebook_pages.write(book(tmp_path), tmp_path / "out")
    rows = list(csv.DictReader((out / "gradebook.csv").open(encoding="utf-8")))
    assert "'" + EVIL in [r["learner"] for r in rows]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    long = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    assert {r["exercise"] for r in long} == {"02-1", "02-2", "02-3"} and len(long) == 9


def test_html_escapes_names_and_answers(tmp_path):
    out = gradebook_pages.write(book(tmp_path), tmp_path / "out")
    pages = [out / "gradebook.html", *sorted((out / "learners").iterdir())]
    assert len(pages) == 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>" not in text and "<b>bo<i>" not in text
    feedback = next(p for p in pages if p.name.startswith("b-bo")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feedback and "Hint:" in feedback
    assert "OKR203" in feedback  # the finding on "Be great"


def test_gradebook_links_every_learner_page(tmp_path):
    gradebook = book(tmp_path)
    out = gradebook_pages.write(gradebook, tmp_path / "out")
    html = (out / "gradebook.html").read_text(encoding="utf-8")
    for name in gradebook_pages.page_names(gradebook).values():
        assert f'href="learners/{name}"' in html and (out / "learners" / name).exists()


def test_the_gradebook_shows_a_pass_that_needs_review(tmp_path):
    partly = ("Team: Marketing\nCycle: 2025-Q2\nO: Become the brand retail buyers ask for\n"
              "KR: Increase qualified leads from 150 to 300\nKR: Raise the lead-to-customer conversion from 5% to 9%\n"
              "KR: Cut printer paper used from 20 to 5 reams\n")
    save(tmp_path / "class" / "cy" / "02_anatomy.ipynb", module_2(partly))
    out = gradebook_pages.write(grading.grade_class(tmp_path / "class"), tmp_path / "out")
    assert "needs review" in (out / "gradebook.html").read_text(encoding="utf-8")
