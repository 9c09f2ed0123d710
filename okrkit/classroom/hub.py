"""What the class hub does around each learner's server (deploy/jupyterhub_config.py).

On every spawn the learner's home gets the course's folders (``notebooks/``, ``exercises/``)
copied in, file by file, only where the learner has no file of that name yet: the first
login hands out the course, later logins add what the instructor has added, and nothing a
learner changed is ever replaced. The server is then started through this module, which
caps each of its processes' memory and lowers its priority before handing over to
``jupyterhub-singleuser``: on one server without systemd (containers, CI) that is the limit
the operating system can enforce per learner; Kubernetes enforces the same figures by cgroup.

``python -m okrkit.classroom.hub --memory BYTES --nice N -- COMMAND...`` is that launcher.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
from pathlib import Path

from okrkit.files import write_atomic

COURSE_FOLDERS = ("notebooks", "exercises")
_SKIPPED = (".", "__")  # .ipynb_checkpoints, __pycache__, hidden files


def _course_files(folder: Path) -> list[Path]:
    """The regular files of a course folder, relative to it, symbolic links left out."""
    found = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(_SKIPPED)
                                   and not Path(directory, d).is_symlink())
        found += [Path(directory, f).relative_to(folder) for f in sorted(files)
                  if not f.startswith(_SKIPPED) and not f.endswith("~")
                  and Path(directory, f).is_file() and not Path(directory, f).is_symlink()]
    return found


def hand_out(course: str | os.PathLike, home: str | os.PathLike, owner: tuple[int, int] | None = None,
             folders: tuple[str, ...] = COURSE_FOLDERS) -> list[Path]:
    """Copy the course's folders into a learner's home where the learner has no such file yet.

    Returns the files copied. ``owner`` (uid, gid) hands them to a real Unix user when the
    hub runs as root. A path in the home that is a symbolic link is left alone, never written
    through.
    """
    course, home = Path(course), Path(home)
    copied = []
    for folder in folders:
        if not (course / folder).is_dir():
            continue
        for relative in _course_files(course / folder):
            target = home / folder / relative
            if target.exists() or target.is_symlink() or _linked_parent(home, target):
                continue
            write_atomic(target, (course / folder / relative).read_bytes(), keep_previous=False)
            copied.append(target)
    if owner is not None:
        for path in {home, *(p for c in copied for p in [c, *c.parents] if home in p.parents)}:
            os.chown(path, *owner)
    return copied


def _linked_parent(home: Path, target: Path) -> bool:
    return any(parent.is_symlink() for parent in target.parents if home in parent.parents)


def launcher(command: list[str], memory_bytes: int | None, niceness: int = 0) -> list[str]:
    """``command`` started through this module's limits."""
    limits = ["--memory", str(int(memory_bytes))] if memory_bytes else []
    return [sys.executable, "-m", "okrkit.classroom.hub", *limits, "--nice", str(niceness), "--", *command]


def apply_limits(memory_bytes: int | None, niceness: int) -> None:
    """Cap this process's address space (its kernels inherit the cap) and lower its priority."""
    if memory_bytes:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    if niceness:
        os.nice(niceness)


def main(argv: list[str] | None = None) -> None:
    """Apply the limits, then become the server (exec): the hub watches the server's own process."""
    parser = argparse.ArgumentParser(prog="python -m okrkit.classroom.hub",
                                     description="Start a learner's server within the class's limits.")
    parser.add_argument("--memory", type=int, help="the most memory (bytes) each process may map")
    parser.add_argument("--nice", type=int, default=0, help="how much lower the priority is (0-19)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the server's command")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the server's command after --")
    apply_limits(args.memory, args.nice)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
