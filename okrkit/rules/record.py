"""A rule is a declared record; its docs, its --help text and part of its tests come from it."""
from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from okrkit.findings import SEVERITIES


@dataclass(frozen=True)
class Hit:
    """Where a rule fired and what to tell the author; the engine adds code, name and severity."""

    where: str
    message: str
    line: int | None = None
    hint: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # names the problem, not the fix
    severity: str  # error | warning | info
    fires_when: str
    why: str  # the course's reason, in our words
    source: str  # where in ../shared/course the reason comes from
    bad: str  # an example that breaks the rule
    good: str  # the same example, mended
    hint: str  # what to change, shown with every finding
    check: Callable[..., Iterable[Hit]]
    scope: str = "set"  # "set": check(OKRSet); "organisation": check(Organisation)
    example_format: str = "draft"  # "draft" (text format) or "yaml"

    def load_example(self, text: str):
        """A bad or good example as a set or an organisation, ready to check."""
        if self.example_format == "yaml":
            from okrkit.formats.yamlsets import from_yaml

            return from_yaml(text, f"{self.code} example")
        from okrkit.formats.drafts import parse

        return parse(text, f"{self.code} example")

    def explain(self) -> str:
        """Everything about the rule, with what the checker says about its bad example."""
        from okrkit.rules import check

        def block(text: str) -> str:
            return textwrap.indent(text.rstrip("\n"), "    ")

        said = "\n".join(f"    {f.where or 'set'}: {f.message}"
                         for f in check(self.load_example(self.bad)) if f.code == self.code)
        return "\n".join([
            f"{self.code} {self.name} ({self.severity})", "",
            textwrap.fill(f"Fires when {self.fires_when}.", 88), "",
            "Why: " + textwrap.fill(self.why, 88, subsequent_indent="     "),
            f"Source: {self.source}", "",
            "Bad:", block(self.bad), "", "The checker says:", said, "",
            "Good:", block(self.good), "",
            "How to mend it: " + self.hint,
        ])

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: unknown severity {self.severity!r}")
        if self.scope not in ("set", "organisation"):
            raise ValueError(f"{self.code}: unknown scope {self.scope!r}")
