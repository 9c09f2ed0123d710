"""Widgets for JupyterLab: thin views over the kit's functions, for learners to touch.

Nothing in the kit imports this package (it needs ipywidgets); a notebook does::

    from okrkit.widgets import DraftChecker
    DraftChecker(name="module2-exercise1", template=True)

DraftChecker (write a draft), AlignmentBoard (link a team's OKRs to the rest of an
organisation), ScoreCard (grade key results), CheckInLogger (weekly check-ins) and RetroForm
(close a cycle); AnswerForm answers any exercise and
QuickCheckForm a lesson's quick check without typing Python. Each one given a ``name`` keeps the learner's work beside the notebook.
"""
from okrkit.widgets.alignment_board import AlignmentBoard
from okrkit.widgets.answer_form import AnswerForm
from okrkit.widgets.checkin_log import CheckInLogger
from okrkit.widgets.draft_checker import DraftChecker
from okrkit.widgets.quick_check_form import QuickCheckForm
from okrkit.widgets.retro_form import RetroForm
from okrkit.widgets.score_card import ScoreCard

__all__ = ["AlignmentBoard", "AnswerForm", "CheckInLogger", "DraftChecker", "QuickCheckForm", "RetroForm", "ScoreCard"]
