"""A quick check in a lesson, answered with a click: the letters of a choice as buttons, or a box
for a few words, marked on the spot by :func:`okrkit.exercises.quick_check`.

Usage in a lesson, under the markdown cell that asks the question::

    from okrkit.widgets import QuickCheckForm
    QuickCheckForm("m02-team-max")
"""
from __future__ import annotations

import ipywidgets as widgets

from okrkit.exercises.quick_checks import QuickCheck, question, quick_check


class QuickCheckForm(widgets.VBox):
    """The answer to one quick check, and its verdict as soon as it is given."""

    def __init__(self, question_id: str, **kwargs):
        self.question = question(question_id)
        self.verdict = widgets.HTML()
        if self.question.options:
            self.answer = widgets.ToggleButtons(
                options=[key for key, _ in self.question.options], value=None, description="Your answer",
                tooltips=[text for _, text in self.question.options], style={"button_width": "48px"})
            self.answer.observe(lambda _change: self.check(), names="value")
            controls = [self.answer]
        else:
            self.answer = widgets.Text(description="Your answer", placeholder="a few words",
                                       continuous_update=False, layout=widgets.Layout(width="min(100%, 480px)"))
            button = widgets.Button(description="Check", icon="check", tooltip="Mark your answer")
            button.on_click(lambda _button: self.check())
            self.answer.observe(lambda _change: self.check(), names="value")  # on Enter, or leaving the box
            controls = [widgets.HBox([self.answer, button])]
        super().__init__([*controls, self.verdict], **kwargs)
        self.add_class("okrkit-quick-check")

    def check(self) -> QuickCheck:
        """Mark what is chosen or typed now, and show the verdict."""
        result = quick_check(self.question.id, self.answer.value or "")
        self.verdict.value = result._repr_html_()
        return result
