"""A form's autosave, and the status line that tells the learner what became of their work.

The score card, the check-in log, the retro form and the alignment board each keep what the
learner entered through :class:`okrkit.widgets.autosave.Autosave` (atomic writes, the previous
session's version kept as ``name~``): restored when the widget is created again, in the same
kernel or after a restart, and saved after each change. A save or a restore that fails is
said in the status line, never raised, so the learner keeps working and knows to copy their
work somewhere safe.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import ipywidgets as widgets

from okrkit.errors import InputError
from okrkit.files import write_atomic
from okrkit.pages.html import escape
from okrkit.widgets.autosave import Autosave

T = TypeVar("T")


class Saving:
    """Where a form's work is kept, and a status line (``.status``) saying so.

    ``what`` names the work in messages ("your scores"); ``example`` shows how to give the
    widget a name when it has none (``'ScoreCard(..., name="module5-scores")'``).
    """

    def __init__(self, name: str | None, suffix: str, what: str, example: str, arguments: dict | None = None):
        self.autosave = Autosave(name, suffix) if name else None
        self.arguments = arguments  # what the cell asked for (an example set, a team): saved work belongs to it
        self.what = what
        self.example = example
        self.status = widgets.HTML()
        self._saved: str | None = None

    def restore(self, decode: Callable[[str], T]) -> T | None:
        """The saved work, decoded; None (and a status saying why) when there is none to restore."""
        if self.autosave is None:
            self.say(f"Not saved: give it a name, e.g. {self.example}, to keep {self.what} across "
                      "kernel restarts.")
            return None
        where = self.where
        try:
            text = self.autosave.load()
            if text is None:
                self.say(f"Saved as you go in {where}.")
                return None
            work = decode(text)
        except (InputError, ValueError, TypeError) as error:
            self.say(f"Could not restore {self.what} from {where} ({error}); starting afresh. That file "
                      f"is kept as {where}~ at your first change.", problem=True)
            return None
        self._saved = text
        when = datetime.fromtimestamp(self.autosave.path.stat().st_mtime)
        self.say(f"Restored {self.what} from {where} (saved {when:%Y-%m-%d %H:%M}).")
        return work

    def restore_state(self) -> dict:
        """The saved state (a JSON object) when it was made for the same arguments; else nothing, said
        in the status line. A state saved before arguments were kept is restored as it is."""
        state = self.restore(from_json)
        if not state:
            return {}
        if self._belongs(state.get("arguments")):
            return state
        self._refuse(state["arguments"])
        return {}

    def restore_text(self, decode: Callable[[str], T]) -> T | None:
        """Like :meth:`restore`, for work kept as plain text (a CSV log): the arguments it was made
        for are kept beside it, in ``<file>.arguments.json``."""
        if self.autosave is not None and self.arguments is not None:
            try:
                made_for = from_json(self._beside.read_text(encoding="utf-8")).get("arguments")
            except (OSError, ValueError, UnicodeDecodeError):
                made_for = None
            if self.autosave.path.exists() and not self._belongs(made_for):
                self._refuse(made_for)
                return None
        return self.restore(decode)

    def save_text(self, text: str) -> None:
        """Save plain-text work, and the arguments it belongs to beside it."""
        before = self._saved
        self.save(text)
        if self.arguments is not None and self._saved == text and before != text:
            try:
                write_atomic(self._beside, to_json({"arguments": self.arguments}), keep_previous=False)
            except OSError as error:
                self.say(f"Could not save what {self.what} belong to ({error.strerror or error}).", problem=True)

    @property
    def _beside(self):
        return self.autosave.path.with_name(self.autosave.path.name + ".arguments.json")

    def _belongs(self, made_for: object) -> bool:
        """Saved work belongs here unless it names other arguments (an argument left out, None, takes any)."""
        return self.arguments is None or not isinstance(made_for, dict) or all(
            made_for.get(key) == value for key, value in self.arguments.items() if value is not None)

    def _refuse(self, made_for: object) -> None:
        self._saved = None
        self.say(f"Not restored: {self.where} holds {self.what} for {describe(made_for)}, and this cell now asks "
                 f"for {describe(self.arguments)}, so it starts from that. The other work is kept as {self.where}~ "
                 "at your first change; give this cell another name to keep both.", problem=True)

    def state_text(self, state: dict) -> str:
        """A state as saved: with the arguments it belongs to."""
        return to_json(state if self.arguments is None else {**state, "arguments": self.arguments})

    def settle(self, text: str) -> None:
        """Take ``text`` as already saved: creating a widget writes nothing until the learner changes it."""
        if self._saved is None:
            self._saved = text

    def save(self, text: str) -> None:
        """Save the work if it changed since the last save; say how that went."""
        if self.autosave is None or text == self._saved:
            return
        try:
            self.autosave.save(text)
        except OSError as error:
            self.say(f"Could not save {self.what} ({error.strerror or error}); keep a copy somewhere safe.",
                      problem=True)
            return
        self._saved = text
        if self.autosave.conflict:
            self.say(f"Saved at {datetime.now():%H:%M:%S} in {self.where}, where another notebook had saved too: "
                      f"its version is kept as {self.where}~.", problem=True)
            return
        self.say(f"Saved at {datetime.now():%H:%M:%S} in {self.where}.")

    @property
    def where(self) -> str:
        """The autosave file, relative to the notebook's folder."""
        return str(self.autosave.path.relative_to(self.autosave.root))

    def say(self, text: str, problem: bool = False) -> None:
        self.status.value = status_line(text, problem)


def describe(arguments: object) -> str:
    """Arguments as a learner reads them: "example 'go-to-market', team 'sales'"."""
    if not isinstance(arguments, dict):
        return repr(arguments)
    return ", ".join(f"{key} {value!r}" for key, value in arguments.items() if value is not None) or "no arguments"


def to_json(state: dict) -> str:
    """A form's state as the JSON kept in its autosave file (readable, accents as they are)."""
    return json.dumps(state, indent=1, ensure_ascii=False) + "\n"


def from_json(text: str) -> dict:
    """A form's state back from its autosave file; ValueError when it is not a JSON object."""
    try:
        state = json.loads(text)
    except RecursionError:  # brackets nested thousands deep
        raise ValueError("not a saved form (nested too deeply)") from None
    if not isinstance(state, dict):
        raise ValueError("not a saved form (expected a JSON object)")
    return state


def status_line(text: str, problem: bool = False) -> str:
    """A quiet line of text under a form; a problem reads in the error colour, with a warning sign."""
    if problem:
        return (f'<span role="alert" style="color:var(--jp-error-color1,#b00020);font-size:90%">'
                f'<span aria-hidden="true">⚠</span> {escape(text)}</span>')
    return f'<span style="color:var(--jp-ui-font-color2,#555);font-size:90%">{escape(text)}</span>'
