"""What the checker reports: plain values, rendered elsewhere (text, JSON, HTML)."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Finding:
    """One rule broken at one place: ``where`` is "O2/KR3", "O2", or "" for the whole set."""

    code: str
    name: str
    severity: str
    where: str
    line: int | None
    message: str
    hint: str
    path: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class Findings(list):
    """A list of findings that summarises itself and renders as a table in a notebook."""

    def tally(self, severity: str | None = None) -> int:
        return sum(1 for f in self if severity is None or f.severity == severity)

    @property
    def errors(self) -> int:
        return self.tally("error")

    @property
    def codes(self) -> Counter:
        return Counter(f.code for f in self)

    def summary(self) -> str:
        """ "2 errors, 1 warning" (or "no findings")."""
        parts = [f"{n} {severity}{'s' if n != 1 else ''}"
                 for severity in SEVERITIES if (n := self.tally(severity))]
        return ", ".join(parts) if parts else "no findings"

    def _repr_html_(self) -> str:
        from okrkit.pages import html

        return html.findings(self)
