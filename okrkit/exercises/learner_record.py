"""The learner's record: every exercise check and exam attempt, kept in a JSON file beside the notebooks.

The file (``okrkit-progress.json``) lives in the course folder, the one holding ``notebooks/`` and
``exercises/``, so the lessons, the exercises and ``okrkit progress`` all find the same record.
It only ever grows: each event is appended under a lock (a lock file created exclusively), by
reading the file, adding the event and writing it back atomically, so two kernels writing at
once both keep their events. A record that cannot be read is kept as ``name~`` and a fresh one
started, never silently dropped.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from okrkit.errors import InputError
from okrkit.files import locked, read_text, write_atomic

FILE = "okrkit-progress.json"
FORMAT = "okrkit-progress/1"
ENVIRONMENT = "OKRKIT_PROGRESS"


def course_folder(start: str | os.PathLike | None = None) -> Path:
    """The folder holding notebooks/ and exercises/: the start folder, or its parent when the start
    is one of those two (a notebook's kernel runs in its own folder); else the start folder."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, here.parent):
        if (folder / "notebooks").is_dir() or (folder / "exercises").is_dir():
            return folder
    return here


def record_path(start: str | os.PathLike | None = None) -> Path:
    """The record's file: ``$OKRKIT_PROGRESS`` when set (a class server, the test suite), else
    okrkit-progress.json in the course folder."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    return course_folder(start) / FILE


@dataclass(frozen=True)
class Event:
    """One thing that happened: an exercise checked, or an exam attempted."""

    kind: str  # "exercise" | "exam"
    at: str  # ISO time, UTC
    id: str  # the exercise id ("02-1"), or the exam's name ("10-1", "practice seed 7")
    passed: bool
    score: float
    modules: dict[str, list[int]] | None = None  # an exam's (right, asked) per module

    def as_dict(self) -> dict:
        found = {"kind": self.kind, "at": self.at, "id": self.id, "passed": self.passed,
                 "score": round(self.score, 3)}
        if self.modules is not None:
            found["modules"] = self.modules
        return found


def _event(item: object) -> Event | None:
    if not isinstance(item, dict) or item.get("kind") not in ("exercise", "exam"):
        return None
    score, modules = item.get("score"), item.get("modules")
    if not isinstance(score, (int, float)) or isinstance(score, bool) or not isinstance(item.get("id"), str):
        return None
    if modules is not None and not (isinstance(modules, dict) and all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(n, int) for n in v) for v in modules.values())):
        modules = None
    return Event(item["kind"], str(item.get("at", "")), item["id"], bool(item.get("passed")), float(score), modules)


def parse(text: str, where: str = FILE) -> tuple[Event, ...]:
    """The events of a record's text; InputError when it is not a record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"is not a progress record (invalid JSON: {error.msg})", where, error.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InputError("is not a progress record (no list of events)", where)
    return tuple(e for e in map(_event, data["events"]) if e is not None)


def dumps(events: tuple[Event, ...] | list[Event]) -> str:
    """The record as readable JSON: one event per line."""
    lines = ",\n  ".join(json.dumps(e.as_dict(), ensure_ascii=False) for e in events)
    return f'{{"format": "{FORMAT}", "events": [\n  {lines}\n]}}\n' if events else \
        f'{{"format": "{FORMAT}", "events": []}}\n'


def load(path: str | os.PathLike) -> tuple[Event, ...]:
    """The events recorded so far; none when there is no record yet."""
    path = Path(path)
    if not path.exists():
        return ()
    return parse(read_text(path), str(path))


def append(path: str | os.PathLike, event: Event) -> Path:
    """Add one event to the record, merging with whatever other kernels wrote meanwhile."""
    path = Path(path)
    with locked(path):
        try:
            events = load(path)
            keep = False
        except InputError:
            events, keep = (), True  # unreadable: kept as name~, a fresh record started
        return write_atomic(path, dumps((*events, event)), keep_previous=keep)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_exercise(assessment, start: str | os.PathLike | None = None) -> Path:
    """Record one check of an exercise (an :class:`~okrkit.exercises.record.Assessment`)."""
    return append(record_path(start), Event("exercise", _now(), assessment.exercise_id,
                                            assessment.passed, assessment.score))


def record_exam(result, name: str, start: str | os.PathLike | None = None) -> Path:
    """Record an exam attempt (an :class:`~okrkit.classroom.exam.ExamResult`) with its score per module."""
    modules = {str(m): [right, asked] for m, (right, asked) in result.by_module().items()}
    return append(record_path(start), Event("exam", _now(), name, result.passed, result.score, modules))
