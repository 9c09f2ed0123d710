"""The alignment board: a learner writes a team's OKRs beside a parent set and sees how they link.

Usage in a notebook::

    from okrkit.widgets import AlignmentBoard

    board = AlignmentBoard("avoid-silos", team="support", name="module4-silos")
    board                        # the last line of a cell shows the widget

    board.organisation           # in a later cell: the organisation with the learner's team set in it
    board.findings               # the alignment findings (OKR401-OKR406)

Pick a course example (the avoid-silos and lateral-alignment exercises, and the others of
:func:`okrkit.examples.organisation_names`) or give your own organisation; pick the team to
write for and the set to show beside it (its company set by default, with every reference
ready to copy into ``aligns_to``). The team's set is edited as YAML, which carries links
(``aligns_to``, ``depends_on``, ``supports``); a pasted text draft works too, without links.
The board shows the links, conflicts and silos, the findings and the alignment map, all read
from :mod:`okrkit.alignment.graph`, :mod:`okrkit.rules.alignment` and :mod:`okrkit.alignment.map`.
"""
from __future__ import annotations

import re
from dataclasses import replace

import ipywidgets as widgets

from okrkit import examples
from okrkit.alignment.graph import Alignment
from okrkit.alignment.key import describe
from okrkit.errors import InputError
from okrkit.findings import Findings
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import from_yaml, organisation
from okrkit.formats.yamlwriter import set_yaml
from okrkit.model import OKRSet, Organisation
from okrkit.pages.html import escape
from okrkit.rules import alignment as alignment_rules
from okrkit.rules import check
from okrkit.widgets.debounce import Debouncer
from okrkit.widgets.parts import STYLE, Picture, findings_block, short
from okrkit.widgets.saving import Saving, status_line

SUFFIX = ".alignment.json"
DPI = 100  # the map's own sizes are in inches, so its text reads at the notebook's size
_YAML = re.compile(r"^\s*-?\s*(?:objectives|id|key_results|title|aligns_to)\s*:", re.MULTILINE | re.IGNORECASE)
KIND_WORDS = {"aligns_to": "↑ aligns to", "depends_on": "⇢ depends on", "supports": "⇠ supports"}


