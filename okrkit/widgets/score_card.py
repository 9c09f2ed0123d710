"""The score card: at the end of a cycle a learner grades each key result and sees how it reads.

Usage in a notebook::

    from okrkit.widgets import ScoreCard

    card = ScoreCard(example="sales-retail", name="module5-scores")
    card                       # the last line of a cell shows the widget

    card.okr_set               # in a later cell: the set with the scores, values and notes entered
    card.findings              # the self-assessment findings (OKR501-OKR504)
    card.rating_table()        # the deck's rating / reflecting table, as a DataFrame

Per key result: a number box for the score (0.0-1.0, arrow keys step by 0.1), its band in an icon, words
and colour, the value now and the progress it measures, and a note for the self-assessment.
Each objective shows its score and how that reads against its type; the set shows its own.
A key result is "not scored yet" until a score is entered. Scores, bands, grades and
findings all come from :mod:`okrkit.scoring` and :mod:`okrkit.rules.grading`.
"""
from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets

from okrkit import scoring
from okrkit.findings import Findings
from okrkit.model import KeyResult, OKRSet
from okrkit.pages.html import escape
from okrkit.rules import check, grading
from okrkit.widgets.debounce import Debouncer
from okrkit.widgets.parts import STYLE, arguments_of, band_badge, findings_block, read_number, starting_set
from okrkit.widgets.saving import Saving

SUFFIX = ".scores.json"


class _Row:
    """The controls of one key result: score box, band, value now, measured progress and note."""

    def __init__(self, where: str, kr: KeyResult, saved: dict):
        self.where, self.kr = where, kr
        self._score = saved.get("score", kr.score)  # None until the learner scores it
        now = "" if kr.current is None else f"{kr.current:g}"
        self.label = widgets.HTML(f'<div class="okrkit-form"><b>{escape(where)}</b> {escape(kr.text)}</div>',
                                  layout=widgets.Layout(flex="1 1 300px"))
        # A number box, not a slider: its label names it for a screen reader, and arrow keys step it by 0.1.
        self.score_box = widgets.BoundedFloatText(
            value=_on_scale(self._score), min=0.0, max=1.0, step=0.1, description="Score",
            tooltip=f"Score of {where}, 0.0 to 1.0", continuous_update=True, style=_LABEL,
            layout=widgets.Layout(width="190px", flex="0 0 190px"))
        self.score_box.add_class("okrkit-score")
        self.band = widgets.HTML(layout=widgets.Layout(flex="1 1 280px"))
        self.now = widgets.Text(value=saved.get("now", now), description="Value now", placeholder="e.g. 25",
                                tooltip=f"Where the metric of {where} stands now", style=_LABEL,
                                layout=widgets.Layout(width="190px", flex="0 0 190px"))
        self.measured = widgets.HTML(layout=widgets.Layout(width="250px", flex="0 0 250px"))
        self.note = widgets.Text(value=saved.get("note", kr.note), description="Note",
                                 placeholder="Self-assessment: why this score?",
                                 tooltip=f"Why {where} earned its score", style=_LABEL,
                                 layout=widgets.Layout(flex="1 1 260px"))
        self.score_box.observe(self._scored, names="value")
        self.view = widgets.VBox([
            widgets.HBox([self.label, self.score_box, self.band], layout=_WRAP),
            widgets.HBox([self.now, self.measured, self.note], layout=_WRAP),
        ], layout=widgets.Layout(margin="0 0 6px 16px"))

    def _scored(self, _change) -> None:
        self._score = round(self.score_box.value, 1)

    @property
    def key_result(self) -> KeyResult:
        """The key result as entered: its score, its value now (when one is typed) and its note."""
        try:
            current = read_number(self.now.value)
        except ValueError:
            current = None
        return replace(self.kr, score=self._score, note=self.note.value,
                       current=self.kr.current if current is None else current)

    def show(self, kr: KeyResult) -> None:
        if self._score is None:
            self.band.value = band_badge(None, "not scored yet: enter a score")
        elif scoring.valid_score(self._score):
            self.band.value = band_badge(self._score)
        else:
            self.band.value = band_badge(None, f"{self._score:g} is off the 0.0-1.0 scale: enter a score")
        self.measured.value = f'<div class="okrkit-form">{_measured(self.now.value, kr)}</div>'

    def state(self) -> dict:
        return {"text": self.kr.text, "score": self._score, "now": self.now.value, "note": self.note.value}


_WRAP = widgets.Layout(flex_flow="row wrap", align_items="center")
_LABEL = {"description_width": "initial"}


def _on_scale(score) -> float:
    return min(1.0, max(0.0, score)) if isinstance(score, (int, float)) else 0.0


def _measured(typed: str, kr: KeyResult) -> str:
    try:
        read_number(typed)
    except ValueError as error:
        return f'<span aria-hidden="true">⚠</span> {escape(error)}'
    if kr.progress is not None:
        return f"Measured progress <b>{kr.progress:.2f}</b>"
    if kr.current is None:
        return '<span class="okrkit-muted">Type the value now to measure the progress.</span>'
    return '<span class="okrkit-muted">No progress can be measured from these numbers.</span>'


def _restorable(saved: dict | None) -> dict:
    """The saved key results by place ("O1/KR2"), each a dict of what the learner entered."""
    rows = (saved or {}).get("key_results", {})
    return {where: row for where, row in rows.items() if isinstance(row, dict)} if isinstance(rows, dict) else {}


