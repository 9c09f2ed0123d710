"""An instructor's side of the course: a class's submissions read as data, grading them with the
exercises' judges, the gradebook and feedback pages, the class dashboard, the practice exam, and
``okrkit grade`` (``commands``).

May import ``okrkit.exercises``, the rules, the formats and ``okrkit.pages``; nothing below it
imports it.
"""
