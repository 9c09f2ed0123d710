"""The OKR model: sets of objectives and key results, as frozen values.

Glossary (one meaning everywhere in the kit):
- *set*: a team's, a company's or a person's OKRs for one *cycle*;
- *level*: company, department, team or individual;
- *objective*: the qualitative "what matters"; *key result*: the measurable proof;
- *progress*: measured movement from baseline to target (0.0-1.0); *score*: the owner's
  self-assessed grade (0.0-1.0); *band*: red, yellow or green.
Change a value with :func:`dataclasses.replace`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from okrkit.scoring import key_result_progress
from okrkit.text.numbers import Measure, contradiction, direction_between, measure, verb_direction

LEVELS = ("company", "department", "team", "individual")
TYPES = ("committed", "aspirational")
DECISIONS = ("keep", "modify", "abandon", "carry-forward")


@dataclass(frozen=True)
class KeyResult:
    """A measurable result; numbers not given explicitly are read from the text."""

    text: str
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str | None = None
    direction: str | None = None
    weight: float | None = None
    confidence: float | None = None
    score: float | None = None
    note: str = ""
    line: int | None = None

    @cached_property
    def measure(self) -> Measure:
        """The parsed view of the numbers: explicit fields win over what the text says."""
        read = measure(self.text)
        if self.baseline is None and self.target is None:
            if not self.unit and not self.direction:
                return read  # the text says it all (most key results): no copy to make
            return replace(read, unit=self.unit or read.unit, direction=self.direction or read.direction)
        baseline = self.baseline if self.baseline is not None else read.baseline
        target = self.target if self.target is not None else read.target
        verb = verb_direction(self.text)
        numeric = direction_between(baseline, target) if None not in (baseline, target) else None
        return replace(
            read,
            baseline=baseline,
            target=target,
            unit=self.unit or read.unit,
            direction=self.direction or ("maintain" if verb == "maintain" else numeric or read.direction),
            has_number=True,
            contradiction=contradiction(baseline, target, verb),
        )

    @property
    def progress(self) -> float | None:
        """Measured progress from baseline to target, or None without a current value."""
        return key_result_progress(self)

    def _repr_html_(self) -> str:
        from okrkit.pages import html

        return html.key_result(self)


@dataclass(frozen=True)
class Retro:
    """How an objective was closed at the end of its cycle."""

    execution: int | None = None  # stars, 1-5
    decision: str = ""  # keep | modify | abandon | carry-forward ("remove" means abandon)
    value: str = ""  # what more value carrying forward brings
    learning: str = ""
    decided: str = ""  # the decision taken from the learning
    line: int | None = None


@dataclass(frozen=True)
class Objective:
    title: str
    key_results: tuple[KeyResult, ...] = ()
    type: str | None = None
    aligns_to: str | None = None
    depends_on: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    retro: Retro | None = None
    line: int | None = None

    @property
    def scored(self) -> bool:
        return any(kr.score is not None for kr in self.key_results)

    def _repr_html_(self) -> str:
        from okrkit.pages import html

        return html.objective(self)


@dataclass(frozen=True)
class StrayLine:
    """A line of a text draft that is not part of any objective (OKR001, OKR101)."""

    line: int
    text: str
    kind: str  # "unrecognized" | "orphan-key-result"
    reason: str = ""


@dataclass(frozen=True)
class OKRSet:
    """One set of OKRs: a team's, a company's or a person's, for one cycle."""

    objectives: tuple[Objective, ...] = ()
    id: str | None = None
    team: str | None = None
    level: str = "team"
    cycle: str | None = None
    type: str | None = None
    owner: str | None = None
    path: str | None = None
    stray_lines: tuple[StrayLine, ...] = field(default=(), compare=False)

    @property
    def name(self) -> str:
        return self.team or self.id or "(unnamed set)"

    def objective_type(self, objective: Objective) -> str:
        """Committed or aspirational: the objective's own type, else the set's, else aspirational."""
        return objective.type or self.type or "aspirational"

    @property
    def closed(self) -> bool:
        """A cycle is closed as soon as any objective carries a retro block."""
        return any(o.retro is not None for o in self.objectives)

    def _repr_html_(self) -> str:
        from okrkit.pages import html

        return html.okr_set(self)


@dataclass(frozen=True)
class Organisation:
    """Several sets linked by aligns_to, depends_on and supports."""

    sets: tuple[OKRSet, ...]
    name: str | None = None
    cycle: str | None = None
    path: str | None = None

    @cached_property
    def by_id(self) -> dict[str, OKRSet]:
        return {s.id: s for s in self.sets if s.id}

    @cached_property
    def alignment(self):
        """The resolved links between the sets (okrkit.alignment.graph), built once for all the rules."""
        from okrkit.alignment.graph import Alignment

        return Alignment(self)

    def _repr_html_(self) -> str:
        from okrkit.pages import html

        return html.organisation(self)
