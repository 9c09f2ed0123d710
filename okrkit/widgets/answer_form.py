"""An answer form: any exercise answered through a form instead of a Python literal.

Usage in an exercise notebook, below the answer cell::

    from okrkit.widgets import AnswerForm
    AnswerForm("02-1", practice=practice)

The fields follow the exercise (:mod:`okrkit.exercises.answer_fields`): a draft gets the live
draft checker, labels a dropdown each, scores a slider each, a number a number box. "Check my
answer" marks the form's answer with the same :func:`okrkit.exercises.assess` as the answer
cell's check (and, with ``practice``, counts the attempt and records it). The form's answer as an
answer cell is :attr:`AnswerForm.code`, for the instructor's grader, which reads answer cells.
The form keeps its work in ``.okrkit-autosave/answer-<id>.answer.json`` beside the notebook and
restores it when the cell runs again; saved fields the exercise no longer has are left out, and
the status line says so.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from okrkit.exercises import answer_fields
from okrkit.exercises.answer_fields import Field
from okrkit.exercises.record import Assessment, literal
from okrkit.exercises.registry import exercise, self_check
from okrkit.exercises.session import Practice
from okrkit.pages.html import escape
from okrkit.widgets.debounce import Debouncer
from okrkit.widgets.draft_checker import DraftChecker
from okrkit.widgets.saving import Saving

SUFFIX = ".answer.json"
WHOLE = "answer"  # the saved key of a field that is the whole answer
_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="min(100%, 720px)")


def _is_draft(text: str) -> bool:
    """A text draft (checked live as the learner types), as opposed to YAML or CSV."""
    return any(line.strip().upper().startswith(("O:", "KR:", "TEAM:")) for line in text.splitlines())


def _control(field: Field, value: Any) -> tuple[widgets.Widget, widgets.Widget]:
    """The input for one field, and the view that shows it (the same widget, or a draft checker)."""
    label = field.label if field.key is not None else "Your answer"
    if field.kind == "draft":
        if _is_draft(str(field.start)):
            checker = DraftChecker(str(value), rows=max(8, str(value).count("\n") + 3), saved_elsewhere=True)
            return checker, checker
        area = widgets.Textarea(value=str(value), description=label, rows=max(6, str(value).count("\n") + 3),
                                style=_LABEL, layout=widgets.Layout(width="min(100%, 760px)"))
        area.add_class("okrkit-editor")
        return area, area
    if field.kind == "choice":
        box = widgets.Dropdown(options=[("— choose —", ""), *((c, c) for c in field.choices)], value=value,
                               description=label, style=_LABEL, layout=_WIDE, tooltip=field.about or None)
        return box, box
    if field.kind == "choices":
        from okrkit.rules import rule

        box = widgets.SelectMultiple(options=[(f"{c} {rule(c).name}", c) for c in field.choices], value=value,
                                     rows=10, description="Rules it reports", style=_LABEL, layout=_WIDE)
        return box, box
    if field.kind == "score":
        slider = widgets.FloatSlider(value=0.0 if value is None else value, min=0.0, max=1.0, step=0.1,
                                     readout_format=".1f", description=label, continuous_update=False,
                                     style=_LABEL, layout=_WIDE)
        return slider, slider
    if field.kind == "words":
        area = widgets.Textarea(value=str(value), description=label, placeholder="one per line", rows=3,
                                style=_LABEL, layout=_WIDE)
        return area, area
    text = widgets.Text(value=str(value), description=label, style=_LABEL, layout=_WIDE, tooltip=field.about or None,
                        placeholder="a number" if field.kind == "number" else field.about[:60])
    return text, text


class AnswerForm(widgets.VBox):
    """The fields of one exercise's answer, a check button, the verdict, and the answer as code."""

    def __init__(self, exercise_id: str, *, practice: Practice | None = None, name: str | None = "",
                 debounce: float = 0.3, **kwargs):
        self.exercise = exercise(exercise_id)
        self.practice = practice
        self.fields = answer_fields.fields(self.exercise)
        name = f"answer-{self.exercise.id}" if name == "" else name
        self._saving = Saving(name, SUFFIX, "your answer", f'AnswerForm("{self.exercise.id}", name="...")',
                              {"exercise": self.exercise.id})
        start = answer_fields.values_of(self.exercise, self.exercise.starter)
        left_out = self._restore(start)
        self.controls: dict[str | None, widgets.Widget] = {}
        views = []
        for field in self.fields:
            control, view = _control(field, start[field.key])
            self.controls[field.key] = control
            views.append(view)
        self.check_button = widgets.Button(description="Check my answer", icon="check", button_style="primary",
                                           tooltip="Mark this answer, as the check cell does")
        self.code_button = widgets.ToggleButton(description="Show as code", icon="code",
                                                tooltip="The answer cell that holds this answer, to paste")
        self.verdict = widgets.HTML()
        self._code = widgets.HTML()
        given = ""
        if any(f.about for f in self.fields):  # blanks of a set: show the set they sit in, notes and all
            given = (f"<details><summary>The set as given</summary><pre style='white-space:pre-wrap'>"
                     f"{escape(self.exercise.starter)}</pre></details>")
        super().__init__([
            widgets.HTML(f"<b>Exercise {escape(self.exercise.id)} · {escape(self.exercise.title)}</b><br>"
                         f"{escape(self.exercise.task)}{given}"),
            *views,
            widgets.HBox([self.check_button, self.code_button], layout=widgets.Layout(flex_flow="row wrap")),
            self.verdict, self._code, self._saving.status], **kwargs)
        self.add_class("okrkit-answer-form")
        if left_out:
            self._saving.say(f"Restored your answer from {self._saving.where}, except {', '.join(left_out)}: "
                             "not part of this exercise any more (at your first change the file is kept as a ~ copy).")
        self._debounce = Debouncer(debounce, self._changed)
        for control in self.controls.values():
            control.observe(lambda _change: self._debounce(), names="value")
        self.check_button.on_click(lambda _button: self.check())
        self.code_button.observe(lambda _change: self._show_code(), names="value")
        self._saving.settle(self._saving.state_text(self._state()))

    def _restore(self, start: dict) -> list[str]:
        """Put the saved inputs into ``start``; the saved fields that do not belong to this exercise."""
        saved = self._saving.restore_state()
        values = saved.get("values") if isinstance(saved.get("values"), dict) else {}
        keys = {WHOLE if f.key is None else f.key: f for f in self.fields}
        for key, value in values.items():
            if key in keys:
                field = keys[key]
                start[field.key] = answer_fields.shown(field, answer_fields.entered(field, value))
        return [key for key in values if key not in keys]

    @property
    def answer(self) -> Any:
        """The answer as the answer cell would hold it: what the judge and the grader read."""
        return answer_fields.answer(self.exercise, {key: c.value for key, c in self.controls.items()})

    @answer.setter
    def answer(self, given: Any) -> None:
        for key, value in answer_fields.values_of(self.exercise, given).items():
            self.controls[key].value = value

    @property
    def code(self) -> str:
        """The answer cell for this answer: paste it over the answer cell for the instructor's grader."""
        return f"# exercise {self.exercise.id}\nanswer = {literal(self.answer)}"

    def check(self) -> Assessment:
        """Mark the form's answer; with a practice, the attempt counts and is recorded."""
        self._debounce.flush()
        given = self.answer
        result = self.practice.check(self.exercise.id, given) if self.practice else self_check(self.exercise.id, given)
        self.verdict.value = result._repr_html_()
        self._save()
        return result

    def _changed(self) -> None:
        self._save()
        if self.code_button.value:
            self._show_code()

    def _show_code(self) -> None:
        self._code.value = (f"<pre style='white-space:pre-wrap'>{escape(self.code)}</pre>"
                            if self.code_button.value else "")

    def _state(self) -> dict:
        values = {WHOLE if key is None else key: list(v) if isinstance(v, tuple) else v
                  for key, v in ((k, c.value) for k, c in self.controls.items())}
        return {"values": values}

    def _save(self) -> None:
        self._saving.save(self._saving.state_text(self._state()))
