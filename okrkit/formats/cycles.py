"""Cycles as dates: "2025-Q1", "Q1 2025", "2025-H2", "2025", "2025-03" or "March 2025".

Check-ins need to know how much of the cycle has gone by (the expected line), and closing a
cycle needs the next one; both start from the label a learner writes in ``Cycle:``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from okrkit.errors import InputError

KINDS = ("year", "half", "quarter", "month")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = (
    ("year", re.compile(rf"^{_YEAR}$")),
    ("quarter", re.compile(rf"^{_YEAR}\s*[-/ ]?\s*q(?P<n>[1-4])$")),
    ("quarter", re.compile(rf"^q(?P<n>[1-4])\s*[-/ ]?\s*{_YEAR}$")),
    ("half", re.compile(rf"^{_YEAR}\s*[-/ ]?\s*h(?P<n>[12])$")),
    ("half", re.compile(rf"^h(?P<n>[12])\s*[-/ ]?\s*{_YEAR}$")),
    ("month", re.compile(rf"^{_YEAR}-(?P<n>0?[1-9]|1[0-2])$")),
    ("month", re.compile(rf"^(?P<name>[a-z]+)\.?\s+{_YEAR}$")),
)
_MONTHS_PER = {"year": 12, "half": 6, "quarter": 3, "month": 1}


@dataclass(frozen=True)
class Cycle:
    """One OKR cycle: its kind, year and number (Q3 is 3), with its first and last day."""

    kind: str  # year | half | quarter | month
    year: int
    number: int = 1

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * _MONTHS_PER[self.kind] + 1, 1)

    @property
    def end(self) -> date:
        """The last day of the cycle (inclusive)."""
        last_month = self.number * _MONTHS_PER[self.kind]
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """The canonical spelling: 2025, 2025-H2, 2025-Q1, 2025-03."""
        return {"year": f"{self.year}", "half": f"{self.year}-H{self.number}",
                "quarter": f"{self.year}-Q{self.number}", "month": f"{self.year}-{self.number:02d}"}[self.kind]

    def __str__(self) -> str:
        return self.label

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def elapsed(self, day: date) -> float:
        """The share of the cycle gone by at the end of ``day``: 0.0 before it starts, 1.0 after it ends."""
        done = (day - self.start).days + 1
        return min(1.0, max(0.0, done / self.days))

    def day_at(self, share: float) -> date:
        """The day by which ``share`` of the cycle has gone by (inverse of :meth:`elapsed`)."""
        return self.start + timedelta(days=max(0, round(share * self.days) - 1))

    def next(self) -> Cycle:
        """The cycle of the same kind that follows this one."""
        count = 12 // _MONTHS_PER[self.kind]
        if self.number < count:
            return Cycle(self.kind, self.year, self.number + 1)
        return Cycle(self.kind, self.year + 1, 1)


def parse_cycle(text: str, path: str | None = None, line: int | None = None) -> Cycle:
    """A cycle from its label, or an InputError that shows the spellings the kit reads."""
    cleaned = re.sub(r"\s+", " ", str(text).strip().lower())
    for kind, pattern in _PATTERNS:
        if match := pattern.match(cleaned):
            year = int(match["year"])
            if "name" in match.groupdict():
                number = _MONTHS.get(match["name"])
                if number is None:
                    break
            else:
                number = int(match["n"]) if "n" in match.groupdict() else 1
            return Cycle(kind, year, number)
    raise InputError(f"cannot read the cycle {text!r}: write it as 2025-Q1, Q1 2025, 2025-H2, 2025 or 2025-03",
                     path, line)
