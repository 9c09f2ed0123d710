"""The retro form: a learner closes each objective of a cycle and exports the record.

Usage in a notebook::

    from okrkit.widgets import RetroForm

    form = RetroForm(card.okr_set, name="module7-retro")   # e.g. the set a ScoreCard scored
    form                        # the last line of a cell shows the widget

    form.okr_set                # in a later cell: the set with a retro block on every objective
    form.findings               # the closing findings (OKR601-OKR605)
    form.export("retro-export") # the closing record (CSV), the team's retrospective (Markdown)
                                # and the next cycle's draft, each written atomically

Per objective, the deck's closing: a decision (keep, modify, abandon, carry forward) with the
value still to be gained, an execution rating of 1 to 5 stars, what was learned and what was
decided from it. Closing, the findings, the retrospective and the next draft come from
:mod:`okrkit.cycle.retro` and :mod:`okrkit.rules.closing`; the form only gathers and shows.
"""
from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets

from okrkit import scoring
from okrkit.cycle import retro
from okrkit.errors import InputError
from okrkit.files import write_atomic
from okrkit.findings import Findings
from okrkit.model import DECISIONS, Objective, OKRSet, Retro
from okrkit.pages.html import escape
from okrkit.rules import check, closing
from okrkit.widgets.debounce import Debouncer
from okrkit.widgets.parts import STYLE, arguments_of, band_badge, findings_block, starting_set
from okrkit.widgets.saving import Saving, status_line

SUFFIX = ".retro.json"
STARS = tuple(range(1, 6))
FILES = ("closing-record.csv", "retrospective.md", "next-draft.okr")


class _Closing:
    """The controls that close one objective."""

    def __init__(self, where: str, objective: Objective, saved: dict):
        before = objective.retro or Retro()
        pick = saved.get("decision", before.decision)
        stars = saved.get("execution", before.execution)
        self.where, self.objective = where, objective
        self.heading = widgets.HTML()
        self.decision = widgets.ToggleButtons(
            options=[(d.replace("-", " ").capitalize(), d) for d in DECISIONS],
            value=pick if pick in DECISIONS else None, description="Decision",
            tooltips=[f"{d}: {retro.DECISION_MEANINGS[d]}" for d in DECISIONS],
            style={"button_width": "120px", **_LABEL})
        self.value = widgets.Text(value=_text(saved, "value", before.value), description="Value to gain",
                                  placeholder="Kept or carried forward: what more value does it bring next cycle?",
                                  style=_LABEL, layout=_WIDE)
        self.execution = widgets.ToggleButtons(
            options=[(f"{n} ★", n) for n in STARS], value=stars if stars in STARS else None,
            description="Execution", tooltips=[f"{n} star{'s' if n > 1 else ''} out of 5" for n in STARS],
            style={"button_width": "56px", **_LABEL})
        self.learning = widgets.Textarea(value=_text(saved, "learning", before.learning), description="Learning",
                                         placeholder=retro.CLOSING_QUESTIONS[1], rows=2, style=_LABEL, layout=_WIDE)
        self.decided = widgets.Textarea(value=_text(saved, "decided", before.decided), description="Decided",
                                        placeholder=retro.CLOSING_QUESTIONS[2], rows=2, style=_LABEL, layout=_WIDE)
        self.view = widgets.VBox([self.heading, self.decision, self.value, self.execution, self.learning,
                                  self.decided])
        self.controls = (self.decision, self.value, self.execution, self.learning, self.decided)

    @property
    def retro(self) -> Retro:
        return Retro(execution=self.execution.value, decision=self.decision.value or "", value=self.value.value,
                     learning=self.learning.value, decided=self.decided.value)

    def show(self, objective: Objective) -> None:
        score = scoring.objective_score(objective)
        self.heading.value = (f'<div class="okrkit-form okrkit-heading">{escape(self.where)} {escape(objective.title)}'
                              f'</div><div class="okrkit-form">Score {band_badge(score)}</div>')

    def state(self) -> dict:
        r = self.retro
        return {"title": self.objective.title, "decision": r.decision, "execution": r.execution, "value": r.value,
                "learning": r.learning, "decided": r.decided}


_WIDE = widgets.Layout(width="min(100%, 760px)")
_LABEL = {"description_width": "100px"}  # the form's labels in one column


def _text(saved: dict, key: str, default: str) -> str:
    return saved[key] if isinstance(saved.get(key), str) else default


