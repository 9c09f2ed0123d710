"""The check-in log: a learner adds a weekly check-in to a key result and sees where it is heading.

Usage in a notebook::

    from okrkit.widgets import CheckInLogger

    log = CheckInLogger(example="sales-retail", name="module6-checkins")
    log                        # the last line of a cell shows the widget

    log.log                    # in a later cell: the check-ins, validated (okrkit.cycle.checkins.CheckInLog)
    log.reading.tracks         # each key result's progress, projection and status
    log.save("checkins.csv")   # export (CSV or YAML by the suffix), atomically

A check-in is a value, a confidence (0-1) and a blocker for one key result on one day. The
log shows the chosen key result's check-ins and its trend plot (progress against the expected
line, with the projection to the cycle's end), every key result's status in words and icon,
and the team's check-in cadence. The reading is as of today while the cycle runs; for a past
cycle (course practice) it is as of the latest check-in. A log given with ``log=`` (a
CheckInLog or a CSV/YAML file) is where a new log starts; once the learner has changed it,
the saved log is what comes back. Validation, statuses and the plot
come from :mod:`okrkit.cycle.checkins`, :mod:`okrkit.cycle.tracking` and :mod:`okrkit.pages.plots`.
"""
from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import ipywidgets as widgets

from okrkit.cycle import checkins
from okrkit.cycle.checkins import CheckIn, CheckInLog
from okrkit.cycle.tracking import TeamReading, Track, read_team
from okrkit.formats.cycles import Cycle, parse_cycle
from okrkit.model import OKRSet
from okrkit.pages.html import escape
from okrkit.scoring import key_result_progress
from okrkit.widgets.parts import STYLE, Picture, arguments_of, read_number, short, starting_set, status_badge
from okrkit.widgets.saving import Saving, status_line

SUFFIX = ".checkins.csv"
WEEK = timedelta(days=7)


