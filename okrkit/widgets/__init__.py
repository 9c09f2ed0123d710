"""Widgets for JupyterLab: thin views over the kit's functions, for learners to touch.

Nothing in the kit imports this package (it needs ipywidgets); a notebook does::

    from okrkit.widgets import DraftChecker
    DraftChecker(name="module2-exercise1", template=True)
"""
from okrkit.widgets.draft_checker import DraftChecker

__all__ = ["DraftChecker"]