class RetroForm(widgets.VBox):
    """A decision, stars, learning and decision-from-learning per objective, the closing findings, and export."""

    def __init__(self, okr_set: OKRSet | str | None = None, *, example: str | None = None,
                 name: str | None = None, debounce: float = 0.2, **kwargs):
        self._set = starting_set(okr_set, example)
        self._saving = Saving(name, SUFFIX, "your retro", 'RetroForm(..., name="module7-retro")',
                              arguments_of(example, self._set))
        saved = self._saving.restore_state().get("objectives")
        saved = saved if isinstance(saved, dict) else {}
        self.objectives: dict[str, _Closing] = {}
        for i, objective in enumerate(self._set.objectives, 1):
            mine = saved.get(f"O{i}")
            mine = mine if isinstance(mine, dict) and mine.get("title") == objective.title else {}
            self.objectives[f"O{i}"] = _Closing(f"O{i}", objective, mine)
        self._header = widgets.HTML(_header(self._set))
        self._findings_view = widgets.HTML(layout=widgets.Layout(margin="8px 0 0 0"))
        self.folder = widgets.Text(value=f"{name}-export" if name else "retro-export", description="Export to",
                                   tooltip="A folder beside the notebook", style=_LABEL,
                                   layout=widgets.Layout(width="380px"))
        self.export_button = widgets.Button(description="Export the record", icon="download",
                                            tooltip="Write " + ", ".join(FILES) + " into the folder",
                                            layout=widgets.Layout(width="auto"))
        self._exported = widgets.HTML()
        super().__init__([widgets.HTML(STYLE), self._header, *(c.view for c in self.objectives.values()),
                          self._findings_view,
                          widgets.HBox([self.folder, self.export_button, self._exported],
                                       layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
                          self._saving.status], **kwargs)
        self.add_class("okrkit-retro-form")
        self._debounce = Debouncer(debounce, self.refresh)
        for closing_controls in self.objectives.values():
            for control in closing_controls.controls:
                control.observe(lambda _change: self._debounce(), names="value")
        self.export_button.on_click(lambda _button: self._export_clicked())
        self.refresh(save=False)
        self._saving.settle(self._saving.state_text(self._state()))

    @property
    def okr_set(self) -> OKRSet:
        """The set closed as entered: a retro block on every objective."""
        self._debounce.flush()
        return self._closed

    @property
    def findings(self) -> Findings:
        """The closing findings of the closed set (OKR601-OKR605)."""
        self._debounce.flush()
        return self._found

    def refresh(self, save: bool = True) -> Findings:
        """Close the set as entered, show the findings, and save."""
        self._debounce.cancel()
        self._closed = retro.close(self._set, {where: c.retro for where, c in self.objectives.items()})
        self._found = check(self._closed, rules=closing.RULES)
        for c, objective in zip(self.objectives.values(), self._closed.objectives):
            c.show(objective)
        self._findings_view.value = findings_block(self._found, self._closed,
                                                   "No findings: every objective is closed as the course asks.",
                                                   "Nothing to close: the set has no objectives.", lines=False)
        if save:
            self._saving.save(self._saving.state_text(self._state()))
        return self._found

    def export(self, folder: str | os.PathLike = "retro-export") -> list[Path]:
        """Write the closing record (CSV), the team's retrospective (Markdown) and the next cycle's draft."""
        from okrkit.cycle.assessment import closing_table
        from okrkit.formats.csvsafe import frame_to_csv

        closed, folder = self.okr_set, Path(folder)
        record, story, draft = (folder / name for name in FILES)
        return [write_atomic(record, frame_to_csv(closing_table(closed))),
                write_atomic(story, retro.team_retrospective(closed).as_markdown()),
                retro.write_next_draft(closed, draft)]

    def _export_clicked(self) -> None:
        try:
            written = self.export(self.folder.value.strip() or "retro-export")
        except (OSError, InputError) as error:
            self._exported.value = status_line(f"Could not export ({getattr(error, 'strerror', None) or error}).",
                                               problem=True)
            return
        self._exported.value = status_line("Wrote " + ", ".join(str(p) for p in written) + ".")

    def _state(self) -> dict:
        return {"set": self._set.name, "objectives": {where: c.state() for where, c in self.objectives.items()}}


def _header(okr_set: OKRSet) -> str:
    questions = "".join(f"<li>{escape(q)}</li>" for q in retro.CLOSING_QUESTIONS)
    return (f'<div class="okrkit-form"><b style="font-size:115%">Closing the cycle: {escape(okr_set.name)}</b> '
            f'<span class="okrkit-muted">{escape(okr_set.cycle or "")}</span><br>For each objective, decide '
            f"its future and answer the deck's three closing questions:<ol>{questions}</ol></div>")
