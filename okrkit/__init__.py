"""okrkit: a practice kit for writing, aligning, grading and reviewing OKRs.

    >>> import okrkit
    >>> draft = okrkit.parse("O: Delight our first customers\\nKR: Raise NPS from 20 to 40")
    >>> [f.code for f in okrkit.check(draft)]
    ['OKR201']

pandas and matplotlib are imported only by the parts that need them.
"""
from okrkit.errors import InputError
from okrkit.findings import Finding, Findings
from okrkit.formats.drafts import parse
from okrkit.formats.loading import load
from okrkit.model import KeyResult, Objective, OKRSet, Organisation, Retro
from okrkit.rules import CATALOG, check, rule
from okrkit.scoring import band, progress

__version__ = "0.1.0"

__all__ = [
    "CATALOG", "Finding", "Findings", "InputError", "KeyResult", "OKRSet", "Objective",
    "Organisation", "Retro", "band", "check", "load", "parse", "progress", "rule",
]
