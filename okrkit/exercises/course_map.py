"""Where a learner stands in the course: modules with their time, exercises passed, exam scores
over time, the weakest topics with the lesson section to revisit, and the next step.

Built from the learner's record (:mod:`okrkit.exercises.learner_record`); shown by
``okrkit progress`` and by a cell of notebooks/00_start_here.ipynb.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from okrkit.errors import InputError
from okrkit.exercises.course import SECTIONS, Module, learner_modules, module, total_minutes
from okrkit.exercises.learner_record import Event, load, record_path
from okrkit.exercises.registry import exercise, exercises_of
from okrkit.pages.html import escape

WEAKEST = 3  # topics shown


@dataclass(frozen=True)
class ModuleStanding:
    module: Module
    exercises: tuple[str, ...]
    passed: tuple[str, ...]

    @property
    def done(self) -> bool:
        return bool(self.exercises) and len(self.passed) == len(self.exercises)


@dataclass(frozen=True)
class Topic:
    """A topic to revisit: what it is, why (missed how often), and the lesson section that teaches it."""

    name: str
    why: str
    lesson: str
    section: str


@dataclass(frozen=True)
class CourseMap:
    modules: tuple[ModuleStanding, ...]
    exams: tuple[Event, ...]
    weakest: tuple[Topic, ...]
    next_step: str
    record: Path | None = None  # None: no record yet
    note: str = ""  # what became of the record (missing, unreadable)

    def __str__(self) -> str:
        lines = [f"Course map (times are the kit's estimate; {total_minutes() // 60} h {total_minutes() % 60} min "
                 "in all)", self.note or f"Record: {self.record}", ""]
        for s in self.modules:
            done = f"{len(s.passed)}/{len(s.exercises)} exercises passed" if s.exercises else "no exercises"
            mark = "✔" if s.done else "·"
            lines.append(f"{mark} {s.module.label:<42} {s.module.minutes:>3} min   {done}")
        lines += ["", "Exam scores over time:"]
        lines += [f"  {e.at[:16].replace('T', ' ')}  {e.id:<18} {e.score:.0%}  {'passed' if e.passed else 'not yet'}"
                  for e in self.exams] or ["  no exam attempt yet"]
        lines += ["", "Weakest topics:"]
        lines += [f"  {t.name} ({t.why}): revisit {t.lesson}, section \"{t.section}\"" for t in self.weakest] \
            or ["  none yet"]
        return "\n".join([*lines, "", f"Next step: {self.next_step}"])

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{'✔' if s.done else ''}</td><td>{escape(s.module.label)}</td><td>{s.module.minutes} min</td>"
            f"<td>{f'{len(s.passed)} of {len(s.exercises)}' if s.exercises else '—'}</td></tr>" for s in self.modules)
        exams = "".join(f"<li>{escape(e.at[:16].replace('T', ' '))} · {escape(e.id)}: <b>{e.score:.0%}</b> "
                        f"{'passed' if e.passed else 'not yet'}</li>" for e in self.exams) or "<li>no exam attempt yet</li>"
        weak = "".join(f"<li><b>{escape(t.name)}</b> ({escape(t.why)}): revisit <code>{escape(t.lesson)}</code>, "
                       f"section <i>{escape(t.section)}</i></li>" for t in self.weakest) or "<li>none yet</li>"
        return (f'<div class="okrkit-course-map" style="font-family:system-ui,sans-serif;line-height:1.45">'
                f'<p class="muted">{escape(self.note or f"Your record: {self.record}")}</p>'
                f"<table><caption>Course map (times are the kit's estimate)</caption>"
                f'<tr><th scope="col">done</th><th scope="col">module</th><th scope="col">time</th>'
                f'<th scope="col">exercises passed</th></tr>{rows}</table>'
                f"<p><b>Exam scores over time</b></p><ul>{exams}</ul>"
                f"<p><b>Weakest topics</b></p><ul>{weak}</ul>"
                f"<p><b>Next step:</b> {escape(self.next_step)}</p></div>")


def _weakest(events: tuple[Event, ...], passed: set[str]) -> tuple[Topic, ...]:
    misses = Counter(e.id for e in events if e.kind == "exercise" and not e.passed and e.id not in passed)
    topics = []
    for exercise_id, count in misses.most_common():
        try:
            ex = exercise(exercise_id)
        except KeyError:
            continue
        topics.append((count, Topic(f"{ex.id} {ex.title}", f"{count} tr{'y' if count == 1 else 'ies'}, not passed yet",
                                    module(ex.module).lesson, SECTIONS.get(ex.id, module(ex.module).title))))
    latest = next((e for e in reversed(events) if e.kind == "exam" and e.modules), None)
    for number, (right, asked) in (latest.modules.items() if latest else ()):
        if right < asked:
            try:
                m = module(int(number))
            except KeyError:
                continue
            topics.append((asked - right, Topic(m.title, f"{asked - right} of {asked} missed in the latest exam",
                                                m.lesson, m.summary)))
    topics.sort(key=lambda pair: -pair[0])
    return tuple(t for _, t in topics[:WEAKEST])


def _next_step(standings: tuple[ModuleStanding, ...], events: tuple[Event, ...]) -> str:
    if not events:
        return "Open notebooks/00_start_here.ipynb and work through it; then module 1."
    for s in standings:
        todo = [i for i in s.exercises if i not in s.passed]
        if todo:
            ex = exercise(todo[0])
            return (f"Module {s.module.number}: read {s.module.lesson} (about {s.module.minutes} min), then answer "
                    f"exercise {ex.id}, {ex.title}, in {s.module.exercises}.")
    if not any(e.kind == "exam" and e.passed for e in events):
        return "Every exercise passed: take a practice exam in notebooks/10_certification_practice.ipynb."
    return "Every exercise and an exam passed: you are ready for the certification. Draw new papers to keep sharp."


def course_map(events: tuple[Event, ...] = (), record: Path | None = None, note: str = "") -> CourseMap:
    """The map of the course with the learner's standing, from the recorded events."""
    passed = {e.id for e in events if e.kind == "exercise" and e.passed}
    standings = tuple(ModuleStanding(m, ids := tuple(e.id for e in exercises_of(m.number)),
                                     tuple(i for i in ids if i in passed)) for m in learner_modules())
    exams = tuple(e for e in events if e.kind == "exam")
    return CourseMap(standings, exams, _weakest(events, passed), _next_step(standings, events), record, note)


def show(start=None) -> CourseMap:
    """The course map read from the record in the course folder (``okrkit progress`` and notebook 00)."""
    path = record_path(start)
    if not path.exists():
        return course_map(note=f"No record yet: {path} is written when you first check an exercise.")
    try:
        return course_map(load(path), path)
    except InputError as error:
        return course_map(note=f"Your record could not be read ({error}); the next check keeps it as "
                               f"{path.name}~ and starts a new one.")