class AlignmentBoard(widgets.VBox):
    """A parent set beside a team's editable set, with their links, conflicts, silos, findings and map."""

    def __init__(self, organisation: Organisation | str = "avoid-silos", *, team: str | None = None,
                 beside: str | None = None, name: str | None = None, debounce: float = 0.6, **kwargs):
        self._given = organisation if isinstance(organisation, Organisation) else None
        asked = {"organisation": organisation if self._given is None else self._given.name, "team": team,
                 "beside": beside}
        self._saving = Saving(name, SUFFIX, "your team's OKRs", 'AlignmentBoard(..., name="module4-silos")', asked)
        saved = self._saving.restore_state()
        texts = saved.get("texts")
        self._texts: dict[str, str] = {k: v for k, v in texts.items() if isinstance(v, str)} \
            if isinstance(texts, dict) else {}
        names = examples.organisation_names()
        if self._given is None and organisation not in names:
            raise KeyError(f"no example organisation {organisation!r}; the organisations are: {', '.join(names)}")
        start = organisation if self._given is None else None
        if self._given is None and saved.get("example") in names:
            start = saved["example"]
        self.example = widgets.Dropdown(options=names, value=start, description="Example",
                                        layout=widgets.Layout(width="300px",
                                                              display="none" if self._given else ""))
        self.team = widgets.Dropdown(description="Your team", layout=widgets.Layout(width="300px"))
        self.beside = widgets.Dropdown(description="Beside", layout=widgets.Layout(width="300px"))
        self.reset = widgets.Button(description="Start again", icon="refresh",
                                    tooltip="Put the example's version of this team's set back in the editor")
        self.text = widgets.Textarea(rows=16, description="Team OKRs", continuous_update=True,
                                     tooltip="The team's set as YAML (with links) or a text draft",
                                     style={"description_width": "initial"},
                                     layout=widgets.Layout(flex="1 1 420px", margin="0 0 0 12px"))
        self.text.add_class("okrkit-editor")
        self._parent = widgets.HTML(layout=widgets.Layout(flex="1 1 340px"))
        self._problem = widgets.HTML()
        self._overview = widgets.HTML()
        self._findings_view = widgets.HTML()
        self._map = Picture()
        self._drawn: Organisation | None = None
        self._loading = False

        super().__init__([
            widgets.HTML(STYLE + _INTRO),
            widgets.HBox([self.example, self.team, self.beside, self.reset],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            widgets.HBox([self._parent, self.text], layout=widgets.Layout(flex_flow="row wrap",
                                                                           align_items="flex-start")),
            self._problem, self._overview, self._findings_view, self._map.view, self._saving.status,
        ], **kwargs)
        self.add_class("okrkit-alignment-board")
        self._debounce = Debouncer(debounce, self.refresh)
        self._redraw = Debouncer(2 * debounce, self._draw_map)  # the map takes longest: after a longer pause
        self._load_organisation((saved.get("team"), team), (saved.get("beside"), beside))  # where the learner was
        self._organisation, self._found = self._base, Findings()
        self.example.observe(lambda _change: self._switch(self._load_organisation), names="value")
        self.team.observe(lambda _change: self._switch(self._load_team), names="value")
        self.beside.observe(lambda _change: self._switch(self._show_parent), names="value")
        self.text.observe(lambda _change: None if self._loading else self._debounce(), names="value")
        self.reset.on_click(lambda _button: setattr(self.text, "value", _starter(self._original, self._base)))
        self.refresh(save=False)
        self._saving.settle(self._saving.state_text(self._state()))

    @property
    def organisation(self) -> Organisation:
        """The organisation with the team's set as written (the last version that could be read)."""
        self._debounce.flush()
        return self._organisation

    @property
    def findings(self) -> Findings:
        """The alignment findings of that organisation (OKR401-OKR406)."""
        self._debounce.flush()
        return self._found

    @property
    def graph(self) -> Alignment:
        """Its links, resolved, with the conflicts and silos they show."""
        return self.organisation.alignment

    def refresh(self, save: bool = True) -> Findings:
        """Read the team's set, put it in the organisation, show links, conflicts, silos, findings and map; save."""
        self._debounce.cancel()
        key = self._key()
        if self.text.value == _starter(self._original, self._base):
            self._texts.pop(key, None)
        else:
            self._texts[key] = self.text.value
        try:
            team = _read_team(self.text.value, self._original)
            self._organisation = organisation([team if s.id == team.id else s for s in self._base.sets],
                                              self._base.name, self._base.cycle, self._base.path)
        except InputError as error:
            self._problem.value = status_line(f"Cannot read your team's OKRs: {error}. The board shows the last "
                                              "version it could read.", problem=True)
        else:
            self._problem.value = ""
            graph = self._organisation.alignment
            self._found = _lines_in_editor(check(self._organisation, rules=alignment_rules.RULES), team.id)
            self._overview.value = _overview(graph, self.team.value)
            self._findings_view.value = findings_block(
                self._found, team, "No findings: every objective is linked, and no target conflicts.",
                "Nothing to check yet: write your team's objectives, each with its links and key results.")
            self._redraw()
        if save:
            self._saving.save(self._saving.state_text(self._state()))
        return self._found

    def _draw_map(self) -> None:
        if self._drawn != self._organisation:
            png = _map_png(self._organisation)
            self._map.show(png, describe(self._organisation), _png_width(png) or None)  # as drawn: not blurred
            self._drawn = self._organisation

    def _switch(self, action) -> None:
        if not self._loading:
            self._debounce.flush()  # what was typed for the team shown so far is kept first
            action()
            self.refresh()

    def _load_organisation(self, teams: tuple = (), besides: tuple = ()) -> None:
        """Show an organisation: its team is the first of ``teams`` it holds, and so for ``besides``."""
        self._base = self._given or examples.load_example(self.example.value)
        ids = [s.id for s in self._base.sets]
        writable = [s.id for s in self._base.sets if s.level != "company"] or ids
        self._loading = True
        try:
            self.team.options = [(f"{s.name} ({s.id})", s.id) for s in self._base.sets if s.id in writable]
            self.team.value = next((t for t in teams if t in writable), writable[0])
            self.beside.options = [(f"{s.name} ({s.id})", s.id) for s in self._base.sets]
            tops = sorted(ids, key=lambda i: (self._base.by_id[i].level != "company", i == self.team.value))
            self.beside.value = next((b for b in besides if b in ids), tops[0])
        finally:
            self._loading = False
        self._load_team()
        self._show_parent()

    def _load_team(self) -> None:
        self._original = self._base.by_id[self.team.value]
        self._loading = True
        try:
            self.text.value = self._texts.get(self._key(), _starter(self._original, self._base))
        finally:
            self._loading = False

    def _show_parent(self) -> None:
        self._parent.value = _parent(self._base.by_id[self.beside.value])

    def _key(self) -> str:
        return f"{self.example.value if self._given is None else self._base.name or 'organisation'}/{self.team.value}"

    def _state(self) -> dict:
        return {"example": self.example.value if self._given is None else None, "team": self.team.value,
                "beside": self.beside.value, "texts": self._texts}


_INTRO = ('<div class="okrkit-form">Write your team\'s OKRs on the right, beside the set on the left. Link each '
          "objective with <code>aligns_to</code> (the parent objective or key result it moves), "
          "<code>depends_on</code> (sets it needs help from) or <code>supports</code> (objectives of other sets it "
          "helps), using the references shown on the left.</div>")


def _starter(okr_set: OKRSet, found: Organisation) -> str:
    """What the editor starts from: the team's set as YAML; for an empty set, a commented first objective."""
    text = set_yaml(okr_set)
    if okr_set.objectives:
        return text
    top = next((s for s in found.sets if s.level == "company" and s.objectives), None)
    link = f"{top.id}/O1" if top else "SET/O1"
    return text.replace("objectives: []\n", (
        "objectives:\n# Remove the # signs and write your own (the references are on the left):\n"
        "# - title: What your team wants to achieve, in words that inspire\n"
        f"#   aligns_to: {link}\n#   depends_on: [another-set]\n#   key_results:\n"
        "#     - Raise a number that proves it from X to Y\n"))


def _read_team(text: str, original: OKRSet) -> OKRSet:
    """The team's set from YAML (FORMATS.md section 2) or a text draft, keeping the team's id and cycle."""
    if _YAML.search(text):
        found = from_yaml(text, "your team's OKRs", default_id=original.id)
        if isinstance(found, Organisation):
            raise InputError("holds a whole organisation: write one set here", "your team's OKRs")
    else:
        found = parse(text, "your team's OKRs")
    return replace(found, id=original.id, cycle=found.cycle or original.cycle, path=None)


def _lines_in_editor(found: Findings, team: str) -> Findings:
    """The findings, with line numbers only where they point into the editor (the team's set)."""
    return Findings(f if f.where.split("/", 1)[0] == team else replace(f, line=None, path=None) for f in found)


def _parent(okr_set: OKRSet) -> str:
    """The set beside the editor, every objective and key result with the reference that names it."""
    rows = []
    for i, objective in enumerate(okr_set.objectives, 1):
        rows.append(f"<tr><td><code>{escape(okr_set.id)}/O{i}</code></td>"
                    f"<td><b>{escape(objective.title)}</b></td></tr>")
        rows += [f"<tr><td><code>{escape(okr_set.id)}/O{i}/KR{j}</code></td><td>{escape(kr.text)}</td></tr>"
                 for j, kr in enumerate(objective.key_results, 1)]
    body = f"<table>{''.join(rows)}</table>" if rows else '<p class="okrkit-muted">No objectives yet.</p>'
    facts = " · ".join(f for f in (okr_set.level, okr_set.owner and f"owner: {okr_set.owner}") if f)
    return (f'<div class="okrkit-form"><b style="font-size:110%">{escape(okr_set.name)}</b> '
            f'<span class="okrkit-muted">{escape(facts)}</span>{body}</div>')


def _quote(graph: Alignment, ref) -> str:
    """A place with its words: a key result's text, an objective's title, or a set's team name."""
    text = (graph.set_of(ref).name if ref.objective is None else
            graph.key_result(ref).text if ref.key_result else graph.objective(ref).title)
    return f'<code>{escape(ref)}</code> <span class="okrkit-muted">“{escape(short(text, 70))}”</span>'


def _broken(link) -> str:
    if link.target is not None:
        return ""
    return f'<span aria-hidden="true">✖</span> names nothing: {escape(link.problem)}'


def _overview(graph: Alignment, team: str) -> str:
    """The links (the team's first), the conflicting targets and the silos, each in words with an icon."""
    links = sorted(graph.links, key=lambda link: (link.source.set_id != team, link.source))
    rows = "".join(
        f"<tr><td><code>{escape(link.source)}</code></td><td>{escape(KIND_WORDS[link.kind])}</td>"
        f"<td>{_quote(graph, link.target) if link.target else f'<code>{escape(link.written)}</code>'}</td>"
        f"<td>{_broken(link)}</td></tr>" for link in links)
    link_part = (f"<table><tr><th>from</th><th>link</th><th>to</th><th>problem</th></tr>{rows}</table>" if rows
                 else '<p class="okrkit-muted">No links yet.</p>')
    conflicts = "".join(f'<li><span aria-hidden="true">≠</span> {_quote(graph, kr)} has another target than '
                        f"{_quote(graph, other)}</li>" for kr, other in graph.conflicts)
    silos = "".join(f'<li><span aria-hidden="true">○</span> {_quote(graph, ref)}: nothing links it to the rest '
                    "of the organisation</li>" for ref in graph.silos)
    return (f'<div class="okrkit-form"><div class="okrkit-heading">Links ({len(graph.links)})</div>{link_part}'
            f'<div class="okrkit-heading">Conflicting targets ({len(graph.conflicts)})</div>'
            f"{f'<ul>{conflicts}</ul>' if conflicts else '<p class=okrkit-muted>None.</p>'}"
            f'<div class="okrkit-heading">Silos ({len(graph.silos)})</div>'
            f"{f'<ul>{silos}</ul>' if silos else '<p class=okrkit-muted>None.</p>'}</div>")


def _png_width(png: bytes) -> int:
    """The width of a PNG in pixels, from its header."""
    return int.from_bytes(png[16:20], "big") if png[:8] == b"\x89PNG\r\n\x1a\n" else 0


def _map_png(found: Organisation) -> bytes:
    """The alignment map as a PNG; the figure is closed at once, so the notebook never shows it twice."""
    from okrkit.alignment.map import alignment_map
    from okrkit.pages.plots import figure_bytes

    return figure_bytes(alignment_map(found).figure, dpi=DPI)