def _valid(row: dict) -> dict:
    """What can be restored of one saved row: a score that is a number, texts that are text."""
    kept = {key: row[key] for key in ("now", "note") if isinstance(row.get(key), str)}
    score = row.get("score", False)
    if score is None or isinstance(score, (int, float)) and not isinstance(score, bool):
        kept["score"] = score
    return kept


class ScoreCard(widgets.VBox):
    """A score box, a band, the measured progress and a note for each key result, with the findings."""

    def __init__(self, okr_set: OKRSet | str | None = None, *, example: str | None = None,
                 name: str | None = None, debounce: float = 0.2, **kwargs):
        self._set = starting_set(okr_set, example)
        self._saving = Saving(name, SUFFIX, "your scores", 'ScoreCard(..., name="module5-scores")',
                              arguments_of(example, self._set))
        saved = _restorable(self._saving.restore_state())
        self.rows: dict[str, _Row] = {}
        parts: list[widgets.Widget] = [widgets.HTML(STYLE)]
        self._header = widgets.HTML()
        self._objectives: list[widgets.HTML] = []
        parts.append(self._header)
        left_out = 0
        for i, objective in enumerate(self._set.objectives, 1):
            heading = widgets.HTML()
            self._objectives.append(heading)
            parts.append(heading)
            for j, kr in enumerate(objective.key_results, 1):
                where = f"O{i}/KR{j}"
                row = saved.pop(where, {})
                if row and row.get("text") != kr.text:
                    row, left_out = {}, left_out + 1
                self.rows[where] = _Row(where, kr, _valid(row))
                parts.append(self.rows[where].view)
        left_out += len(saved)
        self._findings_view = widgets.HTML(layout=widgets.Layout(margin="8px 0 0 0"))
        parts += [self._findings_view, self._saving.status]
        super().__init__(parts, **kwargs)
        self.add_class("okrkit-score-card")
        if left_out:
            self._saving.say(f"Restored your scores from {self._saving.where}, but {left_out} saved key results are "
                             "not in this set any more and were left out (at your first change the file is kept "
                             "as a ~ copy).")
        self._debounce = Debouncer(debounce, self.refresh)
        for row in self.rows.values():
            for control in (row.score_box, row.now, row.note):
                control.observe(lambda _change: self._debounce(), names="value")
        self.refresh(save=False)
        self._saving.settle(self._saving.state_text(self._state()))

    @property
    def okr_set(self) -> OKRSet:
        """The set with the scores, values now and notes entered (up to date, even mid-typing)."""
        self._debounce.flush()
        return self._scored

    @property
    def findings(self) -> Findings:
        """The self-assessment findings of the scored set (OKR501-OKR504)."""
        self._debounce.flush()
        return self._found

    @property
    def scores(self) -> dict[str, float | None]:
        """Each key result's score by place ("O1/KR2"); None where it is not scored yet."""
        return {where: row.key_result.score for where, row in self.rows.items()}

    def rating_table(self):
        """The deck's rating / reflecting table of the scored set (see :func:`okrkit.cycle.assessment.rating_table`)."""
        from okrkit.cycle.assessment import rating_table

        return rating_table(self.okr_set)

    def refresh(self, save: bool = True) -> Findings:
        """Score the set as entered, show every band and the findings, and save."""
        self._debounce.cancel()
        entered = {where: row.key_result for where, row in self.rows.items()}
        objectives = tuple(
            replace(o, key_results=tuple(entered[f"O{i}/KR{j}"] for j in range(1, len(o.key_results) + 1)))
            for i, o in enumerate(self._set.objectives, 1))
        self._scored = replace(self._set, objectives=objectives)
        self._found = check(self._scored, rules=grading.RULES)
        for where, row in self.rows.items():
            row.show(entered[where])
        for i, (objective, heading) in enumerate(zip(objectives, self._objectives), 1):
            heading.value = _objective(i, objective, self._scored.objective_type(objective))
        self._header.value = _header(self._scored)
        scored = any(row.key_result.score is not None for row in self.rows.values())
        clean = ("No findings: the self-assessment follows every rule." if scored
                 else "Nothing scored yet: enter a score for a key result.")
        self._findings_view.value = findings_block(self._found, self._scored, clean,
                                                   "Nothing to score: the set has no objectives.", lines=False)
        if save:
            self._saving.save(self._saving.state_text(self._state()))
        return self._found

    def _state(self) -> dict:
        return {"set": self._set.name, "key_results": {where: row.state() for where, row in self.rows.items()}}


def _objective(i: int, objective, kind: str) -> str:
    score = scoring.objective_score(objective)
    reading = "" if score is None else f' <span class="okrkit-muted">{escape(scoring.expectation(score, kind))}</span>'
    return (f'<div class="okrkit-form okrkit-heading">O{i} {escape(objective.title)} '
            f'<span class="okrkit-muted">({escape(kind)}, aims for {scoring.EXPECTED_SCORE[kind]:.1f})</span></div>'
            f'<div class="okrkit-form" style="margin-left:16px">Objective score {band_badge(score)}{reading}</div>')


def _header(okr_set: OKRSet) -> str:
    facts = " · ".join(f for f in (okr_set.cycle, okr_set.level) if f)
    return (f'<div class="okrkit-form"><b style="font-size:115%">Score card: {escape(okr_set.name)}</b> '
            f'<span class="okrkit-muted">{escape(facts)}</span><br>Set score {band_badge(scoring.set_score(okr_set))}'
            ' <span class="okrkit-muted">(the mean of the objectives; each is the mean of its key results, '
            "their measured progress standing in for a missing score)</span></div>")
