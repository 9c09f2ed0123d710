"""Grading a company-wide training of 1,000 learners with 10 exercise notebooks each, as
``okrkit grade`` does it.

Target (issue 15): under 30 seconds on this machine's two cores, with the gradebook, the
feedback pages and the dashboard written (issue 7 asked 200 x 8 in under 20 s). Nothing is executed: nbgrader-style grading runs every notebook and
takes minutes for a class this size.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.class_submissions import write_class

LEARNERS, NOTEBOOKS, TARGET_SECONDS = 1000, 10, 30.0


def measure() -> list[dict]:
    from okrkit.classroom import dashboard_report
    from okrkit.classroom import gradebook as gradebook_pages
    from okrkit.classroom.grading import grade_class
    from okrkit.files import write_atomic

    with tempfile.TemporaryDirectory() as folder:
        submissions = write_class(Path(folder) / "class", LEARNERS, NOTEBOOKS)
        started = time.perf_counter()
        gradebook = grade_class(submissions)
        graded = time.perf_counter()
        out = gradebook_pages.write(gradebook, Path(folder) / "out")
        write_atomic(out / "dashboard.html", dashboard_report.render(gradebook))
        finished = time.perf_counter()
    total = finished - started
    answers = sum(g.status == "graded" for learner in gradebook.learners for g in learner.graded)
    # Each distinct answer is judged once (okrkit.classroom.assessing): how many the judges saw.
    distinct = len({(g.exercise_id, g.source) for learner in gradebook.learners for g in learner.graded
                    if g.status == "graded"})
    return [
        {"name": f"grade {LEARNERS} learners x {NOTEBOOKS} notebooks (read, assess, write pages)",
         "value": round(total, 2), "unit": "s", "target": f"< {TARGET_SECONDS:g} s", "passed": total < TARGET_SECONDS},
        {"name": "  of which reading and assessing", "value": round(graded - started, 2), "unit": "s",
         "target": "-", "passed": True},
        {"name": "  answers assessed", "value": float(answers), "unit": "answers", "target": "-", "passed": True},
        {"name": "  of which distinct, each judged once", "value": float(distinct), "unit": "answers", "target": "-",
         "passed": True},
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<70} {row['value']:>9g} {row['unit']:<8} {row['target']:<8} "
              f"{'ok' if row['passed'] else 'FAILED'}")
