"""What ``okrkit grade`` writes: the gradebook (CSV and HTML) and a feedback page per learner.

Learner names come from folder and file names and answers from notebooks, so every one of
them is escaped in HTML and neutralised in CSV (a learner folder called ``=HYPERLINK(...)``
is text in the spreadsheet). File names of feedback pages are derived, never taken as given.
"""
from __future__ import annotations

import re
from pathlib import Path

from okrkit.classroom.grading import Gradebook, Graded, LearnerGrades
from okrkit.exercises import exercise
from okrkit.files import write_atomic
from okrkit.formats.csvsafe import frame_to_csv
from okrkit.pages import standalone as pages
from okrkit.pages.html import escape

_STATUS_CLASS = {"graded": "", "no answer": "warning", "missing": "error", "unreadable": "error"}


def page_names(gradebook: Gradebook) -> dict[str, str]:
    """A safe, unique file name for each learner's feedback page."""
    names, taken = {}, set()
    for learner in gradebook.learners:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", learner.learner).strip("-")[:60] or "learner"
        name, n = f"{stem}.html", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}.html"
        taken.add(name.lower())
        names[learner.learner] = name
    return names


def _cell(graded: Graded) -> str:
    if graded.status != "graded":
        return f'<span class="{_STATUS_CLASS[graded.status]}">{escape(graded.status)}</span>'
    mark = '<span class="ok">✔</span>' if graded.passed else '<span class="warning">✖</span>'
    note = ' <span class="muted" title="see the notes">*</span>' if graded.notes else ""
    review = ' <span class="warning">needs review</span>' if graded.assessment and graded.assessment.needs_review else ""
    return f"{mark} {graded.score:.0%}{review}{note}"


def gradebook_html(gradebook: Gradebook, links: dict[str, str]) -> str:
    rows = []
    for learner in gradebook.learners:
        issues = sum(g.status != "graded" or bool(g.notes) for g in learner.graded) + len(learner.problems)
        rows.append((f'<a href="learners/{escape(links[learner.learner])}">{escape(learner.learner)}</a>',
                     f"{learner.passed} / {len(learner.graded)}", f"{learner.score:.0%}",
                     *(_cell(g) for g in learner.graded), str(issues) if issues else ""))
    header = ("learner", "passed", "score", *gradebook.exercises, "issues")
    body = (f"<h1>Gradebook</h1><p>{len(gradebook.learners)} learners, {len(gradebook.exercises)} exercises. "
            '✔ passed, ✖ not yet, with the score; * marks notes on the learner\'s page. '
            '<a href="dashboard.html">Class dashboard</a>.</p>' + pages.table(header, rows))
    return pages.page("Gradebook", body)


def _findings(graded: Graded) -> str:
    found = graded.assessment.findings if graded.assessment else ()
    if not found:
        return ""
    items = "".join(f'<li><code>{escape(f.code)}</code> <span class="{escape(f.severity)}">{escape(f.severity)}</span> '
                    f'{escape(f.where or "set")}: {escape(f.message)}<br><span class="muted">→ {escape(f.hint)}</span></li>'
                    for f in found)
    return f"<p>What the checker found:</p><ul>{items}</ul>"


def _exercise_section(graded: Graded) -> str:
    try:
        ex = exercise(graded.exercise_id)
        title, task = ex.title, ex.task
    except KeyError:
        title, task = "", ""
    verdict = graded.assessment.verdict if graded.assessment and graded.status == "graded" else graded.status
    parts = [f'<h2 id="ex-{escape(graded.exercise_id)}">{escape(graded.exercise_id)} {escape(title)}</h2>',
             f'<p class="muted">{escape(task)}</p>',
             f'<p><b>{escape(verdict)}</b>, score {graded.score:.0%}'
             f'{" · from " + escape(graded.notebook) if graded.notebook else ""}</p>']
    if graded.notes:
        parts.append("<p>Notes:</p><ul>" + "".join(f"<li>{escape(n)}</li>" for n in graded.notes) + "</ul>")
    if graded.source:
        parts.append(f"<p>Your answer cell:</p><pre><code>{escape(graded.source)}</code></pre>")
    if graded.assessment:
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in graded.assessment.feedback) + "</ul>")
        parts.append(_findings(graded))
        parts += [f'<p class="info">Hint: {escape(h)}</p>' for h in graded.assessment.hints]
    return "".join(parts)


def feedback_html(learner: LearnerGrades) -> str:
    """One learner's page: each exercise with their answer, what was found, and the hints."""
    head = [f"<h1>Feedback for {escape(learner.learner)}</h1>",
            f"<p>{learner.passed} of {len(learner.graded)} exercises passed, score {learner.score:.0%}. "
            f'<a href="../gradebook.html">Back to the gradebook</a>.</p>']
    if learner.problems:
        head.append("<p>About your submission:</p><ul>"
                    + "".join(f"<li>{escape(p)}</li>" for p in learner.problems) + "</ul>")
    return pages.page(f"Feedback: {learner.learner}", "".join(head + [_exercise_section(g) for g in learner.graded]))


def write(gradebook: Gradebook, out: str | Path) -> Path:
    """Write gradebook.csv, grades.csv, gradebook.html and learners/*.html into ``out``."""
    out = Path(out)
    links = page_names(gradebook)
    write_atomic(out / "gradebook.csv", frame_to_csv(gradebook.table()))
    write_atomic(out / "grades.csv", frame_to_csv(gradebook.frame()))
    write_atomic(out / "gradebook.html", gradebook_html(gradebook, links))
    for learner in gradebook.learners:
        write_atomic(out / "learners" / links[learner.learner], feedback_html(learner))
    return out
