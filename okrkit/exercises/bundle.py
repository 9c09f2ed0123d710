"""The learner's copy of the course: ``okrkit bundle --learner OUT``.

It holds the lessons (notebooks/), the exercise notebooks (exercises/) and the docs for learners,
and never the solutions: solutions/ is left out, the instructor notebooks are left out, and
every exercise notebook is checked for solution regions and solution-role cells before it is
copied. The judges still live in the okrkit package the learner installs: docs/instructor-guide.md
says what a determined learner can read there.
"""
from __future__ import annotations

from pathlib import Path

from okrkit.errors import InputError
from okrkit.exercises.build import BEGIN, END
from okrkit.exercises.course import MODULES
from okrkit.exercises.notebooks import read_notebook, role, source
from okrkit.files import read_text, write_atomic

LEARNER_DOCS = ("docs/rules.md", "docs/glossary.md")  # docs/exercises.md is for the kit's developers
INSTRUCTOR_ONLY = {m.notebook for m in MODULES if not m.for_learners}


def solution_text(notebook: dict) -> list[str]:
    """Why a notebook may not go to a learner: each cell holding a solution region or a solution note."""
    found = []
    for number, cell in enumerate(notebook.get("cells", []), 1):
        if not isinstance(cell, dict):
            continue
        if role(cell).get("role") == "solution":
            found.append(f"cell {number} is a solution note")
        elif BEGIN in source(cell) or END in source(cell):
            found.append(f"cell {number} holds a solution region")
    return found


def learner_files(root: Path) -> list[tuple[Path, str]]:
    """Each file of the learner's copy, with its path inside the bundle."""
    files = [(p, f"notebooks/{p.name}") for p in sorted((root / "notebooks").glob("*.ipynb"))
             if p.name not in INSTRUCTOR_ONLY]
    files += [(p, f"exercises/{p.name}") for p in sorted((root / "exercises").glob("*.ipynb"))]
    files += [(root / doc, doc) for doc in LEARNER_DOCS if (root / doc).exists()]
    files += [(p, f"docs/img/{p.name}") for p in sorted((root / "docs" / "img").glob("*")) if p.is_file()]
    return files


def bundle(root: str | Path, out: str | Path) -> list[str]:
    """Write the learner's copy of the course folder ``root`` into ``out``; the paths written."""
    root, out = Path(root), Path(out)
    if not (root / "exercises").is_dir() or not (root / "notebooks").is_dir():
        raise InputError("holds no notebooks/ and exercises/; run from the course folder or pass --from", str(root))
    if out.resolve() == root.resolve():
        raise InputError("is the course folder itself; name a new folder for the learner's copy", str(out))
    files = learner_files(root)
    for path, _inside in files:
        if path.suffix == ".ipynb" and (problems := solution_text(read_notebook(path))):
            raise InputError(f"would give a learner worked answers ({'; '.join(problems)}); rebuild the "
                             "exercises with `okrkit build-exercises`", str(path))
    if (out / "solutions").exists():
        raise InputError("already holds a solutions/ folder; give an empty or new folder", str(out))
    written = []
    for path, inside in files:
        data = path.read_bytes() if path.parent.name == "img" else read_text(path)
        target = out / inside
        write_atomic(target, data, keep_previous=target.exists())
        written.append(inside)
    return written
