"""The readiness report as one HTML page a pilot group can open in any browser.

Overview first (a verdict per team), then the alignment map with the objectives that do not
reach the company and who depends on whom, then each team's fixes in the order to make them,
each with the words it is about, the message and the hint. Learner and organisation text is
escaped everywhere; the map is an embedded image.
"""
from __future__ import annotations

import os

from okrkit.pages import standalone as pages
from okrkit.pages.html import escape
from okrkit.rollout.readiness import URGENCIES, Readiness, TeamReadiness

_VERDICT_CLASS = {"ready": "ok", "almost ready": "warning", "not ready": "error"}


def _badge(text: str, css: str) -> str:
    return f'<span class="badge {escape(css)}">{escape(text)}</span>'


def _overview(readiness: Readiness) -> str:
    rows = [(f'<a href="#team-{escape(t.set_id)}">{escape(t.team)}</a>', escape(t.level),
             str(t.objectives), str(t.key_results), _badge(t.verdict, _VERDICT_CLASS[t.verdict]),
             *(str(sum(f.urgency == urgency for f in t.fixes)) for urgency in URGENCIES)) for t in readiness.teams]
    return pages.table(("team", "level", "objectives", "key results", "verdict", *URGENCIES), rows)


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


def _alignment(readiness: Readiness) -> str:
    """The alignment map, the objectives whose chain stops short of the company, and who depends on whom."""
    from okrkit.alignment.analysis import parent_chains, set_dependencies
    from okrkit.alignment.map import alignment_map

    org = readiness.organisation
    chains = parent_chains(org)
    short = chains[(chains["level"] != "company") & ~chains["reaches_company"]]
    parts = ["<h2>Alignment</h2>", pages.figure_img(alignment_map(org).figure, "alignment map of the organisation")]
    if len(short):
        parts += ["<h3>Objectives that do not reach the company</h3>",
                  pages.frame_table(short[["objective", "title", "chain", "ends"]], index=False)]
    dependencies = set_dependencies(org)
    linked = dependencies[(dependencies[["depended_on_by", "depends_on", "supports"]] != "").any(axis=1)]
    if len(linked):
        parts += ["<h3>Who depends on whom</h3>",
                  pages.frame_table(linked[["team", "depended_on_by", "depends_on", "supports", "works_most_with",
                                            "unanswered"]], index=False)]
    return "".join(parts)


def render(readiness: Readiness, plan=None, title: str | None = None) -> str:
    """The report page; with a :class:`~okrkit.rollout.plan.Plan`, its review is included."""
    org = readiness.organisation
    title = title or f"OKR readiness report: {org.name or 'organisation'}"
    parts = [f"<h1>{escape(title)}</h1>",
             f"<p>{_badge(readiness.verdict, _VERDICT_CLASS[readiness.verdict])} {escape(readiness.summary())}."
             f' <span class="muted">Source: {escape(org.path or "(in memory)")}'
             f'{", cycle " + escape(org.cycle) if org.cycle else ""}.</span></p>',
             "<h2>Teams</h2>", _overview(readiness), _alignment(readiness),
             "<h2>Fixes per team, most urgent first</h2>",
             '<p class="muted">Must fix: the OKR is not valid yet. Fix alignment: silos, conflicts and broken links '
             "between teams. Should fix: a rule of good practice. Consider: a suggestion. Run "
             "<code>okrkit rules CODE</code> for the reason behind a rule.</p>",
             *(_team(t) for t in readiness.teams)]
    if plan is not None:
        from okrkit.rollout.plan_export import as_html

        parts += ["<h2>Implementation plan</h2>", as_html(plan, title="Where the plan stands")]
    return pages.page(title, "".join(parts))


def write(readiness: Readiness, path: str | os.PathLike, plan=None):
    from okrkit.files import write_atomic

    return write_atomic(path, render(readiness, plan))
