"""What people look at: HTML for notebooks (every piece of learner text escaped), standalone
pages written to disk, and matplotlib plots (user text drawn literally).

May import the model, findings, ``okrkit.text`` and ``okrkit.scoring``; pandas and matplotlib
are imported inside the functions that draw, never at import time.
"""
