"""The readiness report as one HTML page a pilot group can open in any browser.

Overview first (a verdict per team), then the alignment map with the objectives that do not
reach the company and who depends on whom, then each team's fixes in the order to make them,
each with the words it is about, the message and the hint. Learner and organisation text is
escaped everywhere; the map is an embedded image.

A whole organisation (more than ``TEAMS_PER_PAGE`` teams) is summarised instead: the first
page counts the verdicts per level, shows the map and the first rows of each alignment table,
and links to pages of ``TEAMS_PER_PAGE`` teams each, the least ready first. No page grows
with the organisation; every fix is still on one of them (and in ``okrkit onboard --fixes``).
"""
from __future__ import annotations

import os
from pathlib import Path

from okrkit.pages import standalone as pages
from okrkit.pages.html import escape
from okrkit.rollout.readiness import URGENCIES, VERDICTS, Readiness, TeamReadiness

_VERDICT_CLASS = {"ready": "ok", "almost ready": "warning", "not ready": "error"}
# Teams one page lists in full (a pilot group fits on one page), and rows an alignment table
# shows on a summary page.
TEAMS_PER_PAGE = 200


def _badge(text: str, css: str) -> str:
    return f'<span class="badge {escape(css)}">{escape(text)}</span>'


def _overview(teams: tuple[TeamReadiness, ...]) -> str:
    rows = [(f'<a href="#team-{escape(t.set_id)}">{escape(t.team)}</a>', escape(t.level),
             str(t.objectives), str(t.key_results), _badge(t.verdict, _VERDICT_CLASS[t.verdict]),
             *(str(sum(f.urgency == urgency for f in t.fixes)) for urgency in URGENCIES)) for t in teams]
    return pages.table(("team", "level", "objectives", "key results", "verdict", *URGENCIES), rows)


def _verdicts(readiness: Readiness) -> str:
    """How many teams of each level are ready, almost ready and not ready."""
    counts: dict[str, dict[str, int]] = {}
    for team in readiness.teams:
        row = counts.setdefault(team.level or "(organisation)", dict.fromkeys(VERDICTS, 0))
        row[team.verdict] += 1
    return pages.table(("level", "teams", *VERDICTS),
                       [(escape(level), str(sum(row.values())), *(str(row[v]) for v in VERDICTS))
                        for level, row in counts.items()])


def _first_rows(frame, columns: list[str], limit: int | None) -> str:
    """A table of the frame, cut to its first ``limit`` rows with a note saying how many are left out."""
    shown = frame if limit is None else frame.head(limit)
    more = len(frame) - len(shown)
    note = (f'<p class="muted">… and {more:,} more: <code>okrkit align ORGANISATION --csv FILE</code> '
            "lists every one.</p>") if more else ""
    return pages.frame_table(shown[columns], index=False) + note


def _team(team: TeamReadiness) -> str:
    head = (f'<h3 id="team-{escape(team.set_id)}">{escape(team.team)} '
            f'<span class="muted">({escape(team.set_id)})</span> '
            f'{_badge(team.verdict, _VERDICT_CLASS[team.verdict])}</h3>')
    if not team.fixes:
        return head + '<p class="ok">✔ Nothing to fix: these OKRs follow every rule.</p>'
    items = []
    for fix in team.fixes:
        f = fix.finding
        place = " · ".join(part for part in (fix.where or "the whole set", f"line {f.line}" if f.line else "") if part)
        about = f'<br>“{escape(fix.text)}”' if fix.text else ""
        items.append(f'<li><span class="{escape(f.severity)}">{escape(fix.urgency)}</span> '
                     f'<span class="muted">{escape(place)}</span>{about}<br>'
                     f'<code>{escape(f.code)}</code> {escape(f.message)}<br>'
                     f'<span class="muted">→ {escape(f.hint)}</span></li>')
    return head + f"<ol>{''.join(items)}</ol>"


def _alignment(readiness: Readiness, limit: int | None = None) -> str:
    """The alignment map, the objectives whose chain stops short of the company, and who depends on whom
    (the first ``limit`` rows of each)."""
    from okrkit.alignment.analysis import parent_chains, set_dependencies
    from okrkit.alignment.map import alignment_map

    org = readiness.organisation
    chains = parent_chains(org)
    short = chains[(chains["level"] != "company") & ~chains["reaches_company"]]
    parts = ["<h2>Alignment</h2>", pages.figure_img(alignment_map(org).figure, "alignment map of the organisation")]
    if len(short):
        parts += ["<h3>Objectives that do not reach the company</h3>",
                  _first_rows(short, ["objective", "title", "chain", "ends"], limit)]
    dependencies = set_dependencies(org)
    linked = dependencies[(dependencies[["depended_on_by", "depends_on", "supports"]] != "").any(axis=1)]
    if len(linked):
        parts += ["<h3>Who depends on whom</h3>",
                  _first_rows(linked, ["team", "depended_on_by", "depends_on", "supports", "works_most_with",
                                       "unanswered"], limit)]
    return "".join(parts)