class CheckInLogger(widgets.VBox):
    """A form for one check-in, the chosen key result's history and trend, and every key result's status."""

    def __init__(self, okr_set: OKRSet | str | None = None, *, example: str | None = None,
                 log: CheckInLog | str | os.PathLike | None = None, cycle: str | Cycle | None = None,
                 name: str | None = None, today: date | None = None, as_of: date | None = None, **kwargs):
        self._set = starting_set(okr_set, example)
        self._places = {f"O{i}/KR{j}": kr for i, o in enumerate(self._set.objectives, 1)
                        for j, kr in enumerate(o.key_results, 1)}
        if not self._places:
            raise ValueError("the set has no key results to check in on")
        label = cycle or self._set.cycle
        if label is None:
            raise ValueError("the set has no Cycle: line; say which cycle, e.g. cycle=\"2025-Q1\"")
        self.cycle = label if isinstance(label, Cycle) else parse_cycle(label)
        self._today, self._fixed_as_of = today or date.today(), as_of
        self._saving = Saving(name, SUFFIX, "your check-ins", 'CheckInLogger(..., name="module6-checkins")',
                              {**arguments_of(example, self._set), "cycle": self.cycle.label})
        start = self._saving.restore_text(checkins.from_csv)
        if start is None:
            start = checkins.load_log(log) if isinstance(log, (str, os.PathLike)) else log or CheckInLog()
        self._entries = list(start.entries)
        self._unread = start.problems  # rows of the restored or given log that could not be read

        self.kr = widgets.Dropdown(options=[(f"{where} · {short(kr.text, 60)}", where)
                                            for where, kr in self._places.items()],
                                   description="Key result", layout=widgets.Layout(width="min(100%, 560px)"))
        self.day = widgets.DatePicker(description="Date", layout=widgets.Layout(width="260px"))
        self.value = widgets.Text(description="Value", placeholder="the metric now, e.g. 140",
                                  layout=widgets.Layout(width="260px"))
        self.confidence = widgets.BoundedFloatText(value=0.5, min=0.0, max=1.0, step=0.1,
                                                   description="Confidence", continuous_update=False,
                                                   tooltip="How sure the owner is of reaching the target, 0 to 1",
                                                   layout=widgets.Layout(width="260px"))
        self.blocker = widgets.Text(description="Blocker", placeholder="what stops progress now (empty if nothing)",
                                    layout=widgets.Layout(width="min(100%, 560px)"))
        self.add = widgets.Button(description="Add check-in", icon="plus", button_style="primary",
                                  tooltip="Add this check-in to the log (a second one on the same day replaces it)")
        self.remove = widgets.Button(description="Remove latest", icon="undo",
                                     tooltip="Remove the chosen key result's latest check-in")
        self._message = widgets.HTML()
        self._history = widgets.HTML()
        self._plot = Picture(max_width="760px")
        self._overview = widgets.HTML()
        self._drawn: tuple | None = None

        form = widgets.VBox([self.kr, widgets.HBox([self.day, self.value], layout=_WRAP),
                             widgets.HBox([self.confidence], layout=_WRAP), self.blocker,
                             widgets.HBox([self.add, self.remove, self._message], layout=_WRAP)])
        super().__init__([widgets.HTML(STYLE), form, self._history, self._plot.view, self._overview,
                          self._saving.status], **kwargs)
        self.add_class("okrkit-checkin-log")
        self.add.on_click(lambda _button: self.add_check_in())
        self.remove.on_click(lambda _button: self.remove_latest())
        self.kr.observe(lambda _change: self._chosen(), names="value")
        self.refresh(save=False)
        self._saving.settle(self._csv())
        self._chosen()

    @property
    def log(self) -> CheckInLog:
        """The check-ins, validated against the set and the cycle (rows that cannot count are its problems)."""
        return self._log

    @property
    def reading(self) -> TeamReading:
        """Every key result's track and status, the cadence, net confidence and open blockers."""
        return self._reading

    def add_check_in(self) -> bool:
        """Add what the form holds as a check-in of the chosen key result; say why when it cannot count."""
        try:
            value = read_number(self.value.value)
        except ValueError as error:
            return self._tell(f"Value: {error}.", problem=True)
        if self.day.value is None:
            return self._tell("Pick the date of the check-in.", problem=True)
        entry = CheckIn(self.kr.value, self.day.value, value, round(self.confidence.value, 1),
                        blockers=self.blocker.value.strip())
        trial = checkins.validate(CheckInLog((entry,)), self._set, self.cycle, self._today)
        if not trial.entries:
            return self._tell(trial.problems[0].message.removesuffix("; row skipped") + ".", problem=True)
        same = [e for e in self._entries if e.kr == entry.kr and e.date == entry.date]
        self._entries = sorted([e for e in self._entries if e not in same] + [entry], key=lambda e: e.date)
        self.value.value = ""
        self.refresh()
        self.day.value = self._next_date()
        return self._tell(f"{'Replaced' if same else 'Added'} the check-in of {entry.kr} on {entry.date}.")

    def remove_latest(self) -> bool:
        """Remove the chosen key result's latest check-in (to mend a mistake)."""
        mine = [e for e in self._entries if e.kr == self.kr.value]
        if not mine:
            return self._tell(f"{self.kr.value} has no check-in to remove.", problem=True)
        latest = max(mine, key=lambda e: e.date)
        self._entries.remove(latest)
        self.refresh()
        self.day.value = self._next_date()
        return self._tell(f"Removed the check-in of {latest.kr} on {latest.date}.")

    def save(self, path: str | os.PathLike) -> Path:
        """Export the validated log as CSV or YAML (by the suffix), keeping any file already there as ``name~``."""
        return checkins.save_log(self.log, path)

    def refresh(self, save: bool = True) -> None:
        """Validate the log, read every key result's status, show them, and save."""
        given = CheckInLog(tuple(self._entries), problems=self._unread)
        self._log = checkins.validate(given, self._set, self.cycle, self._today)
        self._reading = read_team(self._set, self._log, self.cycle, self._as_of())
        self._overview.value = _overview(self._reading, self._log, self._as_of_note())
        self._show_chosen()
        if save:
            self._saving.save_text(self._csv())

    def _chosen(self) -> None:
        self._show_chosen()
        self.day.value = self._next_date()

    def _show_chosen(self) -> None:
        where = self.kr.value
        track = next(t for t in self._reading.tracks if t.where == where)
        entries = [e for e in self._log.for_kr(where) if e.date <= self._reading.as_of]
        self._history.value = _history(track, entries, self._places[where])
        if self._drawn != (track, self.cycle):
            self._plot.show(_trend_png(track, self.cycle), describe_trend(track))
            self._drawn = (track, self.cycle)

    def _as_of(self) -> date:
        if self._fixed_as_of is not None:
            return self._fixed_as_of
        if self.cycle.contains(self._today):
            return self._today
        return max((e.date for e in self._log.entries), default=min(self._today, self.cycle.end))

    def _as_of_note(self) -> str:
        as_of = self._reading.as_of
        if self._fixed_as_of is not None or self.cycle.contains(self._today):
            return f"as of {as_of}"
        if self._today > self.cycle.end:
            latest = "the latest check-in" if self._log.entries else "its last day"
            return f"as of {as_of}, {latest} (the cycle {self.cycle} is over)"
        return f"as of {as_of} (the cycle {self.cycle} has not started)"

    def _next_date(self) -> date:
        """A week after the chosen key result's latest check-in (the first week's end if none), never past today."""
        mine = [e.date for e in self._entries if e.kr == self.kr.value]
        wanted = max(mine) + WEEK if mine else self.cycle.start + WEEK - timedelta(days=1)
        return max(min(wanted, self._today, self.cycle.end), min(self.cycle.start, self._today))

    def _tell(self, text: str, problem: bool = False) -> bool:
        self._message.value = status_line(text, problem)
        return not problem

    def _csv(self) -> str:
        return checkins.as_csv(CheckInLog(tuple(self._entries)))


