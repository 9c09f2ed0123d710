"""The notebook suite under nbval, next to as many empty notebooks run the same way.

Most of a notebook test is starting a kernel, which depends on the machine; so the figure is
the ratio between the course's notebooks (notebooks/, exercises/, solutions/) and the same
number of empty notebooks (one empty code cell each), both run in this process's Python by
``pytest --nbval-lax`` with the same settings. Target: under 3x.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "exercises", "solutions")
TARGET_RATIO = 3.0
EMPTY_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "empty", "metadata": {}, "outputs": [],
               "source": []}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def course_notebooks(root: Path = ROOT) -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (root / folder).rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in path.parts)


def run_nbval(paths: list[Path], settings: Path) -> float:
    """Seconds for pytest to run these notebooks under nbval; a RuntimeError if any cell fails."""
    command = [sys.executable, "-m", "pytest", "-c", str(settings), "--rootdir", str(settings.parent),
               "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env", *map(str, paths)]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        lines = proc.stdout.strip().splitlines() or ["no output"]
        first = next((line for line in lines if line.startswith(("FAILED", "ERROR"))), "")
        raise RuntimeError(f"nbval failed on {len(paths)} notebooks: {lines[-1]} {first}".strip())
    return seconds


def measure() -> list[dict]:
    notebooks = course_notebooks()
    if not notebooks:
        raise RuntimeError(f"no notebooks found in {', '.join(FOLDERS)}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        settings = folder / "pytest.ini"
        settings.write_text("[pytest]\n", encoding="utf-8")  # the same, neutral settings for both runs
        empty = []
        for index in range(len(notebooks)):
            empty.append(folder / f"empty_{index:03d}.ipynb")
            empty[-1].write_text(json.dumps(EMPTY_NOTEBOOK), encoding="utf-8")
        empty_s = run_nbval(empty, settings)
        course_s = run_nbval(notebooks, settings)
    ratio = course_s / empty_s
    return [
        {"name": f"{len(notebooks)} course notebooks under nbval", "value": round(course_s, 1), "unit": "s",
         "target": "-", "passed": True},
        {"name": f"{len(notebooks)} empty notebooks, run the same way", "value": round(empty_s, 1), "unit": "s",
         "target": "-", "passed": True},
        {"name": "course notebooks / empty notebooks", "value": round(ratio, 2), "unit": "x",
         "target": f"< {TARGET_RATIO:g}x", "passed": ratio < TARGET_RATIO},
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
