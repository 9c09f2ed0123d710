"""``okrkit return``: each learner's feedback page put into their home on the class hub.

``okrkit grade`` writes one page per learner (``GRADEBOOK/learners/<name>.html``, the name
derived from the learner's); returning copies it to ``HOMES/<learner>/feedback/feedback.html``,
where the learner opens it from JupyterLab. The previous page is kept as ``feedback.html~``.
The homes belong to the learners, who may have put a symbolic link where the page goes: such
a place is skipped and reported, never written through. Run as root for real Unix users, the
page is handed to the home's owner.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from okrkit.classroom.collect import learner_homes
from okrkit.classroom.gradebook import page_names
from okrkit.classroom.grading import Gradebook, LearnerGrades
from okrkit.errors import InputError
from okrkit.files import write_atomic

FEEDBACK = Path("feedback") / "feedback.html"


@dataclass(frozen=True)
class Returned:
    learner: str
    page: Path | None  # where the page went; None when it did not
    why_not: str = ""


def _page_of(learner: str) -> str:
    return page_names(Gradebook((), (LearnerGrades(learner, (), (), ()),)))[learner]


def _pages(gradebook: Path, learners: list[str]) -> dict[str, Path]:
    """Each learner's feedback page, named as ``okrkit grade`` names them; a name two learners
    would share is left out rather than guessed."""
    names = {learner: _page_of(learner) for learner in learners}
    counts = Counter(names.values())
    shared = {name for name, count in counts.items() if count > 1}
    return {learner: gradebook / "learners" / name for learner, name in names.items() if name not in shared}


def _unsafe(home: Path, target: Path) -> str:
    for path in (target.parent, target):
        if path.is_symlink():
            return f"{path.relative_to(home)} is a symbolic link"
    if target.parent.exists() and not target.parent.is_dir():
        return f"{target.parent.relative_to(home)} is not a folder"
    return ""


def give_back(gradebook: str | os.PathLike, homes: str | os.PathLike) -> list[Returned]:
    """Copy every graded learner's page into their home; what happened, per learner home."""
    gradebook = Path(gradebook)
    if not (gradebook / "learners").is_dir():
        raise InputError("holds no learners/ folder of feedback pages; run `okrkit grade` first", str(gradebook))
    found = learner_homes(Path(homes))
    pages = _pages(gradebook, [home.name for home in found])
    report = []
    for home in found:
        page = pages.get(home.name)
        if page is None or not page.is_file():
            report.append(Returned(home.name, None, "no feedback page in the gradebook"))
            continue
        target = home / FEEDBACK
        if why := _unsafe(home, target):
            report.append(Returned(home.name, None, why))
            continue
        write_atomic(target, page.read_bytes(), keep_previous=True)
        owner = home.stat()
        if os.geteuid() == 0 and owner.st_uid != 0:
            for path in (target.parent, target):
                os.chown(path, owner.st_uid, owner.st_gid)
        report.append(Returned(home.name, target))
    return report