_WRAP = widgets.Layout(flex_flow="row wrap", align_items="center")


def _number(value: float | None, form: str = "{:.2f}") -> str:
    return "–" if value is None else form.format(value)


def _history(track: Track, entries: list[CheckIn], kr) -> str:
    """The chosen key result's status and its check-ins, one row each."""
    rows = "".join(
        f"<tr><td>{e.date}</td><td>{_number(e.value, '{:g}')}</td>"
        f"<td>{_number(key_result_progress(kr, e.value) if e.value is not None else None)}</td>"
        f"<td>{_number(e.confidence, '{:.1f}')}</td><td>{escape(e.blockers) or '–'}</td></tr>" for e in entries)
    table = (f"<table><tr><th>date</th><th>value</th><th>progress</th><th>confidence</th><th>blocker</th></tr>"
             f"{rows}</table>" if rows else '<p class="okrkit-muted">No check-in yet: add the first one above.</p>')
    return (f'<div class="okrkit-form"><div class="okrkit-heading">{escape(track.where)} '
            f'{escape(track.text)}</div>{status_badge(track.status, track.reason)}{table}</div>')


def _overview(reading: TeamReading, log: CheckInLog, as_of: str) -> str:
    """Every key result's status, the cadence, net confidence, and rows that could not count."""
    rows = "".join(f"<tr><td>{escape(t.where)}</td><td>{escape(short(t.text, 70))}</td><td>{len(t.points)}</td>"
                   f"<td>{_number(t.progress)}</td><td>{status_badge(t.status)}</td></tr>" for t in reading.tracks)
    net = reading.net_confidence
    facts = [f"Cadence: <b>{escape(reading.cadence.name)}</b> "
             f'<span class="okrkit-muted">({escape(reading.cadence.cadence.pattern)})</span>',
             "Net confidence: " + ("–" if net is None else f"<b>{net:+.2f}</b> "
                                   '<span class="okrkit-muted">(share on track minus share off track)</span>')]
    facts += [f"Open {escape(i.kind)} on {escape(i.where)} since {i.since}: {escape(i.text)}" for i in reading.issues]
    problems = "".join(f'<li><span aria-hidden="true">⚠</span> {escape(p)}</li>' for p in log.problems)
    problems = f"<p>Check-ins that need a look:</p><ul>{problems}</ul>" if problems else ""
    return (f'<div class="okrkit-form"><div class="okrkit-heading">Every key result, {escape(as_of)}</div>'
            f"<table><tr><th>key result</th><th>text</th><th>check-ins</th><th>progress</th><th>status</th></tr>"
            f"{rows}</table>{'<br>'.join(facts)}{problems}</div>")


def describe_trend(track: Track) -> str:
    """The trend plot in words: each check-in's progress against the expected line, and the status."""
    shown = [f"{p.date}: {'no value' if p.progress is None else f'{p.progress:.2f}'} (expected {p.elapsed:.2f})"
             for p in track.points]
    points = "; ".join(shown) if shown else "no check-in yet"
    return (f"Trend of {track.where}, {track.text}. Progress at each check-in against the expected line: "
            f"{points}. Status: {track.status}. {track.reason}")


def _trend_png(track: Track, cycle: Cycle) -> bytes:
    """The trend plot of one key result as a PNG (drawn without pyplot: no global figure state)."""
    from matplotlib.figure import Figure

    from okrkit.pages.plots import checkin_trend, figure_bytes

    figure = Figure(figsize=(8, 4.2), layout="constrained")
    checkin_trend(track, cycle, ax=figure.subplots())
    return figure_bytes(figure, dpi=90, tight=False)
