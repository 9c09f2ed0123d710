"""Running a cycle: check-ins and their tracking, the conversations that keep OKRs alive,
grading reports, retrospectives and closing, the cycle's milestones, and the commands
``okrkit score``, ``okrkit checkins``, ``okrkit close`` and ``okrkit calendar`` (``commands``).

May import the model, ``okrkit.scoring``, ``okrkit.formats``, ``okrkit.rules`` and ``okrkit.pages``.
"""
