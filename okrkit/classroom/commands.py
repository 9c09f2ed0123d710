"""``okrkit grade``: grade a class's exercise notebooks without running any of them; ``okrkit collect``
and ``okrkit return``: gather them from the class hub's homes and hand the feedback back."""
from __future__ import annotations

import argparse
from pathlib import Path

from okrkit.errors import InputError


def _modules(text: str) -> set[int]:
    try:
        return {int(part) for part in text.replace(" ", "").split(",") if part}
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected module numbers such as 2,3,5, got {text!r}") from None


def run(args: argparse.Namespace) -> int:
    from okrkit.classroom import dashboard, dashboard_report
    from okrkit.classroom import gradebook as gradebook_pages
    from okrkit.classroom.grading import grade_class
    from okrkit.files import write_atomic

    submissions, out = Path(args.submissions).resolve(), Path(args.out).resolve()
    if not submissions.is_dir():
        raise InputError("is not a folder of submissions", args.submissions)
    pages = out / "learners"
    if submissions == pages or submissions in pages.parents:  # anything written would land in the submissions
        raise InputError("write the gradebook outside the submissions folder, which is never changed", args.out)
    if args.solutions and not Path(args.solutions).is_dir():
        raise InputError("is not a folder of solution notebooks", args.solutions)
    references = dashboard.reference_answers(args.solutions) if args.solutions else None
    gradebook = grade_class(submissions, args.modules, progress=not args.no_progress)
    gradebook_pages.write(gradebook, out)
    write_atomic(out / "dashboard.html", dashboard_report.render(gradebook, references))
    troubled = sum(any(g.status != "graded" or g.notes for g in learner.graded) or bool(learner.problems)
                   for learner in gradebook.learners)
    mean = sum(learner.score for learner in gradebook.learners) / max(1, len(gradebook.learners))
    print(f"Graded {len(gradebook.learners)} learners on {len(gradebook.exercises)} exercises: mean score "
          f"{mean:.0%}; {troubled} submission(s) with something to look at (see the issues column).")
    print(f"Wrote {out / 'gradebook.csv'}, {out / 'gradebook.html'}, {out / 'dashboard.html'} and "
          f"{len(gradebook.learners)} feedback pages in {out / 'learners'}")
    return 0


def register(commands) -> None:
    grade = commands.add_parser(
        "grade", help="grade a class's exercise notebooks (nothing is executed)",
        description="Grade every learner's exercise notebooks with the checks the learners saw, reading the "
                    "notebooks as data: no learner code runs and no submission file is changed. SUBMISSIONS "
                    "holds a folder per learner, or files named LEARNER_02_topic.ipynb. Writes gradebook.csv, "
                    "grades.csv, gradebook.html, dashboard.html and learners/*.html.")
    grade.add_argument("submissions", metavar="SUBMISSIONS", help="the folder of submissions")
    grade.add_argument("--out", required=True, metavar="DIR", help="where to write the gradebook")
    grade.add_argument("--modules", type=_modules, metavar="N,N",
                       help="the modules to grade (default: every module a learner handed in)")
    grade.add_argument("--solutions", metavar="DIR",
                       help="solution notebooks: the reference for score calibration (default: the class median)")
    grade.add_argument("--no-progress", action="store_true", help="no progress bar")
    grade.set_defaults(run=run)
    register_hub(commands)


def run_collect(args: argparse.Namespace) -> int:
    from okrkit.classroom.collect import collect

    report = collect(args.homes, args.out)
    for learner in report:
        for why in learner.skipped:
            print(f"okrkit: {learner.learner}: {why}; skipped")
    notebooks = sum(len(learner.notebooks) for learner in report)
    print(f"Collected {notebooks} notebooks of {sum(bool(r.notebooks) for r in report)} learners into {args.out}; "
          f"grade them with: okrkit grade {args.out} --out GRADEBOOK")
    return 0


def run_return(args: argparse.Namespace) -> int:
    from okrkit.classroom.handback import give_back

    report = give_back(args.gradebook, args.homes)
    for learner in report:
        if learner.page is None:
            print(f"okrkit: {learner.learner}: {learner.why_not}; nothing returned")
    print(f"Returned {sum(r.page is not None for r in report)} feedback pages into the learners' homes "
          f"(feedback/feedback.html, the previous one kept as feedback.html~).")
    return 0


def register_hub(commands) -> None:
    collect = commands.add_parser(
        "collect", help="gather the learners' exercise notebooks from the class hub's homes",
        description="Copy HOMES/<learner>/exercises/*.ipynb to OUT/<learner>/, the folder `okrkit grade` reads. "
                    "Symbolic links and files that are not regular files are skipped; the homes are not changed.")
    collect.add_argument("homes", metavar="HOMES", help="the folder holding one home per learner")
    collect.add_argument("--out", required=True, metavar="SUBMISSIONS", help="where the submissions go")
    collect.set_defaults(run=run_collect)
    give = commands.add_parser(
        "return", help="put each learner's feedback page into their home on the class hub",
        description="Copy GRADEBOOK/learners/<learner>.html (written by `okrkit grade`) to "
                    "HOMES/<learner>/feedback/feedback.html, keeping the previous page as feedback.html~.")
    give.add_argument("gradebook", metavar="GRADEBOOK", help="the folder `okrkit grade --out` wrote")
    give.add_argument("homes", metavar="HOMES", help="the folder holding one home per learner")
    give.set_defaults(run=run_return)
