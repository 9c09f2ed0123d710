"""The learner's commands: ``okrkit progress`` (the course map) and ``okrkit bundle --learner OUT``."""
from __future__ import annotations

import argparse
import sys

from okrkit.exercises.bundle import bundle
from okrkit.exercises.course_map import show


def run_progress(args: argparse.Namespace) -> int:
    print(show(args.folder))
    return 0


def run_bundle(args: argparse.Namespace) -> int:
    if not args.learner:
        print("okrkit: say where the learner's copy goes: okrkit bundle --learner OUT", file=sys.stderr)
        return 2
    written = bundle(args.source, args.learner)
    lessons = sum(p.startswith("notebooks/") for p in written)
    exercises = sum(p.startswith("exercises/") for p in written)
    print(f"{args.learner}: {lessons} lessons, {exercises} exercise notebooks and "
          f"{len(written) - lessons - exercises} docs for learners; no solutions.")
    return 0


def register(commands) -> None:
    progress = commands.add_parser(
        "progress", help="show the course map: modules, exercises passed, exam scores, what to revisit",
        description="Show the course map with the learner's record (okrkit-progress.json in the course "
                    "folder): each module's estimated time, exercises passed, exam scores over time, the "
                    "weakest topics with the lesson section to revisit, and the next step.")
    progress.add_argument("folder", nargs="?", default=None, metavar="DIR",
                          help="the course folder or one of its notebook folders (default: the current folder)")
    progress.set_defaults(run=run_progress)

    packer = commands.add_parser(
        "bundle", help="write the learner's copy of the course (no solutions)",
        description="Write what a learner gets: notebooks/, exercises/ and the learners' docs, without "
                    "solutions/ and the instructor notebooks. Refuses when an exercise notebook holds a "
                    "solution region or a solution note.")
    packer.add_argument("--learner", metavar="OUT", help="the folder to write the learner's copy into")
    packer.add_argument("--from", dest="source", default=".", metavar="DIR",
                        help="the course folder (default: the current folder)")
    packer.set_defaults(run=run_bundle)
