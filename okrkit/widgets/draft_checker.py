"""The draft checker: a learner types a draft and sees the course's rules applied as they go.

Usage in a notebook::

    from okrkit.widgets import DraftChecker

    checker = DraftChecker(name="module2-exercise1", example="go-to-market-weak")
    checker                          # the last line of a cell shows the widget

    # in a later cell, the same draft from Python:
    checker.findings.summary()       # '2 errors, 2 warnings'
    checker.okr_set.objectives[0].title

``DraftChecker()`` starts empty, ``DraftChecker(template=True)`` from a blank template,
``DraftChecker(example=...)`` from one of :func:`okrkit.examples.example_names`, and
``DraftChecker("O: ...")`` from your own text. With a ``name`` the draft is saved beside the
notebook as the learner types and restored when the cell runs again, even after a kernel
restart; without one nothing is saved. The widget only shows what :func:`okrkit.parse` and
:func:`okrkit.check` say: every rule lives in :mod:`okrkit.rules`.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime

import ipywidgets as widgets

from okrkit import examples
from okrkit.errors import InputError
from okrkit.findings import Findings
from okrkit.formats.drafts import parse
from okrkit.model import OKRSet
from okrkit.pages.html import escape
from okrkit.rules import check as check_rules
from okrkit.widgets import findings_view
from okrkit.widgets.autosave import Autosave
from okrkit.widgets.debounce import Debouncer

PLACEHOLDER = ("Team: Sales\nCycle: 2025-Q1\nO: Grow big with national retail outlets\n"
               "KR: Increase revenue from 20 to 30 Mil USD from market A\n...")


# Characters the checker reads: a set of OKRs is a few hundred, the course's longest draft under
# 3,000. Far beyond, a pasted document would make each keystroke's check take seconds.
MAX_CHECKED = 20_000


class DraftChecker(widgets.VBox):
    """A text area for a draft, with its findings beside it, checked as the learner types."""

    def __init__(self, text: str | None = None, *, example: str | None = None, template: bool = False,
                 name: str | None = None, debounce: float = 0.25, rows: int = 14, saved_elsewhere: bool = False,
                 **kwargs):
        if (text is not None) + (example is not None) + template > 1:
            raise ValueError("start from one of: your text, example=..., or template=True")
        start = (text if text is not None else examples.example(example) if example is not None
                 else examples.template() if template else "")
        self.autosave = Autosave(name) if name else None
        origin = (f"the example {example!r}" if example is not None else "the template" if template
                  else "the text given" if text else None)
        start, note = self._restore(start, origin)
        self._saved = start  # nothing to save until the learner changes it

        self._text = widgets.Textarea(
            value=start, description="Your draft", placeholder=PLACEHOLDER, rows=rows,
            continuous_update=True, tooltip="One set of OKRs: headers, then O: and KR: lines",
            style={"description_width": "initial"},
            layout=widgets.Layout(flex="1 1 380px", flex_flow="column", margin="0 12px 0 0"))
        self._text.add_class("okrkit-draft")
        self._summary = widgets.HTML()
        self._list = widgets.VBox()
        self._button = widgets.Button(description="Check", icon="check",
                                      tooltip="Check the draft now (it is also checked as you type)")
        # inside a form that keeps the draft itself, the checker's own saving note would mislead
        self._status = widgets.HTML(_status(note), layout=widgets.Layout(display="none" if saved_elsewhere else ""))
        self._views: dict[tuple, widgets.HTML] = {}
        self._debounce = Debouncer(debounce, self.check)

        panel = widgets.VBox([self._summary, self._list], layout=widgets.Layout(flex="1 1 380px"))
        super().__init__([
            widgets.HBox([self._text, panel], layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start")),
            widgets.HBox([self._button, self._status], layout=widgets.Layout(align_items="center")),
        ], **kwargs)
        self.add_class("okrkit-draft-checker")
        self._text.observe(lambda _change: self._debounce(), names="value")
        self._button.on_click(lambda _button: self.check())
        self.check()

    @property
    def value(self) -> str:
        """The draft's text, as the learner typed it."""
        return self._text.value

    @value.setter
    def value(self, text: str) -> None:
        self._text.value = text

    @property
    def okr_set(self) -> OKRSet:
        """The draft, parsed (checked now if a check was still waiting for a pause in typing)."""
        self._debounce.flush()
        return self._okr_set

    @property
    def findings(self) -> Findings:
        """What the rules say about the draft (checked now if a check was still waiting)."""
        self._debounce.flush()
        return self._findings

    def check(self) -> Findings:
        """Parse the draft, apply the rules, show the findings, and save the text."""
        self._debounce.cancel()
        text = self._text.value
        if len(text) > MAX_CHECKED:  # a whole document pasted: keep the keystrokes quick, and the text
            self._okr_set, self._findings = parse(""), Findings()
            self._show()
            self._summary.value = _status(f"This text is {len(text):,} characters long; the checker reads a draft "
                                          f"of up to {MAX_CHECKED:,} (one set of OKRs is a few hundred). Keep one "
                                          "set here.", problem=True)
        else:
            self._okr_set = parse(text)
            self._findings = check_rules(self._okr_set)
            self._show()
        self._save(text)
        return self._findings

    def _show(self) -> None:
        """Render the findings, keeping the view of each unchanged one (and whether it is open)."""
        self._summary.value = findings_view.summary(self._findings, self._okr_set)
        old, self._views = self._views, {}
        for key in _keys(self._findings):
            self._views[key] = old.pop(key, None) or widgets.HTML(findings_view.finding(key[0]))
        self._list.children = tuple(self._views.values())
        for view in old.values():
            view.close()

    def _restore(self, start: str, origin: str | None = None) -> tuple[str, str]:
        """The text to start from and a note on where it came from (and what it replaced)."""
        if self.autosave is None:
            return start, ('Not saved: give the checker a name, e.g. DraftChecker(name="module2-exercise1"), '
                           "to keep your draft across kernel restarts.")
        where = self.autosave.path.relative_to(self.autosave.root)
        try:
            saved = self.autosave.load()
        except InputError as error:
            return start, f"Could not restore your draft ({error}); starting afresh."
        if saved is None:
            return start, f"Saved as you type in {where}."
        when = datetime.fromtimestamp(self.autosave.path.stat().st_mtime)
        instead = (f" It replaces {origin} this cell starts from; to start from that again, give the checker "
                   "another name." if origin and saved.strip() != start.strip() else "")
        return saved, f"Restored your draft from {where} (saved {when:%Y-%m-%d %H:%M}).{instead}"

    def _save(self, text: str) -> None:
        if self.autosave is None or text == self._saved:
            return
        try:
            path = self.autosave.save(text)
        except OSError as error:
            self._status.value = _status(f"Could not save your draft ({error.strerror or error}); "
                                         "copy it somewhere safe.", problem=True)
            return
        self._saved = text
        where = path.relative_to(self.autosave.root)
        if self.autosave.conflict:
            self._status.value = _status(f"Saved at {datetime.now():%H:%M:%S} in {where}, where another notebook had "
                                         f"saved too: its version is kept as {where}~.", problem=True)
            return
        self._status.value = _status(f"Saved at {datetime.now():%H:%M:%S} in {where}.")


def _keys(found: Findings):
    """Each finding with its occurrence number, so that identical findings stay distinct."""
    seen: Counter = Counter()
    for f in found:
        seen[f] += 1
        yield f, seen[f]


def _status(text: str, problem: bool = False) -> str:
    style = "color:var(--jp-error-color1,#b00020)" if problem else "color:var(--jp-ui-font-color2,#555)"
    return f'<span style="{style};font-size:90%;margin-left:8px">{escape(text)}</span>'