def _heading(readiness: Readiness, title: str) -> list[str]:
    org = readiness.organisation
    return [f"<h1>{escape(title)}</h1>",
            f"<p>{_badge(readiness.verdict, _VERDICT_CLASS[readiness.verdict])} {escape(readiness.summary())}."
            f' <span class="muted">Source: {escape(org.path or "(in memory)")}'
            f'{", cycle " + escape(org.cycle) if org.cycle else ""}.</span></p>']


_FIXES_INTRO = ('<p class="muted">Must fix: the OKR is not valid yet. Fix alignment: silos, conflicts and broken links '
                "between teams. Should fix: a rule of good practice. Consider: a suggestion. Run "
                "<code>okrkit rules CODE</code> for the reason behind a rule.</p>")


def _title(readiness: Readiness, title: str | None) -> str:
    return title or f"OKR readiness report: {readiness.organisation.name or 'organisation'}"


def _plan(plan) -> list[str]:
    if plan is None:
        return []
    from okrkit.rollout.plan_export import as_html

    return ["<h2>Implementation plan</h2>", as_html(plan, title="Where the plan stands")]


def is_paged(readiness: Readiness) -> bool:
    return len(readiness.teams) > TEAMS_PER_PAGE


def team_pages(readiness: Readiness) -> list[tuple[TeamReadiness, ...]]:
    """The teams of each page of a paged report: the least ready first, then in the organisation's order."""
    ordered = sorted(readiness.teams, key=lambda t: -VERDICTS.index(t.verdict))
    return [tuple(ordered[start:start + TEAMS_PER_PAGE]) for start in range(0, len(ordered), TEAMS_PER_PAGE)]


def page_name(path: str | os.PathLike, number: int) -> str:
    """The file of the ``number``-th page of teams, beside the report: report-teams-2.html."""
    path = Path(path)
    return f"{path.stem}-teams-{number}{path.suffix or '.html'}"


def render(readiness: Readiness, plan=None, title: str | None = None, path: str | os.PathLike = "report.html") -> str:
    """The report page; with a :class:`~okrkit.rollout.plan.Plan`, its review is included.

    A paged report's first page (see :func:`is_paged`) links to its pages of teams by their
    file names beside ``path``.
    """
    title = _title(readiness, title)
    if not is_paged(readiness):
        parts = [*_heading(readiness, title), "<h2>Teams</h2>", _overview(readiness.teams), _alignment(readiness),
                 "<h2>Fixes per team, most urgent first</h2>", _FIXES_INTRO, *(_team(t) for t in readiness.teams)]
        return pages.page(title, "".join(parts + _plan(plan)))
    links = []
    for number, teams in enumerate(team_pages(readiness), 1):
        counts = ", ".join(f"{n} {verdict}" for verdict in reversed(VERDICTS)
                           if (n := sum(t.verdict == verdict for t in teams)))
        links.append(f'<li><a href="{escape(page_name(path, number))}">Teams {(number - 1) * TEAMS_PER_PAGE + 1:,}'
                     f" to {(number - 1) * TEAMS_PER_PAGE + len(teams):,}</a> "
                     f'<span class="muted">({escape(counts)})</span></li>')
    parts = [*_heading(readiness, title), "<h2>Teams</h2>",
             f"<p>{len(readiness.teams):,} teams: too many for one page. Their verdicts per level, then the "
             f"pages that list them, {TEAMS_PER_PAGE} to a page, the least ready first.</p>",
             _verdicts(readiness), f"<ol>{''.join(links)}</ol>", _alignment(readiness, TEAMS_PER_PAGE)]
    return pages.page(title, "".join(parts + _plan(plan)))


def render_team_page(readiness: Readiness, number: int, title: str | None = None,
                     path: str | os.PathLike = "report.html") -> str:
    """The ``number``-th page of teams of a paged report: their overview and every fix."""
    teams = team_pages(readiness)[number - 1]
    title = f"{_title(readiness, title)}: teams, page {number}"
    parts = [f"<h1>{escape(title)}</h1>",
             f'<p><a href="{escape(Path(path).name)}">Back to the summary</a></p>',
             "<h2>Teams</h2>", _overview(teams), "<h2>Fixes per team, most urgent first</h2>", _FIXES_INTRO,
             *(_team(t) for t in teams)]
    return pages.page(title, "".join(parts))


def write(readiness: Readiness, path: str | os.PathLike, plan=None) -> Path:
    """The report at ``path``, and, for a paged report, its pages of teams beside it."""
    from okrkit.files import write_atomic

    written = write_atomic(path, render(readiness, plan, path=path))
    if is_paged(readiness):
        for number in range(1, len(team_pages(readiness)) + 1):
            write_atomic(Path(path).with_name(page_name(path, number)),
                         render_team_page(readiness, number, path=path))
    return written
